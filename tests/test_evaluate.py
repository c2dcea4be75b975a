"""The scorer counts what it says it counts: matches on (source, target, type) over asserted events,
wildcard targets, trap violations and claimant agreement."""
from flashpoint.evaluate import GoldEvent, GoldItem, Report, claimant_agrees, score_item
from flashpoint.records import Actor, Attribution, Event, Factuality, Span


def event(source, target, event_type, factuality=Factuality.ASSERTED, claimant=None):
    return Event(article_id="t", event_type=event_type, source=Actor(source, source),
                 target=Actor(target, target) if target else None, factuality=factuality,
                 evidence=Span("s", 0, 1), rule="test", confidence=0.5,
                 attribution=Attribution(claimant) if claimant else None)


def item(*events):
    return GoldItem("g1", "text", None, tuple(events))


def test_exact_match_is_a_true_positive():
    report = Report()
    score_item(item(GoldEvent("ISR", "IRN", "ASSAULT", "asserted", None)), [event("ISR", "IRN", "ASSAULT")], report)
    assert (report.per_type["ASSAULT"].tp, report.per_type["ASSAULT"].fp, report.per_type["ASSAULT"].fn) == (1, 0, 0)


def test_wrong_target_is_a_false_positive_and_a_miss():
    report = Report()
    score_item(item(GoldEvent("ISR", "IRN", "ASSAULT", "asserted", None)), [event("ISR", "LBN", "ASSAULT")], report)
    assert (report.per_type["ASSAULT"].tp, report.per_type["ASSAULT"].fp, report.per_type["ASSAULT"].fn) == (0, 1, 1)


def test_wildcard_target_matches_any_target_but_not_a_specific_one_first():
    report = Report()
    gold = item(GoldEvent("IRN", None, "THREATEN", "asserted", None), GoldEvent("IRN", "ISR", "THREATEN", "asserted", None))
    score_item(gold, [event("IRN", "ISR", "THREATEN"), event("IRN", None, "THREATEN")], report)
    assert report.per_type["THREATEN"].tp == 2 and report.per_type["THREATEN"].fp == 0


def test_non_asserted_predictions_do_not_count_as_asserted():
    report = Report()
    score_item(item(), [event("ISR", "IRN", "ASSAULT", Factuality.PLANNED)], report)
    assert report.per_type["ASSAULT"].fp == 0


def test_asserted_prediction_of_a_planned_gold_act_is_a_trap_violation():
    report = Report()
    score_item(item(GoldEvent("ISR", "IRN", "ASSAULT", "planned", None)), [event("ISR", "IRN", "ASSAULT")], report)
    assert report.traps == 1 and len(report.trap_violations) == 1


def test_factuality_agreement_is_counted_on_matched_events():
    report = Report()
    score_item(item(GoldEvent("ISR", "IRN", "ASSAULT", "planned", None)),
               [event("ISR", "IRN", "ASSAULT", Factuality.PLANNED)], report)
    assert report.to_dict()["factuality"]["accuracy"] == 1.0


def test_claimant_agreement_ignores_case_articles_and_extra_words():
    assert claimant_agrees("three U.S. officials", "Three U.S. officials")
    assert claimant_agrees("the Kremlin", "Kremlin")
    assert claimant_agrees("Iranian state media", "state media")
    assert not claimant_agrees("the Pentagon", "Iranian state media")
    assert claimant_agrees(None, None) and not claimant_agrees("Iran", None)


def test_attribution_accuracy_uses_the_matched_event():
    report = Report()
    score_item(item(GoldEvent("ISR", "IRN", "ASSAULT", "asserted", "two U.S. officials")),
               [event("ISR", "IRN", "ASSAULT", claimant="two U.S. officials")], report)
    assert report.to_dict()["attribution"]["claimed_accuracy"] == 1.0


def test_an_asserted_prediction_matching_another_gold_event_is_not_a_trap_violation():
    # "The Houthis sank the Eternity C ... and said they would keep targeting ships": the sinking is
    # asserted and right; the wildcard-target planned act is a different act.
    report = Report()
    gold = item(GoldEvent("YEM", "LBR", "ASSAULT", "asserted", None), GoldEvent("YEM", None, "ASSAULT", "planned", None))
    score_item(gold, [event("YEM", "LBR", "ASSAULT")], report)
    assert report.traps == 1 and report.trap_violations == []
    score_item(gold, [event("YEM", "LBR", "ASSAULT"), event("YEM", "ISR", "ASSAULT")], report)
    assert len(report.trap_violations) == 1  # an unmatched asserted act of that source and type still is one
