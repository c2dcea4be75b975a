"""Rewrites and corroboration: which articles copy which, and which events report the same act.

Both questions are answered without comparing everything with everything.

**Copies.** Each article gets a MinHash signature (datasketch, 128 permutations) of its word
3-shingles, taken after the wire dateline, whose outlet name a rewrite changes. Signatures are
banded the way datasketch's `MinHashLSH` bands them for a Jaccard threshold of 0.3 (its `b` bands of
`r` rows); two articles become candidates when they share a band. The band keys are stored in the
database (`article_bands`, see store.py), so the index outlives the process and memory does not grow
with the corpus. A candidate is a copy when the estimated Jaccard similarity is at least 0.35 or
the estimated share of the shorter text's shingles found in the other is at least 0.5. An
aggregator's rewrite with light edits scores 0.6-0.7; different stories on the same war score
below 0.05. A copy is linked (`copy_of`) to the earliest article of its group: the earliest
publication date, then the first stored.

**Clusters.** Events are blocked by type, factuality, source country and target country; inside a
block an event joins the cluster whose anchor date is nearest, when the dates are compatible and
the places are (the same location country, or either unknown). Each date stands for a span of days
by its precision (dates.py): a day; a week from its Monday; a month; a year; a date taken from the
publication date covers the three days up to it. Two dates are compatible when their spans are at
most one day apart: two day-precision dates within ±1 day, a week with any day in it or next to it.
An event with no date at all is compatible with any. The anchor is the date of the cluster's most
precise event. A cluster's id is fixed by the event that founded it, so ids do not change when more
articles arrive. store.py runs all of this inside the transaction that stores an article.

Nothing here touches the database.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from . import profiling
from .ingest import DATELINE

SHINGLE_WORDS = 3
NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # uint32 hash values: 512 bytes a signature
LSH_THRESHOLD = 0.3  # candidates: share a band (tuned by datasketch for this Jaccard)
COPY_JACCARD = 0.35
COPY_CONTAINMENT = 0.5

WORD = re.compile(r"\w+")


# ---------------------------------------------------------------- signatures and bands

@dataclass(frozen=True, slots=True)
class Signature:
    """A MinHash signature (uint32 hash values as bytes) and the number of shingles it summarises."""

    hashvalues: bytes
    n_shingles: int

    def values(self) -> np.ndarray:
        return np.frombuffer(self.hashvalues, dtype=np.uint32)


@functools.lru_cache(maxsize=1)
def _lsh() -> MinHashLSH:
    """Only for its banding: the (b, r) datasketch finds best for LSH_THRESHOLD, and the band ranges."""
    return MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)


@functools.lru_cache(maxsize=1)
def _permutations():
    return MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME).permutations


def shingles(text: str) -> set[bytes]:
    """Word 3-shingles of the text after its wire dateline, lower-cased, punctuation dropped."""
    match = DATELINE.match(text)
    if match:
        text = text[match.end():]
    words = WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


def signature(text: str) -> Signature:
    t0 = profiling.start()
    sig = _signature(text)
    profiling.lap("signature", t0)
    return sig


def _signature(text: str) -> Signature:
    grams = shingles(text)
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, permutations=_permutations())
    if grams:
        minhash.update_batch(list(grams))
    return Signature(minhash.hashvalues.astype(np.uint32).tobytes(), len(grams))


def band_keys(sig: Signature) -> list[int]:
    """One signed 64-bit key per LSH band (the band's number is hashed in, so keys never collide
    across bands). An article with no shingles has no bands: it cannot be anyone's copy."""
    if sig.n_shingles == 0:
        return []
    values = sig.values()
    keys = []
    for number, (start, end) in enumerate(_lsh().hashranges):
        digest = hashlib.blake2b(number.to_bytes(2, "little") + values[start:end].tobytes(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def similarity(a: Signature, b: Signature) -> tuple[float, float]:
    """(estimated Jaccard similarity, estimated share of the smaller shingle set found in the other)."""
    if a.n_shingles == 0 or b.n_shingles == 0:
        return 0.0, 0.0
    jaccard = float(np.mean(a.values() == b.values()))
    # |A ∩ B| = J (|A| + |B|) / (1 + J)
    overlap = jaccard * (a.n_shingles + b.n_shingles) / (1 + jaccard)
    return jaccard, min(1.0, overlap / min(a.n_shingles, b.n_shingles))


def is_copy(a: Signature, b: Signature) -> bool:
    jaccard, containment = similarity(a, b)
    return jaccard >= COPY_JACCARD or containment >= COPY_CONTAINMENT


# ---------------------------------------------------------------- which article is the original

@dataclass(frozen=True, slots=True)
class ArticleRef:
    id: str
    published: dt.date | None
    ingested_at: dt.datetime
    copy_of: str | None = None


def original_order(ref: ArticleRef) -> tuple:
    """Sort key: the earliest publication date first (undated last), then the first stored."""
    return (ref.published is None, ref.published or dt.date.max, ref.ingested_at, ref.id)


def earliest(refs: Iterable[ArticleRef]) -> ArticleRef:
    return min(refs, key=original_order)


# ---------------------------------------------------------------- event clusters

PRECISION_RANK = {"day": 0, "publication": 1, "week": 2, "month": 3, "year": 4}
PUBLICATION_LAG_DAYS = 3  # an act reported with no date of its own happened up to this long before publication
SLACK_DAYS = 1  # dates one day apart may be the same act (time zones, overnight strikes, late reports)
FAR = 10 ** 6  # distance given to a pair whose dates cannot be compared (compatible, but least preferred)


def date_span(date: dt.date | None, precision: str | None) -> tuple[dt.date, dt.date] | None:
    """The days an event date with this precision stands for (dates.py gives the period's first day):
    a day; the week from its Monday; the month; the year; for a date taken from the publication date,
    the few days up to it. None: no date at all."""
    if date is None:
        return None
    if precision == "week":
        return date, date + dt.timedelta(days=6)
    if precision == "month":
        following = (date.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return date, following - dt.timedelta(days=1)
    if precision == "year":
        return date, date.replace(month=12, day=31)
    if precision == "publication":
        return date - dt.timedelta(days=PUBLICATION_LAG_DAYS), date
    return date, date  # day, and anything unknown


def block_key(event_type: str, factuality: str, source_country: str | None, target_country: str | None) -> str:
    """The blocking key: only events with the same key are ever compared."""
    return f"{event_type}|{factuality}|{source_country or '-'}|{target_country or '-'}"


@dataclass(frozen=True, slots=True)
class EventKey:
    """What clustering looks at in one event."""

    id: str
    block: str
    event_date: dt.date | None
    date_precision: str | None
    location_country: str | None
    published: dt.date | None  # the article's publication date, for events with no date

    def when(self) -> tuple[dt.date | None, str | None]:
        """The date used for matching and its precision (an undated event takes its article's
        publication date, as dates.py does)."""
        if self.event_date is not None:
            return self.event_date, (self.date_precision if self.date_precision in PRECISION_RANK else "day")
        if self.published is not None:
            return self.published, "publication"
        return None, None


@dataclass(slots=True)
class ClusterState:
    id: str
    block: str
    anchor_date: dt.date | None
    anchor_precision: str | None
    location_country: str | None
    new: bool = False
    changed: bool = False


def cluster_id(block: str, founding_event_id: str) -> str:
    return "c" + hashlib.sha1(f"{block}\n{founding_event_id}".encode()).hexdigest()[:19]


def _distance(date: dt.date | None, precision: str | None, cluster: ClusterState) -> int | None:
    """How far the event's dates are from the cluster's anchor: None when incompatible (their spans
    are more than SLACK_DAYS apart), else the days between their middles; FAR when either has no
    date (compatible with anything)."""
    mine = date_span(date, precision)
    theirs = date_span(cluster.anchor_date, cluster.anchor_precision)
    if mine is None or theirs is None:
        return FAR
    if (mine[0] - theirs[1]).days > SLACK_DAYS or (theirs[0] - mine[1]).days > SLACK_DAYS:
        return None
    return abs((mine[0] - theirs[0]).days + (mine[1] - theirs[1]).days) // 2


class Clusterer:
    """Assigns events to the clusters of their block, founding new clusters when none fits.

    Built from the clusters already stored for the blocks at hand; `new` and `changed` then say what
    to write back."""

    def __init__(self, existing: Iterable[ClusterState] = ()):
        self.by_block: dict[str, list[ClusterState]] = defaultdict(list)
        for cluster in existing:
            self.by_block[cluster.block].append(cluster)

    def assign(self, event: EventKey) -> ClusterState:
        date, precision = event.when()
        best, best_key = None, None
        for cluster in self.by_block[event.block]:
            if event.location_country and cluster.location_country \
                    and event.location_country != cluster.location_country:
                continue
            distance = _distance(date, precision, cluster)
            if distance is None:
                continue
            key = (distance, PRECISION_RANK.get(cluster.anchor_precision or "", 9), cluster.id)
            if best_key is None or key < best_key:
                best, best_key = cluster, key
        if best is None:
            best = ClusterState(cluster_id(event.block, event.id), event.block, date, precision,
                                event.location_country, new=True)
            self.by_block[event.block].append(best)
            return best
        # A finer date or a first known place sharpens the cluster; its id stays.
        if date is not None and (best.anchor_date is None or
                                 PRECISION_RANK[precision] < PRECISION_RANK.get(best.anchor_precision or "", 9)):
            best.anchor_date, best.anchor_precision, best.changed = date, precision, True
        if event.location_country and not best.location_country:
            best.location_country, best.changed = event.location_country, True
        return best

    def clusters(self) -> list[ClusterState]:
        return [c for clusters in self.by_block.values() for c in clusters]
