"""The dashboard's HTTP surface (flashpoint/web) with FastAPI's TestClient over a real DuckDB store built
by ingesting examples/ and the XSS corpus in tests/data/xss/ (conftest.dashboard_db): status codes,
filters, pagination, the JSON shapes, and that untrusted article text never becomes markup."""
from __future__ import annotations

import html
import io
import re
import warnings
from html.parser import HTMLParser
from urllib.parse import quote

import pytest

with warnings.catch_warnings():  # starlette 1.x would rather have httpx2; httpx (pinned) works the same
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from flashpoint.store import EventFilter, Store
from flashpoint.web.app import create_app

PAYLOADS = ("<script>alert(", "<img src=x onerror", "<svg onload", "<iframe src=", "onmouseover=\"alert",
            "<a href=\"javascript")


@pytest.fixture(scope="module")
def client(dashboard_db):
    with TestClient(create_app(dashboard_db)) as c:
        yield c


@pytest.fixture(scope="module")
def stored(dashboard_db):
    """Everything in the store, read through Store (not the web app): the reference for the API."""
    with Store.open(dashboard_db, read_only=True) as store:
        events = list(store.events())
        articles = list(store.articles())
    return {"events": events, "articles": articles}


def xss_article_ids(stored) -> list[str]:
    return [a["id"] for a in stored["articles"] if a["path"] and "xss" in a["path"]]


def all_pages(client, url: str, limit: int) -> list[dict]:
    items, offset = [], 0
    while True:
        page = client.get(f"{url}{'&' if '?' in url else '?'}limit={limit}&offset={offset}").json()
        items += page["items"]
        if page["next_offset"] is None:
            return items
        offset = page["next_offset"]


# ---------------------------------------------------------------- markup checks

class Tags(HTMLParser):
    """Every start tag with its (decoded) attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: (v or "") for k, v in attrs}))


def tags_of(markup: str) -> list[tuple[str, dict]]:
    parser = Tags()
    parser.feed(markup)
    return parser.tags


def assert_inert(markup: str) -> None:
    """No script but ours, no event handler, no javascript: URL, no injected element; the payloads
    appear only escaped."""
    for payload in PAYLOADS:
        assert payload not in markup, payload
    for tag, attrs in tags_of(markup):
        assert tag not in ("img", "svg", "object", "embed"), tag
        if tag == "script":
            assert attrs.get("src", "").startswith("/static/"), attrs
        assert tag not in ("iframe", "frame", "base", "meta") or tag == "meta" and "http-equiv" not in attrs, tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            if name in ("href", "src", "action", "formaction"):
                assert not re.match(r"\s*(javascript|data|vbscript):", value, re.I), (tag, name, value)


# ---------------------------------------------------------------- pages and static files

@pytest.mark.parametrize("url, heading", [
    ("/", "Overview"), ("/events", "Events"), ("/network", "Actor network"), ("/brief", "Situation brief"),
    ("/dyads/ISR-IRN", "ISR → IRN"), ("/actors/ISR", "ISR"), ("/actors/isrmil", "ISRMIL"),
])
def test_pages_render(client, url, heading):
    response = client.get(url)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    assert re.search(r"<h1>\s*" + re.escape(html.escape(heading, quote=False)), response.text)
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert_inert(response.text)


def test_charts_use_the_local_plotly(client):
    for url in ("/", "/dyads/ISR-IRN", "/network"):
        text = client.get(url).text
        assert '<script src="/static/plotly.min.js"></script>' in text
        assert re.search(r"class=\"chart\" id=\"[\w-]+\" data-figure='\{", text), url
        assert "cdn" not in text.lower() and "https://" not in text
    js = client.get("/static/plotly.min.js")
    assert js.status_code == 200 and js.headers["content-type"].startswith("text/javascript")
    assert len(js.content) > 1_000_000 and b"plotly" in js.content[:2000].lower()
    assert client.get("/static/app.js").status_code == 200


def test_openapi_and_offline_docs(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/dyads/{dyad}/timeline",
                 "/api/escalation", "/api/network", "/api/actors/{code}"):
        assert path in spec["paths"], path
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"dyad", "type", "factuality", "since", "until", "min_sources", "limit", "offset"} <= params
    docs = client.get("/docs").text
    bundle = re.search(r"""src=["'](/static/docs/swagger-ui-bundle\.js)["']""", docs)
    assert bundle and "cdn.jsdelivr" not in docs
    assert client.get(bundle.group(1)).status_code == 200


# ---------------------------------------------------------------- /api/events: filters and pagination

def test_events_default_page(client, stored):
    page = client.get("/api/events").json()
    assert page["total"] == len(stored["events"]) > 50
    assert page["limit"] == 50 and page["offset"] == 0 and len(page["items"]) == 50 and page["next_offset"] == 50
    first = page["items"][0]
    for key in ("id", "article_id", "event_type", "source", "target", "factuality", "evidence", "n_independent_sources",
                "published", "outlet"):
        assert key in first
    dates = [e["event_date"] or e["published"] for e in page["items"]]
    assert dates == sorted(dates, reverse=True)  # newest first


def test_pagination_covers_every_event_once(client, stored):
    ids = [e["id"] for e in all_pages(client, "/api/events", 37)]
    assert len(ids) == len(set(ids)) == len(stored["events"])
    assert set(ids) == {e["id"] for e in stored["events"]}
    assert [e["id"] for e in all_pages(client, "/api/events", 500)] == ids  # same order whatever the page size
    last = client.get("/api/events", params={"offset": len(ids) - 1}).json()
    assert len(last["items"]) == 1 and last["next_offset"] is None
    beyond = client.get("/api/events", params={"offset": len(ids) + 10}).json()
    assert beyond["items"] == [] and beyond["total"] == len(ids)


@pytest.mark.parametrize("params, expected", [
    ({"dyad": "ISR-IRN"}, EventFilter("ISR", "IRN")),
    ({"dyad": "irn-*"}, EventFilter("IRN", None)),
    ({"dyad": "*-USA"}, EventFilter(None, "USA")),
    ({"type": "ASSAULT"}, EventFilter(types=("ASSAULT",))),
    ({"type": "threaten,reject"}, EventFilter(types=("THREATEN", "REJECT"))),
    ({"since": "2025-06-20", "until": "2025-06-22"}, EventFilter(since=__import__("datetime").date(2025, 6, 20),
                                                                 until=__import__("datetime").date(2025, 6, 22))),
    ({"min_sources": "2"}, EventFilter(min_sources=2)),
    ({"dyad": "ISR-IRN", "type": "ASSAULT", "min_sources": "2"}, EventFilter("ISR", "IRN", ("ASSAULT",), min_sources=2)),
])
def test_filters_match_the_store(client, dashboard_db, params, expected):
    with Store.open(dashboard_db, read_only=True) as store:
        want = {e["id"] for e in store.events(expected)}
    got = all_pages(client, "/api/events?" + "&".join(f"{k}={quote(v)}" for k, v in params.items()), 100)
    assert {e["id"] for e in got} == want and want


def test_filter_values_hold_on_every_item(client):
    for item in all_pages(client, "/api/events?dyad=ISR-IRN&type=ASSAULT", 500):
        assert (item["source"]["country"], item["target"]["country"], item["event_type"]) == ("ISR", "IRN", "ASSAULT")
    planned = all_pages(client, "/api/events?factuality=planned", 500)
    assert planned and all(e["factuality"] == "planned" for e in planned)
    for item in all_pages(client, "/api/events?min_sources=2", 500):
        assert item["n_independent_sources"] >= 2
    for item in all_pages(client, "/api/events?since=2025-06-20&until=2025-06-21", 500):
        assert "2025-06-20" <= (item["event_date"] or item["published"]) <= "2025-06-21"
    assert client.get("/api/events?dyad=ISR-IRN&factuality=negated&since=2030-01-01").json()["total"] == 0


def test_blank_filters_are_ignored(client, stored):
    page = client.get("/api/events?dyad=&type=&factuality=&since=&until=&min_sources=").json()
    assert page["total"] == len(stored["events"])


@pytest.mark.parametrize("query", [
    "dyad=ISRIRN", "dyad=ISR-IRN-USA", "dyad=IS-IRN", "dyad=*-*", "dyad=ISR-", "dyad=1SR-IRN",
    "type=FOO", "type=ASSAULT,NOPE", "factuality=maybe",
    "since=2025-02-30", "since=yesterday", "until=13/06/2025",
    "min_sources=0", "min_sources=two", "min_sources=99999999999999999999",
    "limit=0", "limit=501", "limit=ten", "offset=-1", "offset=99999999999999999999",
    "dyad=ISR-IRN'%20OR%201=1--", "type=ASSAULT');%20DROP%20TABLE%20events;--",
])
def test_bad_filter_values_are_422(client, query):
    response = client.get("/api/events?" + query)
    assert response.status_code == 422, (query, response.status_code, response.text[:300])
    detail = response.json()["detail"]
    assert detail and detail[0]["loc"][0] == "query" and detail[0]["msg"]


def test_bad_filters_on_the_html_page_are_422_pages(client):
    response = client.get("/events", params={"since": "<script>alert(1)</script>"})
    assert response.status_code == 422 and response.headers["content-type"].startswith("text/html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert_inert(response.text)
    assert client.get("/events?type=NOPE").status_code == 422
    assert client.get("/dyads/ISR").status_code == 422
    assert client.get("/api/dyads/ISR-IRN-X/timeline").status_code == 422
    assert client.get("/api/escalation?dyad=nonsense").status_code == 422
    assert client.get("/api/escalation?window=0").status_code == 422
    assert client.get("/network?since=2025-99-01").status_code == 422


def test_the_store_is_untouched_by_hostile_requests(client, stored):
    for url in ("/api/events/x'%20OR%20'1'='1", "/api/articles/';DROP%20TABLE%20articles;--", "/api/actors/ISR'--",
                "/api/events?dyad=ISR-IRN;DELETE", "/events?type=ASSAULT'--"):
        assert client.get(url).status_code in (404, 422), url
    assert client.get("/api/events").json()["total"] == len(stored["events"])


# ---------------------------------------------------------------- ids: 404

@pytest.mark.parametrize("url", [
    "/api/events/e0000000000000000000", "/events/e0000000000000000000", "/api/articles/deadbeef", "/articles/deadbeef",
    "/api/actors/NOPE", "/actors/NOPE", "/api/actors/%3Cscript%3E", "/api/dyads/ZZZ-YYY/timeline", "/dyads/ZZZ-YYY",
    "/no/such/page",
])
def test_unknown_ids_are_404(client, url):
    response = client.get(url)
    assert response.status_code == 404, (url, response.status_code)
    if url.startswith("/api/"):
        assert response.json()["detail"]
    else:
        assert "404" in response.text
        assert_inert(response.text)


# ---------------------------------------------------------------- one event, one article

def test_event_by_id(client, stored):
    wanted = stored["events"][0]
    got = client.get(f"/api/events/{wanted['id']}").json()
    assert got == wanted  # the same object as Store.events() gives


def test_event_page_marks_the_evidence(client, stored):
    event = next(e for e in stored["events"] if e["event_type"] == "ASSAULT" and "examples/" in e["article"])
    page = client.get(f"/events/{event['id']}").text
    marks = re.findall(r'<mark class="evidence"[^>]*>(.*?)</mark>', page, re.S)
    assert len(marks) == 1
    shown = html.unescape(re.sub(r"</?strong[^>]*>", "", marks[0]))
    assert shown == event["evidence"]["sentence"]
    assert f'<strong class="trigger">{html.escape(event["trigger"])}</strong>' in marks[0]
    assert f'href="/articles/{event["article_id"]}"' in page
    assert f'href="/actors/{event["source"]["code"]}"' in page


def test_article_api_and_page(client, stored):
    article = next(a for a in stored["articles"] if a["n_events"] > 3)
    data = client.get(f"/api/articles/{article['id']}").json()
    assert data["title"] == article["title"] and data["text"] and len(data["events"]) == article["n_events"]
    page = client.get(f"/articles/{article['id']}").text
    assert "<mark class=\"evidence\"" in page and page.count("class=\"event-row\"") == article["n_events"]


# ---------------------------------------------------------------- analysis endpoints

def test_dyad_timeline(client, stored):
    data = client.get("/api/dyads/ISR-IRN/timeline").json()
    assert (data["source"], data["target"]) == ("ISR", "IRN") and data["points"]
    dates = [p["date"] for p in data["points"]]
    assert dates == sorted(dates)
    assert all({"n_events", "by_type", "goldstein_sum", "weighted_goldstein"} <= set(p) for p in data["points"])
    assert sum(p["n_events"] for p in data["points"]) >= 1
    narrowed = client.get("/api/dyads/ISR-IRN/timeline?since=2025-06-14&until=2025-06-15").json()["points"]
    assert all("2025-06-14" <= p["date"] <= "2025-06-15" for p in narrowed)
    page = client.get("/dyads/ISR-IRN").text
    assert 'id="timeline"' in page and 'id="escalation"' in page and "class=\"event-row\"" in page


def test_escalation(client):
    overall = client.get("/api/escalation").json()
    assert overall["points"] and {"date", "index", "intensity", "baseline"} <= set(overall["points"][0])
    dyad = client.get("/api/escalation?dyad=ISR-IRN&window=3&baseline=14").json()
    assert (dyad["source"], dyad["target"]) == ("ISR", "IRN") and dyad["window"] == 3
    overview = client.get("/api/overview").json()
    assert overview["dyads"] and overview["significant_events"]
    assert all(d["escalation"]["points"] for d in overview["dyads"])


def test_network_json_and_graphml(client):
    import networkx as nx

    data = client.get("/api/network").json()
    nodes = {n["id"] for n in data["nodes"]}
    assert {"ISR", "IRN"} <= nodes and data["edges"]
    assert all(e["source"] in nodes and e["target"] in nodes for e in data["edges"])
    download = client.get("/api/network.graphml")
    assert download.status_code == 200 and "attachment" in download.headers["content-disposition"]
    graph = nx.read_graphml(io.BytesIO(download.content))
    assert set(graph.nodes) == nodes and graph.number_of_edges() == len(data["edges"])
    page = client.get("/network").text
    assert 'href="/api/network.graphml"' in page and 'class="small centrality"' in page


def test_actor(client):
    data = client.get("/api/actors/isr").json()
    assert data["code"] == "ISR" and data["n_as_source"] > 0 and data["targets"]
    page = client.get("/actors/ISR").text
    assert 0 < page.count('class="event-row"') <= 50 and "Acts on" in page


def test_brief(client):
    assert client.get("/api/brief").status_code == 200
    page = client.get("/brief").text
    assert '<article class="brief">' in page and re.search(r'class="citation">\[<a href="/events/e[0-9a-f]+"', page)
    alone = client.get("/brief/document")
    assert alone.status_code == 200 and "script-src" not in alone.headers["content-security-policy"]
    assert "default-src 'none'" in alone.headers["content-security-policy"]


# ---------------------------------------------------------------- untrusted text stays text

def test_xss_corpus_is_stored_verbatim(client, stored):
    ids = xss_article_ids(stored)
    assert len(ids) == 2
    for article_id in ids:
        data = client.get(f"/api/articles/{article_id}").json()
        assert "<" in data["title"] and data["events"]  # JSON carries the text as data, unchanged
        assert client.get(f"/api/articles/{article_id}").headers["content-type"] == "application/json"


def test_xss_corpus_renders_inert(client, stored):
    urls = ["/", "/events", "/events?since=2025-06-20&until=2025-06-21", "/dyads/ISR-LBN", "/dyads/ISR-IRN",
            "/actors/LBNREBHEZ", "/network", "/brief", "/brief/document"]
    for article_id in xss_article_ids(stored):
        urls.append(f"/articles/{article_id}")
        urls += [f"/events/{e['id']}" for e in client.get(f"/api/articles/{article_id}").json()["events"]]
    seen_escaped = set()
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert(response.text)
        for escaped in ("&lt;script&gt;alert(", "&lt;img src=x onerror=alert(", "&lt;svg onload=alert("):
            if escaped in response.text:
                seen_escaped.add(escaped)
    assert len(seen_escaped) == 3  # the payloads are shown, as text


def test_only_http_urls_become_links(client, stored):
    by_url = {}
    for article_id in xss_article_ids(stored):
        data = client.get(f"/api/articles/{article_id}").json()
        by_url[data["url"]] = client.get(f"/articles/{article_id}").text
    js_page = by_url["javascript:alert('url')"]
    assert not any(a.get("href", "").lower().startswith("javascript") for t, a in tags_of(js_page) if t == "a")
    assert "javascript:alert(&#39;url&#39;)" in js_page  # shown as text, not linked
    https_page = by_url["https://example.org/story?q=<script>alert('q')</script>"]
    links = [a for t, a in tags_of(https_page) if t == "a" and a.get("href", "").startswith("https://example.org/")]
    assert links and links[0]["rel"] == "noopener noreferrer nofollow"


def test_serve_refuses_a_missing_database(cli, tmp_path):
    run = cli("serve", "--db", tmp_path / "missing.duckdb", "--port", "1")
    assert run.exit_code == 1 and "no such database" in run.stderr
