"""The corpus database: one DuckDB file. The only module of flashpoint that speaks SQL.

Tables (any SQL user can open the file: `duckdb flashpoint.duckdb`, or `duckdb.connect(path)`):

| table | one row per | key columns |
|---|---|---|
| `schema_version` | migration applied | version, applied_at, description |
| `articles` | distinct article content | id (SHA-256 of title + text, `ingest.content_hash`), path, title, outlet, published, url, text, language, copy_of, ingested_at (UTC) |
| `events` | coded event | id, article_id, article (the input name), the Event fields flattened (`source_*`, `target_*`, `claimant*`, `evidence_*`, `location_*`, event_date, date_precision, ...), cluster_id, data (the event's JSON) |
| `clusters` | real-world act reported by one or more articles | id, event_type, factuality, source_country, target_country, location_country, date_from, date_to, n_events, n_articles, n_independent_sources |
| `actors` | actor code (and name) seen in events | id, code, country, sector, name, first_seen, last_seen, n_events |
| `ingest_errors` | rejected input | path, reason, at |
| `article_minhash`, `article_bands` | article | its MinHash signature and LSH band keys (corroborate.py) |

Writing: one article and everything that follows from it (its events, its copy link, the clusters
and actors its events touch) is one transaction; an article counts as stored only once that commits,
so a crash at any point leaves whole articles or none. DuckDB lets one process at a time open the
file for writing: `Store.open` waits up to `wait` seconds for the lock, then raises `StoreLocked`.

Schema changes are forward migrations: `MIGRATIONS` is the ordered list; opening a file applies the
ones it lacks, each in its own transaction, and records them in `schema_version`.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from . import corroborate, profiling
from .corroborate import ArticleRef, ClusterState, Clusterer, EventKey, Signature
from .ingest import content_hash
from .records import Article, Event

DEFAULT_DB = "flashpoint.duckdb"


class StoreError(Exception):
    """A database problem, with a one-line message for the user."""


class StoreLocked(StoreError):
    """Another process has the database file open for writing."""


# ---------------------------------------------------------------- migrations

def _m1_core(conn: duckdb.DuckDBPyConnection) -> None:
    """articles, events, ingest_errors."""
    conn.execute("""
        CREATE TABLE articles (
            id          VARCHAR PRIMARY KEY,   -- ingest.content_hash: SHA-256 of title + text
            path        VARCHAR,               -- the input it was first read from (file, file:line, record id)
            title       VARCHAR,
            outlet      VARCHAR,
            published   DATE,
            url         VARCHAR,
            text        VARCHAR NOT NULL,
            language    VARCHAR,
            copy_of     VARCHAR,               -- id of the original when this is a copy or rewrite
            ingested_at TIMESTAMP NOT NULL     -- UTC
        )""")
    conn.execute("""
        CREATE TABLE events (
            id                VARCHAR PRIMARY KEY,  -- from article id + the event's key
            article_id        VARCHAR NOT NULL,
            article           VARCHAR,              -- the input name, as in the event JSON
            event_type        VARCHAR NOT NULL,
            mode              VARCHAR,
            cameo_root        VARCHAR,
            goldstein         DOUBLE,
            quad_class        INTEGER,
            source_code       VARCHAR,
            source_country    VARCHAR,
            source_sector     VARCHAR,
            source_name       VARCHAR,
            source_text       VARCHAR,
            target_code       VARCHAR,
            target_country    VARCHAR,
            target_sector     VARCHAR,
            target_name       VARCHAR,
            target_text       VARCHAR,
            factuality        VARCHAR NOT NULL,
            claimant          VARCHAR,
            claimant_outlet   VARCHAR,              -- the outlet the claimant spoke to ("told CBS News")
            claimant_code     VARCHAR,
            trigger           VARCHAR,
            trigger_start     INTEGER,
            evidence_sentence VARCHAR,
            evidence_start    INTEGER,
            evidence_end      INTEGER,
            location_name     VARCHAR,
            location_country  VARCHAR,
            location_lat      DOUBLE,
            location_lon      DOUBLE,
            event_date        DATE,
            date_precision    VARCHAR,
            confidence        DOUBLE,
            rule              VARCHAR,
            data              JSON                  -- Event.to_dict()
        )""")
    conn.execute("""
        CREATE TABLE ingest_errors (
            path   VARCHAR NOT NULL,
            reason VARCHAR NOT NULL,
            "at"   TIMESTAMP NOT NULL,               -- UTC, the latest time it was seen ("at" needs quotes in SQL)
            PRIMARY KEY (path, reason)
        )""")


def _m2_corroboration(conn: duckdb.DuckDBPyConnection) -> None:
    """Copies and clusters: article_minhash, article_bands, clusters, actors, events.cluster_id.

    Articles stored before this migration are signed, linked and clustered here, oldest first."""
    conn.execute("ALTER TABLE events ADD COLUMN cluster_id VARCHAR")
    conn.execute("""
        CREATE TABLE article_minhash (
            article_id VARCHAR PRIMARY KEY,
            n_shingles INTEGER NOT NULL,
            signature  BLOB NOT NULL             -- uint32 MinHash values (corroborate.py)
        )""")
    conn.execute("CREATE TABLE article_bands (band_key BIGINT NOT NULL, article_id VARCHAR NOT NULL)")
    conn.execute("""
        CREATE TABLE clusters (
            id                    VARCHAR PRIMARY KEY,
            block                 VARCHAR NOT NULL,  -- type|factuality|source country|target country
            event_type            VARCHAR NOT NULL,
            factuality            VARCHAR NOT NULL,
            source_country        VARCHAR,
            target_country        VARCHAR,
            location_country      VARCHAR,
            anchor_date           DATE,              -- the date events are matched against
            anchor_precision      VARCHAR,
            date_from             DATE,              -- earliest and latest event_date of its events
            date_to               DATE,
            n_events              INTEGER NOT NULL DEFAULT 0,
            n_articles            INTEGER NOT NULL DEFAULT 0,
            n_independent_sources INTEGER NOT NULL DEFAULT 0
        )""")
    conn.execute("""
        CREATE TABLE actors (
            id         VARCHAR PRIMARY KEY,          -- code, or code/name for a named person or group
            code       VARCHAR NOT NULL,
            country    VARCHAR,
            sector     VARCHAR,
            name       VARCHAR,
            first_seen DATE,
            last_seen  DATE,
            n_events   INTEGER NOT NULL
        )""")
    rows = conn.execute("SELECT id, published, ingested_at, text FROM articles ORDER BY ingested_at, id").fetchall()
    for article_id, published, ingested_at, text in rows:
        ref = ArticleRef(article_id, published, ingested_at)
        _link_copy(conn, ref, corroborate.signature(text))
        keys = [EventKey(eid, corroborate.block_key(*block), date, precision, loc, published)
                for eid, *block, date, precision, loc in conn.execute(
                    "SELECT id, event_type, factuality, source_country, target_country, event_date, date_precision, "
                    "location_country FROM events WHERE article_id = ? ORDER BY id", [article_id]).fetchall()]
        assigned = _assign_clusters(conn, keys)
        if assigned:
            conn.execute("UPDATE events SET cluster_id = m.cluster_id FROM (SELECT unnest(?::VARCHAR[]) AS id, "
                         "unnest(?::VARCHAR[]) AS cluster_id) m WHERE events.id = m.id",
                         [list(assigned), list(assigned.values())])
    conn.execute("""
        INSERT INTO actors
        SELECT CASE WHEN name IS NULL THEN code ELSE code || '/' || name END, code, any_value(country),
               any_value(sector), name, min(seen), max(seen), count(*)
        FROM (SELECT e.source_code AS code, e.source_country AS country, e.source_sector AS sector,
                     e.source_name AS name, coalesce(e.event_date, a.published) AS seen
              FROM events e JOIN articles a ON a.id = e.article_id
              UNION ALL
              SELECT e.target_code, e.target_country, e.target_sector, e.target_name,
                     coalesce(e.event_date, a.published)
              FROM events e JOIN articles a ON a.id = e.article_id)
        WHERE code IS NOT NULL
        GROUP BY code, name""")
    _refresh_clusters(conn, [r[0] for r in conn.execute("SELECT id FROM clusters").fetchall()])


MIGRATIONS: list[Callable[[duckdb.DuckDBPyConnection], None]] = [_m1_core, _m2_corroboration]
SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(conn: duckdb.DuckDBPyConnection) -> int:
    """The version of the file's schema: 0 for a file flashpoint never wrote to."""
    found = conn.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version' "
                         "AND table_schema = 'main'").fetchall()[0][0]
    if not found:
        return 0
    return conn.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchall()[0][0]


def migrate(conn: duckdb.DuckDBPyConnection, target: int | None = None) -> list[int]:
    """Apply the migrations the file lacks, up to `target` (default: all), each in its own transaction.

    Returns the versions applied. A file newer than this code is an error, never touched."""
    target = SCHEMA_VERSION if target is None else target
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise StoreError(f"the database has schema version {current}, newer than this flashpoint knows "
                         f"({SCHEMA_VERSION}); upgrade flashpoint to read it")
    applied = []
    for version in range(current + 1, target + 1):
        migration = MIGRATIONS[version - 1]
        conn.begin()
        try:
            if version == 1:
                conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                             "applied_at TIMESTAMP NOT NULL, description VARCHAR)")
            migration(conn)
            conn.execute("INSERT INTO schema_version VALUES (?, ?, ?)",
                         [version, _now(), (migration.__doc__ or "").strip().splitlines()[0]])
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
        applied.append(version)
    return applied


# ---------------------------------------------------------------- opening

LOCK_PID = re.compile(r"\(PID (\d+)\)")
WRITER_MEMORY = "256MB"


def _connect(path: Path, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + wait
    # The writer runs many small statements next to spaCy (or its workers): one DuckDB thread is enough,
    # and a bounded buffer pool keeps an ingest's memory from growing with the size of the file.
    config = {} if read_only else {"threads": 1, "memory_limit": WRITER_MEMORY}
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=config)
        except duckdb.IOException as exc:
            message = str(exc)
            if "lock" not in message.lower():
                raise StoreError(f"{path}: cannot open the database ({message.splitlines()[0]})") from None
            if time.monotonic() >= deadline:
                pid = LOCK_PID.search(message)
                who = f"another process (PID {pid.group(1)})" if pid else "another process"
                raise StoreLocked(f"{path} is in use by {who}; DuckDB allows one writer at a time, so wait "
                                  f"for it to finish and run this again") from None
            time.sleep(0.1)
        except duckdb.Error as exc:
            raise StoreError(f"{path}: cannot open the database ({str(exc).splitlines()[0]})") from None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


# ---------------------------------------------------------------- rows

EVENT_COLUMNS = (
    "id", "article_id", "article", "event_type", "mode", "cameo_root", "goldstein", "quad_class",
    "source_code", "source_country", "source_sector", "source_name", "source_text",
    "target_code", "target_country", "target_sector", "target_name", "target_text",
    "factuality", "claimant", "claimant_outlet", "claimant_code", "trigger", "trigger_start",
    "evidence_sentence", "evidence_start", "evidence_end",
    "location_name", "location_country", "location_lat", "location_lon", "event_date", "date_precision",
    "confidence", "rule", "data", "cluster_id",
)
# What `events` exports as flat columns (csv, parquet): the event, its article and its cluster.
EXPORT_COLUMNS = tuple(c for c in EVENT_COLUMNS if c != "data") + (
    "published", "outlet", "copy_of", "n_articles", "n_independent_sources")


def event_id(article_id: str, event: Event, ordinal: int = 0) -> str:
    """Deterministic: the article's id and what makes the event distinct within it."""
    target = event.target.code if event.target else None
    key = "|".join(str(part) for part in (
        article_id, event.event_type, event.mode, event.source.code, event.source.text, target,
        event.target.text if event.target else None, event.factuality.value, event.trigger_start,
        event.evidence.start, event.rule, ordinal))
    return "e" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:19]


def _event_row(eid: str, article_id: str, e: Event) -> dict:
    t, a, loc = e.target, e.attribution, e.location
    return {
        "id": eid, "article_id": article_id, "article": e.article_id, "event_type": e.event_type, "mode": e.mode,
        "cameo_root": e.cameo_root, "goldstein": e.goldstein, "quad_class": e.quad_class,
        "source_code": e.source.code, "source_country": e.source.country, "source_sector": e.source.sector,
        "source_name": e.source.name, "source_text": e.source.text,
        "target_code": t.code if t else None, "target_country": t.country if t else None,
        "target_sector": t.sector if t else None, "target_name": t.name if t else None,
        "target_text": t.text if t else None,
        "factuality": e.factuality.value,
        "claimant": a.claimant if a else None, "claimant_outlet": a.outlet if a else None,
        "claimant_code": a.claimant_actor.code if a and a.claimant_actor else None,
        "trigger": e.trigger, "trigger_start": e.trigger_start,
        "evidence_sentence": e.evidence.sentence, "evidence_start": e.evidence.start, "evidence_end": e.evidence.end,
        "location_name": loc.name if loc else None, "location_country": loc.country if loc else None,
        "location_lat": loc.lat if loc else None, "location_lon": loc.lon if loc else None,
        "event_date": e.event_date, "date_precision": e.date_precision,
        "confidence": e.confidence, "rule": e.rule,
        "data": json.dumps(e.to_dict(), ensure_ascii=False), "cluster_id": None,
    }


@dataclass(frozen=True, slots=True)
class Stored:
    """What `Store.add_article` did."""

    id: str
    new: bool  # False: the same content was already stored (nothing written)
    copy_of: str | None = None
    n_events: int = 0


@dataclass(frozen=True, slots=True)
class EventFilter:
    source_country: str | None = None  # None: any
    target_country: str | None = None
    types: tuple[str, ...] = ()
    since: dt.date | None = None  # on event_date, or the publication date when the event has none
    until: dt.date | None = None
    min_sources: int | None = None  # the cluster's n_independent_sources

    def where(self) -> tuple[str, list]:
        clauses, params = [], []
        if self.source_country:
            clauses.append("e.source_country = ?")
            params.append(self.source_country)
        if self.target_country:
            clauses.append("e.target_country = ?")
            params.append(self.target_country)
        if self.types:
            clauses.append("list_contains(?, e.event_type)")
            params.append(list(self.types))
        if self.since:
            clauses.append("coalesce(e.event_date, a.published) >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("coalesce(e.event_date, a.published) <= ?")
            params.append(self.until)
        if self.min_sources:
            clauses.append("coalesce(c.n_independent_sources, 0) >= ?")
            params.append(self.min_sources)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


EVENTS_FROM = """
    FROM events e
    JOIN articles a ON a.id = e.article_id
    LEFT JOIN clusters c ON c.id = e.cluster_id"""
EVENTS_ORDER = " ORDER BY coalesce(e.event_date, a.published) NULLS LAST, e.article, e.trigger_start, e.id"


# ---------------------------------------------------------------- the store

class Store:
    """One open database file. Use `Store.open(path)` (a context manager)."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, path: Path, read_only: bool):
        self.conn = conn
        self.path = path
        self.read_only = read_only
        self._errors_possible = conn.execute("SELECT count(*) > 0 FROM ingest_errors").fetchall()[0][0]

    @classmethod
    def open(cls, path: str | Path = DEFAULT_DB, *, read_only: bool = False, wait: float = 5.0) -> Store:
        """Open (creating and migrating as needed) the database file.

        read_only: for queries; several readers may share the file, but not with a writer. A missing
        file is an error then. `wait`: seconds to wait for another process's lock before `StoreLocked`."""
        path = Path(path)
        if read_only:
            if not path.exists():
                raise StoreError(f"{path}: no such database; create it with `flashpoint ingest`")
            conn = _connect(path, True, wait)
            try:
                version = schema_version(conn)
            except duckdb.Error as exc:
                conn.close()
                raise StoreError(f"{path}: not a flashpoint database ({str(exc).splitlines()[0]})") from None
            if version == SCHEMA_VERSION:
                return cls(conn, path, True)
            conn.close()
            if version == 0:
                raise StoreError(f"{path}: not a flashpoint database (it has no schema_version table)")
            if version > SCHEMA_VERSION:
                raise StoreError(f"{path}: the database has schema version {version}, newer than this flashpoint "
                                 f"knows ({SCHEMA_VERSION}); upgrade flashpoint to read it")
            with cls.open(path, wait=wait):  # migrate once, read-write, then reopen for reading
                pass
            return cls(_connect(path, True, wait), path, True)
        conn = _connect(path, False, wait)
        try:
            migrate(conn)
        except StoreError as exc:
            conn.close()
            raise StoreError(f"{path}: {exc}") from None
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, False)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------ writing

    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT count(*) FROM articles WHERE id = ?", [article_id]).fetchall()[0][0] > 0

    def record_error(self, path: str, reason: str) -> None:
        """Remember a rejected input (once per path and reason; `at` is the latest time seen)."""
        self._errors_possible = True
        self.conn.execute("INSERT INTO ingest_errors VALUES (?, ?, ?) ON CONFLICT (path, reason) DO UPDATE "
                          "SET \"at\" = excluded.\"at\"", [path, reason, _now()])

    def add_article(self, article: Article, events: Sequence[Event], sig: Signature | None = None,
                    language: str | None = "en") -> Stored:
        """Store an article and its events in one transaction: nothing of it is visible, or all of it.

        Same content already stored (under any name): nothing is written, `Stored.new` is False."""
        t_store = profiling.start()
        article_id = content_hash(article)
        sig = sig if sig is not None else corroborate.signature(article.text)
        conn = self.conn
        conn.begin()
        try:
            if self.has_article(article_id):
                conn.rollback()
                return Stored(article_id, False)
            ref = ArticleRef(article_id, article.published, _now())
            conn.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)",
                         [article_id, article.id, article.title, article.outlet, article.published, article.url,
                          article.text, language, ref.ingested_at])
            t0 = profiling.start()
            copy_of, relinked = _link_copy(conn, ref, sig)
            profiling.lap("store.copies", t0)

            rows, seen = [], Counter()
            for event in events:
                eid = event_id(article_id, event)
                seen[eid] += 1
                if seen[eid] > 1:  # the coder gave the same event twice: keep both, distinctly
                    eid = event_id(article_id, event, seen[eid] - 1)
                rows.append(_event_row(eid, article_id, event))
            keys = [EventKey(r["id"], corroborate.block_key(r["event_type"], r["factuality"], r["source_country"],
                                                            r["target_country"]),
                             r["event_date"], r["date_precision"], r["location_country"], article.published)
                    for r in rows]
            t0 = profiling.start()
            assigned = _assign_clusters(conn, keys)
            profiling.lap("store.clusters", t0)
            for row in rows:
                row["cluster_id"] = assigned[row["id"]]
            if rows:
                _insert_columns(conn, "events", EVENT_COLUMNS, rows, EVENT_TYPES)
            _add_actors(conn, rows, article.published)
            touched = set(assigned.values())
            if relinked:  # articles that just became copies: their events' clusters lose a source
                touched.update(r[0] for r in conn.execute(
                    "SELECT DISTINCT cluster_id FROM events WHERE article_id IN (SELECT unnest(?::VARCHAR[])) "
                    "AND cluster_id IS NOT NULL", [relinked]).fetchall())
            t0 = profiling.start()
            _refresh_clusters(conn, sorted(touched))
            profiling.lap("store.refresh", t0)
            if self._errors_possible:  # an input that failed before and reads now: forget its old error
                conn.execute("DELETE FROM ingest_errors WHERE path = ?", [article.id])
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
        profiling.lap("store", t_store)
        return Stored(article_id, True, copy_of, len(rows))

    # ------------------------------------------------------------ reading

    def counts(self) -> dict[str, int]:
        one = lambda sql: self.conn.execute(sql).fetchall()[0][0]  # noqa: E731
        return {"articles": one("SELECT count(*) FROM articles"),
                "copies": one("SELECT count(*) FROM articles WHERE copy_of IS NOT NULL"),
                "events": one("SELECT count(*) FROM events"),
                "clusters": one("SELECT count(*) FROM clusters"),
                "corroborated": one("SELECT count(*) FROM clusters WHERE n_independent_sources >= 2"),
                "errors": one("SELECT count(*) FROM ingest_errors")}

    def _events_relation(self, where: EventFilter, columns: str) -> duckdb.DuckDBPyRelation:
        clause, params = where.where()
        return self.conn.sql(f"SELECT {columns} {EVENTS_FROM}{clause}{EVENTS_ORDER}", params=params)

    def events(self, where: EventFilter = EventFilter()) -> Iterator[dict]:
        """Stored events as the JSON objects of `Event.to_dict()`, plus id, article_id, cluster_id,
        n_articles, n_independent_sources, published and outlet (the article's)."""
        cursor = self.conn.cursor()
        clause, params = where.where()
        cursor.execute(f"SELECT e.data, e.id, e.article_id, e.cluster_id, c.n_articles, c.n_independent_sources, "
                       f"e.location_name, e.location_country, e.location_lat, e.location_lon, e.event_date, "
                       f"e.date_precision, a.published, a.outlet, a.copy_of {EVENTS_FROM}{clause}{EVENTS_ORDER}",
                       params)
        try:
            while batch := cursor.fetchmany(1000):
                for (data, eid, article_id, cluster, n_articles, n_sources, lname, lcountry, lat, lon, date,
                     precision, published, outlet, copy_of) in batch:
                    event = json.loads(data)
                    event.update({
                        "id": eid, "article_id": article_id, "cluster_id": cluster, "n_articles": n_articles,
                        "n_independent_sources": n_sources,
                        "location": ({"name": lname, "country": lcountry, "lat": lat, "lon": lon}
                                     if lname or lcountry else None),
                        "event_date": date.isoformat() if date else None, "date_precision": precision,
                        "published": published.isoformat() if published else None, "outlet": outlet,
                        "copy_of": copy_of})
                    yield event
        finally:
            cursor.close()

    def event_table(self, where: EventFilter = EventFilter()) -> tuple[list[str], list[tuple]]:
        """The flat export columns and the rows (for a table on screen)."""
        relation = self._events_relation(where, self._export_select())
        return list(EXPORT_COLUMNS), relation.fetchall()

    def export_events(self, where: EventFilter, path: str | Path, fmt: str) -> int:
        """Write the flat event columns to a csv or parquet file; returns the number of rows."""
        relation = self._events_relation(where, self._export_select())
        if fmt == "parquet":
            relation.write_parquet(str(path))
        elif fmt == "csv":
            relation.write_csv(str(path), header=True)
        else:
            raise ValueError(f"cannot export events as {fmt}")
        clause, params = where.where()
        return self.conn.execute(f"SELECT count(*) {EVENTS_FROM}{clause}", params).fetchall()[0][0]

    @staticmethod
    def _export_select() -> str:
        event_cols = [f"e.{c}" for c in EVENT_COLUMNS if c != "data"]
        return ", ".join(event_cols + ["a.published", "a.outlet", "a.copy_of", "c.n_articles",
                                       "c.n_independent_sources"])

    def articles(self) -> Iterator[dict]:
        """Stored articles, in the order stored: id, path, title, outlet, published, url, copy_of, n_events."""
        cursor = self.conn.cursor()
        cursor.execute("""
            SELECT a.id, a.path, a.title, a.outlet, a.published, a.url, a.copy_of,
                   (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS n_events, a.language, a.ingested_at
            FROM articles a ORDER BY a.ingested_at, a.id""")
        try:
            while batch := cursor.fetchmany(1000):
                for aid, path, title, outlet, published, url, copy_of, n_events, language, at in batch:
                    yield {"id": aid, "path": path, "title": title, "outlet": outlet,
                           "published": published.isoformat() if published else None, "url": url,
                           "copy_of": copy_of, "n_events": n_events, "language": language,
                           "ingested_at": at.isoformat() if at else None}
        finally:
            cursor.close()

    def errors(self) -> Iterator[dict]:
        """Rejected inputs: path, reason, at (latest time seen)."""
        for path, reason, at in self.conn.execute(
                "SELECT path, reason, \"at\" FROM ingest_errors ORDER BY \"at\", path").fetchall():
            yield {"path": path, "reason": reason, "at": at.isoformat()}


# ---------------------------------------------------------------- corroboration, inside the caller's transaction

def _link_copy(conn: duckdb.DuckDBPyConnection, new: ArticleRef, sig: Signature) -> tuple[str | None, list[str]]:
    """Index the new article's signature, find the articles it copies or that copy it, and link every
    copy in the group to the group's earliest article. Returns (the new article's copy_of, ids of
    stored articles whose copy_of was changed)."""
    keys = corroborate.band_keys(sig)
    conn.execute("INSERT INTO article_minhash VALUES (?, ?, ?)", [new.id, sig.n_shingles, sig.hashvalues])
    if not keys:
        return None, []
    candidates = conn.execute("""
        SELECT a.id, a.published, a.ingested_at, a.copy_of, m.n_shingles, m.signature
        FROM article_minhash m JOIN articles a ON a.id = m.article_id
        WHERE m.article_id IN (SELECT article_id FROM article_bands
                               WHERE band_key IN (SELECT unnest(?::BIGINT[])))""", [keys]).fetchall()
    conn.execute("INSERT INTO article_bands SELECT unnest(?::BIGINT[]), ?", [keys, new.id])
    matches = [ArticleRef(aid, published, at, copy_of)
               for aid, published, at, copy_of, n, blob in candidates
               if aid != new.id and corroborate.is_copy(sig, Signature(bytes(blob), n))]
    if not matches:
        return None, []
    root_ids = sorted({m.copy_of or m.id for m in matches})
    roots = [ArticleRef(aid, published, at) for aid, published, at in conn.execute(
        "SELECT id, published, ingested_at FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [root_ids]).fetchall()]
    original = corroborate.earliest([*roots, new])
    others = [r.id for r in roots if r.id != original.id]
    relinked = []
    if others:
        relinked = [r[0] for r in conn.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[])) "
            "OR copy_of IN (SELECT unnest(?::VARCHAR[]))", [others, others]).fetchall()]
        conn.execute("UPDATE articles SET copy_of = ? WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                     [original.id, relinked])
    if original.id == new.id:
        return None, relinked
    conn.execute("UPDATE articles SET copy_of = ? WHERE id = ?", [original.id, new.id])
    return original.id, relinked


def _assign_clusters(conn: duckdb.DuckDBPyConnection, keys: Sequence[EventKey]) -> dict[str, str]:
    """Event id -> cluster id, founding or sharpening clusters as needed (written here)."""
    if not keys:
        return {}
    blocks = sorted({k.block for k in keys})
    existing = [ClusterState(*row) for row in conn.execute(
        "SELECT id, block, anchor_date, anchor_precision, location_country FROM clusters "
        "WHERE block IN (SELECT unnest(?::VARCHAR[]))", [blocks]).fetchall()]
    clusterer = Clusterer(existing)
    assigned = {key.id: clusterer.assign(key).id for key in keys}
    new = []
    for cluster in clusterer.clusters():
        if cluster.new:
            event_type, factuality, source, target = cluster.block.split("|")
            new.append([cluster.id, cluster.block, event_type, factuality, None if source == "-" else source,
                        None if target == "-" else target, cluster.location_country, cluster.anchor_date,
                        cluster.anchor_precision])
        elif cluster.changed:
            conn.execute("UPDATE clusters SET anchor_date = ?, anchor_precision = ?, location_country = ? "
                         "WHERE id = ?", [cluster.anchor_date, cluster.anchor_precision,
                                          cluster.location_country, cluster.id])
    if new:
        _insert_many(conn, "INSERT INTO clusters (id, block, event_type, factuality, source_country, target_country, "
                           "location_country, anchor_date, anchor_precision) VALUES", new)
    return assigned


def _refresh_clusters(conn: duckdb.DuckDBPyConnection, cluster_ids: Sequence[str]) -> None:
    """Recount the given clusters. A copy counts as an article but its source is its original's outlet,
    so rewrites never add independent sources; an article with no outlet is its own source."""
    if not cluster_ids:
        return
    conn.execute("""
        UPDATE clusters SET n_events = s.n_events, n_articles = s.n_articles,
               n_independent_sources = s.n_sources, date_from = s.date_from, date_to = s.date_to
        FROM (SELECT e.cluster_id, count(*) AS n_events, count(DISTINCT e.article_id) AS n_articles,
                     count(DISTINCT coalesce(lower(trim(r.outlet)), r.id)) AS n_sources,
                     min(e.event_date) AS date_from, max(e.event_date) AS date_to
              FROM events e
              JOIN articles a ON a.id = e.article_id
              JOIN articles r ON r.id = coalesce(a.copy_of, a.id)
              WHERE e.cluster_id IN (SELECT unnest(?::VARCHAR[]))
              GROUP BY e.cluster_id) s
        WHERE clusters.id = s.cluster_id""", [list(cluster_ids)])


def _add_actors(conn: duckdb.DuckDBPyConnection, rows: Sequence[dict], published: dt.date | None) -> None:
    seen: dict[str, list] = {}
    for row in rows:
        when = row["event_date"] or published
        for side in ("source", "target"):
            code = row[f"{side}_code"]
            if not code:
                continue
            name = row[f"{side}_name"]
            actor_id = f"{code}/{name}" if name else code
            entry = seen.setdefault(actor_id, [actor_id, code, row[f"{side}_country"], row[f"{side}_sector"],
                                               name, when, when, 0])
            if when is not None:
                entry[5] = min(d for d in (entry[5], when) if d is not None)
                entry[6] = max(d for d in (entry[6], when) if d is not None)
            entry[7] += 1
    if seen:
        _insert_columns(conn, "actors", ACTOR_COLUMNS, [dict(zip(ACTOR_COLUMNS, v)) for v in seen.values()],
                        ACTOR_TYPES, """
            ON CONFLICT (id) DO UPDATE SET first_seen = least(actors.first_seen, excluded.first_seen),
                last_seen = greatest(actors.last_seen, excluded.last_seen),
                n_events = actors.n_events + excluded.n_events""")


EVENT_TYPES = {"goldstein": "DOUBLE", "quad_class": "INTEGER", "trigger_start": "INTEGER", "evidence_start": "INTEGER",
               "evidence_end": "INTEGER", "location_lat": "DOUBLE", "location_lon": "DOUBLE", "event_date": "DATE",
               "confidence": "DOUBLE", "data": "JSON"}


ACTOR_COLUMNS = ("id", "code", "country", "sector", "name", "first_seen", "last_seen", "n_events")
ACTOR_TYPES = {"first_seen": "DATE", "last_seen": "DATE", "n_events": "INTEGER"}


def _insert_columns(conn: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], rows: Sequence[dict],
                    types: dict[str, str], tail: str = "") -> None:
    """Insert rows (dicts) as one list parameter per column: the cheapest bulk insert DuckDB's Python API
    has without pandas or Arrow (binding one parameter per value costs more, executemany far more)."""
    selects = ", ".join(f"unnest(?::{types.get(c, 'VARCHAR')}[])" for c in columns)
    conn.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {selects}{tail}",
                 [[row[c] for row in rows] for c in columns])


def _insert_many(conn: duckdb.DuckDBPyConnection, insert: str, rows: Sequence[Sequence], tail: str = "") -> None:
    """One INSERT of many rows, every value bound (DuckDB's executemany runs one statement a row)."""
    width = len(rows[0])
    placeholders = ", ".join("(" + ", ".join("?" * width) + ")" for _ in rows)
    conn.execute(f"{insert} {placeholders}{tail}", [value for row in rows for value in row])
