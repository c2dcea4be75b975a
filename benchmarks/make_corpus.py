"""A realistic benchmark corpus with no near-duplicates: wire-length articles recombined from sentences.

    python benchmarks/make_corpus.py 4000 /tmp/corpus.jsonl            # 4,000 articles of ~600 words
    python benchmarks/make_corpus.py 2000 /tmp/c.jsonl --words 400 --days 30 --seed 2

The sentence pool is every sentence of the articles in examples/ (datelines dropped) and every text of
gold/dev.jsonl and gold/dev2.jsonl (never the held-out test set): about 700 sentences on ~25 conflicts
and crises. Each article draws its sentences at random (without replacement inside the article) until
it has `--words` words (±15%), grouped 2-4 a paragraph, behind a wire dateline with one of 24 places, a
publication date spread over `--days` days and one of 40 outlets. Two articles share about 1.5 of
their ~25 sentences on average, far below what the copy detector calls a rewrite (≥ 35% estimated
Jaccard of word 3-shingles, or ≥ 50% containment), so almost every article is stored as an original
and corroboration has to block by dyad and date rather than by copy. The output is JSONL (id, title,
text, published, outlet, url): one file, or several of `--per-file` records (ingest rejects files
over 5 MB) when the name contains `{part}`.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flashpoint.ingest import DATELINE, InputError, read_inputs  # noqa: E402

SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")
PLACES = ["JERUSALEM", "TEHRAN", "BEIRUT", "WASHINGTON", "DUBAI", "CAIRO", "DOHA", "GENEVA", "MOSCOW", "KYIV",
          "LONDON", "PARIS", "BRUSSELS", "ANKARA", "BAGHDAD", "DAMASCUS", "RIYADH", "AMMAN", "MUSCAT", "SANAA",
          "ISLAMABAD", "NEW DELHI", "BEIJING", "UNITED NATIONS"]
OUTLETS = [f"{a} {b}" for a in ("Meridian", "Harbor", "Northern", "Capital", "Atlas", "Coastal", "Summit", "Delta")
           for b in ("Wire", "Post", "Times", "Herald", "Daily")]


def sentence_pool() -> list[str]:
    pool: list[str] = []
    for item in read_inputs([str(ROOT / "examples")]):
        if isinstance(item, InputError):
            continue
        match = DATELINE.match(item.text)
        body = item.text[match.end():] if match else item.text
        for paragraph in body.split("\n"):
            pool.extend(s.strip() for s in SENTENCE_END.split(paragraph) if len(s.split()) >= 5)
    for name in ("dev.jsonl", "dev2.jsonl"):
        for line in (ROOT / "gold" / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                pool.extend(s.strip() for s in SENTENCE_END.split(json.loads(line)["text"]) if len(s.split()) >= 5)
    return sorted(set(pool))


def articles(n: int, words: int = 600, days: int = 90, seed: int = 1, start: dt.date = dt.date(2025, 3, 1)):
    rng = random.Random(seed)
    pool = sentence_pool()
    for i in range(n):
        target = int(words * rng.uniform(0.85, 1.15))
        order = rng.sample(range(len(pool)), len(pool))
        chosen, count = [], 0
        for j in order:
            chosen.append(pool[j])
            count += len(pool[j].split())
            if count >= target:
                break
        paragraphs, k = [], 0
        while k < len(chosen):
            size = rng.randint(2, 4)
            paragraphs.append(" ".join(chosen[k:k + size]))
            k += size
        published = start + dt.timedelta(days=rng.randrange(days))
        outlet = rng.choice(OUTLETS)
        place = rng.choice(PLACES)
        text = f"{place}, {published:%B} {published.day}, {published.year} ({outlet}) — " + "\n\n".join(paragraphs)
        title = " ".join(chosen[0].split()[:9]).rstrip(",.;:")
        slug = re.sub(r"[^a-z]", "", outlet.lower())
        yield {"id": f"synth-{i:06d}", "title": title, "text": text, "published": published.isoformat(),
               "outlet": outlet, "url": f"https://{slug}.example/{published:%Y/%m/%d}/{i}"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out", help="output .jsonl (with {part} in the name: files of --per-file records)")
    parser.add_argument("--words", type=int, default=600, help="words an article (±15%%)")
    parser.add_argument("--days", type=int, default=90, help="publication dates spread over this many days")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-file", type=int, default=250)
    args = parser.parse_args(argv)
    records = articles(args.n, args.words, args.days, args.seed)
    if "{part}" not in args.out:
        with open(args.out, "w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        return 0
    handle, part = None, 0
    for i, record in enumerate(records):
        if i % args.per_file == 0:
            if handle:
                handle.close()
            handle = open(args.out.format(part=f"{part:04d}"), "w", encoding="utf-8")
            part += 1
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    if handle:
        handle.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
