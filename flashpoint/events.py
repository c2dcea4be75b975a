"""Dependency parse -> Event candidates, typed by the patterns in data/verbs.yaml.

For every word that can carry an act (a verb, or an event noun such as "strikes"), find the pattern
it fires, its source (subject, passive agent, controller of an infinitive, head of a relative clause,
owner of a nominal event) and target (object, passive subject, prepositional object), then ask
`factuality` and `attribution` about it. Coordinated actors give one event each; one act reported
several times in an article gives one event.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Doc, Token

from .actors import CAPTIVES, ActorResolver
from .attribution import ANONYMOUS_HEADS, Attributor, outlet_name
from .datafiles import load_yaml
from .factuality import DROPPING, INVOLVEMENT, cues, factuality_of, neither_nor, own_cues, phrasal
from .places import lookup as place_lookup, made_in
from .records import Actor, Article, Attribution, Event, Factuality, Span

# word sets of the rules below, in data/words.yaml so that an analyst can extend them
WORDS = {key: {kind: frozenset(str(w).lower() for w in words) for kind, words in value.items()}
         if isinstance(value, dict) else frozenset(str(w).lower() for w in value)
         for key, value in load_yaml("words.yaml").items()}

DATA = Path(__file__).parent / "data"

# Where a target hides when a pattern does not say (prepositions under the verb or its object).
TARGET_PREPS = {
    "ASSAULT": ("on", "against", "at", "into", "toward", "towards", "upon"),
    "COERCE": ("on", "against", "of", "from"),
    "SANCTION": ("on", "against"),
    "REQUEST": ("on", "to"),
    "CONSULT": ("with",),
}
# Acts that are themselves speech: "Katz said Tehran would pay a price" is Katz's threat, not his report.
SPEECH_TYPES = {"THREATEN", "ACCUSE", "REQUEST", "REJECT", "SUPPORT", "AGREE"}
CONFLICT_TYPES = {"ASSAULT", "COERCE", "SANCTION"}
SAID_TYPES = {"ACCUSE", "REQUEST", "SUPPORT", "REJECT", "THREATEN", "AGREE", "CONSULT"}  # acts done by saying
REACTION_TYPES = {"ACCUSE", "SUPPORT", "REJECT", "PROTEST", "THREATEN"}  # acts about another act
SUBJECT_DEPS = ("nsubj", "csubj")
# "urged Israel to halt", "prompting Warsaw to close": the object does the act below
OBJECT_CONTROL = {"urge", "ask", "call", "press", "tell", "order", "force", "allow", "permit", "encourage", "invite",
                  "push", "want", "warn", "persuade", "help", "pressure", "instruct", "direct", "prompt", "spur",
                  "lead", "cause", "compel", "authorize", "authorise", "enable", "expect", "require", "request"}
STATE_SECTORS = {"GOV", "MIL", "SPY", "COP", "LEG", "JUD"}
AGREEMENTS = {"deal", "agreement", "accord", "treaty", "pact", "talks", "negotiations", "ceasefire", "truce",
              "framework", "arrangement", "partnership", "alliance", "cooperation", "dialogue", "process"}
DISPUTE_VERBS = {"deny", "reject", "dismiss", "refute", "call", "brand", "describe", "rebuff", "contest", "dispute"}
CLAIM_NOUNS = {"charge", "allegation", "accusation", "claim", "report", "assertion", "account", "version", "story"}
# acts that end another act: "lifted sanctions", "halted strikes", "suspended its security cooperation"
UNDO_TYPES = {"CONCEDE", "RETREAT", "SANCTION"}
PLACE_NOUNS = {"city", "town", "village", "province", "region", "territory", "border", "capital", "airspace",
               "water", "waters", "soil", "coast", "port", "base", "street", "streets", "camp", "district", "area",
               "countryside", "north", "south", "east", "west", "frontier", "island", "islands"}
RESIDENT_SECTORS = {"CVL", "COP", "OPP", "LEG", "JUD", "BUS", "MED"}  # groups that take the country they are in
LOCATED_TYPES = {"ASSAULT", "COERCE", "RETREAT", "AID", "PROTEST", "MOBILIZE"}
LOCATIVE = {"in", "into", "inside", "across", "near", "at", "around", "throughout", "over", "outside", "within"}
JOINTLY = {"jointly"}
ADJUNCT_PREPS = {"during", "after", "before", "since", "amid", "despite", "following", "until", "by"}
WEAPONS = {"missile", "drone", "rocket", "artillery", "air", "tank", "mortar", "naval", "cruise", "ballistic", "bomb"}
TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
              "week", "weekend", "month", "year", "night", "morning", "evening", "day"}
PROTEST_NOUNS = {"protest", "demonstration", "rally", "riot", "sit-in", "unrest", "uprising"}
PROTESTERS = {"protester", "protestor", "demonstrator", "rioter", "marcher"}
PROTEST_VERBS = {"protest", "demonstrate", "rally", "march", "riot"}
DOCUMENTS = {"resolution", "law", "bill", "order", "decree", "decision", "measure", "motion", "statement", "declaration",
             "proclamation", "memorandum", "communique", "communiqué",
             "directive", "ruling", "legislation", "amendment"}
CREDITING = {"thank", "praise", "commend", "credit", "congratulate", "hail", "laud"}
PUNISHING = {"sanction", "blacklist", "designate", "penalize", "penalise", "punish", "indict", "fine", "target"}
DETERRENT_SPEECH = {"warn", "say", "caution", "vow", "threaten", "declare", "insist", "signal", "tell", "add", "stress"}
GENERIC_ACTS = {"move", "decision", "step", "action", "measure", "announcement", "act", "actions", "measures", "steps",
                "opinion", "ruling", "verdict", "judgment", "judgement", "finding", "findings", "legislation", "law",
                "bill", "decree", "ban", "policy", "order", "decisions"}
RULINGS = {"opinion", "ruling", "verdict", "judgment", "judgement", "finding", "findings"}
CAUSES = {"support", "solidarity", "favour", "favor", "defiance", "memory", "honour", "honor", "protest", "defence",
          "defense", "behalf", "response", "retaliation", "violation", "breach", "name"}
# a particle that turns the verb into its opposite: the bare verb's patterns do not apply
UNDOING_PARTICLES = {("call", "off"), ("put", "off"), ("hold", "off"), ("back", "off"), ("turn", "down"),
                     ("stand", "down"), ("hold", "back"), ("scale", "back"), ("walk", "back"), ("push", "back")}
GIVING = {"supply", "send", "deliver", "donate", "provide", "ship", "give", "sell", "transfer", "airlift", "pledge"}
PRICES = {"price", "consequence", "consequences", "penalty", "cost"}
PLAN_NOUNS = {"proposal", "plan", "idea", "scheme", "initiative", "offer", "blueprint"}
HOSTILE_TYPES = {"ASSAULT", "COERCE", "SANCTION", "THREATEN", "ACCUSE", "REJECT", "PROTEST", "MOBILIZE"}
NOT_ACTOR_OBJECTS = PLACE_NOUNS | {"facility", "embassy", "site"}  # "hosts a U.S. base": a place, not a guest
PROTEST_VENUES = PLACE_NOUNS | {"square", "road", "highway"}
NOT_ATTACKERS = PLACE_NOUNS | {"outpost", "embassy"}  # "a strike on a U.S. outpost that killed three troops"
RESPONDING = {"retaliate", "respond", "react", "reply", "hit"}
TYPE_NAMES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
              "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
JOINT = {"joint", "coordinated", "combined", "concerted"}
MEDIATE_VERBS = {"mediate", "broker", "facilitate"}
MEDIATING = {"mediating": "mediate", "brokering": "broker"}  # "with Anwar mediating" parsed as a noun
HOSTAGES = WORDS["hostages"]
TRAVELLING, NEGOTIATING = WORDS["travelling"], WORDS["negotiating"]  # (errands)
ERRAND_TYPES = {"CONSULT", "REQUEST", "AGREE", "SUPPORT"}
PARTY_TYPES = {"AGREE", "CONCEDE", "COOPERATE", "CONSULT", "RETREAT"}  # what a mediator brings parties to
MEDIATION_NOUNS, HOSTED_MEETINGS = WORDS["mediation_nouns"], WORDS["hosted_meetings"]
TRUCES, PARTY_NOUNS = WORDS["truces"], WORDS["party_nouns"]
GO_BETWEEN_VERBS, GO_BETWEEN_OBJECTS = WORDS["go_between_verbs"], WORDS["go_between_objects"]
ORCHESTRATING = WORDS["orchestrating"]
PROTEST_PURPOSE = {"protest", "denounce", "condemn", "oppose", "demand", "chant", "decry", "reject", "demonstrate",
                   "rally", "voice", "express", "show", "march", "criticize", "criticise"}
SUFFER_VERBS = {"pay", "suffer", "regret", "face", "bear"}
SPEECH_VERBS = {"urge", "call", "accuse", "condemn", "demand", "warn", "threaten", "reject", "praise", "ask",
                "criticize", "criticise", "blame", "denounce", "welcome", "appeal", "press", "insist", "vow"}
REPORTING_VERBS = {"say", "tell", "state", "announce", "add", "declare", "report", "claim", "confirm"}
PASSIVE_MARKERS = ("nsubjpass", "auxpass", "csubjpass")
THREAT_SPEECH = {"say", "warn", "vow", "pledge", "promise", "threaten", "insist", "declare", "state", "tell", "add",
                 "caution", "stress", "signal"}


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    type: str
    mode: str | None
    objects: frozenset[str]
    not_objects: frozenset[str]
    clause: frozenset[str]
    target_preps: tuple[str, ...]
    reciprocal: bool
    source_sectors: frozenset | None

    complement: bool = False  # needs a to-infinitive: "told Iran to stop"
    modal_clause: bool = False  # `clause` words count only in a clause with would/will/could: "said it would retaliate"
    actor_object: bool = False  # the direct object must be an actor: "called Netanyahu", not "what he called X"
    modifiers: frozenset[str] = frozenset()  # (nouns) a modifier that must precede: "hunger strike"
    object_target: bool = True  # False: the object is what is moved or given ("withdrew its troops")
    not_deps: frozenset[str] = frozenset()  # the pattern does not fire when the verb has these dependents
    clause_head: bool = False  # `clause` words count only at the top of the clause ("said Iran was responsible")
    home_target: bool = False  # with no target named, the act is aimed at the source's own country (crowd control)
    needs_target: bool = False  # no event without a target actor ("arrived in Baku" is a visit; "arrived" alone not)
    own_object: bool = False  # an object owned by another actor stops it ("dismantled Hezbollah's positions")

    @property
    def constrained(self) -> bool:
        return bool(self.objects or self.clause or self.complement or self.actor_object or self.source_sectors)


def own_thing(noun: Token) -> bool:
    """"its package", "their plan": a common noun owned by a pronoun, an actor only through its owner."""
    return noun.pos_ == "NOUN" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)


def left_behind(verb: Token) -> bool:
    """"..., leaving 20 soldiers dead", "leaving Hungary as the last holdout", "of leaving Kyiv short of weapons":
    what an act left behind, not a departure (a withdrawal that leaves a place is told by its own verb)."""
    return verb.tag_ == "VBG" and verb.dep_ == "advcl" or any(
        c.dep_ in ("oprd", "acomp", "xcomp", "ccomp") for c in verb.children)


def bare_pattern(pattern_id: str, event_type: str, target_preps: tuple[str, ...] = ()) -> Pattern:
    """A pattern made by a rule rather than read from verbs.yaml (no conditions of its own)."""
    return Pattern(pattern_id, event_type, None, frozenset(), frozenset(), frozenset(), target_preps, False, None)


# where something moved to: `location_country` with the "to" of a movement ("spread to dozens of Iranian cities")
MOVEMENT = bare_pattern("place.movement", "MOBILIZE")
# "troops sent to fight for Russia": fighting on someone's side is aid to them
FIGHT_FOR = bare_pattern("aid.fight_for", "AID", ("for", "alongside"))
EVACUATING, INCIDENTS, BODY_NOUNS = WORDS["evacuating"], WORDS["incidents"], WORDS["body_nouns"]
BLAMED_INCIDENT = bare_pattern("assault.incident", "ASSAULT", ("on", "at", "in"))
# "were leaving the Economic Community of West African States": quitting a body is a rejection of it
QUIT_BODY = bare_pattern("reject.quit_body", "REJECT")
MISSILE_TEST = bare_pattern("mobilize.test", "MOBILIZE", ("over",))
CONTESTED = WORDS["contested"]
# "sent Kyiv long-range missiles", "sent missiles to Ukraine": weapons handed over, not fired
SUPPLY = bare_pattern("aid.send_arms", "AID", ("to", "for"))
# "Iraq protested to Turkey", "Lebanon lodged a protest with the U.N.": a state's complaint is an accusation
PROTEST_TO = bare_pattern("accuse.protest_to", "ACCUSE", ("to", "with", "over", "against"))
# "an Egyptian convoy carrying flour crossed into Gaza", "launchers paid for by Berlin reached Ukraine": aid told
# by its arrival
AID_ARRIVAL = bare_pattern("aid.arrival", "AID")
# "a move that drew a sharp rebuke from Guterres", "drawing condemnation from Turkey", "sparked outrage in Tehran":
# a reaction named as what an act drew, from whom
DRAWING = WORDS["drawing"]
DRAWN = {noun: kind for kind, nouns in WORDS["drawn"].items() for noun in nouns}  # noun of the reaction -> type
DRAWN_PATTERNS = {kind: bare_pattern(f"{kind.lower()}.drawn", kind) for kind in set(DRAWN.values())}
ARRIVING, CARRIERS, AID_GOODS = WORDS["arriving"], WORDS["carriers"], WORDS["aid_goods"]
ARMS, SUPPLYING = WORDS["arms"], WORDS["supplying"]  # (arms arrive only "sent by" or "paid for by" someone)


@dataclass(frozen=True)
class PatternBook:
    verbs: dict[str, list[tuple[Pattern, str | None]]]  # lemma -> (pattern, required particle)
    nouns: dict[str, list[Pattern]]
    modes: dict[str, str]  # modifier word -> mode
    light_verbs: frozenset[str]
    types: dict[str, dict]

    def verb_entries(self, verb: Token) -> list[tuple[Pattern, str | None]]:
        lemma, form = verb.lemma_.lower(), verb.lower_
        entries = self.verbs.get(lemma, [])
        if form != lemma and form in self.verbs:
            entries = sorted(entries + self.verbs[form], key=lambda e: (e[1] is None, not e[0].constrained))
        if not entries:
            for guess in base_forms(form):  # the lemmatizer's misses: "staged" -> "stag"
                if guess in self.verbs:
                    return self.verbs[guess]
        return entries

    def noun_entries(self, noun: Token) -> list[Pattern]:
        """"talks" is a meeting, "talk" mostly not: the word form is asked too."""
        lemma, form = noun.lemma_.lower(), noun.lower_
        if noun.i >= 2 and noun.doc[noun.i - 1].tag_ == "HYPH" and noun.doc[noun.i - 1].whitespace_ == "" and \
                noun.doc[noun.i - 2].whitespace_ == "":
            joined = f"{noun.doc[noun.i - 2].lower_}-{form}"  # "call-up", "build-up", split by the tokenizer
            if joined in self.nouns:
                return self.nouns[joined]
        entries = self.nouns.get(lemma, [])
        if form != lemma and form in self.nouns:
            entries = [p for p in self.nouns[form] if p not in entries] + entries
            entries.sort(key=lambda p: not p.modifiers)
        return entries

    def similar_verb(self, lemma: str) -> str | None:
        return _similar_verb(lemma)

    def is_light(self, verb: Token) -> bool:
        """"launched strikes", "carried out a strike": the verb lends its subject to the noun."""
        lemma = verb.lemma_.lower()
        if lemma in self.light_verbs or any(g in self.light_verbs for g in base_forms(verb.lower_)):
            return True
        return any(f"{lemma} {c.lower_}" in self.light_verbs for c in verb.children if c.dep_ == "prt")


@functools.lru_cache(maxsize=1)
def patterns() -> PatternBook:
    raw = load_yaml("verbs.yaml")
    types = load_yaml("plover.yaml")
    verbs: dict[str, list[tuple[Pattern, str | None]]] = {}
    nouns: dict[str, list[Pattern]] = {}
    seen: set[str] = set()
    for item in raw["patterns"]:
        if item["id"] in seen:
            raise ValueError(f"verbs.yaml: duplicate pattern id {item['id']}")
        seen.add(item["id"])
        if item["type"] not in types:
            raise ValueError(f"verbs.yaml: pattern {item['id']} has unknown type {item['type']}")
        sectors = item.get("source_sectors")
        pattern = Pattern(
            id=item["id"], type=item["type"], mode=item.get("mode"),
            objects=frozenset(str(w).lower() for w in item.get("object", [])),
            not_objects=frozenset(str(w).lower() for w in item.get("not_object", [])),
            clause=frozenset(str(w).lower() for w in item.get("clause", [])),
            target_preps=tuple(item.get("target") or TARGET_PREPS.get(item["type"], ())),
            reciprocal=bool(item.get("reciprocal")),
            source_sectors=frozenset(sectors) if sectors else None,
            complement=bool(item.get("complement")),
            modal_clause=bool(item.get("modal_clause")),
            actor_object=bool(item.get("actor_object")),
            modifiers=frozenset(str(w).lower() for w in item.get("modifiers", [])),
            object_target=item.get("object_target", True),
            not_deps=frozenset(item.get("not_deps", [])),
            needs_target=bool(item.get("needs_target")),
            own_object=bool(item.get("own_object")),
            home_target=bool(item.get("home_target")),
            clause_head=bool(item.get("clause_head")),
        )
        for verb in item.get("verbs", []):
            words = str(verb).lower().split()
            verbs.setdefault(words[0], []).append((pattern, words[1] if len(words) > 1 else None))
        for noun in item.get("nouns", []):
            nouns.setdefault(str(noun).lower(), []).append(pattern)
    for entries in nouns.values():
        entries.sort(key=lambda p: not p.modifiers)
    for entries in verbs.values():
        # Particles and conditions first: "call off" before "call", "fire missiles" before "fire".
        entries.sort(key=lambda e: (e[1] is None, not e[0].constrained))
    modes = {word.lower(): mode for mode, words in raw.get("modes", {}).items() for word in words}
    return PatternBook(verbs, nouns, modes, frozenset(raw.get("light_verbs", [])), types)


# -- reading the parse -----------------------------------------------------------------------------
def with_conjuncts(token: Token) -> list[Token]:
    """A phrase and the phrases coordinated with it, also through an apposition the parser put first:
    "Foreign Minister [Abbas Araghchi] and U.S. envoy Steve Witkoff"."""
    out = [token, *[c for c in token.conjuncts if c.i > token.i]]
    for appos in token.children:
        if appos.dep_ == "appos":
            more = [c for c in appos.conjuncts if c.i > appos.i]
            if more and appos.pos_ == "PROPN" and token.pos_ == "PROPN":
                out.append(appos)  # "Saudi Arabia, [the United Arab Emirates], Bahrain and Egypt": a list
            out.extend(more)
    return out


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_MARKERS for c in verb.children)


def particle_of(verb: Token) -> set[str]:
    """Words completing a phrasal verb: particles anywhere, prepositions right after it ("fired at", not
    "marched ... on Sunday")."""
    ends = [verb.i] + [c.right_edge.i for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    return {c.lower_ for c in verb.children if c.dep_ == "prt" or
            (c.dep_ in ("prep", "advmod", "dobj") and c.i > verb.i and
             any(0 < c.i - end <= 2 for end in ends) and not when(c))}  # "pulled the United States out of the
    # deal" (not "fired ... on Tuesday")


def when(prep: Token) -> bool:
    """"on Tuesday", "at dawn": a preposition that says when."""
    return any(g.dep_ == "pobj" and (g.ent_type_ in ("DATE", "TIME") or g.lower_ in TIME_WORDS)
               for g in prep.children)


@functools.lru_cache(maxsize=4096)
def _similar_verb(lemma: str) -> str | None:
    """The known verb that `lemma` is built on: a known verb ending it after a prefix ("reimpose",
    "airlift", "counterstrike", "outgun"), covering at least half of the word; the longest wins."""
    best = None
    for known in patterns().verbs:
        if " " in known or len(known) < 4 or not lemma.endswith(known) or len(known) * 2 < len(lemma):
            continue
        if best is None or len(known) > len(best):
            best = known
    return best


def infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def base_forms(form: str) -> list[str]:
    """Guesses at a verb's base form from its inflection, for words the lemmatizer gets wrong."""
    out = []
    for suffix, repl in (("ied", "y"), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("es", ""), ("s", "")):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            out.append(form[: -len(suffix)] + repl)
    return out


def object_gap(verb: Token) -> bool:
    """Is the verb a relative clause whose object is the noun it hangs from? "the three Ukrainian vessels
    (that) it seized", "the reporter it has held since March" (but not "Iran, which attacked Israel")."""
    if verb.dep_ != "relcl" or verb.pos_ != "VERB" or is_passive(verb) or verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children):
        return False  # "the villages they had occupied", "the ceasefire he had announced": background, told elsewhere
    if any(c.dep_ == "advmod" and c.lower_ in ("where", "when", "whereby", "why") for c in verb.children):
        return False  # "talks in Sweden, where the two sides agreed to a truce": a place or a time, not an object
    objects = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp")]
    if any(o.lower_ in ("that", "which", "whom") for o in objects if o.dep_ == "dobj"):
        return True
    return not objects and any(c.dep_ == "nsubj" and c.lower_ not in ("that", "which", "who") for c in verb.children) \
        and not any(c.dep_ == "prep" and not any(g.dep_ == "pobj" for g in c.children) for c in verb.children)


def talks_venue(token: Token) -> bool:
    """"talks in Switzerland", "the G7 summit in Canada": a place named as where people met."""
    return token.pos_ == "PROPN" and token.dep_ == "pobj" and token.head.lower_ in ("in", "at") and \
        token.head.head.lemma_.lower() in WORDS["gatherings"]


def own_clause_lemmas(verb: Token) -> set[str]:
    """Lemmas of the verb's finite complement clauses with a subject of their own ("announced that Washington
    would halt its campaign"), as far as no other object word of the verb shares them (not "let them leave")."""
    if verb.lemma_.lower() in ("let", "make", "have", "help", "see", "watch"):
        return set()
    clauses = [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX") and
               any(g.dep_ == "nsubj" for g in c.children) and (c.tag_ in ("VBD", "VBZ", "VBP") or any(
                   g.dep_ in ("aux", "mark") and g.tag_ != "TO" for g in c.children))]
    if not clauses:
        return set()
    ids = {c.i for c in clauses}
    return lemma_set(clauses) - lemma_set([t for t in object_words(verb) if t.i not in ids])


def object_words(verb: Token) -> list[Token]:
    """Words that can satisfy a pattern's `object` condition."""
    found = []
    direct = any(c.dep_ == "dobj" for c in verb.children)
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ == "NOUN" and verb.lemma_.lower() in GIVING:
        found.append(verb.head)  # "drones supplied by the Emirates", "tanks sent by the United States"
    if object_gap(verb):
        found.append(verb.head)  # "the Ukrainian vessels it seized"
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "from" and not direct:
            continue  # "dropped from a helicopter" (but "expelled Russia from the organisation")
        if child.dep_ in ("dobj", "attr", "oprd", "dative", "xcomp", "ccomp", "acomp"):
            found.extend(with_conjuncts(child))
            if child.lemma_.lower() in COLLECTIVES:  # "handed Qatar a list of 13 demands", "a package of sanctions"
                found.extend(g for p in child.children if p.dep_ == "prep" and p.lower_ == "of"
                             for g in p.children if g.dep_ == "pobj")
            if child.lemma_.lower() == "access":  # "restricted access to Instagram"
                found.extend(t for p in child.children if p.dep_ == "prep" and p.lower_ == "to"
                             for g in p.children if g.dep_ == "pobj" for t in with_conjuncts(g))
        elif child.dep_ == "nsubjpass":
            found.extend(with_conjuncts(child))
        elif child.dep_ == "prep" and child.lower_ == "until" and verb.lemma_.lower() == "give":
            found.append(child)  # "gave Hamas until Sunday to free the hostages": a deadline
        elif child.dep_ in ("prep", "prt", "agent") and child.lower_ not in ADJUNCT_PREPS:
            # (not "dropped from a helicopter", "killed during prayers": where from and when are not objects)
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp"):
                    found.extend(with_conjuncts(obj))
                    if obj.dep_ == "pcomp":  # "warned of crushing retaliation" (parsed as a gerund and its object)
                        found.extend(g for g in obj.children if g.dep_ == "dobj")
                elif obj.dep_ == "prep":  # "pulled out of talks"
                    found.extend(g for g in obj.children if g.dep_ == "pobj")
    # "fired a barrage of missiles": the thing a quantity noun measures counts too
    extra = []
    for token in found:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "in"):
                for g in child.children:
                    if g.dep_ == "pobj":  # ("hundreds of drone attacks": the measured thing's own compounds too)
                        extra.extend([g, *(c for c in g.children if c.dep_ == "compound")])
            if child.dep_ == "acl":  # "a plane carrying 40 tonnes of food"
                for g in child.children:
                    if g.dep_ == "dobj":
                        extra.append(g)
                        extra.extend(p for c in g.children if c.dep_ == "prep" and c.lower_ == "of"
                                     for p in c.children if p.dep_ == "pobj")
            if child.dep_ in ("compound", "amod"):
                extra.append(child)
    return found + extra


def lemma_set(tokens: list[Token]) -> set[str]:
    out = set()
    for token in tokens:
        out.add(token.lemma_.lower())
        out.add(token.lower_)
    return out


MODALS = {"would", "will", "could", "might", "may", "'ll", "'d", "shall", "wo"}
# (not "demanding that the kingdom sever ties": that is addressed to the protesters' own state)
DEMANDING = {"call", "chant", "denounce", "condemn", "protest", "decry", "accuse", "shout"}
# verbs that stop an act announced under them ("would stop striking"); cancelling is factuality.DROPPING
HALTING = {"stop", "halt", "cease", "suspend", "end", "pause", "refrain", "avoid", "quit"}
BROKERING = WORDS["brokering"]
POLICY_ACTS = WORDS["policy_acts"]
FIGURATIVE_WARS = WORDS["figurative_wars"]
SEARCHES, RESCUES = WORDS["searches"], WORDS["rescues"]  # ("arrested in a raid", "freed in a raid")
COLLECTIVES = WORDS["collectives"]
NAMING_VERBS, DIRECTIVES = WORDS["naming"], WORDS["directives"]
READY = {"ready", "prepared", "poised", "willing", "determined"}


def naming_object(verb: Token) -> Token | None:
    """In "an act the Pentagon called an unprovoked attack" the relative clause's object is the name given to
    the act it hangs from, not what is named: that object, for a naming verb in such a clause. ("a charge Tehran
    called ugly propaganda" is a denial, coded by `disputes`.)"""
    if verb.dep_ != "relcl" or verb.lemma_.lower() not in NAMING_VERBS or verb.head.lemma_.lower() in CLAIM_NOUNS or \
            not any(c.dep_ == "nsubj" and c.lower_ not in ("that", "which", "who") for c in verb.children):
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ not in ("that", "which")]
    if len(objects) != 1 or any(c.dep_ == "oprd" for c in verb.children):
        return None
    return objects[0]


def modal_clause(clause: Token) -> bool:
    """A clause about what will or may be: with a modal ("would retaliate"), of readiness ("was ready to hit
    Iran's oil facilities"), or the idiom of options "on the table"."""
    if any(g.dep_ == "aux" and g.lower_ in MODALS or g.dep_ == "acomp" and g.lower_ in READY for g in clause.children):
        return True
    lemmas = {t.lemma_.lower() for t in clause.subtree}
    return "option" in lemmas and "table" in lemmas


def clause_words(verb: Token, modal_only: bool = False, head_only: bool = False) -> set[str]:
    """Lemmas in the clauses (and predicative complements: "called the raids a breach") under a verb,
    only clauses with a modal when asked."""
    words: set[str] = set()
    named = naming_object(verb)
    if named is not None:  # "an act the Pentagon called an unprovoked attack"
        words.update(t.lemma_.lower() for t in named.subtree)
    for child in verb.children:
        if child.dep_ == "dobj":  # "called Israel's strikes a gross violation" (parsed as an apposition)
            for grand in child.children:
                if grand.dep_ in ("appos", "oprd") or (grand.dep_ == "prep" and grand.lower_ == "as"):
                    words.update(t.lemma_.lower() for t in grand.subtree)
        if child.dep_ in ("ccomp", "xcomp", "advcl", "parataxis", "oprd", "acomp") or (
                child.dep_ == "prep" and child.lower_ == "as"):
            # ("would impose sanctions rather than respond militarily": what is ruled out is no content)
            excluded = {t.i for m in child.subtree if m.lower_ == "than" and m.i > 0 and m.doc[m.i - 1].lower_ == "rather"
                        or m.lower_ == "instead" for t in m.head.subtree if t.i >= m.i}
            if modal_only:
                # each coordinated clause on its own: "said the damage was limited and that it would respond"
                for clause in (child, *(c for c in child.conjuncts if c.i > child.i and c.pos_ in ("VERB", "AUX"))):
                    if modal_clause(clause):
                        # (not a coordinated verb that is no modal clause: "said he would not support a strike,
                        # and urged Israel to respond proportionally")
                        plain = {t.i for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                                 and c.tag_ != "VB" and not modal_clause(c) for t in c.subtree}  # ("will ... and
                        # respond with full force" shares the modal)
                        words.update(w for t in clause.subtree if t.i not in excluded and t.i not in plain
                                     for w in (t.lemma_.lower(), t.lower_))
                continue
            if head_only:
                words.add(child.lemma_.lower())
                # ("said Israel was committing genocide": the object of the clause's verb too)
                words.update(g.lemma_.lower() for g in child.children if g.dep_ in ("acomp", "attr", "prep", "advmod",
                                                                                  "dobj"))
                # ("said the drone attack was a terrorist act": what the act is called)
                words.update(m.lemma_.lower() for g in child.children if g.dep_ in ("attr", "dobj")
                             for m in g.children if m.dep_ == "amod")
                # ("said the attack could amount to a war crime")
                words.update(o.lemma_.lower() for g in child.children if g.dep_ == "prep" and g.lower_ in ("to", "as")
                             for o in g.children if o.dep_ == "pobj")
                continue
            # (the word as written too: the lemma of "all the means at its disposal" is "mean")
            words.update(w for t in child.subtree if t.i not in excluded for w in (t.lemma_.lower(), t.lower_))
    return words


class Extractor:
    """Finds the events of one parsed article."""

    def __init__(self, doc: Doc, article: Article, resolver: ActorResolver, attributor: Attributor):
        self.doc = doc
        self.article = article
        self.actors = resolver
        self.attributor = attributor
        self.book = patterns()
        self.found: list[Event] = []  # events found so far, in the order the extractor finds them
        self.brokered_by: set[tuple[int, str | None]] = set()  # (trigger offset, broker) of mediated deals
        last = doc[-1] if len(doc) else None
        self.doc_length = last.idx + len(last.text_with_ws) if last is not None else 0  # (Doc.text is rebuilt per call)

    # -- which pattern --------------------------------------------------------------------------
    def verb_pattern(self, verb: Token) -> Pattern | None:
        entries = self.book.verb_entries(verb)
        if not entries:
            return None
        if verb.lemma_.lower() in RESPONDING and any(c.dep_ == "prep" and c.lower_ == "by" and any(
                g.dep_ == "pcomp" for g in c.children) for c in verb.children):
            return None  # "Tehran retaliated by naming CENTCOM a terrorist group": the means says what was done
        particles = particle_of(verb)
        objects = other_acts = None
        own_particles = {c.lower_ for c in verb.children if c.dep_ == "prt"}
        for pattern, particle in entries:
            if particle is not None and particle not in particles:
                continue
            if particle is not None and own_particles and particle not in own_particles and \
                    particle not in ("to", "for", "with", "at", "into"):
                continue  # "called off a march on the embassy" is not "call on"
            if particle is None and any((verb.lemma_.lower(), p) in UNDOING_PARTICLES for p in own_particles):
                continue  # "called off a march": not "called a march"
            if objects is None:
                objects = lemma_set(object_words(verb)) | self.place_objects(verb)
            if particle == "from" and pattern.objects:
                # "withdrew from the nuclear deal": the phrasal verb's own object is what "from" governs
                # (object_words leaves "from" out, mostly where from: "dropped from a helicopter"; and not
                # "withdrew from the corridor under the agreement")
                froms = lemma_set([g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                                   for g in c.children if g.dep_ == "pobj"])
                if froms and not froms & pattern.objects:
                    continue
                objects = objects | froms
            if pattern.not_objects and objects & pattern.not_objects:
                continue
            if pattern.not_objects and pattern.type == "REJECT" and self.left_places(verb) & pattern.not_objects:
                continue  # "withdrew from the Philadelphi corridor under the agreement": a pullout, not a rejection
            if pattern.complement and not any(c.dep_ == "xcomp" for c in verb.children):
                continue
            if pattern.own_object and self.owned_by_other(verb):
                continue  # "the army dismantled Hezbollah's positions" is not the army's retreat
            if pattern.not_deps and any(c.dep_ in pattern.not_deps for c in verb.children):
                continue
            if pattern.type == "CONSULT" and any(
                    outlet_name(self.actors.phrase_text(t)) for t in object_words(verb) if t.pos_ == "PROPN"):
                continue  # "speaking to The Wall Street Journal" is an interview, not a consultation
            if pattern.source_sectors is not None:
                subjects = [self.actors.actor_of(t) for t in self.subjects(verb)]
                if not any(a is not None and a.sector in pattern.source_sectors for a in subjects):
                    continue
            if pattern.actor_object and not any(
                    (self.actor(t) or self.unanchored(t)) and not self.owned_by_pronoun(t) and
                    t.lemma_.lower() not in NOT_ACTOR_OBJECTS
                    for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for t in with_conjuncts(c)):
                continue  # ("dissolved all political parties": a group with no country named is still an actor)
            matched = objects
            if pattern.objects and pattern.type not in SPEECH_TYPES:
                # "announced that Washington would halt its campaign": a clause with a subject of its own is
                # another act, not this verb's object (but "warned that Iran would retaliate" is the threat)
                if other_acts is None:
                    other_acts = own_clause_lemmas(verb)
                matched = objects - other_acts
            if pattern.objects or pattern.clause:
                if not ((pattern.objects and matched & pattern.objects) or
                        (pattern.clause and clause_words(verb, pattern.modal_clause, pattern.clause_head)
                         & pattern.clause)):
                    continue
            return pattern
        return None

    def owned_by_other(self, verb: Token) -> bool:
        """Is the verb's object owned by someone other than its subject ("dismantled its positions", with "its"
        the group named before and the army the subject)?"""
        subjects = [a for t in self.subjects(verb) if (a := self.actors.actor_of(t)) is not None]
        owners = [a for c in verb.children if c.dep_ == "dobj" for p in c.children if p.dep_ == "poss"
                  if (a := self.actors.actor_of(p)) is not None]
        return bool(subjects and owners) and all(
            (o.org or o.country, o.sector) != (s.org or s.country, s.sector) for o in owners for s in subjects)

    def left_places(self, verb: Token) -> set[str]:
        """What a verb of leaving leaves ("withdrew from the corridor", "pulled out of Khan Younis"): its lemmas,
        and "<place>" for a named town or region."""
        left = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
                for g in c.children if g.dep_ == "pobj"]
        left += [g for c in verb.children if c.dep_ in ("prt", "prep") and c.lower_ == "out"
                 for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        return lemma_set(left) | ({"<place>"} if any(self.named_place(t) for t in left) else set())

    def place_objects(self, verb: Token) -> set[str]:
        """{"<place>"} when the verb's object is a named town, city or region, not a state ("seized El Fasher",
        "overran Lalibela"): patterns list "<place>" among their objects to fire on it."""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        return {"<place>"} if any(self.named_place(t, capitals=True) for t in objects) else set()

    def named_place(self, token: Token, capitals: bool = False) -> bool:
        """Is this proper noun a town, city or region of the gazetteer, not a state, people, group or person?
        capitals: also a capital the actor list knows that the gazetteer lacks."""
        if token.pos_ != "PROPN":
            return False
        mention = self.actors.mention_at(token)
        if mention is not None and mention.entry.kind in ("country", "demonym", "org", "leader"):
            return False
        place = place_lookup(" ".join(t.text for t in token.subtree if t.i <= token.i and t.pos_ == "PROPN"))
        return place is not None and place.kind != "country" or capitals and token.ent_type_ in ("GPE", "LOC", "FAC") \
            and mention is not None and mention.entry.kind == "capital"

    def similar_pattern(self, verb: Token) -> Pattern | None:
        """Fallback for a verb no pattern knows: the unconstrained pattern of the most similar known verb
        by spelling ("re-imposed" ~ "reimpose", "counter-attacked" ~ "counterattack", "airlifted" ~
        "airlift"), when the two share a long stem. Events from it get the rule suffix `.similar` and a
        low confidence."""
        best = None
        for form in [verb.lemma_.lower(), *base_forms(verb.lower_)]:
            form = form.replace("-", "")
            if len(form) >= 5 and form not in self.book.verbs:
                best = self.book.similar_verb(form)
                if best is not None:
                    break
        if best is None:
            return None
        pattern = next((p for p, particle in self.book.verbs[best] if particle is None and not p.constrained), None)
        if pattern is None:
            return None
        return replace(pattern, id=pattern.id + ".similar")

    def noun_pattern(self, noun: Token) -> Pattern | None:
        entries = self.book.noun_entries(noun)
        if noun.lower_ == "call" and any(c.dep_ == "prep" and c.lower_ == "for" and not any(
                g.lemma_.lower() in TIME_WORDS | {"hour", "minute"} for g in c.subtree) for c in noun.children) and \
                not any(c.lower_ in ("phone", "telephone", "video", "courtesy") for c in noun.lefts) and \
                not (noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during", "on")):
            # "rejected Kyiv's call for an unconditional ceasefire": an appeal (a call alone is a phone call)
            entries = [p for p in self.book.nouns.get("calls", []) if p.type == "REQUEST"] or entries
        if not entries:
            return None
        if noun.dep_ == "pobj" and noun.head.lower_ == "in" and not any(c.dep_ in ("det", "poss", "amod")
                                                                         for c in noun.children):
            return None  # "recalled its ambassador in protest", "in retaliation": the manner of another act
        if noun.lemma_.lower() in BODY_NOUNS and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) \
                and not any(c.dep_ in ("prep", "poss", "amod", "compound") for c in noun.children):
            return None  # "Ukraine's future lay in the alliance": NATO, not an act of allying
        modifiers = {c.lower_ for c in noun.lefts if c.dep_ in ("amod", "compound", "nmod", "npadvmod")}
        for pattern in entries:
            if pattern.modifiers and not modifiers & pattern.modifiers:
                continue
            return pattern
        return None

    # -- who acts on whom ------------------------------------------------------------------------
    def of_members(self, token: Token) -> list[Token]:
        """"the military governments of Mali and Burkina Faso", "the foreign ministers of Egypt and Jordan",
        "warships from the United States, South Korea and Japan": one body per state, so each state acts."""
        if token.lower_ == "they" and token.dep_ == "nsubj" and token.head.dep_ == "ccomp" and \
                token.head.head.lemma_.lower() in REPORTING_VERBS:
            # "The military governments of Mali, Burkina Faso and Niger said they were leaving ECOWAS": all three
            reporters = [c for c in token.head.head.children if c.dep_ == "nsubj" and c.i < token.i]
            if not reporters or reporters[0].lower_ == "they":
                return [token]
            # (and "Britain, France and Canada said they would recognise a Palestinian state")
            members = [m for r in with_conjuncts(reporters[0]) for m in self.of_members(r)]
            members = [m for m in members if (a := self.actors.actor_of(m)) is not None and a.country]
            return members if len(members) > 1 else [token]
        if token.tag_ not in ("NNS", "NNPS") or self.actors.sector_of(token) is None:
            return [token]
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):  # ("warships from the U.S., Japan and ...")
                for obj in prep.children:
                    if obj.dep_ != "pobj":
                        continue
                    # ("of Mali and Burkina Faso" may come parsed as "[Mali and] Burkina Faso")
                    listed = [c for c in obj.children if c.dep_ == "nmod" and any(g.dep_ == "cc" for g in c.children)]
                    members = []
                    for member in [*listed, *with_conjuncts(obj)]:
                        actor = self.actors.actor_of(member, allow_modifiers=False)
                        if actor is not None and actor.country:
                            members.append(member)
                    if len(members) > 1:
                        return members
        return [token]

    def fired_as_test(self, verb: Token) -> bool:
        """"test-fired a missile", "fired two missiles into the sea", "fired a missile over Japan" (and at no one):
        a test or a show of force over someone, not a strike."""
        preps = [c for h in (verb, *(o for o in verb.children if o.dep_ == "dobj"))
                 for c in h.children if c.dep_ == "prep"]
        if any(c.lower_ in ("at", "on", "against", "toward", "towards") and not when(c) for c in preps):
            return False
        return any(c.lower_ == "test" for c in verb.lefts) or any(
            c.lower_ == "into" and g.lemma_.lower() in ("sea", "ocean", "water", "waters") or
            c.lower_ == "over" and (a := self.actors.actor_of(g)) is not None and bool(a.country)
            for c in preps for g in c.children if g.dep_ == "pobj")

    def forceful(self, verb: Token) -> bool:
        pattern = self.verb_pattern(verb) if verb.pos_ in ("VERB", "AUX") else None
        return pattern is not None and pattern.type in ("ASSAULT", "COERCE")

    def subjects(self, verb: Token, depth: int = 0) -> list[Token]:
        if depth > 4:
            return []
        if is_passive(verb):
            for child in verb.children:
                if child.dep_ == "agent":
                    return [t for obj in child.children if obj.dep_ == "pobj" for t in with_conjuncts(obj)]
            for child in verb.children:
                # "was killed in an Israeli strike": the strike's owner did it
                if child.dep_ == "prep" and child.lower_ in ("in", "during", "by"):
                    for obj in child.children:
                        if obj.dep_ == "pobj" and self.book.noun_entries(obj):
                            owner = self.owner_of(obj)
                            if owner:
                                return owner
                        if obj.dep_ in ("pobj", "pcomp") and any(t.lower_ == "what" for t in obj.subtree):
                            # "killed in what sources described as an Israeli drone strike"
                            for noun in obj.subtree:
                                if noun.pos_ == "NOUN" and self.book.noun_entries(noun) and self.owner_of(noun):
                                    return self.owner_of(noun)
            return []
        subs = [t for c in verb.children if c.dep_ in SUBJECT_DEPS for t in with_conjuncts(c)] or [
            # "as long as Israel keeps bombing": the parser may hang the subject on "keeps" as an auxiliary
            t for a in verb.children if a.dep_ == "aux" and a.pos_ in ("AUX", "VERB") and a.i < verb.i
            for c in a.children if c.dep_ in SUBJECT_DEPS for t in with_conjuncts(c)]
        if subs:
            if subs[0].lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
                others = [t for t in subs[1:] if t.lower_ not in ("which", "who", "that")]
                if others:  # "a deal that Trump helped broker": "that" is the object, the parser's second subject acts
                    return [member for t in others for member in self.of_members(t)]
                return with_conjuncts(verb.head)
            return [member for t in subs for member in self.of_members(t)]
        dep, head = verb.dep_, verb.head
        if dep == "conj" and verb.lemma_.lower() in SPEECH_VERBS and head.dep_ == "ccomp" and \
                head.head.lemma_.lower() in REPORTING_VERBS and head.head.i < head.i:
            # "X said Iran was responsible and urged Tehran to ...": the parser hangs "urged" on the
            # reported clause, but it is X who urges.
            return self.subjects(head.head, depth + 1)
        if dep == "advcl" and verb.tag_ == "VBG" and head.dep_ == "advcl" and verb.i > head.i and any(
                c.dep_ == "mark" and c.lower_ in ("as", "while", "when") for c in head.children) and \
                head.head.i != head.i and head.head.i < head.i and self.forceful(head.head) and \
                not self.forceful(head):
            # "missiles slammed into Sumy as residents gathered for services, killing 34": the participle after a
            # time clause goes with the clause that clause is the time of
            return self.subjects(head.head, depth + 1)
        if dep == "advcl" and verb.tag_ == "VBG" and infinitive(head):
            # "urged the court to order Israel to halt its campaign, accusing it of genocide": a participle
            # hung on an infinitive is the deed of the sentence's finite verb, not of the infinitive
            top = head
            while infinitive(top) and top.dep_ in ("xcomp", "ccomp") and top.head.i != top.i:
                top = top.head
            if top.i != head.i:
                return self.subjects(top, depth + 1)
        if dep == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp" and head.lower_ in READY and \
                head.head.i != head.i:
            return self.subjects(head.head, depth + 1)  # "the military was prepared to strike Iran": the military
        if dep == "xcomp" and head.i != verb.i and is_passive(head) and not any(c.dep_ == "agent" for c in head.children):
            raised = [t for c in head.children if c.dep_ == "nsubjpass" for t in with_conjuncts(c)]
            if raised:  # "Israel is expected to strike", "Blinken is scheduled to meet Netanyahu": the raised subject
                return [member for t in raised for member in self.of_members(t)]
        if dep in ("xcomp", "conj", "advcl") and head.i != verb.i:
            if dep in ("xcomp", "advcl") and head.lemma_.lower() == "give" and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
                datives = [c for c in head.children if c.dep_ == "dative" or c.dep_ == "dobj" and any(
                    p.dep_ == "prep" and p.lower_ == "until" for p in head.children)]
                if datives:
                    return with_conjuncts(datives[0])  # "gave Israel four days to lift its blockade": Israel is to act
            if dep == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
                objs = [c for c in head.children if c.dep_ == "dobj"]
                if objs and head.lemma_.lower() in ("order", "instruct", "direct", "command") and \
                        self.unanchored(objs[0]):
                    return self.subjects(head, depth + 1)  # "Putin ordered troops to withdraw": his own troops
                if objs:
                    return with_conjuncts(objs[0])
            return self.subjects(head, depth + 1)
        if dep == "relcl":
            return with_conjuncts(head)
        if dep == "pcomp" and head.dep_ == "prep":
            governor = head.head
            objs = [c for c in governor.children if c.dep_ == "dobj"]
            if objs and governor.lemma_.lower() in ("accuse", "blame", "charge", "suspect", "condemn", "criticize",
                                                    "thank", "praise", "warn", *PUNISHING):
                return with_conjuncts(objs[0])
            if governor.pos_ in ("VERB", "AUX"):
                return self.subjects(governor, depth + 1)
            if governor.pos_ == "NOUN" and governor.lemma_.lower() in PRICES and governor.head.pos_ in ("VERB", "AUX"):
                return self.subjects(governor.head, depth + 1)  # "would pay a heavy price for supplying missiles"
        if dep == "acl" and verb.tag_ == "VBN":
            # "F-16 jets donated by Denmark": the participle's agent
            agents = [t for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"
                      for t in with_conjuncts(o)]
            if agents:
                return agents
        if dep == "acl" and verb.tag_ == "VBG" and head.lemma_.lower() in DOCUMENTS and head.dep_ in ("dobj", "nsubjpass") \
                and head.head.pos_ in ("VERB", "AUX") and not self.owner_of(head):
            # "adopted a resolution demanding that ...", "passed laws barring UNRWA": the adopters act
            return self.subjects(head.head, depth + 1)
        if dep == "acl" and head.pos_ in ("NOUN", "PROPN") and verb.tag_ != "VBN":
            # ("American soldiers killed in the war" are the victims, not the killers)
            owner = self.owner_of(head)
            if owner:
                return owner
        return []

    def owner_of(self, noun: Token) -> list[Token]:
        """Who a nominal act belongs to: "Israel's strikes", "Israeli strikes", "strikes by Israel"."""
        for child in noun.children:
            if child.dep_ == "poss" and child.lower_ == "their" and self.actors.actor_of(child) is None:
                # "Biden and Putin agreed at their first summit": "their" is the pair the clause is about
                verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
                pair = [t for c in (verb.children if verb is not None else ()) if c.dep_ == "nsubj"
                        for t in with_conjuncts(c)]
                if len(pair) > 1:
                    return pair
            if child.dep_ == "poss" and not (child.ent_type_ in ("DATE", "TIME") or child.lower_ in TIME_WORDS):
                return with_conjuncts(child)  # (not "Sunday's Russian missile strike": that one is Russia's)
        types = {p.type for p in self.book.noun_entries(noun)}
        for child in noun.children:
            if child.dep_ == "prep" and (child.lower_ == "by" or child.lower_ == "from" and types & SPEECH_TYPES):
                # "strikes by Israel"; "a list of demands from Saudi Arabia", "an offer from Cairo"
                return [t for obj in child.children if obj.dep_ == "pobj" for t in with_conjuncts(obj)]
            if child.dep_ == "prep" and child.lower_ == "of" and types & {"RETREAT", "MOBILIZE"}:
                # "the withdrawal of Russian troops", "the deployment of 5,000 soldiers": the troops move
                movers = [t for obj in child.children if obj.dep_ == "pobj" for t in with_conjuncts(obj)
                          if (a := self.actors.actor_of(t)) is not None and a.sector in ("MIL", "REB", "COP")
                          and a.country]  # (not "a call-up of 300,000 reservists": whose, the verb says)
                if movers:
                    return movers
        for child in noun.lefts:
            if child.dep_ in ("amod", "compound", "nmod") and self.actors.mention_at(child) is not None:
                return [child, *[c for c in [*child.conjuncts, *hyphen_pair(child)]
                                 if self.actors.mention_at(c) is not None]]
        weapons = [c for c in noun.lefts if c.dep_ == "compound" and c.lemma_.lower() in WEAPONS]
        if noun.dep_ == "conj" and noun.head.i < noun.i and noun.head.lemma_.lower() in WEAPONS:
            weapons.append(noun.head)  # "Russian missile and drone attacks", parsed as missile and attacks
        for weapon in weapons:  # "Russian missile strike", parsed as a Russian missile's strike
            for mod in weapon.lefts:
                if mod.dep_ in ("amod", "compound", "nmod") and self.actors.mention_at(mod) is not None:
                    return [mod, *[c for c in mod.conjuncts if self.actors.mention_at(c) is not None]]
        return []

    @staticmethod
    def is_venue(token: Token) -> bool:
        """"poured into the streets of Beirut, Tripoli and Tyre": a city named as where a crowd went."""
        while token.dep_ == "conj":
            token = token.head
        return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in PROTEST_VENUES

    def diplomatic_protest(self, verb: Token) -> bool:
        """A state (a country or capital named, or its government) protesting *to* another party."""
        addressed = any(c.dep_ == "prep" and c.lower_ == "to" and any(
            g.dep_ == "pobj" and self.actor(g) is not None for g in c.children) for c in verb.children)
        if not addressed:
            return False
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            mention = self.actors.mention_at(subject)
            actor = self.actor(subject)
            if mention is not None and mention.entry.kind in ("country", "capital") or \
                    actor is not None and actor.sector == "GOV":
                return True
        return False

    def own_conduct_refused(self, verb: Token) -> bool:
        """"ruled out sending troops", "declined to release the sailors": a refusal about one's own act is that act,
        negated (the conventions), not a rejection of anyone."""
        if verb.lemma_.lower() not in ("rule", "refuse", "decline"):
            return False
        for child in verb.children:
            if child.dep_ in ("xcomp", "pcomp", "dobj", "ccomp") and child.pos_ == "VERB" and not any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                pattern = self.verb_pattern(child)
                if pattern is not None and pattern.type not in SPEECH_TYPES | {"CONSULT"}:
                    return True
        return False

    def sides_between(self, trigger: Token) -> list[Token]:
        """"Heavy fighting erupted between Sudan's army and the RSF", "clashes between Armenian and Azerbaijani
        forces": the two sides of a fight, each acting on the other."""
        holders = [trigger, trigger.head] if trigger.dep_ == "nsubj" else [trigger]  # ("erupted ... between")
        sides = [t for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "between"
                 for o in c.children if o.dep_ == "pobj" for t in with_conjuncts(o)]
        if len(sides) == 1:
            sides = [m for c in sides[0].children if c.dep_ in ("amod", "compound") and self.actors.mention_at(c)
                     for m in [c, *c.conjuncts] if self.actors.mention_at(m) is not None]
        return sides if len(sides) >= 2 else []

    def adjunct_source(self, noun: Token) -> list[Token]:
        """Whose is an agentless nominal act? "Putin offered ... in a telephone call with Trump" (Putin's);
        "Iran denied any role in the attacks" (Iran's)."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.dep_ != "prep":
            return []
        governor = prep.head
        if prep.lower_ in ("for", "over") and governor.pos_ in ("VERB", "AUX"):
            # "Saudi Arabia blamed Iran for the attack": the attack is the accused's
            objects = [c for c in governor.children if c.dep_ == "dobj" and self.actor(c)]
            if objects:
                return with_conjuncts(objects[0])
        talks = any(p.type == "CONSULT" for p in self.book.noun_entries(noun))
        if prep.lower_ in ("after", "following") and talks and governor.pos_ in ("VERB", "AUX") and \
                any(c.dep_ == "prep" and c.lower_ == "with" for c in noun.children):
            return self.subjects(governor)  # "Hamas freed Alexander after direct talks with U.S. envoys"
        if prep.lower_ in ("for", "on") and f"{governor.lemma_.lower()} {prep.lower_}" in cues().goals:
            return []  # "Qatar called for the release of the hostages": the release is not Qatar's
        if prep.lower_ in ("in", "during", "for", "through", "via", "by", "at") and governor.pos_ in ("VERB", "AUX"):
            if prep.lower_ in ("during", "at") and not any(p.type in ("CONSULT", "AGREE") for p in
                                                            self.book.noun_entries(noun)):
                return []  # "shot dead 58 Palestinians during mass protests": the protests are not the troops'
            return self.subjects(governor)
        if prep.lower_ == "in" and governor.lemma_.lower() in INVOLVEMENT and governor.head.pos_ in ("VERB", "AUX"):
            return self.subjects(governor.head)
        return []

    def targets(self, verb: Token, pattern: Pattern, source_ids: set[int]) -> list[Token]:
        found: list[Token] = []
        passive = is_passive(verb)
        holders = [verb]
        complements = [verb]
        for _ in range(2):  # "pledged to help rebuild Syria's armed forces"
            complements += [c for v in complements[-1:] for c in v.children if c.dep_ == "xcomp"]
        near = [verb, *[c for c in verb.children if c.dep_ == "dobj"]]
        own = any(c.dep_ in ("dobj", "dative") and self.actor(c) for c in verb.children) or any(
            c.dep_ == "prep" and c.lower_ in pattern.target_preps and any(
                g.dep_ == "pobj" and self.actor(g) for g in c.children) for n in near for c in n.children)
        if own:
            complements = [verb]  # "urged Washington to keep up pressure on Hamas": Washington is addressed
        if object_gap(verb) and pattern.object_target:
            found.append(verb.head)  # "the Ukrainian vessels it seized": the vessels' owner
        for node in complements:
            for child in node.children:
                if child.dep_ == "nsubjpass" and passive and node.i == verb.i:
                    found.extend(with_conjuncts(child))
                elif child.dep_ in ("dobj", "dative", "attr"):
                    if pattern.object_target or child.dep_ == "dative":
                        found.extend(with_conjuncts(child))
                    if not self.is_other_act(child, pattern) and not (pattern.object_target and self.actor(child) and
                                                                      not own_thing(child)):
                        # "a U.S.-drafted plan for Gaza": the plan is the USA's; "adopted its 13th package of
                        # sanctions against Russia": the package is the subject's own, what it holds says whom
                        holders.extend(with_conjuncts(child))
                elif child.dep_ == "xcomp":
                    holders.append(child)
        if pattern.type in ("REJECT", "AGREE", "SANCTION", "CONSULT"):
            # "pulled the United States out of the nuclear deal with Iran": the deal's partner
            for prep in verb.children:
                if prep.dep_ in ("prep", "prt") and prep.lower_ not in pattern.target_preps:
                    for node in prep.subtree:
                        if node.dep_ == "pobj" and node.head.head.i in (verb.i, prep.i) and \
                                node.lemma_.lower() in AGREEMENTS:
                            holders.append(node)
        # one level down: "pledged 2 billion pounds in military loans to Ukraine"
        for holder in list(holders[1:]):
            for child in holder.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "of"):
                    holders.extend(g for g in child.children if g.dep_ == "pobj" and not self.is_other_act(g, pattern))
        for holder in holders:
            for child in holder.children:
                if child.dep_ == "prep" and child.lower_ in pattern.target_preps:
                    # (not "held talks in Muscat, with Oman's foreign minister shuttling between them": an aside)
                    found.extend(t for obj in child.children if obj.dep_ == "pobj" and not (
                        child.lower_ == "with" and child.i > 0 and self.doc[child.i - 1].text == "," and
                        any(g.dep_ == "acl" and g.tag_ == "VBG" for g in obj.children))
                        for t in with_conjuncts(obj))
        if pattern.type in UNDO_TYPES:
            # "Israel halted its strikes on Iran": the act undone was aimed at Iran
            for obj in verb.children:
                conflicts = [p for p in self.book.noun_entries(obj) if p.type in CONFLICT_TYPES]
                holding = obj.lemma_.lower() in ("occupation", "siege", "blockade", "presence", "control")
                if obj.dep_ == "dobj" and (conflicts or holding):
                    # ("ended its occupation of southern Lebanon", "its presence in Syria": where it was held)
                    preps = {"on", "against", "at", *(prep for p in conflicts for prep in p.target_preps),
                             *(("of", "in") if holding else ())}
                    found.extend(t for c in obj.children if c.dep_ == "prep" and c.lower_ in preps
                                 for g in c.children if g.dep_ == "pobj" for t in with_conjuncts(g))
        if not found and verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children):
            # "proposed a truce, backed by the United States": the thing backed, or whoever put it forward
            head = verb.head
            if pattern.type in ("AID", "MOBILIZE") and head.pos_ == "NOUN" and head.head.pos_ in ("VERB", "AUX"):
                # "was using drones supplied by the Emirates": the user; "tanks sent by the United States have
                # arrived in Ukraine": where they arrived
                if head.dep_ == "dobj":
                    return [t for t in self.subjects(head.head) if t.i not in source_ids]
                if head.dep_ in ("nsubj", "nsubjpass"):
                    place = self.location_country(head.head, MOVEMENT)
                    return [place[1]] if place else []
                return []
            agents = {a.country for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"
                      for t in with_conjuncts(o) if (a := self.actor(t)) is not None}
            head_actor = self.actor(head)
            own = head_actor is not None and head_actor.country in agents  # "a deal brokered by Kuwait"
            found = [head] if head_actor and not own else (
                self.owner_of(head) or (self.subjects(head.head) if head.dep_ in ("dobj", "conj") and
                                        head.head.pos_ in ("VERB", "AUX") else []))
        if not found and any(c.dep_ in ("prep", "prt") and c.lower_ in pattern.target_preps and
                             not any(g.dep_ == "pobj" for g in c.children) for c in verb.children):
            # "fired on and seized two Ukrainian gunboats": a stranded preposition shares the next verb's object
            found = [t for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                     for o in c.children if o.dep_ == "dobj" for t in with_conjuncts(o)]
        if pattern.type == "ASSAULT":
            # "fired missiles at two Iraqi air bases hosting U.S. troops": the troops hosted are hit too
            found += [t for b in list(found) for c in b.children if c.dep_ == "acl" and
                      c.lemma_.lower() in ("host", "house") for t in c.children if t.dep_ == "dobj"
                      and self.actors.mention_at(t) is not None or any(
                          self.actors.mention_at(m) is not None for m in t.lefts)]
        subject_tokens = {t.i for c in verb.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
        if pattern.type in ("CONCEDE", "AID") and any(
                t.dep_ == "dobj" and (a := self.actor(t)) is not None and a.country not in (None, "IGO", "NGO")
                for t in found):
            # "handed over three Israeli women to the Red Cross": the go-between is not the party
            found = [t for t in found if t.dep_ != "pobj" or (a := self.actor(t)) is None or
                     a.country not in ("IGO", "NGO")]
        return [t for t in found if t.i not in source_ids and t.i not in subject_tokens]

    def is_other_act(self, noun: Token, pattern: Pattern) -> bool:
        """"condemned the attack on Iran": Iran is the attack's target, not the condemnation's."""
        if pattern.type in UNDO_TYPES | {"SANCTION", "REJECT"}:
            # "lifted its sanctions on Syria", "suspended cooperation with the U.S.", "cancelled talks with Iran"
            return False
        entries = self.book.noun_entries(noun)
        return bool(entries) and all(p.type != pattern.type for p in entries)

    def location_country(self, trigger: Token, pattern: Pattern | None = None) -> tuple[str, Token] | None:
        """The country of a place named in the act's clause under a locative preposition:
        "struck targets in Syria", "across Gaza", "the village of Maliivka in the Dnipropetrovsk region"."""
        kind = pattern.type if pattern is not None else None
        locative = LOCATIVE | {"RETREAT": {"from", "out", "of"}, "AID": {"to"}, "MOBILIZE": {"to"}}.get(kind, set())
        if kind not in ("ASSAULT", "RETREAT", "MOBILIZE"):
            locative = locative | {"through"}  # "marched through central London" (forces sweeping through a region are
            # on the move, not placed)
        if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "nsubjpass") and self.book.is_light(trigger.head):
            trigger = trigger.head  # "resumed airstrikes across Gaza": the place hangs on the verb
        # (not inside the subject: "relatives of hostages held in Gaza blocked a highway in Tel Aviv")
        subject = {t.i for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass") for clause in c.subtree
                   if clause.dep_ in ("acl", "relcl") for t in clause.subtree}
        # (nor in a coordinated clause with a subject of its own: "Israel and Iran traded fire, and Trump, who had
        # left the G7 summit in Canada, demanded ...")
        subject |= {t.i for c in trigger.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and any(
            g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for t in c.subtree}
        if kind == "PROTEST":
            # (nor in what is protested: "marched against Israel's war in Gaza" marched elsewhere)
            subject |= {t.i for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("against", "over", "about")
                        or c.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                        for t in c.subtree}
        for token in trigger.subtree:
            if token.i == trigger.i or token.i in subject or not self.under_locative(token, trigger, locative):
                continue
            if kind != "CONSULT" and talks_venue(token) and token.head.head.dep_ not in ("dobj", "nsubjpass"):
                # ("agreed to swap prisoners after talks in Switzerland": not where the prisoners are; but
                # "stormed a committee meeting in Jerusalem" was an act there)
                continue
            if token.pos_ == "NOUN" and token.lemma_.lower() in ("embassy", "consulate"):
                continue  # "near the Israeli embassy in Amman": a mission stands in its host's country
            if token.pos_ == "NOUN" and token.lemma_.lower() in PLACE_NOUNS:
                # "in several Indian cities", "across the Syrian border"
                for mod in token.lefts:
                    mention = self.actors.mention_at(mod)
                    if mention is not None and mention.entry.kind in ("demonym", "country") and mention.entry.country:
                        return mention.entry.country, token
                continue
            if token.pos_ != "PROPN":
                continue
            mention = self.actors.mention_at(token)
            if mention is not None and mention.entry.kind not in ("country", "capital"):
                continue
            actor = self.actors.actor_of(token, allow_modifiers=False)
            if actor is not None and actor.country and actor.country not in ("IGO", "NGO"):
                return actor.country, token
        return None

    @staticmethod
    def under_locative(token: Token, trigger: Token, locative: set[str]) -> bool:
        node = token
        while node.i != trigger.i and node.head.i != node.i:
            if made_in(node):
                return False  # "using drones made in Iran": where the weapon comes from, not where it struck
            if node.dep_ == "pobj" and node.head.lower_ in locative:
                return True
            if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in PLACE_NOUNS:
                return True  # "the streets of Baghdad", "the city of Kherson"
            if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in CAUSES:
                return False  # "a rally in support of Palestine Action" is not in Palestine
            if node.dep_ in ("relcl", "ccomp", "advcl", "acl", "conj") and node.head.i != trigger.i:
                return False
            node = node.head
        return False

    def actors_for(self, token: Token, place: str | None = None) -> list[Actor]:
        """The actor of a phrase, and more when its country modifier is coordinated:
        "Russian and Ukrainian delegations" are two actors."""
        actor = self.actor(token, place)
        counted = self.counted_states(token)  # "recalled its ambassadors from the three capitals"
        if actor is None:
            if counted is None or token.dep_ not in ("pobj", "dobj") or token.lemma_.lower() == "government":
                return []
            return [Actor(self.actors.phrase_text(token), country, None) for country in counted]
        mention = self.actors.mention_at(token)
        if mention is not None and mention.entry.kind == "capital" and token.dep_ == "pobj" and \
                token.head.lower_ in ("on", "in", "at", "into", "toward", "towards", "across", "over"):
            actor = Actor(actor.text, actor.country, None)  # "strikes on Beirut" hit a city, not a cabinet
        if counted is not None:
            return [Actor(actor.text, country, actor.sector) for country in counted]
        out = [actor]
        if token.pos_ == "NOUN" and self.actors.actor_of(token) is None and self.book.noun_entries(token):
            # "rejected a demand by Britain, France and Germany": an act of several owners stands for each
            for owner in self.owner_of(token)[1:]:
                other = self.actors.actor_of(owner)
                if other is not None and other.country and all(a.country != other.country for a in out):
                    out.append(other)
        for child in token.lefts:
            mention = self.actors.mention_at(child)
            if child.dep_ in ("amod", "compound", "nmod") and mention is not None:
                for pair in hyphen_pair(child):  # "an Egyptian-Qatari proposal": both
                    other = self.actors.mention_at(pair)
                    if other is not None and other.entry.country and other.entry.country != actor.country:
                        out.append(Actor(self.actors.phrase_text(token), other.entry.country, actor.sector))
            if child.dep_ in ("amod", "compound", "nmod") and mention is not None and child.conjuncts:
                for conj in child.conjuncts:
                    other = self.actors.mention_at(conj)
                    if other is not None and other.entry.country and other.entry.country != actor.country:
                        out.append(Actor(self.actors.phrase_text(token), other.entry.country, actor.sector))
        return out

    def counted_states(self, token: Token) -> list[str] | None:
        """"the three countries", "the two capitals": the last states named before as many as counted, not
        counting the one doing the act ("Israel, which had recalled its envoys from the three capitals"); None
        when the phrase counts no states or not as many were named."""
        count = next((c for c in token.children if c.dep_ == "nummod" and c.like_num), None)
        if count is None or token.tag_ != "NNS" or \
                token.lemma_.lower() not in ("country", "state", "nation", "government", "capital"):
            return None
        number = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}.get(count.lower_) or (
            int(count.text) if count.text.isdigit() else 0)
        verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
        doers = set() if verb is None or token.dep_ in ("nsubj", "nsubjpass") else {
            t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree} | (
            {t.i for t in verb.head.subtree if t.i <= verb.head.i} if verb.dep_ == "relcl" else set())
        named: list[str] = []
        for mention in reversed(self.actors.mentions):
            if mention.end - 1 in doers:
                continue
            if mention.start < token.i and mention.entry.kind in ("country", "capital") and \
                    mention.entry.country not in named:
                named.append(mention.entry.country)
            if len(named) == number:
                break
        return list(reversed(named)) if len(named) == number else None

    def purpose_objects(self, verb: Token) -> list[Token]:
        """What a demonstration is against: the object of its purpose clause ("to protest against X",
        "to denounce X", "chanting against X")."""
        out = []
        # (the parser may hang the purpose on a nearby noun: "rallied after Friday prayers to denounce X")
        misplaced = [c for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
                     for c in o.children if c.dep_ == "acl" and any(a.lower_ == "to" for a in c.children)]
        for clause in [*verb.children, *misplaced]:
            if clause.dep_ not in ("advcl", "xcomp", "conj", "acl") or clause.lemma_.lower() not in PROTEST_PURPOSE:
                continue
            for child in clause.children:
                if child.dep_ == "dobj":
                    # "chanting slogans against the United States and Israel": what the slogans are against
                    against = [t for c in child.children if c.dep_ == "prep" and c.lower_ in ("against", "at")
                               for g in c.children if g.dep_ == "pobj" for t in with_conjuncts(g)]
                    out.extend(against or with_conjuncts(child))
                elif child.dep_ == "prep" and child.lower_ in ("against", "over", "at"):
                    out.extend(t for g in child.children if g.dep_ == "pobj" for t in with_conjuncts(g))
        return out

    def protested(self, trigger: Token, source: Actor) -> list[tuple[Token, Actor]]:
        """Whom a protest with no object is against, from what it is about: "a strike to block arms shipments
        bound for Israel", "to demand the resignation of Prime Minister Pashinyan", "protesters who tried to
        reach the Israeli embassy": the first actor named in its purpose, else a foreign mission it besieged."""
        clauses = [c for c in trigger.children if c.dep_ in ("advcl", "xcomp", "acl") and c.pos_ == "VERB"
                   and (any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children) or
                        c.tag_ == "VBG" and c.lemma_.lower() in DEMANDING)]  # "marched ..., calling for an end to"
        for clause in clauses:
            for token in clause.subtree:
                if token.i == clause.i or token.dep_ in ("nsubj", "nsubjpass") or token.pos_ not in ("PROPN", "NOUN", "ADJ"):
                    continue
                if token.dep_ == "pobj" and token.head.lower_ in LOCATIVE and token.head.head.i != clause.i:
                    continue  # "to demand a deal to bring home the hostages held in Gaza": a place in passing
                actor = self.actor(token)
                if actor is None or not actor.country or actor.country in ("IGO", "NGO") and token.pos_ == "ADJ":
                    continue
                if actor.country == source.country and actor.sector not in STATE_SECTORS:
                    continue
                return [(token, actor)]
        sent = self.actors.sentence(trigger)
        for token in sent:
            # "chanting 'Death to America, death to Israel'": whoever the slogan damns
            if token.lower_ == "death" and token.i + 2 < len(self.doc) and self.doc[token.i + 1].lower_ == "to":
                actor = self.actor(self.doc[token.i + 2])
                if actor is not None and actor.country and actor.country != source.country:
                    slogans = [(self.doc[token.i + 2], Actor(actor.text, actor.country, "GOV"))]
                    for other in sent:
                        if other.i > token.i + 2 and other.lower_ == "death" and other.i + 2 < sent.end and \
                                self.doc[other.i + 1].lower_ == "to" and \
                                (more := self.actor(self.doc[other.i + 2])) is not None and more.country:
                            slogans.append((self.doc[other.i + 2], Actor(more.text, more.country, "GOV")))
                    return slogans
        for token in sent:
            if token.lemma_.lower() in ("embassy", "consulate") and token.pos_ == "NOUN":
                actor = self.actor(token)
                if actor is not None and actor.country and actor.country != source.country:
                    return [(token, Actor(actor.text, actor.country, "GOV"))]
        return []

    def own_thing(self, source: Actor, token: Token | None, target: Actor) -> bool:
        """"Maduro closed Venezuela's border": a thing of the actor's own country is not a target."""
        if token is None or target.country != source.country or target.sector is not None:
            return False
        return self.actors.mention_at(token) is None and token.pos_ == "NOUN" and \
            any(c.dep_ == "poss" for c in token.children)

    def own_country(self, source: Actor, token: Token | None, target: Actor, event_type: str) -> bool:
        """"Trump pulled the United States out of the deal": a government moving its own country is not acting
        on it (force at home is: "the junta bombed villages across Myanmar")."""
        if token is None or target.country != source.country or target.sector is not None or \
                event_type in ("ASSAULT", "COERCE", "PROTEST") or source.sector is None:
            return False
        mention = self.actors.mention_at(token)
        return mention is not None and mention.entry.kind in ("country", "capital")

    def owned_by_pronoun(self, token: Token) -> bool:
        """"shut their doors": a thing whose only owner is a possessive pronoun is not an actor."""
        return (self.actors.mention_at(token) is None and self.actors.sector_of(token) is None and
                any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children))

    def unanchored(self, token: Token) -> bool:
        actor = self.actors.actor_of(token)
        return actor is not None and actor.country is None and actor.sector is not None

    def threatened(self, verb: Token, addressee: bool = False) -> list[Token]:
        """Whom a warning is aimed at: "vowed that Israel would be punished", "said Tehran would pay";
        with `addressee`, who is to act: "demanded that the Israeli pilots come home"."""
        out = []
        for clause in verb.children:
            if clause.dep_ in ("ccomp", "xcomp"):
                ready = any(c.dep_ == "acomp" and c.lower_ in READY for c in clause.children)
                for child in clause.children:
                    if ready and child.dep_ == "nsubj":
                        continue  # "said London was ready to take further action": London is the one who acts
                    if child.dep_ in ("nsubjpass", "dobj") and not addressee or (
                            child.dep_ == "nsubj" and (addressee or clause.lemma_.lower() in SUFFER_VERBS | {"be"})):
                        # "vowed that Israel would be punished", "said Iran was responsible"
                        out.extend(with_conjuncts(child))
        return out

    def actor(self, token: Token, place: str | None = None) -> Actor | None:
        """The political actor behind a word, if any; news outlets are sources of reports, not actors.
        A group with no country ("protesters", "riot police") takes the country of the act's place."""
        actor = self.actors.actor_of(token)
        if actor is None and token.pos_ == "NOUN" and self.book.noun_entries(token):
            owners = self.owner_of(token)  # "bowing to a demand by the country's junta"
            actor = self.actors.actor_of(owners[0]) if owners else self.antecedent_act(token)
        if actor is not None and actor.country is None and actor.sector in RESIDENT_SECTORS and place:
            actor = Actor(actor.text, place, actor.sector, actor.name, actor.org)
        if actor is not None and actor.country is None and token.dep_ == "conj":
            # "U.S. and British warplanes and warships": the warships share the first phrase's owner
            first = token.head
            while first.dep_ == "conj":
                first = first.head
            shared = self.actors.actor_of(first)
            if shared is not None and shared.country:
                actor = Actor(actor.text, shared.country, actor.sector or shared.sector, org=shared.org)
        if actor is None or not (actor.country or actor.org):
            return None
        if outlet_name(self.actors.phrase_text(token)):
            return None
        return actor

    def antecedent_act(self, noun: Token) -> Actor | None:
        """"Russian missiles hit Kyiv. ... the attack damaged the EU's mission": a definite act noun with no
        owner of its own is the act reported just before, and stands for whoever did it."""
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in noun.children):
            return None
        pattern = self.noun_pattern(noun)  # (the pattern this noun takes: not "cyber attack" for "the attack")
        kinds = {pattern.type} & CONFLICT_TYPES if pattern is not None else set()
        if not kinds:
            return None
        here = self.actors.sentence(noun)
        earliest = self.actors.sents[max(0, self.actors.sents.index(here) - 3)].start_char if here in \
            self.actors.sents else here.start_char
        earlier = [e for e in self.found if e.event_type in kinds and earliest <= e.trigger_start < noun.idx and
                   e.factuality is Factuality.ASSERTED]
        if not earlier or len({e.source.country for e in earlier}) > 1:
            return None  # no antecedent, or several actors it could be
        source = earlier[-1].source
        return Actor(self.actors.phrase_text(noun), source.country, source.sector, source.name, source.org)

    def resolve(self, tokens: list[Token]) -> list[Actor]:
        out = []
        for token in tokens:
            actor = self.actors.actor_of(token)
            if actor is not None and (actor.country or actor.org):
                out.append(actor)
        return out

    # -- events ---------------------------------------------------------------------------------
    def mode_of(self, pattern: Pattern, trigger: Token) -> str | None:
        if pattern.type != "ASSAULT":
            return pattern.mode
        words = [trigger, *trigger.children]
        for child in trigger.children:
            if child.dep_ in ("dobj", "nsubj", "nsubjpass", "agent", "prep"):
                words.extend(child.subtree)
        for word in words:
            mode = self.book.modes.get(word.lower_)
            if mode:
                return mode
        return pattern.mode

    def make(self, pattern: Pattern, trigger: Token, source: Actor, target: Actor | None, rule: str,
             confidence: float, factuality: Factuality | None = None,
             attribution: Attribution | None | bool = False) -> Event:
        info = self.book.types[pattern.type]
        mode = self.mode_of(pattern, trigger)
        by_mode = (info.get("modes") or {}).get(mode or "", {})
        if factuality is None:
            factuality, _ = factuality_of(trigger, speech=pattern.type in SPEECH_TYPES)
        if attribution is False:
            attribution = self.attributor.attribution_of(trigger)
        if attribution is not None and pattern.type in SPEECH_TYPES and speaks_for(attribution, source):
            attribution = None  # "Iran said it rejects the talks": the speaker is the source, not a claimant
        sent = self.actors.sentence(trigger)
        return Event(
            article_id=self.article.id, event_type=pattern.type, source=source, target=target,
            factuality=factuality,
            evidence=self.evidence(sent), rule=rule,
            confidence=max(0.05, min(0.99, confidence)), mode=mode,
            cameo_root=str(by_mode.get("cameo_root", info["cameo_root"])),
            goldstein=float(by_mode.get("goldstein", info["goldstein"])),
            quad_class=int(by_mode.get("quad_class", info["quad_class"])),
            attribution=attribution, trigger=trigger.text, trigger_start=trigger.idx,
        )

    def evidence(self, sent) -> Span:
        """The sentence as it stands in the article (the parse may have seen a masked dateline)."""
        start, end = sent.start_char, sent.end_char
        text = self.article.text[start:end] if len(self.article.text) == self.doc_length else sent.text
        stripped = text.lstrip()
        start += len(text) - len(stripped)
        return Span(stripped.rstrip(), start, start + len(stripped.rstrip()))

    def confidence(self, pattern: Pattern, sources: list[Token], has_target: bool, nominal: bool) -> float:
        score = 0.55 + (0.15 if has_target else 0.0) + (0.1 if pattern.constrained else 0.0)
        if nominal:
            score -= 0.1
        if pattern.id.endswith(".similar"):
            score -= 0.3  # a guess from spelling
        if sources and sources[0].lower_ in ("he", "she", "it", "they", "its", "their", "his", "her"):
            score -= 0.1
        if sources and self.actors.mention_at(sources[0]) is not None:
            score += 0.05
        return score

    def from_trigger(self, trigger: Token, pattern: Pattern, nominal: bool) -> list[Event]:
        between = False
        if nominal:
            source_tokens = self.owner_of(trigger)
            if source_tokens and trigger.dep_ == "dobj" and trigger.head.lemma_.lower() == "join":
                # "Britain joined the U.S. strikes": the joiner does the act too
                source_tokens = [*source_tokens, *self.subjects(trigger.head)]
            if not source_tokens and trigger.dep_ in ("dobj", "nsubjpass", "attr") and \
                    self.book.is_light(trigger.head):
                source_tokens = self.subjects(trigger.head)
            preps = (*pattern.target_preps, "of")  # "the downing of a Russian warplane", "the siege of El Fasher"
            owners = {t.i for t in source_tokens}
            target_tokens = [t for c in trigger.children if c.dep_ == "prep" and c.lower_ in preps
                             for obj in c.children if obj.dep_ == "pobj" for t in with_conjuncts(obj)
                             if t.i not in owners]  # ("demands from Cairo and Hamas": theirs, not made of them)
            if not target_tokens and trigger.dep_ in ("dobj",) and self.book.is_light(trigger.head):
                target_tokens = [t for c in trigger.head.children
                                 if c.dep_ == "prep" and c.lower_ in pattern.target_preps
                                 for obj in c.children if obj.dep_ == "pobj" for t in with_conjuncts(obj)]
            if not target_tokens and trigger.dep_ == "pobj" and trigger.head.lower_ == "under" and \
                    pattern.type in ("ASSAULT", "COERCE") and trigger.head.head.pos_ in ("VERB", "AUX"):
                # "while it was under Israeli attack", "the convoy came under fire": what is under it
                target_tokens = [t for t in self.subjects(trigger.head.head) if t.i not in owners]
            if not source_tokens:
                source_tokens = self.adjunct_source(trigger)
                if source_tokens and not target_tokens and trigger.head.dep_ == "prep":
                    # "told Macron in a telephone call": the call is with Macron
                    governor = trigger.head.head
                    target_tokens = [t for c in governor.children if c.dep_ in ("dobj", "dative")
                                     for t in with_conjuncts(c)] or [
                        g for c in governor.children if c.dep_ == "prep" and c.lower_ == "to"
                        for g in c.children if g.dep_ == "pobj"]  # "apologised to Qatar's PM during a call"
        else:
            source_tokens = self.subjects(trigger)
            target_tokens = self.targets(trigger, pattern, {t.i for t in source_tokens})
        if not source_tokens and pattern.type == "ASSAULT" and (trigger.pos_ == "NOUN" or trigger.tag_ == "VBG") and \
                (sides := self.sides_between(trigger)):  # (not "a deal struck between Erdogan and Putin")
            source_tokens, target_tokens, between = sides, [], True
        place, place_token = None, None
        if any(self.unanchored(t) for t in [*source_tokens, *target_tokens]) or pattern.type in LOCATED_TYPES:
            place, place_token = self.location_country(trigger, pattern) or (None, None)
        anchor = place
        if anchor is None and any(self.unanchored(t) for t in [*source_tokens, *target_tokens]):
            # "... in Baghdad ..., and security forces fired tear gas": the sentence's place, or the last
            # sentence's ("Thousands marched in Khartoum. Security forces shot dead three protesters.")
            sent = self.actors.sentence(trigger)
            found = None
            node = trigger
            while node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and not any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in node.children) and found is None:
                # "a drone slammed into a block in Tel Aviv and killed a man": the clause it shares a subject with
                node = node.head
                found = self.location_country(node, pattern)
            for _ in range(2):
                if found:
                    break
                found = self.location_country(sent.root, pattern)
                if found or sent.start == 0:
                    break
                sent = self.actors.sentence(self.doc[sent.start - 1])
            anchor = found[0] if found else None
        sources = [(tok, act) for tok in source_tokens for act in self.actors_for(tok, anchor)]
        # a group named as the target takes the sentence's place only when it is at the receiving end of force
        target_anchor = anchor if pattern.type in ("COERCE", "ASSAULT", "PROTEST") else place
        targets = [(tok, act) for tok in target_tokens for act in self.actors_for(tok, target_anchor)]
        located = False
        if not targets and place and pattern.type in LOCATED_TYPES - {"PROTEST"} and sources and (
                all(a.country != place for _, a in sources) or pattern.type in ("ASSAULT", "COERCE")):
            # (an attack or a raid at home is on home ground: "the RSF struck a power station in Atbara")
            # "Israel resumed airstrikes across Gaza": the place is the target
            targets = [(place_token, Actor(self.actors.phrase_text(place_token), place, None))]
            for other in place_token.conjuncts:  # "targets in northern Iraq and Syria": both
                actor = self.actors.actor_of(other, allow_modifiers=False)
                if actor is not None and actor.country and actor.country not in (place, "IGO", "NGO") and \
                        all(a.country != actor.country for _, a in sources):
                    targets.append((other, Actor(other.text, actor.country, None)))
            located = True
        if not targets and pattern.type in ("COERCE", "CONCEDE") and sources and sources[0][1].country and any(
                self.unanchored(t) and t.lemma_.lower() not in HOSTAGES for t in target_tokens):
            # "the SBU detained a former lawmaker": a group with no country of its own is the source's
            home = sources[0][1].country
            targets = [(t, Actor(self.actors.phrase_text(t), home, self.actors.actor_of(t).sector))
                       for t in target_tokens if self.unanchored(t) and t.lemma_.lower() not in HOSTAGES]
            # ("Hamas freed 24 hostages, including 13 Israelis": hostages are the other side's; political
            # prisoners freed at home are the state's own)
        if pattern.type == "CONCEDE" and targets and all(a.country in ("IGO", "NGO") for _, a in targets) and sources:
            # "Hamas handed three Israeli women to the Red Cross": the go-between is not whom the release is for
            freed = [(c, a) for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")
                     for a in [self.actors.actor_of(c)] if a is not None and a.country
                     and a.country not in ("IGO", "NGO") and a.country != sources[0][1].country
                     and self.actors.country_modifier(c)[0] is not None]
            if not freed and any(c.dep_ in ("dobj", "nsubjpass") and (c.lemma_.lower() in CAPTIVES or any(
                    p.dep_ == "prep" and p.lower_ == "of" and any(g.lemma_.lower() in CAPTIVES for g in p.children)
                    for p in c.children)) for c in trigger.children):
                # "Hamas handed the first seven living hostages over to the Red Cross, as Israel ...", "the bodies
                # of four hostages": the captives' side is the other state named in the sentence (or, failing
                # that, in the one before or after)
                exclude = (None, "IGO", "NGO", sources[0][1].country)
                others = self.sentence_mentions(trigger, exclude=exclude)
                sent = self.actors.sentence(trigger)
                for near in (sent.start - 1, sent.end):
                    if not others and 0 <= near < len(self.doc):
                        others = self.sentence_mentions(self.doc[near], exclude=exclude)
                if others:
                    freed = [(trigger, self.nearest_party(others, trigger))]
            if freed:
                targets = freed
        purposes = self.purpose_objects(trigger) if pattern.type == "PROTEST" else []
        if purposes and targets and all(t.lemma_.lower() in PROTEST_VENUES or t.pos_ == "PROPN" and (
                t.ent_type_ in ("FAC", "LOC") or t.ent_type_ == "GPE" and self.is_venue(t))
                for t, _ in targets if t is not None):
            targets = []  # "packed Sabeen Square to protest against the U.S. strikes": the square is only where
        if pattern.type in ("ASSAULT", "COERCE"):
            sources = [(t, a) for t, a in sources if not (t.pos_ == "NOUN" and t.lemma_.lower() in NOT_ATTACKERS)]
        if not targets and pattern.type == "PROTEST" and sources:
            # "marched ... to protest against the American strikes", "gathered to denounce U.S. support"
            for t in purposes:
                if t.dep_ == "pobj" and t.head.lower_ in LOCATIVE:
                    continue  # "to demand a deal to bring home the hostages held in Gaza": where, not whom
                owners = self.owner_of(t) if self.book.noun_entries(t) else []
                # "rallied to denounce U.S. and Israeli airstrikes on Yemen": against those who strike
                targets += [(o, a) for o in owners for a in self.actors_for(o, place)] if owners else \
                    [(t, a) for a in self.actors_for(t, place)]
            if not targets:
                # "a sit-in against the use of the airport by U.S. military aircraft", "against the presence of
                # American troops": whoever the thing protested belongs to
                home = sources[0][1].country
                for t in target_tokens:
                    for g in t.subtree:
                        if g.dep_ == "pobj" and g.head.lower_ in ("by", "of") and g.i != t.i and \
                                (a := self.actor(g)) is not None and a.country and a.country != home:
                            targets = [(g, a)]
                            break
                    if targets:
                        break
            if not targets:
                targets = self.protested(trigger, sources[0][1])
        guessed = False
        if not targets and sources and sources[0][1].country and (
                pattern.type == "PROTEST" or pattern.home_target or
                pattern.type == "REQUEST" and sources[0][1].sector in ("CVL", "OPP")):
            # a protest (or a crowd's demand) with no named target is aimed at the protesters' own government
            # (force used at home falls on the country's people: "the authorities banned all demonstrations")
            targets = [(trigger, Actor(sources[0][1].country, sources[0][1].country,
                                       "CVL" if pattern.type == "COERCE" else "GOV"))]  # text: the code
            guessed = True
        if not targets and pattern.type in ("THREATEN", "ACCUSE") and not nominal and pattern.clause:
            targets = [(t, a) for t in self.threatened(trigger) if (a := self.actor(t))]
        if not targets and pattern.type == "THREATEN" and not nominal and sources:
            # "vowed to avenge the civilians killed in Indian strikes", "would crush any attempt at Taiwanese
            # independence": the first other actor named in what is threatened
            home = {a.country for _, a in sources}
            # (unions and crowds threaten their own government: "threatened a strike unless the government ...")
            civil = all(a.sector in ("CVL", "OPP", "BUS", "LAB", "MED") or a.sector is None and t.pos_ == "NOUN"
                        for t, a in sources)  # (not a state named as such: "Iran threatened ...")
            for clause in trigger.children:
                if clause.dep_ not in ("ccomp", "xcomp", "advcl"):
                    continue
                for token in clause.subtree:
                    if token.dep_ in ("dobj", "pobj", "nsubjpass", "poss", "amod", "compound", "nsubj"):
                        actor = self.actor(token)
                        if actor is not None and actor.country and (
                                actor.country not in home or civil and actor.sector == "GOV"):
                            targets = [(token, actor)]
                            break
                if targets:
                    break
        if not targets and pattern.type == "REQUEST" and not nominal:
            targets = [(t, a) for t in self.threatened(trigger, addressee=True) if (a := self.actor(t))]
        if not targets and nominal and pattern.type in ("ACCUSE", "THREATEN", "REQUEST") and \
                trigger.dep_ == "dobj" and not self.book.is_light(trigger.head):
            # "Iran dismissed Israeli accusations": the accusations were aimed at Iran
            targets = [(t, a) for t in self.subjects(trigger.head) if (a := self.actor(t))]
        if pattern.source_sectors is not None:
            sources = [(t, a) for t, a in sources if a.sector in pattern.source_sectors]
        events: list[Event] = []
        if (pattern.needs_target or nominal and pattern.type in ("CONSULT", "THREATEN")) and not targets and not (
                nominal and pattern.type == "CONSULT" and any(c.dep_ == "prep" and c.lower_ == "by"
                                                              for c in trigger.children)) and not (
                pattern.reciprocal and len({a.country for _, a in sources}) >= 2):
            # ("Iran and Saudi Arabia resumed talks": each side's partner is the other)
            # "for consultations", "Iranian threats": no partner, no event ("a visit by Pompeo" is someone's
            # visit: the targets stage looks for whom it was to)
            return events
        rule = pattern.id + (".nominal" if nominal else "")
        mutual = any(t.lower_ == "other" and any(c.lower_ in ("each", "one") for c in t.children) or
                     t.lower_ == "another" and t.i > 0 and self.doc[t.i - 1].lower_ == "one" for t in target_tokens)
        if not nominal and len({a.country for _, a in sources}) >= 2 and any(
                c.lower_ == "each" for c in trigger.subtree if c.i < trigger.i + 7):
            mutual = True  # "Russia and Ukraine each freed 157 prisoners"
            # (people named with no country of their own are the other side's, not the place's: "each freed 390
            # soldiers and civilians ... at talks in Istanbul")
            targets = [(t, a) for t, a in targets if a.country not in {s.country for _, s in sources}
                       and not self.unanchored(t)]
        if pattern.id == "mobilize.drill" and len({a.country for _, a in sources}) >= 2:
            # "South Korea and the United States began their annual exercise": a joint exercise
            pattern = replace(pattern, type="COOPERATE", id="cooperate.exercise", reciprocal=True)
            rule = pattern.id + (".nominal" if nominal else "")
            targets = []
        if pattern.type == "AGREE" and len({a.country for _, a in sources}) >= 2:
            # "the coalition and the Houthis accepted a truce brokered by the United Nations": the broker is no party
            brokers = {t.i for t, _ in targets if t is not None and (
                t.dep_ == "pobj" and t.head.dep_ == "agent" and t.head.head.lemma_.lower() in BROKERING or
                self.actors.mention_at(t) is None and any(c.dep_ == "acl" and c.lemma_.lower() in BROKERING
                                                          for c in t.children))}
            if brokers:
                targets = [(t, a) for t, a in targets if t is None or t.i not in brokers]
                mutual = mutual or not targets
        if between:
            mutual, targets = True, []
        own = {a.country for _, a in sources}
        theirs = [(t, a) for t, a in targets if t is not None and a.country in own and len(own) >= 2 and (
            t.lower_ == "their" or any(c.dep_ == "poss" and c.lower_ == "their" for c in t.children) or
            pattern.type in ("AGREE", "CONSULT", "COOPERATE"))]  # ("Washington and Seoul agreed to station a U.S.
        # battery": a party's own thing named in what they agreed is no third party either)
        if theirs:
            # "Saudi Arabia and Iran agreed to reopen their embassies", "Saudi Arabia, the UAE, Bahrain and Egypt
            # closed their airspace to Qatari flights": what is the sources' own is no third party; a pair so
            # named acts mutually, a larger group only alongside one another
            targets = [pair for pair in targets if pair not in theirs]
            # ("... met in Cairo to coordinate their response": the group cooperates among itself)
            mutual = mutual or (not targets and pattern.type in ("AGREE", "CONSULT", "COOPERATE"))
        if (pattern.reciprocal or mutual) and len(sources) >= 2 and not targets:
            for i, (s_tok, s_act) in enumerate(sources):
                for j, (t_tok, t_act) in enumerate(sources):
                    if i != j and not same_actor(s_act, t_act):
                        events.append(self.make(pattern, trigger, s_act, t_act, rule + ".reciprocal",
                                                self.confidence(pattern, [s_tok], True, nominal)))
            return events
        for s_tok, s_act in sources:
            if pattern.type in UNDO_TYPES | {"AGREE", "CONCEDE"} and any(a.country != s_act.country for _, a in targets):
                # "agreed to halt Russian strikes on Ukraine's grid": the halt is Ukraine's gain, not Russia's
                targets = [(t, a) for t, a in targets if a.country != s_act.country]
            pairs = [(t_tok, t_act) for t_tok, t_act in targets if not same_actor(s_act, t_act)
                     and not internal(s_act, t_act, pattern.type) and not self.own_thing(s_act, t_tok, t_act)
                     and not self.own_country(s_act, t_tok, t_act, pattern.type)]
            if not pairs and any(internal(s_act, t_act, pattern.type) for _, t_act in targets):
                continue  # only its own institutions were addressed
            pairs = pairs or [(None, None)]
            for _, t_act in pairs:
                event = self.make(pattern, trigger, s_act, t_act, rule,
                                  self.confidence(pattern, [s_tok], t_act is not None, nominal))
                if located or guessed:
                    event.extras["target_from"] = "place" if located else "home"
                if theirs and t_act is None:
                    event.extras["own_target"] = True  # "urged their allies": no counterpart to guess
                events.append(event)
        return events

    def event_anaphora(self, events: list[Event], triggers: dict[int, Token]) -> list[Event]:
        """"Aoun called the raids a breach of the truce": "the raids" are the act reported before, so the
        accusation targets whoever carried them out."""
        order = sorted(triggers.items(), key=lambda item: item[1].i)
        out = list(events)
        for index, token in triggers.items():
            event = events[index]
            on_generic = token.dep_ == "relcl" and token.head.lemma_.lower() in GENERIC_ACTS and not any(
                c.dep_ == "dobj" and c.lower_ not in ("that", "which") and c.i != getattr(naming_object(token), "i", -1)
                for c in token.children)
            if event.event_type not in REACTION_TYPES or event.target is not None and not on_generic and not (
                    {w.strip(".,").rstrip("s") for w in event.target.text.lower().split()} &
                    {w.rstrip("s") for w in GENERIC_ACTS | RULINGS | PLAN_NOUNS} or
                    event.target.text.lower() in ("it", "them", "this", "that") and
                    (event.target.country == event.source.country or event.target.text.lower() == "it")):
                continue  # (a target read off "the advisory opinion" itself is no target: what it refers to is)
            objects = list(token.children)
            if on_generic:
                objects = [token.head]  # "France recognised a Palestinian state, a step Netanyahu denounced"
            for obj in objects:
                if obj.i != token.head.i and obj.dep_ not in ("dobj", "nsubjpass"):
                    continue
                definite = (obj.i == token.head.i or any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these",
                                                                                      "those") for c in obj.children)) \
                    and not self.owner_of(obj)
                pronoun = obj.lower_ in ("them", "it", "this", "that")
                generic = definite and obj.lemma_.lower() in GENERIC_ACTS  # "denounced the move"
                proposal = definite and obj.lemma_.lower() in PLAN_NOUNS  # "called the proposals shameful"
                kinds = {p.type for p in self.book.noun_entries(obj)} if definite else (
                    CONFLICT_TYPES if pronoun else set())
                if generic:
                    # a court's opinion or ruling is itself a finding against someone: "an opinion Netanyahu
                    # dismissed" answers the court
                    kinds = set(TYPE_NAMES) - ({"PROTEST"} if obj.lemma_.lower() in RULINGS else {"ACCUSE", "PROTEST"})
                    if obj.lemma_.lower() in POLICY_ACTS:
                        kinds -= {"ASSAULT"}  # "called the decisions shocking": decisions are measures, not strikes
                if proposal:
                    kinds = set(TYPE_NAMES)
                if not kinds:
                    continue
                if pronoun and obj.lower_ == "it" and event.event_type in ("REJECT", "SUPPORT", "ACCUSE") or proposal:
                    # "Trump unveiled his peace plan. Netanyahu hailed it ..., Abbas rejected it", "endorsed Egypt's
                    # plan ... Hamas welcomed the plan": the plan's author
                    sent = self.actors.sentence(obj)
                    before = self.doc[self.actors.sentence(self.doc[sent.start - 1]).start if sent.start else 0:obj.i]
                    plan = next((t for t in reversed(before) if t.pos_ == "NOUN" and
                                 t.lemma_.lower() in (PLAN_NOUNS if pronoun else {obj.lemma_.lower()}) and
                                 self.owner_of(t)), None)
                    owner = self.actor(self.owner_of(plan)[0]) if plan is not None else None
                    if owner is not None and owner.country and owner.country != event.source.country:
                        out[index] = replace(event, target=Actor(self.actors.phrase_text(obj), owner.country,
                                                                 owner.sector, owner.name, owner.org))
                        break
                earlier = [(events[i], t) for i, t in order if t.i < token.i and events[i].event_type in kinds
                           and events[i].source.country != event.source.country
                           and (events[i].factuality is Factuality.ASSERTED or proposal and events[i].factuality in (
                               Factuality.PLANNED, Factuality.HYPOTHETICAL))]
                if not earlier and generic:
                    # "the two countries said they would recognise a Palestinian state, a decision Katz denounced":
                    # a decision or a move may be an announced act
                    earlier = [(events[i], t) for i, t in order if t.i < token.i and events[i].event_type in kinds
                               and events[i].source.country != event.source.country
                               and events[i].factuality is Factuality.PLANNED]
                if event.event_type == "SUPPORT" and any(e.event_type not in HOSTILE_TYPES for e, _ in earlier):
                    # "Abbas welcomed the decisions": what is welcomed is a friendly act, not the recall before it
                    earlier = [(e, t) for e, t in earlier if e.event_type not in HOSTILE_TYPES]
                if obj.lemma_.lower() in RULINGS:  # a ruling is a court's, not whoever spoke of it since
                    earlier = [(e, t) for e, t in earlier if e.source.country == "IGO" or e.source.sector == "JUD"]
                if not earlier and obj.lemma_.lower() in RULINGS:
                    # "The court said Israel was obliged ... Hamas welcomed the advisory opinion": the court's
                    court = next((m for m in reversed(self.actors.mentions) if m.start < obj.i and
                                  m.entry.country == "IGO"), None)
                    if court is not None:
                        actor = self.actors.entry_actor(court.entry, self.actors.phrase_text(obj))
                        out[index] = replace(event, target=actor)
                    break
                if earlier:
                    last = earlier[-1][1]
                    # "Britain, Canada and Australia recognised a Palestinian state, and Netanyahu denounced
                    # the move": every actor of that act
                    culprits = list({e.source.country: e.source for e, t in earlier if t.i == last.i}.values()) \
                        if generic or obj.lower_ == "them" else [earlier[-1][0].source]
                    first, *more = [replace(event, target=Actor(self.actors.phrase_text(obj), c.country, c.sector,
                                                                c.name, c.org)) for c in culprits]
                    out[index] = first
                    out.extend(more)
                break
        return out

    def culprits(self, events: list[Event]) -> list[Event]:
        """"Saudi Arabia blamed Iran for the attack", "accused Armenian forces of firing on its guards", "an
        attack that Washington blamed on Assad's forces", "said Iran was responsible for the attack", "an
        attack claimed by Jaish-e-Mohammed": the act is coded with the accused (or claiming) side as its
        source, asserted on the word of the accuser, who becomes its claimant."""
        have = {(e.source.country, e.event_type, e.trigger_start): i for i, e in enumerate(events)}
        out: list[Event] = []
        for token in self.doc:
            if token.pos_ not in ("VERB", "AUX", "ADJ", "ADP", "NOUN"):
                continue
            for accused, act, accuser in self.accused_acts(token):
                pattern = self.verb_pattern(act) if act.pos_ in ("VERB", "AUX") else self.noun_pattern(act)
                if pattern is None and act.pos_ == "NOUN" and act.lemma_.lower() in INCIDENTS and not any(
                        self.book.noun_entries(t) for t in accused) and not any(
                        c.dep_ in ("relcl", "acl") for c in act.children):
                    # "blamed Ukrainian special services for the blast" (not "blamed an Israeli airstrike for the
                    # explosion": the strike is the act, told by its own noun; nor "the sabotage that knocked out
                    # power": the clause tells the act)
                    pattern = BLAMED_INCIDENT
                if pattern is None or pattern.type in SPEECH_TYPES or pattern.type == "CONSULT" or \
                        pattern.id == "retreat.leave" and left_behind(act):
                    continue
                if act.pos_ in ("VERB", "AUX"):
                    target_tokens = self.targets(act, pattern, {t.i for t in accused})
                else:
                    target_tokens = [t for c in act.children if c.dep_ == "prep" and c.lower_ in pattern.target_preps
                                     for obj in c.children if obj.dep_ == "pobj" for t in with_conjuncts(obj)]
                sources = [a for t in accused if (a := self.actor(t))]
                claimants = [a for t in accuser if (a := self.actor(t))]
                targets = []
                for t in target_tokens:
                    if claimants and token.lemma_.lower() != "claim" and any(
                            c.dep_ == "poss" and c.pos_ == "PRON" for c in t.children):
                        # "accusing Armenian forces of firing on its border guards": its = the accuser's
                        targets.append(Actor(self.actors.phrase_text(t), claimants[0].country, None))
                    else:
                        targets.extend(self.actors_for(t))
                if not sources or not accuser:
                    continue
                claim_text = self.doc[min(t.left_edge.i for t in accuser):max(t.right_edge.i for t in accuser) + 1].text
                attribution = Attribution(claim_text, None, claimants[0] if claimants else None)
                factuality, _ = factuality_of(act)
                for source in sources:
                    known = have.get((source.country, pattern.type, act.idx))
                    if known is not None:
                        # "accusing Hamas of attacking its troops": already coded from the verb; it is still
                        # the accuser's claim
                        if known >= 0 and events[known].attribution is None and token.lemma_.lower() != "claim":
                            events[known] = replace(events[known], attribution=attribution)
                        continue
                    have[(source.country, pattern.type, act.idx)] = -1
                    for target in [t for t in targets if not same_actor(source, t)] or [None]:
                        out.append(self.make(pattern, act, source, target, pattern.id + ".accused", 0.6,
                                             factuality=factuality, attribution=attribution))
        return out

    def accused_acts(self, token: Token) -> list[tuple[list[Token], Token, list[Token]]]:
        """(accused, act, accuser) triples that a blaming or claiming word sets up."""
        lemma = token.lemma_.lower()
        kids = list(token.children)

        def obj_of(prep: str, holders: tuple = ()) -> Token | None:
            for c in [*kids, *(c for h in holders for c in h.children)]:
                if c.dep_ in ("prep", "agent") and c.lower_ == prep:
                    for g in c.children:
                        if g.dep_ in ("pobj", "pcomp"):
                            return g
            return None

        def act_above(node: Token) -> Token:
            # "the attack on its oil facility, which the Houthis claimed": the clause may hang on the place
            for _ in range(4):
                if node.pos_ != "NOUN" or self.book.noun_entries(node) or node.dep_ != "pobj":
                    break
                node = node.head.head
            return node

        def unwrap(act: Token | None) -> Token | None:
            # "of involvement in the attack", "claimed responsibility for the bombing"
            while act is not None and act.lemma_.lower() in INVOLVEMENT:
                act = next((g for c in act.children if c.dep_ == "prep" and c.lower_ in ("in", "for")
                            for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
            if act is not None and act.pos_ == "VERB" and act.lemma_.lower() in ORCHESTRATING:
                # "accused Belgrade of organising the assault": the assault, with the organiser as its source
                act = next((c for c in act.children if c.dep_ == "dobj" and self.book.noun_entries(c)), act)
            return act

        def own_subjects() -> list[Token]:
            return self.subjects(token)

        objects = [c for c in kids if c.dep_ == "dobj"]
        if token.pos_ == "NOUN" and lemma in INVOLVEMENT | {"crime", "aggression"} and not obj_of("in"):
            # "serious indications of an Israeli role", "condemned it as a new Israeli crime": the agentless
            # attack the sentence (or the one before) reports is the named side's, on the speaker's word
            owners = [c for c in kids if c.dep_ in ("amod", "poss", "compound") and self.actors.mention_at(c) is not None]
            speakers = next((s for a in token.ancestors if a.pos_ in ("VERB", "AUX")
                             for s in [[t for t in self.subjects(a) if self.actor(t)]] if s), [])
            act = self.agentless_act(token)
            if owners and speakers and act is not None:
                return [(owners, act, speakers)]
            return []
        if lemma in ("accuse", "charge", "suspect", "implicate") and token.pos_ == "VERB":
            accused = with_conjuncts(objects[0]) if objects else (
                [t for c in kids if c.dep_ == "nsubjpass" for t in with_conjuncts(c)])
            act = unwrap(obj_of("of", tuple(objects[:1])))  # "accusing Armenian forces of firing on ..."
            accuser = own_subjects() if objects else []
            return [(accused, act, accuser)] if accused and act is not None else []
        if lemma == "blame" and token.pos_ == "VERB":
            on = obj_of("on")
            if on is None and objects and obj_of("for") is None and self.book.noun_entries(objects[0]):
                on = obj_of("on", (objects[0],))  # "blamed the attack on Syrian forces", parsed as "attack on"
            if on is not None:  # "blamed the attack on Israel", "an attack that ... blamed on Israel"
                act = objects[0] if objects and objects[0].lower_ not in ("that", "which") else (
                    act_above(token.head) if token.dep_ == "relcl" else None)
                return [(with_conjuncts(on), act, own_subjects())] if act is not None else []
            act = unwrap(obj_of("for"))
            if objects and act is None and self.actor(objects[0]) is not None:
                # "Drones struck Port Sudan's airport. The government blamed the RSF": the agentless attack
                # just reported
                act = self.agentless_act(token)
            if objects and act is not None:
                return [(with_conjuncts(objects[0]), act, own_subjects())]
            return []
        if lemma in CREDITING and token.pos_ == "VERB" and objects:
            # "thanked Iraq and the Syrian Kurds for their help": what they are thanked for, they did
            act = unwrap(obj_of("for", tuple(objects[:1])))
            if act is not None and (act.pos_ == "VERB" or self.book.noun_entries(act)):
                return [(with_conjuncts(objects[0]), act, own_subjects())]
            return []
        if lemma in PUNISHING and token.pos_ == "VERB" and objects:
            # "blacklisted three companies for supplying Iran with drone parts": on the punisher's word
            act = unwrap(obj_of("for", tuple(objects[:1])))
            if act is not None and act.pos_ == "VERB":
                return [(with_conjuncts(objects[0]), act, own_subjects())]
            return []
        if lemma in ("attribute", "ascribe") and token.pos_ == "VERB":
            # "the sabotage at Natanz, which Kan attributed to a Mossad operation"
            to = obj_of("to")
            act = objects[0] if objects and objects[0].lower_ not in ("that", "which") else (
                act_above(token.head) if token.dep_ == "relcl" else None)
            if to is not None and act is not None:
                culprit = [t for t in self.owner_of(to)] if self.book.noun_entries(to) else with_conjuncts(to)
                return [(culprit or with_conjuncts(to), act, own_subjects())]
            return []
        if lemma == "claim" and token.pos_ == "VERB":
            # "which Yemen's Houthis had claimed", "an attack claimed by JeM", "claimed responsibility for"
            if objects and objects[0].lemma_.lower() in INVOLVEMENT:
                act = unwrap(objects[0])
                return [(own_subjects(), act, own_subjects())] if act is not None else []
            if token.dep_ == "relcl" and (not objects or objects[0].lower_ in ("that", "which")):
                return [(own_subjects(), act_above(token.head), own_subjects())] if not is_passive(token) else []
            if token.dep_ == "acl" and token.tag_ == "VBN":
                agent = obj_of("by")
                return [(with_conjuncts(agent), token.head, with_conjuncts(agent))] if agent is not None else []
            if objects and self.book.noun_entries(objects[0]):
                return [(own_subjects(), objects[0], own_subjects())]  # "the Islamic Resistance claimed the attack"
            return []
        if lemma == "responsible" and token.dep_ == "oprd" and token.head.lemma_.lower() == "hold":
            # "Washington held Moscow responsible for the attack on the convoy"
            hold = token.head
            accused = [t for c in hold.children if c.dep_ == "dobj" for t in with_conjuncts(c)]
            act = unwrap(obj_of("for"))
            return [(accused, act, self.subjects(hold))] if accused and act is not None else []
        if lemma in ("responsible", "behind") and token.head.lemma_.lower() == "be" and \
                token.dep_ in ("acomp", "prep"):
            # "said Iran was responsible for the attack", "said Russia was behind a cyberattack"
            be = token.head
            accused = [t for c in be.children if c.dep_ == "nsubj" for t in with_conjuncts(c)]
            act = unwrap(obj_of("for")) if lemma == "responsible" else next(
                (g for g in kids if g.dep_ == "pobj"), None)
            if act is None and lemma == "responsible" and not any(c.dep_ == "prep" for c in kids):
                act = self.agentless_act(token)  # "Two tankers were attacked ... said Iran was responsible"
            speaker = be.head if be.dep_ == "ccomp" and be.head.pos_ in ("VERB", "AUX") else None
            accuser = self.subjects(speaker) if speaker is not None else []
            return [(accused, act, accuser)] if accused and act is not None and accuser else []
        return []

    def joint_acts(self, events: list[Event], triggers: dict[int, Token]) -> list[Event]:
        """"U.S. and British warplanes struck ... in coordinated strikes", "began jointly installing":
        actors of several states acting together also cooperate with each other."""
        cooperate = Pattern("cooperate.joint_act", "COOPERATE", None, frozenset(), frozenset(), frozenset(), (),
                            True, None)
        by_trigger: dict[int, list[Event]] = {}
        tokens: dict[int, Token] = {}
        for index, token in triggers.items():
            if events[index].event_type != "COOPERATE":
                by_trigger.setdefault(token.i, []).append(events[index])
                tokens[token.i] = token
        for token in self.doc:
            # "began jointly installing marker posts": any act done jointly, even one no pattern knows
            if token.pos_ == "VERB" and token.i not in by_trigger and any(
                    c.dep_ == "advmod" and c.lower_ == "jointly" for c in token.children):
                group = [self.make(cooperate, token, a, None, "cooperate.joint_act", 0.6)
                         for t in self.subjects(token) for a in self.actors_for(t)]
                if group:
                    by_trigger[token.i], tokens[token.i] = group, token
        out = []
        for i, group in by_trigger.items():
            # "killed the group's deputy leader in a joint operation with the U.S.-led coalition", "dropped meals
            # over Gaza, a joint operation with the Jordanian air force": the partner named after "with"
            for partner in self.joint_partners(tokens[i]):
                for event in group:
                    actor = self.actor(partner)
                    if actor is None or not actor.country or actor.country == event.source.country or \
                            event.source.country is None:
                        continue
                    for a, b in ((event.source, actor), (actor, event.source)):
                        out.append(self.make(cooperate, tokens[i], a, b, "cooperate.joint_with", 0.6,
                                             factuality=event.factuality))
                    break
            token = tokens[i]
            sources = {}
            for event in group:
                sources.setdefault(event.source.country, event.source)
            if len(sources) < 2 or None in sources or not self.done_jointly(token):
                continue
            if all(e.event_type in SAID_TYPES for e in group):
                continue  # "jointly condemned the launch": saying something together is not working together
            factuality = group[0].factuality
            for a in sources.values():
                for b in sources.values():
                    if a.country != b.country:
                        out.append(self.make(cooperate, token, a, b, "cooperate.joint_act", 0.6, factuality=factuality))
        return out

    @staticmethod
    def joint_partners(token: Token) -> list[Token]:
        """The partners named in a joint undertaking hung on an act: "in a joint operation with X"."""
        nouns = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "during", "as")
                 for g in c.children if g.dep_ == "pobj"]
        nouns += [a for n in list(nouns) for a in n.children if a.dep_ == "appos"]
        return [t for n in nouns if any(m.dep_ in ("amod", "compound") and m.lower_ in JOINT for m in n.children)
                for p in n.children if p.dep_ == "prep" and p.lower_ == "with"
                for o in p.children if o.dep_ == "pobj" for t in with_conjuncts(o)]

    @staticmethod
    def done_jointly(token: Token) -> bool:
        for child in token.children:
            if child.dep_ == "advmod" and child.lower_ in JOINTLY:
                return True
            if child.dep_ in ("amod", "advmod") and child.lower_ in JOINT:
                return True
            if child.dep_ == "prep" and child.lower_ in ("in", "with", "during"):
                if any(g.dep_ == "pobj" and any(m.lower_ in JOINT for m in g.children if m.dep_ in ("amod", "compound"))
                       for g in child.children):
                    return True
        return False

    def or_face(self, events: list[Event]) -> list[Event]:
        """"ordered undocumented Afghans to leave by Nov. 1 or face arrest", "gave Niger's junta a week to
        reinstate Bazoum or face military intervention": an order or deadline with a penalty is a threat by
        whoever gives it to whoever must comply."""
        threat = bare_pattern("threaten.or_face", "THREATEN")
        have = {(e.source.country, e.trigger_start) for e in events if e.event_type == "THREATEN"}
        out = []
        for token in self.doc[:-1]:
            if token.lower_ != "or" or self.doc[token.i + 1].lower_ != "face":
                continue
            verb = next((a for a in token.ancestors if a.pos_ == "VERB" and a.lemma_.lower() in DIRECTIVES), None)
            if verb is None:
                continue
            addressees = [t for c in verb.children if c.dep_ in ("dobj", "dative") for t in with_conjuncts(c)]
            targets = [a for t in addressees if (a := self.actor(t)) is not None and a.country] or [None]
            factuality, framer = factuality_of(verb)
            if framer is not None and framer.i == verb.i and own_cues(verb, cues()) is None:
                factuality = Factuality.ASSERTED  # (the order itself is given: "ordered ... or face arrest")
            for source in self.resolve(self.subjects(verb)):
                if (source.country, verb.idx) in have:
                    continue
                for target in targets:
                    if target is None or target.country != source.country or target.sector != source.sector:
                        out.append(self.make(threat, verb, source, target, "threaten.or_face", 0.65,
                                             factuality=factuality))
        return out

    def brokered(self, token: Token, found: list[Event]) -> list[Event]:
        """"Oman said it had brokered a ceasefire between the United States and the Houthis": the broker consults
        each side, and the sides agree with each other; the broker is no party to the deal."""
        consult = bare_pattern("consult.mediate", "CONSULT")
        agree = bare_pattern("agree.brokered", "AGREE")
        holders = [token, *(c for c in token.children if c.dep_ == "dobj")]
        between = [t for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "between"
                   for o in p.children if o.dep_ == "pobj" for t in with_conjuncts(o)]
        sides: list[Actor] = []
        for actor in self.resolve(between):
            if actor.country and all(s.country != actor.country for s in sides):
                sides.append(actor)
        if not found or len(sides) < 2:
            return found
        out = [replace(event, event_type="CONSULT", target=side, rule="consult.mediate.parties")
               for event in found if event.target is None or event.target.country in {s.country for s in sides}
               for side in sides if side.country != event.source.country]
        out = list({(e.source.country, e.target.country): e for e in out}.values())
        for a in sides:
            for b in sides:
                if a.country != b.country:
                    out.append(self.make(agree, token, a, b, "agree.brokered", 0.6, factuality=found[0].factuality))
        return out

    def mediators(self, events: list[Event]) -> list[Event]:
        """"in a deal brokered by Washington", "a Moscow-brokered ceasefire", "an exchange mediated by the
        UAE", "The UAE said it had mediated the exchange": the mediator consults each party, and the
        parties are those of the agreement (the deals, releases and talks reported in the sentence, or in
        the one before when the sentence only names the mediation)."""
        consult = bare_pattern("consult.mediate", "CONSULT")
        agree = bare_pattern("agree.brokered", "AGREE")
        out: list[Event] = []
        for token in self.doc:
            lemma = token.lemma_.lower()
            if token.lower_ in MEDIATING and any(c.dep_ == "nsubj" for c in token.children):
                lemma = MEDIATING[token.lower_]  # "with Anwar mediating" (the parser makes it a noun)
            elif token.pos_ == "NOUN" and token.dep_ == "xcomp" and lemma in MEDIATE_VERBS:
                pass  # "a deal that Trump helped broker" (the parser makes it a noun)
            elif token.pos_ == "NOUN" and lemma in MEDIATION_NOUNS:
                lemma = "mediate"  # "under Saudi mediation", "crediting mediation by Saudi Arabia and Oman"
            elif token.pos_ == "VERB" and lemma == "host" and self.hosts_talks(token):
                lemma = "mediate"  # "after five weeks of talks hosted by Saudi Arabia and the United States"
            elif token.pos_ == "VERB" and self.go_between(token):
                lemma = "mediate"  # "with Oman's foreign minister carrying messages between the two delegations"
            elif token.pos_ != "VERB" and not token.lower_.endswith(("-brokered", "-mediated")):
                continue
            if lemma not in MEDIATE_VERBS and not token.lower_.endswith(("-brokered", "-mediated")):
                continue
            if any(c.dep_ == "prep" and c.lower_ == "between" and any(
                    self.actors.mention_at(t) is not None for g in c.children if g.dep_ == "pobj"
                    for t in with_conjuncts(g)) for c in token.children):
                continue  # "mediate between Israel and Iran": the pattern names the parties itself
            mediators = self.mediator_of(token)
            if not mediators:
                continue
            sent = self.actors.sentence(token)
            earlier = self.actors.sentence(self.doc[sent.start - 1]) if sent.start > 0 else None
            parties = self.parties_in(events, sent, mediators)
            if not parties and earlier is not None:
                parties = self.parties_in(events, earlier, mediators)
            warring = []
            if not parties and any(c.dep_ == "dobj" and c.lemma_.lower() in TRUCES for c in token.children):
                # "Armenia and Azerbaijan accused each other of shelling ..., and Russia said it had brokered a
                # ceasefire": a truce is made between those who fight
                warring = self.warring_in(events, sent, mediators) or (
                    self.warring_in(events, earlier, mediators) if earlier is not None else [])
                parties = warring
            if not parties:
                continue
            served = [e for e in events if e.event_type in PARTY_TYPES and
                      sent.start_char <= e.trigger_start < sent.end_char]  # the deals and talks of the sentence
            factuality, _ = factuality_of(token) if token.pos_ == "VERB" else (Factuality.ASSERTED, None)
            if token.dep_ == "acl" and token.head.lemma_.lower() in HOSTED_MEETINGS:
                # "are expected to initial a treaty in a ceremony hosted by Trump": a meeting held for what is still
                # to come is still to come (but "failed to agree after five weeks of talks hosted by ..." were held;
                # and a deal's mediation took place however far the deal has come)
                still = {e.factuality for e in served}
                if still and still <= {Factuality.PLANNED, Factuality.HYPOTHETICAL}:
                    factuality = Factuality.HYPOTHETICAL if Factuality.HYPOTHETICAL in still else Factuality.PLANNED
            # a host's, a go-between's or a named mediation's part (the word is not a verb of mediating itself) is
            # told by whoever tells of the talks it served
            reported = served[0].attribution if served and lemma != token.lemma_.lower() else False
            for mediator in mediators:
                for party in parties:
                    out.append(self.make(consult, token, mediator, party, "consult.mediate.parties", 0.6,
                                         factuality=factuality, attribution=reported))
            for a in warring:
                for b in warring:
                    if a.country != b.country:
                        out.append(self.make(agree, token, a, b, "agree.brokered", 0.55, factuality=factuality))
            # the broker is no party to the deal it brokered
            self.brokered_by.update((token.idx, m.country) for m in mediators)
        return out

    @staticmethod
    def warring_in(events: list[Event], sent, mediators: list[Actor]) -> list[Actor]:
        found: dict[str, Actor] = {}
        for event in events:
            if event.event_type in ("ASSAULT", "ACCUSE", "THREATEN") and event.target is not None and \
                    sent.start_char <= event.trigger_start < sent.end_char:
                for party in (event.source, event.target):
                    if party.country and party.country not in found and all(party.country != m.country for m in mediators):
                        found[party.country] = party
        return list(found.values()) if len(found) >= 2 else []

    def drawn_reactions(self, events: list[Event], triggers: dict[int, Token]) -> list[Event]:
        """"Israel banned UNRWA, a move that drew a sharp rebuke from Guterres", "..., drawing condemnation from
        Turkey and Jordan", "the decision sparked outrage in Tehran": whoever the reaction came from condemns (or
        praises) whoever did the act that drew it."""
        out = []
        order = sorted(triggers.items(), key=lambda item: item[1].i)
        for verb in self.doc:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in DRAWING:
                continue
            for noun in (c for c in verb.children if c.dep_ in ("dobj", "pobj") or c.dep_ == "prep" and c.lower_ == "with"):
                if noun.dep_ == "prep":  # "was met with condemnation"
                    noun = next((g for g in noun.children if g.dep_ == "pobj"), None)
                    if noun is None:
                        continue
                kind = DRAWN.get(noun.lemma_.lower())
                if kind is None:
                    continue
                reactors = [t for holder in (verb, noun) for p in holder.children if p.dep_ == "prep" and
                            p.lower_ in ("from", "among", "in", "by") for o in p.children if o.dep_ == "pobj"
                            for t in with_conjuncts(o)]
                reactors = [(t, a) for t in reactors if (a := self.actor(t)) is not None and a.country]
                if not reactors:
                    continue
                doers = []
                if verb.dep_ == "advcl" and verb.tag_ == "VBG":
                    doers = [(t, a) for t in self.subjects(verb) if (a := self.actor(t)) is not None]
                else:
                    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                    if subject is not None and subject.lower_ in ("that", "which") and verb.dep_ == "relcl":
                        subject = verb.head
                    if subject is not None and subject.lemma_.lower() not in GENERIC_ACTS | PLAN_NOUNS:
                        doers = [(t, a) for t in with_conjuncts(subject) if (a := self.actor(t)) is not None]
                    elif subject is not None:
                        earlier = [events[i] for i, t in order if t.i < verb.i and
                                   events[i].factuality is Factuality.ASSERTED]
                        if earlier:
                            doers = [(None, earlier[-1].source)]
                for _, reactor in reactors:
                    for _, doer in doers:
                        if doer.country and doer.country != reactor.country:
                            out.append(self.make(DRAWN_PATTERNS[kind], noun, reactor, doer, f"{kind.lower()}.drawn", 0.55))
        return out

    def aid_arrivals(self, events: list[Event], triggers: dict[int, Token]) -> list[Event]:
        """"An Egyptian convoy of trucks carrying flour crossed into the enclave", "a consignment of launchers
        paid for by Berlin reached Ukraine": goods of aid arriving somewhere are the aid of whoever sent or paid
        for them, to the place they reach. No sender named, no event."""
        out = []
        aiding = {(e.source.country, e.target.country if e.target else None) for e in events if e.event_type == "AID"}
        for verb in self.doc:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in ARRIVING:
                continue
            carriers = [c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in CARRIERS]
            if not carriers or not any(t.lemma_.lower() in AID_GOODS for t in carriers[0].subtree):
                continue
            if carriers[0].lemma_.lower() in ARMS and not any(
                    t.dep_ == "acl" and t.lemma_.lower() in SUPPLYING for t in carriers[0].subtree):
                continue  # "a Houthi missile landed near Ben Gurion Airport": a strike (arms arrive "sent by" someone)
            source = target = None
            senders: list[Actor] = []
            for token in carriers[0].subtree:
                if self.actors.mention_at(token) is None:
                    continue
                if token.dep_ in ("amod", "compound") and token.head.pos_ == "PROPN" and \
                        self.actors.mention_at(token.head) is not None:
                    token = token.head  # "trucks of the Egyptian Red Crescent": the Red Crescent's
                actor = self.actors.actor_of(token)
                if actor is None or not actor.country:
                    continue
                prep = next((a for a in token.ancestors if a.dep_ == "prep" or a.i == carriers[0].i), None)
                if prep is not None and prep.lower_ in ("for", "to", "towards", "toward") and prep.head.lower_ != "paid":
                    target = target or Actor(self.actors.phrase_text(token), actor.country, actor.sector)
                    continue  # "relief supplies for Gaza", "medicine for displaced Syrians": the recipients
                if source is None:
                    source = actor  # "teams from Azerbaijan, Greece and Israel": each of them
                    senders = [actor, *[a for c in token.conjuncts if (a := self.actors.actor_of(c)) is not None
                                        and a.country and a.country != actor.country]]
            if source is None:
                continue
            for obj in (c for c in verb.children if c.dep_ == "dobj" and target is None):  # "reached Ukraine"
                actor = self.actors.actor_of(obj)
                if actor is not None and actor.country:
                    target = Actor(self.actors.phrase_text(obj), actor.country, actor.sector)
            if target is None:
                place = self.location_country(verb, AID_ARRIVAL)  # "landed in Beirut", "crossed into Gaza"
                if place is None:
                    continue
                target = Actor(self.actors.phrase_text(place[1]), place[0], None)
            if target.country in ("IGO", "NGO") and carriers[0].lemma_.lower() in ("team", "rescuer", "medic", "doctor"):
                continue
            sent = {t.idx for t in carriers[0].subtree if t.dep_ == "acl" and t.pos_ == "VERB"}
            for i, event in enumerate(events):
                if event.event_type == "MOBILIZE" and event.trigger_start in sent and i in triggers:
                    # "tanks sent by the United States have arrived in Ukraine": arms delivered, not a deployment
                    events[i] = self.make(AID_ARRIVAL, triggers[i], event.source, event.target, "aid.arrival", 0.5)
                    aiding.add((event.source.country, event.target.country if event.target else None))
            for source in senders:
                if target.country == source.country or (source.country, target.country) in aiding:
                    continue
                aiding.add((source.country, target.country))
                out.append(self.make(AID_ARRIVAL, verb, source, target, "aid.arrival", 0.5))
        return out

    def implied_protests(self, events: list[Event]) -> list[Event]:
        """"during five days of street protests in Istanbul", "security forces opened fire on anti-government
        protesters in Zahedan": protests named without an organiser are the protest of the people of the place
        they happen in, aimed (unless the text says otherwise) at their own government."""
        protest = bare_pattern("protest.implied", "PROTEST")
        protesting = {(e.source.country, self.actors.sentence(self.doc.char_span(e.trigger_start, e.trigger_start + 1,
                                                                                 alignment_mode="expand")[0]).start)
                      for e in events if e.event_type == "PROTEST" and e.trigger_start >= 0}
        protest_triggers = {e.trigger_start for e in events if e.event_type == "PROTEST"}
        protesting_countries = {e.source.country for e in events if e.event_type == "PROTEST"}
        out = []
        for token in self.doc:
            lemma = token.lemma_.lower()
            if token.head.idx in protest_triggers and token.dep_ in ("nsubj", "nsubjpass", "agent") or any(
                    c.dep_ == "relcl" and c.idx in protest_triggers for c in token.children):
                continue  # "demonstrators who had chanted slogans against ...": coded from their verb
            crowd_verb = token.pos_ == "VERB" and lemma in PROTEST_VERBS and any(
                c.dep_ == "nsubj" and (a := self.actors.actor_of(c)) is not None and a.country is None and
                a.sector == "CVL" for c in token.children)  # "thousands of people rallied outside city hall"
            if crowd_verb and token.idx in protest_triggers:
                continue  # the verb coded the crowd's protest already
            if not crowd_verb and (token.pos_ != "NOUN" or lemma not in PROTEST_NOUNS | PROTESTERS):
                continue
            if token.dep_ == "pobj" and token.head.lower_ == "in" and not any(
                    c.dep_ in ("det", "poss", "amod") for c in token.children):
                continue  # "summoned the ambassador in protest": a manner
            if lemma in PROTEST_NOUNS and (self.owner_of(token) or token.dep_ in ("nsubj", "nsubjpass") and
                                           self.actor(token) is not None):
                continue  # "Hezbollah's protest", or the verb of which it is the subject codes it
            sent = self.actors.sentence(token)
            place = self.location_country(token) or self.location_country(sent.root)
            country = place[0] if place else None
            if country is None:
                for mod in token.lefts:  # "Iranian cities" / "anti-government protests in Iranian cities"
                    mention = self.actors.mention_at(mod)
                    if mention is not None and mention.entry.kind == "demonym" and mention.entry.country:
                        country = mention.entry.country
            if country is None and token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ == "VERB":
                # "protests spread to dozens of Iranian cities"
                place = self.location_country(token.head, MOVEMENT)
                country = place[0] if place else None
            if country is None:
                # "Iran cut internet access as protests turned violent", "Turkish police detained the mayor and
                # thousands rallied": a sentence about one country only is about protests there
                reporters = {t.i for v in sent if v.lemma_.lower() in REPORTING_VERBS
                             for c in v.children if c.dep_ == "nsubj" for t in c.subtree}
                countries = {a.country for t in sent if t.pos_ in ("PROPN", "NOUN", "ADJ")
                             and self.actors.mention_at(t) is not None and t.i not in reporters and not t.text.lower().endswith("-based")
                             and (a := self.actors.actor_of(t)) is not None and a.country
                             and a.country not in ("IGO", "NGO")}
                country = countries.pop() if len(countries) == 1 else None
                if country in protesting_countries:
                    continue  # the same people's protest, told again in another sentence
            if crowd_verb:
                if country is None or (country, sent.start) in protesting:
                    continue
                protesting.add((country, sent.start))
                factuality, _ = factuality_of(token)
                subject = next(c for c in token.children if c.dep_ == "nsubj")
                target = self.protested(token, Actor("", country, "CVL")) or [(None, Actor(country, country, "GOV"))]
                out.append(self.make(protest, token, Actor(self.actors.phrase_text(subject), country, "CVL"),
                                     target[0][1], "protest.implied", 0.5, factuality=factuality))
                continue
            if lemma in PROTESTERS:
                actor = self.actor(token, country)
                country = actor.country if actor is not None and actor.sector == "CVL" else None
            if country is None or country in ("IGO", "NGO") or (country, sent.start) in protesting:
                continue
            protesting.add((country, sent.start))
            factuality, _ = factuality_of(token)
            out.append(self.make(protest, token, Actor(self.actors.phrase_text(token), country, "CVL"),
                                 Actor(country, country, "GOV"), "protest.implied", 0.5, factuality=factuality))
        return out

    def swaps(self, events: list[Event], triggers: dict[int, Token]) -> list[Event]:
        """"Russia freed Brittney Griner in exchange for Viktor Bout": a release in exchange for someone is
        answered by the other side's release."""
        swap = bare_pattern("concede.swap", "CONCEDE")
        out = []
        for index, token in triggers.items():
            event = events[index]
            if event.event_type != "CONCEDE" or event.target is None or event.target.country == event.source.country:
                continue
            exchanged = any(c.dep_ == "prep" and c.lower_ == "in" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in ("exchange", "return", "swap") for g in c.children)
                for c in token.children)
            if exchanged:
                out.append(self.make(swap, token, Actor(event.target.text, event.target.country, event.target.sector
                                                        if event.target.sector in STATE_SECTORS else None),
                                     event.source, "concede.swap", 0.55, factuality=event.factuality))
        return out

    def each_other(self, events: list[Event]) -> list[Event]:
        """"Israel and Iran agreed to a ceasefire, but each side accused the other of breaching it", "the two
        sides blamed each other": a reciprocal act between the last two parties named together."""
        out = []
        for token in self.doc:
            if token.pos_ != "VERB":
                continue
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            objects = [c for c in token.children if c.dep_ == "dobj"]
            reciprocal = subjects and objects and (
                subjects[0].lemma_.lower() in ("side", "each", "both", "party") and objects[0].lower_ in ("other",) or
                objects[0].lower_ == "other" and any(c.lower_ == "each" for c in objects[0].children))
            pattern = self.verb_pattern(token) if reciprocal else None
            if pattern is None or pattern.type not in ("ACCUSE", "THREATEN", "REQUEST", "ASSAULT", "REJECT"):
                continue
            sent = self.actors.sentence(token)
            pair = []
            for t in sent:
                if t.i >= token.i or t.dep_ not in ("nsubj", "nsubjpass"):
                    continue
                actors = [a for c in with_conjuncts(t) if (a := self.actor(c)) is not None and a.country]
                if len({a.country for a in actors}) == 2:
                    pair = actors
            if len(pair) != 2:
                continue
            factuality, _ = factuality_of(token)
            for a, b in ((pair[0], pair[1]), (pair[1], pair[0])):
                out.append(self.make(pattern, token, a, b, pattern.id + ".each_other", 0.6, factuality=factuality))
        return out

    def told_leaders(self, events: list[Event]) -> list[Event]:
        """"Trump told Zelenskiy at the White House that ...", "Pezeshkian told Macron in a call that ...": a
        leader telling another state's leader something is consulting them (telling reporters, an outlet, the
        Security Council or one's own president is not)."""
        consult = bare_pattern("consult.tell", "CONSULT")
        have = {(e.source.country, e.target.country if e.target else None) for e in events if e.event_type == "CONSULT"}
        out = []
        for verb in self.doc:
            if verb.pos_ != "VERB" or verb.lemma_.lower() != "tell" or any(c.dep_ == "xcomp" for c in verb.children):
                continue  # ("told Israel to bring its pilots home" is a demand, not a consultation)
            addressees = [t for c in verb.children if c.dep_ in ("dobj", "dative") for t in with_conjuncts(c)]
            listeners = [a for t in addressees if (a := self.actor(t)) is not None and a.country not in (None, "IGO", "NGO")
                         and (a.name or a.sector == "GOV") and self.actors.mention_at(t) is not None]
            speakers = [a for t in self.subjects(verb) if (a := self.actor(t)) is not None and (a.name or a.sector == "GOV")]
            for speaker in speakers:
                for listener in listeners:
                    if listener.country == speaker.country or (speaker.country, listener.country) in have:
                        continue
                    have.add((speaker.country, listener.country))
                    out.append(self.make(consult, verb, speaker, listener, "consult.tell", 0.6))
        return out

    def party_talks(self, events: list[Event]) -> list[Event]:
        """"Bahrain and Qatar restored relations after talks in Riyadh", "agreed ... after four days of talks in
        Beijing": talks with no one named as holding them were held by the parties to what they produced."""
        talks = Pattern("consult.talks", "CONSULT", None, frozenset(), frozenset(), frozenset(), (), True, None)
        fired = {e.trigger_start for e in events}
        out = []
        for noun in self.doc:
            if noun.pos_ != "NOUN" or noun.idx in fired or noun.dep_ != "pobj" or \
                    not any(p.type == "CONSULT" for p in self.book.noun_entries(noun)):
                continue
            if self.owner_of(noun) or any(c.dep_ == "prep" and c.lower_ in ("with", "between") for c in noun.children):
                continue
            parties = self.parties_in([e for e in events if e.event_type != "CONSULT"], self.actors.sentence(noun), [])
            if len(parties) < 2:
                continue
            factuality, _ = factuality_of(noun)
            for a in parties:
                for b in parties:
                    if a.country != b.country:
                        out.append(self.make(talks, noun, a, b, "consult.talks.parties", 0.55, factuality=factuality))
        return out

    @staticmethod
    def go_between(verb: Token) -> bool:
        """"shuttling between their rooms", "carrying messages between the two delegations": a go-between of
        talks, whose parties the sentence names elsewhere."""
        holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # ("messages between the delegations")
        between = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "between"
                   for g in c.children if g.dep_ == "pobj"]
        if not between:
            return False
        if verb.lemma_.lower() == "shuttle":
            return True
        return verb.lemma_.lower() in GO_BETWEEN_VERBS and any(
            c.dep_ == "dobj" and c.lemma_.lower() in GO_BETWEEN_OBJECTS for c in verb.children)

    @staticmethod
    def hosts_talks(verb: Token) -> bool:
        """"talks hosted by Egypt", "hosted the negotiations in Doha": the host of other parties' meeting (not
        "Trump hosted Netanyahu": that is a meeting with the host)."""
        if verb.dep_ == "acl" and verb.head.lemma_.lower() in HOSTED_MEETINGS:
            return True
        return any(c.dep_ == "dobj" and c.lemma_.lower() in HOSTED_MEETINGS for c in verb.children)

    def mediator_of(self, token: Token) -> list[Actor]:
        if token.pos_ == "NOUN" and token.lemma_.lower() in MEDIATION_NOUNS:
            # "Saudi mediation", "Qatar's mediation", "mediation by Saudi Arabia and Oman"
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "by":
                    return [a for g in child.children if g.dep_ == "pobj" for t in with_conjuncts(g) if (a := self.actor(t))]
            return [a for c in token.children if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < token.i
                    for t in with_conjuncts(c) if (a := self.actor(t))]
        if "-" in token.text[1:]:  # "U.S.-brokered" as one word
            prefix = token.text.rpartition("-")[0]
            entries = self.actors.lex.names.get(prefix)
            if entries:
                entry = self.actors._choose(entries, self.doc[token.i:token.i + 1])
                return [self.actors.entry_actor(entry, prefix)] if entry is not None else []
        for child in token.children:
            if child.dep_ == "agent":  # "brokered by Washington"
                return [a for g in child.children if g.dep_ == "pobj" for t in with_conjuncts(g) if (a := self.actor(t))]
            if child.dep_ in ("npadvmod", "compound") and child.i < token.i:  # "a Moscow-brokered ceasefire"
                actor = self.actor(child)
                if actor is not None:
                    return [actor]
        if token.dep_ in ("acl", "amod") and token.tag_ == "VBN":
            return []
        if token.dep_ == "acl" and token.tag_ == "VBG" and (actor := self.actor(token.head)) is not None:
            return [actor]  # "with Oman's foreign minister shuttling between their rooms"
        return [a for t in self.subjects(token) if (a := self.actor(t))]

    def parties_in(self, events: list[Event], sent, mediators: list[Actor]) -> list[Actor]:
        found: dict[str, Actor] = {}
        for noun in sent:  # "a ceasefire between Israel and Hezbollah"
            if noun.pos_ == "NOUN" and (noun.lemma_.lower() in PARTY_NOUNS or noun.lower_ in PARTY_NOUNS) and \
                    any(p.dep_ == "prep" and p.lower_ == "between" for p in noun.children) and \
                    factuality_of(noun)[0] is Factuality.ASSERTED:  # (not "the chances of a deal between ...")
                for t in (t for p in noun.children if p.dep_ == "prep" and p.lower_ == "between"
                          for o in p.children if o.dep_ == "pobj" for t in with_conjuncts(o)):
                    party = self.actor(t)
                    if party is not None and party.country and party.country not in found and \
                            all(party.country != m.country for m in mediators):
                        found[party.country] = party
        for event in events:
            if event.event_type not in PARTY_TYPES or not (sent.start_char <= event.trigger_start < sent.end_char):
                continue
            for party in (event.source, event.target):
                if party is not None and party.country and party.country not in found and \
                        all(party.country != m.country for m in mediators):
                    found[party.country] = party
        return list(found.values())

    def quoted_threats(self, events: list[Event]) -> list[Event]:
        """"'...,' Bagheri told state television. 'If the Zionist regime retaliates, our response will be much
        larger.'": a quoted sentence with no reporting verb of its own is still its speaker's, and a threat
        in it (the words that make "said" a threat) is the speaker's threat."""
        threat = next((p for p, _ in self.book.verbs.get("say", []) if p.id == "threaten.say"), None)
        if threat is None:
            return []
        have = {(e.source.country, e.evidence.start) for e in events if e.event_type == "THREATEN"}
        out = []
        for sent in self.actors.sents:
            root = sent.root
            quotes = [q for q in self.actors.quotations() if q[0] <= root.i <= q[1]]
            if not quotes or root.pos_ not in ("VERB", "AUX") or any(
                    t.lemma_.lower() in self.attributor.reporting and t.pos_ in ("VERB", "AUX") and
                    not quotes[0][0] <= t.i <= quotes[0][1] for t in sent):
                continue  # (a quotation with its own "he said" is read through that verb)
            clauses = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
            words = {w for clause in clauses if modal_clause(clause)
                     for t in clause.subtree for w in (t.lemma_.lower(), t.lower_)}
            if not words & threat.clause:
                continue
            speaker = self.actors.quoted_speaker(root)
            if speaker is None or not speaker.country or (speaker.country, sent.start_char) in have:
                continue
            have.add((speaker.country, sent.start_char))
            out.append(self.make(threat, root, speaker, None, "threaten.say.quoted", 0.5,
                                 factuality=Factuality.ASSERTED, attribution=None))
        return out

    def deterrent_threats(self, events: list[Event]) -> list[Event]:
        """"warned that any U.S. military intervention would do lasting harm", "said any intervention in Niger
        would amount to a declaration of war": a warning about what *any* act by someone would bring is a
        threat against whoever would act."""
        threat = bare_pattern("threaten.deterrent", "THREATEN")
        have = {(e.source.country, e.trigger_start) for e in events if e.event_type == "THREATEN"}
        out = []
        for verb in self.doc:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in DETERRENT_SPEECH:
                continue
            # ("warning in a televised address that any ...": the parser may hang the clause on the noun)
            misplaced = [c for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
                         for c in o.children if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children)]
            for clause in [*verb.children, *misplaced]:
                if clause.dep_ not in ("ccomp", "xcomp", "acl") or not any(
                        a.dep_ == "aux" and a.lower_ in ("would", "will", "could", "'d", "might") for a in clause.children):
                    continue
                for subject in clause.children:
                    if subject.dep_ not in ("nsubj", "nsubjpass") or not any(
                            d.dep_ == "det" and d.lower_ in ("any", "every") for d in subject.children):
                        continue
                    act = bool(self.book.noun_entries(subject))
                    owners = self.owner_of(subject) if act else [subject]
                    targets = [a for t in owners if (a := self.actor(t))] if owners else []
                    sources = [a for t in self.subjects(verb) if (a := self.actor(t))]
                    for source in sources:
                        if (source.country, verb.idx) in have:
                            continue
                        have.add((source.country, verb.idx))
                        for target in [t for t in targets if t.country != source.country] or [None]:
                            out.append(self.make(threat, verb, source, target, "threaten.deterrent", 0.65))
        return out

    def agentless_act(self, near: Token) -> Token | None:
        """The last act of force before `near`, in its sentence or the one before, that has no agent:
        "Fakhrizadeh was ambushed and killed", "A drone strike on an apartment killed Arouri"."""
        here = self.actors.sentence(near)
        start = self.actors.sentence(self.doc[here.start - 1]).start if here.start > 0 else here.start
        found = None
        for token in self.doc[start:near.i]:
            if token.pos_ == "VERB" and is_passive(token) and not self.subjects(token):
                pattern = self.verb_pattern(token)
                if pattern is not None and pattern.type in ("ASSAULT", "COERCE"):
                    found = token
            elif token.pos_ == "VERB" and not is_passive(token) and (subjects := [
                    c for c in token.children if c.dep_ == "nsubj"]) and all(
                    self.actor(c) is None and c.pos_ == "NOUN" for c in subjects):
                # "Drones struck oil fields", "A car bomb killed six soldiers": a weapon, not an agent
                pattern = self.verb_pattern(token)
                if pattern is not None and pattern.type == "ASSAULT":
                    found = token
            elif token.pos_ == "NOUN" and not self.owner_of(token) and any(
                    p.type in ("ASSAULT", "COERCE") for p in self.book.noun_entries(token)) and \
                    token.dep_ in ("nsubj", "nsubjpass", "dobj"):
                found = token
        return found

    def implied_threats(self, events: list[Event], triggers: dict[int, Token]) -> list[Event]:
        """"Iran said it would retaliate": a speaker announcing its own future attack threatens."""
        threat = bare_pattern("threaten.implied", "THREATEN")
        out = []
        spoken = {t.i for i, t in triggers.items() if events[i].event_type == "THREATEN"}  # threats already read
        for event, token in triggers.items():
            ev = events[event]
            if ev.event_type not in CONFLICT_TYPES or ev.factuality not in (Factuality.HYPOTHETICAL, Factuality.PLANNED):
                continue
            conditional = any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless")
                                                         for g in c.children) for c in token.children)
            vowed = token.dep_ in ("xcomp", "ccomp") and token.head.lemma_.lower() in ("vow", "threaten", "warn", "swear")
            if ev.event_type != "ASSAULT" and not conditional and not (ev.event_type == "SANCTION" and vowed):
                continue  # "Germany will halt exports" announces a measure; it threatens only on a condition (or when
                # vowed: "Biden vowed to impose severe sanctions on Russia")
            if any(a.dep_ == "aux" and a.lower_ == "have" for a in token.children) or \
                    token.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in cues().hypothetical_adjectives
                                                 for c in token.children):
                continue  # "strikes that would have killed 150 people", "a possible incursion": no threat made
            if token.dep_ in ("xcomp", "dobj", "ccomp") and (token.head.lemma_.lower() in HALTING or
                                                             phrasal(token.head) in DROPPING):
                continue  # "Moscow would stop striking energy facilities": a halt announced, not an attack
            node = token
            # "Tehran will respond decisively to any aggression, the foreign ministry said": the report hangs on
            # the act
            tail = [c for c in token.children if c.dep_ in ("parataxis", "ccomp") and c.i > token.i and
                    c.lemma_.lower() in THREAT_SPEECH and not any(g.dep_ == "mark" for g in c.children)]
            if tail and token.dep_ == "ROOT":
                speakers = self.resolve([c for c in tail[0].children if c.dep_ == "nsubj"])
                if speakers and speakers[0].country == ev.source.country:
                    factuality, _ = factuality_of(tail[0])
                    out.append(self.make(threat, tail[0], speakers[0], ev.target, "threaten.implied",
                                         ev.confidence - 0.05, factuality=factuality))
                    continue
            for _ in range(6):
                head = node.head
                if head.i == node.i:
                    break
                if head.lemma_.lower() in THREAT_SPEECH and node.dep_ in ("ccomp", "xcomp", "parataxis"):
                    subjects = [c for c in head.children if c.dep_ == "nsubj"]
                    if not subjects and head.dep_ == "conj" and head.i not in spoken:
                        # "Biden condemned the attack and vowed to impose sanctions": the shared subject (unless the
                        # vow was read as a threat already: "fired rockets and vowed to keep up its attacks")
                        subjects = [c for c in head.head.children if c.dep_ == "nsubj"]
                    speakers = self.resolve(subjects)
                    anonymous = head.lemma_.lower() in REPORTING_VERBS and any(
                        s.lemma_.lower() in ANONYMOUS_HEADS for s in subjects)
                    if speakers and speakers[0].country == ev.source.country and not anonymous:
                        # (not "three U.S. officials said Trump is considering strikes": a report, not a threat)
                        factuality, _ = factuality_of(head)
                        out.append(self.make(threat, head, speakers[0], ev.target, "threaten.implied",
                                             ev.confidence - 0.05, factuality=factuality))
                    break
                node = head
        return out

    def run(self) -> list[Event]:
        events: list[Event] = self.found
        triggers: dict[int, Token] = {}
        fired: dict[int, set[str]] = {}
        for token in self.doc:
            if token.pos_ in ("VERB",) or (token.pos_ == "AUX" and token.dep_ == "ROOT"):
                pattern = self.verb_pattern(token)
                fallback = pattern is None
                if fallback:
                    pattern = self.similar_pattern(token)
                    if pattern is None:
                        continue
                if pattern.type in ("ASSAULT", "COERCE") and self.by_mistake(token):
                    continue  # "shot down a Ukrainian airliner by mistake": an accident, not an attack
                if pattern.type == "ASSAULT" and token.lemma_.lower() in ("fight", "battle") and any(
                        c.dep_ == "prep" and (c.lower_ == "alongside" or c.lower_ == "for" and not any(
                            g.dep_ == "pobj" and g.lemma_.lower() in CONTESTED for g in c.children))
                        for c in token.children):
                    pattern = FIGHT_FOR  # (not "battled for control of Khartoum": a fight over it)
                if pattern.id == "retreat.leave" and left_behind(token):
                    continue
                if pattern.type == "THREATEN" and any(
                        c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in EVACUATING for c in token.children) and \
                        not any(c.dep_ == "dobj" and (a := self.actors.actor_of(c)) is not None and a.sector != "CVL"
                                for c in token.children):
                    continue  # "warned people living nearby to leave the area": an evacuation warning (the strike
                    # it announces is coded on its own)
                if pattern.id == "retreat.leave" and any(
                        c.dep_ == "dobj" and (a := self.actors.actor_of(c)) is not None and a.country == "IGO" and
                        a.sector == "IGO" for c in token.children):
                    pattern = QUIT_BODY
                if pattern.id == "assault.missile" and self.fired_as_test(token):
                    pattern = MISSILE_TEST
                if pattern.id == "assault.missile" and token.lemma_.lower() == "send" and (any(
                        c.dep_ == "dative" or c.dep_ == "prep" and c.lower_ == "to" for c in token.children) or
                        len([c for c in token.children if c.dep_ == "dobj"]) >= 2):
                    pattern = SUPPLY  # "have already sent Kyiv their own long-range missiles": arms, not a salvo
                if pattern.type == "ASSAULT" and token.lemma_.lower() in ("target", "hit") and \
                        token.dep_ in ("advcl", "xcomp", "conj") and (head := self.verb_pattern(token.head)) is not None \
                        and head.type in ("SANCTION", "COERCE", "REQUEST", "ACCUSE", "REJECT"):
                    continue  # "imposed sanctions on Iran's oil sector, targeting 30 tankers": the sanction's reach
                if pattern.type == "AGREE" and token.dep_ == "advcl" and any(
                        c.dep_ == "mark" and c.lower_ == "as" for c in token.children) and not any(
                        c.dep_ == "nsubj" for c in token.children):
                    continue  # "freed 90 prisoners, as agreed under the ceasefire": the deal told before, no new one
                if pattern.type == "REJECT" and self.disputes_claim(token):
                    continue  # "an allegation Paris rejected": a denial, coded by `disputes`, not a REJECT
                if pattern.id == "protest.verbs" and self.diplomatic_protest(token):
                    pattern = PROTEST_TO  # "Iraq protested to Turkey over its air strikes": a complaint, not a march
                if pattern.type == "CONCEDE" and any(
                        c.dep_ == "prep" and c.lower_ in ("in", "during") and g.lemma_.lower() in RESCUES
                        for c in token.children for g in c.children if g.dep_ == "pobj"):
                    continue  # "Israeli forces freed four hostages in a raid": a rescue by force, no concession
                if pattern.type == "REJECT" and self.own_conduct_refused(token):
                    continue  # "Scholz ruled out sending Taurus missiles": the aid is coded negated instead
                if pattern.type == "REJECT" and token.lemma_.lower() in ("oppose", "resist") and (
                        token.dep_ in ("relcl", "acl", "amod", "advcl", "xcomp") or
                        any(c.dep_ == "dobj" and self.actors.mention_at(c) is not None for c in token.children)):
                    continue  # "a clan that opposes Hamas", "protesters opposed to Russia's role", "an encampment to
                    # oppose U.S. aid": a stance or a cause, not the rejection of a proposal
                if token.dep_ in ("xcomp", "advcl") and pattern.type == "PROTEST" and "PROTEST" in fired.get(token.head.i, ()):
                    continue  # "marched in Amman to protest against ...": one protest, placed by its head
                if token.dep_ in ("xcomp", "pcomp") and token.tag_ == "VBG" and \
                        token.head.lemma_.lower() in HALTING - {"refrain", "avoid"} and "RETREAT" in fired.get(token.head.i, ()):
                    continue  # "had stopped firing at Israel": the halt is the news, not the firing before it
                found = self.from_trigger(token, pattern, nominal=False)
                if pattern.type == "AGREE" and token.lemma_.lower() in MEDIATE_VERBS:
                    found = self.brokered(token, found)
                for event in found:
                    if fallback and event.target is None:
                        continue  # a guessed verb needs both sides to be worth reporting
                    triggers[len(events)] = token
                    events.append(event)
                    fired.setdefault(token.i, set()).add(event.event_type)
        undone = {c.i for i, t in triggers.items() if events[i].event_type in UNDO_TYPES
                  for c in t.children if c.dep_ in ("dobj", "nsubjpass")}
        for token in self.doc:
            if token.pos_ == "NOUN" and token.i not in undone:  # not "in March"
                pattern = self.noun_pattern(token)
                if pattern is None:
                    continue
                if pattern.id == "assault.war" and (any(c.dep_ in ("amod", "compound") and c.lower_ in FIGURATIVE_WARS
                                                         for c in token.children) or not any(
                        c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("by", "between") for c in token.children)):
                    continue  # "waging economic war on Iran": sanctions and words; "the Gaza war": a theatre, no side
                if pattern.type == "ASSAULT" and token.lemma_.lower() in SEARCHES and token.dep_ == "pobj" and \
                        token.head.lower_ in ("in", "during") and "COERCE" in fired.get(token.head.head.i, ()):
                    continue  # "arrested a lawmaker in a pre-dawn raid on her home": how the arrest was made
                for event in self.from_trigger(token, pattern, nominal=True):
                    triggers[len(events)] = token
                    events.append(event)
        events.extend(self.or_face(events))
        events.extend(self.implied_threats(events, triggers))
        events.extend(self.deterrent_threats(events))
        events.extend(self.quoted_threats(events))
        events.extend(self.culprits(events))
        events.extend(self.joint_acts(events, triggers))
        events.extend(self.mediators(events))
        events = [e for e in events if not (e.event_type == "AGREE" and (e.trigger_start, e.source.country) in self.brokered_by)]
        events.extend(self.party_talks(events))
        events.extend(self.told_leaders(events))
        events.extend(self.each_other(events))
        events.extend(self.swaps(events, triggers))
        events.extend(self.implied_protests(events))
        events.extend(self.aid_arrivals(events, triggers))
        events.extend(self.drawn_reactions(events, triggers))
        events = self.promised_to(events, triggers)
        events = self.errands(events, triggers)
        events = self.event_anaphora(events, triggers)
        events = self.disputes(events)
        return merge(events, dyadless=True)

    def sentence_mentions(self, token: Token, exclude: tuple = (None,)) -> list:
        """The actor mentions of the token's sentence, but those of the countries in `exclude`."""
        sent = self.actors.sentence(token)
        return [m for m in self.actors.mentions if sent.start <= m.start < sent.end and m.entry.country not in exclude]

    def nearest_party(self, mentions: list, token: Token) -> Actor:
        """The actor of the mention nearest to `token`."""
        nearest = min(mentions, key=lambda m: abs(m.start - token.i))
        return self.actors.entry_actor(nearest.entry, nearest.entry.name)

    @staticmethod
    def errands(events: list[Event], triggers: dict[int, Token]) -> list[Event]:
        """"sent envoys to Egypt to negotiate with Hamas", "flew to Cairo to push Israel and Hamas toward a truce":
        the talks and the pressing a journey is made for have not happened yet when it is reported."""
        out = list(events)
        for index, token in triggers.items():
            event = events[index]
            if event.event_type not in ERRAND_TYPES or event.factuality is not Factuality.ASSERTED:
                continue
            verb = token.head if token.pos_ == "NOUN" and token.dep_ == "dobj" else token  # ("to hold talks")
            if verb.pos_ == "VERB" and verb.dep_ in ("advcl", "xcomp") and verb.head.lemma_.lower() in TRAVELLING and \
                    any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and \
                    not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                if event.event_type == "CONSULT" and verb.lemma_.lower() not in NEGOTIATING:
                    continue  # ("flew to Florida this week to brief Trump": a visit's meeting is the visit's)
                out[index] = replace(event, factuality=Factuality.PLANNED)
        return out

    def promised_to(self, events: list[Event], triggers: dict[int, Token]) -> list[Event]:
        """"Trump pledged to lift all U.S. sanctions on Damascus", "Hamas agreed to free Edan Alexander": an
        agreement or a pledge with no other party named is made to whoever the promised act is for."""
        out = list(events)
        for index, token in triggers.items():
            event = events[index]
            if event.event_type != "AGREE" or event.target is not None and (
                    event.target.country != event.source.country or event.target.sector or event.target.org):
                continue  # (a party at home is one: "Ethiopia's government and Tigrayan forces agreed")
            content = {t.i for c in token.children if c.dep_ in ("xcomp", "ccomp") for t in c.subtree}
            outside = [m for m in self.sentence_mentions(token, exclude=(None, event.source.country))
                       if m.start not in content]
            if event.target is not None:  # only a party named with the pledge itself: "agreed in a call with Trump"
                subjects = {t.i for c in token.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
                own = {t.i for t in token.subtree} - content - subjects
                outside = [m for m in outside if m.start in own]
            if outside:
                # "Putin agreed in a call with Trump to halt Russian strikes on Ukraine's grid": made to Trump
                if event.target is not None:  # (not to "Russian strikes", its own)
                    out[index] = replace(event, target=self.nearest_party(outside, token))
                continue
            parties = [events[i].target for i, t in triggers.items() if i != index and t.i in content
                       and events[i].source.country == event.source.country and events[i].target is not None
                       and events[i].target.country not in (None, event.source.country)]
            if parties:
                out[index] = replace(event, target=parties[0])
        return out

    @staticmethod
    def by_mistake(verb: Token) -> bool:
        if verb.dep_ in ("advcl", "conj") and verb.tag_ == "VBG" and Extractor.by_mistake(verb.head):
            return True  # "..., killing all 176 people on board": the consequence of the mistake
        for child in verb.children:
            if child.dep_ == "advmod" and child.lower_ in ("accidentally", "mistakenly", "inadvertently",
                                                            "unintentionally", "erroneously"):
                return True
            if child.dep_ == "prep" and child.lower_ in ("by", "in") and any(
                    g.dep_ == "pobj" and g.lower_ in ("mistake", "accident", "error") for g in child.children):
                return True
        return False

    @staticmethod
    def disputes_claim(verb: Token) -> bool:
        """Does the verb reject a claim (an accusation, allegation, charge, report) rather than a proposal?"""
        claims = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        # ("dismissed as fabricated a report that ...": the parser hangs the report on "fabricated")
        claims += [g for c in verb.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "as"
                                                                         for m in c.children)
                   for g in c.children if g.dep_ == "dobj"]
        if verb.dep_ == "relcl" and not any(c.lemma_.lower() not in ("that", "which") for c in claims):
            claims.append(verb.head)  # "..., a charge Kyiv dismissed as absurd"
        return any(c.lemma_.lower() in CLAIM_NOUNS for c in claims)

    def disputes(self, events: list[Event]) -> list[Event]:
        """"Mali's junta accused France of supplying weapons, an allegation Paris rejected as false": the
        claim keeps its claimant and gains `disputed_by`; the disputer's side is a negated copy."""
        out = list(events)
        for token in self.doc:
            if token.pos_ != "VERB" or token.lemma_.lower() not in DISPUTE_VERBS or neither_nor(token):
                continue  # ("would neither confirm nor deny involvement": no stand taken)
            claim = None
            if token.dep_ == "relcl" and token.head.lemma_.lower() in CLAIM_NOUNS:
                claim = token.head  # "..., a charge Kyiv dismissed as absurd"
            else:
                claim = next((c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_NOUNS), None)
            own_denial = False
            if claim is None and token.lemma_.lower() in ("deny", "reject", "dismiss", "refute") and (
                    any(c.dep_ == "dobj" and c.lemma_.lower() in INVOLVEMENT for c in token.children) or
                    any(c.dep_ == "ccomp" for c in token.children)):
                # "Azerbaijan accused Armenia of firing missiles. Armenia denied that any fire had come from
                # its territory", "Hamas denied any involvement": the accused denies its own act; "Ukraine's
                # military denied that the city had fallen": a denial of what another claimed
                claim, own_denial = token, any(c.dep_ == "dobj" for c in token.children)
            if claim is None:
                continue
            disputers = [a for t in self.subjects(token) if (a := self.actor(t))]
            if not disputers:
                continue
            disputer = disputers[0]
            # the claims disputed: attributed acts of this sentence, or of the one before for "the report"
            here = self.actors.sentence(token).start
            sentences = {here}
            if here > 0 and (claim.dep_ == "dobj" or claim.i == token.i):
                sentences.add(self.actors.sentence(self.doc[here - 1]).start)
            for index, event in enumerate(events):
                in_scope = self.doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")
                if in_scope is None or self.actors.sentence(in_scope[0]).start not in sentences:
                    continue
                if event.attribution is None or event.factuality is not Factuality.ASSERTED or \
                        event.source.country == disputer.country and event.event_type in SPEECH_TYPES:
                    continue
                if event.attribution.claimant_actor is not None and \
                        event.attribution.claimant_actor.country == disputer.country:
                    continue
                if own_denial and (event.source.country != disputer.country or event.event_type in SPEECH_TYPES):
                    continue  # a denial of one's own involvement disputes only one's own alleged acts
                disputed = replace(event.attribution, disputed_by=(*event.attribution.disputed_by, disputer.text))
                out[index] = replace(out[index], attribution=disputed)
                out.append(replace(event, factuality=Factuality.NEGATED, rule=event.rule + ".disputed",
                                   attribution=Attribution(disputer.text, None, disputer),
                                   extras={**event.extras, "disputes": event.rule}))
        return out


def hyphen_pair(token: Token) -> list[Token]:
    """"Egyptian-Qatari", "U.S.-Iranian": the parser hangs the first name on the second across the hyphen."""
    return [c for c in token.lefts if c.dep_ in ("amod", "compound", "nmod", "npadvmod") and c.i + 2 == token.i
            and token.doc[c.i + 1].text == "-"]


def speaks_for(attribution: Attribution, source: Actor) -> bool:
    """Is the claimant the actor (or its spokesperson) rather than someone reporting on it?

    "Katz said Tehran would pay" is Katz's own threat; "three U.S. officials said Trump rejected the plan"
    is a report by others, even though they are the same country's officials."""
    claimant = attribution.claimant_actor
    if source.text and source.text.lower() in attribution.claimant.lower():
        return True  # "Britain, France and Germany said ... and urged Tehran": France urges
    if claimant is None or claimant.country != source.country:
        return False
    words = attribution.claimant.lower().split()
    anonymous = bool(words) and words[-1].rstrip("s") in ANONYMOUS_HEADS
    return not anonymous


def internal(source: Actor, target: Actor, event_type: str) -> bool:
    """A government instructing its own army is administration, not an event between actors;
    a crackdown or a rebuke at home still is."""
    if source.country != target.country or source.sector not in STATE_SECTORS:
        return False
    if target.sector in STATE_SECTORS:
        return event_type not in ("ACCUSE", "REJECT", "COERCE", "ASSAULT", "PROTEST", "SANCTION")
    # "Katz told Israelis to stay near shelters": instructions to the public
    return target.sector == "CVL" and event_type in ("REQUEST", "CONSULT", "SUPPORT", "AGREE")


def same_actor(a: Actor, b: Actor) -> bool:
    return a.country == b.country and (a.sector == b.sector or a.name == b.name and a.name is not None) and a.org == b.org


def merge(events: list[Event], dyadless: bool = False) -> list[Event]:
    """One event per act per article: the same dyad, type and factuality collapse to the most confident.
    With `dyadless`, events still without a target are kept for the targets stage to complete; the final
    merge drops those that only repeat a targeted event."""
    best: dict[tuple, Event] = {}
    order: list[tuple] = []
    for event in events:
        key = (event.source.country, event.source.sector, event.source.org,
               event.target.country if event.target else None, event.event_type, event.factuality)
        if key not in best:
            best[key] = event
            order.append(key)
        elif event.confidence > best[key].confidence + 1e-9:
            best[key] = event
    # A dyad-less duplicate of a targeted event adds nothing; nor does a target guessed from the place
    # when the same sentence names one ("a drone strike near Baghdad's airport killed Soleimani").
    out = [best[k] for k in order]
    # Crowds denouncing something while demonstrating are protesting, not accusing.
    protesting = {(e.source.country, e.evidence.start) for e in out if e.event_type == "PROTEST"}
    out = [e for e in out if not (e.event_type == "ACCUSE" and e.source.sector == "CVL" and
                                  (e.source.country, e.evidence.start) in protesting)]
    # No one intrudes on its own airspace ("Iran shot down a U.S. drone, claiming it had violated Iranian airspace":
    # the "it" taken for Iran)
    out = [e for e in out if not (e.rule.startswith("mobilize.airspace") and e.target is not None and
                                  e.target.country == e.source.country)]
    named = {(e.source.country, e.event_type, e.factuality, e.evidence.start) for e in out
             if e.target is not None and not e.extras.get("target_from")}
    out = [e for e in out if not (e.extras.get("target_from") and
                                  (e.source.country, e.event_type, e.factuality, e.evidence.start) in named)]
    if dyadless:
        return out
    targeted = {(e.source.country, e.event_type, e.factuality) for e in out if e.target is not None}
    return [e for e in out if e.target is not None or (e.source.country, e.event_type, e.factuality) not in targeted]


def extract(doc: Doc, article: Article, resolver: ActorResolver | None = None) -> list[Event]:
    resolver = resolver or ActorResolver(doc, article.published)
    attributor = Attributor(doc, resolver)
    return Extractor(doc, article, resolver, attributor).run()
