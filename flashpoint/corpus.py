"""Ingest a corpus into the store: read -> skip what is stored -> code -> sign -> store.

    with Store.open("flashpoint.duckdb") as store:
        summary = ingest(["examples/"], store, workers=2)

Memory stays flat as the corpus grows: inputs are read lazily (`ingest.read_inputs`), parsed in
batches (`nlp.pipe` through `pipeline.code_articles`), at most a few batches are in flight, and
everything that accumulates (articles, LSH bands, clusters) lives in the database, not here.

`workers=N` (N > 1) codes in N processes, each loading the spaCy model once; this process stays the
only one that writes to the database, storing articles in input order. `client=` (a
`distributed.Client`, see `flashpoint.scale.dask_client`) sends the same batches to a Dask cluster
instead: the executor is the only thing that changes.

The store may also be a `scale.ParquetSink` (`ingest --out parquet://DIR`): anything with
`has_article`, `record_error` and `add_article`; a sink with `flush()` buffers, and its articles are
reported stored only once `flush()` has written them.

`watch()` ingests what is new in folders and feeds, round after round, until told to stop.
"""
from __future__ import annotations

import multiprocessing
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import corroborate
from .corroborate import Signature
from .ingest import JSON_SUFFIXES, InputError, RejectedInput, _feed_articles, content_hash, iter_paths, read_inputs
from .pipeline import code_articles
from .records import Article, Coded
from .store import Store, Stored


@dataclass
class IngestSummary:
    stored: int = 0  # new articles committed
    events: int = 0  # their events
    copies: int = 0  # of the new articles, those found to copy or rewrite another
    duplicates: int = 0  # inputs whose content was already stored (or seen earlier in this run)
    rejected: int = 0  # inputs that could not be read, or are not English


# on_item(kind, name, detail): kind is "stored" (detail: "(<article id>, <n> events[, copy of <id>])"),
# "duplicate" (detail: "(<stored article id>)") or "rejected" (detail: the reason). Called once the fact
# is durable: "stored" only after the article's transaction has committed.
OnItem = Callable[[str, str, str], None]


def ingest(inputs: Iterable[str], store: Store, *, workers: int = 1, batch_size: int = 16, published=None,
           outlet: str | None = None, on_item: OnItem | None = None, client=None,
           items: Iterable[Article | InputError] | None = None,
           stop: threading.Event | None = None) -> IngestSummary:
    """Read, code and store every article in `inputs` (or the ready `items`) that the store does not
    hold yet. `client`: a distributed.Client that codes the batches. `stop`: once set, no further
    article is stored (the one being stored finishes its transaction) and ingest returns."""
    summary = IngestSummary()
    in_flight: set[str] = set()  # hashes being coded right now: bounded by the pipeline's window
    notify = on_item or (lambda kind, name, detail: None)
    flush = getattr(store, "flush", None)  # a buffering sink (Parquet): report only what it has written
    unflushed: list[tuple[str, str, str]] = []

    def stopped() -> bool:
        return stop is not None and stop.is_set()

    def reject(name: str, reason: str) -> None:
        store.record_error(name, reason)
        summary.rejected += 1
        notify("rejected", name, reason)

    def fresh() -> Iterator[Article]:
        source = items if items is not None else read_inputs(inputs, published=published, outlet=outlet)
        for item in source:
            if stopped():
                return
            if isinstance(item, InputError):
                reject(item.path, item.reason)
                continue
            digest = content_hash(item)
            if digest in in_flight or store.has_article(digest):
                summary.duplicates += 1
                notify("duplicate", item.id, f"({digest})")
                continue
            in_flight.add(digest)
            yield item

    def written() -> None:
        if flush is not None and unflushed:
            flush()
            for item in unflushed:
                notify(*item)
            unflushed.clear()

    stream = coded_stream(fresh(), workers=workers, batch_size=batch_size, client=client)
    for coded, sig, failure in stream:
        if stopped():
            stream.close()  # shut the workers down now, not when the generator is collected
            break
        article = coded.article
        if failure:
            reject(article.id, failure)
        elif coded.error:
            prefix = f"{article.id}: "
            reject(article.id, coded.error[len(prefix):] if coded.error.startswith(prefix) else coded.error)
        elif coded.warning:
            prefix = f"{article.id}: "
            reject(article.id, coded.warning[len(prefix):] if coded.warning.startswith(prefix) else coded.warning)
        else:
            result: Stored = store.add_article(article, coded.events, sig)
            if result.new:
                summary.stored += 1
                summary.events += result.n_events
                summary.copies += result.copy_of is not None
                item = ("stored", article.id, f"({result.id}, {result.n_events} events"
                        + (f", copy of {result.copy_of})" if result.copy_of else ")"))
                if flush is None:
                    notify(*item)
                else:
                    unflushed.append(item)
                    if len(unflushed) >= batch_size:
                        written()
            else:
                summary.duplicates += 1
                notify("duplicate", article.id, f"({result.id})")
        in_flight.discard(content_hash(article))
    written()
    return summary


def coded_stream(articles: Iterable[Article], *, workers: int = 1, batch_size: int = 16,
                 client=None) -> Iterator[tuple[Coded, Signature | None, str | None]]:
    """(Coded, MinHash signature, failure) for each article, in input order. The signature is None for
    an article that was skipped (not English); failure is the reason when coding it raised, so one
    article that breaks the coder is rejected instead of stopping the corpus. workers > 1: coded in
    that many processes; client (a distributed.Client): coded on its Dask workers."""
    chunks = _chunks(articles, batch_size)
    if client is not None:
        # Plain picklable records go out and come back (Article in; Coded, Signature out); pure=False:
        # never let Dask reuse a result by key. Two batches a worker thread keep the cluster busy.
        window = 2 * max(1, sum(client.nthreads().values()))
        yield from _windowed(chunks, lambda chunk: client.submit(code_chunk, chunk, pure=False), window,
                             lambda pending: client.cancel(list(pending)))
        return
    if workers <= 1:
        for chunk in chunks:
            yield from code_chunk(chunk)
        return
    # spawn, not fork: this process holds a DuckDB connection and Rich's refresh thread.
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_worker_init)
    try:
        yield from _windowed(chunks, lambda chunk: pool.submit(code_chunk, chunk), 2 * workers,
                             lambda pending: None)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _windowed(chunks: Iterable[list[Article]], submit, window: int, cancel) -> Iterator:
    """Submit batches to an executor, at most `window` in flight, and yield their results in input order."""
    pending: deque = deque()
    try:
        for chunk in chunks:
            pending.append(submit(chunk))
            while len(pending) > window:  # keep every worker busy, and no more than that in memory
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        if pending:
            cancel(pending)


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    chunk: list[Article] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _worker_init() -> None:
    from . import nlp

    nlp.load()


def code_chunk(articles: list[Article]) -> list[tuple[Coded, Signature | None, str | None]]:
    """Code a batch (one nlp.pipe call); if the coder raises, code its articles one at a time so only
    the article that breaks it is lost."""
    try:
        return [(coded, None if coded.warning or coded.error else corroborate.signature(coded.article.text), None)
                for coded in code_articles(articles, batch_size=len(articles))]
    except Exception as exc:  # a coder bug on some text: find the article, keep the others
        if len(articles) == 1:
            message = (str(exc).splitlines() or [""])[0][:200]
            return [(Coded(articles[0], []), None, f"coding failed ({type(exc).__name__}: {message})")]
        return [result for article in articles for result in code_chunk([article])]


def estimate_inputs(inputs: Iterable[str]) -> int:
    """How many articles the inputs hold, for a progress bar: one per file, one per line of JSONL."""
    total = 0
    for name in iter_paths(inputs):
        path = Path(name)
        if name != "-" and path.suffix.lower() in JSON_SUFFIXES - {".json"}:
            try:
                with open(path, "rb") as handle:
                    total += max(1, sum(1 for line in handle if line.strip()))
                continue
            except OSError:
                pass
        total += 1
    return total


# ---------------------------------------------------------------- keeping the store current

def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


class Watcher:
    """What is new in folders, files and feeds since the last look.

    A file is read again only when its size or modification time changed (a feed file that gained
    entries); the store skips the articles it already holds, so only new ones are coded. A file
    modified less than `settle` seconds ago may still be being written: it waits for the next round.
    Feed URLs are fetched each round (a failed fetch is one error line, then the next round retries)."""

    def __init__(self, sources: Iterable[str], *, published=None, outlet: str | None = None,
                 settle: float = 0.5, timeout: float = 30.0):
        self.sources = list(sources)
        self.published, self.outlet, self.settle, self.timeout = published, outlet, settle, timeout
        self.seen: dict[str, tuple[int, int]] = {}

    def new_items(self) -> Iterator[Article | InputError]:
        for source in self.sources:
            if is_url(source):
                yield from self._fetch(source)
                continue
            for name in iter_paths([source]):
                try:
                    stat = Path(name).stat()
                except OSError:
                    continue  # gone since it was listed
                key = (stat.st_mtime_ns, stat.st_size)
                if self.seen.get(name) == key or time.time() - stat.st_mtime < self.settle:
                    continue
                self.seen[name] = key
                yield from read_inputs([name], published=self.published, outlet=self.outlet)

    def _fetch(self, url: str) -> Iterator[Article | InputError]:
        import urllib.request

        try:
            request = urllib.request.Request(url, headers={"User-Agent": "flashpoint-watch"})
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw = response.read()
        except Exception as exc:  # network errors come in many kinds; the next round tries again
            yield InputError(url, f"could not fetch the feed ({type(exc).__name__}: {str(exc)[:120]})")
            return
        try:
            yield from _feed_articles(url, raw, self.published, self.outlet)
        except RejectedInput as exc:
            yield InputError(url, exc.reason)


def watch(sources: Iterable[str], store: Store, *, every: float = 60.0, once: bool = False,
          stop: threading.Event | None = None, on_round: Callable[[IngestSummary], None] | None = None,
          **options) -> None:
    """Ingest what is new in `sources` now and then every `every` seconds, until `stop` is set (or after
    one round with once=True). `options` go to `ingest` (workers, client, on_item, ...)."""
    stop = stop or threading.Event()
    watcher = Watcher(sources, published=options.pop("published", None), outlet=options.pop("outlet", None),
                      settle=0.0 if once else 0.5)  # once: there is no next round to wait for
    while not stop.is_set():
        summary = ingest([], store, items=watcher.new_items(), stop=stop, **options)
        if on_round is not None:
            on_round(summary)
        if once:
            return
        deadline = time.monotonic() + every
        while not stop.is_set() and time.monotonic() < deadline:  # short sleeps: signals get through
            stop.wait(min(0.2, max(0.0, deadline - time.monotonic())))
