"""Ingest a corpus into the store: read -> skip what is stored -> code -> sign -> store.

    with Store.open("flashpoint.duckdb") as store:
        summary = ingest(["examples/"], store, workers=2)

Memory stays flat as the corpus grows: inputs are read lazily (`ingest.read_inputs`), parsed in
batches (`nlp.pipe` through `pipeline.code_articles`), at most a few batches are in flight, and
everything that accumulates (articles, LSH bands, clusters) lives in the database, not here.

`workers=N` (N > 1) codes in N processes, each loading the spaCy model once; this process stays the
only one that writes to the database, storing articles in input order.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import corroborate
from .corroborate import Signature
from .ingest import JSON_SUFFIXES, InputError, content_hash, iter_paths, read_inputs
from .pipeline import code_articles
from .records import Article, Coded
from .store import Store


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
           outlet: str | None = None, on_item: OnItem | None = None) -> IngestSummary:
    """Read, code and store every article in `inputs` that the store does not hold yet."""
    summary = IngestSummary()
    in_flight: set[str] = set()  # hashes being coded right now: bounded by the pipeline's window
    notify = on_item or (lambda kind, name, detail: None)

    def reject(name: str, reason: str) -> None:
        store.record_error(name, reason)
        summary.rejected += 1
        notify("rejected", name, reason)

    def fresh() -> Iterator[Article]:
        for item in read_inputs(inputs, published=published, outlet=outlet):
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

    for coded, sig, failure in coded_stream(fresh(), workers=workers, batch_size=batch_size):
        article = coded.article
        if failure:
            reject(article.id, failure)
        elif coded.warning:
            prefix = f"{article.id}: "
            reject(article.id, coded.warning[len(prefix):] if coded.warning.startswith(prefix) else coded.warning)
        else:
            result = store.add_article(article, coded.events, sig)
            if result.new:
                summary.stored += 1
                summary.events += result.n_events
                summary.copies += result.copy_of is not None
                notify("stored", article.id, f"({result.id}, {result.n_events} events"
                       + (f", copy of {result.copy_of})" if result.copy_of else ")"))
            else:
                summary.duplicates += 1
                notify("duplicate", article.id, f"({result.id})")
        in_flight.discard(content_hash(article))
    return summary


def coded_stream(articles: Iterable[Article], *, workers: int = 1,
                 batch_size: int = 16) -> Iterator[tuple[Coded, Signature | None, str | None]]:
    """(Coded, MinHash signature, failure) for each article, in input order. The signature is None for
    an article that was skipped (not English); failure is the reason when coding it raised, so one
    article that breaks the coder is rejected instead of stopping the corpus. workers > 1: coded in
    that many processes."""
    if workers <= 1:
        for chunk in _chunks(articles, batch_size):
            yield from code_chunk(chunk)
        return
    # spawn, not fork: this process holds a DuckDB connection and Rich's refresh thread.
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_worker_init)
    try:
        pending: deque = deque()
        for chunk in _chunks(articles, batch_size):
            pending.append(pool.submit(code_chunk, chunk))
            while len(pending) > 2 * workers:  # keep every worker busy, and no more than that in memory
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


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
        return [(coded, None if coded.warning else corroborate.signature(coded.article.text), None)
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
