"""Throughput of flashpoint next to the bare spaCy parse of the same articles, with a per-stage breakdown.

    python benchmarks/throughput.py examples/
    python benchmarks/throughput.py corpus.jsonl --limit 2000 --workers 1 2
    python benchmarks/make_corpus.py 2000 /tmp/c.jsonl && python benchmarks/throughput.py /tmp/c.jsonl

For the same articles (CORPUS: a folder or a JSONL file, read as `flashpoint ingest` reads it; the
first --limit), in this order:

1. bare parse: `nlp.pipe` over the dateline-masked texts in batches of --batch-size (what
   `pipeline.code_articles` does), documents dropped as they come;
2. code: `pipeline.code_articles` (language check, parse, actors, events, places, dates);
3. ingest: `corpus.ingest` in this process (--workers 1) into a fresh DuckDB file, store and
   corroboration included, with `flashpoint.profiling` on for the per-stage breakdown;
4. for each --workers N: a real `flashpoint ingest --workers N` process into a fresh database, wall
   time (model loading included, and without it: the startup time of an ingest of one article is
   measured and subtracted) and the peak RSS of it and its workers, summed.

The model and dictionaries are loaded before anything is timed in this process. Ratios are to the
bare parse; the breakdown's shares are of the in-process ingest time. Peak RSS of this process is
`ru_maxrss` after all in-process runs.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_ingest import run_ingest  # noqa: E402

from flashpoint import nlp as nlp_stage  # noqa: E402
from flashpoint import profiling  # noqa: E402
from flashpoint.corpus import ingest  # noqa: E402
from flashpoint.ingest import InputError, RejectedInput, article_from_record, mask_dateline, read_inputs  # noqa: E402
from flashpoint.pipeline import code_article, code_articles  # noqa: E402
from flashpoint.store import Store  # noqa: E402

EXE = Path(sys.executable).parent / "flashpoint"
PER_FILE = 250  # records per JSONL file handed to `flashpoint ingest` (each file under its 5 MB limit)
STAGES = [("parse", ["parse"]), ("language check", ["language"]), ("actors", ["actors"]),
          ("events (factuality, attribution)", ["events"]), ("geo/time", ["geo_time"]),
          ("store", ["store", "-store.copies", "-store.clusters", "-store.refresh"]),
          ("corroboration", ["signature", "store.copies", "store.clusters", "store.refresh"]),
          ("  signature (MinHash)", ["signature"]), ("  copy detection (LSH)", ["store.copies"]),
          ("  cluster assignment", ["store.clusters"]), ("  cluster recount", ["store.refresh"])]


def _records(corpus: str):
    """A large JSONL file (ingest rejects files over 5 MB) is read a line at a time, as records."""
    if os.path.isfile(corpus) and corpus.lower().endswith(".jsonl"):
        with open(corpus, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if line.strip():
                    try:
                        yield article_from_record(f"{corpus}:{number}", json.loads(line), None, None)
                    except (RejectedInput, ValueError) as exc:
                        yield InputError(f"{corpus}:{number}", str(getattr(exc, "reason", exc)))
        return
    yield from read_inputs([corpus])


def load_articles(corpus: str, limit: int | None) -> list:
    articles = []
    for item in _records(corpus):
        if isinstance(item, InputError):
            print(f"skipped {item.path}: {item.reason}", file=sys.stderr)
            continue
        articles.append(item)
        if limit and len(articles) >= limit:
            break
    return articles


def write_jsonl(articles: list, folder: Path) -> list[Path]:
    files = []
    for start in range(0, len(articles), PER_FILE):
        path = folder / f"part-{start // PER_FILE:04d}.jsonl"
        with open(path, "w", encoding="utf-8") as handle:
            for a in articles[start:start + PER_FILE]:
                handle.write(json.dumps({"id": a.id, "title": a.title, "text": a.text, "outlet": a.outlet,
                                         "published": a.published.isoformat() if a.published else None,
                                         "url": a.url}, ensure_ascii=False) + "\n")
        files.append(path)
    return files


def bare_parse(articles: list, batch_size: int) -> float:
    nlp = nlp_stage.load()
    t0 = time.perf_counter()
    for start in range(0, len(articles), batch_size):
        for _doc in nlp.pipe(mask_dateline(a.text) for a in articles[start:start + batch_size]):
            pass
    return time.perf_counter() - t0


def timed_code(articles: list, batch_size: int) -> tuple[float, int]:
    t0 = time.perf_counter()
    n = sum(len(c.events) for c in code_articles(articles, batch_size=batch_size))
    return time.perf_counter() - t0, n


def stage_seconds(parts: list[str]) -> float:
    return sum(-profiling.seconds[p[1:]] if p.startswith("-") else profiling.seconds[p] for p in parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", help="a folder of articles or a JSONL file")
    parser.add_argument("--limit", type=int, help="the first N articles only")
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2],
                        help="values of `flashpoint ingest --workers` to run as processes (none: skip)")
    parser.add_argument("--batch-size", type=int, default=16, help="articles per nlp.pipe batch (ingest's default)")
    parser.add_argument("--db-dir", type=Path, help="where to write the JSONL and databases (default: a temp dir)")
    args = parser.parse_args(argv)

    info = subprocess.run([str(EXE), "info", "--json"], capture_output=True, text=True, check=True).stdout
    print("flashpoint info --json:", json.dumps(json.loads(info), separators=(",", ":")))
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; python {sys.version.split()[0]}")

    articles = load_articles(args.corpus, args.limit)
    if not articles:
        print("no articles", file=sys.stderr)
        return 2
    words = sum(len(a.text.split()) for a in articles)
    n = len(articles)
    print(f"corpus: {args.corpus}: {n} articles, {words} words ({words / n:.0f} an article), "
          f"batch size {args.batch_size}")

    folder = args.db_dir or Path(tempfile.mkdtemp(prefix="flashpoint-throughput-"))
    folder.mkdir(parents=True, exist_ok=True)
    files = write_jsonl(articles, folder)

    code_article("Israel struck Iran on Friday, officials said.", published="2025-06-13")  # load model, dictionaries
    parse_s = bare_parse(articles, args.batch_size)
    code_s, n_events = timed_code(articles, args.batch_size)

    db = folder / "throughput-inprocess.duckdb"
    for suffix in ("", ".wal"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    profiling.reset()
    profiling.enable()
    t0 = time.perf_counter()
    with Store.open(db) as store:
        summary = ingest([str(f) for f in files], store, workers=1, batch_size=args.batch_size)
    ingest_s = time.perf_counter() - t0
    profiling.enable(False)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    def row(label: str, seconds: float) -> str:
        return (f"  {label:<28} {seconds:8.1f} s  {seconds / parse_s:5.2f}x parse  {n / seconds:7.1f} articles/s  "
                f"{words / seconds:8.0f} words/s")

    print(f"\nin this process (--workers 1, model loaded), {n} articles, {n_events} events coded:")
    print(row("bare spaCy parse", parse_s))
    print(row("flashpoint code_articles", code_s))
    print(row("ingest (store included)", ingest_s))
    print(f"  flashpoint's own work on top of the parse: code {100 * (code_s - parse_s) / parse_s:.0f}%, "
          f"ingest {100 * (ingest_s - parse_s) / parse_s:.0f}% of the bare parse")
    print(f"  stored {summary.stored} articles ({summary.copies} copies, {summary.duplicates} duplicates, "
          f"{summary.rejected} rejected), {summary.events} events; peak RSS of this process {rss_mb:.0f} MB")

    print("\nper stage, in-process ingest (flashpoint.profiling):")
    accounted = 0.0
    for label, parts in STAGES:
        seconds = stage_seconds(parts)
        if not label.startswith(" "):
            accounted += seconds
        print(f"  {label:<34} {seconds:8.2f} s  {100 * seconds / ingest_s:5.1f}%  {1000 * seconds / n:7.2f} ms/article")
    other = ingest_s - accounted
    print(f"  {'other (reading, hashing, queue)':<34} {other:8.2f} s  {100 * other / ingest_s:5.1f}%  "
          f"{1000 * other / n:7.2f} ms/article")

    if args.workers:
        startup = run_ingest([ROOT / "examples" / "01-israel-strikes-natanz-tehran.txt"],
                             folder / "startup.duckdb", 1)["wall"]
        print(f"\n`flashpoint ingest` processes (startup: an ingest of 1 article takes {startup:.1f} s):")
        print(f"  {'workers':>7} {'wall s':>7} {'art/s':>6} {'art/s*':>6} {'words/s*':>8} {'x parse*':>8} "
              f"{'events':>7} {'copies':>6} {'clusters':>8} {'peak RSS MB (main+workers)':>27}")
        rates = {}
        for workers in args.workers:
            db = folder / f"throughput-w{workers}.duckdb"
            for suffix in ("", ".wal"):
                Path(str(db) + suffix).unlink(missing_ok=True)
            r = run_ingest(files, db, workers)
            steady = max(r["wall"] - startup, 1e-9)
            rates[workers] = n / steady
            parts = "+".join(f"{mb:.0f}" for mb in sorted(r["workers_mb"]))
            print(f"  {workers:>7} {r['wall']:>7.1f} {n / r['wall']:>6.1f} {n / steady:>6.1f} {words / steady:>8.0f} "
                  f"{steady / parse_s:>8.2f} {r['events']:>7} {r['copies']:>6} {r['clusters']:>8} "
                  f"{r['total_mb']:>9.0f} ({r['main_mb']:.0f}{'+' + parts if parts else ''})", flush=True)
        print("  * without the startup time")
        if 1 in rates:
            for workers, rate in rates.items():
                if workers != 1:
                    print(f"  --workers {workers} vs 1: {rate / rates[1]:.2f}x the throughput")
    print(f"\nfiles in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
