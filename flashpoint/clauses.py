"""Which words of a sentence belong to an event: the scope in which its place and date are looked for.

Shared by the place stage (places.locate_events) and the date stage (dates.date_events). Both look
first in the trigger's own clause, then in the clauses that govern it, then in the rest of the
sentence; this module says which tokens those are.

- The trigger's clause: the trigger and its dependents, breadth first (nearer words first), without
  its subject (the source actor, "Israeli jets based in Cyprus"), without subordinate clauses that
  have their own subject or that report something else ("after Iranian forces fired at the Golan",
  relative clauses, reported speech), without phrases about another act ("in retaliation for the
  attack on Haifa", "after Friday's strikes"), and without the clause of another event's trigger.
- Verbal acts (accusing, meeting, demanding) take only the trigger's own adjuncts: in "condemned
  the strikes on Tehran" Tehran is where the strikes were, not where the condemnation was.
- A noun trigger ("launched airstrikes across Iran", "Israel's strikes killed 10 in Tehran") and a
  trigger under a control verb ("moved to strike") also take the clause of the verb that governs them,
  unless that verb is a report ("said") or another event's trigger.
"""
from __future__ import annotations

import bisect
from collections import deque

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Token

from .records import Event


def token_offsets(doc: Doc) -> list[list[int]]:
    """[start, length] of every token, without making Token objects (which is slow)."""
    return doc.to_array([IDX, LENGTH]).reshape(-1, 2).tolist()


def token_starts(doc: Doc) -> list[int]:
    return doc.to_array(IDX).tolist()


def doc_text(doc: Doc) -> str:
    """doc.text, built once per document (spaCy joins every token's text on each access)."""
    text = doc.user_data.get("flashpoint.text")
    if text is None:
        text = doc.user_data["flashpoint.text"] = doc.text
    return text


def is_light(verb: Token) -> bool:
    """"launched strikes", "carried out a raid": verbs.yaml's light verbs."""
    from .events import patterns  # here: events imports actors, which imports places, which imports this

    return patterns().is_light(verb)

# Acts that take place somewhere physical: their objects and all their adjuncts can place them.
MATERIAL_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "AID", "RETREAT", "PROTEST", "CONCEDE", "COOPERATE"}

# Reporting and speaking verbs: the place attached to them is the speaker's, not the act's.
REPORTING = {"say", "tell", "state", "announce", "add", "declare", "report", "claim", "confirm", "speak",
             "write", "note", "brief", "quote", "cite", "describe", "insist", "explain", "post"}

# Dependents that start another clause or name the actor: not part of the act's scope.
SKIP_DEPS = {"nsubj", "csubj", "csubjpass", "expl", "relcl", "ccomp", "parataxis", "mark", "punct", "cc",
             "preconj", "aux", "auxpass", "neg", "case"}
# Clause-level dependents that are part of the act only when they have no subject of their own.
CLAUSAL_DEPS = {"advcl", "conj", "xcomp", "acl", "pcomp"}
CLIMB_DEPS = {"xcomp", "ccomp", "advcl", "conj", "parataxis"}
CLAUSE_DEPS = {"xcomp", "ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "pcomp", "csubj", "csubjpass"}
# Prepositions that relate the act to another act or time span ("after the strikes", "since Sunday").
OTHER_ACT_PREPS = {"after", "before", "since", "until", "till", "following", "amid", "despite", "ahead", "during",
                   "prior", "unlike", "like"}
OTHER_ACT_NOUNS = {"retaliation", "response", "revenge", "reprisal", "reaction", "answer", "anniversary"}
# "before dawn on Friday": a time word after such a preposition is not another act.
TIME_NOUNS = {"dawn", "daybreak", "sunrise", "sunset", "dusk", "noon", "midnight", "midday", "nightfall",
              "morning", "evening", "night", "afternoon"}
# The only dependents a verbal act's own adjuncts are looked for through.
ADJUNCT_DEPS = {"prep", "pobj", "npadvmod", "advmod", "tmod", "compound", "amod", "nummod", "det", "nmod",
                "quantmod", "conj", "appos", "poss"}
# Subjects that are the act itself ("a missile strike on the station in Kramatorsk killed 50 people"): where
# they happened is where the killing happened.
ACT_SUBJECTS = {"strike", "airstrike", "attack", "explosion", "blast", "bombing", "shelling", "barrage", "raid",
                "bombardment", "missile", "rocket", "drone", "shell", "bomb"}
# Objects of a verbal act that are the act itself, so their adjuncts are the act's.
MEETING_NOUNS = {"talk", "talks", "meeting", "visit", "summit", "negotiation", "negotiations", "discussion",
                 "discussions", "consultation", "consultations", "conference", "session", "trip", "tour", "round"}
# How a noun trigger hangs from the verb whose clause it shares ("launched a wave of airstrikes").
ARGUMENT_DEPS = {"dobj", "nsubjpass", "nsubj", "attr", "pobj", "prep", "oprd", "appos", "conj", "compound"}


class Scopes:
    """Per document: the token of each event's trigger and which tokens are other events' triggers."""

    def __init__(self, doc: Doc, events: list[Event]):
        self.doc = doc
        self.meeting = False
        self.starts = token_starts(doc)
        self.trigger_types: dict[int, set[str]] = {}
        for event in events:
            token = self.trigger(event)
            if token is not None:
                self.trigger_types.setdefault(token.i, set()).add(event.event_type)

    def trigger(self, event: Event) -> Token | None:
        """The token at the event's trigger offset (found by bisection: making every Token is slow)."""
        i = bisect.bisect_left(self.starts, event.trigger_start)
        if i < len(self.starts) and self.starts[i] == event.trigger_start:
            return self.doc[i]
        return None

    def is_other_trigger(self, token: Token, trigger: Token) -> bool:
        return token.i != trigger.i and token.i in self.trigger_types

    def is_material_trigger(self, token: Token) -> bool:
        return bool(self.trigger_types.get(token.i, set()) & MATERIAL_TYPES)

    # -- the trigger's clause --------------------------------------------------------------------
    def clause(self, trigger: Token, material: bool, meeting: bool = False) -> list[tuple[Token, int]]:
        """(token, depth) in the trigger's clause, breadth first; then the governing verb's clause
        (depth + 100). `material`: the whole clause; else only adjuncts, and for a `meeting` also
        the party met and what hangs from it ("met a Saudi delegation in Damascus")."""
        self.meeting = meeting
        out = self._walk(trigger, trigger, material, set())
        governor = self.governor(trigger)
        if governor is not None:
            seen = {token.i for token, _ in out}
            out.extend((token, depth + 100) for token, depth in self._walk(governor, trigger, material, seen))
        return out

    def _walk(self, start: Token, trigger: Token, material: bool, seen: set[int]) -> list[tuple[Token, int]]:
        out: list[tuple[Token, int]] = []
        queue = deque([(start, 0)])
        seen.add(start.i)
        while queue:
            token, depth = queue.popleft()
            out.append((token, depth))
            for child in token.children:
                if child.i in seen or not self.enters(child, trigger, material):
                    continue
                seen.add(child.i)
                queue.append((child, depth + 1))
        return out

    def enters(self, child: Token, trigger: Token, material: bool) -> bool:
        dep = child.dep_
        if dep == "nsubj" and material and child.head.i == trigger.i and child.pos_ == "NOUN" and \
                child.lemma_.lower() in ACT_SUBJECTS:
            return True
        if dep in SKIP_DEPS or self.is_other_trigger(child, trigger):
            return False
        if not material and dep not in ADJUNCT_DEPS:
            # "held talks in Geneva": the meeting is the act, so its adjuncts are the act's; and
            # "meet Araghchi in Geneva" often hangs the place from the person met
            return dep in ("dobj", "attr", "dative") and (
                self.meeting or child.lemma_.lower() in MEETING_NOUNS or child.pos_ == "PROPN")
        if dep in CLAUSAL_DEPS and child.pos_ in ("VERB", "AUX"):
            if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in child.children):
                return False  # its own subject: another clause ("after Iranian forces fired ...")
            if any(c.dep_ == "mark" and c.lower_ in OTHER_ACT_PREPS for c in child.children):
                return False  # "before leaving Gaza"
        if dep == "prep" and child.lower_ in OTHER_ACT_PREPS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if not objects or any(o.lemma_.lower() not in TIME_NOUNS for o in objects):
                return False
        if dep == "prep" and any(c.dep_ == "pobj" and c.lemma_.lower() in OTHER_ACT_NOUNS for c in child.children):
            return False
        return True

    def governor(self, trigger: Token) -> Token | None:
        """The verb whose clause a noun trigger, or a trigger under a control verb, belongs to: the
        light verb that carries it ("launched a wave of airstrikes"), the verb it is the subject of
        ("Israel's strikes killed 10 people in Tehran"), the verb it is controlled by ("moved to strike").
        Not a verb that only mentions it ("denounced U.S. support"), a report, or another act."""
        node = trigger
        link = None
        for _ in range(6):
            if node.head.i == node.i:
                return None
            if node.pos_ in ("NOUN", "PROPN", "ADP", "NUM", "PRON") and node.dep_ in ARGUMENT_DEPS:
                link = node.dep_ if node.pos_ != "ADP" else link
                node = node.head
            elif node.i == trigger.i and node.dep_ == "xcomp":
                link = "xcomp"
                node = node.head
            else:
                return None
            if node.pos_ in ("VERB", "AUX"):
                if node.lemma_.lower() in REPORTING or self.is_other_trigger(node, trigger):
                    return None
                if link in ("nsubj", "nsubjpass", "xcomp") or is_light(node):
                    return node
                return None
        return None

    # -- the clauses above it --------------------------------------------------------------------
    def ancestors(self, trigger: Token, through_reports: bool) -> list[Token]:
        """The clauses that govern the trigger's, nearest first: up through control, complement,
        adverbial and coordinated clauses, not out of a relative clause ("an attack that Iran blamed
        on Israel") nor from an act a verb only mentions; stops at a report unless asked."""
        out = []
        node = self.governor(trigger) or trigger
        if node.i == trigger.i and node.pos_ not in ("VERB", "AUX"):
            return out
        while node.head.i != node.i and node.dep_ in CLIMB_DEPS:
            node = node.head
            if node.lemma_.lower() in REPORTING and not through_reports:
                break
            out.append(node)
        return out

    def adjuncts(self, head: Token, trigger: Token) -> list[Token]:
        """The adjunct phrases of a governing word (not its subject, objects or other clauses)."""
        out = []
        queue = deque(c for c in head.children if c.dep_ in ("prep", "npadvmod", "advmod", "tmod")
                      and not self.is_other_trigger(c, trigger) and not c.is_ancestor(trigger))
        while queue:
            token = queue.popleft()
            out.append(token)
            queue.extend(c for c in token.children if self.enters(c, trigger, False))
        return out

    def inside_other_clause(self, token: Token, trigger: Token, material_only: bool) -> bool:
        """Does the token belong to another event's clause? Its nearest governing trigger is another
        event's ("launched missiles at Israel ... and vowed to fight": Israel is the launch's), unless
        that act is this one's subject ("airstrikes on positions in Syria killed five fighters").
        With material_only, verbal acts' clauses are not counted ("speaking in Istanbul, accused")."""
        node = token
        while True:
            if node.i == trigger.i:
                return False
            if node.i in self.trigger_types and (not material_only or self.is_material_trigger(node)):
                if node.head.i == trigger.i and node.dep_ in ("nsubj", "nsubjpass"):
                    return False
                return True
            if node.head.i == node.i:
                return False
            node = node.head

    @staticmethod
    def elsewhere(token: Token, trigger: Token, strict: bool = True) -> bool:
        """For the rest-of-sentence search: is the token somewhere that cannot be the act's setting?
        Below the trigger but outside its clause (left out on purpose: "agreed to hold talks next week";
        unless strict, a phrase that only hangs from the act's object counts as the act's: "accepted a
        ceasefire on Tuesday"), or in a clause describing some other thing ("the round planned for June 15")."""
        node = token
        below = trigger.is_ancestor(token)
        if below and strict:
            return True
        while node.head.i != node.i and node.i != trigger.i:
            if node.dep_ in ("relcl", "acl") and not node.is_ancestor(trigger):
                return True
            if below and node.dep_ in CLAUSE_DEPS:
                return True
            node = node.head
        return False

    def report_frame(self, token: Token) -> Token | None:
        """The reporting verb a phrase is attached to, directly or inside its subject ("In Washington,
        officials said ...", "officials, speaking in Washington, said ..."), or None."""
        node = token
        while node.head.i != node.i:
            head = node.head
            if node.dep_ in ("ccomp", "xcomp", "advcl", "conj", "relcl", "parataxis") and \
                    head.lemma_.lower() not in REPORTING:
                return None
            if head.lemma_.lower() in REPORTING and node.dep_ not in ("ccomp", "xcomp", "conj", "parataxis"):
                return head
            node = head
        return None

    def speaker_place_of_other(self, token: Token, trigger: Token) -> bool:
        """Is the phrase where someone reported this act from, rather than part of the act? (Where the
        report hangs under the act itself, "Araghchi, speaking in Istanbul, accused ...", it is the act's.)"""
        frame = self.report_frame(token)
        return frame is not None and frame.i != trigger.i and not trigger.is_ancestor(frame)
