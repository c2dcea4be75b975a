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
    errors: bool = typer.Option(False, "--errors", help="List every missed, extra and misattributed event."),
):
    """Score the coder against a gold file: P/R/F1 by type, factuality and attribution accuracy."""
    from .evaluate import evaluate

    try:
        report = evaluate(gold)
    except ValueError as exc:
        err.print(f"[red]error[/red]: {escape(str(exc))}", highlight=False)
        raise typer.Exit(2)
    scores = report.to_dict()
    if as_json:
        if errors:
            scores["errors"] = report.errors
        out.print(json.dumps(scores, indent=2), markup=False, highlight=False)
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
    f, a = scores["factuality"], scores["attribution"]
    out.print(f"factuality accuracy {_pct(f['accuracy'])} on {f['matched']} matched gold events; "
              f"trap violations {f['trap_violations']} of {f['traps']} non-asserted gold acts")
    out.print(f"attribution accuracy {_pct(a['accuracy'])} on {a['matched']} matched events "
              f"({_pct(a['claimed_accuracy'])} on the {a['claimed']} with a claimant)")
    if errors:
        for e in report.errors:
            out.print(json.dumps(e), markup=False, highlight=False)


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


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
