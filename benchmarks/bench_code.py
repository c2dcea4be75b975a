"""How long flashpoint takes to code a corpus, next to the bare spaCy parse of the same texts.

    python benchmarks/bench_code.py                      # the articles in examples/
    python benchmarks/bench_code.py corpus/ --limit 50   # a folder, or a .jsonl file
    python benchmarks/bench_code.py --repeat 10          # the corpus 10 times over

The model and flashpoint's dictionaries are warmed up first, so loading is not counted.
The code/parse ratio is what flashpoint adds on top of spaCy (language check, actors, events).
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

from flashpoint import nlp as nlp_stage
from flashpoint.ingest import InputError, read_inputs
from flashpoint.pipeline import code_articles

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", default=[str(EXAMPLES)], help="folders, files or .jsonl (default: examples/)")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    parser.add_argument("--repeat", type=int, default=1, help="repeat the corpus K times")
    parser.add_argument("--batch-size", type=int, default=16, help="articles per nlp.pipe batch, for both timings")
    args = parser.parse_args(argv)

    articles = []
    for item in read_inputs(args.inputs):
        if isinstance(item, InputError):
            print(f"skipped {item}", file=sys.stderr)
        else:
            articles.append(item)
    articles = articles[: args.limit] if args.limit else articles
    if not articles:
        print("no articles to benchmark", file=sys.stderr)
        return 1
    corpus = [dataclasses.replace(a, id=f"{a.id}#{k}") for k in range(max(1, args.repeat)) for a in articles]
    texts = [a.text for a in corpus]
    words = sum(len(t.split()) for t in texts)
    chars = sum(len(t) for t in texts)

    # Warm-up: load the model, and let code_articles load its dictionaries and the language profiles.
    t0 = time.perf_counter()
    nlp = nlp_stage.load()
    list(code_articles(corpus[:1]))
    warmup = time.perf_counter() - t0

    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=args.batch_size):
        pass
    parse = time.perf_counter() - t0

    t0 = time.perf_counter()
    events = sum(len(coded.events) for coded in code_articles(corpus, batch_size=args.batch_size))
    code = time.perf_counter() - t0

    print(f"model          {nlp_stage.MODEL} (spaCy pipes: {', '.join(nlp.pipe_names)}); "
          f"batch size {args.batch_size}")
    print(f"corpus         {len(corpus)} articles ({len(articles)} distinct x {max(1, args.repeat)}), "
          f"{words:,} words, {chars:,} chars")
    print(f"warm-up        {warmup:8.3f} s  (not counted below)")
    print(f"spaCy parse    {parse:8.3f} s  {len(corpus) / parse:8.1f} articles/s  {words / parse:10,.0f} words/s")
    print(f"flashpoint     {code:8.3f} s  {len(corpus) / code:8.1f} articles/s  {words / code:10,.0f} words/s"
          f"  ({events} events)")
    print(f"code/parse     {code / parse:8.2f} x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
