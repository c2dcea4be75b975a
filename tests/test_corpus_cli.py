"""`flashpoint ingest`, `events` and `articles` on real files and a real DuckDB file, and the
crash and concurrency contract with real processes: a real `kill -9` of a running ingest, and a
second ingest into a file that a running ingest holds."""
from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import signal
import subprocess
import threading
import time
from pathlib import Path

import duckdb
import pytest

from conftest import EXAMPLES, GERMAN_TEXT, GOOD_TEXT

CORPUS = Path(__file__).parent / "data" / "corroboration"
EVENT_KEYS = {"article", "event_type", "mode", "cameo_root", "goldstein", "quad_class", "source", "target",
              "factuality", "attribution", "location", "event_date", "date_precision", "trigger", "evidence",
              "confidence", "rule", "id", "article_id", "cluster_id", "n_articles", "n_independent_sources"}


def query(db, sql, params=()):
    with duckdb.connect(str(db), read_only=True) as conn:
        return conn.execute(sql, list(params)).fetchall()


def jsonl(run) -> list[dict]:
    return [json.loads(line) for line in run.stdout.splitlines() if line.strip()]


# ---------------------------------------------------------------- a corpus of many short, distinct articles

SOURCES = ["Israel", "Iran", "Hezbollah", "The Houthis", "Hamas", "The United States", "Russia", "Turkey", "Egypt",
           "Qatar", "Jordan", "Saudi Arabia"]
TARGETS = ["Syria", "Lebanon", "Iraq", "Yemen", "Gaza", "the West Bank", "Israel", "Iran", "Bahrain", "Oman"]
ACTS = ["launched airstrikes on", "fired rockets at", "shelled positions in", "sent aid to", "held talks with",
        "imposed sanctions on", "accused", "threatened"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SAYERS = ["officials said", "state media reported", "a spokesman said", "witnesses said", "the ministry said"]
DETAILS = ["Casualty figures could not be verified.", "Markets fell sharply in early trading.",
           "Diplomats called an emergency meeting.", "Airlines suspended flights to the region.",
           "Residents reported loud explosions overnight.", "The United Nations urged restraint."]


def short_articles(n: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    records, seen = [], set()
    while len(records) < n:
        parts = (rng.choice(SOURCES), rng.choice(ACTS), rng.choice(TARGETS), rng.choice(DAYS), rng.choice(SAYERS),
                 rng.choice(DETAILS), rng.randrange(2, 400))
        if parts in seen or parts[0].lower().endswith(parts[2].lower()):
            continue
        seen.add(parts)
        source, act, target, day, sayer, detail, number = parts
        text = (f"{source} {act} {target} on {day}, {sayer}. At least {number} people were reported affected. "
                f"{detail}")
        records.append({"id": f"short-{len(records):04d}", "text": text, "outlet": f"Outlet {len(records) % 9}",
                        "published": f"2025-06-{1 + len(records) % 28:02d}"})
    return records


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


STORED = re.compile(r"^stored: (?P<name>.*) \((?P<id>[0-9a-f]{64}), (?P<n>\d+) events")


class Ingest:
    """A real `flashpoint ingest -v` process whose stderr lines are collected as they come."""

    def __init__(self, exe: str, inputs: Path, db: Path):
        self.proc = subprocess.Popen([exe, "ingest", str(inputs), "--db", str(db), "-v"], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.proc.stderr:
            self.lines.append(line.rstrip("\n"))

    def stored(self) -> dict[str, int]:
        """Article id -> number of events, for every article the process has reported committed."""
        return {m["id"]: int(m["n"]) for m in map(STORED.match, list(self.lines)) if m}

    def wait_for_stored(self, n: int, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while len(self.stored()) < n:
            if self.proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"ingest ended or stalled before storing {n} articles: {self.lines[-5:]}")
            time.sleep(0.02)

    def finish(self, timeout: float = 120) -> int:
        code = self.proc.wait(timeout)
        self.reader.join(10)
        return code


# ---------------------------------------------------------------- crash safety: a real kill -9

@pytest.fixture
def many(tmp_path) -> Path:
    return write_jsonl(tmp_path / "many.jsonl", short_articles(200))


def test_kill_9_mid_ingest_keeps_every_reported_article_with_all_its_events(flashpoint_exe, many, tmp_path):
    db = tmp_path / "crash.duckdb"
    ingest = Ingest(flashpoint_exe, many, db)
    ingest.wait_for_stored(30)
    os.kill(ingest.proc.pid, signal.SIGKILL)
    assert ingest.finish() == -signal.SIGKILL
    reported = ingest.stored()
    in_db = dict(query(db, "SELECT a.id, count(e.id) FROM articles a LEFT JOIN events e ON e.article_id = a.id "
                           "GROUP BY a.id"))
    assert {aid: in_db.get(aid) for aid in reported} == reported
    # nothing half-written either: every stored article is whole (its events, its signature, its clusters)
    assert query(db, "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM article_minhash)") == [(0,)]
    assert query(db, "SELECT count(*) FROM events WHERE cluster_id NOT IN (SELECT id FROM clusters)") == [(0,)]


def test_rerun_after_kill_9_completes_the_ingest_without_duplicates(flashpoint_exe, cli, many, tmp_path):
    db = tmp_path / "crash.duckdb"
    ingest = Ingest(flashpoint_exe, many, db)
    ingest.wait_for_stored(30)
    os.kill(ingest.proc.pid, signal.SIGKILL)
    ingest.finish()
    run = cli("ingest", many, "--db", db)
    assert run.exit_code == 0, run.stderr
    assert query(db, "SELECT count(*), count(DISTINCT id), count(DISTINCT path) FROM articles") == [(200, 200, 200)]
    assert query(db, "SELECT count(*) - count(DISTINCT id) FROM events") == [(0,)]
    assert query(db, "SELECT sum(n_events) FROM clusters")[0][0] == query(db, "SELECT count(*) FROM events")[0][0]


# ---------------------------------------------------------------- two ingests into one file

@pytest.fixture
def few(tmp_path) -> Path:
    return write_jsonl(tmp_path / "few.jsonl", short_articles(120))


def test_second_ingest_into_a_busy_file_fails_with_one_clear_line(flashpoint_exe, cli, few, good_article, tmp_path):
    db = tmp_path / "busy.duckdb"
    first = Ingest(flashpoint_exe, few, db)
    first.wait_for_stored(1)
    run = cli("ingest", good_article, "--db", db, "--wait", "0.3")
    assert run.exit_code == 4
    assert run.stderr_lines == [f"error: {db} is in use by another process (PID {first.proc.pid}); DuckDB allows "
                                f"one writer at a time, so wait for it to finish and run this again"]
    assert first.finish() == 0
    assert query(db, "SELECT count(*) FROM articles") == [(120,)]


def test_second_ingest_given_time_waits_for_the_first_and_then_stores(flashpoint_exe, cli, few, good_article, tmp_path):
    db = tmp_path / "busy.duckdb"
    first = Ingest(flashpoint_exe, few, db)
    first.wait_for_stored(1)
    assert first.proc.poll() is None
    run = cli("ingest", good_article, "--db", db, "--wait", "120")
    assert (run.exit_code, first.finish()) == (0, 0), run.stderr
    # the second got the file only once the first had stored all it had to
    assert query(db, "SELECT path FROM articles ORDER BY ingested_at DESC LIMIT 1") == [(str(good_article),)]
    assert query(db, "SELECT count(*) FROM articles") == [(121,)]


# ---------------------------------------------------------------- a batch with bad inputs

BAD = {
    "empty.txt": b"",
    "image.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
    "latin1.txt": "Caf\xe9 owners in Tehran said prices doubled this week.".encode("latin-1"),
    "huge.txt": b"word " * 1_100_000,
    "cut.html": b'<html><head><title>Iran talks</title></head><body><nav><a href="/">Ho',
    "german.txt": GERMAN_TEXT.encode(),
}


@pytest.fixture(scope="module")
def bad_batch(tmp_path_factory, nlp):
    from typer.testing import CliRunner

    from flashpoint.cli import app

    folder = tmp_path_factory.mktemp("batch")
    for name, content in BAD.items():
        (folder / name).write_bytes(content)
    (folder / "good-1.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "good-2.txt").write_text(GOOD_TEXT.replace("Friday", "Saturday"), encoding="utf-8")
    db = folder / "batch.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    return folder, db, result


def test_bad_batch_exits_3_with_a_summary_line(bad_batch):
    _, _, result = bad_batch
    assert result.exit_code == 3
    assert result.stderr.strip().splitlines()[-1].startswith("2 articles stored") and \
        "6 inputs rejected" in result.stderr.strip().splitlines()[-1]


def test_bad_batch_records_every_bad_input_with_its_reason(bad_batch):
    folder, db, _ = bad_batch
    reasons = dict(query(db, "SELECT path, reason FROM ingest_errors"))
    assert set(reasons) == {str(folder / name) for name in BAD}
    assert reasons[str(folder / "empty.txt")] == "empty file"
    assert "binary" in reasons[str(folder / "image.txt")]
    assert reasons[str(folder / "latin1.txt")].startswith("not valid UTF-8")
    assert "over the 5 MB limit" in reasons[str(folder / "huge.txt")]
    assert reasons[str(folder / "cut.html")].startswith(("no article text", "too little text"))
    assert reasons[str(folder / "german.txt")] == "text is in language 'de', not English; no events coded"


def test_bad_batch_stores_every_good_article_with_its_events(bad_batch):
    folder, db, _ = bad_batch
    rows = query(db, "SELECT a.path, count(e.id) FROM articles a JOIN events e ON e.article_id = a.id GROUP BY a.path")
    assert {path for path, n in rows if n > 0} == {str(folder / "good-1.txt"), str(folder / "good-2.txt")}


def test_bad_batch_prints_one_error_line_per_bad_input(bad_batch):
    folder, _, result = bad_batch
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert sorted(line.split(": ")[1] for line in errors) == sorted(str(folder / name) for name in BAD)


def test_articles_errors_lists_the_rejected_inputs(bad_batch, cli):
    folder, db, _ = bad_batch
    run = cli("articles", "--db", db, "--errors", "--format", "jsonl")
    rows = jsonl(run)
    assert run.exit_code == 0 and {r["path"] for r in rows} == {str(folder / n) for n in BAD}
    assert all(set(r) == {"path", "reason", "at"} for r in rows)


def test_rerunning_a_bad_batch_adds_no_error_rows(bad_batch, cli, tmp_path):
    folder, db, _ = bad_batch
    copy = tmp_path / "again.duckdb"
    copy.write_bytes(db.read_bytes())
    cli("ingest", folder, "--db", copy)
    assert query(copy, "SELECT count(*) FROM ingest_errors") == [(len(BAD),)]


def test_an_article_that_breaks_the_coder_is_rejected_and_the_others_stored(cli, write, tmp_path, monkeypatch):
    # Fault injection (the one stand-in in these tests): the coder raises on one text, as a bug would.
    from flashpoint import pipeline

    real = pipeline.code_doc

    def code_doc(doc, article):
        if "Tuesday" in article.text:
            raise RuntimeError("coder bug")
        return real(doc, article)

    monkeypatch.setattr(pipeline, "code_doc", code_doc)
    paths = [write(f"{day}.txt", GOOD_TEXT.replace("Friday", day)) for day in ("Monday", "Tuesday", "Wednesday")]
    db = tmp_path / "f.duckdb"
    run = cli("ingest", *paths, "--db", db)
    assert run.exit_code == 3
    assert query(db, "SELECT path, reason FROM ingest_errors") == [(str(paths[1]), "coding failed (RuntimeError: coder bug)")]
    assert {p for (p,) in query(db, "SELECT path FROM articles")} == {str(paths[0]), str(paths[2])}


# ---------------------------------------------------------------- events and articles: filters and formats

@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory, nlp) -> Path:
    from typer.testing import CliRunner

    from flashpoint.cli import app

    db = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLES), str(CORPUS), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def all_events(corpus_db) -> list[dict]:
    from typer.testing import CliRunner

    from flashpoint.cli import app

    result = CliRunner().invoke(app, ["events", "--db", str(corpus_db), "--format", "jsonl"])
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_events_jsonl_has_the_event_object_and_the_corpus_fields(all_events, corpus_db):
    assert len(all_events) == query(corpus_db, "SELECT count(*) FROM events")[0][0]
    assert all(EVENT_KEYS <= set(e) for e in all_events)


def test_events_dyad_filter_keeps_that_source_and_target(cli, corpus_db):
    events = jsonl(cli("events", "--db", corpus_db, "--dyad", "ISR-IRN", "--format", "jsonl"))
    assert events and {(e["source"]["country"], e["target"]["country"]) for e in events} == {("ISR", "IRN")}


def test_events_dyad_filter_takes_a_wildcard_side(cli, corpus_db, all_events):
    events = jsonl(cli("events", "--db", corpus_db, "--dyad", "*-USA", "--format", "jsonl"))
    assert len(events) == sum(1 for e in all_events if e["target"] and e["target"]["country"] == "USA") > 0


def test_events_type_filter(cli, corpus_db, all_events):
    events = jsonl(cli("events", "--db", corpus_db, "--type", "assault", "--format", "jsonl"))
    assert len(events) == sum(1 for e in all_events if e["event_type"] == "ASSAULT") > 0


def test_events_type_filter_takes_several_types(cli, corpus_db, all_events):
    events = jsonl(cli("events", "--db", corpus_db, "--type", "ASSAULT,THREATEN", "--format", "jsonl"))
    assert {e["event_type"] for e in events} == {"ASSAULT", "THREATEN"}


def test_events_since_and_until_filter_on_the_event_or_publication_date(cli, corpus_db, all_events):
    events = jsonl(cli("events", "--db", corpus_db, "--since", "2025-06-16", "--until", "2025-06-19",
                       "--format", "jsonl"))
    dates = {e["event_date"] or e["published"] for e in events}
    assert events and min(dates) >= "2025-06-16" and max(dates) <= "2025-06-19"
    assert len(events) == sum(1 for e in all_events if "2025-06-16" <= (e["event_date"] or e["published"]) <= "2025-06-19")


def test_events_min_sources_keeps_only_corroborated_events(cli, corpus_db, all_events):
    events = jsonl(cli("events", "--db", corpus_db, "--min-sources", "3", "--format", "jsonl"))
    assert events and all(e["n_independent_sources"] >= 3 for e in events)
    assert len(events) == sum(1 for e in all_events if e["n_independent_sources"] >= 3) < len(all_events)


def test_events_csv_has_a_header_and_one_row_per_event(cli, corpus_db, all_events):
    rows = list(csv.DictReader(io.StringIO(cli("events", "--db", corpus_db, "--format", "csv").stdout)))
    assert len(rows) == len(all_events)
    assert {"id", "article_id", "event_type", "source_country", "target_country", "cluster_id", "n_articles",
            "n_independent_sources", "event_date", "location_country"} <= set(rows[0])


def test_events_csv_to_a_file(cli, corpus_db, all_events, tmp_path):
    out = tmp_path / "events.csv"
    assert cli("events", "--db", corpus_db, "--format", "csv", "-o", out, "--type", "ASSAULT").exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == sum(1 for e in all_events if e["event_type"] == "ASSAULT") and \
        {r["event_type"] for r in rows} == {"ASSAULT"}


def test_events_parquet_file_reads_back_with_every_event(cli, corpus_db, all_events, tmp_path):
    out = tmp_path / "events.parquet"
    assert cli("events", "--db", corpus_db, "--format", "parquet", "-o", out).exit_code == 0
    with duckdb.connect() as conn:
        ids = {i for (i,) in conn.execute("SELECT id FROM read_parquet(?)", [str(out)]).fetchall()}
    assert ids == {e["id"] for e in all_events}


def test_events_parquet_without_an_output_file_is_a_usage_error(cli, corpus_db):
    run = cli("events", "--db", corpus_db, "--format", "parquet")
    assert run.exit_code == 2 and "-o FILE" in run.stderr


def test_events_jsonl_to_a_file(cli, corpus_db, all_events, tmp_path):
    out = tmp_path / "events.jsonl"
    cli("events", "--db", corpus_db, "--format", "jsonl", "-o", out)
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == \
        [e["id"] for e in all_events]


def test_events_table_shows_sources_per_event(cli, corpus_db):
    run = cli("events", "--db", corpus_db, "--dyad", "ISR-IRN", "--min-sources", "3")
    assert run.exit_code == 0 and "ASSAULT" in run.stdout and "sources" in run.stdout
    assert re.search(r"\d+ events", run.stderr_lines[-1])


@pytest.mark.parametrize("flags", [("--dyad", "ISRIRN"), ("--type", "BOMB"), ("--since", "last week")],
                         ids=["dyad", "type", "since"])
def test_events_bad_filter_is_a_usage_error(cli, corpus_db, flags):
    assert cli("events", "--db", corpus_db, *flags).exit_code == 2


def test_articles_jsonl_lists_each_article_with_its_copy_link_and_event_count(cli, corpus_db):
    rows = jsonl(cli("articles", "--db", corpus_db, "--format", "jsonl"))
    assert len(rows) == 16
    assert {"id", "title", "outlet", "published", "url", "copy_of", "n_events"} <= set(rows[0])
    by_outlet = {r["outlet"]: r for r in rows if r["path"] in {"meridian-2025-06-13-strikes", "newsroundup-israel-natanz"}}
    assert by_outlet["NewsRoundup"]["copy_of"] == by_outlet["Meridian Wire"]["id"]
    assert sum(r["n_events"] for r in rows) == query(corpus_db, "SELECT count(*) FROM events")[0][0]


def test_articles_table(cli, corpus_db):
    run = cli("articles", "--db", corpus_db)
    assert run.exit_code == 0 and "NewsRoundup" in run.stdout and run.stderr_lines[-1] == "16 articles"


# ---------------------------------------------------------------- workers

def test_two_workers_store_the_same_events_and_clusters_as_one(cli, corpus_db, tmp_path):
    db = tmp_path / "w2.duckdb"
    run = cli("ingest", EXAMPLES, CORPUS, "--db", db, "--workers", "2")
    assert run.exit_code == 0, run.stderr
    sql = "SELECT e.id, e.cluster_id, a.copy_of FROM events e JOIN articles a ON a.id = e.article_id"
    assert set(query(db, sql)) == set(query(corpus_db, sql))
