"""Reporting frames -> Event.attribution: "according to X", "X said", "X told <outlet>".

`Attributor(doc, resolver)` reads each sentence once and answers `attribution_of(trigger)`: the
claim's source for the act carried by that word. An attribution carries to the following sentences
of the same report ("The officials said ... They added that ...").
"""
from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from .actors import ActorResolver, outlets
from .factuality import cues
from .records import Attribution

# Last words of news outlets' names, for outlets not listed in data/outlets.yaml ("told Meridian Wire").
OUTLET_WORDS = {"News", "Wire", "Post", "Times", "Journal", "Press", "Agency", "Radio", "TV", "Television", "Daily",
                "Herald", "Tribune", "Telegraph", "Guardian", "Ledger", "Gazette", "Network", "Channel", "Review",
                "Monitor", "Observer", "Express", "Mail", "Standard", "Chronicle", "Broadcasting", "Media"}
# Verbs that make a claim about the act under them without being reporting verbs.
CLAIM_FRAMES = {"accuse", "blame", "deny", "allege", "charge", "credit", "hold"}
# Adjuncts of a reporting verb in which the outlet, not the speaker, tells when and where the words were said
SETTING_PREPS = {"after", "following", "before", "amid", "during", "at", "since", "ahead", "despite"}
SETTING_MARKS = {"after", "as", "before", "while", "when", "since", "once", "until", "though", "although"}
ANONYMOUS_HEADS = {"official", "source", "person", "diplomat", "officer", "aide", "insider", "people"}


def outlet_name(span_text: str) -> str | None:
    text = span_text.strip()
    low = text.lower()
    if low.startswith("the "):
        low = low[4:]
    outlet = outlets().get(low)
    return outlet.name if outlet else None


def _plural(claimant: str) -> bool:
    last = claimant.split()[-1].lower() if claimant.split() else ""
    return last.endswith("s") and not last.endswith("ss")


class Attributor:
    def __init__(self, doc: Doc, resolver: ActorResolver):
        self.doc = doc
        self.resolver = resolver
        self.reporting = cues().reporting
        text = doc.text  # built once: Doc.text joins every token each time it is read
        self._breaks = [m.start() for m in re.finditer("\n\n", text)]  # paragraph breaks, as str.count sees them
        self._by_sentence: dict[int, Attribution | None] = {}
        self._previous: dict[int, Attribution | None] = {}  # the report in force before each sentence
        self._carry()

    # -- pieces ---------------------------------------------------------------------------------
    def claimant_phrase(self, token: Token) -> str:
        """"three U.S. officials who spoke to CBS News" -> "three U.S. officials";
        "Ukraine's deputy defence minister, Hanna Maliar," -> "Hanna Maliar" (the named person)."""
        for child in token.rights:
            if child.dep_ == "appos" and child.pos_ == "PROPN" and token.pos_ == "NOUN":
                return self.claimant_phrase(child)
        left = token.left_edge.i
        right = token.i
        for child in token.rights:
            if child.dep_ in ("compound", "flat", "nummod", "cc", "conj") or (
                    child.dep_ == "prep" and child.lower_ in ("of", "from", "with", "in", "at")) or (
                    child.dep_ == "punct" and child.lower_ == "," and any(c.dep_ == "conj" for c in token.rights)):
                right = max(right, child.right_edge.i)  # "Britain, France and Germany said"
            else:
                break
        span = self.doc[left:right + 1]
        while len(span) > 1 and span[-1].is_punct:
            span = span[:-1]
        while len(span) > 1 and span[0].dep_ in ("cc", "punct", "prep"):
            span = span[1:]
        return span.text

    def outlet_in(self, token: Token) -> str | None:
        """An outlet named inside the claimant's phrase or clause: "who spoke to CBS News", "told Axios"."""
        for t in token.subtree:
            if t.dep_ in ("pobj", "dobj", "dative") and t.pos_ == "PROPN":
                name = outlet_name(self.doc[t.left_edge.i:t.i + 1].text)
                if name:
                    return name
                speaking_to = t.head.lower_ == "to" and t.head.head.lemma_.lower() in ("speak", "talk") or \
                    t.dep_ in ("dobj", "dative") and t.head.lemma_.lower() == "tell"
                if speaking_to and (t.ent_type_ == "ORG" or t.text in OUTLET_WORDS) and self.resolver.actor_of(t) is None:
                    return self.doc[t.left_edge.i:t.i + 1].text  # an outlet we don't list by name
        return None

    def from_reporting_verb(self, verb: Token, carry: bool = True) -> Attribution | None:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        outlet = None
        for child in verb.children:
            if child.dep_ in ("dobj", "dative", "obj") and child.pos_ == "PROPN":
                outlet = outlet_name(self.doc[child.left_edge.i:child.i + 1].text) or outlet
                if outlet is None and verb.lemma_.lower() == "tell" and (child.ent_type_ == "ORG" or
                                                                      child.text in OUTLET_WORDS) and \
                        self.resolver.actor_of(child) is None:
                    outlet = self.doc[child.left_edge.i:child.i + 1].text  # "told Meridian Wire": an outlet we don't list
            if child.dep_ == "prep" and child.lower_ in ("to", "with", "in"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        outlet = outlet or outlet_name(self.doc[obj.left_edge.i:obj.i + 1].text)
                        outlet = outlet or self.outlet_in(obj)
        governor = verb
        while not subjects and governor.dep_ in ("advcl", "conj", "xcomp") and governor.head.i != governor.i:
            # "Qassem rejected the decision, saying ...", "Erdogan and Putin agreed ... and said ...": the
            # speaker is the subject of the clause the participle or conjunct hangs on
            governor = governor.head
            subjects = [c for c in governor.children if c.dep_ in ("nsubj",)]
        if not subjects and verb.i >= 2 and self.doc[verb.i - 1].text == "," and verb.dep_ == "ROOT":
            # "..., Ukraine's defence minister, Rustem Umerov, said.": the parser may hang the speaker on the
            # last word of the report as an apposition
            node = self.doc[verb.i - 2]
            while node.dep_ == "appos" and node.head.dep_ == "appos" and node.head.i < node.i:
                node = node.head
            if node.dep_ == "appos" and node.head.i < node.i and self.resolver.actor_of(node) is not None:
                subjects = [node]
        if not subjects:
            return None
        subj = subjects[0]
        if subj.dep_ == "nsubjpass" or subj.lower_ in ("it",) and verb.lemma_ == "report":
            return None
        if subj.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
            subj = verb.head  # "the United Arab Emirates, which has denied arming it": the Emirates deny
        outlet = outlet or self.outlet_in(subj)
        if subj.lower_ in ("he", "she", "they", "it"):
            earlier = self._previous.get(self.resolver.sentence(verb).start) if carry else None
            actor = self.resolver.actor_of(subj)
            if earlier is not None and subj.lower_ == "it" and not _plural(earlier.claimant) and (
                    earlier.claimant_actor is None or earlier.claimant_actor.name is None):
                return earlier  # "Russia's defence ministry said ... It said": the same source goes on
            if earlier is not None and (subj.lower_ == "they") == _plural(earlier.claimant) and (
                    subj.lower_ == "they" or actor is None or actor.name is None or
                    earlier.claimant_actor is not None and earlier.claimant_actor.name == actor.name):
                return earlier  # "They added that ...": the same sources go on
            claimant = actor.name or actor.text if actor else subj.text
            return Attribution(claimant, outlet, actor)
        own_outlet = outlet_name(self.claimant_phrase(subj))
        if own_outlet:  # "CBS News reported that ..." : the outlet is the claimant
            return Attribution(self.claimant_phrase(subj), own_outlet, None)
        return Attribution(self.claimant_phrase(subj), outlet, self.resolver.actor_of(subj))

    def according_to(self, sent: Span) -> Attribution | None:
        for token in sent:
            if token.lower_ == "according" and token.i + 1 < len(self.doc) and self.doc[token.i + 1].lower_ == "to":
                to = self.doc[token.i + 1]
                objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in token.children if c.dep_ == "pobj"]
                if objs:
                    obj = objs[0]
                    outlet = outlet_name(self.claimant_phrase(obj))
                    claimant = self.claimant_phrase(obj)
                    return Attribution(claimant, outlet or self.outlet_in(obj), self.resolver.actor_of(obj))
        return None

    # -- per sentence ---------------------------------------------------------------------------
    def _sentence_frames(self, sent: Span) -> tuple[Attribution | None, bool]:
        """The attribution a sentence states with a named source, and whether it continues an earlier report."""
        explicit = self.according_to(sent)
        continues = False
        for token in sent:
            if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in self.reporting:
                subj = [c for c in token.children if c.dep_ in ("nsubj",)]
                if not subj:
                    continue
                pronoun = subj[0].lower_ in ("they", "he", "she")
                definite = subj[0].lemma_.lower() in ANONYMOUS_HEADS and any(
                    c.lower_ in ("the", "those", "these") for c in subj[0].children)
                if pronoun or definite or token.lemma_.lower() == "add" or any(
                        c.lower_ == "also" for c in token.children):
                    continues = True
                elif explicit is None and (token.dep_ == "ROOT" or token.head.dep_ == "ROOT" and token.dep_ in (
                        "parataxis", "ccomp")):
                    # only a frame over the main clause speaks for the whole sentence
                    explicit = self.from_reporting_verb(token, carry=False)
        return explicit, continues

    def _carry(self) -> None:
        previous: Attribution | None = None
        previous_para = -1
        for sent in self.resolver.sents:
            para = self._paragraph(sent)
            if previous is not None and para - previous_para > 1:
                previous = None  # a report does not run across a gap of a whole paragraph
            self._previous[sent.start] = previous
            explicit, continues = self._sentence_frames(sent)
            self._by_sentence[sent.start] = previous if continues and explicit is None else explicit
            if explicit is not None:
                previous = explicit
                previous_para = para
            elif continues and previous is not None:
                previous_para = para

    def _paragraph(self, sent: Span) -> int:
        return bisect.bisect_right(self._breaks, sent.start_char - 2)

    # -- the answer -----------------------------------------------------------------------------
    def attribution_of(self, trigger: Token) -> Attribution | None:
        """Walk up from the act to the first reporting verb; else the sentence's own or carried frame."""
        if own_clause(trigger):
            return None
        node = trigger
        for _ in range(12):
            head = node.head
            if head.i == node.i:
                break
            if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in self.reporting and node.dep_ in (
                "ccomp", "parataxis", "xcomp", "dobj", "dep"):
                found = self.from_reporting_verb(head)
                if found is not None:
                    return found
            speaker = head.head if head.dep_ == "npadvmod" else head  # ("said on Tuesday, a week after ...")
            if speaker.pos_ in ("VERB", "AUX") and speaker.lemma_.lower() in self.reporting and node.i > speaker.i and (
                    node.dep_ == "prep" and node.lower_ in SETTING_PREPS or node.dep_ == "advcl" and head is speaker
                    and any(c.dep_ == "mark" and c.lower_ in SETTING_MARKS for c in node.children)):
                # "'...,' the minister said on Tuesday, after Indian missiles struck nine sites", "said at a
                # ceremony where the two leaders signed a declaration": the outlet tells the setting itself
                return None
            if head.pos_ == "VERB" and head.lemma_.lower() in CLAIM_FRAMES and node.dep_ in (
                    "ccomp", "xcomp", "prep", "pcomp", "dobj"):
                # "Saudi Arabia blamed Iran for the attack", "Iran denied firing": the framer makes the claim
                found = self.from_reporting_verb(head)
                if found is not None:
                    return found
            node = head
        # A reporting verb that is not above the act: ", officials said." parsed as a dependent of the act.
        root = self.resolver.sentence(trigger).root
        for child in root.children:
            if child.pos_ in ("VERB", "AUX") and child.lemma_.lower() in self.reporting and child.dep_ in (
                "parataxis", "ccomp", "dep") and child.i > trigger.i and not any(
                    g.dep_ == "mark" for g in child.children):
                found = self.from_reporting_verb(child)
                if found is not None:
                    return found
        if trigger.lemma_.lower() in self.reporting:
            return None  # the act is the speaking itself ("Katz said Tehran would pay")
        if root.lemma_.lower() in self.reporting and root.i != trigger.i:
            found = self.from_reporting_verb(root)
            if found is not None:
                return found
        return self._by_sentence.get(self.resolver.sentence(trigger).start)


def own_clause(trigger: Token) -> bool:
    """"The court said ..., an opinion Netanyahu dismissed": an act in a relative clause with a subject of its
    own, hung on a word outside what was said, is not part of the report."""
    return trigger.dep_ == "relcl" and trigger.head.dep_ in ("npadvmod", "appos") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("which", "that", "who") for c in trigger.children)

