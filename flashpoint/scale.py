"""Scale-out: coding on a Dask cluster, and a corpus kept as partitioned Parquet instead of one DuckDB file.

    client = dask_client("local:4")           # or "tcp://scheduler:8786"
    with Store.open("flashpoint.duckdb") as store:
        corpus.ingest(["corpus/"], store, client=client)

    sink = ParquetSink("lake/")                # `flashpoint ingest corpus/ --out parquet://lake/`
    corpus.ingest(["corpus/"], sink)
    store = open_parquet("lake/")              # `flashpoint events --db lake/`: a read-only Store over it

The Dask workers only code (spaCy + rules, `corpus.code_chunk`); the client process stays the single
writer. Every worker loads the spaCy model once (`LoadModel`, a worker plugin; `nlp.load` caches it per
process anyway), and needs flashpoint installed (the same version as the client).

Parquet layout (hive partitioning, readable by DuckDB, Dask, Spark, pandas):

    DIR/articles/date=YYYY-MM-DD/part-<batch>.parquet     date: the publication date ("unknown" if none)
    DIR/events/date=YYYY-MM-DD/part-<batch>.parquet       date: the event date, else the publication date
    DIR/errors/part-<batch>.parquet                        rejected inputs

The columns are the DuckDB tables' (`store.py`): articles (id, path, title, outlet, published, url,
text, language, copy_of, ingested_at) and events (EVENT_COLUMNS, `data` as JSON text). `<batch>` is a
hash of the batch's article ids; each file is written to a temporary name and renamed, events before
articles, so a crash leaves whole files and an article counts as stored once its articles file exists
(readers ignore events whose article is not there). Re-running skips the ids already in DIR/articles.
Copies and clusters are not computed in this layout (copy_of and cluster_id are null, n_articles and
n_independent_sources empty): they need the whole corpus's index, which is what the DuckDB store is for.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import duckdb

from .corroborate import Signature
from .ingest import content_hash
from .records import Article, Event
from .store import EVENT_COLUMNS, Store, StoreError, Stored, _event_row, event_id, migrate

PARQUET_SCHEME = "parquet://"


# ---------------------------------------------------------------- Dask

def dask_client(address: str):
    """A distributed.Client: `local:N` starts a LocalCluster of N worker processes with one thread each
    (closed with the client); anything else is a scheduler address (`tcp://host:8786`). Every worker
    loads the spaCy model once, now."""
    import logging

    from distributed import Client, LocalCluster

    if address.startswith("local:") or address == "local":
        n = int(address.partition(":")[2] or os.cpu_count() or 1)
        if n < 1:
            raise ValueError(f"--dask {address!r}: local:N needs N >= 1")
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=logging.ERROR)
        client = Client(cluster)
        client._flashpoint_cluster = cluster  # closed by close_client
    else:
        client = Client(address, timeout=30)
    client.register_plugin(LoadModel())
    return client


def close_client(client) -> None:
    cluster = getattr(client, "_flashpoint_cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


try:
    from distributed.diagnostics.plugin import WorkerPlugin as _WorkerPlugin
except ImportError:  # pragma: no cover - distributed is a dependency
    _WorkerPlugin = object


class LoadModel(_WorkerPlugin):
    """Loads the spaCy model once when a worker starts (and on workers that join later)."""

    name = "flashpoint-load-model"

    def setup(self, worker) -> None:
        from . import nlp

        nlp.load()


# ---------------------------------------------------------------- Parquet

def parquet_dir(target: str | Path) -> Path | None:
    """`parquet://DIR` -> DIR; None for anything else."""
    text = str(target)
    return Path(text[len(PARQUET_SCHEME):]) if text.startswith(PARQUET_SCHEME) else None


def _schemas():
    import pyarrow as pa

    types = {"goldstein": pa.float64(), "quad_class": pa.int32(), "trigger_start": pa.int32(),
             "evidence_start": pa.int32(), "evidence_end": pa.int32(), "location_lat": pa.float64(),
             "location_lon": pa.float64(), "event_date": pa.date32(), "confidence": pa.float64()}
    events = pa.schema([(c, types.get(c, pa.string())) for c in EVENT_COLUMNS])
    articles = pa.schema([("id", pa.string()), ("path", pa.string()), ("title", pa.string()),
                          ("outlet", pa.string()), ("published", pa.date32()), ("url", pa.string()),
                          ("text", pa.string()), ("language", pa.string()), ("copy_of", pa.string()),
                          ("ingested_at", pa.timestamp("us"))])
    errors = pa.schema([("path", pa.string()), ("reason", pa.string()), ("at", pa.timestamp("us"))])
    return events, articles, errors


def _glob(root: Path, table: str) -> str:
    return str(root / table / "**" / "*.parquet")


def _has_files(root: Path, table: str) -> bool:
    return (root / table).is_dir() and any((root / table).rglob("*.parquet"))


class ParquetSink:
    """The write side of the Parquet layout, with the interface `corpus.ingest` stores through."""

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.ids: set[str] = set()
        if _has_files(self.root, "articles"):
            with duckdb.connect() as conn:
                self.ids = {i for (i,) in conn.execute(
                    "SELECT id FROM read_parquet(?, hive_partitioning = true)", [_glob(self.root, "articles")]).fetchall()}
        self._articles: list[dict] = []
        self._events: list[dict] = []
        self._errors: list[dict] = []

    # the Store interface corpus.ingest uses
    def has_article(self, article_id: str) -> bool:
        return article_id in self.ids

    def record_error(self, path: str, reason: str) -> None:
        self._errors.append({"path": path, "reason": reason, "at": _now()})

    def add_article(self, article: Article, events: Sequence[Event], sig: Signature | None = None,
                    language: str | None = "en") -> Stored:
        article_id = content_hash(article)
        if article_id in self.ids:
            return Stored(article_id, False)
        self.ids.add(article_id)
        rows, seen = [], Counter()
        for event in events:  # the same ids as Store.add_article gives
            eid = event_id(article_id, event)
            seen[eid] += 1
            if seen[eid] > 1:
                eid = event_id(article_id, event, seen[eid] - 1)
            rows.append(_event_row(eid, article_id, event))
        self._events.extend(rows)
        self._articles.append({"id": article_id, "path": article.id, "title": article.title,
                               "outlet": article.outlet, "published": article.published, "url": article.url,
                               "text": article.text, "language": language, "copy_of": None,
                               "ingested_at": _now()})
        return Stored(article_id, True, None, len(rows))

    def flush(self) -> None:
        """Write what is buffered: events first, then articles (what makes them stored), then errors."""
        import pyarrow as pa

        events_schema, articles_schema, errors_schema = _schemas()
        batch = hashlib.sha1("|".join(sorted(a["id"] for a in self._articles)
                                      + sorted(e["path"] + e["reason"] for e in self._errors)).encode()).hexdigest()[:20]
        published = {a["id"]: a["published"] for a in self._articles}
        by_day: dict[str, list[dict]] = {}
        for row in self._events:
            day = row["event_date"] or published.get(row["article_id"])
            by_day.setdefault(day.isoformat() if day else "unknown", []).append(row)
        for day, rows in sorted(by_day.items()):
            self._write(pa.Table.from_pylist(rows, schema=events_schema), self.root / "events" / f"date={day}", batch)
        by_day = {}
        for row in self._articles:
            by_day.setdefault(row["published"].isoformat() if row["published"] else "unknown", []).append(row)
        for day, rows in sorted(by_day.items()):
            self._write(pa.Table.from_pylist(rows, schema=articles_schema), self.root / "articles" / f"date={day}",
                        batch)
        if self._errors:
            self._write(pa.Table.from_pylist(self._errors, schema=errors_schema), self.root / "errors", batch)
        self._articles, self._events, self._errors = [], [], []

    @staticmethod
    def _write(table, folder: Path, batch: str) -> None:
        import pyarrow.parquet as pq

        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"part-{batch}.parquet"
        temporary = folder / f"part-{batch}.parquet.tmp"
        pq.write_table(table, temporary)
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temporary, final)

    def counts(self) -> dict[str, int]:
        with open_parquet(self.root) as store:
            return store.counts()

    def close(self) -> None:
        self._articles, self._events, self._errors = [], [], []

    def __enter__(self) -> ParquetSink:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_parquet(root: str | Path) -> Store:
    """A read-only Store over a Parquet directory: an in-memory DuckDB whose articles, events and
    ingest_errors are views on the files (each id once; events only of stored articles), so every
    query of Store (and `flashpoint events`/`articles`) works unchanged."""
    root = Path(root)
    if not root.is_dir():
        raise StoreError(f"{root}: no such Parquet directory")
    if not any((root / table).is_dir() for table in ("articles", "events", "errors")):
        raise StoreError(f"{root}: not a flashpoint Parquet directory (no articles/, events/ or errors/ in it); "
                         f"write one with `flashpoint ingest ... --out parquet://{root}`")
    conn = duckdb.connect()
    migrate(conn)  # the empty tables, with the store's columns
    if _has_files(root, "articles"):
        conn.execute("DROP TABLE articles")
        conn.execute(f"CREATE VIEW articles AS SELECT * EXCLUDE (date) FROM read_parquet('{_sql(_glob(root, 'articles'))}', "
                     "hive_partitioning = true, union_by_name = true) QUALIFY row_number() OVER (PARTITION BY id "
                     "ORDER BY ingested_at) = 1")
        if _has_files(root, "events"):
            conn.execute("DROP TABLE events")
            conn.execute(f"CREATE VIEW events AS SELECT * EXCLUDE (date) FROM read_parquet('{_sql(_glob(root, 'events'))}', "
                         "hive_partitioning = true, union_by_name = true) WHERE article_id IN (SELECT id FROM articles) "
                         "QUALIFY row_number() OVER (PARTITION BY id) = 1")
    if _has_files(root, "errors"):
        conn.execute("DROP TABLE ingest_errors")
        conn.execute(f"CREATE VIEW ingest_errors AS SELECT path, reason, max(\"at\") AS \"at\" FROM "
                     f"read_parquet('{_sql(_glob(root, 'errors'))}') GROUP BY path, reason")
    return Store(conn, root, True)


def _sql(text: str) -> str:
    return text.replace("'", "''")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
