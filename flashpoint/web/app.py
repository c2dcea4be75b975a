"""The dashboard: HTML pages and the JSON API behind them, over one read-only DuckDB store.

    app = create_app("flashpoint.duckdb")      # uvicorn.run(app) — or `flashpoint serve`

The database is opened once, read-only, when the app is created; each request gets its own DuckDB
connection to it (`cursor()`), so requests served on different threads never share one. All analysis
comes from `flashpoint.analyze` and `flashpoint.brief`; the few lookups `Store` lacks are in
`queries.py`, every request value bound as a parameter.

Untrusted text (article titles, bodies, outlets, URLs, evidence) only reaches pages through Jinja2
with autoescaping on; no template marks request or article data safe (the one piece of markup put in
as is is `brief.render_html`'s output, itself an autoescaped template). Every HTML page is sent with
a Content-Security-Policy that allows scripts from this server only (plotly.min.js from the
installed plotly package, and static/app.js), so even a missed escape could not run an inline script.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import json
import math
import re
from collections.abc import Iterator
from contextlib import asynccontextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlencode, urlsplit

import jinja2
from markupsafe import Markup
from fastapi import Depends, FastAPI, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__, analyze, brief
from ..datafiles import load_yaml
from ..store import EventFilter, Store
from . import queries
from .queries import EventQuery

HERE = Path(__file__).parent
PAGE_SIZE = 50
MAX_LIMIT = 500
MAX_OFFSET = 10_000_000
FACTUALITIES = ("asserted", "negated", "hypothetical", "planned")
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
QUAD_COLORS = {1: "#7fb3d5", 2: "#1f618d", 3: "#f0b27a", 4: "#c0392b"}
CODE = re.compile(r"^[A-Z0-9]{1,24}$")
COUNTRY = re.compile(r"^[A-Z]{3}$")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'self'")


# ---------------------------------------------------------------- reference data

@lru_cache(maxsize=1)
def plover_types() -> tuple[str, ...]:
    return tuple(load_yaml("plover.yaml"))


def country_name(code: Optional[str]) -> str:
    return (analyze.country_name(code) or code) if code else ""


def plotly_js() -> Path:
    """plotly.min.js inside the installed plotly package (served locally: the dashboard works offline)."""
    spec = importlib.util.find_spec("plotly")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the plotly package is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "package_data" / "plotly.min.js"


# ---------------------------------------------------------------- request values

def _invalid(name: str, value: Any, message: str, where: str = "query") -> RequestValidationError:
    return RequestValidationError([{"type": "value_error", "loc": (where, name), "msg": message, "input": value}])


def parse_dyad(value: str, name: str = "dyad", where: str = "query") -> tuple[Optional[str], Optional[str]]:
    """"ISR-IRN" -> ("ISR", "IRN"); "*" stands for any country on that side."""
    parts = value.strip().upper().split("-")
    if len(parts) != 2 or not all(p == "*" or COUNTRY.match(p) for p in parts) or parts == ["*", "*"]:
        raise _invalid(name, value, "not a dyad SOURCE-TARGET of country codes like ISR-IRN ('*' for any side)", where)
    source, target = (None if p == "*" else p for p in parts)
    return source, target


def parse_date(name: str, value: Optional[str]) -> Optional[dt.date]:
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise _invalid(name, value, "not a date like 2025-06-13") from None


def _blank(value: Optional[str]) -> Optional[str]:
    return value.strip() if value and value.strip() else None


@dataclasses.dataclass(frozen=True)
class EventParams:
    """The event filters shared by /events and /api/events, validated (422 on a bad value)."""

    dyad: Optional[str]
    type: Optional[str]
    factuality: Optional[str]
    since: Optional[str]
    until: Optional[str]
    min_sources: Optional[str]
    query: EventQuery

    def args(self) -> dict[str, str]:
        """The filters as given (for links that keep them), blanks left out."""
        return {k: v for k, v in (("dyad", self.dyad), ("type", self.type), ("factuality", self.factuality),
                                  ("since", self.since), ("until", self.until),
                                  ("min_sources", self.min_sources)) if v}


def event_params(
    dyad: Optional[str] = Query(None, description="Source and target country, e.g. `ISR-IRN`; `*` for any side "
                                                  "(`ISR-*`).", examples=["ISR-IRN"]),
    type: Optional[str] = Query(None, description="PLOVER type(s), comma-separated, e.g. `ASSAULT` or "
                                                  "`ASSAULT,THREATEN`.", examples=["ASSAULT"]),
    factuality: Optional[str] = Query(None, description="asserted, negated, hypothetical or planned."),
    since: Optional[str] = Query(None, description="Events on or after this date (YYYY-MM-DD): the event's "
                                                   "date, else its article's publication date."),
    until: Optional[str] = Query(None, description="Events on or before this date (YYYY-MM-DD)."),
    min_sources: Optional[str] = Query(None, description="Only events whose cluster has at least this many "
                                                         "independent sources (an integer ≥ 1)."),
) -> EventParams:
    dyad, type, factuality = _blank(dyad), _blank(type), _blank(factuality)
    since_s, until_s, min_s = _blank(since), _blank(until), _blank(min_sources)
    source = target = None
    if dyad:
        source, target = parse_dyad(dyad)
    types: tuple[str, ...] = ()
    if type:
        types = tuple(t.strip().upper() for t in type.split(",") if t.strip())
        unknown = [t for t in types if t not in plover_types()]
        if unknown:
            raise _invalid("type", type, f"not a PLOVER type: {', '.join(unknown)} (one of {', '.join(plover_types())})")
    if factuality:
        factuality = factuality.lower()
        if factuality not in FACTUALITIES:
            raise _invalid("factuality", factuality, f"one of {', '.join(FACTUALITIES)}")
    n_sources = None
    if min_s:
        try:
            n_sources = int(min_s)
        except ValueError:
            raise _invalid("min_sources", min_s, "not an integer") from None
        if not 1 <= n_sources <= 1_000_000:
            raise _invalid("min_sources", min_s, "must be between 1 and 1000000")
    filter = EventFilter(source, target, types, parse_date("since", since_s), parse_date("until", until_s), n_sources)
    return EventParams(dyad.upper() if dyad else None, ",".join(types) or None, factuality, since_s, until_s, min_s,
                       EventQuery(filter, factuality))


def period(since: Optional[str] = Query(None, description="From this date (YYYY-MM-DD)."),
           until: Optional[str] = Query(None, description="To this date (YYYY-MM-DD).")
           ) -> tuple[Optional[dt.date], Optional[dt.date]]:
    return parse_date("since", _blank(since)), parse_date("until", _blank(until))


# ---------------------------------------------------------------- presentation helpers

def http_url(url: Optional[str]) -> Optional[str]:
    """The URL if it is http(s) with a host (only those become links), else None."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def clip(text: Optional[str], width: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def evidence_bounds(text: str, event: dict) -> Optional[tuple[int, int]]:
    """Where the event's evidence sentence is in the article text: its stored offsets when they hold
    the sentence, else the sentence found in the text, else None."""
    evidence = event.get("evidence") or {}
    sentence, start, end = evidence.get("sentence") or "", evidence.get("start"), evidence.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        if not sentence or " ".join(text[start:end].split()) == " ".join(sentence.split()):
            return start, end
    if sentence:
        found = text.find(sentence)
        if found >= 0:
            return found, found + len(sentence)
    return None


def highlight(text: str, marks: list[dict]) -> list[dict]:
    """The article text cut into chunks for the template: plain text, or a marked span (evidence) whose
    parts may be the trigger word. marks: [{"start", "end", "trigger": (start, end) | None, "id"}];
    overlapping marks are merged. The template escapes every chunk."""
    spans = sorted((m for m in marks if m), key=lambda m: (m["start"], m["end"]))
    merged: list[dict] = []
    for m in spans:
        if merged and m["start"] <= merged[-1]["end"]:
            last = merged[-1]
            last["end"] = max(last["end"], m["end"])
            last["triggers"] += [m["trigger"]] if m.get("trigger") else []
            last["ids"].append(m.get("id"))
        else:
            merged.append({"start": m["start"], "end": m["end"], "ids": [m.get("id")],
                           "triggers": [m["trigger"]] if m.get("trigger") else []})
    chunks, at = [], 0
    for m in merged:
        if m["start"] > at:
            chunks.append({"mark": False, "text": text[at:m["start"]]})
        parts, pos = [], m["start"]
        for t_start, t_end in sorted(t for t in m["triggers"] if m["start"] <= t[0] < t[1] <= m["end"]):
            if t_start < pos:
                continue
            if t_start > pos:
                parts.append({"trigger": False, "text": text[pos:t_start]})
            parts.append({"trigger": True, "text": text[t_start:t_end]})
            pos = t_end
        if pos < m["end"]:
            parts.append({"trigger": False, "text": text[pos:m["end"]]})
        chunks.append({"mark": True, "parts": parts, "ids": [i for i in m["ids"] if i]})
        at = m["end"]
    if at < len(text):
        chunks.append({"mark": False, "text": text[at:]})
    return chunks


def event_mark(text: str, event: dict) -> Optional[dict]:
    bounds = evidence_bounds(text, event)
    if bounds is None:
        return None
    trigger, t_start = event.get("trigger") or "", event.get("trigger_start")
    span = None
    if trigger and isinstance(t_start, int) and text[t_start:t_start + len(trigger)] == trigger:
        span = (t_start, t_start + len(trigger))
    return {"start": bounds[0], "end": bounds[1], "trigger": span, "id": event.get("id")}


def plain(value: Any) -> Any:
    """Analysis results (dataclasses, dates, tuples) as JSON-ready values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if hasattr(value, "value") and isinstance(getattr(value, "value"), str):  # enums
        return value.value
    return value


def actor_name(actor: dict) -> str:
    """A readable name for the actor page's heading ('Israeli military'), from analyze."""
    return analyze.actor_name(actor["code"], actor["country"], actor["sector"]) or ""


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def dyad_label(source: Optional[str], target: Optional[str]) -> str:
    return f"{country_name(source) or 'any'} → {country_name(target) or 'any'}"


# ---------------------------------------------------------------- charts (plotly figures as plain dicts)

def _layout(title: str, **extra) -> dict:
    layout = {"title": {"text": title, "font": {"size": 15}}, "margin": {"l": 50, "r": 20, "t": 45, "b": 40},
              "height": 340, "hovermode": "x unified", "legend": {"orientation": "h", "y": -0.2},
              "paper_bgcolor": "#ffffff", "plot_bgcolor": "#fafafa"}
    layout.update(extra)
    return layout


PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")


def escalation_figure(series: list[tuple[str, Any]], title: str) -> dict:
    """One line per (label, Escalation): the index over time; its change points as diamonds."""
    data = []
    for i, (label, esc) in enumerate(series):
        color = PALETTE[i % len(PALETTE)]
        points = list(getattr(esc, "points", []) or [])
        data.append({"type": "scatter", "mode": "lines+markers", "name": label, "legendgroup": label,
                     "x": [_iso(p.date) for p in points], "y": [plain(p.index) for p in points],
                     "line": {"color": color}, "marker": {"size": 4}})
        changes = list(getattr(esc, "change_points", []) or [])
        if changes:
            by_date = {_iso(p.date): plain(p.index) for p in points}
            data.append({"type": "scatter", "mode": "markers", "name": f"{label}: change points",
                         "legendgroup": label, "showlegend": False,
                         "x": [_iso(c.date) for c in changes], "y": [by_date.get(_iso(c.date), 0) for c in changes],
                         "text": [c.description for c in changes], "hoverinfo": "text",
                         "marker": {"size": 12, "symbol": "diamond-open", "color": color, "line": {"width": 2}}})
    zero = {"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": 0, "y1": 0,
            "line": {"color": "#888", "width": 1, "dash": "dot"}}
    return {"data": data, "layout": _layout(title, shapes=[zero], hovermode="closest",
                                            yaxis={"title": {"text": "escalation index"}})}


def timeline_figure(points: list, title: str) -> dict:
    """Daily events stacked by QuadClass, and the source-weighted Goldstein sum on a second axis."""
    xs = [_iso(p.date) for p in points]
    data = []
    for quad in (1, 2, 3, 4):
        ys = [_quad_count(p, quad) for p in points]
        if any(ys):
            data.append({"type": "bar", "name": QUAD_NAMES[quad], "x": xs, "y": ys,
                         "marker": {"color": QUAD_COLORS[quad]}})
    data.append({"type": "scatter", "mode": "lines+markers", "name": "Goldstein (source-weighted)", "x": xs,
                 "y": [plain(p.weighted_goldstein) for p in points], "yaxis": "y2", "line": {"color": "#333"}})
    return {"data": data, "layout": _layout(
        title, barmode="stack", margin={"l": 50, "r": 75, "t": 45, "b": 40}, yaxis={"title": {"text": "acts"}},
        yaxis2={"title": {"text": "Goldstein"}, "overlaying": "y", "side": "right", "zeroline": True})}


def _quad_count(point, quad: int) -> int:
    by_quad = getattr(point, "by_quad_class", None) or {}
    for key in (quad, str(quad)):
        if key in by_quad:
            return by_quad[key]
    return 0


def network_figure(graph, scores: dict, limit: int = 60, max_edges: int = 150) -> dict:
    """The actor network: the `limit` most central actors sized by centrality, and the `max_edges`
    heaviest ties among them coloured by the sign of their Goldstein sum (the tables list the rest)."""
    import networkx as nx

    keep = sorted(graph.nodes, key=lambda n: (-scores.get(n, 0), str(n)))[:limit]
    sub = nx.DiGraph()
    sub.add_nodes_from((n, graph.nodes[n]) for n in keep)
    ties = sorted(((u, v, a) for u, v, a in graph.subgraph(keep).edges(data=True) if u != v),
                  key=lambda e: (-_number(e[2].get("weight", 1)), str(e[0]), str(e[1])))[:max_edges]
    sub.add_edges_from(ties)
    sub.remove_nodes_from([n for n in list(sub) if sub.degree(n) == 0])  # they are in the table, not the drawing
    if not len(sub):
        return {"data": [], "layout": _layout("Actor network (no ties between actors)")}
    pos = _component_layout(sub.to_undirected())
    groups: dict[str, dict] = {}
    annotations = []
    for u, v, attrs in sub.edges(data=True):
        weight = _number(attrs.get("weight", attrs.get("n_events", 1)))
        goldstein = _edge_goldstein(attrs)
        kind = "conflict" if goldstein < 0 else "cooperation" if goldstein > 0 else "neutral"
        group = groups.setdefault(kind, {"x": [], "y": [], "text": []})
        group["x"] += [pos[u][0], pos[v][0], None]
        group["y"] += [pos[u][1], pos[v][1], None]
        annotations.append({"x": pos[v][0], "y": pos[v][1], "ax": pos[u][0], "ay": pos[u][1], "xref": "x",
                            "yref": "y", "axref": "x", "ayref": "y", "showarrow": True, "arrowhead": 2,
                            "arrowsize": 1, "arrowwidth": 1 + min(weight, 10) / 4, "opacity": 0.55,
                            "arrowcolor": {"conflict": "#c0392b", "cooperation": "#1f618d"}.get(kind, "#999"),
                            "standoff": 8, "text": ""})
    colors = {"conflict": "#c0392b", "cooperation": "#1f618d", "neutral": "#999"}
    data = [{"type": "scatter", "mode": "lines", "name": f"{kind} ties", "x": g["x"], "y": g["y"],
             "hoverinfo": "skip", "line": {"width": 1, "color": colors[kind]}, "opacity": 0.35}
            for kind, g in sorted(groups.items())]
    nodes = list(sub.nodes)
    top = max((scores.get(n, 0) for n in nodes), default=0) or 1
    data.append({"type": "scatter", "mode": "markers+text", "name": "actors",
                 "x": [pos[n][0] for n in nodes], "y": [pos[n][1] for n in nodes],
                 "text": [str(n) for n in nodes], "textposition": "top center",
                 "customdata": [f"{n}: centrality {scores.get(n, 0):.3f}, {sub.in_degree(n)} in / "
                                f"{sub.out_degree(n)} out" for n in nodes],
                 "hovertemplate": "%{customdata}<extra></extra>",
                 "marker": {"size": [10 + 30 * scores.get(n, 0) / top for n in nodes], "color": "#34495e",
                            "line": {"color": "#fff", "width": 1}}})
    axis = {"visible": False}
    return {"data": data, "layout": _layout("Who acts on whom", height=560, hovermode="closest", showlegend=True,
                                            xaxis=axis, yaxis=axis, annotations=annotations)}


def _component_layout(graph) -> dict:
    """Positions for the drawing: the largest connected group in the middle (Kamada-Kawai, else a seeded
    spring layout), the smaller groups stacked in columns to its right, each sized by its node count."""
    import networkx as nx

    def layout(nodes, scale: float, center: tuple[float, float]) -> dict:
        part = graph.subgraph(nodes)
        if len(part) == 1:
            return {next(iter(nodes)): center}
        try:
            return nx.kamada_kawai_layout(part, scale=scale, center=center)
        except ImportError:  # scipy missing
            return nx.spring_layout(part, seed=7, scale=scale, center=center)

    groups = sorted(nx.connected_components(graph), key=lambda c: (-len(c), sorted(map(str, c))))
    pos = layout(groups[0], 1.0, (0.0, 0.0))
    x, y = 1.45, 1.0
    for nodes in groups[1:]:
        radius = 0.12 * math.sqrt(len(nodes))
        if y - 2 * radius < -1.0:
            x, y = x + 0.55, 1.0
        pos.update(layout(nodes, radius, (x, y - radius)))
        y -= 2 * radius + 0.2
    return pos


def _number(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 1.0
    return number if math.isfinite(number) else 1.0


def _edge_goldstein(attrs: dict) -> float:
    for key in ("goldstein_mean", "mean_goldstein", "goldstein", "goldstein_sum"):
        if key in attrs:
            return _number(attrs[key])
    return 0.0


def graphml_bytes(graph) -> bytes:
    """The graph as GraphML, written by `analyze.write_graphml`."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="flashpoint-graphml-") as tmp:
        return analyze.write_graphml(graph, Path(tmp) / "network.graphml").read_bytes()


# ---------------------------------------------------------------- API models (for /docs)

class EventPage(BaseModel):
    total: int = Field(description="Events matching the filters.")
    limit: int
    offset: int
    next_offset: Optional[int] = Field(None, description="Offset of the next page, null on the last one.")
    items: list[dict[str, Any]] = Field(description="Events: the README's event JSON plus id, article_id, "
                                                    "cluster_id, n_articles, n_independent_sources, published, "
                                                    "outlet, copy_of.")


class ErrorDetail(BaseModel):
    detail: Any


NOT_FOUND = {404: {"model": ErrorDetail, "description": "No such id."}}


# ---------------------------------------------------------------- the app

def create_app(db_path: str | Path, *, wait: float = 5.0, store: Optional[Store] = None) -> FastAPI:
    """The dashboard over the database file at db_path, opened read-only now (StoreError if it cannot be;
    `wait`: seconds to wait for a writer's lock). `store`: an open writable Store of this process (`serve
    --watch`) to read through instead: requests get cursors of its database, which see committed data and
    never wait for its writer; the caller closes it."""
    base = Store(store.conn.cursor(), store.path, True) if store is not None else \
        Store.open(db_path, read_only=True, wait=wait)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        try:
            yield
        finally:
            base.close()

    app = FastAPIOffline(
        title="flashpoint", version=__version__, lifespan=lifespan,
        description="Political events coded from news: the dashboard's JSON API. Every HTML page has its data "
                    "here; filters are query parameters (bad values give 422, unknown ids 404).",
        static_url="/static/docs")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    env.filters.update(clip=clip, http_url=http_url, country=country_name)
    env.globals.update(quad_names=QUAD_NAMES, version=__version__)
    templates = Jinja2Templates(env=env)
    app.state.db_path = Path(db_path)

    def get_store() -> Iterator[Store]:
        conn = base.conn.cursor()  # a connection of its own for this request (thread)
        try:
            yield Store(conn, base.path, True)
        finally:
            conn.close()

    def page(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
        context.setdefault("title", "flashpoint")
        response = templates.TemplateResponse(request, name, context, status_code=status_code)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    def not_found(what: str) -> StarletteHTTPException:
        return StarletteHTTPException(404, f"no such {what}")

    # ------------------------------------------------------------ errors: JSON under /api, pages elsewhere

    def wants_html(request: Request) -> bool:
        path = request.url.path
        return not (path.startswith("/api/") or path in ("/openapi.json",) or path.startswith("/static/"))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if wants_html(request):
            return page(request, "error.html", exc.status_code, title=f"{exc.status_code}", status=exc.status_code,
                        message=str(exc.detail), problems=[])
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        errors = jsonable_encoder(exc.errors())
        if wants_html(request):
            problems = [f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'value'} "
                        f"{e.get('input')!r}: {e.get('msg')}" for e in errors]
            return page(request, "error.html", 422, title="422", status=422, message="bad filter value",
                        problems=problems)
        return JSONResponse({"detail": errors}, status_code=422)

    # ------------------------------------------------------------ static files

    plotly_path = plotly_js()

    @app.get("/static/plotly.min.js", include_in_schema=False)
    def plotly_static():
        return FileResponse(plotly_path, media_type="text/javascript",
                            headers={"Cache-Control": "public, max-age=86400"})

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    # ------------------------------------------------------------ analysis (flashpoint.analyze)

    def overview_data(store: Store, since, until) -> dict:
        dyads = analyze.main_dyads(store, since=since, until=until, limit=5)
        series = []
        for d in dyads:
            series.append((d, analyze.escalation(store, source=d.source, target=d.target, since=since, until=until)))
        overall = analyze.escalation(store, since=since, until=until)
        significant = analyze.significant_events(store, since=since, until=until, limit=10)
        return {"dyads": dyads, "series": series, "overall": overall, "significant": significant}

    # ------------------------------------------------------------ JSON API

    @app.get("/api/events", response_model=EventPage, tags=["events"],
             responses={422: {"description": "A bad filter value."}})
    def api_events(params: EventParams = Depends(event_params),
                   limit: int = Query(PAGE_SIZE, ge=1, le=MAX_LIMIT, description="Page size (1–500)."),
                   offset: int = Query(0, ge=0, le=MAX_OFFSET, description="Events to skip."),
                   store: Store = Depends(get_store)):
        """Stored events, newest first, filtered like `flashpoint events`, one page at a time."""
        total = queries.count_events(store, params.query)
        items = queries.page_events(store, params.query, limit, offset)
        # The items are JSON values already (the stored event JSON, ISO dates): written out directly,
        # without a second validation pass against the response model (which documents the shape).
        return Response(json.dumps({"total": total, "limit": limit, "offset": offset,
                                    "next_offset": offset + limit if offset + limit < total else None,
                                    "items": items}, ensure_ascii=False), media_type="application/json")

    @app.get("/api/events/{event_id}", tags=["events"], responses=NOT_FOUND)
    def api_event(event_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
        """One event (the same object as in /api/events)."""
        event = queries.event(store, event_id)
        if event is None:
            raise not_found("event")
        return event

    @app.get("/api/articles/{article_id}", tags=["articles"], responses=NOT_FOUND)
    def api_article(article_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
        """One stored article with its text and its events."""
        article = queries.article(store, article_id)
        if article is None:
            raise not_found("article")
        article["events"] = queries.article_events(store, article_id)
        return article

    def dyad_or_404(store: Store, dyad: str) -> tuple[str, str]:
        source, target = parse_dyad(dyad, "dyad", "path")
        if source is None or target is None:
            raise _invalid("dyad", dyad, "a dyad page needs both countries, like ISR-IRN", "path")
        if not queries.dyad_count(store, source, target):
            raise not_found(f"dyad: no events from {source} to {target}")
        return source, target

    @app.get("/api/dyads/{dyad}/timeline", tags=["analysis"], responses=NOT_FOUND)
    def api_dyad_timeline(dyad: str, when=Depends(period), store: Store = Depends(get_store)) -> dict[str, Any]:
        """Daily counts by type and QuadClass and Goldstein sums for one ordered pair of countries (`ISR-IRN`)."""
        source, target = dyad_or_404(store, dyad)
        points = analyze.dyad_timeline(store, source, target, since=when[0], until=when[1])
        return {"source": source, "target": target, "points": plain(points)}

    @app.get("/api/escalation", tags=["analysis"])
    def api_escalation(dyad: Optional[str] = Query(None, description="`ISR-IRN`; absent: all events."),
                       when=Depends(period),
                       window: int = Query(7, ge=1, le=365, description="Days in the rolling window."),
                       baseline: int = Query(28, ge=1, le=3650, description="Days in the baseline."),
                       store: Store = Depends(get_store)) -> dict[str, Any]:
        """The escalation index over time and its change points, for a dyad or overall."""
        source = target = None
        if _blank(dyad):
            source, target = parse_dyad(dyad)
        esc = analyze.escalation(store, source=source, target=target, since=when[0], until=when[1],
                                 window=window, baseline=baseline)
        return {"source": source, "target": target, **plain(esc)}

    @app.get("/api/overview", tags=["analysis"])
    def api_overview(when=Depends(period), store: Store = Depends(get_store)) -> dict[str, Any]:
        """What the overview page shows: main dyads with their escalation series, overall escalation,
        the most significant events."""
        data = overview_data(store, *when)
        return {"dyads": [{**plain(d), "escalation": plain(esc)} for d, esc in data["series"]],
                "overall": plain(data["overall"]), "significant_events": plain(data["significant"])}

    @app.get("/api/network", tags=["analysis"])
    def api_network(when=Depends(period), store: Store = Depends(get_store)) -> dict[str, Any]:
        """The actor network (who acts on whom, weighted by events) with each node's centrality."""
        graph = analyze.actor_network(store, since=when[0], until=when[1])
        scores = dict(analyze.centrality(graph))
        return {"nodes": [{"id": str(n), "centrality": scores.get(n, 0.0), **plain(a)}
                          for n, a in graph.nodes(data=True)],
                "edges": [{"source": str(u), "target": str(v), **plain(a)} for u, v, a in graph.edges(data=True)]}

    @app.get("/api/network.graphml", tags=["analysis"], response_class=Response,
             responses={200: {"content": {"application/graphml+xml": {}}}})
    def api_network_graphml(when=Depends(period), store: Store = Depends(get_store)):
        """The actor network as a GraphML file (for Gephi, yEd, networkx)."""
        graph = analyze.actor_network(store, since=when[0], until=when[1])
        return Response(graphml_bytes(graph), media_type="application/graphml+xml",
                        headers={"Content-Disposition": 'attachment; filename="flashpoint-network.graphml"'})

    @app.get("/api/actors/{code}", tags=["actors"], responses=NOT_FOUND)
    def api_actor(code: str, store: Store = Depends(get_store)) -> dict[str, Any]:
        """An actor code (`ISRMIL`, `LBNREBHEZ`): names, dates, counts and counterparts."""
        actor = queries.actor(store, code.upper()) if CODE.match(code.upper()) else None
        if actor is None:
            raise not_found("actor")
        return actor

    @app.get("/api/brief", tags=["analysis"])
    def api_brief(when=Depends(period), store: Store = Depends(get_store)) -> dict[str, Any]:
        """The situation brief as data (the /brief page renders it)."""
        return plain(brief.build_brief(store, since=when[0], until=when[1]))

    # ------------------------------------------------------------ pages

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview(request: Request, when=Depends(period), store: Store = Depends(get_store)):
        data = overview_data(store, *when)
        figure = escalation_figure([(f"{d.source}→{d.target}", esc) for d, esc in data["series"]],
                                   "Escalation index per main dyad")
        overall = escalation_figure([("all events", data["overall"])], "Escalation index, all events")
        return page(request, "overview.html", title="Overview", counts=store.counts(), dyads=data["dyads"],
                    figure=figure, overall_figure=overall, change_points=list(data["overall"].change_points),
                    significant=data["significant"], since=when[0], until=when[1])

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, params: EventParams = Depends(event_params),
                    offset: int = Query(0, ge=0, le=MAX_OFFSET), limit: int = Query(PAGE_SIZE, ge=1, le=MAX_LIMIT),
                    store: Store = Depends(get_store)):
        total = queries.count_events(store, params.query)
        rows = queries.page_events(store, params.query, limit, offset)
        args = params.args()

        def href(new_offset: int) -> str:
            extra = {"offset": new_offset} if new_offset else {}
            if limit != PAGE_SIZE:
                extra["limit"] = limit
            return "/events" + ("?" + urlencode({**args, **extra}) if args or extra else "")

        return page(request, "events.html", title="Events", rows=rows, total=total, offset=offset, limit=limit,
                    params=params, types=plover_types(), factualities=FACTUALITIES,
                    prev_href=href(max(0, offset - limit)) if offset > 0 else None,
                    next_href=href(offset + limit) if offset + limit < total else None,
                    type_href=lambda t: "/events?" + urlencode({**args, "type": t}))

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: str, store: Store = Depends(get_store)):
        event = queries.event(store, event_id)
        if event is None:
            raise not_found("event")
        article = queries.article(store, event["article_id"])
        text = article["text"] if article else ""
        mark = event_mark(text, event)
        return page(request, "event.html", title=f"{event['event_type']} event", event=event, article=article,
                    chunks=highlight(text, [mark] if mark else []), located=mark is not None)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str, store: Store = Depends(get_store)):
        article = queries.article(store, article_id)
        if article is None:
            raise not_found("article")
        events = queries.article_events(store, article_id)
        marks = [m for m in (event_mark(article["text"], e) for e in events) if m]
        return page(request, "article.html", title=article["title"] or article["path"] or "Article",
                    article=article, rows=events, chunks=highlight(article["text"], marks))

    @app.get("/dyads/{dyad}", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(request: Request, dyad: str, when=Depends(period), store: Store = Depends(get_store)):
        source, target = dyad_or_404(store, dyad)
        points = analyze.dyad_timeline(store, source, target, since=when[0], until=when[1])
        esc = analyze.escalation(store, source=source, target=target, since=when[0], until=when[1])
        query = EventQuery(EventFilter(source, target, (), when[0], when[1]))
        total = queries.count_events(store, query)
        rows = queries.page_events(store, query, PAGE_SIZE, 0)
        return page(request, "dyad.html", title=f"{source}–{target}", source=source, target=target,
                    label=dyad_label(source, target), points=points,
                    timeline=timeline_figure(points, f"Events per day, {source} → {target}"),
                    escalation=escalation_figure([(f"{source}→{target}", esc)], "Escalation index"),
                    change_points=list(esc.change_points), rows=rows, total=total,
                    reverse=queries.dyad_count(store, target, source) > 0,
                    all_href="/events?" + urlencode({"dyad": f"{source}-{target}"}))

    @app.get("/actors/{code}", response_class=HTMLResponse, include_in_schema=False)
    def actor_page(request: Request, code: str, offset: int = Query(0, ge=0, le=MAX_OFFSET),
                   store: Store = Depends(get_store)):
        code = code.upper()
        actor = queries.actor(store, code) if CODE.match(code) else None
        if actor is None:
            raise not_found("actor")
        query = EventQuery(actor_code=code)
        total = queries.count_events(store, query)
        rows = queries.page_events(store, query, PAGE_SIZE, offset)
        return page(request, "actor.html", title=code, actor=actor, rows=rows, total=total, offset=offset,
                    limit=PAGE_SIZE, label=actor_name(actor),
                    prev_href=f"/actors/{code}?offset={max(0, offset - PAGE_SIZE)}" if offset else None,
                    next_href=f"/actors/{code}?offset={offset + PAGE_SIZE}" if offset + PAGE_SIZE < total else None)

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request, when=Depends(period), store: Store = Depends(get_store)):
        graph = analyze.actor_network(store, since=when[0], until=when[1])
        ranked = list(analyze.centrality(graph))
        scores = dict(ranked)
        edges = sorted(graph.edges(data=True), key=lambda e: (-_number(e[2].get("weight", 1)), str(e[0]), str(e[1])))
        args = {k: v.isoformat() for k, v in (("since", when[0]), ("until", when[1])) if v}
        return page(request, "network.html", title="Actor network", figure=network_figure(graph, scores),
                    ranked=ranked[:40], n_nodes=graph.number_of_nodes(), n_edges=graph.number_of_edges(),
                    edges=[(str(u), str(v), a) for u, v, a in edges[:60]], weight=lambda a: a.get("weight", ""),
                    goldstein=_edge_goldstein,
                    graphml_href="/api/network.graphml" + ("?" + urlencode(args) if args else ""))

    @app.get("/brief", response_class=HTMLResponse, include_in_schema=False)
    def brief_page(request: Request, when=Depends(period), store: Store = Depends(get_store)):
        # brief.render_html is an autoescaping template of its own: its output is markup in which every
        # piece of article text is already escaped, so it is inserted as is (and the CSP still forbids
        # any script but ours). Its citations link to the events' pages.
        fragment = Markup(brief.render_html(brief.build_brief(store, since=when[0], until=when[1]),
                                            standalone=False, event_href="/events/{event_id}"))
        args = {k: v.isoformat() for k, v in (("since", when[0]), ("until", when[1])) if v}
        return page(request, "brief.html", title="Brief", brief_html=fragment,
                    standalone_href="/brief/document" + ("?" + urlencode(args) if args else ""),
                    json_href="/api/brief" + ("?" + urlencode(args) if args else ""))

    @app.get("/brief/document", response_class=HTMLResponse, include_in_schema=False)
    def brief_document(when=Depends(period), store: Store = Depends(get_store)):
        """The brief alone, as brief.render_html wrote it (to save or print); no script may run in it."""
        html = brief.render_html(brief.build_brief(store, since=when[0], until=when[1]))
        return HTMLResponse(html, headers={"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
                                                                      "img-src data:; base-uri 'none'; "
                                                                      "form-action 'none'",
                                           "X-Content-Type-Options": "nosniff"})

    return app
