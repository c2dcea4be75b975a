"""flashpoint.analyze and flashpoint.brief: timelines, the escalation index, main dyads, the actor network,
significant events and the cited brief, over real DuckDB files.

Two corpora: the bundled examples/ ingested once with the real `flashpoint ingest`, and a small synthetic
corpus (a quiet week of Israeli-Iranian cooperation, then a burst of Israeli strikes, one of them reported
by two outlets and copied by an aggregator; each strike dated to its day, so each is its own cluster),
coded with the real coder and stored with Store.add_article."""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import defaultdict

import networkx as nx
import pytest
from typer.testing import CliRunner

from flashpoint import analyze, code_article
from flashpoint.brief import Brief, BriefSentence, Citation, Section, build_brief, render_html, render_markdown
from flashpoint.cli import app
from flashpoint.records import Article
from flashpoint.store import Store

from conftest import EXAMPLES

D = dt.date


# ---------------------------------------------------------------- corpora

@pytest.fixture(scope="session")
def examples_db(tmp_path_factory, nlp):
    """examples/ ingested once, by the real command."""
    db = tmp_path_factory.mktemp("examples") / "examples.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLES), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="session")
def examples(examples_db):
    with Store.open(examples_db, read_only=True) as store:
        yield store


QUIET = [  # 2025-03-01 .. 2025-03-07: cooperation only
    "Israel praised Iran for the prisoner exchange.",
    "Israel thanked Iran for returning the fishermen.",
    "Israel welcomed an Iranian offer of talks.",
    "Israel voiced support for an Iranian proposal on shipping.",
    "Israel agreed with Iran on a prisoner swap.",
    "Israel praised Iran for reopening the consulate.",
    "Israel thanked Iran for the safe return of the sailors.",
]
STRIKE = ("Israeli jets struck military bases in Iran on Saturday, officials said. Residents reported loud "
          "explosions near the city for several hours during the night. Hospitals in the area said they were treating a number of "
          "wounded people and asked residents to donate blood.")
STRIKE_COPY = STRIKE.replace("Residents reported", "Locals reported") + "\n\nSource link"
BURST = [  # (published, outlet, text, title)
    (D(2025, 3, 8), "Outlet A", STRIKE, "Israel strikes Iran"),
    (D(2025, 3, 8), "Outlet B", "Israeli warplanes hit military bases across Iran on Saturday, the army said.",
     "Strikes on Iran"),
    (D(2025, 3, 8), "NewsRoundup", STRIKE_COPY, "Israel strikes Iran (roundup)"),
    (D(2025, 3, 10), "Outlet A", "Israeli jets bombed an air base in Iran on Monday.", "Air base bombed"),
    (D(2025, 3, 12), "Outlet B", "Israel launched missiles at targets in Iran on Wednesday.", "Missiles at Iran"),
]


def store_article(store: Store, name: str, text: str, published: dt.date, outlet: str, title: str | None = None):
    article = Article(id=name, text=text, title=title, published=published, outlet=outlet)
    return store.add_article(article, code_article(text, published=published, outlet=outlet))


@pytest.fixture(scope="session")
def synthetic_db(tmp_path_factory, nlp):
    db = tmp_path_factory.mktemp("synthetic") / "synthetic.duckdb"
    with Store.open(db) as store:
        for day, text in enumerate(QUIET, 1):
            store_article(store, f"quiet-{day}.txt", text, D(2025, 3, day), "Quiet Times", f"Quiet day {day}")
        stored = [store_article(store, f"burst-{i}.txt", text, published, outlet, title)
                  for i, (published, outlet, text, title) in enumerate(BURST)]
        assert stored[2].copy_of == stored[0].id  # the aggregator's rewrite is a copy, not a new source
    return db


@pytest.fixture(scope="session")
def synthetic(synthetic_db):
    with Store.open(synthetic_db, read_only=True) as store:
        yield store


@pytest.fixture
def empty(tmp_path):
    with Store.open(tmp_path / "empty.duckdb") as store:
        yield store


# ---------------------------------------------------------------- timelines

def test_timeline_counts_acts_once_per_cluster(examples):
    """Checked against a count done here from the stored events: one act per cluster."""
    events = [e for e in examples.events() if e["factuality"] == "asserted"
              and e["source"]["country"] == "ISR" and (e["target"] or {}).get("country") == "IRN"]
    clusters = defaultdict(list)
    for e in events:
        clusters[e["cluster_id"]].append(e)
    points = analyze.dyad_timeline(examples, "ISR", "IRN")
    assert sum(p.n_events for p in points) == len(clusters) > 0
    assert sum(p.n_reports for p in points) == len(events) > len(clusters)
    expected_weighted = sum(group[0]["goldstein"] * max(1, group[0]["n_independent_sources"])
                            for group in clusters.values())
    assert sum(p.weighted_goldstein for p in points) == pytest.approx(expected_weighted)
    for p in points:
        assert sum(p.by_type.values()) == sum(p.by_quad_class.values()) == p.n_events
        assert set(p.by_quad_class) == {1, 2, 3, 4}
    days = [p.date for p in points]
    assert days == [days[0] + dt.timedelta(days=i) for i in range(len(days))]  # dense: one point a day


def test_timeline_cluster_dedup_and_source_weights(synthetic):
    """Two outlets and an aggregator's copy report the 8 March strike: one act, weighed by 2 sources."""
    points = {p.date: p for p in analyze.dyad_timeline(synthetic, "ISR", "IRN")}
    strike = points[D(2025, 3, 8)]
    assert (strike.n_events, strike.by_type, strike.goldstein_sum) == (1, {"ASSAULT": 1}, -10.0)
    assert strike.weighted_goldstein == -20.0  # 2 independent sources: the copy does not count
    assert strike.n_reports >= 3
    assert points[D(2025, 3, 9)].n_events == 0
    assert points[D(2025, 3, 10)].weighted_goldstein == -10.0
    assert all(points[D(2025, 3, d)].by_quad_class[4] == 0 for d in range(1, 8))


def test_timeline_filters_factuality_dates_and_actor_codes(examples):
    planned = analyze.dyad_timeline(examples, "ISR", "IRNGOV", factuality=("planned",))
    assert any(p.date == D(2025, 6, 16) and p.by_type.get("ASSAULT") for p in planned)
    window = analyze.dyad_timeline(examples, "ISR", "IRN", since="2025-06-14", until=D(2025, 6, 20))
    assert window and all(D(2025, 6, 14) <= p.date <= D(2025, 6, 20) for p in window)
    # an actor code matches itself and its more specific codes; a country code any of its actors
    military = analyze.dyad_timeline(examples, "ISRMIL", "LBN")
    assert sum(p.n_events for p in military) >= 1
    assert sum(p.n_events for p in military) <= sum(p.n_events for p in analyze.dyad_timeline(examples, "ISR", "LBN"))


# ---------------------------------------------------------------- escalation

def test_escalation_flags_the_burst_after_a_quiet_week(synthetic):
    esc = analyze.escalation(synthetic, "ISR", "IRN")
    assert esc.points[0].date == D(2025, 3, 1) and esc.points[-1].date == D(2025, 3, 12)
    quiet = [p for p in esc.points if p.date < D(2025, 3, 8)]
    assert all(p.conflict == 0 and p.index == 0 for p in quiet)
    assert sum(p.cooperation for p in quiet) > 0
    [change] = esc.change_points
    assert (change.date, change.direction) == (D(2025, 3, 8), "escalation")
    assert change.magnitude >= 2
    assert change.description.startswith("escalation since 2025-03-08 (ISR→IRN)")
    burst = {p.date: p for p in esc.points}
    assert burst[D(2025, 3, 8)].conflict == 20.0  # -(-10) x 2 independent sources
    assert burst[D(2025, 3, 8)].intensity == pytest.approx(20 / 7, abs=1e-3)
    assert esc.status == "escalating"


def test_escalation_quiet_period_has_no_change_point(synthetic):
    esc = analyze.escalation(synthetic, "ISR", "IRN", until="2025-03-07")
    assert esc.points and esc.change_points == [] and esc.status == "steady"


def test_escalation_baseline_reaches_back_before_since(synthetic):
    esc = analyze.escalation(synthetic, "ISR", "IRN", since="2025-03-10")
    assert esc.points[0].date == D(2025, 3, 10)
    assert esc.points[0].intensity == pytest.approx(30 / 7, abs=1e-3)  # the 8 March strike is in the window
    assert esc.change_points == []  # the escalation began before the period


def test_overall_escalation_and_main_dyads(synthetic, examples):
    overall = analyze.escalation(synthetic)
    assert [c.date for c in overall.change_points] == [D(2025, 3, 8)]
    assert "(all dyads)" in overall.change_points[0].description
    [top] = analyze.main_dyads(synthetic, limit=1)
    assert (top.source, top.target, top.status) == ("ISR", "IRN", "escalating")
    # Quiet Times, Outlet A and Outlet B (the NewsRoundup copy counts as Outlet A); 3 cooperative acts (the
    # week's praise and support, an agreement, a return), 3 strikes
    assert (top.n_sources, top.n_events, top.goldstein_sum) == (3, 6, -19.0) and top.index_now >= 2
    dyads = analyze.main_dyads(examples, limit=5)
    assert len(dyads) == 5 and all(d.source != d.target for d in dyads)
    assert [d.salience for d in dyads] == sorted((d.salience for d in dyads), reverse=True)
    assert {d.status for d in dyads} <= {"escalating", "de-escalating", "steady"}
    assert ("ISR", "IRN") in {(d.source, d.target) for d in dyads}
    merged = analyze.main_dyads(examples, limit=3, undirected=True)
    assert merged[0].undirected and merged[0].source < merged[0].target


def test_escalation_with_few_or_no_events(empty, synthetic):
    esc = analyze.escalation(empty, "ISR", "IRN")
    assert (esc.points, esc.change_points, esc.status, esc.index_now) == ([], [], "steady", 0.0)
    assert analyze.escalation(synthetic, "USA", "CHN").points == []
    assert analyze.escalation(synthetic, since="2030-01-01").points == []
    single = analyze.escalation(synthetic, "ISR", "IRN", window=1, baseline=1)
    assert all(p.index == p.index for p in single.points)  # no NaN
    assert analyze.dyad_timeline(empty, "ISR", "IRN") == []
    assert analyze.main_dyads(empty) == []
    assert analyze.significant_events(empty) == []
    graph = analyze.actor_network(empty)
    assert graph.number_of_nodes() == 0 and analyze.centrality(graph) == []


def test_untrusted_filter_values_are_bound_parameters(examples):
    hostile = "ISR' OR 1=1 --"
    assert analyze.dyad_timeline(examples, hostile, "IRN") == []
    assert analyze.acts(examples, source="IRN'; DROP TABLE events; --") == []
    assert examples.counts()["events"] > 0


# ---------------------------------------------------------------- network

def test_actor_network_edges_and_graphml(examples, tmp_path):
    graph = analyze.actor_network(examples)
    edge = graph.edges["ISR", "IRN"]
    assert edge["weight"] == edge["n_events"] >= 1 and edge["types"].get("ASSAULT", 0) >= 1
    assert edge["goldstein_sum"] < 0 and edge["weighted_goldstein"] <= edge["goldstein_sum"]
    assert graph.nodes["IRNMILIRGC"]["name"] == "Islamic Revolutionary Guard Corps"
    assert graph.nodes["ISRMIL"]["country"] == "ISR" and graph.nodes["ISRMIL"]["sector"] == "MIL"
    ranked = analyze.centrality(graph)
    assert ranked[0][0] in {"ISR", "IRN"} and ranked == sorted(ranked, key=lambda r: (-r[1], r[0]))
    assert dict(ranked)["ISR"] == graph.degree("ISR", weight="weight")
    assert {code for code, _ in analyze.centrality(graph, "pagerank")} == set(graph.nodes)

    path = analyze.write_graphml(graph, tmp_path / "actors.graphml")
    back = nx.read_graphml(path)
    assert back.is_directed() and set(back.nodes) == set(graph.nodes)
    assert back.number_of_edges() == graph.number_of_edges()
    assert back.edges["ISR", "IRN"]["type_ASSAULT"] == edge["types"]["ASSAULT"]
    assert back.nodes["ISR"]["label"] == "Israel"


def test_network_counts_a_cluster_once_per_actor_pair(synthetic):
    edge = analyze.actor_network(synthetic).edges["ISRMIL", "IRN"]
    assert edge["types"]["ASSAULT"] == 2  # 8 March (three reports, one act) and 10 March


# ---------------------------------------------------------------- significant events

def test_significant_events_one_per_cluster_by_salience(examples):
    top = analyze.significant_events(examples, limit=10)
    assert len(top) == 10 and len({e["cluster_id"] for e in top}) == 10
    saliences = [e["salience"] for e in top]
    assert saliences == sorted(saliences, reverse=True)
    for e in top:
        assert e["salience"] == abs(e["goldstein"]) * max(1, e["n_independent_sources"])
        assert e["factuality"] == "asserted"
        for key in ("event_id", "article_id", "outlet", "published", "event_date", "event_type", "source_code",
                    "source_text", "target_code", "target_text", "claimant", "evidence_sentence", "evidence_start",
                    "evidence_end"):
            assert key in e
    first = top[0]
    assert (first["source_country"], first["event_type"], first["target_country"]) == ("ISR", "ASSAULT", "IRN")
    assert first["n_independent_sources"] >= 3
    since = analyze.significant_events(examples, since="2025-06-20", limit=50)
    assert since and all(e["date"] >= "2025-06-20" for e in since)


# ---------------------------------------------------------------- the brief

def _check_citations(store: Store, brief: Brief) -> int:
    n = 0
    for section in brief.sections:
        for sentence in section.sentences:
            n += 1
            assert sentence.citations, sentence.text
            for c in sentence.citations:
                evidence, text, outlet, published = store.conn.execute(
                    "SELECT e.evidence_sentence, a.text, a.outlet, a.published FROM events e "
                    "JOIN articles a ON a.id = e.article_id WHERE e.id = ? AND a.id = ?",
                    [c.event_id, c.article_id]).fetchall()[0]
                assert c.quote.strip() and c.quote in evidence
                assert text[c.start:c.end] == c.quote
                assert (c.outlet, c.published) == (outlet, published)
    return n


def test_brief_every_sentence_cites_a_stored_quote(examples):
    brief = build_brief(examples)
    assert brief.period == "2025-05-01 to 2025-06-27"
    assert [s.title for s in brief.sections] == ["Escalation status", "Most significant events",
                                                 "Rejected or proposed moves", "Threats", "Who said what"]
    assert all(section.sentences for section in brief.sections)
    assert _check_citations(examples, brief) >= 20
    status = brief.sections[0].sentences
    assert status[0].text.startswith("All dyads: ")
    assert any(s.text.startswith("Israel (ISR) → Iran (IRN): ") for s in status)
    significant = brief.sections[1].sentences[0]
    assert significant.text.startswith("Israel (ISR) attacked Iran (IRN) on 2025-06-13 (ASSAULT")
    assert len({c.outlet for c in significant.citations}) == 3  # three independent reports cited
    moves = " ".join(s.text for s in brief.sections[2].sentences)
    assert "rejected" in moves and "planned or proposed to attack" in moves
    assert all("(THREATEN" in s.text for s in brief.sections[3].sentences)
    assert all(s.text.startswith("According to ") for s in brief.sections[4].sentences)
    markdown = render_markdown(brief)
    assert markdown.startswith("# Situation brief, 2025-05-01 to 2025-06-27")
    assert "[Meridian Wire, 2025-06-13: “Israel launched a wave of airstrikes" in markdown


def test_brief_for_a_period_and_for_an_empty_store(examples, empty):
    brief = build_brief(examples, since="2025-06-22", until="2025-06-24")
    assert brief.period == "2025-06-22 to 2025-06-24"
    _check_citations(examples, brief)
    for section in brief.sections[1:]:
        for sentence in section.sentences:
            for c in sentence.citations[:1]:
                day = examples.conn.execute("SELECT coalesce(e.event_date, a.published) FROM events e JOIN articles a "
                                            "ON a.id = e.article_id WHERE e.id = ?", [c.event_id]).fetchall()[0][0]
                assert D(2025, 6, 22) <= day <= D(2025, 6, 24)
    nothing = build_brief(empty)
    assert all(not s.sentences for s in nothing.sections)
    assert "No stored events" in render_markdown(nothing) and "No stored events" in render_html(nothing)


def test_html_escapes_untrusted_article_text(tmp_path, nlp):
    db = tmp_path / "xss.duckdb"
    text = ('Israeli jets struck military bases in Iran <script>alert("body")</script>, officials said. '
            'Iran threatened to retaliate <img src=x onerror=alert(1)>.')
    with Store.open(db) as store:
        store_article(store, "xss.txt", text, D(2025, 6, 13), '<b onmouseover="alert(2)">Evil Wire</b>',
                      title="<script>alert('title')</script>")
        brief = build_brief(store)
        assert _check_citations(store, brief) >= 1
    html = render_html(brief, event_href="/events/{event_id}")
    assert "<script" not in html.lower() and "<img" not in html and "<b " not in html
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in html  # the title, as a citation's tooltip
    assert "&lt;b onmouseover=" in html
    fragment = render_html(brief, standalone=False)
    assert fragment.startswith("<article") and "<html" not in fragment
    markdown = render_markdown(brief)
    assert not re.search(r"(?<!\\)<", markdown) and "\\<b onmouseover" in markdown  # every < escaped

    own = Brief("<script>alert('x')</script>", "today", [Section("<i>s</i>", [BriefSentence(
        "a <script>b</script>", [Citation("e1", "a1", "<Outlet>", D(2025, 1, 1), "q <script>")])])])
    html = render_html(own)
    assert "<script" not in html and "<i>" not in html
    assert html.count("&lt;script&gt;") == 4  # <title>, <h1>, the sentence, the quote


def test_records_serialise_to_json(examples):
    esc = analyze.escalation(examples, "ISR", "IRN")
    assert json.loads(json.dumps(esc.to_dict()))["points"][0]["date"] == esc.points[0].date.isoformat()
    point = analyze.dyad_timeline(examples, "ISR", "IRN")[0].to_dict()
    assert set(point["by_quad_class"]) == {"1", "2", "3", "4"}
    json.dumps(build_brief(examples, since="2025-06-24").to_dict())
    json.dumps([d.to_dict() for d in analyze.main_dyads(examples)])


# ---------------------------------------------------------------- the commands

def test_cli_brief_escalation_network(cli, examples_db, tmp_path):
    md = tmp_path / "brief.md"
    run = cli("brief", "--db", examples_db, "-o", md)
    assert run.exit_code == 0 and md.read_text(encoding="utf-8").startswith("# Situation brief")
    run = cli("brief", "--db", examples_db, "--format", "html", "--since", "2025-06-20")
    assert run.exit_code == 0 and run.stdout.startswith("<!DOCTYPE html>") and "2025-06-20 to 2025-06-27" in run.stdout

    run = cli("escalation", "--db", examples_db, "--dyad", "ISR-IRN", "--format", "jsonl")
    rows = [json.loads(line) for line in run.stdout.splitlines()]
    assert run.exit_code == 0 and rows[0]["date"] == "2025-06-13"
    assert rows[0]["change_point"]["direction"] == "escalation" and rows[-1]["date"] == "2025-06-27"
    run = cli("escalation", "--db", examples_db, "--since", "2025-06-10")
    assert run.exit_code == 0 and "escalation since 2025-06-13 (all dyads)" in run.stdout
    assert cli("escalation", "--db", examples_db, "--dyad", "ISR").exit_code == 2
    assert cli("escalation", "--db", examples_db, "--since", "June").exit_code == 2

    graphml = tmp_path / "net.graphml"
    run = cli("network", "--db", examples_db, "-o", graphml, "--top", "3")
    assert run.exit_code == 0 and nx.read_graphml(graphml).number_of_nodes() > 10
    assert "ISR" in run.stdout and "Israel" in run.stdout
    assert cli("brief", "--db", tmp_path / "missing.duckdb").exit_code == 1
