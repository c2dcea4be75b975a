"""The `flashpoint` command: parses flags, calls the Python API, prints with Rich. No logic here."""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Political event data from news articles: who did what to whom, with evidence.")
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

EXIT_REJECTED = 3  # some inputs were rejected; the others were processed
EXIT_BUSY = 4  # the database is in use by another process (DuckDB: one writer at a time)


class CodeFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    json = "json"


@app.command()
def code(
    files: List[str] = typer.Argument(..., help="Articles: .txt, .html, .json/.jsonl files or folders; '-' reads stdin."),
    format: CodeFormat = typer.Option(CodeFormat.table, "--format", "-f", help="table, jsonl or json."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for inputs that lack one."),
    outlet: Optional[str] = typer.Option(None, help="Outlet name for inputs that lack one."),
    min_confidence: float = typer.Option(0.0, help="Drop events below this confidence."),
    all_factualities: bool = typer.Option(True, "--all/--asserted-only",
                                          help="Show negated, hypothetical and planned acts too."),
):
    """Code articles into events and print them."""
    from .ingest import InputError, as_date, read_inputs
    from .pipeline import code_articles

    date = as_date(published)
    if published and date is None:
        raise typer.BadParameter(f"--published {published!r} is not a date like 2025-06-16")
    failures = 0
    good = []

    def articles():
        nonlocal failures
        for item in read_inputs(files, published=date, outlet=outlet):
            if isinstance(item, InputError):
                failures += 1
                err.print(f"[red]error[/red]: {escape(str(item))}", highlight=False)
            else:
                good.append(item)
                yield item

    rows = []
    for coded in code_articles(articles()):
        if coded.error:
            failures += 1
            err.print(f"[red]error[/red]: {escape(coded.error)}", highlight=False)
        if coded.warning:
            err.print(f"[yellow]warning[/yellow]: {escape(coded.warning)}", highlight=False)
        for event in coded.events:
            if event.confidence < min_confidence:
                continue
            if not all_factualities and event.factuality.value != "asserted":
                continue
            if format is CodeFormat.jsonl:
                out.print(json.dumps(event.to_dict(), ensure_ascii=False), markup=False, highlight=False)
            else:
                rows.append(event)
    if format is CodeFormat.json:
        out.print(json.dumps([e.to_dict() for e in rows], ensure_ascii=False, indent=2), markup=False,
                  highlight=False)
    elif format is CodeFormat.table:
        out.print(events_table(rows))
        err.print(f"{len(rows)} events from {len(good)} articles" + (f"; {failures} inputs rejected" if failures else ""))
    if failures:
        raise typer.Exit(EXIT_REJECTED)


def events_table(events) -> Table:
    table = Table(show_lines=False, header_style="bold")
    for column in ("article", "source", "type", "target", "fact.", "claimant", "evidence", "conf"):
        table.add_column(column, overflow="fold")
    for e in events:
        # Article text reaches these cells, and "[the Houthis]" or "[/x]" in it must print as written.
        claimant = e.attribution.claimant if e.attribution else ""
        if e.attribution and e.attribution.outlet:
            claimant += f" ({e.attribution.outlet})"
        table.add_row(escape(Path(e.article_id).name), f"{e.source.code} [dim]{escape(e.source.text)}[/dim]",
                      e.event_type + (f"/{e.mode}" if e.mode else ""),
                      f"{e.target.code} [dim]{escape(e.target.text)}[/dim]" if e.target else "-",
                      e.factuality.value, escape(claimant), escape(_clip(e.evidence.sentence)), f"{e.confidence:.2f}")
    return table


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@app.command(name="eval")
def evaluate_cmd(
    gold: Path = typer.Argument(..., exists=True, dir_okay=False, help="Gold JSONL file."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    errors: bool = typer.Option(False, "--errors", help="List every missed, extra and misattributed event, and every trap that came out asserted."),
):
    """Score the coder against a gold file: P/R/F1 by type, factuality and attribution accuracy."""
    from .evaluate import evaluate

    try:
        report = evaluate(gold)
    except ValueError as exc:
        err.print(f"[red]error[/red]: {escape(str(exc))}", highlight=False)
        raise typer.Exit(2)
    scores = report.to_dict()
    for message in report.failed[:3]:
        err.print(f"[red]error[/red]: {escape(message)}", highlight=False)
    if report.failed:
        err.print(f"[red]{len(report.failed)} item(s) could not be coded; they count as coded with no events[/red]")
    if as_json:
        if errors:
            scores["errors"] = report.errors
        out.print(json.dumps(scores, indent=2), markup=False, highlight=False)
        if report.failed:
            raise typer.Exit(1)
        return
    table = Table(title=f"{escape(str(gold))} — {scores['items']} items (asserted events)", header_style="bold")
    for column in ("type", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="right" if column != "type" else "left")
    for name, s in scores["per_type"].items():
        if s["support"] or s["fp"]:
            table.add_row(name, f"{s['precision']:.2f}", f"{s['recall']:.2f}", f"{s['f1']:.2f}", str(s["tp"]),
                          str(s["fp"]), str(s["fn"]))
    o = scores["overall"]
    table.add_row("[bold]micro[/bold]", f"{o['precision']:.2f}", f"{o['recall']:.2f}", f"[bold]{o['f1']:.2f}[/bold]",
                  str(o["tp"]), str(o["fp"]), str(o["fn"]))
    table.add_row("macro", "", "", f"{o['macro_f1']:.2f}", "", "", "")
    out.print(table)
    loose = scores["any_target"]["overall"]
    out.print(f"on (source, type) alone, whatever the target: P {loose['precision']:.2f} R {loose['recall']:.2f} "
              f"F1 {loose['f1']:.2f}", highlight=False)
    f, a = scores["factuality"], scores["attribution"]
    out.print(f"factuality accuracy {_pct(f['accuracy'])} on {f['matched']} matched gold events; "
              f"trap violations {f['trap_violations']} of {f['traps']} non-asserted gold acts")
    out.print(f"attribution accuracy {_pct(a['accuracy'])} on {a['matched']} matched events "
              f"({_pct(a['claimed_accuracy'])} on the {a['claimed']} with a claimant)")
    if errors:
        for e in report.errors:
            out.print(json.dumps(e), markup=False, highlight=False)
    if report.failed:
        raise typer.Exit(1)


def _pct(value) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


@app.command()
def info(as_json: bool = typer.Option(False, "--json", help="Print as JSON.")):
    """Versions in use: flashpoint, spaCy, the model package and its load name, DuckDB."""
    from importlib import metadata

    from . import __version__
    from .nlp import MODEL, MODEL_PACKAGE

    def version(dist: str) -> str | None:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return None

    data = {"flashpoint": __version__, "python": sys.version.split()[0], "spacy": version("spacy"),
            "model": {"package": MODEL_PACKAGE, "version": version(MODEL_PACKAGE), "load_name": MODEL},
            "duckdb": version("duckdb")}
    if as_json:
        out.print(json.dumps(data, indent=2), markup=False, highlight=False)
    else:
        for k, v in data.items():
            out.print(f"{k}: {v}", highlight=False)


# ---------------------------------------------------------------- the corpus: ingest, events, articles

DB_HELP = "The DuckDB database file."
WAIT_HELP = "Seconds to wait for another process that has the database open for writing."


def _open_store(db: Path, read_only: bool, wait: float, parquet: bool = False):
    """The store at db; with parquet=True (events, articles) db may also be a Parquet directory
    (`ingest --out parquet://DIR`), read through DuckDB views."""
    from .scale import open_parquet, parquet_dir
    from .store import Store, StoreError, StoreLocked

    try:
        folder = parquet_dir(db) or (db if Path(db).is_dir() else None)
        if folder is not None:
            if not (read_only and parquet):
                raise StoreError(f"{db}: a Parquet directory (`ingest --out parquet://DIR`) holds no clusters or "
                                 f"copy links; this command needs a DuckDB database file")
            return open_parquet(folder)
        return Store.open(db, read_only=read_only, wait=wait)
    except StoreError as exc:
        err.print(f"[red]error[/red]: {escape(str(exc))}", highlight=False)
        raise typer.Exit(EXIT_BUSY if isinstance(exc, StoreLocked) else 1)


@app.command()
def ingest(
    inputs: List[str] = typer.Argument(..., help="Folders (read recursively), .txt, .html, .json/.jsonl and "
                                                 "RSS/Atom feed files; '-' reads stdin."),
    db: Path = typer.Option(Path("flashpoint.duckdb"), "--db", help=DB_HELP),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes that code articles (each loads the "
                                                                  "model once); this one stores them."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for inputs that lack one."),
    outlet: Optional[str] = typer.Option(None, help="Outlet name for inputs that lack one."),
    wait: float = typer.Option(5.0, help=WAIT_HELP),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="One line per stored or already-stored input."),
    dask: Optional[str] = typer.Option(None, "--dask", help="Code on a Dask cluster: a scheduler address "
                                                            "(tcp://host:8786) or local:N (N worker processes here)."),
    out: Optional[str] = typer.Option(None, "--out", help="parquet://DIR: write articles and events as Parquet "
                                                          "partitioned by date instead of the database."),
):
    """Code articles and store them, their events, copies and clusters in the database.

    Idempotent: content already stored (under any name) is skipped. Exit status 3 if any input was
    rejected (its reason is in `flashpoint articles --errors`), 4 if the database is busy."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .corpus import estimate_inputs
    from .corpus import ingest as ingest_corpus
    from .ingest import as_date

    from .scale import ParquetSink, parquet_dir

    date = as_date(published)
    if published and date is None:
        raise typer.BadParameter(f"--published {published!r} is not a date like 2025-06-16")
    folder = parquet_dir(out) if out else None
    if out and folder is None:
        raise typer.BadParameter(f"--out {out!r}: give parquet://DIR")
    client = _dask_client(dask) if dask else None
    try:
        store = ParquetSink(folder) if folder is not None else _open_store(db, False, wait)
    except BaseException:
        _close_dask(client)
        raise
    target = f"{folder}/" if folder is not None else str(db)
    progress = Progress(SpinnerColumn(), TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), console=err, transient=True,
                        disable=not err.is_terminal)
    try:
        with store, progress:
            task = progress.add_task("ingest", total=estimate_inputs(inputs), rate="")

            def on_item(kind: str, name: str, detail: str) -> None:
                state = progress.tasks[0]
                if state.completed + 1 > (state.total or 0):
                    progress.update(task, total=state.completed + 1)
                elapsed = state.elapsed or 0
                progress.update(task, advance=1,
                                rate=f"{(state.completed + 1) / elapsed:.1f} articles/s" if elapsed > 1 else "")
                if kind == "rejected":
                    progress.console.print(f"[red]error[/red]: {escape(name)}: {escape(detail)}", highlight=False)
                elif verbose:
                    label = "already stored" if kind == "duplicate" else kind
                    progress.console.print(f"{label}: {escape(name)} {escape(detail)}", highlight=False)

            summary = ingest_corpus(inputs, store, workers=workers, published=date, outlet=outlet, on_item=on_item,
                                    client=client)
            totals = store.counts()
    except KeyboardInterrupt:
        err.print("interrupted: every article reported stored is in the database; run the same command "
                  "again to finish", highlight=False)
        raise typer.Exit(130)
    finally:
        _close_dask(client)
    err.print(f"{_n(summary.stored, 'article')} stored ({_n(summary.events, 'event')}, "
              f"{_n(summary.copies, 'copy', 'copies')} of another), {summary.duplicates} already stored, "
              f"{_n(summary.rejected, 'input')} rejected; {escape(target)} holds {_n(totals['articles'], 'article')}, "
              f"{_n(totals['events'], 'event')}, {_n(totals['clusters'], 'cluster')} "
              f"({totals['corroborated']} with 2+ independent sources)", highlight=False)
    if summary.rejected:
        raise typer.Exit(EXIT_REJECTED)


STOP_GRACE = 30.0  # seconds a stopping watch may take before it exits anyway


def _stop_on_signals(stop) -> None:
    """SIGTERM and the first Ctrl-C ask the loop to stop after the article being stored (its transaction
    commits or rolls back); a second Ctrl-C interrupts at once (the open transaction rolls back). A stop
    that has not ended the process after STOP_GRACE seconds ends it: an uncommitted transaction rolls
    back when the database is next opened, so nothing stored is lost."""
    import os
    import signal
    import threading
    import time

    def last_resort() -> None:
        time.sleep(STOP_GRACE)
        err.print(f"still stopping after {STOP_GRACE:g} s: exiting now", highlight=False)
        os._exit(0)

    def handler(signum, frame):
        if stop.is_set() and signum == signal.SIGINT:
            raise KeyboardInterrupt
        if not stop.is_set():
            threading.Thread(target=last_resort, daemon=True).start()
        stop.set()

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


def _watch_reporter(verbose: bool, console: Console):
    def on_item(kind: str, name: str, detail: str) -> None:
        if kind == "rejected":
            console.print(f"[red]error[/red]: {escape(name)}: {escape(detail)}", highlight=False)
        elif verbose and kind == "stored":
            console.print(f"stored: {escape(name)} {escape(detail)}", highlight=False)

    def on_round(summary) -> None:
        if summary.stored or summary.rejected or verbose:
            console.print(f"{_n(summary.stored, 'new article')} stored ({_n(summary.events, 'event')}), "
                          f"{_n(summary.rejected, 'input')} rejected", highlight=False)

    return on_item, on_round


@app.command()
def watch(
    sources: List[str] = typer.Argument(..., help="Folders, files and RSS/Atom feed files (or feed URLs) to watch."),
    db: Path = typer.Option(Path("flashpoint.duckdb"), "--db", help=DB_HELP),
    every: float = typer.Option(60.0, "--every", min=0.1, help="Seconds between two looks."),
    once: bool = typer.Option(False, "--once", help="Ingest what is new once, then exit."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes that code articles."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for inputs that lack one."),
    outlet: Optional[str] = typer.Option(None, help="Outlet name for inputs that lack one."),
    wait: float = typer.Option(5.0, help=WAIT_HELP),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="One line per stored article."),
):
    """Keep the database current: ingest what is new in folders and feeds every --every seconds, skipping
    what is stored. Ctrl-C or SIGTERM stops it after the article being stored; exit status 0."""
    import threading

    from .corpus import watch as watch_sources
    from .ingest import as_date

    date = as_date(published)
    if published and date is None:
        raise typer.BadParameter(f"--published {published!r} is not a date like 2025-06-16")
    stop = threading.Event()
    if not once:
        _stop_on_signals(stop)
    on_item, on_round = _watch_reporter(verbose, err)
    with _open_store(db, False, wait) as store:
        if not once:
            err.print(f"watching {escape(', '.join(sources))} every {every:g} s into {escape(str(db))}; "
                      f"Ctrl+C stops", highlight=False)
        try:
            watch_sources(sources, store, every=every, once=once, stop=stop, on_item=on_item, on_round=on_round,
                          workers=workers, published=date, outlet=outlet)
        except KeyboardInterrupt:
            pass  # a second Ctrl-C: the open transaction rolled back
        totals = store.counts()
    err.print(f"stopped; {escape(str(db))} holds {_n(totals['articles'], 'article')}, {_n(totals['events'], 'event')}"
              if not once else f"{escape(str(db))} holds {_n(totals['articles'], 'article')}, "
              f"{_n(totals['events'], 'event')}", highlight=False)


def _dask_client(address: str):
    from .scale import dask_client

    try:
        return dask_client(address)
    except (OSError, ValueError, TimeoutError) as exc:
        err.print(f"[red]error[/red]: --dask {escape(address)}: {escape(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)}",
                  highlight=False)
        raise typer.Exit(1)


def _close_dask(client) -> None:
    if client is not None:
        from .scale import close_client

        close_client(client)


def _n(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


class EventsFormat(str, Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"


def _types() -> list[str]:
    from .datafiles import load_yaml

    return list(load_yaml("plover.yaml"))


def _event_filter(dyad, types, since, until, min_sources):
    from .ingest import as_date
    from .store import EventFilter

    source = target = None
    if dyad:
        parts = dyad.upper().split("-")
        if len(parts) != 2 or not all(parts):
            raise typer.BadParameter(f"--dyad {dyad!r} is not SOURCE-TARGET like ISR-IRN ('*' for any side)")
        source, target = (None if p == "*" else p for p in parts)
    wanted = tuple(t.strip().upper() for item in types for t in item.split(",") if t.strip())
    known = _types()
    unknown = [t for t in wanted if t not in known]
    if unknown:
        raise typer.BadParameter(f"--type {', '.join(unknown)}: not a PLOVER type ({', '.join(known)})")
    dates = {}
    for flag, value in (("since", since), ("until", until)):
        dates[flag] = as_date(value)
        if value and dates[flag] is None:
            raise typer.BadParameter(f"--{flag} {value!r} is not a date like 2025-06-13")
    return EventFilter(source, target, wanted, dates["since"], dates["until"], min_sources)


@app.command()
def events(
    db: Path = typer.Option(Path("flashpoint.duckdb"), "--db", help=DB_HELP),
    dyad: Optional[str] = typer.Option(None, help="Source and target country, e.g. ISR-IRN; '*' for any side."),
    type: List[str] = typer.Option([], "--type", "-t", help="PLOVER type(s), e.g. ASSAULT (repeat or comma-separate)."),
    since: Optional[str] = typer.Option(None, help="Events on or after this date (the event's, else the article's)."),
    until: Optional[str] = typer.Option(None, help="Events on or before this date."),
    min_sources: Optional[int] = typer.Option(None, min=1, help="Only events whose cluster has at least this many "
                                                                 "independent sources (copies do not count)."),
    format: EventsFormat = typer.Option(EventsFormat.table, "--format", "-f", help="table, csv, jsonl or parquet."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file (parquet needs one)."),
    wait: float = typer.Option(5.0, help=WAIT_HELP),
):
    """Stored events, with their cluster's corroboration (n_articles, n_independent_sources)."""
    where = _event_filter(dyad, type, since, until, min_sources)
    if format is EventsFormat.parquet and output is None:
        raise typer.BadParameter("--format parquet writes a file: give it with -o FILE")
    with _open_store(db, True, wait, parquet=True) as store:
        if format in (EventsFormat.parquet, EventsFormat.csv) and output is not None:
            n = store.export_events(where, output, format.value)
            err.print(f"{n} events written to {escape(str(output))}", highlight=False)
            return
        if format is EventsFormat.csv:
            import csv

            columns, rows = store.event_table(where)
            writer = csv.writer(sys.stdout, lineterminator="\n")
            writer.writerow(columns)
            writer.writerows(rows)
            return
        with _output(output) as console:
            if format is EventsFormat.jsonl:
                for event in store.events(where):
                    console.print(json.dumps(event, ensure_ascii=False), markup=False, highlight=False,
                                  soft_wrap=True)
            else:
                rows = list(store.events(where))
                console.print(stored_events_table(rows))
                err.print(f"{len(rows)} events", highlight=False)


class _output:
    """A Console on stdout, or on a file given with -o."""

    def __init__(self, path: Optional[Path]):
        self.path, self.handle = path, None

    def __enter__(self) -> Console:
        if self.path is None:
            return out
        self.handle = open(self.path, "w", encoding="utf-8")
        return Console(file=self.handle, soft_wrap=True, width=200, color_system=None)

    def __exit__(self, *exc) -> None:
        if self.handle:
            self.handle.close()


def stored_events_table(events: list[dict]) -> Table:
    from rich import box

    table = Table(header_style="bold", box=box.SIMPLE_HEAD, pad_edge=False,
                  caption="src: independent sources/articles of the event's cluster; dim date: publication date")
    for column, width in (("date", 10), ("source", 6), ("type", 7), ("target", 6), ("fact.", 8)):
        table.add_column(column, no_wrap=True, min_width=width)
    table.add_column("place", overflow="fold", min_width=8, max_width=14)
    table.add_column("src", no_wrap=True, min_width=3)
    table.add_column("outlet", overflow="fold", min_width=10, max_width=14)
    table.add_column("evidence", overflow="fold", ratio=1, min_width=20)
    for e in events:
        target = e["target"]
        place = e["location"]["name"] if e.get("location") else ""
        date = e["event_date"] or (f"[dim]{e['published']}[/dim]" if e.get("published") else "")
        table.add_row(date, escape(e["source"]["code"] or e["source"]["text"]), e["event_type"],
                      escape(target["code"] or target["text"]) if target else "-", e["factuality"], escape(place),
                      f"{e['n_independent_sources']}/{e['n_articles']}" if e.get("n_articles") is not None else "-",
                      escape(e.get("outlet") or Path(e["article"]).name)
                      + (" [dim](copy)[/dim]" if e.get("copy_of") else ""),
                      escape(_clip(e["evidence"]["sentence"], 90)))
    return table


class ArticlesFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"


@app.command()
def articles(
    db: Path = typer.Option(Path("flashpoint.duckdb"), "--db", help=DB_HELP),
    errors: bool = typer.Option(False, "--errors", help="List the rejected inputs and why, instead."),
    format: ArticlesFormat = typer.Option(ArticlesFormat.table, "--format", "-f", help="table or jsonl."),
    wait: float = typer.Option(5.0, help=WAIT_HELP),
):
    """Stored articles (id, title, outlet, published, url, copy_of, n_events), or with --errors the rejected inputs."""
    with _open_store(db, True, wait, parquet=True) as store:
        rows = store.errors() if errors else store.articles()
        if format is ArticlesFormat.jsonl:
            for row in rows:
                if errors:
                    row = {"path": row["path"], "reason": row["reason"], "at": row["at"]}
                out.print(json.dumps(row, ensure_ascii=False), markup=False, highlight=False, soft_wrap=True)
            return
        table = Table(header_style="bold")
        columns = ("path", "reason", "at") if errors else ("id", "published", "outlet", "title", "events", "copy of")
        for column in columns:
            table.add_column(column, overflow="fold")
        n = 0
        for row in rows:
            n += 1
            if errors:
                table.add_row(escape(row["path"]), escape(row["reason"]), row["at"][:19])
            else:
                table.add_row(row["id"][:12], row["published"] or "", escape(row["outlet"] or ""),
                              escape(_clip(row["title"] or Path(row["path"]).name, 60)), str(row["n_events"]),
                              (row["copy_of"] or "")[:12])
        out.print(table)
        err.print(f"{n} {'rejected inputs' if errors else 'articles'}", highlight=False)


# ---------------------------------------------------------------- the dashboard

@app.command()
def serve(
    db: Path = typer.Option(Path("flashpoint.duckdb"), "--db", help=DB_HELP),
    port: int = typer.Option(8000, "--port", "-p", min=1, max=65535, help="TCP port to listen on."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (127.0.0.1: this machine only)."),
    wait: float = typer.Option(5.0, help=WAIT_HELP),
    watch_sources: List[str] = typer.Option([], "--watch", help="Also ingest what is new in this folder, file or "
                                                                "feed (repeatable), in this process."),
    every: float = typer.Option(60.0, "--every", min=0.1, help="With --watch: seconds between two looks."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="With --watch: one line per stored article."),
):
    """Open the dashboard in the browser: overview, events, dyads, actors, network, brief, and the JSON
    API (its docs at /docs). The database is opened read-only for as long as it runs; with --watch it is
    opened for writing, a background thread ingests what is new and the pages read committed data
    through their own cursors of the same database (never blocked by the writer)."""
    import signal
    import threading

    import uvicorn

    from .store import StoreError, StoreLocked
    from .web.app import create_app

    writer = _open_store(db, False, wait) if watch_sources else None
    try:
        application = create_app(db, wait=wait, store=writer)
    except StoreError as exc:
        err.print(f"[red]error[/red]: {escape(str(exc))}", highlight=False)
        raise typer.Exit(EXIT_BUSY if isinstance(exc, StoreLocked) else 1)
    stop = threading.Event()
    thread = None
    if writer is not None:
        from .corpus import watch as watch_loop

        on_item, on_round = _watch_reporter(verbose, err)

        def run() -> None:
            try:
                watch_loop(watch_sources, writer, every=every, stop=stop, on_item=on_item, on_round=on_round)
            except Exception as exc:  # pragma: no cover - reported, and the dashboard keeps serving
                err.print(f"[red]error[/red]: watching stopped: {escape(str(exc))}", highlight=False)

        thread = threading.Thread(target=run, name="flashpoint-watch", daemon=True)
        thread.start()
        # uvicorn handles SIGINT/SIGTERM while it runs and raises them again once it has stopped: these
        # handlers take that second delivery, so the writer is stopped below instead of killed.
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda signum, frame: stop.set())
    shown = f"[{host}]" if ":" in host else host
    err.print(f"flashpoint dashboard on http://{shown}:{port}/ (API docs: /docs)"
              + (f", watching {escape(', '.join(watch_sources))} every {every:g} s" if thread else "")
              + "; Ctrl+C stops it", highlight=False)
    try:
        uvicorn.run(application, host=host, port=port, log_level="warning")
    finally:
        if thread is not None:
            stop.set()
            thread.join()  # the article being stored commits (or rolls back) first
            writer.close()


# ---------------------------------------------------------------- analysis: brief, escalation, network

def _period_dates(since: Optional[str], until: Optional[str]):
    from .ingest import as_date

    dates = []
    for flag, value in (("since", since), ("until", until)):
        date = as_date(value)
        if value and date is None:
            raise typer.BadParameter(f"--{flag} {value!r} is not a date like 2025-06-13")
        dates.append(date)
    return dates


def _dyad_codes(dyad: Optional[str]):
    """'ISR-IRN' -> ('ISR', 'IRN'); '*' (or nothing) for any side; actor codes such as ISRMIL-IRNGOV too."""
    import re

    if not dyad:
        return None, None
    parts = dyad.strip().upper().split("-")
    if len(parts) != 2 or not all(re.fullmatch(r"\*|[A-Z]{3,}", p) for p in parts):
        raise typer.BadParameter(f"--dyad {dyad!r} is not SOURCE-TARGET like ISR-IRN (country or actor codes, "
                                 f"'*' for any side)")
    return tuple(None if p == "*" else p for p in parts)


class BriefFormat(str, Enum):
    md = "md"
    html = "html"


@app.command()
def brief(
    db: Path = typer.Option(Path("flashpoint.duckdb"), "--db", help=DB_HELP),
    since: Optional[str] = typer.Option(None, help="First day of the period (YYYY-MM-DD); default: the first stored."),
    until: Optional[str] = typer.Option(None, help="Last day of the period; default: the last stored."),
    format: BriefFormat = typer.Option(BriefFormat.md, "--format", "-f", help="md or html."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    wait: float = typer.Option(5.0, help=WAIT_HELP),
):
    """Situation brief: escalation per main dyad, significant events, rejected or proposed moves, threats,
    who said what. Every sentence cites a stored event (outlet, date, quoted evidence)."""
    from .brief import build_brief, render_html, render_markdown

    first, last = _period_dates(since, until)
    with _open_store(db, True, wait) as store:
        result = build_brief(store, first, last)
    text = render_markdown(result) if format is BriefFormat.md else render_html(result)
    if output is None:
        typer.echo(text)
        return
    output.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    n = sum(len(section.sentences) for section in result.sections)
    err.print(f"brief for {escape(result.period)} ({n} sentences) written to {escape(str(output))}", highlight=False)


class EscalationFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"


@app.command(name="escalation")
def escalation_cmd(
    db: Path = typer.Option(Path("flashpoint.duckdb"), "--db", help=DB_HELP),
    dyad: Optional[str] = typer.Option(None, help="Source and target, e.g. ISR-IRN (country or actor codes, '*' for "
                                                  "any side); default: all events."),
    since: Optional[str] = typer.Option(None, help="First day shown (the baseline reaches back before it)."),
    until: Optional[str] = typer.Option(None, help="Last day; default: the last stored event's."),
    window: int = typer.Option(7, min=1, help="Days the conflict intensity is averaged over."),
    baseline: int = typer.Option(28, min=1, help="Days before the window that make the baseline."),
    undirected: bool = typer.Option(False, "--undirected", help="Both directions of the dyad together."),
    format: EscalationFormat = typer.Option(EscalationFormat.table, "--format", "-f", help="table or jsonl."),
    wait: float = typer.Option(5.0, help=WAIT_HELP),
):
    """The escalation index, one row a day, and its change points (formula: README, "Escalation index")."""
    from .analyze import escalation

    source, target = _dyad_codes(dyad)
    first, last = _period_dates(since, until)
    with _open_store(db, True, wait) as store:
        result = escalation(store, source, target, first, last, window, baseline, undirected=undirected)
    changes = {c.date: c for c in result.change_points}
    if format is EscalationFormat.jsonl:
        for p in result.points:
            row = p.to_dict()
            row["change_point"] = changes[p.date].to_dict() if p.date in changes else None
            out.print(json.dumps(row, ensure_ascii=False), markup=False, highlight=False, soft_wrap=True)
        return
    table = Table(header_style="bold", title=f"escalation index, {escape(result.label)}")
    for column in ("date", "conflict", "coop.", "intensity", "baseline", "index", "change"):
        table.add_column(column, justify="left" if column in ("date", "change") else "right", no_wrap=True)
    for p in result.points:
        change = changes.get(p.date)
        table.add_row(p.date.isoformat(), f"{p.conflict:.1f}", f"{p.cooperation:.1f}", f"{p.intensity:.2f}",
                      f"{p.baseline:.2f}", f"{p.index:+.2f}", change.direction if change else "")
    out.print(table)
    for change in result.change_points:
        out.print(escape(change.description), highlight=False)
    err.print(f"{len(result.points)} days; status on the last day: {result.status}" if result.points
              else "no events", highlight=False)


@app.command()
def network(
    db: Path = typer.Option(Path("flashpoint.duckdb"), "--db", help=DB_HELP),
    since: Optional[str] = typer.Option(None, help="Events on or after this date."),
    until: Optional[str] = typer.Option(None, help="Events on or before this date."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the network as GraphML to this file."),
    top: int = typer.Option(10, min=0, help="How many actors to list."),
    method: str = typer.Option("degree", help="Centrality: degree (weighted, acts in and out) or pagerank."),
    wait: float = typer.Option(5.0, help=WAIT_HELP),
):
    """The actor network (who acts on whom, asserted acts): the most central actors, and GraphML with -o."""
    from .analyze import actor_network, centrality, write_graphml

    if method not in ("degree", "pagerank"):
        raise typer.BadParameter(f"--method {method!r}: degree or pagerank")
    first, last = _period_dates(since, until)
    with _open_store(db, True, wait) as store:
        graph = actor_network(store, first, last)
    table = Table(header_style="bold", title=f"actors by {method} centrality")
    for column in ("#", "actor", "name", method, "acts"):
        table.add_column(column, justify="right" if column in ("#", method, "acts") else "left")
    for rank, (code, score) in enumerate(centrality(graph, method)[:top], 1):
        node = graph.nodes[code]
        table.add_row(str(rank), escape(code), escape(node.get("name") or ""),
                      f"{score:.0f}" if method == "degree" else f"{score:.4f}", str(node.get("n_events", 0)))
    out.print(table)
    if output is not None:
        write_graphml(graph, output)
        err.print(f"{graph.number_of_nodes()} actors and {graph.number_of_edges()} edges written to "
                  f"{escape(str(output))}", highlight=False)
    else:
        err.print(f"{graph.number_of_nodes()} actors, {graph.number_of_edges()} edges", highlight=False)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
