"""Glue: Article -> spaCy Doc -> actors -> events -> places and dates. The one function most users need."""
from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from . import nlp as nlp_stage
from . import profiling
from .actors import ActorResolver
from .dates import date_events
from .events import extract, merge
from .ingest import as_date, dateline, language_of, mask_dateline
from .places import locate_events
from .records import Article, Coded, Event
from .targets import infer_targets


class CodingError(RuntimeError):
    """The coder failed on a text (a bug in flashpoint: please report the text)."""


class NotEnglishWarning(UserWarning):
    """The text is not English; flashpoint codes English only and returns no events for it."""


def code_doc(doc: Doc, article: Article) -> list[Event]:
    """Events of an article whose text has already been parsed."""
    t0 = profiling.start()
    resolver = ActorResolver(doc, article.published)
    t0 = profiling.lap("actors", t0)
    events = extract(doc, article, resolver)
    t0 = profiling.lap("events", t0)
    if not events:
        return events
    # Geo/time: where and when each act happened. Relative dates need the publication date; a wire
    # dateline ("JERUSALEM, June 16, 2025 (Wire) —") gives it when the caller did not.
    published = article.published or dateline(article.text)[0]
    masked = mask_dateline(article.text)  # what code_articles parsed: doc.text, which is costly to rebuild
    if len(doc) and all(masked[t.idx:t.idx + len(t.text)] == t.text for t in (doc[0], doc[-1])) and \
            len(masked) == doc[-1].idx + len(doc[-1].text_with_ws):
        doc.user_data.setdefault("flashpoint.text", masked)
    events = merge(infer_targets(locate_events(events, doc), doc, resolver))
    events = date_events(events, doc, published)
    profiling.lap("geo_time", t0)
    return events


def code_article(text: str, published=None, outlet: str | None = None, article_id: str = "-",
                 title: str | None = None) -> list[Event]:
    """Code one article's text into events.

    `published` (a date or ISO string) picks leaders' roles and anchors relative dates;
    `outlet` is the outlet that published the text. Non-English text gives a NotEnglishWarning and [].
    """
    article = Article(id=article_id, text=text, title=title, published=as_date(published), outlet=outlet)
    coded = next(iter(code_articles([article])))
    if coded.error:
        raise CodingError(coded.error)
    if coded.warning:
        warnings.warn(coded.warning, NotEnglishWarning, stacklevel=2)
    return coded.events


def english(article: Article) -> str | None:
    """None when the article can be coded, else the reason it is skipped."""
    if len(article.text.split()) < 30:  # too short to tell reliably; try to code it
        return None
    lang = language_of(article.text)
    if lang is not None and lang != "en":
        return f"{article.id}: text is in language '{lang}', not English; no events coded"
    return None


def code_articles(articles: Iterable[Article], batch_size: int = 16, check_language: bool = True) -> Iterator[Coded]:
    """Code many articles, parsing them in batches with nlp.pipe; yields one Coded per article, in order."""
    nlp = nlp_stage.load()
    pending: list[Article] = []

    def flush() -> Iterator[Coded]:
        docs = nlp.pipe(mask_dateline(a.text) for a in pending)
        if profiling.enabled:  # time each parse apart from the coding that follows it
            docs = _timed(docs)
        for doc, article in zip(docs, pending):
            try:
                events = code_doc(doc, article)
            except Exception as exc:  # a coder bug on some text loses that article, not the batch
                message = (str(exc).splitlines() or [""])[0][:200]
                yield Coded(article, [], error=f"{article.id}: coding failed ({type(exc).__name__}: {message})")
                continue
            yield Coded(article, events)
        pending.clear()

    for article in articles:
        t0 = profiling.start()
        reason = english(article) if check_language else None
        profiling.lap("language", t0)
        if reason is not None:
            yield from flush()
            yield Coded(article, [], reason)
            continue
        pending.append(article)
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()


def _timed(docs: Iterator[Doc]) -> Iterator[Doc]:
    iterator = iter(docs)
    while True:
        t0 = profiling.start()
        try:
            doc = next(iterator)
        except StopIteration:
            return
        profiling.lap("parse", t0)
        yield doc
