"""Negation, modality, conditionals and framing verbs -> Event.factuality.

The cue words live in data/factuality.yaml. `factuality_of(trigger)` walks from the word that carries
an act up through the words that govern it ("plans to strike", "denied that it struck", "warned that
any attack would ...") and returns the first framing it meets; reporting verbs ("said", "told") are
transparent.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from .datafiles import load_yaml
from spacy.tokens import Token

from .records import Factuality

DATA = Path(__file__).parent / "data"

# Dependency relations through which a governing word frames its dependent.
CLAUSAL = {"xcomp", "ccomp", "acl", "advcl", "relcl", "pcomp", "csubj", "csubjpass", "dobj", "pobj", "prep",
           "nsubj", "nsubjpass", "attr", "oprd", "acomp", "conj", "appos", "compound", "amod", "npadvmod", "dep",
           "parataxis", "poss", "agent", "dative"}
# A subject or object takes the factuality of its verb only through these relations.
ARGUMENT = {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "dative", "agent", "compound", "amod", "poss", "appos",
            "npadvmod", "oprd"}


@dataclass(frozen=True)
class Cues:
    negation: frozenset[str]
    modals: frozenset[str]
    future: frozenset[str]
    conditionals: frozenset[str]
    planned_verbs: frozenset[str]
    planned_complement_verbs: frozenset[str]
    planned_nouns: frozenset[str]
    planned_adjectives: frozenset[str]
    hypothetical_verbs: frozenset[str]
    hypothetical_nouns: frozenset[str]
    hypothetical_adjectives: frozenset[str]
    negated_verbs: frozenset[str]
    negated_nouns: frozenset[str]
    reporting: frozenset[str]
    goals: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset()
    conditions: frozenset[str] = frozenset()
    aims: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def cues() -> Cues:
    raw = load_yaml("factuality.yaml")
    f = lambda words: frozenset(str(w).lower() for w in (words or []))  # noqa: E731
    return Cues(
        f(raw["negation"]), f(raw["modals"]), f(raw.get("future")), f(raw["conditionals"]),
        f(raw["planned"]["verbs"]), f(raw["planned"].get("complement_verbs")), f(raw["planned"]["nouns"]), f(raw["planned"].get("adjectives")),
        f(raw["hypothetical"]["verbs"]), f(raw["hypothetical"]["nouns"]), f(raw["hypothetical"].get("adjectives")),
        f(raw["negated"]["verbs"]), f(raw["negated"].get("nouns")), f(raw["reporting"]),
        f(raw["planned"].get("goals")), f(raw["planned"].get("topics")), f(raw["hypothetical"].get("conditions")),
        f(raw["planned"].get("aims")),
    )


@functools.lru_cache(maxsize=1)
def derived_cues() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Unions of the cue lists that the rules below test often, built once: verbs that frame their object,
    nouns that frame what hangs on them, and the phrasal verbs ("rule out") the lists spell."""
    c = cues()
    framing = c.planned_verbs | c.negated_verbs | c.hypothetical_verbs | c.planned_complement_verbs | {"join", "demand"}
    framing_nouns = REQUEST_NOUNS | c.planned_nouns | c.hypothetical_nouns
    phrasal_cues = c.negated_verbs | c.planned_verbs
    return framing, framing_nouns, phrasal_cues


# word sets of the finer rules below, in data/factuality.yaml ("rules") so that an analyst can extend them
RULES = {key: frozenset(str(w).lower() for w in words) for key, words in load_yaml("factuality.yaml")["rules"].items()}
REJECTIONS, REFUSALS, DENIALS, CLAIMS = RULES["rejections"], RULES["refusals"], RULES["denials"], RULES["claims"]
ORDERS, ORDERED_ATTACKS, MOVEMENTS = RULES["orders"], RULES["ordered_attacks"], RULES["movements"]
CARRYING_OUT, SETTLING, CONTINUING = RULES["carrying_out"], RULES["settling"], RULES["continuing"]
RETRACTING, SPEAKING, ANNOUNCING = RULES["retracting"], RULES["speaking"], RULES["announcing"]
PRESUPPOSING, AWAITED, TOPIC_PREPS = RULES["presupposing"], RULES["awaited"], RULES["topic_preps"]
PROMISES, INTENDING, AGREEING, PENALTIES = RULES["promises"], RULES["intending"], RULES["agreeing"], RULES["penalties"]
VOTED_SPEECH, REACTING, CONTAINING = RULES["voted_speech"], RULES["reacting"], RULES["containing"]
REQUEST_NOUNS, REQUESTING, APPROVALS = RULES["request_nouns"], RULES["requesting"], RULES["approvals"]
DEFERRING, DROPPING, PROCEDURES = RULES["deferring"], RULES["dropping"], RULES["procedures"]
CONVERSATIONS, UNFULFILLED, MEETINGS = RULES["conversations"], RULES["unfulfilled"], RULES["meetings"]
MOTIONS, FAILING, DEFEATING = RULES["motions"], RULES["failing"], RULES["defeating"]
UNDER_FORCE, RESPONSES = RULES["under_force"], RULES["responses"]
CAUSING = RULES["causing"]
# a part in an act: "played no part in the attack", "denied any involvement in", "claimed responsibility for"
INVOLVEMENT = {"part", "role", "involvement", "hand", "participation", "responsibility"}
PAST_NEGATION = PRESUPPOSING | {"with"}  # what a negating verb does not reach through ("..., with ... denouncing")


def reported_future(verb: Token, c: Cues) -> bool:
    """"France said it would pull its troops out": reported speech turns "will" into "would"; the act is
    announced (planned), unless a condition makes it hypothetical ("would strike if", "any attack would")."""
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in ANNOUNCING:
        return False
    for node in (verb, verb.head):
        for child in node.children:
            if child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in c.conditionals for g in child.children):
                return False
            if child.dep_ == "mark" and child.lower_ in c.conditionals:
                return False
    if any(ch.dep_ in ("nsubj", "nsubjpass") and any(g.lower_ in ("any", "no") for g in ch.children)
           for ch in verb.children):
        return False  # "any attack would be met with force"
    return not any(t.lower_ in ("if", "unless", "otherwise") or t.lower_ == "any" and t.dep_ == "det"
                   for t in verb.subtree)  # ("would station troops after any ceasefire")


def own_cues(token: Token, c: Cues) -> Factuality | None:
    """Negation, modals, conditionals and determiners attached to one word."""
    for child in token.children:
        low = child.lower_
        if child.dep_ == "neg" or (child.dep_ in ("det", "advmod") and low in ("no", "never", "neither", "hardly",
                                                                           "scarcely")):
            return Factuality.NEGATED  # ("has hardly scaled back its strikes")
        if child.dep_ == "advmod" and low in ("longer", "more") and any(
                g.dep_ in ("neg", "det", "advmod") and g.lower_ == "no" for g in child.children):
            return Factuality.NEGATED  # "is no longer sharing intelligence": it has stopped
        if child.dep_ == "mark" and low == "than" and any(g.dep_ == "advmod" and g.lower_ == "rather"
                                                          for g in token.children):
            return Factuality.NEGATED  # "Rather than join the coalition, India sent its own destroyers"
    if token.dep_ == "ROOT" and token.tag_ == "VB" and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in token.children) \
            and any(ch.dep_ in ("nsubj", "nsubjpass") for ch in token.children):
        return Factuality.PLANNED  # a headline's "Britain to expel 23 Russian diplomats": announced, not done
    for child in token.children:
        low = child.lower_
        if child.dep_ == "aux" and low in c.modals:
            # "will", "is to": an announced future act is planned; "could", "would", "may": hypothetical
            if low in c.future or low == "would" and reported_future(token, c):
                return Factuality.PLANNED
            return Factuality.HYPOTHETICAL
        if child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in c.conditionals for g in child.children):
            continue  # the condition attached to a result clause does not make the result hypothetical alone
        if child.dep_ == "mark" and low in c.conditionals:
            return Factuality.HYPOTHETICAL
        if child.dep_ in ("amod", "det") and low in c.hypothetical_adjectives:
            if low == "any" and token.dep_ in ("dobj", "pobj", "nsubjpass") and any(
                    g.dep_ == "neg" for v in (token.head, token.head.head) for g in v.children):
                return Factuality.NEGATED  # "had not carried out any air strikes"
            return Factuality.HYPOTHETICAL
        if child.dep_ in ("amod", "compound") and low in c.planned_adjectives:
            return Factuality.PLANNED
    # "Any attack would be met": the noun is the subject of a modal verb (handled when climbing).
    return None


def factuality_of(trigger: Token, speech: bool = False) -> tuple[Factuality, Token | None]:
    """The factuality of the act carried by `trigger`, and the word that framed it (if any).

    `speech`: the act is a speech act (an accusation, a demand); "Iran dismissed the accusations" denies
    what they say, not that they were made."""
    c = cues()
    own = own_cues(trigger, c)
    if own in (Factuality.PLANNED, Factuality.HYPOTHETICAL) and trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" \
            and trigger.head.lemma_.lower() in CARRYING_OUT:
        own = None  # "completed their planned withdrawal", "carried out a long-planned operation": done now
    if own is None and trigger.dep_ == "relcl" and any(ch.dep_ == "det" and ch.lower_ in ("any", "no")
                                                       for ch in trigger.head.children):
        # "any troops they sent to Ukraine would be targets", "no weapons it supplied": what it refers to is not done
        return (Factuality.NEGATED if any(ch.lower_ == "no" for ch in trigger.head.children)
                else Factuality.HYPOTHETICAL), trigger
    if own is None and trigger.pos_ == "VERB" and any(
            ch.dep_ in ("nsubj", "nsubjpass") and any(g.dep_ in ("preconj", "det") and g.lower_ in ("neither", "no")
                                                      for g in ch.children) for ch in trigger.children):
        return Factuality.NEGATED, trigger  # "Neither Israel nor Hamas has accepted", "No troops will be sent"
    if own is Factuality.PLANNED and conditioned(trigger, None, c):
        return Factuality.HYPOTHETICAL, trigger  # "will strike if Iran attacks"
    if own is not None:
        return own, trigger
    if trigger.pos_ == "VERB" and any(ch.dep_ == "dobj" and any(g.dep_ == "det" and g.lower_ == "no" for g in ch.children)
                                      for ch in trigger.children):
        return Factuality.NEGATED, trigger  # "reached no agreement", "struck no civilian sites"
    if not speech and trigger.lemma_.lower() in ORDERS and (
            any(ch.dep_ in ("xcomp", "ccomp") for ch in trigger.children) or ordered_to_verb(trigger)):
        # "ordered two submarines to be positioned": the deployment is not yet done (the order itself, a
        # demand, is: "the ICJ ordered Israel to halt")
        return Factuality.PLANNED, trigger
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in ORDERS and any(
            ch.dep_ == "xcomp" and any(g.dep_ == "auxpass" for g in ch.children) for ch in trigger.head.children):
        return Factuality.PLANNED, trigger.head  # "ordered sanctions on Tehran to be reinstated": still to be done
    if not speech and trigger.lemma_.lower() in ORDERS and any(ch.dep_ == "dobj" for ch in trigger.children) and any(
            ch.dep_ == "prep" and ch.lower_ in ("to", "into") and any(g.dep_ == "pobj" for g in ch.children)
            for ch in trigger.children):
        return Factuality.PLANNED, trigger  # "ordered a second carrier to the Middle East": a movement ordered
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and (
            trigger.head.lower_ == "of" and trigger.head.head.lower_ in ("ahead", "eve") or
            trigger.head.lower_ == "before" and trigger.lemma_.lower() in MEETINGS or
            trigger.head.lower_ == "before" and due_next(trigger, c)):
        # "ahead of talks in Cairo", "days before Sharaa's visit to Washington": still to come
        return Factuality.PLANNED, trigger.head
    governor = trigger.head.head if trigger.dep_ == "pobj" else trigger.head
    if trigger.pos_ == "NOUN" and any(
            ch.dep_ == "relcl" and ch.lemma_.lower() in CAUSING and not any(g.dep_ == "dobj" for g in ch.children)
            and any(g.dep_ == "aux" and g.lower_ in c.modals and g.lower_ not in c.future for g in ch.children)
            for ch in trigger.children):
        return Factuality.HYPOTHETICAL, trigger  # "the Iranian retaliation such an attack would provoke"
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ == "in" and \
            governor.pos_ in ("VERB", "AUX") and not any(ch.dep_ == "poss" for ch in trigger.children) and any(
            ch.dep_ == "dobj" and ch.lemma_.lower() in INVOLVEMENT and own_cues(ch, c) is Factuality.NEGATED
            for ch in governor.children):
        return Factuality.NEGATED, governor  # "had played no part in the attack", with "in" on the verb
    framing, framing_nouns, _ = derived_cues()
    if trigger.pos_ == "NOUN" and (trigger.dep_ == "dobj" and trigger.head.lemma_.lower() not in framing and
                                   phrasal(trigger.head) not in framing
                                   or trigger.dep_ == "pobj" and trigger.head.lower_ in ("to", "against", "after", "for", "of")
                                   and governor.lemma_.lower() not in framing_nouns
                                   # "played no part in Israel's strike": whose part is denied, not the strike
                                   or trigger.dep_ == "pobj" and trigger.head.lower_ == "in"
                                   and governor.lemma_.lower() in INVOLVEMENT
                                   ) and any(
            ch.dep_ == "poss" and ch.pos_ in ("PROPN", "NOUN") for ch in trigger.children) and not any(
            ch.dep_ == "amod" and (ch.lower_ in c.planned_adjectives or ch.lower_ in c.hypothetical_adjectives)
            for ch in trigger.children):
        # "whether the United States joins Israel's air campaign": someone's named act is taken as done
        return Factuality.ASSERTED, None
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ in ("in", "during") and \
            trigger.lemma_.lower() in MEETINGS:
        verb = next((a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is not None and verb.tag_ == "VBD" and verb.lemma_.lower() in SETTLING and own_cues(verb, c) is None:
            return Factuality.ASSERTED, None  # "agreed to a truce in talks mediated by Qatar": the talks were held
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ in PRESUPPOSING:
        # "agreed to ensure safe navigation following talks with U.S. officials": the talks took place
        return Factuality.ASSERTED, None
    if trigger.pos_ == "NOUN" and trigger.dep_ == "pobj" and trigger.head.lower_ == "under" and \
            trigger.lemma_.lower() in UNDER_FORCE and own_cues(trigger, c) is None:
        return Factuality.ASSERTED, None  # "would not negotiate while under Israeli attack": it is under attack
    if trigger.tag_ in ("VBG", "VBN") and trigger.dep_ == "pcomp" and trigger.head.lower_ in ("after", "since") and \
            own_cues(trigger, c) is None and told_in_past(trigger.head.head, c):
        # "Trump said the United States would take over the Gaza Strip, after hosting Netanyahu at the White
        # House": the hosting took place (not "Israel will withdraw after receiving guarantees")
        return Factuality.ASSERTED, None
    found, framer = _climb(trigger, c, speech)
    if found is Factuality.ASSERTED and not speech and trigger.lemma_.lower() in ORDERS and any(
            ch.dep_ == "dobj" and ch.lemma_.lower() in MOVEMENTS for ch in trigger.children):
        return Factuality.PLANNED, trigger  # "ordered the activation of the standby force", as the noun would be
    if found is Factuality.PLANNED and conditioned(trigger, framer, c):
        # "threatened to impose sanctions if U.S. forces were made to leave", "will intensify its strikes if
        # Hezbollah is not disarmed": a plan that hangs on a condition is hypothetical
        return Factuality.HYPOTHETICAL, framer
    return found, framer


@functools.lru_cache(maxsize=1)
def act_verbs() -> frozenset[str]:
    """Every verb lemma of the act patterns (data/verbs.yaml), first words of phrasal ones: the pattern book's."""
    from .events import patterns  # (events imports this module)

    return frozenset(patterns().verbs)


def ordered_to_verb(verb: Token) -> bool:
    """"ordered the military to mass forces", parsed with "to" as a preposition: an order to act, not
    an order sending something somewhere ("ordered the carrier to the Gulf")."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "to" and child.i + 1 < len(verb.doc):
            after = verb.doc[child.i + 1]
            if after.tag_ not in ("DT", "PRP$", "NNP", "NNPS", "CD") and after.lower_ in act_verbs() and any(
                    ch.dep_ == "dobj" for ch in verb.children):
                return True
    return False


def neither_nor(verb: Token) -> bool:
    """"would neither confirm nor deny": the verb is one side of a non-answer."""
    holders = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    return any(c.lower_ in ("neither", "nor") for h in holders for c in h.children)


def due_next(noun: Token, c: Cues) -> bool:
    """"a day before sweeping U.S. sanctions on Iran's oil sector are due to take effect", parsed with the noun
    under "before" and "are due" a clause of its own: the noun is what is due."""
    after = noun.right_edge.i + 1
    if after >= len(noun.doc):
        return False
    verb = noun.doc[after]
    return verb.pos_ == "AUX" and not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in verb.children) and any(
        ch.dep_ == "acomp" and ch.lower_ in c.planned_adjectives for ch in verb.children)


def failed_motion(noun: Token) -> bool:
    """A resolution that failed, or that was vetoed, blocked or voted down."""
    verb = noun.head
    if noun.dep_ == "nsubj" and verb.lemma_.lower() in FAILING:
        return True
    if noun.dep_ == "dobj" and verb.lemma_.lower() in ("adopt", "pass", "approve") and verb.dep_ == "xcomp" and \
            verb.head.lemma_.lower() in FAILING:
        return True  # "the Council failed to adopt a resolution urging ..."
    return noun.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in DEFEATING


def told_in_past(verb: Token, c: Cues) -> bool:
    """Is the clause of `verb` told in the past, itself or by a past report around it ("said ... would")?"""
    if verb.tag_ == "VBD":
        return True
    return verb.dep_ == "ccomp" and verb.head.tag_ == "VBD" and verb.head.lemma_.lower() in c.reporting


def shelved(verb: Token) -> bool:
    """"put on hold the proposed sanctions", "put the talks on ice": set aside, like a postponement."""
    return verb.lemma_.lower() in ("put", "place", "keep") and any(
        t.lower_ in ("hold", "ice") and t.i > 0 and t.doc[t.i - 1].lower_ == "on"
        for c in verb.children for t in (c, *c.children))


def retracted(node: Token) -> bool:
    """Is a statement coordinated with this word taken back ("..., but withdrew the statement hours later")?"""
    return any(cj.lemma_.lower() in RETRACTING and any(
        o.dep_ == "dobj" and o.lemma_.lower() in ("statement", "claim", "report", "post", "remark")
        for o in cj.children) for cj in node.conjuncts)


def condition_clause(clause: Token) -> bool:
    """Is this the clause of a condition said in several words: "as long as the U.S. lifts sanctions", "provided
    (that) Israel halts its strikes", "on condition that Israel withdraws", "in the event that Britain triggers"?"""
    head = clause.head
    marks = {ch.lower_ for ch in clause.children if ch.dep_ == "mark"}
    if "as" in marks and head.lower_ == "long" and any(ch.lower_ in ("as", "so") for ch in head.children):
        return True
    if head.lower_ in ("provided", "providing") and clause.dep_ in ("ccomp", "advcl"):
        return True
    if head.lemma_.lower() in ("condition", "event", "case") and clause.dep_ in ("acl", "ccomp", "relcl") and \
            head.dep_ == "pobj" and head.head.lower_ in ("on", "in") and (
            "that" in marks or head.lemma_.lower() != "condition"):
        return True  # (the parser may take "that" in "in the event that Tehran retaliates" for an object)
    return False


def conditions_below(node: Token) -> bool:
    """Does a multiword condition hang from this word ("will resume talks as long as ...")?"""
    for child in node.children:
        if condition_clause(child):
            return True
        if child.lower_ in ("long", "provided", "providing") or child.dep_ == "prep" and child.lower_ in ("on", "in"):
            if any(condition_clause(g) for g in child.children) or any(
                    condition_clause(gg) for g in child.children for gg in g.children):
                return True
    return False


def conditioned(trigger: Token, framer: Token | None, c: Cues) -> bool:
    if framer is not None and framer.dep_ == "advcl" and any(
            ch.dep_ == "mark" and ch.lower_ in ("if", "unless") for ch in framer.children):
        return True  # "would strike the Houthis again if they dared to attack it"
    for node in {trigger, trigger.head, *( [framer] if framer is not None else [])}:
        if conditions_below(node):
            return True  # "would free the hostages provided that Israel halts its strikes"
        for child in node.children:
            if child.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in child.children):
                return True
    return False


def _climb(trigger: Token, c: Cues, speech: bool) -> tuple[Factuality, Token | None]:
    phrasal_cues = derived_cues()[2]
    node = trigger
    for _ in range(12):
        dep = node.dep_
        head = node.head
        if head.i == node.i or dep == "ROOT":
            break
        if dep not in CLAUSAL:
            break
        lemma = head.lemma_.lower()
        low = head.lower_
        is_arg = dep in ARGUMENT
        if head.pos_ in ("VERB", "AUX") and (phrase := phrasal(head)) in phrasal_cues:
            lemma = phrase  # "ruled out sending troops", "called off the strike"
        if lemma == "be" and (dep == "prep" or dep == "advcl" and node.i > 0 and node.doc[node.i - 1].lower_ == "to") \
                and any(ch.dep_ == "acomp" and ch.lower_ in c.planned_adjectives for ch in head.children):
            # (also "Israel was due to free 90 prisoners", with "to" taken for a preposition)
            return Factuality.PLANNED, head  # "Witkoff is due in Moscow on Wednesday for talks with Putin"
        if dep == "advcl" and low == "soon" and any(ch.dep_ == "mark" and ch.lower_ == "as" for ch in node.children) \
                and head.head.pos_ in ("VERB", "AUX") and (own_cues(head.head, c) is not None or
                                                           factuality_of(head.head)[0] is not Factuality.ASSERTED):
            return Factuality.HYPOTHETICAL, head.head  # "would order a ceasefire as soon as Ukraine began
            # withdrawing": what is waited for has not happened
        if dep == "pcomp" and low == "with" and node.pos_ in ("VERB", "AUX") and any(
                ch.dep_ in ("nsubj", "nsubjpass") for ch in node.children):
            # "Ukraine brushed aside the offer, with its foreign minister calling on Moscow instead to ...": an
            # absolute clause tells its own act; only a modal of the clause it hangs on carries over
            # ("agreed to stop targeting each other, with Washington halting its campaign": the deal's terms)
            outer = factuality_of(head.head)[0] if head.head.pos_ in ("VERB", "AUX") else None
            if outer in (Factuality.PLANNED, Factuality.HYPOTHETICAL):
                return outer, head.head
            break
        if dep == "xcomp" and (lemma in UNFULFILLED or low in UNFULFILLED):
            # "Israeli forces were supposed to complete their withdrawal by Sunday, but they remained", "was due
            # to visit Cairo but cancelled the trip": what was to happen did not; without the "but", still to come
            holder = head.head if head.pos_ == "ADJ" and head.dep_ == "acomp" else head
            if any(ch.dep_ == "cc" and ch.lower_ in ("but", "yet") for ch in holder.children) and any(
                    ch.dep_ == "conj" and ch.i > node.i for ch in holder.children):
                return Factuality.NEGATED, head
            if lemma == "suppose" or low == "due":
                return Factuality.PLANNED, head
        if head.pos_ in ("VERB", "AUX") and lemma in ("have", "be") and dep == "xcomp" and any(
                ch.dep_ == "advmod" and ch.lower_ == "yet" for ch in head.children):
            return Factuality.NEGATED, head  # "have yet to agree on a ceasefire"
        if head.pos_ in ("VERB", "AUX") and lemma in ("deny", "confirm") and neither_nor(head):
            node = head  # "would neither confirm nor deny that Israel carried out the strike": no stand taken
            continue
        if dep == "relcl" and node.lemma_.lower() in CONTAINING:
            # "Hamas's terms, which include a full withdrawal of Israeli forces" (the parser may hang the clause on
            # a noun inside the phrase: "Hamas's terms for freeing the hostages, which include ...")
            owner = head
            for _ in range(4):
                if owner.pos_ == "NOUN" and ({owner.lemma_.lower(), owner.lower_} & (c.planned_nouns | REQUEST_NOUNS)):
                    return Factuality.PLANNED, owner
                if owner.pos_ in ("VERB", "AUX") and owner.dep_ != "pcomp" or owner.head.i == owner.i:
                    break
                owner = owner.head
        if dep == "relcl" and head.lemma_.lower() == "time" and any(
                ch.dep_ == "amod" and ch.lower_ in ("first", "second", "third", "last", "only") for ch in head.children):
            node = head  # "it would be the first time Washington has sanctioned an Israeli unit": as the clause says
            continue
        if node.pos_ in ("VERB", "AUX") and any(ch.dep_ == "mark" and ch.lower_ in ("for", "with")
                                                for ch in node.children) and \
                any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in node.children):
            # "a deal for Syrian troops to deploy", "called for them to leave", "agreed to exchange prisoners, with
            # Baku to free 32 servicemen"
            return Factuality.PLANNED, head
        if dep == "acl" and node.tag_ == "VBN" and head.dep_ == "dobj" and head.head.lemma_.lower() in ORDERS and \
                not speech:
            return Factuality.PLANNED, head.head  # "ordered the envoy expelled": an order not yet carried out
        if dep == "relcl" and any(ch.dep_ == "mark" and ch.lower_ == "that" for ch in node.children) and not (
                head.lemma_.lower() in CONVERSATIONS or head.lemma_.lower() == "call" and any(
                    ch.dep_ in ("compound", "amod") and ch.lower_ in ("phone", "telephone", "video")
                    for ch in head.children)):
            dep = "acl"  # "a demand that they stop attacking ships": a content clause, parsed as a relative one
            # (not "told him in a phone call that Beijing supported Pakistan": what was said)
        if dep == "relcl" and node.pos_ in ("VERB", "AUX") and condition_clause(node):
            return Factuality.HYPOTHETICAL, head  # "in the event that Tehran retaliates", parsed as a relative clause
        if dep in ("relcl", "appos", "parataxis") or dep == "acl" and node.lemma_.lower() in REACTING and any(
                ch.dep_ == "nsubj" for ch in node.children):
            break  # a relative clause (also a reaction without "which": "a decision the PM called antisemitic") or an
            # aside asserts on its own
        if dep == "ccomp" and node.i < head.i and head.pos_ in ("VERB", "AUX") and lemma not in c.reporting and \
                any(ch.dep_ == "nsubj" for ch in node.children) and not any(
                ch.dep_ == "mark" for ch in node.children):
            break  # "Netanyahu hailed it ..., Abbas rejected it": a clause before a non-reporting verb is a sister
        if dep in ("pcomp", "pobj") and (low == "for" and head.head.lemma_.lower() in PENALTIES or low in (
                "to", "for") and head.head.lemma_.lower() in RESPONSES and head.head.pos_ == "NOUN"):
            return Factuality.ASSERTED, None  # "would pay the price for arming the Houthis": the arming is done
        if dep == "acl" and node.tag_ == "VBG" and head.lemma_.lower() in MOTIONS and failed_motion(head):
            return Factuality.NEGATED, head.head  # "a resolution calling for a ceasefire failed", "vetoed a draft
            # demanding a truce": what it demands was never demanded by the body
        if dep == "acl" and node.tag_ in ("VBG", "VBN") and not any(
                ch.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for ch in node.children):
            break  # "a resolution reaffirming its support": a bare participle is not framed by the noun
        if node.pos_ in ("VERB", "AUX") and condition_clause(node) and node.lemma_.lower() not in CONTINUING:
            # "as long as the United States lifts sanctions": a condition (but "as long as Israel kept up its
            # attacks" speaks of attacks going on)
            return Factuality.HYPOTHETICAL, head
        if dep == "conj" and node.lemma_.lower() in SPEAKING and head.dep_ == "ccomp" and \
                head.head.lemma_.lower() in c.reporting and not any(ch.dep_ == "nsubj" for ch in node.children):
            # "Gallant said the fire could be seen ... and warned that ...": the parser hangs the second speech verb
            # on the reported clause, but it goes with the report
            node = head.head
            continue
        if dep == "conj":
            # coordinated verbs share auxiliaries ("could strike and destroy"), not the head's frame
            framed = own_cues(head, c) if head.pos_ in ("VERB", "AUX") else None
            if framed is Factuality.HYPOTHETICAL and not any(ch.dep_ == "aux" for ch in node.children):
                return framed, head
            if framed is Factuality.PLANNED and node.tag_ == "VB" and not any(ch.dep_ == "aux" for ch in node.children):
                return framed, head  # "said France would bring home its ambassador and withdraw its troops"
            if framed is Factuality.NEGATED and node.tag_ == "VB" and not any(
                    ch.dep_ in ("aux", "nsubj", "nsubjpass") for ch in node.children) and any(
                    ch.dep_ == "cc" and ch.lower_ in ("or", "nor") for ch in head.children):
                return framed, head  # "would not shut down Al Jazeera or downgrade its relations with Iran": neither
            if node.tag_ == "VB" and head.lemma_.lower() in INTENDING and any(
                    ch.dep_ == "aux" and ch.tag_ == "TO" for ch in node.children) and not any(
                    ch.dep_ in ("nsubj", "nsubjpass") for ch in node.children):
                # "agreed to a ceasefire and to pull their forces out": the parser hangs the second complement on
                # the verb, but it is what was agreed
                return (Factuality.NEGATED if any(ch.dep_ == "neg" for ch in head.children)
                        else Factuality.PLANNED), head
            if head.dep_ == "relcl" and node.tag_ in ("VB", "VBZ", "VBP") and not any(
                    ch.dep_ in ("nsubj", "nsubjpass") for ch in node.children):
                # "on condition that Israel withdraws from the positions it holds and stops its strikes": the
                # parser may hang the second verb of a clause on a relative clause inside it; the present tense
                # goes with the clause around it when that clause is not told as done
                outer, framer = factuality_of(head.head)
                if outer is not Factuality.ASSERTED:
                    return outer, framer
            node = head
            continue
        if head.pos_ in ("VERB", "AUX"):
            if dep == "advcl" and (node.tag_ in ("VBZ", "VBP") or any(
                    ch.dep_ == "advmod" and ch.lower_ == "only" for ch in node.children)) and any(
                    ch.dep_ == "mark" and ch.lower_ in ("as", "while") for ch in node.children):
                # "Israeli troops are to pull out within 60 days as the Lebanese army deploys": a present tense
                # alongside an act still to come is part of the same plan
                above, framer = factuality_of(head)
                if above in (Factuality.PLANNED, Factuality.HYPOTHETICAL) and framer is not None and (
                        framer.i == head.i or framer.lemma_.lower() == "be"):  # (its own "will", "is to")
                    return above, head
            if dep == "advcl" and node.tag_ == "VBG" and node.left_edge.i >= 2 and \
                    node.doc[node.left_edge.i - 1].lower_ == "for" and \
                    node.doc[node.left_edge.i - 2].lower_ in ("return", "exchange"):
                # "would free the hostages in return for Israel ending the war": the other half of the exchange
                # stands as the first does
                above, framer = factuality_of(head)
                if above in (Factuality.PLANNED, Factuality.HYPOTHETICAL):
                    return above, framer or head
            if dep == "advcl" and (any(ch.dep_ == "mark" and ch.lower_ in AWAITED for ch in node.children) or any(
                    ch.dep_ == "advmod" and ch.lower_ == "once" and ch.i < node.i for ch in node.children)) and (
                    own_cues(head, c) is not None or factuality_of(head)[0] is not Factuality.ASSERTED and
                    node.tag_ != "VBD"):
                # "aid would not be allowed in until Hamas accepted the proposal", "vowed to keep firing until
                # Israel lifts its siege": what is awaited has not happened (but "was poised to strike until Biden
                # urged him to hold off": a past that came)
                return Factuality.HYPOTHETICAL, head
            if dep == "prep" and node.lower_ == "for" and any(
                    ch.dep_ == "dobj" and ch.lemma_.lower() in c.planned_nouns and ch.right_edge.i + 1 == node.i
                    for ch in head.children):
                return Factuality.PLANNED, head  # "signed a roadmap for the deployment", with "for" hung on the verb
            if dep == "prep":
                key = f"{head.lemma_.lower()} {node.lower_}"
                if key in c.goals:
                    return Factuality.PLANNED, head  # "called for the release of all hostages"
                if key in c.conditions:
                    return Factuality.HYPOTHETICAL, head  # "depended on a full Israeli withdrawal"
                if node.lower_ in TOPIC_PREPS and any(ch.dep_ == "dobj" and ch.lemma_.lower() in c.topics
                                                   for ch in head.children):
                    return Factuality.PLANNED, head  # "is mediating a deal for the release of captives"
            if dep == "nsubj" and head.lemma_.lower() == "be" and any(
                    ch.dep_ == "attr" and (ch.lemma_.lower() in c.aims or ch.i > 0 and
                                           f"{ch.doc[ch.i - 1].lower_} {ch.lower_}" in c.aims)  # ("a red line")
                    for ch in head.children):
                return Factuality.PLANNED, head  # "Israel's withdrawal is a precondition for any deal"
            if lemma == "be" and dep == "xcomp" and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in node.children):
                return Factuality.PLANNED, head  # "Israeli forces are to withdraw within 60 days"
            if lemma == "tell" and dep == "xcomp":
                return Factuality.PLANNED, head  # "told Hamas to release the hostages": asked, not done
            if lemma in c.reporting:
                # "officials said Israel struck": transparent, but a negated report is not ("did not say").
                if any(ch.dep_ == "neg" for ch in head.children):
                    return Factuality.HYPOTHETICAL, head
                if retracted(head) or retracted(node):
                    return Factuality.HYPOTHETICAL, head  # "said its drones had sunk a ship, but withdrew the statement"
                announced = own_cues(head, c) if dep == "dobj" and node.i == trigger.i else None
                if announced in (Factuality.PLANNED, Factuality.HYPOTHETICAL):
                    return announced, head  # "Washington will announce new sanctions": not yet imposed
                node = head
                continue
            if lemma == "vote" and dep == "xcomp" and node.lemma_.lower() in VOTED_SPEECH and not any(
                    ch.dep_ in ("neg", "aux") and ch.lower_ in ("not", "will", "would", "could") for ch in head.children):
                return Factuality.ASSERTED, None  # "the Council voted to endorse the plan": the vote is the endorsement
            if lemma == "hesitate" and dep == "xcomp" and any(ch.dep_ == "neg" for ch in head.children):
                if any(ch.dep_ == "aux" and ch.lower_ in ("did", "had") for ch in head.children):
                    node = head  # "Israel did not hesitate to strike": it struck, as its own clause says
                    continue
                return Factuality.PLANNED, head  # "would not hesitate to strike": a promise to strike
            if lemma in REFUSALS and dep in ("xcomp", "advcl") and not any(ch.dep_ == "neg" for ch in head.children):
                return Factuality.NEGATED, head  # "Scholz refused to supply Taurus missiles": his own conduct
            if dep in ("prep", "pcomp", "pobj") and (
                    lemma == "hold" and any(ch.dep_ == "prt" and ch.lower_ == "off" for ch in head.children) or
                    lemma == "stop" and any(ch.lower_ == "short" for ch in head.children)):
                return Factuality.NEGATED, head  # "held off on suspending the pact", "stopped short of"
            if node.i == trigger.i and dep == "dobj" and trigger.pos_ == "NOUN" and not speech:
                if lemma in ORDERS and trigger.lemma_.lower() in MOVEMENTS:
                    return Factuality.PLANNED, head  # "ordered the withdrawal of all 2,000 U.S. troops": to be done
                if lemma in ORDERS and trigger.lemma_.lower() in ORDERED_ATTACKS and not any(
                        ch.dep_ == "poss" or ch.dep_ == "det" and ch.lower_ in ("the", "this", "that", "these", "those")
                        for ch in trigger.children):
                    # "Khamenei has ordered a direct attack on Israel": an attack not yet made (but "ordered the
                    # attack", one already told, and "ordered a siege", which is imposed by the order, are done)
                    return Factuality.PLANNED, head
                if lemma in DEFERRING or shelved(head):
                    return Factuality.NEGATED, head  # "postponed a trip to Beijing": not made (the gold's convention)
                if lemma in DROPPING:
                    return Factuality.NEGATED, head  # "called off its planned strike", "scrapped the offensive"
            if lemma in c.negated_verbs and (dep in ("xcomp", "ccomp", "dobj", "prep", "pcomp", "acl") or
                                             dep == "advcl" and node.tag_ == "VBG" and " " in lemma and
                                             node.lemma_.lower() not in c.reporting) and not (
                    dep == "prep" and node.lower_ in PAST_NEGATION):
                # (not "held back from intervening, a month after threatening to", "..., with the office denouncing")
                if speech and node.i == trigger.i and dep == "dobj":
                    return Factuality.ASSERTED, None
                return Factuality.NEGATED, head
            if lemma in ("force", "compel", "oblige") and dep == "xcomp" and any(
                    ch.dep_ == "auxpass" for ch in head.children) and own_cues(head, c) is None:
                node = head  # "Iran was forced to release the tanker": it did
                continue
            if lemma in c.planned_complement_verbs and (dep in ("xcomp", "ccomp") or dep == "advcl" and any(
                    ch.dep_ == "aux" and ch.lower_ == "to" for ch in node.children)):
                return Factuality.PLANNED, head
            if lemma in AGREEING and dep == "prep" and node.lower_ in ("to", "on") and not any(
                    ch.dep_ == "neg" for ch in head.children):
                # "agreed to a ceasefire and a withdrawal of their forces", "committed to withdrawing"
                return Factuality.PLANNED, head
            if lemma in PROMISES and dep == "prep" and node.lower_ in ("in", "of"):
                return Factuality.PLANNED, head  # "pledged 120 million pounds in aid": the aid is promised
            if speech and trigger.pos_ == "NOUN" and lemma in REJECTIONS:
                return Factuality.ASSERTED, None  # "rejected a list of demands from Riyadh": they were made
            to_infinitive = dep == "advcl" and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in node.children)
            if lemma in c.planned_verbs and (dep in ("xcomp", "ccomp", "dobj", "pcomp", "oprd", "attr", "acomp") or
                                             to_infinitive and lemma in INTENDING):
                # (a frame governs its complements, not its adjuncts: "rejected X during a call with Trump")
                if node.i == trigger.i and dep == "dobj" and lemma not in APPROVALS | REQUESTING and (speech or trigger.pos_ == "NOUN" and any(
                        ch.dep_ in ("det", "poss") and ch.lower_ not in ("a", "an", "any", "no") for ch in trigger.children)):
                    # "rejected Russia's demand", "rejected the latest U.N. sanctions": they were made
                    return Factuality.ASSERTED, None
                if any(ch.dep_ == "neg" for ch in head.children):
                    return Factuality.NEGATED, head
                return Factuality.PLANNED, head
            if lemma in c.hypothetical_verbs and dep not in ("nsubj", "advcl", "conj"):
                return Factuality.HYPOTHETICAL, head
            if dep == "advcl" and node.tag_ in ("VBZ", "VBP") and not any(
                    ch.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "expl") for ch in node.children):
                dep = "conj"  # "would join the ceasefire talks", with "talks" taken for a verb: the same phrase
            framed = own_cues(head, c)
            if framed is not None and dep not in ("advcl",):
                return framed, head
            if dep in ("conj",):
                node = head
                continue
            if dep == "advcl" and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in node.children) and not any(
                    ch.dep_ in ("nsubj", "nsubjpass") for ch in node.children):
                if any(ch.dep_ == "dobj" and ch.lemma_.lower() in c.planned_nouns | PROCEDURES for ch in head.children):
                    # "signed an agreement to set up a centre", "launched a 30-day process to reimpose U.N.
                    # sanctions": still to be done
                    return Factuality.PLANNED, head
                to = next(ch for ch in node.children if ch.dep_ == "aux" and ch.lower_ == "to")
                before = node.doc[to.i - 1] if to.i > 0 else None
                if before is not None and before.pos_ == "NOUN" and head.i < before.i and (
                        noun_frame := factuality_of(before)[0]) in (Factuality.PLANNED, Factuality.HYPOTHETICAL):
                    # "sent call-up notices ahead of a planned offensive to capture Gaza City": the parser may hang
                    # the infinitive on the verb when it goes with the noun just before it
                    return noun_frame, before
                standing = own_cues(head, c)
                if standing is not None:
                    return standing, head  # "would send a delegation to Doha to resume negotiations": as its act
                node = head  # a purpose shares the standing of its act: "agreed to set up a centre to fight the PKK"
                continue
            if dep in ("advcl", "relcl", "acl") and dep != "acl":
                break
        elif head.pos_ in ("NOUN", "PROPN"):
            if dep == "prep" and node.lower_ in TOPIC_PREPS and lemma in c.topics:
                return Factuality.PLANNED, head  # "talks on the release of the hostages"
            if dep in ("acl", "ccomp") and lemma in CLAIMS and head.dep_ in ("dobj", "pobj") and (
                    head.head.lemma_.lower() in DENIALS or head.head.dep_ == "advcl" and any(
                        ch.dep_ == "mark" and ch.lower_ == "as" for ch in head.head.children) and
                    head.head.head.lemma_.lower() in DENIALS):
                # "Israel rejected claims that it had struck the hospital", "dismissed as fabricated a report that
                # Damascus had signed a pact" (the parser hangs the report on "fabricated")
                return Factuality.NEGATED, head.head
            if dep in ("acl", "ccomp") and lemma in CLAIMS and head.dep_ == "dobj" and (
                    head.head.lemma_.lower() in RETRACTING or phrasal(head.head) in RETRACTING):
                # "walked back its claim that its troops had recaptured the village": no longer claimed, not denied
                return Factuality.HYPOTHETICAL, head.head
            if dep in ("acl", "prep", "pobj", "compound", "amod", "nmod"):
                if lemma in c.planned_nouns:
                    return Factuality.PLANNED, head
                if lemma in c.hypothetical_nouns:
                    return Factuality.HYPOTHETICAL, head
                if lemma in c.negated_nouns:
                    return Factuality.NEGATED, head
            framed = own_cues(head, c)
            if framed is Factuality.NEGATED and dep in ("prep", "pobj", "acl"):
                return framed, head
            if framed in (Factuality.PLANNED, Factuality.HYPOTHETICAL) and dep == "acl":
                return framed, head  # "a planned offensive to capture Gaza City"
        elif head.pos_ == "ADJ":
            if dep == "prep" and f"be {low} {node.lower_}" in c.conditions:
                return Factuality.HYPOTHETICAL, head  # "is contingent on a withdrawal"
            if low in c.planned_adjectives:
                return Factuality.PLANNED, head
            if low in c.hypothetical_adjectives:
                return Factuality.HYPOTHETICAL, head
        elif head.pos_ == "ADP" and head.lower_ in ("without",):
            return Factuality.NEGATED, head
        elif head.lower_ == "than" and any(ch.lower_ == "rather" for ch in head.head.children if ch.i < head.i) or \
                head.lower_ == "than" and head.i > 0 and head.doc[head.i - 1].lower_ == "rather" or \
                head.lower_ == "of" and head.head.lower_ == "instead":
            return Factuality.NEGATED, head  # "downgrade relations rather than sever them", "instead of striking"
        node = head
    return Factuality.ASSERTED, None


def phrasal(verb: Token) -> str:
    """"ruled out" -> "rule out": a verb with its particle, as the cue lists spell phrasal verbs."""
    particles = [ch.lower_ for ch in verb.children if ch.dep_ == "prt" or
                 ch.dep_ == "advmod" and ch.i == verb.i + 1 and ch.lower_ in ("back", "off", "up", "out", "down")]
    return f"{verb.lemma_.lower()} {particles[0]}" if particles else verb.lemma_.lower()  # ("held back", an adverb)

