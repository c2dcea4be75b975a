"""When events happened: `Event.event_date` and `date_precision`, resolved against the publication date.

One behaviour per test, with the real spaCy model. The article dates are fixed, never today's.
"""
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import flashpoint
from flashpoint import dates

TUESDAY = "2025-06-17"  # a Tuesday
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def dated(text, published=TUESDAY, event_type=None):
    events = flashpoint.code_article(text, published=published)
    if event_type:
        events = [e for e in events if e.event_type == event_type]
    assert events, f"no event coded from {text!r}"
    return events[0].event_date, events[0].date_precision


def test_weekday_is_the_most_recent_such_day_on_or_before_publication():
    assert dated("Israeli jets struck Natanz on Sunday.") == (dt.date(2025, 6, 15), "day")


def test_weekday_of_the_publication_day_is_that_day():
    assert dated("Israeli jets struck Natanz early on Tuesday.") == (dt.date(2025, 6, 17), "day")


def test_last_week_is_week_precision_from_that_weeks_monday():
    assert dated("Israeli jets struck Natanz last week.") == (dt.date(2025, 6, 9), "week")


def test_month_and_day_take_the_publication_year():
    assert dated("Israeli jets struck Natanz on June 13.") == (dt.date(2025, 6, 13), "day")


def test_a_full_date_is_taken_as_written():
    assert dated("Israeli jets struck Natanz on 13 June 2024.") == (dt.date(2024, 6, 13), "day")


def test_a_month_later_in_the_year_than_publication_is_last_years():
    assert dated("Israeli jets struck Natanz in March.", published="2025-02-10") == (dt.date(2024, 3, 1), "month")


def test_yesterday_is_the_day_before_publication():
    assert dated("Israeli jets struck Natanz yesterday.") == (dt.date(2025, 6, 16), "day")


def test_overnight_is_the_publication_day():
    assert dated("Israeli jets struck Natanz overnight.") == (dt.date(2025, 6, 17), "day")


def test_earlier_this_month_is_month_precision():
    assert dated("Israeli jets struck Natanz earlier this month.") == (dt.date(2025, 6, 1), "month")


def test_no_date_in_the_text_gives_the_publication_date_marked_as_such():
    assert dated("Israeli jets struck Natanz.") == (dt.date(2025, 6, 17), "publication")


def test_no_date_anywhere_leaves_both_empty():
    assert dated("Israeli jets struck Natanz on Sunday.", published=None) == (None, None)


def test_a_full_date_needs_no_publication_date():
    assert dated("Israeli jets struck Natanz on June 13, 2025.", published=None) == (dt.date(2025, 6, 13), "day")


def test_a_dateline_supplies_the_publication_date():
    text = "JERUSALEM, June 17, 2025 (Meridian Wire) — Israeli jets struck Natanz on Sunday."
    assert dated(text, published=None) == (dt.date(2025, 6, 15), "day")


def test_a_planned_meeting_on_a_weekday_is_the_coming_one():
    text = "Iran and the United States will hold talks in Muscat on Sunday."
    assert dated(text, event_type="CONSULT") == (dt.date(2025, 6, 22), "day")


def test_a_date_after_since_is_not_the_acts_date():
    assert dated("Hezbollah has fired rockets at Israel since June 13.") == (dt.date(2025, 6, 17), "publication")


def test_a_date_of_another_act_in_a_subordinate_clause_is_not_this_acts_date():
    events = flashpoint.code_article("Israel struck Natanz after Iran fired missiles on Sunday.", published=TUESDAY)
    [strike] = [e for e in events if e.source.country == "ISR"]
    assert strike.date_precision == "publication"


def test_each_act_takes_the_date_of_its_own_clause():
    events = flashpoint.code_article("Israel struck Natanz on Friday, and Iran fired missiles at Haifa on Sunday.",
                                     published=TUESDAY)
    by_source = {e.source.country: e.event_date for e in events}
    assert by_source == {"ISR": dt.date(2025, 6, 13), "IRN": dt.date(2025, 6, 15)}


def test_event_date_is_in_the_json_output():
    event = flashpoint.code_article("Israeli jets struck Natanz on Sunday.", published=TUESDAY)[0]
    assert (event.to_dict()["event_date"], event.to_dict()["date_precision"]) == ("2025-06-15", "day")


@settings(max_examples=40, deadline=None)
@given(published=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2035, 12, 31)),
       weekday=st.sampled_from(WEEKDAYS))
def test_a_weekday_resolves_within_the_week_up_to_publication(published, weekday):
    date, precision = dated(f"Israeli jets struck Natanz on {weekday}.", published=published)
    assert precision == "day"
    assert 0 <= (published - date).days <= 6
    assert WEEKDAYS[date.weekday()] == weekday


@given(published=st.dates(), weekday=st.integers(min_value=0, max_value=6))
def test_weekday_resolution_never_looks_past_publication_or_back_a_week(published, weekday):
    try:
        date = dates.weekday_on_or_before(published, weekday)
    except OverflowError:  # the first days of year 1
        return
    assert 0 <= (published - date).days <= 6 and date.weekday() == weekday
