"""How fast the dashboard answers with a large store: 50,000 events by default.

    python benchmarks/bench_dashboard.py                     # build (or reuse) a 50,000-event store, time the pages
    python benchmarks/bench_dashboard.py --events 10000 --repeat 10
    python benchmarks/bench_dashboard.py --db /tmp/big.duckdb --rebuild

The store is built through the real write path, `Store.add_article`, with synthetic articles and events
(no spaCy): 10 events an article, dyads among 14 countries (Israel–Iran the busiest), every PLOVER type
with its CAMEO root, Goldstein weight and QuadClass, all four factualities, dates over 180 days, 24
outlets, evidence sentences with true offsets into the article text. Articles are distinct (made-up
words around the actors), so the copy detector finds none, and same-day reports of the same act by
different outlets fall into one cluster (corroboration). The file is kept (default: under the system's temp dir, named by the
event count) and reused by later runs unless --rebuild.

Then each URL is fetched with FastAPI's TestClient (in process: no network, but the whole app: routing,
validation, DuckDB, Jinja2), once to warm up and --repeat times more; the median and the slowest are
printed in milliseconds.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

from flashpoint.datafiles import load_yaml
from flashpoint.records import Actor, Article, Attribution, Event, Factuality, Span
from flashpoint.store import Store

COUNTRIES = ["ISR", "IRN", "USA", "LBN", "YEM", "PSE", "SYR", "IRQ", "SAU", "QAT", "OMN", "JOR", "EGY", "RUS"]
WEIGHTS = [30, 28, 16, 10, 8, 8, 5, 4, 3, 3, 2, 2, 2, 2]
SECTORS = [None, "GOV", "MIL", "REB"]
VERBS = {"AGREE": "agreed with", "CONSULT": "held talks with", "SUPPORT": "backed", "CONCEDE": "released detainees to",
         "COOPERATE": "shared intelligence with", "AID": "sent aid to", "RETREAT": "withdrew from", "REQUEST": "urged",
         "ACCUSE": "accused", "REJECT": "rejected a proposal from", "THREATEN": "threatened", "PROTEST": "protested against",
         "SANCTION": "sanctioned", "MOBILIZE": "deployed forces against", "COERCE": "seized a vessel of",
         "ASSAULT": "struck"}
OUTLETS = [f"Bench Wire {i}" for i in range(24)]
START = dt.date(2025, 1, 1)
FILLER = ("officials said", "according to a statement", "witnesses reported", "the ministry said",
          "state media reported", "a spokesperson confirmed")
SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "da", "fe", "gu", "ha", "jo", "pe", "qu"]


def vocabulary(rng: random.Random, n: int = 4000) -> list[str]:
    """Made-up words: they keep the articles' word 3-shingles distinct, so the copy detector (MinHash
    LSH) finds no candidates, as in a corpus of different articles."""
    return sorted({"".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(n)})


def build(path: Path, n_events: int, per_article: int = 10, seed: int = 13) -> None:
    rng = random.Random(seed)
    words = vocabulary(rng)
    plover = load_yaml("plover.yaml")
    types = list(plover)
    factualities = [Factuality.ASSERTED] * 7 + [Factuality.PLANNED, Factuality.NEGATED, Factuality.HYPOTHETICAL]
    n_articles = (n_events + per_article - 1) // per_article
    started = time.perf_counter()
    with Store.open(path) as store:
        for i in range(n_articles):
            published = START + dt.timedelta(days=rng.randrange(180))
            outlet = rng.choice(OUTLETS)
            sentences, events = [], []
            offset = 0
            for j in range(min(per_article, n_events - i * per_article)):
                source, target = rng.choices(COUNTRIES, WEIGHTS, k=2)
                if source == target:
                    target = COUNTRIES[(COUNTRIES.index(source) + 1) % len(COUNTRIES)]
                event_type = rng.choice(types)
                info = plover[event_type]
                sector = rng.choice(SECTORS)
                source_actor = Actor(source, source, sector)
                target_actor = Actor(target, target, rng.choice(SECTORS))
                verb = VERBS[event_type]
                sentence = (f"{' '.join(rng.choices(words, k=4)).capitalize()}, {source} {verb} {target} "
                            f"{' '.join(rng.choices(words, k=6))}, {rng.choice(FILLER)}.")
                start = offset
                events.append(Event(
                    article_id=f"bench-{i:06d}", event_type=event_type, source=source_actor, target=target_actor,
                    factuality=rng.choice(factualities), evidence=Span(sentence, start, start + len(sentence)),
                    rule=f"{event_type.lower()}.bench", confidence=round(rng.uniform(0.5, 0.95), 2),
                    cameo_root=info["cameo_root"], goldstein=info["goldstein"], quad_class=info["quad_class"],
                    attribution=Attribution("officials", None) if rng.random() < 0.3 else None,
                    event_date=published - dt.timedelta(days=rng.choice([0, 0, 0, 1])), date_precision="day",
                    trigger=verb.split()[0], trigger_start=start + sentence.index(verb)))
                sentences.append(sentence)
                offset += len(sentence) + 1
            text = " ".join(sentences)
            store.add_article(Article(f"bench-{i:06d}", text, title=f"Bench article {i}", published=published,
                                      outlet=outlet, url=f"https://bench.example/{i}"), events)
            if (i + 1) % 500 == 0:
                rate = (i + 1) / (time.perf_counter() - started)
                print(f"  {i + 1}/{n_articles} articles stored ({rate:.0f} articles/s)", file=sys.stderr)
        counts = store.counts()
    print(f"built {path}: {counts['articles']} articles, {counts['events']} events, {counts['clusters']} clusters "
          f"({counts['corroborated']} with 2+ sources) in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def time_urls(path: Path, urls: list[str], repeat: int) -> list[tuple[str, int, float, float, int]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from flashpoint.web.app import create_app

    results = []
    with TestClient(create_app(path)) as client:
        for url in urls:
            first = client.get(url)
            times = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - t0) * 1000)
                assert response.status_code == first.status_code
            results.append((url, first.status_code, statistics.median(times), max(times), len(first.content)))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=50_000, help="events in the store (default 50,000)")
    parser.add_argument("--db", type=Path, help="the store file (default: in the temp dir, by event count)")
    parser.add_argument("--rebuild", action="store_true", help="build the store even if the file exists")
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per URL after one warm-up")
    args = parser.parse_args()
    path = args.db or Path(tempfile.gettempdir()) / f"flashpoint-bench-{args.events}.duckdb"
    if args.rebuild or not path.exists():
        for stale in (path, Path(f"{path}.wal")):
            stale.unlink(missing_ok=True)
        build(path, args.events)
    with Store.open(path, read_only=True) as store:
        counts = store.counts()
        some = next(store.events())
    urls = [
        "/events", "/events?offset=25000", "/events?type=ASSAULT", "/events?dyad=ISR-IRN&min_sources=2",
        "/events?since=2025-03-01&until=2025-03-31&factuality=asserted",
        "/api/events", "/api/events?limit=500", "/api/events?offset=49000", "/api/events?dyad=ISR-IRN&type=ASSAULT",
        f"/api/events/{some['id']}", f"/events/{some['id']}", f"/articles/{some['article_id']}",
        "/dyads/ISR-IRN", "/api/dyads/ISR-IRN/timeline", "/actors/ISR", "/", "/network", "/brief",
    ]
    print(f"{path}: {counts['events']} events, {counts['articles']} articles; TestClient, median and slowest of "
          f"{args.repeat} after a warm-up")
    print(f"{'url':<64} {'status':>6} {'median ms':>10} {'max ms':>8} {'bytes':>9}")
    for url, status, median, worst, size in time_urls(path, urls, args.repeat):
        print(f"{url:<64} {status:>6} {median:>10.1f} {worst:>8.1f} {size:>9}")


if __name__ == "__main__":
    main()
