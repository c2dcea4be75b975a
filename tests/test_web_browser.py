"""The dashboard as a person sees it: Playwright (sync API) driving Debian's chromium, headless, against a
real `flashpoint serve` started here on a free localhost port over a store built from examples/ and
the XSS corpus (conftest.dashboard_db). Screenshots go to the test's tmp dir and to
/tmp/flashpoint-shots/ (for a person to look at).

The browser is the system's /usr/bin/chromium (the Makefile's test set-up installs it with apt-get);
Playwright never downloads one. Without it these tests are skipped, saying so."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SHOTS = Path("/tmp/flashpoint-shots")
TIMEOUT_MS = 15_000

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM),
                                reason=f"{CHROMIUM} is missing: install Debian's chromium (`apt-get install -y "
                                       f"chromium`, as `make test` does) to run the browser tests")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(dashboard_db, flashpoint_exe, tmp_path_factory):
    """`flashpoint serve` in a subprocess; its base URL once the port answers (30 s at most)."""
    port = free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([flashpoint_exe, "serve", "--db", str(dashboard_db), "--port", str(port),
                                 "--host", "127.0.0.1"], stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                pytest.fail(f"flashpoint serve exited with {proc.returncode}: {log.read_text(errors='replace')}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"flashpoint serve did not listen on port {port} within 30 s: "
                                f"{log.read_text(errors='replace')}")
                time.sleep(0.05)  # polling the port
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class Watched:
    """A page whose dialogs (alert, confirm, prompt) and script errors are recorded."""

    def __init__(self, page):
        self.page = page
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()


@pytest.fixture
def watched(browser, server):
    context = browser.new_context(viewport={"width": 1320, "height": 900}, base_url=server)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    watched = Watched(page)
    yield watched
    context.close()
    assert watched.dialogs == [], f"a dialog fired: {watched.dialogs}"
    assert watched.errors == [], f"script errors: {watched.errors}"


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> list[Path]:
    return [tmp_path_factory.mktemp("screenshots"), SHOTS]


def screenshot(page, shots, name: str, full_page: bool = False) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    first = shots[0] / f"{name}.png"
    page.screenshot(path=str(first), full_page=full_page)
    shutil.copyfile(first, SHOTS / f"{name}.png")


def goto(watched, url: str) -> None:
    response = watched.page.goto(url)
    assert response is not None and response.status == 200, (url, response and response.status)


def charts_drawn(page, selector: str) -> None:
    """A plotly chart really drew: its SVG is in the page with at least one trace."""
    page.wait_for_selector(f"{selector} svg.main-svg")
    assert page.locator(f"{selector} .scatterlayer .trace, {selector} .barlayer .trace").count() > 0


def api(page, path: str):
    return page.request.get(path).json()


# ---------------------------------------------------------------- every page

def test_overview(watched, shots):
    page = watched.page
    goto(watched, "/")
    assert page.locator("h1").inner_text() == "Overview"
    charts_drawn(page, "#escalation-dyads")
    charts_drawn(page, "#escalation-overall")
    assert page.locator("table.dyads tbody tr").count() >= 3
    assert page.locator("table.significant tbody tr").count() == 10
    screenshot(page, shots, "overview", full_page=True)


def test_events_table_and_paging(watched, shots):
    page = watched.page
    goto(watched, "/events")
    assert page.locator("h1").inner_text() == "Events"
    total = api(page, "/api/events")["total"]
    assert page.locator("table.events tbody tr").count() == 50
    assert page.locator("nav.pager .count").first.inner_text() == f"1–50 of {total} events"
    screenshot(page, shots, "events")
    page.locator("nav.pager a.next").first.click()
    page.wait_for_url("**/events?offset=50")
    assert page.locator("nav.pager .count").first.inner_text() == f"51–{min(100, total)} of {total} events"


def test_filter_by_type_then_open_an_event(watched, shots):
    page = watched.page
    goto(watched, "/events")
    before = page.locator("nav.pager .count").first.inner_text()
    page.select_option("form.filters select[name=type]", "ASSAULT")
    page.locator("form.filters button[type=submit]").click()
    page.wait_for_url("**/events?*type=ASSAULT*")
    n_assaults = api(page, "/api/events?type=ASSAULT")["total"]
    after = page.locator("nav.pager .count").first.inner_text()
    assert after != before and after.endswith(f"of {n_assaults} events")
    types = page.locator("table.events tbody tr td:nth-child(3) .type").all_inner_texts()
    assert types and set(types) == {"ASSAULT"} and len(types) == min(50, n_assaults)
    screenshot(page, shots, "events-assault")

    # a click anywhere on a row (here: its evidence cell) opens the event with its evidence highlighted
    row = page.locator("table.events tbody tr").first
    evidence_preview = row.locator("td.evidence").inner_text()
    row.locator("td.evidence").click()
    page.wait_for_url("**/events/e*")
    event = api(page, "/api/events/" + page.url.rsplit("/", 1)[1])
    assert event["event_type"] == "ASSAULT"
    mark = page.locator("#evidence-section mark.evidence")
    assert mark.count() == 1 and mark.is_visible()
    assert " ".join(mark.inner_text().split()) == " ".join(event["evidence"]["sentence"].split())
    assert evidence_preview.rstrip("…") in " ".join(event["evidence"]["sentence"].split())
    assert mark.locator("strong.trigger").inner_text() == event["trigger"]
    background = mark.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    screenshot(page, shots, "event")
    page.locator("table.fields a[href^='/articles/']").click()
    page.wait_for_url("**/articles/*")
    assert page.locator("mark.evidence").count() >= 1
    screenshot(page, shots, "article")


def test_dyad_page(watched, shots):
    page = watched.page
    goto(watched, "/dyads/ISR-IRN")
    assert page.locator("h1").inner_text().startswith("ISR → IRN")
    charts_drawn(page, "#timeline")
    charts_drawn(page, "#escalation")
    assert page.locator("table.events tbody tr").count() > 0
    screenshot(page, shots, "dyad-ISR-IRN", full_page=True)


def test_actor_page(watched, shots):
    page = watched.page
    goto(watched, "/actors/ISR")
    assert page.locator("h1").inner_text().startswith("ISR")
    assert page.get_by_role("heading", name="Acts on").is_visible()
    assert page.locator("table.events tbody tr").count() > 0
    screenshot(page, shots, "actor-ISR")


def test_network_page(watched, shots):
    page = watched.page
    goto(watched, "/network")
    assert page.locator("h1").inner_text() == "Actor network"
    charts_drawn(page, "#network")
    assert page.locator("table.centrality tbody tr").count() > 5
    with page.expect_download() as download:
        page.locator("a.download").click()
    assert download.value.suggested_filename == "flashpoint-network.graphml"
    screenshot(page, shots, "network")


def test_brief_page(watched, shots):
    page = watched.page
    goto(watched, "/brief")
    assert page.locator("article.brief h1").inner_text().startswith("Situation brief")
    assert page.locator("article.brief section").count() >= 2
    assert page.locator("article.brief .citation a[href^='/events/']").count() > 0
    screenshot(page, shots, "brief", full_page=True)


def test_api_docs_work_offline(watched, shots, server):
    page = watched.page
    elsewhere = []

    def only_this_server(route):
        if route.request.url.startswith(server + "/"):
            route.continue_()
        else:  # a CDN, or anything else off this machine
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", only_this_server)
    goto(watched, "/docs")
    page.wait_for_selector(".swagger-ui .opblock-summary-path")
    assert "/api/events" in page.locator(".swagger-ui").inner_text()
    assert elsewhere == []
    screenshot(page, shots, "api-docs")


# ---------------------------------------------------------------- untrusted text

def test_xss_corpus_pages_fire_no_dialog(watched, shots):
    page = watched.page
    articles = [a for a in api(page, "/api/events?since=2025-06-20&until=2025-06-21&limit=500")["items"]
                if "xss" in a["article"]]
    assert articles
    urls = ["/events?since=2025-06-20&until=2025-06-21", "/", "/dyads/ISR-LBN", "/brief", "/brief/document"]
    for article_id in sorted({e["article_id"] for e in articles}):
        urls.append(f"/articles/{article_id}")
        urls += [f"/events/{e['id']}" for e in api(page, f"/api/articles/{article_id}")["events"]]
    for url in urls:
        goto(watched, url)
        page.wait_for_load_state("load")
        assert page.locator("a[href^='javascript:' i], [onerror], [onload], [onmouseover]").count() == 0, url
        assert watched.dialogs == [], (url, watched.dialogs)
    # the payloads are on screen as text
    goto(watched, f"/articles/{sorted({e['article_id'] for e in articles})[0]}")
    text = page.locator("main").inner_text()
    assert "<script>alert(" in text or "<a href=\"javascript:alert(" in text
    screenshot(page, shots, "xss-article")
    goto(watched, next(u for u in urls if u.startswith("/events/e")))
    assert "<" in page.locator("#evidence-section mark.evidence").inner_text()
    screenshot(page, shots, "xss-event")
