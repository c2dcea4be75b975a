"""The few read-only lookups the dashboard needs that `Store` does not offer yet: one page of events
(LIMIT/OFFSET in SQL, with the total), one event, one article, one actor.

Every value from a request is a bound parameter; the only SQL text here is constant, and the event
filter is `store.EventFilter.where()` (the CLI's own), extended by a factuality clause. These are
candidates to move into `Store` (store.py is owned by the corpus work, so they live here for now).
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from ..store import EVENTS_FROM, EventFilter, Store

# The same columns and shape as `Store.events()`: the event's JSON plus its ids, cluster and article.
_EVENT_SELECT = ("SELECT e.data, e.id, e.article_id, e.cluster_id, c.n_articles, c.n_independent_sources, "
                 "e.location_name, e.location_country, e.location_lat, e.location_lon, e.event_date, "
                 "e.date_precision, a.published, a.outlet, a.copy_of")
# Newest first; DuckDB answers ORDER BY ... LIMIT with a top-N heap, so a page never sorts the table.
_NEWEST_FIRST = " ORDER BY coalesce(e.event_date, a.published) DESC NULLS LAST, e.id"
_FACTUALITIES = ("asserted", "negated", "hypothetical", "planned")


@dataclass(frozen=True)
class EventQuery:
    """`EventFilter` (dyad, types, dates, min sources) plus what the dashboard adds."""

    filter: EventFilter = EventFilter()
    factuality: str | None = None
    actor_code: str | None = None  # source or target actor code (the actor page)
    article_id: str | None = None

    def where(self) -> tuple[str, list]:
        clause, params = self.filter.where()
        extra, more = [], []
        if self.factuality:
            if self.factuality not in _FACTUALITIES:
                raise ValueError(f"unknown factuality {self.factuality!r}")
            extra.append("e.factuality = ?")
            more.append(self.factuality)
        if self.actor_code:
            extra.append("(e.source_code = ? OR e.target_code = ?)")
            more += [self.actor_code, self.actor_code]
        if self.article_id:
            extra.append("e.article_id = ?")
            more.append(self.article_id)
        if not extra:
            return clause, params
        joined = " AND ".join(extra)
        return (f"{clause} AND {joined}" if clause else f" WHERE {joined}"), params + more


def _event(row: tuple) -> dict:
    (data, eid, article_id, cluster, n_articles, n_sources, lname, lcountry, lat, lon, date, precision,
     published, outlet, copy_of) = row
    event = json.loads(data)
    event.update({
        "id": eid, "article_id": article_id, "cluster_id": cluster, "n_articles": n_articles,
        "n_independent_sources": n_sources,
        "location": ({"name": lname, "country": lcountry, "lat": lat, "lon": lon} if lname or lcountry else None),
        "event_date": date.isoformat() if date else None, "date_precision": precision,
        "published": published.isoformat() if published else None, "outlet": outlet, "copy_of": copy_of})
    return event


def count_events(store: Store, query: EventQuery) -> int:
    clause, params = query.where()
    return store.conn.execute(f"SELECT count(*) {EVENTS_FROM}{clause}", params).fetchall()[0][0]


def page_events(store: Store, query: EventQuery, limit: int, offset: int) -> list[dict]:
    """One page of events, newest first (the event's date, else its article's publication date)."""
    clause, params = query.where()
    rows = store.conn.execute(f"{_EVENT_SELECT} {EVENTS_FROM}{clause}{_NEWEST_FIRST} LIMIT ? OFFSET ?",
                              params + [int(limit), int(offset)]).fetchall()
    return [_event(row) for row in rows]


def article_events(store: Store, article_id: str) -> list[dict]:
    """An article's events in text order."""
    rows = store.conn.execute(f"{_EVENT_SELECT} {EVENTS_FROM} WHERE e.article_id = ? ORDER BY e.trigger_start, e.id",
                              [article_id]).fetchall()
    return [_event(row) for row in rows]


def event(store: Store, event_id: str) -> dict | None:
    rows = store.conn.execute(f"{_EVENT_SELECT} {EVENTS_FROM} WHERE e.id = ?", [event_id]).fetchall()
    return _event(rows[0]) if rows else None


def article(store: Store, article_id: str) -> dict | None:
    """The stored article, its text included, and how many events it has."""
    rows = store.conn.execute(
        "SELECT a.id, a.path, a.title, a.outlet, a.published, a.url, a.text, a.language, a.copy_of, a.ingested_at, "
        "(SELECT count(*) FROM events e WHERE e.article_id = a.id) FROM articles a WHERE a.id = ?",
        [article_id]).fetchall()
    if not rows:
        return None
    aid, path, title, outlet, published, url, text, language, copy_of, at, n_events = rows[0]
    return {"id": aid, "path": path, "title": title, "outlet": outlet,
            "published": published.isoformat() if published else None, "url": url, "text": text,
            "language": language, "copy_of": copy_of, "ingested_at": at.isoformat() if at else None,
            "n_events": n_events}


def actor(store: Store, code: str) -> dict | None:
    """An actor code: the names seen under it, when, how often as source and as target, and its
    commonest counterparts (the actor codes it acts on and that act on it)."""
    names = store.conn.execute(
        "SELECT name, country, sector, first_seen, last_seen, n_events FROM actors WHERE code = ? "
        "ORDER BY n_events DESC, name NULLS FIRST", [code]).fetchall()
    if not names:
        return None
    n_source, n_target = store.conn.execute(
        "SELECT count(*) FILTER (WHERE source_code = ?), count(*) FILTER (WHERE target_code = ?) FROM events "
        "WHERE source_code = ? OR target_code = ?", [code, code, code, code]).fetchall()[0]

    def counterparts(side: str, other: str) -> list[dict]:
        # side and other are constants chosen below, never request text
        rows = store.conn.execute(
            f"SELECT {other}_code, count(*) AS n, sum(goldstein) FROM events WHERE {side}_code = ? "
            f"AND {other}_code IS NOT NULL GROUP BY 1 ORDER BY n DESC, 1 LIMIT 10", [code]).fetchall()
        return [{"code": c, "n_events": n, "goldstein_sum": g} for c, n, g in rows]

    first = min((r[3] for r in names if r[3]), default=None)
    last = max((r[4] for r in names if r[4]), default=None)
    return {
        "code": code, "country": names[0][1], "sector": names[0][2],
        "names": [{"name": n, "first_seen": f.isoformat() if f else None, "last_seen": la.isoformat() if la else None,
                   "n_events": k} for n, _, _, f, la, k in names],
        "first_seen": first.isoformat() if first else None, "last_seen": last.isoformat() if last else None,
        "n_as_source": n_source, "n_as_target": n_target,
        "targets": counterparts("source", "target"), "sources": counterparts("target", "source"),
    }


def dyad_count(store: Store, source: str, target: str) -> int:
    """Events from one country to another (any date)."""
    return store.conn.execute("SELECT count(*) FROM events WHERE source_country = ? AND target_country = ?",
                              [source, target]).fetchall()[0][0]


def type_counts(store: Store) -> dict[str, int]:
    return dict(store.conn.execute("SELECT event_type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC").fetchall())
