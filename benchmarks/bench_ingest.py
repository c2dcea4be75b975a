"""How fast `flashpoint ingest` stores a corpus, and how much memory it takes, as the corpus grows.

    python benchmarks/bench_ingest.py                          # 500 and 2,000 articles, --workers 1 and 2
    python benchmarks/bench_ingest.py --sizes 200 --workers 1  # a quick run

The corpus is the twelve articles in examples/ multiplied: record i is example i mod 12 with its
dateline moved k = i div 12 days later and its outlet renamed (one of 7 per example), as JSONL
records with id, outlet, published and url. The content differs, so every record is stored (none is
skipped as already stored), but the texts are near-duplicates of their example: the copy detector
links all but the first of each example's variants to it (`copy_of`), which is the expensive case for
it (every new article has LSH candidates to verify). Each run is a real `flashpoint ingest` process
into a fresh database file; the time includes loading spaCy; peak memory is the peak resident set of
the main process and of each worker (read from /proc while it runs), summed; CPU time is that of
the process and its workers. The machine's load average is printed with each run: other processes
on the machine slow the runs down.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from flashpoint.ingest import DATELINE, InputError, read_inputs

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXE = Path(sys.executable).parent / "flashpoint"
PER_FILE = 250  # records per JSONL file: each file stays under ingest's 5 MB limit


def make_corpus(folder: Path, n: int) -> list[Path]:
    examples = [a for a in read_inputs([str(EXAMPLES)]) if not isinstance(a, InputError)]
    records = []
    for i in range(n):
        article = examples[i % len(examples)]
        k = i // len(examples)
        published = (article.published or dt.date(2025, 6, 13)) + dt.timedelta(days=k)
        outlet = f"{article.outlet or 'Wire'} {k % 7}"
        match = DATELINE.match(article.text)
        body = article.text[match.end():] if match else article.text
        place = match.group("place") if match else "NEWSROOM"
        text = f"{place}, {published:%B} {published.day}, {published.year} ({outlet}) — {body}"
        records.append({"id": f"bench-{i:05d}", "title": article.title, "text": text, "outlet": outlet,
                        "published": published.isoformat(),
                        "url": f"https://{re.sub(r'[^a-z]', '', outlet.lower())}.example/{i}"})
    files = []
    for start in range(0, n, PER_FILE):
        path = folder / f"part-{start // PER_FILE:03d}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records[start:start + PER_FILE]), encoding="utf-8")
        files.append(path)
    return files


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(p) for p in text.split()]


def _peak_kb(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def run_ingest(files: list[Path], db: Path, workers: int) -> dict:
    """One real ingest process; wall time, CPU time of it and its workers, and their peak RSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(EXE), "ingest", *map(str, files), "--db", str(db), "--workers", str(workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peaks: dict[int, int] = {}
    while proc.poll() is None:
        for pid in [proc.pid, *_children(proc.pid)]:
            kb = _peak_kb(pid)
            if kb:
                peaks[pid] = max(peaks.get(pid, 0), kb)
        time.sleep(0.05)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the process and the workers it waited for
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    stderr = proc.stderr.read()
    if proc.returncode != 0:
        raise SystemExit(f"ingest failed ({proc.returncode}): {stderr[-2000:]}")
    with duckdb.connect(str(db), read_only=True) as conn:
        articles, copies, events, clusters = conn.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM articles WHERE copy_of IS NOT NULL), "
            "(SELECT count(*) FROM events), (SELECT count(*) FROM clusters)").fetchall()[0]
    main_kb = peaks.get(proc.pid, 0)
    return {"wall": wall, "cpu": cpu, "articles": articles, "copies": copies, "events": events, "clusters": clusters,
            "main_mb": main_kb / 1024, "total_mb": sum(peaks.values()) / 1024,
            "workers_mb": [kb / 1024 for pid, kb in peaks.items() if pid != proc.pid],
            "db_mb": db.stat().st_size / 1e6, "summary": stderr.strip().splitlines()[-1]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000], help="corpus sizes (articles)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="values of --workers to run")
    parser.add_argument("--keep", type=Path, help="keep the corpus and databases in this folder")
    args = parser.parse_args(argv)

    folder = args.keep or Path(tempfile.mkdtemp(prefix="flashpoint-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    files = make_corpus(folder, max(args.sizes))
    t0 = time.perf_counter()
    startup = run_ingest([EXAMPLES / "01-israel-strikes-natanz-tehran.txt"], folder / "startup.duckdb", 1)["wall"]
    print(f"corpus: {max(args.sizes)} JSONL records from the {len(list(EXAMPLES.glob('[0-9]*')))} examples in "
          f"{len(files)} files; startup (ingest of 1 article) {startup:.1f} s")
    print(f"load average before: {os.getloadavg()[0]:.2f} (other processes on this machine slow the runs down)")
    print(f"{'articles':>8} {'workers':>7} {'wall s':>7} {'art/s':>6} {'cpu s':>6} {'copies':>6} {'events':>7} {'clusters':>8} "
          f"{'main MB':>7} {'workers MB':>12} {'total MB':>8} {'db MB':>6}")
    for size in args.sizes:
        subset = files[: -(-size // PER_FILE)]
        for workers in args.workers:
            db = folder / f"bench-{size}-w{workers}.duckdb"
            db.unlink(missing_ok=True)
            r = run_ingest(subset, db, workers)
            workers_mb = "+".join(f"{mb:.0f}" for mb in sorted(r["workers_mb"])) or "-"
            print(f"{r['articles']:>8} {workers:>7} {r['wall']:>7.1f} {r['articles'] / r['wall']:>6.1f} {r['cpu']:>6.0f} "
                  f"{r['copies']:>6} {r['events']:>7} {r['clusters']:>8} {r['main_mb']:>7.0f} {workers_mb:>12} "
                  f"{r['total_mb']:>8.0f} {r['db_mb']:>6.1f}  (load {os.getloadavg()[0]:.2f})", flush=True)
    print(f"total benchmark time {time.perf_counter() - t0:.0f} s")
    if not args.keep:
        shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
