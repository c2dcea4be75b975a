"""Analysis of the corpus store: dyad timelines, the escalation index, main dyads, the actor network and
the most significant events. Pure functions over an open `Store` (read-only is enough); every value
from a caller reaches DuckDB as a bound parameter.

**Acts, not mentions.** The store groups the events that report the same real-world act into a
cluster (store.py, corroborate.py: same type, factuality, source and target country, compatible
dates and places). Everything here counts *acts*: the events that match a query are grouped by their
cluster and each cluster counts once, however many articles (or mentions in one article) report it.
An act's date, type, Goldstein weight and evidence are those of its *representative* event: the one
with the most precise date (day, then publication date, week, month, year), then the earliest date,
then the highest confidence. An act's *source weight* is its cluster's number of independent sources
(`n_independent_sources`: distinct outlets, copies and rewrites counted once), at least 1.

**Dates.** An act is placed on its representative's event date, or its article's publication date
when the text gives none; acts with neither are left out of anything by date. `since`/`until` are
inclusive and apply to that date.

**Dyads.** A side given as three letters is a country code (ISO alpha-3, or `IGO`/`NGO`) matched
against the event's source or target country; a longer code is an actor code matched with its more
specific codes (`ISRMIL` matches `ISRMIL` and `ISRMILIDF`); None matches any actor (and no actor).
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import networkx as nx

from .datafiles import DATA, load_yaml
from .ingest import as_date
from .store import Store

ASSERTED: tuple[str, ...] = ("asserted",)
THRESHOLD = 2.0  # |index| at which a change point is flagged
QUAD_CLASSES = (1, 2, 3, 4)


# ---------------------------------------------------------------- records

def _plain(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {(k if isinstance(k, str) else str(k)): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class _Record:
    __slots__ = ()

    def to_dict(self) -> dict:
        """JSON-ready: dates as ISO strings, dict keys as strings."""
        return _plain(asdict(self))


@dataclass(frozen=True, slots=True)
class TimelinePoint(_Record):
    """One day of a dyad's activity. Counts are of acts (clusters), not of articles."""

    date: dt.date
    n_events: int  # acts (clusters) that day
    by_type: dict[str, int]  # PLOVER type -> acts (only the types that occur)
    by_quad_class: dict[int, int]  # QuadClass 1..4 -> acts (all four keys)
    goldstein_sum: float  # sum of the acts' Goldstein weights
    weighted_goldstein: float  # the same, each act times its source weight (independent sources, at least 1)
    n_reports: int = 0  # stored events behind those acts (mentions in all articles)


@dataclass(frozen=True, slots=True)
class EscalationPoint(_Record):
    date: dt.date
    conflict: float  # that day: sum of -Goldstein x source weight over conflict acts (Goldstein < 0)
    cooperation: float  # that day: sum of Goldstein x source weight over cooperation acts (Goldstein > 0)
    intensity: float  # conflict, averaged over the `window` days ending that day
    baseline: float  # intensity, averaged over the `baseline` days before that window
    index: float  # (intensity - baseline) / (standard deviation of the intensity on those days + 1)


@dataclass(frozen=True, slots=True)
class ChangePoint(_Record):
    date: dt.date
    direction: str  # "escalation" or "de-escalation"
    magnitude: float  # the index on that day
    description: str  # "escalation since 2025-06-13 (ISR→IRN): ..."


@dataclass(frozen=True, slots=True)
class Escalation(_Record):
    points: list[EscalationPoint]
    change_points: list[ChangePoint]
    source: str | None = None
    target: str | None = None
    undirected: bool = False
    window: int = 7
    baseline: int = 28
    threshold: float = THRESHOLD
    # On the last day: "escalating" while the index is in an escalation (it reached +threshold and has not
    # fallen below half of it); "de-escalating" while it is in a de-escalation (reached -threshold), or
    # when an escalation ended within the last `baseline` days and intensity is now at most half its peak;
    # else "steady".
    status: str = "steady"

    @property
    def index_now(self) -> float:
        return self.points[-1].index if self.points else 0.0

    @property
    def label(self) -> str:
        return dyad_label(self.source, self.target, self.undirected)


@dataclass(frozen=True, slots=True)
class DyadSummary(_Record):
    source: str  # country code (for an undirected dyad, the alphabetically first)
    target: str
    n_events: int  # acts (clusters) in the period
    n_sources: int  # distinct independent sources (outlets; copies count as their original) reporting them
    goldstein_sum: float
    index_now: float  # escalation index on the period's last day
    status: str  # "escalating", "de-escalating" or "steady"
    undirected: bool = False
    salience: float = 0.0  # sum of |Goldstein| x source weight: what ranks the dyads


# ---------------------------------------------------------------- names

SECTOR_NOUNS = {"GOV": "government", "MIL": "military", "REB": "armed group", "OPP": "opposition",
                "LEG": "legislature", "JUD": "judiciary", "SPY": "intelligence", "COP": "police", "MED": "media",
                "CVL": "civilians", "BUS": "business", "IGO": "organisation", "NGO": "organisation"}


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str | None]]:
    """ISO alpha-3 -> (name, adjective) from data/actors/countries.csv."""
    out = {}
    with open(DATA / "actors" / "countries.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            demonyms = [d.strip() for d in (row.get("demonyms") or "").split(";") if d.strip()]
            out[row["iso3"]] = (row["name"], demonyms[0] if demonyms else None)
    return out


@functools.lru_cache(maxsize=1)
def _organisations() -> dict[tuple[str, str], str]:
    """(country, org code) -> the organisation's first name in data/actors/organisations.yaml."""
    out: dict[tuple[str, str], str] = {}
    for entry in load_yaml("actors/organisations.yaml") or []:
        if entry.get("org") and entry.get("names"):
            out.setdefault((str(entry.get("country")), str(entry["org"])), str(entry["names"][0]))
    return out


def country_name(code: str | None) -> str | None:
    """'IRN' -> 'Iran' (data/actors/countries.csv, then pycountry); None when unknown."""
    if not code:
        return None
    if code == "IGO":
        return "intergovernmental organisations"
    if code == "NGO":
        return "non-governmental organisations"
    found = _countries().get(code)
    if found:
        return found[0]
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    return getattr(country, "common_name", None) or getattr(country, "name", None) if country else None


def actor_name(code: str | None, country: str | None = None, sector: str | None = None,
               name: str | None = None) -> str | None:
    """A readable name for an actor, from stored fields only: the person's or organisation's name when
    stored, else the organisation's name from organisations.yaml, else 'Iranian military' from the
    country's demonym and the sector, else the country's name. None when nothing is known."""
    if name:
        return name
    if not code:
        return None
    if country is None and len(code) == 3:
        country = code
    if country and sector:
        prefix = country if country == sector else country + sector
        org = code[len(prefix):] if code.startswith(prefix) else ""
        if org:
            known = _organisations().get((country, org))
            if known:
                return known
    place = country_name(country) if country else None
    if country in (None, "IGO", "NGO"):
        return place
    adjective = _countries().get(country, (None, None))[1]
    if sector and sector in SECTOR_NOUNS:
        return f"{adjective or place} {SECTOR_NOUNS[sector]}" if (adjective or place) else None
    return place


def actor_label(code: str | None, country: str | None = None, sector: str | None = None,
                name: str | None = None, text: str | None = None) -> str:
    """'Iranian military (IRNMIL)', 'Israel (ISR)', 'Donald Trump (USAGOV)'; the article's words in
    quotes when the actor has no code."""
    readable = actor_name(code, country, sector, name)
    if code and readable:
        return f"{readable} ({code})"
    if code:
        return code
    words = " ".join((text or "").split())
    return f"“{words}”" if words else "an unnamed actor"


def dyad_label(source: str | None, target: str | None, undirected: bool = False) -> str:
    """'ISR→IRN', 'ISR↔IRN', 'ISR→any', 'all dyads'."""
    if source is None and target is None:
        return "all dyads"
    return f"{source or 'any'}{'↔' if undirected else '→'}{target or 'any'}"


# ---------------------------------------------------------------- the acts query

# How precisely an event is dated, best first (as corroborate.PRECISION_RANK): a day; the publication date
# (the act happened in the few days up to it); a week; a month; a year; nothing.
PRECISION_RANK_SQL = ("CASE e.date_precision WHEN 'day' THEN 0 WHEN 'publication' THEN 1 WHEN 'week' THEN 2 "
                      "WHEN 'month' THEN 3 WHEN 'year' THEN 4 ELSE 5 END")

# The event's columns every act query returns, in this order (see `acts`).
ACT_COLUMNS = (
    "id", "article_id", "cluster_id", "event_type", "mode", "goldstein", "quad_class", "factuality",
    "source_code", "source_country", "source_sector", "source_name", "source_text",
    "target_code", "target_country", "target_sector", "target_name", "target_text",
    "claimant", "claimant_outlet", "claimant_code", "trigger", "trigger_start",
    "evidence_sentence", "evidence_start", "evidence_end", "location_name", "location_country",
    "event_date", "date_precision", "confidence", "rule",
)


def _side(side: str, code: str | None) -> tuple[str, list]:
    """SQL condition for one side of a dyad (side is 'source' or 'target', never user text)."""
    assert side in ("source", "target")
    if code is None:
        return "", []
    code = code.strip().upper()
    if len(code) <= 3:
        return f"e.{side}_country = ?", [code]
    return f"starts_with(e.{side}_code, ?)", [code]


def _dyad_condition(source: str | None, target: str | None, undirected: bool) -> tuple[str, list]:
    conds = []
    for a, b in ([(source, target), (target, source)] if undirected else [(source, target)]):
        parts, params = [], []
        for side, code in (("source", a), ("target", b)):
            sql, p = _side(side, code)
            if sql:
                parts.append(sql)
                params += p
        conds.append((" AND ".join(parts) or "TRUE", params))
    if len(conds) == 1:
        return conds[0]
    return "(" + " OR ".join(f"({sql})" for sql, _ in conds) + ")", [p for _, ps in conds for p in ps]


@dataclass(frozen=True)
class _Query:
    """Which events make up the acts: conditions on events (before grouping) and on the act's date."""

    conditions: tuple[str, ...] = ()
    params: tuple = ()
    since: dt.date | None = None
    until: dt.date | None = None
    partition: tuple[str, ...] = ()  # extra `ev` columns an act is split by (the network: e_source_code, e_target_code)

    def sql(self, select: str, tail: str = "") -> tuple[str, list]:
        where = " AND ".join(self.conditions) or "TRUE"
        partition = ", ".join(("unit",) + self.partition)
        dates, date_params = ["day IS NOT NULL"], []
        if self.since:
            dates.append("day >= ?")
            date_params.append(self.since)
        if self.until:
            dates.append("day <= ?")
            date_params.append(self.until)
        columns = ", ".join(f"e.{c} AS e_{c}" for c in ACT_COLUMNS)
        sql = f"""
            WITH ev AS (
                SELECT {columns},
                       coalesce(e.cluster_id, e.id) AS unit,
                       coalesce(e.event_date, a.published) AS day,
                       {PRECISION_RANK_SQL} AS prec,
                       greatest(1, coalesce(c.n_independent_sources, 1)) AS w,
                       coalesce(c.n_articles, 1) AS n_articles,
                       coalesce(c.n_independent_sources, 1) AS n_independent_sources,
                       a.published AS published, a.outlet AS outlet, a.title AS title, a.copy_of AS copy_of,
                       coalesce(lower(trim(r.outlet)), r.id) AS source_key
                FROM events e
                JOIN articles a ON a.id = e.article_id
                JOIN articles r ON r.id = coalesce(a.copy_of, a.id)
                LEFT JOIN clusters c ON c.id = e.cluster_id
                WHERE {where}
            ), acts AS (
                SELECT *, count(*) OVER (PARTITION BY {partition}) AS n_reports
                FROM ev
                QUALIFY row_number() OVER (PARTITION BY {partition}
                                           ORDER BY prec, day NULLS LAST, e_confidence DESC, published, e_id) = 1
            )
            SELECT {select} FROM acts WHERE {' AND '.join(dates)} {tail}"""
        return sql, list(self.params) + date_params


def _query(source=None, target=None, *, factuality: Sequence[str] | None = ASSERTED, since=None, until=None,
           undirected=False, types: Sequence[str] = (), extra: Sequence[tuple[str, list]] = (),
           partition: tuple[str, ...] = ()) -> _Query:
    conditions, params = [], []
    dyad, dyad_params = _dyad_condition(source, target, undirected)
    if dyad != "TRUE":
        conditions.append(dyad)
        params += dyad_params
    if factuality:
        conditions.append("list_contains(?, e.factuality)")
        params.append([str(f) for f in factuality])
    if types:
        conditions.append("list_contains(?, e.event_type)")
        params.append([t.upper() for t in types])
    for sql, p in extra:
        conditions.append(sql)
        params += p
    return _Query(tuple(conditions), tuple(params), _as_date(since), _as_date(until), partition)


def _as_date(value) -> dt.date | None:
    """ingest.as_date, but a value that is not a date is an error here, not "no date"."""
    date = as_date(value)
    if date is None and value not in (None, ""):
        raise ValueError(f"not a date: {value!r}")
    return date


def _fetch(store: Store, query: _Query, select: str, tail: str = "") -> list[tuple]:
    sql, params = query.sql(select, tail)
    return store.conn.execute(sql, params).fetchall()


# ---------------------------------------------------------------- dyad timelines

def dyad_timeline(store: Store, source: str | None, target: str | None, since=None, until=None, *,
                  factuality: Sequence[str] | None = ASSERTED, undirected: bool = False) -> list[TimelinePoint]:
    """Daily activity of the ordered dyad source→target (both directions with `undirected`).

    One point per day from the first to the last day with an act in [since, until] (days between
    with zero counts); [] when there is none. `factuality=None` takes every factuality."""
    query = _query(source, target, factuality=factuality, since=since, until=until, undirected=undirected)
    rows = _fetch(store, query, "day, e_event_type, e_quad_class, count(*), sum(coalesce(e_goldstein, 0)), "
                                "sum(coalesce(e_goldstein, 0) * w), sum(n_reports)",
                  "GROUP BY day, e_event_type, e_quad_class ORDER BY day")
    days: dict[dt.date, dict] = {}
    for day, event_type, quad, n, gold, weighted, reports in rows:
        slot = days.setdefault(day, {"n": 0, "types": defaultdict(int), "quads": dict.fromkeys(QUAD_CLASSES, 0),
                                     "gold": 0.0, "weighted": 0.0, "reports": 0})
        slot["n"] += n
        slot["types"][event_type] += n
        if quad in slot["quads"]:
            slot["quads"][quad] += n
        slot["gold"] += gold
        slot["weighted"] += weighted
        slot["reports"] += int(reports)
    if not days:
        return []
    first, last = min(days), max(days)
    points = []
    for offset in range((last - first).days + 1):
        day = first + dt.timedelta(days=offset)
        slot = days.get(day)
        if slot is None:
            points.append(TimelinePoint(day, 0, {}, dict.fromkeys(QUAD_CLASSES, 0), 0.0, 0.0, 0))
        else:
            points.append(TimelinePoint(day, slot["n"], dict(sorted(slot["types"].items())), slot["quads"],
                                        round(slot["gold"], 4), round(slot["weighted"], 4), slot["reports"]))
    return points


# ---------------------------------------------------------------- the escalation index

def _last_day(store: Store, factuality: Sequence[str] | None, until: dt.date | None) -> dt.date | None:
    """The latest act date in the store (any dyad), not after `until`: where every series ends."""
    conditions, params = [], []
    if factuality:
        conditions.append("list_contains(?, e.factuality)")
        params.append(list(factuality))
    if until:
        conditions.append("coalesce(e.event_date, a.published) <= ?")
        params.append(until)
    where = (" WHERE " + " AND ".join(conditions)) if conditions else ""
    return store.conn.execute(f"SELECT max(coalesce(e.event_date, a.published)) FROM events e "
                              f"JOIN articles a ON a.id = e.article_id{where}", params).fetchall()[0][0]


def escalation(store: Store, source: str | None = None, target: str | None = None, since=None, until=None,
               window: int = 7, baseline: int = 28, *, factuality: Sequence[str] | None = ASSERTED,
               undirected: bool = False, threshold: float = THRESHOLD) -> Escalation:
    """The escalation index of a dyad (both sides None: of everything), one point a day.

    See the README, "Escalation index", for the formula and its limits. Points run from `since` (else
    the dyad's first act) to `until` (else the last act date in the store, so a dyad that fell quiet
    shows it); the baseline of the first points is read from the days before `since`."""
    if window < 1 or baseline < 1:
        raise ValueError("window and baseline must be at least 1 day")
    since, until = _as_date(since), _as_date(until)
    end = _last_day(store, factuality, until)
    empty = Escalation([], [], source, target, undirected, window, baseline, threshold)
    if end is None or (since and end < since):
        return empty
    fetch_from = since - dt.timedelta(days=window + baseline - 1) if since else None
    query = _query(source, target, factuality=factuality, since=fetch_from, until=end, undirected=undirected)
    rows = _fetch(store, query,
                  "day, sum(CASE WHEN e_goldstein < 0 THEN -e_goldstein * w ELSE 0 END), "
                  "sum(CASE WHEN e_goldstein > 0 THEN e_goldstein * w ELSE 0 END)", "GROUP BY day ORDER BY day")
    if not rows:
        return empty
    daily = {day: (float(conflict), float(coop)) for day, conflict, coop in rows}
    start = fetch_from or min(daily)
    shown_from = since or min(daily)
    points_all = _index_series(daily, start, end, window, baseline)
    label = dyad_label(source, target, undirected)
    changes, status = _change_points(points_all, threshold, baseline, label)
    points = [p for p in points_all if p.date >= shown_from]
    changes = [c for c in changes if c.date >= shown_from]
    return Escalation(points, changes, source, target, undirected, window, baseline, threshold, status)


def _index_series(daily: dict[dt.date, tuple[float, float]], start: dt.date, end: dt.date, window: int,
                  baseline: int) -> list[EscalationPoint]:
    n = (end - start).days + 1
    days = [start + dt.timedelta(days=i) for i in range(n)]
    conflict = [daily.get(d, (0.0, 0.0))[0] for d in days]
    coop = [daily.get(d, (0.0, 0.0))[1] for d in days]
    # Days before `start` count as zero conflict (and zero intensity).
    s1 = [0.0]
    for c in conflict:
        s1.append(s1[-1] + c)

    def total(prefix, lo, hi):  # sum over days lo..hi (indices, inclusive), clipped to the series
        lo, hi = max(lo, 0), min(hi, n - 1)
        return prefix[hi + 1] - prefix[lo] if hi >= lo else 0.0

    intensity = [total(s1, i - window + 1, i) / window for i in range(n)]
    m1, m2 = [0.0], [0.0]
    for value in intensity:
        m1.append(m1[-1] + value)
        m2.append(m2[-1] + value * value)
    points = []
    for i, day in enumerate(days):
        # the baseline: the smoothed intensity of the `baseline` days before the current window
        lo, hi = i - window - baseline + 1, i - window
        mean = total(m1, lo, hi) / baseline
        variance = max(0.0, total(m2, lo, hi) / baseline - mean * mean)
        index = (intensity[i] - mean) / (math.sqrt(variance) + 1.0)
        points.append(EscalationPoint(day, round(conflict[i], 4), round(coop[i], 4), round(intensity[i], 4),
                                      round(mean, 4), round(index, 4)))
    return points


def _change_points(points: list[EscalationPoint], threshold: float, baseline: int,
                   label: str) -> tuple[list[ChangePoint], str]:
    """Change points (with hysteresis) and the status on the last day (see `Escalation.status`)."""
    changes: list[ChangePoint] = []
    state = 0  # 1 escalated, -1 de-escalated, 0 neither
    episode_peak = 0.0  # highest intensity of the current or last escalation
    episode_end: int | None = None  # index of the day the last escalation ended
    for i, p in enumerate(points):
        if state != 1 and p.index >= threshold:
            state, episode_peak, episode_end = 1, p.intensity, None
            changes.append(ChangePoint(p.date, "escalation", p.index, _describe("escalation", p, label)))
        elif state != -1 and p.index <= -threshold:
            if state == 1:
                episode_end = i
            state = -1
            changes.append(ChangePoint(p.date, "de-escalation", p.index, _describe("de-escalation", p, label)))
        elif state == 1 and p.index < threshold / 2:
            state, episode_end = 0, i
        elif state == -1 and p.index > -threshold / 2:
            state = 0
        if state == 1:
            episode_peak = max(episode_peak, p.intensity)
    status = "steady"
    if state == 1:
        status = "escalating"
    elif state == -1:
        status = "de-escalating"
    elif (points and episode_end is not None and len(points) - 1 - episode_end <= baseline
          and points[-1].intensity <= episode_peak / 2):
        status = "de-escalating"
    return changes, status


def _describe(direction: str, p: EscalationPoint, label: str) -> str:
    return (f"{direction} since {p.date.isoformat()} ({label}): index {p.index:+.2f}, conflict intensity "
            f"{p.intensity:.2f} a day against a baseline of {p.baseline:.2f}")


# ---------------------------------------------------------------- main dyads

def main_dyads(store: Store, since=None, until=None, limit: int = 5, *, undirected: bool = False,
               factuality: Sequence[str] | None = ASSERTED, window: int = 7, baseline: int = 28) -> list[DyadSummary]:
    """The `limit` country dyads with the most salient activity in the period (sum over acts of
    |Goldstein| x source weight), with their escalation status on the period's last day.

    Dyads are ordered pairs of different countries (IGO and NGO count as countries); `undirected`
    merges A→B and B→A (reported as the alphabetical pair)."""
    if undirected:
        pair = "least(e_source_country, e_target_country), greatest(e_source_country, e_target_country)"
    else:
        pair = "e_source_country, e_target_country"
    query = _query(factuality=factuality, since=since, until=until,
                   extra=[("e.source_country IS NOT NULL AND e.target_country IS NOT NULL "
                           "AND e.source_country <> e.target_country", [])])
    sql, params = query.sql(f"{pair}, count(*), sum(coalesce(e_goldstein, 0)), "
                            f"sum(abs(coalesce(e_goldstein, 0)) * w), list(unit)",
                            f"GROUP BY {pair} ORDER BY 5 DESC, 3 DESC, 1, 2 LIMIT ?")
    rows = store.conn.execute(sql, params + [max(0, int(limit))]).fetchall()
    out = []
    for source, target, n, gold, salience, units in rows:
        n_sources = store.conn.execute(
            "SELECT count(DISTINCT coalesce(lower(trim(r.outlet)), r.id)) FROM events e "
            "JOIN articles a ON a.id = e.article_id JOIN articles r ON r.id = coalesce(a.copy_of, a.id) "
            "WHERE list_contains(?, coalesce(e.cluster_id, e.id))", [units]).fetchall()[0][0]
        esc = escalation(store, source, target, since, until, window, baseline, factuality=factuality,
                         undirected=undirected)
        out.append(DyadSummary(source, target, n, n_sources, round(gold, 4), esc.index_now, esc.status,
                               undirected, round(salience, 4)))
    return out


# ---------------------------------------------------------------- acts as dicts (significant events, the brief)

def acts(store: Store, since=None, until=None, *, source: str | None = None, target: str | None = None,
         undirected: bool = False, types: Sequence[str] = (), factuality: Sequence[str] | None = ASSERTED,
         claimed: bool | None = None, min_goldstein: float | None = None, max_goldstein: float | None = None,
         order: str = "salience", limit: int | None = None) -> list[dict]:
    """Acts (one representative event per cluster) matching the filters, as dicts (see `_act_dict`).

    `claimed`: True keeps only events with a claimant (before grouping), False only those without.
    `order`: "salience" (|Goldstein| x source weight, highest first; then latest) or "date" (oldest first)."""
    extra = []
    if claimed is True:
        extra.append(("e.claimant IS NOT NULL AND trim(e.claimant) <> ''", []))
    elif claimed is False:
        extra.append(("(e.claimant IS NULL OR trim(e.claimant) = '')", []))
    if min_goldstein is not None:
        extra.append(("e.goldstein >= ?", [float(min_goldstein)]))
    if max_goldstein is not None:
        extra.append(("e.goldstein <= ?", [float(max_goldstein)]))
    query = _query(source, target, factuality=factuality, since=since, until=until, undirected=undirected,
                   types=types, extra=extra)
    salience = "abs(coalesce(e_goldstein, 0)) * w"
    if order == "salience":
        order_by = f"ORDER BY {salience} DESC, day DESC, e_id"
    elif order == "date":
        order_by = f"ORDER BY day, {salience} DESC, e_id"
    else:
        raise ValueError(f"order must be 'salience' or 'date', not {order!r}")
    select = ", ".join(f"e_{c}" for c in ACT_COLUMNS) + (f", day, published, outlet, title, copy_of, n_articles, "
                                                         f"n_independent_sources, w, n_reports, {salience}")
    sql, params = query.sql(select, order_by + (" LIMIT ?" if limit is not None else ""))
    if limit is not None:
        params.append(max(0, int(limit)))
    return [_act_dict(row) for row in store.conn.execute(sql, params).fetchall()]


def _act_dict(row: tuple) -> dict:
    event = dict(zip(ACT_COLUMNS, row[:len(ACT_COLUMNS)]))
    day, published, outlet, title, copy_of, n_articles, n_sources, w, n_reports, salience = row[len(ACT_COLUMNS):]
    event["event_id"] = event["id"]
    event["date"] = day.isoformat() if day else None
    event["event_date"] = event["event_date"].isoformat() if event["event_date"] else None
    event.update({"published": published.isoformat() if published else None, "outlet": outlet, "title": title,
                  "copy_of": copy_of, "n_articles": n_articles, "n_independent_sources": n_sources,
                  "source_weight": w, "n_reports": n_reports, "salience": round(float(salience), 4)})
    return event


def significant_events(store: Store, since=None, until=None, limit: int = 10, *,
                       factuality: Sequence[str] | None = ASSERTED) -> list[dict]:
    """The most salient acts: salience = |Goldstein| x max(1, independent sources), one event per
    cluster, highest first (ties: the latest first).

    Each dict: event_id (= id), article_id, cluster_id, outlet, published, title, date (the act's),
    event_date, date_precision, event_type, mode, goldstein, quad_class, factuality, source_code,
    source_country, source_sector, source_name, source_text, the same for target, claimant,
    claimant_outlet, claimant_code, trigger, trigger_start, evidence_sentence, evidence_start,
    evidence_end (offsets into the article text), location_name, location_country, confidence, rule,
    n_articles, n_independent_sources, source_weight, n_reports, salience."""
    return acts(store, since, until, factuality=factuality, order="salience", limit=limit)


# ---------------------------------------------------------------- the actor network

def actor_network(store: Store, since=None, until=None, *,
                  factuality: Sequence[str] | None = ASSERTED) -> nx.DiGraph:
    """Who acts on whom. Nodes: actor codes, with `country`, `sector`, `name` (a readable name),
    `names` (the people and organisations seen under the code, '; '-separated) and `n_events` (acts it
    is source or target of). Edges source→target: `weight` and `n_events` (acts), `goldstein_sum`,
    `weighted_goldstein` (x source weight) and `types` (PLOVER type -> acts).

    An act counts once per pair of actor codes it was coded with: one strike reported as ISR→IRN in one
    article and ISRMIL→IRN in another is one act on each of the two edges."""
    query = _query(factuality=factuality, since=since, until=until, extra=[("e.source_code IS NOT NULL", [])],
                   partition=("e_source_code", "e_target_code"))
    rows = _fetch(store, query, "e_source_code, e_target_code, e_event_type, count(*), "
                                "sum(coalesce(e_goldstein, 0)), sum(coalesce(e_goldstein, 0) * w)",
                  "GROUP BY 1, 2, 3 ORDER BY 1, 2 NULLS LAST, 3")
    graph = nx.DiGraph()
    node_events: dict[str, int] = defaultdict(int)
    for source, target, event_type, n, gold, weighted in rows:
        node_events[source] += n
        if target is None:
            continue
        if target != source:
            node_events[target] += n
        if graph.has_edge(source, target):
            data = graph.edges[source, target]
        else:
            graph.add_edge(source, target, weight=0, n_events=0, goldstein_sum=0.0, weighted_goldstein=0.0,
                           types={})
            data = graph.edges[source, target]
        data["weight"] += n
        data["n_events"] += n
        data["goldstein_sum"] = round(data["goldstein_sum"] + gold, 4)
        data["weighted_goldstein"] = round(data["weighted_goldstein"] + weighted, 4)
        data["types"][event_type] = data["types"].get(event_type, 0) + n
    codes = sorted(node_events)
    info = {}
    if codes:
        for code, country, sector, names in store.conn.execute(
                "SELECT code, any_value(country), any_value(sector), "
                "list(name ORDER BY n_events DESC, name) FILTER (WHERE name IS NOT NULL) "
                "FROM actors WHERE list_contains(?, code) GROUP BY code", [codes]).fetchall():
            info[code] = (country, sector, [n for n in (names or []) if n])
    for code in codes:
        country, sector, names = info.get(code, (None, None, []))
        if country is None and len(code) == 3:
            country = code
        graph.add_node(code, country=country, sector=sector,
                       name=actor_name(code, country, sector) or (names[0] if names else code),
                       names="; ".join(names), n_events=node_events[code])
    return graph


def centrality(graph: nx.DiGraph, method: str = "degree") -> list[tuple[str, float]]:
    """Actors by centrality, highest first (ties by code).

    "degree" (default): weighted degree, the number of acts (edge weights) an actor is source or target
    of, in plus out: how much it is involved in coded interactions. "pagerank": PageRank over the
    weighted edges (alpha 0.85): being acted on by actors that are themselves acted on a lot."""
    if graph.number_of_nodes() == 0:
        return []
    if method == "degree":
        scores = {node: float(degree) for node, degree in graph.degree(weight="weight")}
    elif method == "pagerank":
        scores = nx.pagerank(graph, weight="weight")
    else:
        raise ValueError(f"method must be 'degree' or 'pagerank', not {method!r}")
    return sorted(((node, round(score, 6)) for node, score in scores.items()), key=lambda item: (-item[1], item[0]))


def write_graphml(graph: nx.DiGraph, path: str | Path) -> Path:
    """Write the network as GraphML (readable by networkx, Gephi, yEd). GraphML attributes are scalars:
    an edge's `types` dict becomes one attribute per type (`type_ASSAULT`, ...); None values are left out."""
    out = nx.DiGraph()
    for node, data in graph.nodes(data=True):
        out.add_node(node, label=data.get("name") or node,
                     **{k: v for k, v in data.items() if v is not None and not isinstance(v, (dict, list))})
    for source, target, data in graph.edges(data=True):
        attrs = {k: v for k, v in data.items() if v is not None and not isinstance(v, (dict, list))}
        for event_type, n in sorted((data.get("types") or {}).items()):
            attrs[f"type_{event_type}"] = n
        out.add_edge(source, target, **attrs)
    path = Path(path)
    nx.write_graphml(out, path, encoding="utf-8")
    return path


def cluster_reports(store: Store, cluster_id: str, limit: int | None = None) -> list[dict]:
    """The events of one cluster, one per independent source (the earliest report of each outlet,
    copies counting as their original), earliest first, as `acts` dicts."""
    query = _query(factuality=None, extra=[("e.cluster_id = ?", [cluster_id])], partition=("source_key",))
    select = ", ".join(f"e_{c}" for c in ACT_COLUMNS) + (", day, published, outlet, title, copy_of, n_articles, "
                                                         "n_independent_sources, w, n_reports, "
                                                         "abs(coalesce(e_goldstein, 0)) * w")
    sql, params = query.sql(select, "ORDER BY published NULLS LAST, e_id" + (" LIMIT ?" if limit is not None else ""))
    if limit is not None:
        params.append(max(0, int(limit)))
    return [_act_dict(row) for row in store.conn.execute(sql, params).fetchall()]
