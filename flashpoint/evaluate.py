"""Score the coder against a gold file: precision/recall/F1 by event type, factuality, attribution.

Gold lines: {"id": ..., "text": ..., "published": ..., "events": [{"source": "USA", "target": "IRN",
"type": "THREATEN", "factuality": "asserted", "claimant": null}]}. Countries are ISO alpha-3, IGO or
NGO; a gold target of "*" (or null) matches any predicted target.

- type scores: (source country, target country, type) over *asserted* events, per item, micro and
  macro averaged; the same on (source country, type) alone (`any_target`) tells errors of the act
  and its author from errors of the target;
- factuality: of the gold events (any factuality) the coder found with the same source, target and
  type, the share whose factuality agrees; plus the trap count: gold acts that are NOT asserted but
  came out asserted (the errors that matter most);
- attribution: of the matched gold events, the share whose claimant agrees (both none, or the same
  words up to case, articles and one containing the other).
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .ingest import as_date
from .pipeline import code_articles
from .records import Article, Event

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
FACTUALITIES = ("asserted", "negated", "hypothetical", "planned")
WILDCARD = {"*", None, ""}


@dataclass(frozen=True, slots=True)
class GoldEvent:
    source: str | None
    target: str | None  # None = any
    type: str
    factuality: str
    claimant: str | None


@dataclass(frozen=True, slots=True)
class GoldItem:
    id: str
    text: str
    published: str | None
    events: tuple[GoldEvent, ...]
    tags: tuple[str, ...] = ()


def load_gold(path: str | Path) -> list[GoldItem]:
    items = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                events = tuple(
                    GoldEvent(e.get("source"), None if e.get("target") in WILDCARD else e["target"],
                              str(e["type"]).upper(), str(e.get("factuality") or "asserted").lower(),
                              e.get("claimant") or None)
                    for e in raw.get("events", [])
                )
                items.append(GoldItem(str(raw.get("id", number)), raw["text"], raw.get("published"), events,
                                      tuple(raw.get("tags", []))))
            except (KeyError, TypeError, ValueError) as exc:
                raise ValueError(f"{path}:{number}: not a gold record ({exc})") from None
    return items


def norm_claimant(text: str | None) -> str:
    text = (text or "").lower()
    text = re.sub(r"^(the|a|an)\s+", "", text.strip())
    return re.sub(r"[^\w ]+", "", text).strip()


def claimant_agrees(gold: str | None, predicted: str | None) -> bool:
    g, p = norm_claimant(gold), norm_claimant(predicted)
    if not g or not p:
        return not g and not p
    return g == p or g in p or p in g


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def scores(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": self.tp, "fp": self.fp,
                "fn": self.fn, "support": self.tp + self.fn}


@dataclass
class Report:
    per_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})
    factuality_pairs: Counter = field(default_factory=Counter)  # (gold, predicted)
    unmatched_by_factuality: Counter = field(default_factory=Counter)
    attribution_matched: int = 0
    attribution_agree: int = 0
    attribution_claimed: int = 0  # matched gold events with a claimant
    attribution_claimed_agree: int = 0
    # the same matching on (source country, type) alone: how much of the error is the target
    per_type_any_target: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})
    traps: int = 0
    trap_violations: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    failed: list = field(default_factory=list)  # items the coder could not code at all (scored as no events)
    items: int = 0

    def to_dict(self) -> dict:
        micro = Counts(sum(c.tp for c in self.per_type.values()), sum(c.fp for c in self.per_type.values()),
                       sum(c.fn for c in self.per_type.values()))
        per_type = {t: c.scores() for t, c in self.per_type.items()}
        active = [s["f1"] for s in per_type.values() if s["support"] or s["fp"]]
        fact_total = sum(self.factuality_pairs.values())
        fact_ok = sum(n for (g, p), n in self.factuality_pairs.items() if g == p)
        loose = Counts(sum(c.tp for c in self.per_type_any_target.values()),
                       sum(c.fp for c in self.per_type_any_target.values()),
                       sum(c.fn for c in self.per_type_any_target.values()))
        return {
            "items": self.items,
            "failed": len(self.failed),
            "overall": {**micro.scores(), "macro_f1": round(sum(active) / len(active), 3) if active else 0.0},
            "per_type": per_type,
            "any_target": {"overall": loose.scores(),
                           "per_type": {t: c.scores() for t, c in self.per_type_any_target.items()}},
            "factuality": {
                "matched": fact_total,
                "accuracy": round(fact_ok / fact_total, 3) if fact_total else None,
                "confusion": {f"{g}->{p}": n for (g, p), n in sorted(self.factuality_pairs.items())},
                "gold_not_found": dict(self.unmatched_by_factuality),
                "traps": self.traps,
                "trap_violations": len(self.trap_violations),
            },
            "attribution": {
                "matched": self.attribution_matched,
                "accuracy": round(self.attribution_agree / self.attribution_matched, 3)
                if self.attribution_matched else None,
                "claimed": self.attribution_claimed,
                "claimed_accuracy": round(self.attribution_claimed_agree / self.attribution_claimed, 3)
                if self.attribution_claimed else None,
            },
        }


def key(event: Event) -> tuple:
    return (event.source.country, event.target.country if event.target else None, event.event_type)


def score_item(item: GoldItem, predicted: list[Event], report: Report) -> None:
    report.items += 1
    asserted = {}
    for event in predicted:
        if event.factuality.value == "asserted":
            asserted.setdefault(key(event), event)
    pred_keys = list(asserted)
    gold_asserted = [g for g in item.events if g.factuality == "asserted"]
    # Match exact targets first, then wildcards, so "*" never steals a specific match.
    remaining = list(pred_keys)
    missed = []
    for gold in sorted(gold_asserted, key=lambda g: g.target is None):
        hit = next((k for k in remaining if k[0] == gold.source and k[2] == gold.type and
                    (gold.target is None or k[1] == gold.target)), None)
        if hit is None:
            report.per_type[gold.type].fn += 1
            missed.append(gold)
        else:
            report.per_type[gold.type].tp += 1
            remaining.remove(hit)
    matched = set(pred_keys) - set(remaining)  # asserted predictions that are some gold asserted event
    # (source, type) only: does the coder see the act and its author, whoever it names as the target?
    loose_pred = Counter((k[0], k[2]) for k in pred_keys)
    loose_gold = Counter((g.source, g.type) for g in gold_asserted)
    for (source, kind), n in (loose_gold | loose_pred).items():
        if kind in report.per_type_any_target:
            both = min(loose_gold[(source, kind)], loose_pred[(source, kind)])
            counts = report.per_type_any_target[kind]
            counts.tp += both
            counts.fn += loose_gold[(source, kind)] - both
            counts.fp += loose_pred[(source, kind)] - both
    extra = []
    for k in remaining:
        if k[2] in report.per_type:
            report.per_type[k[2]].fp += 1
            extra.append(k)
    # Factuality and attribution over every gold event the coder found (any factuality).
    for gold in item.events:
        candidates = [e for e in predicted if e.source.country == gold.source and e.event_type == gold.type and
                      (gold.target is None or (e.target is not None and e.target.country == gold.target))]
        if gold.factuality != "asserted":
            report.traps += 1
            # (an asserted prediction that matched another gold asserted event is that event, not the trap)
            if any(e.factuality.value == "asserted" and key(e) not in matched for e in candidates) and not any(
                    g.factuality == "asserted" and g.source == gold.source and g.type == gold.type and
                    g.target == gold.target for g in item.events):
                report.trap_violations.append((item.id, gold))
                report.errors.append({"id": item.id, "kind": "trap", "gold": [gold.source, gold.target, gold.type],
                                      "factuality": gold.factuality})
        if not candidates:
            report.unmatched_by_factuality[gold.factuality] += 1
            continue
        best = next((e for e in candidates if e.factuality.value == gold.factuality), candidates[0])
        report.factuality_pairs[(gold.factuality, best.factuality.value)] += 1
        claimant = best.attribution.claimant if best.attribution else None
        report.attribution_matched += 1
        agree = claimant_agrees(gold.claimant, claimant)
        report.attribution_agree += agree
        if gold.claimant:
            report.attribution_claimed += 1
            report.attribution_claimed_agree += agree
        if not agree:
            report.errors.append({"id": item.id, "kind": "attribution", "gold": gold.claimant, "predicted": claimant})
    for gold in missed:
        report.errors.append({"id": item.id, "kind": "missed", "gold": [gold.source, gold.target, gold.type]})
    for k in extra:
        report.errors.append({"id": item.id, "kind": "extra", "predicted": list(k)})


def evaluate(path: str | Path) -> Report:
    items = load_gold(path)
    articles = [Article(id=item.id, text=item.text, published=as_date(item.published)) for item in items]
    report = Report()
    by_id = defaultdict(list)
    for coded in code_articles(articles, check_language=False):
        by_id[coded.article.id] = coded.events
        if coded.error:
            report.failed.append(coded.error)
    for item in items:
        score_item(item, by_id[item.id], report)
    return report
