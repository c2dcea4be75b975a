"""Factuality of acts named by nouns: what is called for, negotiated, made a condition or braced for has not
happened; what is reported as begun or welcomed has. Real spaCy model, real cue lists (data/factuality.yaml)."""
import pytest

import flashpoint
from flashpoint import Factuality

JUNE_2025 = "2025-06-16"


def code(text, published=JUNE_2025):
    return flashpoint.code_article(text, published=published)


def of_type(text, event_type):
    return [e for e in code(text) if e.event_type == event_type]


@pytest.mark.parametrize("text, event_type", [
    ("Qatar called for the release of all hostages held by Hamas.", "CONCEDE"),
    ("The families pressed for the release of their relatives held in Gaza.", "CONCEDE"),
    ("Negotiations over an Israeli withdrawal from southern Lebanon resumed in Naqoura.", "RETREAT"),
    ("Egypt is mediating a deal for the release of Israeli captives in exchange for Palestinian prisoners.",
     "CONCEDE"),
    ("Hamas said the release of the remaining hostages depended on a full Israeli withdrawal.", "RETREAT"),
    ("Israel's withdrawal from the Philadelphi corridor is a precondition for any deal, Hamas said.", "RETREAT"),
])
def test_an_act_called_for_negotiated_or_made_a_condition_is_not_reported_as_done(text, event_type):
    assert not [e for e in of_type(text, event_type) if e.factuality is Factuality.ASSERTED]


def test_the_act_someone_calls_for_is_not_the_caller_s():
    assert not [e for e in code("Qatar called for the release of all hostages held by Hamas.")
                if e.event_type == "CONCEDE" and e.source.country == "QAT"]


def test_a_nominal_act_that_is_reported_as_done_stays_asserted():
    [release] = of_type("Israel's release of 90 Palestinian prisoners on Sunday was welcomed by Hamas.", "CONCEDE")
    assert release.factuality is Factuality.ASSERTED
    assert (release.source.country, release.target.country) == ("ISR", "PSE")


@pytest.mark.parametrize("text, event_type", [
    ('Israeli Defence Minister Israel Katz threatened on Monday to "eliminate" Houthi leader Abdul-Malik al-Houthi.',
     "ASSAULT"),
    ("Houthi leader Abdul-Malik al-Houthi vowed in a speech on Thursday to keep firing missiles at Israel.", "ASSAULT"),
])
def test_an_intention_stays_planned_when_the_parser_makes_it_an_adjunct(text, event_type):
    assert {e.factuality for e in of_type(text, event_type)} == {Factuality.PLANNED}


def test_what_a_future_or_refused_act_waits_for_has_not_happened():
    events = code("Netanyahu's office said aid would not be allowed in until Hamas accepted a U.S. proposal to extend "
                  "the truce.")
    assert not [e for e in events if e.event_type == "AGREE" and e.factuality is Factuality.ASSERTED]


def test_what_a_past_act_went_on_until_did_happen():
    [agree] = of_type("Israel kept bombing the city until Hamas agreed to a truce with Israel.", "AGREE")
    assert agree.factuality is Factuality.ASSERTED


@pytest.mark.parametrize("text, event_type", [
    ("Secretary-General Antonio Guterres demanded their immediate release.", "CONCEDE"),
    ("Trump has ordered the withdrawal of all 2,000 U.S. troops from Syria, U.S. officials said.", "RETREAT"),
])
def test_an_act_demanded_or_a_troop_movement_ordered_is_not_yet_done(text, event_type):
    assert not [e for e in of_type(text, event_type) if e.factuality is Factuality.ASSERTED]


def test_pressing_on_with_one_s_own_campaign_is_doing_it():
    events = code("The Pentagon is sending a carrier to the Middle East as Washington presses its air campaign against "
                  "the Houthis in Yemen.")
    assert [e for e in events if e.event_type == "ASSAULT" and e.factuality is Factuality.ASSERTED]


def test_each_side_frees_the_other_side_s_people_not_the_host_s():
    events = code("Russia and Ukraine each freed 390 soldiers and civilians on Friday in the first stage of an exchange "
                  "the two sides agreed at talks in Istanbul.")
    pairs = {(e.source.country, e.target.country if e.target else None) for e in events if e.event_type == "CONCEDE"}
    assert pairs == {("RUS", "UKR"), ("UKR", "RUS")}


def test_captives_handed_to_the_red_cross_are_released_to_their_country():
    [release] = of_type("Hamas handed three Israeli hostages to the Red Cross in Gaza City on Sunday.", "CONCEDE")
    assert (release.source.country, release.target.country) == ("PSE", "ISR")


@pytest.mark.parametrize("text, event_type", [
    ("Iran's parliament backed a measure on Sunday to close the Strait of Hormuz.", "COERCE"),
    ("The Biden administration has given Ukraine permission to use American missiles to strike deep inside Russia.",
     "ASSAULT"),
])
def test_what_a_measure_or_a_permission_is_for_has_not_happened(text, event_type):
    assert not [e for e in of_type(text, event_type) if e.factuality is Factuality.ASSERTED]


def test_a_decision_someone_called_names_is_still_called_so():
    events = code("The International Criminal Court issued arrest warrants for Netanyahu, a decision the prime minister "
                  "called antisemitic.", published="2024-11-21")
    assert [e for e in events if e.event_type == "ACCUSE" and e.source.country == "ISR"
            and e.factuality is Factuality.ASSERTED]


def test_ready_to_act_is_hypothetical_and_its_subject_acts():
    [strike] = of_type("Israel's army chief said the military was ready to strike Iran again.", "ASSAULT")
    assert strike.source.country == "ISR" and strike.factuality is Factuality.HYPOTHETICAL


def test_neither_nor_subjects_did_not_act():
    accepted = of_type("Neither Israel nor Hamas has formally accepted Egypt's latest truce proposal.", "AGREE")
    assert {(e.source.country, e.factuality) for e in accepted} == {("ISR", Factuality.NEGATED),
                                                                    ("PSE", Factuality.NEGATED)}


def test_a_negative_subject_elsewhere_in_the_sentence_does_not_undo_the_act():
    events = code("The officials said no decision had been made on joining Israel's strikes on Iran.")
    assert [e.factuality for e in events if e.event_type == "ASSAULT" and e.source.country == "ISR"] == \
        [Factuality.ASSERTED]


@pytest.mark.parametrize("text, expected", [
    ("Israel did not hesitate to strike the port of Hodeidah after the drone attack on Tel Aviv.", Factuality.ASSERTED),
    ("Israel will not hesitate to strike the port of Hodeidah again, Katz said.", Factuality.PLANNED),
])
def test_not_hesitating_is_doing_it_in_the_past_and_a_promise_in_the_future(text, expected):
    assert {e.factuality for e in of_type(text, "ASSAULT") if e.source.country == "ISR"} == {expected}


def test_what_any_troops_sent_would_face_is_no_deployment():
    events = code("Medvedev warned that any troops Britain sent to Ukraine as peacekeepers would become legitimate "
                  "targets.")
    assert not [e for e in events if e.event_type == "MOBILIZE" and e.factuality is Factuality.ASSERTED]


@pytest.mark.parametrize("text, event_type, expected", [
    ("Netanyahu rejected Hamas's terms for freeing the hostages, which include a full withdrawal of Israeli forces "
     "from Gaza.", "RETREAT", Factuality.PLANNED),
    ("Macron said France would bring home its ambassador and withdraw its troops from Niger.", "RETREAT",
     Factuality.PLANNED),
    ("Khamenei has ordered a direct attack on Israel, three Iranian officials said.", "ASSAULT", Factuality.PLANNED),
    ("Washington will announce new sanctions on Russian companies later this week.", "SANCTION", Factuality.PLANNED),
    ("Under the deal, Israeli troops are to pull out of southern Lebanon as the Lebanese army deploys to the border.",
     "MOBILIZE", Factuality.PLANNED),
])
def test_acts_in_terms_orders_announcements_and_shared_futures_are_still_to_come(text, event_type, expected):
    assert {e.factuality for e in of_type(text, event_type)} == {expected}


def test_an_attack_ordered_and_already_told_is_done():
    events = of_type("Israel struck Beirut on Friday. Netanyahu said he had ordered the attack on Hezbollah's "
                     "headquarters.", "ASSAULT")
    assert Factuality.PLANNED not in {e.factuality for e in events}


@pytest.mark.parametrize("text, event_type", [
    ("Hamas said it would free the hostages provided that Israel halts its strikes.", "RETREAT"),
    ("Hamas said it would free the hostages provided that Israel halts its strikes.", "CONCEDE"),
    ("Iran would resume enrichment talks as long as the United States lifts sanctions.", "CONCEDE"),
    ("Hezbollah would hand its weapons to the army on condition that Israel withdraws from the five hilltops.",
     "RETREAT"),
    ("Ukraine's navy said its sea drones had sunk a Russian landing ship, but withdrew the statement hours later.",
     "ASSAULT"),
])
def test_conditions_in_several_words_and_retracted_claims_are_hypothetical(text, event_type):
    assert {e.factuality for e in of_type(text, event_type)} == {Factuality.HYPOTHETICAL}


def test_what_goes_on_as_long_as_a_condition_holds_is_going_on():
    events = of_type("Qassem said the group would not hand over its arms as long as Israel kept up its attacks on "
                     "Lebanon.", "ASSAULT")
    assert [e.factuality for e in events if e.source.country == "ISR"] == [Factuality.ASSERTED]
