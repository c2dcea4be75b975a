"""Doc spans -> Actor codes, using the dictionaries in data/actors/ and data/sectors.yaml.

`ActorResolver(doc, published)` finds every actor mention in a parsed article once (countries,
demonyms, capitals, organisations, leaders with dated roles, titles, pronouns) and then answers
`actor_of(token)`: the actor a noun phrase headed by that token stands for.
"""
from __future__ import annotations

import bisect
import csv
import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path

from .datafiles import load_yaml
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token

from . import places
from .records import Actor

DATA = Path(__file__).parent / "data"

# Aliases that collide with ordinary English words when matched; never used as actor names.
AMBIGUOUS_ALIASES = {"IS", "AS", "IT", "ON", "OR", "IN", "AN", "NO", "ME", "WE", "HE", "BE", "DO", "GO", "SO",
                     "TO", "AT", "BY", "OF", "UP", "US.", "PA", "AM", "MY", "OK", "ID", "HI"}


@dataclass(frozen=True, slots=True)
class Role:
    country: str
    sector: str
    office: str
    start: dt.date
    end: dt.date | None
    org: str | None = None

    def active(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """One dictionary entry a name can point to."""

    kind: str  # country, demonym, capital, org, leader
    country: str | None
    sector: str | None = None
    org: str | None = None
    name: str | None = None
    roles: tuple[Role, ...] = ()
    plural: bool = False


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # token index in the Doc
    end: int
    entry: Entry

    @property
    def is_person(self) -> bool:
        return self.entry.kind == "leader"


def _split(cell: str) -> list[str]:
    return [part.strip() for part in (cell or "").split(";") if part.strip()]


def _date(value) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@dataclass(frozen=True)
class Lexicon:
    """All actor dictionaries, loaded once."""

    names: dict[str, list[Entry]]  # surface form -> entries
    sector_words: dict[str, str]  # lower-case noun or noun phrase -> sector code
    titles: dict[str, str]  # lower-case title -> office
    leaders: tuple[Entry, ...]


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    names: dict[str, list[Entry]] = {}

    def add(name: str, entry: Entry) -> None:
        name = name.strip()
        if not name or name in AMBIGUOUS_ALIASES:
            return
        bucket = names.setdefault(name, [])
        if entry not in bucket:
            bucket.append(entry)

    with open(DATA / "actors" / "countries.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            iso3 = row["iso3"].strip()
            for name in [row["name"], *_split(row["aliases"])]:
                add(name, Entry("country", iso3))
            for demonym in _split(row["demonyms"]):
                plural = demonym.endswith("s") and not demonym.endswith("ese")
                add(demonym, Entry("demonym", iso3, plural=plural))
            for capital in _split(row["capitals"]):
                add(capital, Entry("capital", iso3, "GOV"))

    for item in load_yaml("actors/organisations.yaml") or []:
        entry = Entry("org", item.get("country"), item.get("sector"), item.get("org"), item["names"][0])
        for name in item["names"]:
            add(name, entry)
            if name.lower().startswith("the "):
                add(name[4:], entry)

    leaders = []
    for item in load_yaml("actors/leaders.yaml") or []:
        roles = tuple(
            Role(r["country"], r.get("sector") or "GOV", str(r.get("office", "")).lower(), _date(r["from"]),
                 _date(r.get("to")), r.get("org"))
            for r in item.get("roles", [])
        )
        entry = Entry("leader", roles[-1].country if roles else None, name=item["name"], roles=roles)
        leaders.append(entry)
        for name in [item["name"], *(item.get("aliases") or [])]:
            add(name, entry)

    sector_words: dict[str, str] = {}
    for sector, words in load_yaml("sectors.yaml").items():
        for word in words:
            sector_words[str(word).lower()] = sector
    titles = {k.lower(): v.lower() for k, v in load_yaml("titles.yaml").items()}
    return Lexicon(names, sector_words, titles, tuple(leaders))


@functools.lru_cache(maxsize=4)
def _matcher(vocab_id: int, vocab) -> PhraseMatcher:
    """Case-sensitive matcher over every dictionary name (built once per vocab)."""
    matcher = PhraseMatcher(vocab, attr="ORTH")
    from .nlp import load

    tokenizer = load().tokenizer
    for name in lexicon().names:
        matcher.add(name, [tokenizer(name)])
    return matcher


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str  # canonical name
    country: str | None


@functools.lru_cache(maxsize=1)
def outlets() -> dict[str, Outlet]:
    """News outlet names and aliases (lower case) -> the outlet, from data/outlets.yaml (read once,
    for actors here and for attribution)."""
    table = {}
    for item in load_yaml("outlets.yaml") or []:
        outlet = Outlet(item["name"], item.get("country"))
        for name in [item["name"], *(item.get("aliases") or [])]:
            table[name.lower()] = outlet
    return table




def role_on(entry: Entry, day: dt.date | None) -> Role | None:
    """The role a leader held on `day` (the latest role when the date is unknown)."""
    if not entry.roles:
        return None
    if day is None:
        return max(entry.roles, key=lambda r: r.start)
    active = [r for r in entry.roles if r.active(day)]
    return max(active, key=lambda r: r.start) if active else None


AFFILIATION = {"link", "tie", "affiliate", "back", "allied", "ally", "belong", "connect", "associate", "loyal", "lead",
               "sponsor", "fund", "arm", "support", "run", "operate", "own", "control"}
ORG_ANAPHORS = {"group", "militia", "movement", "organisation", "organization", "faction", "outfit", "rebels", "rebel",
                "militants", "militant", "agency", "alliance", "bloc", "body", "court", "council"}
MANUFACTURE = {"made", "built", "manufactured", "designed", "produced", "supplied"}  # "Turkish-made drones"
ENVOYS = {"ambassador", "envoy", "chargé", "charge", "diplomat", "diplomats", "ambassadors", "envoys", "attaché"}
# what makes "parties" the sides of a war or of talks rather than political parties
SIDES = {"warring", "all", "both", "two", "other", "outside", "third", "opposing", "negotiating", "concerned",
         "relevant", "involved", "interested", "conflicting", "contracting", "signatory"}
SECTOR_ANAPHORS = {"military", "army", "government", "ministry", "navy", "cabinet", "regime", "administration",
                   "authorities", "prime minister", "foreign ministry", "air force", "police"}
ARMED_GROUPS = {"group", "militia", "movement", "faction", "outfit", "rebels", "militants"}
IGO_ANAPHORS = {"alliance", "bloc", "body", "council", "agency", "union", "organisation", "organization", "court"}
ENCLAVES = {"enclave", "strip"}
CAPTIVES = {"hostage", "captive", "prisoner", "detainee", "abductee", "inmate"}
STATE_ANAPHORS = {"country", "kingdom", "nation", "emirate", "republic", "sultanate"}
# "Iranian-backed militias" are not Iran's own: these hyphen suffixes do not make the prefix the owner.
PATRONAGE = {"backed", "allied", "aligned", "funded", "armed", "trained", "linked", "affiliated", "inspired",
             "leaning", "friendly", "supported", "sponsored", "allied", "oriented", "patrolled", "monitored",
             "supervised", "mandated", "brokered", "mediated"}
AUTHORSHIP = {"draft", "drafted", "propose", "proposed", "sponsor", "sponsored", "broker", "brokered",
              "write", "written", "author", "authored", "table", "tabled", "submit", "submitted", "lead", "led"}
REPORTERS = {"say", "tell", "announce", "add", "claim", "state", "confirm", "report", "insist", "deny", "warn"}
# verbs that say who speaks a quotation
QUOTING = REPORTERS | {"write", "post", "tweet", "ask", "vow", "declare", "stress", "note", "argue", "chant", "shout",
                       "pledge", "promise", "threaten"}
COUNTERPARTS = {"host", "counterpart", "guest", "visitor", "interlocutor", "opposite number"}
CROWDS = {"thousand", "thousands", "hundred", "hundreds", "ten", "tens", "dozen", "dozens", "million", "millions",
          "score", "scores"}
QUANTITIES = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "score", "scores", "ten", "tens",
              "million", "millions", "number", "handful", "majority", "some", "many", "all", "most", "several"}
PRONOUNS_PERSON = {"he", "she", "him", "her", "his"}
# inside a quotation these stand for the speaker ("'Our aircraft struck 40 targets,' the IDF spokesman said")
PRONOUNS_SPEAKER = {"we", "us", "our", "ours", "ourselves", "i", "me", "my"}
OPENING_QUOTES, CLOSING_QUOTES, QUOTES = {"“", "``"}, {"”", "''"}, {'"'}
PRONOUNS_GROUP = {"it", "its", "they", "them", "their"}
# ground a state holds and others intrude on ("crossed into its territory")
SOVEREIGN_GROUND = {"territory", "airspace", "waters", "soil", "border", "borders", "sovereignty", "land"}
INTRUDING = {"cross", "enter", "violate", "invade", "penetrate", "intrude", "advance", "push", "breach", "stray",
             "fly", "sail", "incur"}
CONDITION_MARKS = {"while", "if", "unless", "until"}  # a clause whose subject continues its governing clause's


WATERS = {"gulf", "sea", "strait", "straits", "bay", "coast"}


class ActorResolver:
    """Actor mentions of one Doc, and the actor behind any noun phrase head."""

    def __init__(self, doc: Doc, published: dt.date | None = None):
        self.doc = doc
        self.published = published
        self.lex = lexicon()
        self.by_token: dict[int, Mention] = {}
        self._actors: dict[tuple[int, bool], Actor | None] = {}
        # Token.sent walks the whole Doc each time it is asked: index the sentences once.
        self.sents = list(doc.sents)
        self._sent_starts = [sent.start for sent in self.sents]
        self.mentions: list[Mention] = []
        self._find_mentions()
        self._quotes: list[tuple[int, int]] | None = None  # (first, last) token of each quotation, when asked

    def sentence(self, token: Token):
        """The sentence (a Span) holding a token, without Token.sent's walk over the Doc."""
        return self.sents[bisect.bisect_right(self._sent_starts, token.i) - 1]

    # -- mentions -------------------------------------------------------------------------------
    def _find_mentions(self) -> None:
        doc = self.doc
        matches = _matcher(id(doc.vocab), doc.vocab)(doc)
        # Longest match wins; ties go to the earlier one.
        spans = sorted(((s, e, doc.vocab.strings[m]) for m, s, e in matches), key=lambda x: (-(x[1] - x[0]), x[0]))
        taken: set[int] = set()
        for start, end, name in spans:
            if any(i in taken for i in range(start, end)):
                continue
            entry = self._choose(self.lex.names[name], doc[start:end])
            if entry is None:
                continue
            if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in ("pro", "anti"):
                continue  # "pro-Palestinian demonstrations", "anti-American slogans": a cause, not an actor
            mention = Mention(start, end, entry)
            self.mentions.append(mention)
            for i in range(start, end):
                taken.add(i)
                self.by_token[i] = mention
        for token in doc:
            # "U.S.-drafted", "Israeli-made": the name before the hyphen, unless it only backs the thing
            if token.i in taken or "-" not in token.text[1:]:
                continue
            prefix, _, suffix = token.text.rpartition("-")
            entries = self.lex.names.get(prefix)
            if entries and suffix.lower() not in PATRONAGE:
                entry = self._choose(entries, doc[token.i:token.i + 1])
                if entry is not None and entry.kind != "leader":
                    mention = Mention(token.i, token.i + 1, entry)
                    self.mentions.append(mention)
                    self.by_token[token.i] = mention
        self.mentions.sort(key=lambda m: m.start)

    def _choose(self, entries: list[Entry], span) -> Entry | None:
        if len(entries) == 1:
            return entries[0]
        # Several leaders share a surname: the one in office on the article's date wins.
        dated = [e for e in entries if e.kind == "leader" and role_on(e, self.published)]
        if dated:
            return dated[0]
        kinds = {"org": 0, "country": 1, "capital": 2, "demonym": 3, "leader": 4}
        return sorted(entries, key=lambda e: kinds.get(e.kind, 9))[0]

    def mention_at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    # -- actors ---------------------------------------------------------------------------------
    def entry_actor(self, entry: Entry, text: str) -> Actor:
        if entry.kind == "leader":
            role = role_on(entry, self.published)
            if role is None:  # out of office on that date: a national of their country, no sector
                return Actor(text, entry.country, None, name=entry.name)
            return Actor(text, role.country, role.sector, name=entry.name, org=role.org)
        return Actor(text, entry.country, entry.sector, name=entry.name if entry.kind == "org" else None,
                     org=entry.org)

    def sector_of(self, token: Token) -> str | None:
        """Sector named by a noun head, checking two-word phrases ("state media") first."""
        words = self.lex.sector_words
        if token.lemma_.lower() == "party" and all(
                c.lower_ in SIDES for c in token.children if c.dep_ in ("amod", "compound", "nmod", "poss")) and (
                token.tag_ == "NNS" or any(c.lower_ in SIDES for c in token.children)):
            return None  # "the parties reached an understanding", "the warring parties": the sides, not a party
        for child in token.lefts:
            if child.dep_ in ("compound", "amod") and f"{child.lower_} {token.lower_}" in words:
                return words[f"{child.lower_} {token.lower_}"]
        return words.get(token.lower_) or words.get(token.lemma_.lower())

    def title_of(self, token: Token) -> str | None:
        """Office named by a title head: "the prime minister", "Iran's foreign minister"."""
        titles = self.lex.titles
        candidates = []
        mods = [c for c in token.lefts if c.dep_ in ("compound", "amod")]
        if mods:
            candidates.append(" ".join(c.lower_ for c in mods[-1:]) + " " + token.lower_)
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                obj = [g for g in child.children if g.dep_ == "pobj"]
                if obj:
                    candidates.append(f"{token.lower_} of {obj[0].lower_}")
        candidates.append(token.lower_)
        for candidate in candidates:
            if candidate in titles:
                return titles[candidate]
        return None

    def country_modifier(self, token: Token, locative: bool = True) -> tuple[Actor | None, Token | None]:
        """The actor named inside a noun phrase's modifiers: "Israeli", "Iran's", "of Lebanon".

        Locative modifiers ("officials in Tehran") count only for groups of people (`locative`):
        "a bomb in Gaza" is not Gaza's."""
        for child in token.lefts:
            if child.dep_ in ("amod", "compound", "npadvmod", "nmod") and self.mention_at(child) is None \
                    and child.lemma_.lower() in AUTHORSHIP:
                for grandchild in child.lefts:
                    mention = self.mention_at(grandchild)
                    if mention is not None and mention.entry.kind in ("country", "demonym", "org", "capital"):
                        return self.entry_actor(mention.entry, grandchild.text), grandchild
        for child in token.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod", "npadvmod") and child.i < token.i:
                nested = child.dep_ in ("compound", "poss") and self.mention_at(child) is None
                actor = self.actor_of(child, allow_modifiers=nested)  # "French citizen Olivier Grondeau"
                if actor is not None and actor.country == "IGO" and child.dep_ == "compound":
                    # "Palestinian U.N. envoy Riyad Mansour": a country's envoy to the body is the country's
                    for mod in child.children:
                        mention = self.mention_at(mod)
                        if mod.dep_ in ("amod", "compound", "poss") and mention is not None and \
                                mention.entry.kind in ("country", "demonym") and mention.entry.country:
                            return Actor(mod.text, mention.entry.country, "GOV"), mod
                if actor is not None and actor.country:
                    return actor, child
        for child in token.lefts:
            if child.dep_ in ("amod", "compound", "npadvmod", "nmod") and self.mention_at(child) is None \
                    and child.lower_ not in PATRONAGE | MANUFACTURE:  # "Iran-backed militants" are not Iran's
                for grandchild in child.lefts:
                    mention = self.mention_at(grandchild)
                    if mention is not None and mention.entry.kind in ("country", "demonym", "org", "capital"):
                        return self.entry_actor(mention.entry, grandchild.text), grandchild
        for child in token.rights:
            if child.dep_ == "acl" and child.tag_ == "VBN":
                for agent in child.children:  # "drones launched by the Rapid Support Forces"
                    if agent.dep_ == "agent":
                        for obj in agent.children:
                            if obj.dep_ == "pobj":
                                actor = self.actor_of(obj)
                                if actor is not None and actor.country:
                                    return actor, obj
            if child.dep_ == "acl" and child.lemma_.lower() in AFFILIATION:
                # "companies linked to the IRGC", "militias backed by Iran"
                for prep in child.children:
                    if prep.dep_ in ("prep", "agent"):
                        for obj in prep.children:
                            if obj.dep_ == "pobj":
                                actor = self.actor_of(obj)
                                if actor is not None and actor.country:
                                    return actor, obj
            if child.dep_ == "prep" and (child.lower_ in ("of", "from") or
                                         locative and child.lower_ in ("in", "near", "around", "outside", "at")
                                         and token.lemma_.lower() not in CAPTIVES):  # "hostages in Gaza" are held there
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        # "the headquarters of Iran's state broadcaster": look inside the object too
                        actor = self.actor_of(obj, allow_modifiers=child.lower_ == "of")
                        if actor is not None and actor.country:
                            return actor, obj
        return None, None

    def phrase_text(self, token: Token) -> str:
        """The words of the noun phrase headed by token, without its clauses and appositions."""
        left = token.left_edge.i
        right = token.i
        for child in token.rights:
            if child.dep_ in ("compound", "flat", "nummod", "amod") or (
                child.dep_ == "prep" and child.lower_ in ("of", "from")
            ):
                right = max(right, child.right_edge.i)
            else:
                break
        while left < right and self.doc[left].is_space:
            left += 1
        span = self.doc[left:right + 1]
        text = span.text.strip()
        for prefix in ("the ", "The "):
            if text.startswith(prefix) and len(span) > 1:
                text = text[len(prefix):]
        return text

    def actor_of(self, token: Token, allow_modifiers: bool = True) -> Actor | None:
        """The actor a noun phrase headed by `token` stands for, or None (memoised: the answer depends
        only on the Doc and its mentions, and the extractor asks about the same words many times)."""
        key = (token.i, allow_modifiers)
        if key not in self._actors:
            self._actors[key] = None  # a phrase that leads back to itself (pronoun chains) stands for no one
            self._actors[key] = self._actor_of(token, allow_modifiers)
        return self._actors[key]

    def _actor_of(self, token: Token, allow_modifiers: bool = True) -> Actor | None:
        mention = self.mention_at(token)
        if mention is None and token.i >= 2 and self.doc[token.i - 1].text == "-" and \
                self.doc[token.i - 2].lower_ in ("pro", "anti"):
            return None  # "pro-Palestinian demonstrators": a cause, not the country's people
        if mention is not None and token.dep_ == "pobj" and token.head.lower_ == "of" and \
                token.head.head.lower_ in WATERS:
            return None  # "the Gulf of Oman", "the Gulf of Aden": a sea, not a state
        text = self.phrase_text(token) if allow_modifiers else token.text
        if mention is not None:
            actor = self.entry_actor(mention.entry, text)
            if mention.entry.kind in ("country", "demonym") and allow_modifiers:
                # "Israeli forces" is parsed with "forces" as head; "Israel" alone has no sector.
                return actor
            return actor
        lower = token.lower_
        if lower in PRONOUNS_PERSON or lower in PRONOUNS_GROUP:
            return self.resolve_pronoun(token)
        if lower in PRONOUNS_SPEAKER:
            speaker = self.quoted_speaker(token)
            if speaker is None:
                return None
            if lower in ("i", "me", "my"):
                return Actor(token.text, speaker.country, speaker.sector, name=speaker.name, org=speaker.org)
            return Actor(token.text, speaker.country, speaker.sector, org=speaker.org)  # "we": the side, not the person
        if token.pos_ == "PROPN" and (token.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "NORP", "") or
                                      token.dep_ in ("dobj", "pobj")):  # the small model calls Kharkiv a PERSON
            place = self.place_at(token)
            if place is not None and place.country:
                return Actor(text, place.country, None)
        if not allow_modifiers:
            return None
        if token.lemma_.lower() in QUANTITIES or token.pos_ == "NUM":
            # "thousands of people", "dozens of Hezbollah fighters": the group is in the of-phrase
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            inner = self.actor_of(obj)
                            mention = self.mention_at(obj)
                            if inner is not None and inner.sector is None and mention is not None and \
                                    mention.entry.kind == "demonym" and obj.tag_ in ("NNPS", "NNS"):
                                # "thousands of Armenians": people of that country, not its state
                                return Actor(text, inner.country, "CVL")
                            return inner
            if token.dep_ in ("nsubj", "nsubjpass") and token.lemma_.lower() in CROWDS:
                return Actor(text, None, "CVL")  # "Thousands took to the streets": people
        sector = self.sector_of(token)
        if sector == "IGO":
            return Actor(text, "IGO", "IGO")
        office = self.title_of(token) if sector == "GOV" else None
        owner, via = self.country_modifier(token, locative=sector is not None)
        if owner is not None and sector is None and via is not None and via.dep_ == "compound" and \
                token.pos_ == "PROPN" and self.sector_of(via):
            # "Iranian general Ahmad Vahidi", "Hezbollah commander Ali Karaki": the title gives the sector
            sector = owner.sector or self.sector_of(via)
            if owner.org:
                return Actor(text, owner.country, owner.sector, name=owner.name, org=owner.org)
        if office:
            person = self.resolve_title(token, office, owner.country if owner else None, owner.org if owner else None)
            if person is not None:
                return person
        if owner is not None:
            if sector is None:
                # "Iranian nuclear sites": a thing belonging to an actor stands for that actor.
                # "Hezbollah positions" are Hezbollah's; "Iranian nuclear sites" are Iran's, of no sector.
                return Actor(text, owner.country, owner.sector if owner.org or owner.sector in ("IGO", "NGO") else None,
                             name=owner.name, org=owner.org)
            if owner.country in ("IGO", "NGO"):
                # "the European Union's naval mission" is the EU, not a government
                return Actor(text, owner.country, owner.sector, name=owner.name, org=owner.org)
            if owner.org and owner.sector in ("REB", "MIL", "SPY") and sector != "CVL":
                # "Hezbollah commanders", "IRGC officials" belong to the organisation
                return Actor(text, owner.country, owner.sector, org=owner.org)
            return Actor(text, owner.country, sector)
        anaphor = self.definite_description(token) or self.counterpart(token)
        if anaphor is not None:
            return anaphor
        outlet_country = self.outlet_country(token)
        if outlet_country:
            return Actor(text, outlet_country, "MED")
        for child in token.rights:
            if child.dep_ == "appos":
                # "Kazem Gharibabadi, Iran's deputy foreign minister, ..."
                described = self.actor_of(child)
                if described is not None and described.country:
                    return Actor(text, described.country, described.sector, name=described.name, org=described.org)
        if sector is not None:
            # "protesters", "riot police": a group without a country; the act's place may anchor it
            return Actor(text, None, sector)
        return None

    def definite_description(self, token: Token) -> Actor | None:
        """"the group", "the militia" -> the organisation named last; "the country", "the kingdom" -> the
        state named last (before this word)."""
        lemma = token.lemma_.lower()
        if lemma in SECTOR_ANAPHORS and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) \
                and not any(c.dep_ in ("amod", "compound", "poss") and (self.mention_at(c) is not None or c.dep_ == "poss")
                            for c in token.children):  # ("the foreign ministry" too, not "the Iranian ministry")
            sector = self.sector_of(token)
            earlier = [m for m in self.mentions if m.start < token.i and m.entry.country not in (None, "IGO", "NGO")]
            # "Finland will close its border with Russia, the government said": the state that acts
            subjects = [m for m in earlier if self._role(m) in ("nsubj", "nsubjpass")]
            for mention in reversed(subjects or earlier):
                return Actor(self.phrase_text(token), mention.entry.country, sector)
            return None
        if lemma in ENCLAVES and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            # "the enclave", "the strip": in this news, Gaza, when it was named before
            for mention in reversed(self.mentions):
                if mention.start < token.i and "gaza" in self.doc[mention.start:mention.end].text.lower():
                    return Actor(self.phrase_text(token), mention.entry.country, None)
            return None
        if lemma not in ORG_ANAPHORS and lemma not in STATE_ANAPHORS:
            return None
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children):
            return None
        kinds = ("org",) if lemma in ORG_ANAPHORS else ("country", "capital")
        same_sentence_subjects = {m.start for m in self.mentions
                                  if self.sentence(token).start <= m.start < token.i and self._role(m) == "nsubj"}
        ordered = list(reversed(self.mentions))
        if lemma in IGO_ANAPHORS and lemma not in ("alliance", "bloc"):
            # "the agency", "the court", "the body": an international body named before, before any group
            ordered.sort(key=lambda m: m.entry.sector not in ("IGO", "NGO"))
        ancestors = {a.i for a in token.ancestors}
        for mention in ordered:
            if lemma in STATE_ANAPHORS and mention.start in same_sentence_subjects:
                continue  # "the U.S. eased sanctions on the country's oil sector": not the subject itself
            if lemma in STATE_ANAPHORS and self.doc[mention.end - 1].dep_ in ("compound", "amod", "poss") and \
                    self.doc[mention.end - 1].head.i in ancestors:
                continue  # "to halt all U.S. aid to the country": the aid's giver is not the country it goes to
            if lemma in ARMED_GROUPS and mention.entry.sector in ("MIL", "SPY", "COP"):
                continue  # "the group", "the militants": not the Pentagon or a spy agency named in between
            if mention.start < token.i and mention.entry.kind in kinds and (
                    lemma in STATE_ANAPHORS or lemma in IGO_ANAPHORS or
                    mention.entry.sector not in ("IGO", "NGO", "GOV")):
                actor = self.entry_actor(mention.entry, self.phrase_text(token))
                return Actor(actor.text, actor.country, actor.sector if kinds == ("org",) else None,
                             name=actor.name, org=actor.org)
        return None

    def counterpart(self, token: Token) -> Actor | None:
        """"The South Korean president praised his host": the other leader named before."""
        if token.lemma_.lower() not in COUNTERPARTS:
            return None
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        mine = self.actor_of(owner)
        for mention in reversed(self.mentions):
            if mention.start < token.i and mention.is_person:
                actor = self.entry_actor(mention.entry, self.phrase_text(token))
                if mine is None or actor.country != mine.country:
                    return actor
        return None

    def outlet_country(self, token: Token) -> str | None:
        """"Wall Street Journal reporter Evan Gershkovich": a journalist belongs to the outlet's country."""
        for child in token.lefts:
            if child.dep_ == "compound" and (self.sector_of(child) == "MED" or child.pos_ == "PROPN"):
                name = self.doc[child.left_edge.i:child.i + 1].text
                outlet = outlets().get(name.lower().removeprefix("the "))
                country = outlet.country if outlet else None
                if country:
                    return country
                if self.sector_of(child) == "MED":
                    return self.outlet_country(child)
        return None

    def _role(self, mention: Mention) -> str:
        """The dependency role of the phrase a mention heads or modifies."""
        head = self.doc[mention.end - 1]
        while head.dep_ in ("compound", "amod", "poss", "nmod") and head.head.i != head.i:
            head = head.head
        return head.dep_

    def place_at(self, token: Token):
        """A gazetteer place named by a proper-noun head and its proper-noun compounds ("Khan Younis")."""
        first = token
        while first.i > 0 and self.doc[first.i - 1].pos_ == "PROPN" and self.doc[first.i - 1].head.i == token.i:
            first = self.doc[first.i - 1]
        # The whole name only: "Jong" is a town, but "Kim Yo Jong" is a person.
        return places.lookup(self.doc[first.i:token.i + 1].text)

    # -- quotations -----------------------------------------------------------------------------
    def quotations(self) -> list[tuple[int, int]]:
        """The quoted stretches of the text, as (first, last) token indices inside the quotation marks."""
        if self._quotes is None:
            self._quotes = []
            start = None
            for token in self.doc:
                text = token.text
                if start is None and (text in OPENING_QUOTES or text in QUOTES):
                    start = token.i + 1
                elif start is not None and (text in CLOSING_QUOTES or text in QUOTES):
                    self._quotes.append((start, token.i - 1))
                    start = None
                elif start is not None and "\n\n" in token.whitespace_ + text:
                    start = None  # an unclosed quotation ends with its paragraph
        return self._quotes

    def speaker_of(self, quote: tuple[int, int]) -> Actor | None:
        """Who says a quotation: the subject of a reporting verb outside it in its sentences ("'...,' the
        minister said", "Kim said: '...'")."""
        first, last = quote
        sentences = {self.sentence(self.doc[first]).start: self.sentence(self.doc[first]),
                     self.sentence(self.doc[last]).start: self.sentence(self.doc[last])}
        for sent in sentences.values():
            for verb in sent:
                if first <= verb.i <= last or verb.pos_ not in ("VERB", "AUX") or \
                        verb.lemma_.lower() not in QUOTING:
                    continue
                for subject in (c for c in verb.children if c.dep_ == "nsubj" and not first <= c.i <= last):
                    actor = self.actor_of(subject)
                    if actor is not None and actor.country:
                        return actor
                if not any(c.dep_ == "nsubj" for c in verb.children) and 0 < verb.i - last <= 14:
                    # '"...," Iran's armed forces chief of staff, Mohammad Bagheri, told state television': the
                    # parser may hang the speaker on the quotation; the name just before the verb speaks
                    for token in reversed(self.doc[last + 2:verb.i]):
                        actor = self.actor_of(token) if token.pos_ in ("PROPN", "NOUN") else None
                        if actor is not None and actor.country:
                            return actor
        return None

    def quoted_speaker(self, token: Token) -> Actor | None:
        """The speaker a first-person pronoun inside a quotation stands for; a quotation with no speaker
        of its own continues the one just before it ("'...,' he said. 'We will not stop.'")."""
        quotes = self.quotations()
        index = next((n for n, (a, b) in enumerate(quotes) if a <= token.i <= b), None)
        if index is None:
            return None
        at = lambda i: bisect.bisect_right(self._sent_starts, i)  # noqa: E731 (the sentence's number)
        for n in range(index, max(-1, index - 3), -1):
            if n < index and at(quotes[n + 1][0]) - at(quotes[n][1]) > 1:
                break  # (only a quotation in the same or the sentence just before)
            speaker = self.speaker_of(quotes[n])
            if speaker is not None:
                return speaker
        return None

    def reporter_of(self, pronoun: Token) -> Actor | None:
        """"The military said it had targeted ...": the subject pronoun of a reported clause is its reporter."""
        if pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.lower_ not in ("it", "he", "she", "they"):
            return None
        clause = pronoun.head
        while clause.dep_ == "conj" and clause.head.i < clause.i:  # "said the damage was limited and that it would"
            clause = clause.head
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORTERS:
            return None
        reporter = clause.head
        subjects = [c for c in reporter.children if c.dep_ == "nsubj" and c.i < pronoun.i]
        if not subjects and reporter.dep_ == "conj":  # "Qatar condemned the attack and said it reserved ...": shared
            subjects = [c for c in reporter.head.children if c.dep_ == "nsubj" and c.i < pronoun.i]
        if not subjects or subjects[0].lower_ in PRONOUNS_PERSON | PRONOUNS_GROUP:
            return None
        actor = self.actor_of(subjects[0])
        if actor is None or actor.country is None:
            return None
        if (pronoun.lower_ in ("he", "she")) != (actor.name is not None and self.is_person_name(actor.name)):
            return None
        return Actor(pronoun.text, actor.country, actor.sector, name=actor.name, org=actor.org)

    def intruded_host(self, pronoun: Token) -> Actor | None:
        """"Armenia said Azerbaijani troops had crossed into its territory", "Russian drones violated its airspace,
        Poland said": whoever intrudes does not intrude on its own ground; the territory is the reporter's."""
        if pronoun.dep_ != "poss" or pronoun.head.lemma_.lower() not in SOVEREIGN_GROUND:
            return None
        verb = next((a for a in pronoun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None or verb.lemma_.lower() not in INTRUDING:
            return None
        intruders = [self.actor_of(c) for c in verb.children if c.dep_ == "nsubj"]
        for above in verb.ancestors:
            if above.pos_ not in ("VERB", "AUX"):
                continue
            for subject in (c for c in above.children if c.dep_ == "nsubj" and c.lower_ not in PRONOUNS_GROUP):
                actor = self.actor_of(subject)
                if actor is not None and actor.country and all(
                        i is None or i.country != actor.country for i in intruders):
                    return Actor(pronoun.text, actor.country, None)
        return None

    def conditioned_subject(self, pronoun: Token) -> Actor | None:
        """"it would not negotiate while it was under attack", "Iran will respond if it is attacked": the subject
        of a while/if clause is the subject of the clause it qualifies, unless that clause names another
        party it could be ("Israel will strike Iran if it attacks")."""
        clause = pronoun.head
        if pronoun.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "advcl" or not any(
                c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in clause.children):
            return None
        main = clause.head
        subject = next((c for c in main.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i), None)
        actor = self.actor_of(subject) if subject is not None else None
        if actor is None or actor.country is None or actor.name is not None:
            return None
        others = [a for c in main.subtree if c.i < clause.left_edge.i and c.dep_ in ("dobj", "pobj", "dative")
                  for a in [self.actor_of(c)] if a is not None and a.country and a.country != actor.country]
        return None if others else Actor(pronoun.text, actor.country, actor.sector, org=actor.org)

    def is_person_name(self, name: str) -> bool:
        return any(e.kind == "leader" for e in self.lex.names.get(name, []))

    def resolve_title(self, token: Token, office: str, country: str | None, org: str | None = None) -> Actor | None:
        """A title resolves to the last-named holder of the office, or the country's holder on the date.
        Within international bodies the body must match too: a "U.N. envoy" is no EU envoy."""
        text = self.phrase_text(token)
        same_body = lambda role: country != "IGO" or org is None or role.org == org  # noqa: E731
        for mention in reversed(self.mentions):
            if mention.start >= token.i or mention.entry.kind != "leader":
                continue
            role = role_on(mention.entry, self.published)
            if role and role.office == office and (country is None or role.country == country) and same_body(role):
                return Actor(text, role.country, role.sector, name=mention.entry.name, org=role.org)
        if country is not None:
            for entry in self.lex.leaders:
                role = role_on(entry, self.published)
                if role and role.office == office and role.country == country and same_body(role):
                    return Actor(text, role.country, role.sector, name=entry.name, org=role.org)
            return Actor(text, country, "GOV")
        return None

    def resolve_pronoun(self, token: Token) -> Actor | None:
        """He/she -> the last person named before; it/they -> the last named state or group."""
        want_person = token.lower_ in PRONOUNS_PERSON
        if not want_person and (host := self.intruded_host(token)) is not None:
            return host
        if not want_person and token.dep_ == "poss":
            # "the White House said ..., as Israel pressed on with its air campaign": the subject of the
            # possessive's own clause comes before whoever reports it
            verb = next((n for n in token.ancestors if n.pos_ in ("VERB", "AUX")), None)
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i and
                        c.pos_ in ("PROPN", "NOUN") and not c.left_edge.i <= token.i <= c.right_edge.i] \
                if verb is not None else []
            between = subjects and any(subjects[0].right_edge.i < m.start < token.i for m in self.mentions)
            if subjects and not between and not (token.head.dep_ == "conj" and token.head.head.i < token.i):
                actor = self.actor_of(subjects[0])
                if actor is not None and actor.country and actor.name is None:
                    return Actor(token.text, actor.country, actor.sector, org=actor.org)
        reporter = self.reporter_of(token)
        if reporter is not None:
            return reporter
        if not want_person and (same := self.conditioned_subject(token)) is not None:
            return same
        if not want_person and token.dep_ == "nsubj" and token.head.dep_ == "relcl":
            # "The UAE has withdrawn its troops, leaving Yemeni forces it trained in charge", "Russia returned the
            # vessels it seized": the subject inside an object's relative clause is the sentence's subject
            root = self.sentence(token).root
            for subject in (c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i):
                actor = self.actor_of(subject)
                if actor is not None and actor.country and actor.name is None and subject.lower_ not in PRONOUNS_GROUP:
                    return Actor(token.text, actor.country, actor.sector, org=actor.org)
        if want_person and token.lower_ in ("him", "her") and token.dep_ in ("dobj", "pobj", "dative"):
            # "The South Korean president ... urged him to": the object is someone else than the subject
            subjects = {c.i for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")}
            subject_actors = [self.actor_of(self.doc[i]) for i in subjects]
            for mention in reversed(self.mentions):
                if mention.start < token.i and mention.is_person and role_on(mention.entry, self.published):
                    actor = self.entry_actor(mention.entry, token.text)
                    if not any(a is not None and a.name == actor.name for a in subject_actors):
                        return actor
        if want_person:
            # "Trump met Rutte ... He praised Rutte": a subject pronoun continues the last subject
            sentences = [self.sentence(token)]
            if sentences[0].start > 0:
                sentences.insert(0, self.sentence(self.doc[sentences[-1].start - 1]))
            for sent in reversed(sentences):
                for mention in reversed(self.mentions):
                    if sent.start <= mention.start < min(sent.end, token.i) and mention.is_person:
                        head = self.doc[mention.end - 1]
                        while head.dep_ in ("compound", "appos", "flat") and head.head.i != head.i:
                            head = head.head  # "Iran's Foreign Minister Abbas Araghchi": the title is the subject
                        if head.dep_ in ("nsubj", "nsubjpass") and role_on(mention.entry, self.published):
                            return self.entry_actor(mention.entry, token.text)
            for sent in reversed(sentences):
                for token_ in reversed(list(sent)):
                    if token_.i < token.i and token_.dep_ in ("nsubj", "dobj") and token_.lower_ not in PRONOUNS_PERSON \
                            and (token_.dep_ == "nsubj" or token.lower_ in ("him", "her")):
                        actor = self.actor_of(token_)
                        if actor is not None and actor.country and actor.sector in ("GOV", "MIL", "REB", "SPY"):
                            return Actor(token.text, actor.country, actor.sector, name=actor.name, org=actor.org)
        if not want_person and token.dep_ == "poss" and token.head.lemma_.lower() in ENVOYS and \
                token.head.head.lemma_.lower() in ("summon", "expel", "recall", "call in"):
            # "Britain ... summoned its ambassador": a government summons another state's envoy
            subjects = [self.actor_of(c) for c in token.head.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            own = {a.country for a in subjects if a is not None}
            if token.head.head.lemma_.lower() != "recall":
                for mention in reversed(self.mentions):
                    if mention.start < token.i and mention.entry.kind in ("country", "capital") and \
                            mention.entry.country not in own:
                        return self.entry_actor(mention.entry, token.text)
        if not want_person and token.dep_ in ("dobj", "pobj") and token.lower_ in ("it", "them"):
            # "Sudan severed ties with the UAE, accusing it of ...": an object pronoun is not the subject
            verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), token.head)
            governors = [verb]  # ("shot dead 15 of them": the verb above the phrase)
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                governors.append(self.sentence(token).root)  # (a verb with no subject of its own shares the root's;
                # "Palestinians massed ..., and Israeli troops shot dead 15 of them" has its own)
            # ("Israel and the White House dismissed it": not the verb's own subjects either)
            root_subjects = {t.i for g in governors for c in g.children if c.dep_ in ("nsubj", "nsubjpass")
                             for t in c.subtree}
            # "fired on three Ukrainian navy ships and seized them": an object before, of the same number
            for before in reversed(list(self.sentence(token)) if token.lower_ == "them" else []):
                if before.i >= token.i or before.i in root_subjects or before.dep_ not in ("dobj", "pobj") or \
                        before.pos_ != "NOUN" or before.tag_ != "NNS" or verb in before.ancestors:
                    continue  # (not an object of the pronoun's own verb: "ordered Russian troops into them")
                actor = self.actor_of(before)
                if actor is not None and actor.country and actor.name is None and any(
                        self.mention_at(m) is not None for m in before.lefts):
                    return Actor(token.text, actor.country, actor.sector, org=actor.org)
            for mention in reversed(self.mentions):
                plural_people = mention.entry.kind == "demonym" and token.lower_ == "them" and \
                    self.doc[mention.end - 1].tag_ in ("NNPS", "NNS")  # "Palestinians massed ... 15 of them"
                if self.sentence(token).start <= mention.start < token.i and mention.entry.kind != "leader" and \
                        not any(i in root_subjects for i in range(mention.start, mention.end)) and \
                        (mention.entry.kind != "demonym" or plural_people):
                    if plural_people:
                        return Actor(token.text, mention.entry.country, "CVL")
                    return self.entry_actor(mention.entry, token.text)
        if not want_person and token.dep_ == "poss":
            # "Israel ordered Palestinians to leave ahead of its planned offensive", "Moroccans marched ... to
            # demand that their government cut ties": a possessive refers to the nearest governing subject
            owner_phrase = token.head
            if owner_phrase.dep_ == "conj" and owner_phrase.head.i < token.i:
                # "Saudi Arabia and its allies": the conjunct before
                actor = self.actor_of(owner_phrase.head)
                if actor is not None and actor.country:
                    return Actor(token.text, actor.country, actor.sector, org=actor.org)
            noun = token.head
            if noun.dep_ == "pobj" and noun.head.lower_ in ("over", "for") and noun.head.head.pos_ in ("VERB", "AUX"):
                # "Bolivia severed relations with Israel over its offensive", "condemned Iran for its support":
                # the reason is the other party's
                verb = noun.head.head
                direct = [c for c in verb.children if c.dep_ == "dobj" and c.i < token.i]
                objects = direct + [g for h in (verb, *direct) for c in h.children if c.dep_ == "prep" and
                                    c.lower_ in ("with", "against", "on", "to") and c.i < token.i
                                    for g in c.children if g.dep_ == "pobj"]
                for obj in objects:
                    actor = self.actor_of(obj)
                    if actor is not None and actor.country and actor.name is None and actor.sector in (None, "GOV", "MIL"):
                        return Actor(token.text, actor.country, actor.sector, org=actor.org)
            for node in token.ancestors:
                if node.pos_ not in ("VERB", "AUX"):
                    continue
                for child in node.children:
                    if child.dep_ in ("nsubj", "nsubjpass") and child.i < token.i and child.lower_ not in (
                            "it", "they", "its", "their", "which", "that", "who") and \
                            not child.left_edge.i <= token.i <= child.right_edge.i:  # not "its forces" itself
                        actor = self.actor_of(child)
                        if actor is not None and actor.country and actor.name is None:
                            return Actor(token.text, actor.country, actor.sector, org=actor.org)
        if not want_person:
            # "Germany voiced support ..., with its foreign minister praising ...": the clause's subject
            sent_start = self.sentence(token).start
            for mention in reversed(self.mentions):
                if sent_start <= mention.start < token.i and mention.entry.kind != "leader":
                    head = self.doc[mention.end - 1]
                    while head.dep_ in ("compound", "amod", "poss", "nmod") and head.head.i != head.i:
                        head = head.head  # "U.N. staff members": the phrase's role counts
                    if head.dep_ in ("nsubj", "nsubjpass", "dobj") and head.head.i < token.i:
                        return self.entry_actor(mention.entry, token.text)
        for mention in reversed(self.mentions):
            if mention.start >= token.i:
                continue
            if mention.is_person != want_person:
                continue
            if not want_person and mention.entry.kind == "demonym" and not mention.entry.plural:
                continue  # "Israeli" in "Israeli jets" is not what "it" refers to
            head = self.doc[mention.end - 1]
            if not want_person and head.dep_ not in ("nsubj", "nsubjpass", "poss", "pobj", "dobj", "ROOT",
                                                      "conj", "appos", "compound", "amod"):
                continue
            actor = self.entry_actor(mention.entry, token.text)
            if not want_person and mention.entry.kind == "demonym":
                # "Israeli officials ... they": the group was the noun phrase, not the adjective.
                phrase_head = head.head if head.dep_ in ("amod", "compound") else head
                group = self.actor_of(phrase_head)
                if group is not None:
                    return Actor(token.text, group.country, group.sector, org=group.org)
            return actor
        return None
