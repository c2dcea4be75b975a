"""Copies and corroboration, on real files ingested into a real DuckDB file.

The corpus in tests/data/corroboration/ reports three acts through four outlets, one of them an
aggregator's rewrite of another (see its README)."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import duckdb
import pytest

from flashpoint import corroborate
from flashpoint.corroborate import ClusterState, Clusterer, EventKey

from conftest import EXAMPLES

CORPUS = Path(__file__).parent / "data" / "corroboration"
ACTS = [("ASSAULT", "ISR", "IRN"), ("ASSAULT", "IRN", "ISR"), ("ACCUSE", "IRN", "USA")]


def query(db: Path, sql: str, params=()) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as conn:
        return conn.execute(sql, list(params)).fetchall()


def outlet_ids(db: Path) -> dict[str, str]:
    return dict(query(db, "SELECT outlet, id FROM articles"))


def test_on_the_same_publication_date_the_first_stored_is_the_original(cli, tmp_path):
    db = tmp_path / "x.duckdb"
    cli("ingest", CORPUS / "newsroundup-rewrite.json", "--db", db)
    cli("ingest", CORPUS / "meridian-wire.json", "--db", db)
    ids = outlet_ids(db)
    assert dict(query(db, "SELECT outlet, copy_of FROM articles"))["Meridian Wire"] == ids["NewsRoundup"]


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory, nlp) -> Path:
    from typer.testing import CliRunner

    from flashpoint.cli import app

    db = tmp_path_factory.mktemp("corroboration") / "c.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(CORPUS), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


# ---------------------------------------------------------------- copies

def test_rewrite_with_light_edits_and_source_link_is_a_copy_of_the_original(corpus_db):
    ids = outlet_ids(corpus_db)
    copy_of = dict(query(corpus_db, "SELECT outlet, copy_of FROM articles"))
    assert copy_of["NewsRoundup"] == ids["Meridian Wire"]


def test_independent_reports_of_the_same_acts_are_not_copies(corpus_db):
    copy_of = dict(query(corpus_db, "SELECT outlet, copy_of FROM articles"))
    assert [copy_of[o] for o in ("Meridian Wire", "Levant Ledger", "Harbor Post")] == [None, None, None]


def test_different_stories_on_the_same_war_are_not_copies(cli, tmp_path):
    db = tmp_path / "x.duckdb"
    assert cli("ingest", EXAMPLES, "--db", db).exit_code == 0
    assert query(db, "SELECT count(*) FROM articles WHERE copy_of IS NOT NULL") == [(0,)]


def test_copy_stored_before_its_earlier_published_original_is_relinked_to_it(cli, write, tmp_path):
    record = json.loads((CORPUS / "newsroundup-rewrite.json").read_text())
    late = write("late-rewrite.json", json.dumps({**record, "published": "2025-06-14"}))
    db = tmp_path / "x.duckdb"
    cli("ingest", late, "--db", db)
    cli("ingest", CORPUS / "meridian-wire.json", "--db", db)
    ids = outlet_ids(db)
    assert dict(query(db, "SELECT outlet, copy_of FROM articles"))["NewsRoundup"] == ids["Meridian Wire"]


def test_signature_similarity_separates_a_rewrite_from_another_story():
    texts = {p.stem: json.loads(p.read_text())["text"] for p in CORPUS.glob("*.json")}
    original = corroborate.signature(texts["meridian-wire"])
    assert corroborate.is_copy(original, corroborate.signature(texts["newsroundup-rewrite"]))
    assert not corroborate.is_copy(original, corroborate.signature(texts["levant-ledger"]))


# ---------------------------------------------------------------- clusters

def cluster_of(db: Path, event_type: str, source: str, target: str) -> list[tuple]:
    return query(db, """
        SELECT DISTINCT c.id, c.n_articles, c.n_independent_sources
        FROM events e JOIN clusters c ON c.id = e.cluster_id
        WHERE e.event_type = ? AND e.source_country = ? AND e.target_country = ? AND e.factuality = 'asserted'""",
                 [event_type, source, target])


@pytest.mark.parametrize("act", ACTS, ids=["-".join(a) for a in ACTS])
def test_each_act_is_one_cluster_of_four_articles_and_three_independent_sources(corpus_db, act):
    assert [(n_articles, n_sources) for _, n_articles, n_sources in cluster_of(corpus_db, *act)] == [(4, 3)]


def test_a_cluster_reported_only_by_the_original_and_its_copy_has_one_source(corpus_db):
    # "Iran accused the United States of backing ..." gives USA SUPPORT ISR in the wire story and its rewrite only.
    rows = query(corpus_db, """
        SELECT c.n_articles, c.n_independent_sources FROM clusters c
        WHERE c.id IN (SELECT e.cluster_id FROM events e JOIN articles a ON a.id = e.article_id
                       WHERE a.outlet = 'NewsRoundup')
          AND c.n_articles = 2""")
    assert rows and all(n_sources == 1 for _, n_sources in rows)


def test_cluster_ids_do_not_change_when_more_articles_arrive(cli, tmp_path, corpus_db):
    db = tmp_path / "x.duckdb"
    cli("ingest", CORPUS, "--db", db)
    before = set(query(db, "SELECT id, cluster_id FROM events"))
    cli("ingest", EXAMPLES, "--db", db)
    assert before <= set(query(db, "SELECT id, cluster_id FROM events"))


def test_cluster_ids_are_the_same_in_a_fresh_database_from_the_same_inputs(cli, tmp_path, corpus_db):
    db = tmp_path / "x.duckdb"
    cli("ingest", CORPUS, "--db", db)
    assert set(query(db, "SELECT id, cluster_id FROM events")) == set(query(corpus_db, "SELECT id, cluster_id FROM events"))


# ---------------------------------------------------------------- the date and place rules (pure functions)

D = dt.date(2025, 6, 13)


def key(eid: str, date=None, precision="day", country=None, published=None, block="ASSAULT|asserted|ISR|IRN"):
    return EventKey(eid, block, date, precision if date else None, country, published)


def test_day_precision_events_one_day_apart_share_a_cluster():
    clusterer = Clusterer()
    assert clusterer.assign(key("a", D)).id == clusterer.assign(key("b", D + dt.timedelta(days=1))).id


def test_day_precision_events_two_days_apart_do_not():
    clusterer = Clusterer()
    assert clusterer.assign(key("a", D)).id != clusterer.assign(key("b", D + dt.timedelta(days=2))).id


MONDAY = dt.date(2025, 6, 9)  # of D's week (dates.py dates a week by its Monday)


def test_week_precision_event_joins_a_day_cluster_in_that_week():
    clusterer = Clusterer()
    assert clusterer.assign(key("a", D)).id == clusterer.assign(key("b", MONDAY, "week")).id


def test_week_precision_event_of_an_earlier_week_does_not():
    clusterer = Clusterer()
    assert clusterer.assign(key("a", D)).id != clusterer.assign(key("b", MONDAY - dt.timedelta(days=7), "week")).id


def test_event_dated_by_publication_joins_a_day_cluster_in_the_days_before():
    clusterer = Clusterer()
    published_next_day = key("b", D + dt.timedelta(days=1), "publication")
    assert clusterer.assign(key("a", D)).id == clusterer.assign(published_next_day).id


def test_event_dated_by_publication_does_not_join_a_day_cluster_after_it():
    clusterer = Clusterer()
    assert clusterer.assign(key("a", D)).id != clusterer.assign(key("b", D - dt.timedelta(days=2), "publication")).id


def test_undated_event_is_matched_by_its_articles_publication_date():
    clusterer = Clusterer()
    far_later = key("b", published=D + dt.timedelta(days=10))
    assert clusterer.assign(key("a", D)).id != clusterer.assign(far_later).id


def test_undated_event_without_publication_date_is_compatible_with_any_date():
    clusterer = Clusterer()
    assert clusterer.assign(key("a", D)).id == clusterer.assign(key("b")).id


def test_different_location_countries_do_not_share_a_cluster():
    clusterer = Clusterer()
    assert clusterer.assign(key("a", D, country="IRN")).id != clusterer.assign(key("b", D, country="SYR")).id


def test_unknown_location_is_compatible_with_a_known_one():
    clusterer = Clusterer()
    assert clusterer.assign(key("a", D, country="IRN")).id == clusterer.assign(key("b", D)).id


def test_different_dyads_never_share_a_cluster():
    clusterer = Clusterer()
    other = key("b", D, block="ASSAULT|asserted|IRN|ISR")
    assert clusterer.assign(key("a", D)).id != clusterer.assign(other).id


def test_event_joins_a_stored_cluster_and_keeps_its_id():
    stored = ClusterState("c-stored", "ASSAULT|asserted|ISR|IRN", D, "day", None)
    assert Clusterer([stored]).assign(key("b", D)).id == "c-stored"
