"""Opt-in per-stage timing for benchmarks (benchmarks/throughput.py).

Off by default: every hook is then one attribute test and costs nothing measurable. A benchmark turns
it on in its own process, runs the pipeline, and reads `seconds` (stage -> accumulated wall seconds)
and `calls` (stage -> how many times it ran):

    from flashpoint import profiling
    profiling.enable()
    ...                      # code_articles, ingest
    print(profiling.seconds) # {"parse": ..., "actors": ..., "events": ..., "geo_time": ..., ...}

Stages: `parse` (spaCy, nlp.pipe), `language` (the English check), `actors` (ActorResolver),
`events` (extraction, factuality and attribution included), `geo_time` (places and dates),
`signature` (the MinHash of an article), `store` (Store.add_article as a whole) and, inside it,
`store.copies`, `store.clusters` and `store.refresh` (near-duplicate links, cluster assignment,
cluster recounts). Timings are per process: with ingest workers they stay in the workers.
"""
from __future__ import annotations

from collections import Counter
from time import perf_counter

enabled = False
seconds: Counter = Counter()
calls: Counter = Counter()


def enable(on: bool = True) -> None:
    global enabled
    enabled = on


def reset() -> None:
    seconds.clear()
    calls.clear()


def start() -> float:
    """A start time, or 0.0 when profiling is off."""
    return perf_counter() if enabled else 0.0


def lap(stage: str, since: float) -> float:
    """Add the time since `since` to `stage`; returns now (the next stage's start)."""
    if not enabled:
        return 0.0
    now = perf_counter()
    seconds[stage] += now - since
    calls[stage] += 1
    return now
