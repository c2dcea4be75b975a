"""The typed records that flow between pipeline stages.

Every stage takes and returns these; nothing passes dicts of dicts around.
`to_dict()` gives the JSON shape documented in the README.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum


class Factuality(str, Enum):
    """Did the act happen, according to the text?"""

    ASSERTED = "asserted"  # reported as done or happening
    NEGATED = "negated"  # reported as not done, or denied
    HYPOTHETICAL = "hypothetical"  # conditional, possible, predicted
    PLANNED = "planned"  # proposed, planned, intended, threatened, rejected

    def __str__(self) -> str:  # pragma: no cover - cosmetic
        return self.value


@dataclass(frozen=True, slots=True)
class Article:
    """One input document, after extraction, before any NLP."""

    id: str  # path or id as given by the user
    text: str
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor: country + sector, and the words it was found in."""

    text: str
    country: str | None  # ISO 3166-1 alpha-3, "IGO", "NGO" or None
    sector: str | None = None  # GOV, MIL, REB, ...
    name: str | None = None  # canonical name of a person or organisation
    org: str | None = None  # organisation code such as HEZ, IRGC, UNO

    @property
    def code(self) -> str | None:
        parts = [p for p in (self.country, self.sector, self.org) if p]
        if not parts:
            return None
        # Avoid "IGOIGOUNO": an IGO's sector repeats its country slot.
        if self.country == self.sector:
            parts = [self.country] + ([self.org] if self.org else [])
        return "".join(parts)

    def to_dict(self) -> dict:
        out = {"text": self.text, "code": self.code, "country": self.country, "sector": self.sector}
        if self.name:
            out["name"] = self.name
        return out


@dataclass(frozen=True, slots=True)
class Span:
    """Evidence: the sentence an event was read from, as character offsets into the article text."""

    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"sentence": self.sentence, "start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who the article says a claim comes from. None on an Event means the outlet asserts it itself."""

    claimant: str  # the words naming the source: "three U.S. officials"
    outlet: str | None = None  # the outlet they spoke to, when named: "CBS News"
    claimant_actor: Actor | None = None
    disputed_by: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        out: dict = {"claimant": self.claimant, "outlet": self.outlet}
        if self.claimant_actor is not None:
            out["claimant_code"] = self.claimant_actor.code
        if self.disputed_by:
            out["disputed_by"] = list(self.disputed_by)
        return out


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened. A `kind` of "country" means only the country is known: its lat/lon is
    then an approximate centre (data/country_centroids.csv) or, failing that, the capital's."""

    name: str
    country: str | None  # ISO alpha-3
    lat: float | None = None
    lon: float | None = None
    kind: str | None = None  # city, site, district, region, sea, country

    def to_dict(self) -> dict:
        return {"name": self.name, "country": self.country, "lat": self.lat, "lon": self.lon, "kind": self.kind}


@dataclass(frozen=True, slots=True)
class Event:
    article_id: str
    event_type: str  # PLOVER type
    source: Actor
    target: Actor | None
    factuality: Factuality
    evidence: Span
    rule: str  # id of the verb pattern (data/verbs.yaml) that produced it
    confidence: float
    mode: str | None = None
    cameo_root: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    attribution: Attribution | None = None
    location: Place | None = None
    event_date: dt.date | None = None
    # day, week, month, year: how exactly the text dates the act (week: event_date is that week's Monday;
    # month: its 1st; year: 1 January); "publication": the text gives no date, event_date is the
    # publication date; None (with event_date None): neither the text nor the article gives one.
    date_precision: str | None = None
    trigger: str = ""  # the word that carried the act
    trigger_start: int = -1  # its character offset in the article text
    extras: dict = field(default_factory=dict, compare=False, hash=False)

    def target_dict(self) -> dict | None:
        if self.target is None:
            return None
        out = self.target.to_dict()
        if self.extras.get("target_from"):
            # not read from the clause but inferred (flashpoint/targets.py): sentence, place, home, context
            out["inferred_from"] = self.extras["target_from"]
        return out

    def to_dict(self) -> dict:
        return {
            "article": self.article_id,
            "event_type": self.event_type,
            "mode": self.mode,
            "cameo_root": self.cameo_root,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "source": self.source.to_dict(),
            "target": self.target_dict(),
            "factuality": self.factuality.value,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "location": self.location.to_dict() if self.location else None,
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "date_precision": self.date_precision,
            "trigger": self.trigger,
            "trigger_start": self.trigger_start,
            "evidence": self.evidence.to_dict(),
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class Coded:
    """An article with the events coded from it, and why it has none when it was skipped."""

    article: Article
    events: list[Event]
    warning: str | None = None
    error: str | None = None  # the coder failed on this text (a bug): no events, the other articles go on
