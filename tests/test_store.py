"""flashpoint.store: the DuckDB file — idempotence, schema and migrations, what an SQL user sees.

Every test uses a real database file under tmp_path and real input files."""
from __future__ import annotations

import datetime as dt
import json

import duckdb
import pytest

from flashpoint import store as store_module
from flashpoint.ingest import read_inputs
from flashpoint.store import SCHEMA_VERSION, Store, StoreError, migrate

from conftest import EXAMPLES, GOOD_TEXT, WIRE_TEXT


def query(db, sql, params=()):
    with duckdb.connect(str(db), read_only=True) as conn:
        return conn.execute(sql, list(params)).fetchall()


def counts(db) -> tuple[int, int, int, int]:
    return query(db, "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
                     "(SELECT count(*) FROM clusters), (SELECT count(*) FROM actors)")[0]


# ---------------------------------------------------------------- idempotence

def test_reingesting_the_same_folder_adds_nothing(cli, tmp_path):
    db = tmp_path / "f.duckdb"
    cli("ingest", EXAMPLES, "--db", db)
    before = counts(db)
    run = cli("ingest", EXAMPLES, "--db", db)
    assert (run.exit_code, counts(db)) == (0, before)
    assert run.stderr_lines[-1].startswith("0 articles stored (0 events, 0 copies of another), 12 already stored")


def test_same_content_under_another_name_is_stored_once(cli, write, tmp_path):
    first = write("a/wire.txt", WIRE_TEXT)
    second = write("b/same-story-renamed.txt", WIRE_TEXT)
    db = tmp_path / "f.duckdb"
    run = cli("ingest", first, second, "--db", db)
    assert query(db, "SELECT path FROM articles") == [(str(first),)]
    assert "1 article stored" in run.stderr_lines[-1] and "1 already stored" in run.stderr_lines[-1]


def test_same_content_with_other_whitespace_is_stored_once(cli, write, tmp_path):
    db = tmp_path / "f.duckdb"
    cli("ingest", write("a.txt", WIRE_TEXT), write("b.txt", WIRE_TEXT.replace(". ", ".  \n")), "--db", db)
    assert query(db, "SELECT count(*) FROM articles") == [(1,)]


def test_article_id_is_the_content_hash(cli, write, tmp_path):
    from flashpoint.ingest import content_hash

    path = write("wire.txt", WIRE_TEXT)
    db = tmp_path / "f.duckdb"
    cli("ingest", path, "--db", db)
    [article] = list(read_inputs([str(path)]))
    assert query(db, "SELECT id FROM articles") == [(content_hash(article),)]


def test_event_ids_are_deterministic_across_databases(cli, good_article, tmp_path):
    for name in ("one.duckdb", "two.duckdb"):
        cli("ingest", good_article, "--db", tmp_path / name)
    assert query(tmp_path / "one.duckdb", "SELECT id FROM events ORDER BY id") == \
        query(tmp_path / "two.duckdb", "SELECT id FROM events ORDER BY id")


# ---------------------------------------------------------------- what an SQL user finds

def test_every_table_is_there_for_any_sql_user(cli, good_article, tmp_path):
    db = tmp_path / "f.duckdb"
    cli("ingest", good_article, "--db", db)
    tables = {t for (t,) in query(db, "SELECT table_name FROM information_schema.tables")}
    assert {"schema_version", "articles", "events", "clusters", "actors", "ingest_errors"} <= tables


def test_events_table_holds_the_flattened_event_and_its_json(cli, good_article, tmp_path):
    db = tmp_path / "f.duckdb"
    cli("ingest", good_article, "--db", db, "--published", "2025-06-13", "--outlet", "Test Wire")
    row = query(db, "SELECT source_country, event_type, target_country, factuality, evidence_start, "
                    "data->>'$.source.code', cluster_id IS NOT NULL FROM events WHERE event_type = 'ASSAULT'")[0]
    assert row == ("ISR", "ASSAULT", "IRN", "asserted", 0, "ISR", True)


def test_actors_table_counts_events_and_dates_by_actor(cli, good_article, tmp_path):
    db = tmp_path / "f.duckdb"
    cli("ingest", good_article, "--db", db, "--published", "2025-06-13")
    n_isr = query(db, "SELECT count(*) FROM events WHERE source_code = 'ISR'")[0][0] + \
        query(db, "SELECT count(*) FROM events WHERE target_code = 'ISR'")[0][0]
    assert query(db, "SELECT n_events, first_seen, last_seen FROM actors WHERE id = 'ISR'") == \
        [(n_isr, dt.date(2025, 6, 13), dt.date(2025, 6, 13))]


def test_article_row_keeps_outlet_published_url_and_language(cli, write, tmp_path):
    record = {"id": "r1", "text": WIRE_TEXT, "published": "2025-06-16", "url": "https://www.example.org/x/1",
              "outlet": "Test Wire", "title": "Strikes"}
    db = tmp_path / "f.duckdb"
    cli("ingest", write("r.jsonl", json.dumps(record) + "\n"), "--db", db)
    assert query(db, "SELECT path, title, outlet, published, url, language FROM articles") == \
        [("r1", "Strikes", "Test Wire", dt.date(2025, 6, 16), "https://www.example.org/x/1", "en")]


def test_outlet_comes_from_the_url_domain_when_absent(cli, write, tmp_path):
    record = {"id": "r1", "text": GOOD_TEXT, "url": "https://www.levantledger.example/a/1"}
    db = tmp_path / "f.duckdb"
    cli("ingest", write("r.jsonl", json.dumps(record) + "\n"), "--db", db)
    assert query(db, "SELECT outlet FROM articles") == [("levantledger.example",)]


FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Gulf Monitor</title><link>https://gulfmonitor.example/</link>
<item><title>Houthis seize ship</title><link>https://gulfmonitor.example/a/1</link>
<pubDate>Wed, 18 Jun 2025 09:00:00 GMT</pubDate>
<description><![CDATA[<p>Yemen's Houthis seized a cargo ship in the Red Sea on Wednesday and detained its crew,
the group said.</p><p>The European Union urged the Houthis to release the crew.</p>]]></description></item>
<item><title>Israel strikes Iran</title><link>https://gulfmonitor.example/a/2</link>
<pubDate>Fri, 13 Jun 2025 06:00:00 GMT</pubDate><description>""" + GOOD_TEXT + """</description></item>
</channel></rss>
"""


def test_rss_feed_entries_are_stored_with_title_link_date_and_feed_outlet(cli, write, tmp_path):
    db = tmp_path / "f.duckdb"
    run = cli("ingest", write("feed.rss", FEED), "--db", db)
    assert run.exit_code == 0, run.stderr
    assert query(db, "SELECT title, url, published, outlet FROM articles ORDER BY published") == [
        ("Israel strikes Iran", "https://gulfmonitor.example/a/2", dt.date(2025, 6, 13), "Gulf Monitor"),
        ("Houthis seize ship", "https://gulfmonitor.example/a/1", dt.date(2025, 6, 18), "Gulf Monitor")]


# ---------------------------------------------------------------- migrations

OLD_ARTICLE = ("JERUSALEM, June 13, 2025 (Meridian Wire) — Israel struck Iran's Natanz enrichment site before dawn "
               "on Friday, hitting the main centrifuge hall and air defence batteries around the facility, Israeli "
               "officials said. Hours later Iran launched more than 100 drones at Israel, the military said.")


@pytest.fixture
def v1_file(tmp_path):
    """A database as the first schema version left it: an article, a light rewrite of it, an event in each."""
    db = tmp_path / "old.duckdb"
    conn = duckdb.connect(str(db))
    assert migrate(conn, target=1) == [1]
    rewrite = OLD_ARTICLE.replace("(Meridian Wire) ", "").replace("Hours later", "A few hours later")
    for n, (aid, outlet, text) in enumerate([("a1", "Meridian Wire", OLD_ARTICLE), ("a2", "NewsRoundup", rewrite)]):
        conn.execute("INSERT INTO articles VALUES (?, ?, NULL, ?, DATE '2025-06-13', NULL, ?, 'en', NULL, ?)",
                     [aid, f"{aid}.txt", outlet, text, dt.datetime(2025, 6, 13, 12, n)])
        conn.execute("INSERT INTO events (id, article_id, article, event_type, source_code, source_country, "
                     "target_code, target_country, factuality, confidence, rule) "
                     "VALUES (?, ?, ?, 'ASSAULT', 'ISR', 'ISR', 'IRN', 'IRN', 'asserted', 0.8, 'assault.verbs')",
                     [f"e{n}", aid, f"{aid}.txt"])
    conn.close()
    return db


def test_opening_an_old_version_file_migrates_it_to_the_current_schema(v1_file):
    with Store.open(v1_file):
        pass
    assert query(v1_file, "SELECT max(version) FROM schema_version") == [(SCHEMA_VERSION,)]


def test_migration_keeps_the_old_rows(v1_file):
    with Store.open(v1_file):
        pass
    assert query(v1_file, "SELECT id, outlet FROM articles ORDER BY id") == [("a1", "Meridian Wire"), ("a2", "NewsRoundup")]


def test_migration_links_old_copies_and_clusters_old_events(v1_file):
    with Store.open(v1_file):
        pass
    assert query(v1_file, "SELECT copy_of FROM articles WHERE id = 'a2'") == [("a1",)]
    assert query(v1_file, "SELECT n_articles, n_independent_sources FROM clusters") == [(2, 1)]


def test_read_only_command_on_an_old_file_migrates_it_first(cli, v1_file):
    run = cli("articles", "--db", v1_file, "--format", "jsonl")
    assert run.exit_code == 0 and [json.loads(line)["id"] for line in run.stdout.splitlines()] == ["a1", "a2"]


def test_migrations_are_recorded_one_row_each(v1_file):
    with Store.open(v1_file):
        pass
    assert [v for (v,) in query(v1_file, "SELECT version FROM schema_version ORDER BY version")] == \
        list(range(1, SCHEMA_VERSION + 1))


def test_failed_migration_leaves_the_file_at_its_old_version(v1_file, monkeypatch):
    def broken(conn):
        conn.execute("CREATE TABLE half_done (x INTEGER)")
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store_module, "MIGRATIONS", [store_module.MIGRATIONS[0], broken])
    with pytest.raises(RuntimeError):
        with duckdb.connect(str(v1_file)) as conn:
            migrate(conn, target=2)
    tables = {t for (t,) in query(v1_file, "SELECT table_name FROM information_schema.tables")}
    assert query(v1_file, "SELECT max(version) FROM schema_version") == [(1,)] and "half_done" not in tables


def test_file_from_a_newer_flashpoint_is_refused_and_untouched(tmp_path, cli):
    db = tmp_path / "new.duckdb"
    with Store.open(db):
        pass
    with duckdb.connect(str(db)) as conn:
        conn.execute("INSERT INTO schema_version VALUES (99, now(), 'from the future')")
    with pytest.raises(StoreError, match="schema version 99, newer than this flashpoint knows"):
        Store.open(db)
    run = cli("events", "--db", db)
    assert run.exit_code == 1 and "newer than this flashpoint knows" in run.stderr_lines[0]
    assert query(db, "SELECT max(version) FROM schema_version") == [(99,)]


def test_reading_a_missing_database_is_a_one_line_error(cli, tmp_path):
    run = cli("events", "--db", tmp_path / "nope.duckdb")
    assert run.exit_code == 1
    assert run.stderr_lines == [f"error: {tmp_path / 'nope.duckdb'}: no such database; create it with `flashpoint ingest`"]


def test_a_file_that_is_not_a_database_is_a_one_line_error(cli, write):
    path = write("notes.duckdb", "just some text, not a database\n" * 100)
    run = cli("ingest", EXAMPLES / "01-israel-strikes-natanz-tehran.txt", "--db", path)
    assert run.exit_code == 1 and len(run.stderr_lines) == 1 and run.stderr_lines[0].startswith(f"error: {path}")
