"""Scale-out and keeping current, on real files, real processes and a real Dask cluster:

- `ingest --dask local:2` (a distributed.LocalCluster with two worker processes) stores exactly the
  events, clusters and copy links the local path stores;
- `ingest --out parquet://DIR` writes Parquet partitioned by date that DuckDB reads with hive
  partitioning, re-running adds nothing, and `events --db DIR` answers like the DuckDB store;
- `watch` ingests what is new and stops on SIGTERM with every reported article stored;
- `serve --watch` serves the dashboard while it ingests a file dropped into the watched folder.
"""
from __future__ import annotations

import json
import os
import queue
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import duckdb
import pytest

from conftest import EXAMPLES, GOOD_TEXT, WIRE_TEXT

CORPUS = Path(__file__).parent / "data" / "corroboration"
EVENTS_SQL = ("SELECT e.id, e.article_id, e.event_type, e.factuality, e.source_code, e.source_country, e.target_code, "
              "e.target_country, e.event_date, e.cluster_id, a.copy_of FROM events e JOIN articles a ON a.id = e.article_id")


def query(db, sql, params=()):
    with duckdb.connect(str(db), read_only=True) as conn:
        return conn.execute(sql, list(params)).fetchall()


@pytest.fixture(scope="module")
def local_db(tmp_path_factory, nlp) -> Path:
    from flashpoint.corpus import ingest
    from flashpoint.store import Store

    db = tmp_path_factory.mktemp("local") / "local.duckdb"
    with Store.open(db) as store:
        summary = ingest([str(EXAMPLES), str(CORPUS)], store)
    assert summary.rejected == 0 and summary.copies == 1
    return db


# ---------------------------------------------------------------- Dask

def test_a_local_dask_cluster_stores_the_same_events_as_the_local_path(cli, local_db, tmp_path):
    db = tmp_path / "dask.duckdb"
    run = cli("ingest", EXAMPLES, CORPUS, "--db", db, "--dask", "local:2", "-v")
    assert run.exit_code == 0, run.stderr
    stored = [line.split()[1] for line in run.stderr_lines if line.startswith("stored: ")]
    events = query(db, EVENTS_SQL)
    assert events and sorted(events) == sorted(query(local_db, EVENTS_SQL))
    clusters = "SELECT id, block, n_events, n_articles, n_independent_sources FROM clusters"
    assert sorted(query(db, clusters)) == sorted(query(local_db, clusters))
    # stored in input order, the same order as the local path
    assert [p for (p,) in query(db, "SELECT path FROM articles ORDER BY ingested_at, id")] == stored
    assert stored == [p for (p,) in query(local_db, "SELECT path FROM articles ORDER BY ingested_at, id")]


def test_dask_workers_get_plain_records_and_load_the_model_once(nlp):
    from distributed import Client, LocalCluster

    from flashpoint.corpus import coded_stream
    from flashpoint.ingest import read_inputs
    from flashpoint.scale import LoadModel

    articles = [a for a in read_inputs([str(EXAMPLES)])][:4]
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        client.register_plugin(LoadModel())
        coded = list(coded_stream(articles, batch_size=2, client=client))
        loads = client.run(lambda: __import__("flashpoint.nlp").nlp.load.cache_info().misses)
    assert [c.article for c, _, _ in coded] == articles
    assert list(loads.values()) == [1]  # one load per worker process, for every batch


# ---------------------------------------------------------------- Parquet

@pytest.fixture(scope="module")
def lake(tmp_path_factory, nlp) -> Path:
    from typer.testing import CliRunner

    from flashpoint.cli import app

    folder = tmp_path_factory.mktemp("lake") / "lake"
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLES), str(CORPUS), "--out", f"parquet://{folder}"])
    assert result.exit_code == 0, result.output
    return folder


def test_parquet_is_partitioned_by_date_and_readable_with_hive_partitioning(lake, local_db):
    days = {p.name for p in (lake / "events").iterdir()}
    assert days and all(d.startswith("date=2025-") for d in days)
    with duckdb.connect() as conn:
        rows = conn.execute("SELECT id, event_type, source_code, target_code, CAST(date AS VARCHAR), event_date "
                            "FROM read_parquet(?, hive_partitioning = true)", [str(lake / "events/*/*.parquet")]).fetchall()
        articles = conn.execute("SELECT id, published, CAST(date AS VARCHAR) FROM read_parquet(?, hive_partitioning = true)",
                                [str(lake / "articles/*/*.parquet")]).fetchall()
    local = query(local_db, "SELECT e.id, e.event_type, e.source_code, e.target_code, "
                            "CAST(coalesce(e.event_date, a.published) AS VARCHAR) FROM events e JOIN articles a ON a.id = e.article_id")
    assert sorted(r[:5] for r in rows) == sorted(local)
    assert sorted((i, str(p)) for i, p, _ in articles) == sorted(
        (i, str(p)) for i, p in query(local_db, "SELECT id, published FROM articles"))
    assert all(str(p) == d for _, p, d in articles)


def test_parquet_ingest_is_idempotent(cli, lake, tmp_path):
    before = sorted(str(p.relative_to(lake)) for p in lake.rglob("*") if p.is_file())
    run = cli("ingest", EXAMPLES, CORPUS, "--out", f"parquet://{lake}")
    assert run.exit_code == 0 and "0 articles stored" in run.stderr and "16 already stored" in run.stderr
    assert sorted(str(p.relative_to(lake)) for p in lake.rglob("*") if p.is_file()) == before


def test_events_reads_a_parquet_directory_with_the_same_filters(cli, lake, local_db):
    for flags in ([], ["--dyad", "ISR-IRN", "--type", "ASSAULT"], ["--since", "2025-06-16", "--until", "2025-06-19"]):
        from_lake = [json.loads(line) for line in cli("events", "--db", lake, "--format", "jsonl", *flags).stdout.splitlines()]
        from_db = [json.loads(line) for line in cli("events", "--db", local_db, "--format", "jsonl", *flags).stdout.splitlines()]
        assert from_lake and [e["id"] for e in from_lake] == [e["id"] for e in from_db], flags
        strip = lambda e: {k: v for k, v in e.items() if k not in ("cluster_id", "n_articles", "n_independent_sources", "copy_of")}  # noqa: E731
        assert [strip(e) for e in from_lake] == [strip(e) for e in from_db]
    table = cli("events", "--db", lake, "--type", "ASSAULT")
    assert table.exit_code == 0 and "ASSAULT" in table.stdout
    assert cli("articles", "--db", lake).stderr_lines[-1] == "16 articles"


def test_parquet_readers_ignore_events_whose_article_file_was_never_written(lake, tmp_path):
    import shutil

    from flashpoint.scale import open_parquet

    copy = tmp_path / "lake"
    shutil.copytree(lake, copy)
    day = sorted((copy / "articles").iterdir())[0]
    (orphans,) = {r[0] for r in duckdb.sql(f"SELECT id FROM read_parquet('{day}/*.parquet')").fetchall()},
    shutil.rmtree(day)  # as if the process died between the events file and the articles file
    with open_parquet(copy) as store:
        ids = {a for (a,) in store.conn.execute("SELECT article_id FROM events").fetchall()}
    assert ids and not ids & orphans


# ---------------------------------------------------------------- watch

def test_watch_once_ingests_only_what_is_new(cli, write, tmp_path):
    folder = tmp_path / "inbox"
    write("inbox/a.txt", GOOD_TEXT)
    db = tmp_path / "w.duckdb"
    first = cli("watch", folder, "--db", db, "--once", "-v")
    assert first.exit_code == 0 and query(db, "SELECT count(*) FROM articles") == [(1,)]
    assert cli("watch", folder, "--db", db, "--once").exit_code == 0
    assert query(db, "SELECT count(*) FROM articles") == [(1,)]
    write("inbox/b.txt", WIRE_TEXT)
    write("inbox/c.txt", GOOD_TEXT)  # the same content as a.txt under another name
    run = cli("watch", folder, "--db", db, "--once", "-v")
    stored = [line.split()[1] for line in run.stderr_lines if line.startswith("stored: ")]
    assert run.exit_code == 0 and stored == [str(folder / "b.txt")]
    assert query(db, "SELECT count(*) FROM articles") == [(2,)]


def test_watch_picks_up_new_entries_of_a_feed_file(cli, write, tmp_path):
    def feed(*items: str) -> str:
        entries = "".join(f"<item><title>Story {i}</title><link>https://example.org/{i}</link>"
                          f"<pubDate>Mon, 16 Jun 2025 08:00:00 GMT</pubDate><description>{text}</description></item>"
                          for i, text in enumerate(items))
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>{entries}</channel></rss>'

    path = write("feed.rss", feed(GOOD_TEXT))
    db = tmp_path / "f.duckdb"
    assert cli("watch", path, "--db", db, "--once").exit_code == 0
    path.write_text(feed(GOOD_TEXT, GOOD_TEXT.replace("Friday", "Saturday")), encoding="utf-8")
    assert cli("watch", path, "--db", db, "--once").exit_code == 0
    assert query(db, "SELECT count(*), count(DISTINCT outlet) FROM articles") == [(2, 1)]


class Lines:
    """A subprocess's stderr lines, read in a thread, waited for with a deadline."""

    def __init__(self, stream):
        self.queue: queue.Queue = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=lambda: [self.queue.put(line) for line in stream], daemon=True).start()

    def wait_for(self, prefix: str, deadline: float) -> str:
        while time.monotonic() < deadline:
            try:
                line = self.queue.get(timeout=0.2)
            except queue.Empty:
                continue
            self.seen.append(line)
            if line.startswith(prefix):
                return line
        raise AssertionError(f"no line starting with {prefix!r}; saw {self.seen}")


def test_watch_stops_on_sigterm_with_every_reported_article_stored(flashpoint_exe, write, tmp_path):
    folder = tmp_path / "inbox"
    write("inbox/a.txt", GOOD_TEXT)
    db = tmp_path / "w.duckdb"
    proc = subprocess.Popen([flashpoint_exe, "watch", str(folder), "--db", str(db), "--every", "1", "-v"],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        lines = Lines(proc.stderr)
        lines.wait_for("stored: ", time.monotonic() + 90)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0, lines.seen
    finally:
        if proc.poll() is None:
            proc.kill()
    assert query(db, "SELECT count(*) FROM articles") == [(1,)]


# ---------------------------------------------------------------- serve --watch

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def test_serve_watch_shows_a_dropped_article_while_it_serves(flashpoint_exe, tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    db = tmp_path / "live.duckdb"
    port = free_port()
    proc = subprocess.Popen([flashpoint_exe, "serve", "--db", str(db), "--port", str(port), "--watch", str(inbox),
                             "--every", "1"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        Lines(proc.stderr).wait_for("flashpoint dashboard on", time.monotonic() + 60)
        api = f"http://127.0.0.1:{port}/api/events?limit=500"
        deadline = time.monotonic() + 60
        while True:  # the server answers (an empty store) before anything is ingested
            try:
                assert get_json(api)["total"] == 0
                break
            except OSError:
                assert time.monotonic() < deadline, "the server never answered"
                time.sleep(0.1)
        partial = inbox / "wire.txt.part"  # written under a name watch ignores, then renamed: one atomic drop
        partial.write_text(WIRE_TEXT, encoding="utf-8")
        os.replace(partial, inbox / "wire.txt")
        deadline = time.monotonic() + 60
        while not (page := get_json(api))["total"]:
            assert time.monotonic() < deadline, "the dropped article's events never appeared"
            time.sleep(0.2)
        assert {(e["source"]["country"], e["event_type"], e["target"]["country"]) for e in page["items"]} >= \
            {("ISR", "ASSAULT", "IRN"), ("IRN", "ASSAULT", "ISR")}
        assert get_json(f"http://127.0.0.1:{port}/api/overview")  # the analysis pages read it too
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    assert query(db, "SELECT count(*) FROM articles") == [(1,)]
    assert query(db, "SELECT count(*) FROM events")[0][0] == page["total"]
