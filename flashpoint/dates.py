"""When each event happened: `event_date` and `date_precision`, from the text and the publication date.

The stage after events (see pipeline.code_doc). Every relative expression is resolved against the
article's publication date, never against today, so the same article always gets the same dates.

| text | event_date | date_precision |
|---|---|---|
| "on 13 June 2025", "June 13, 2025", "2025-06-13" | that day | day |
| "on June 13", "13 June" | that day, in the latest year that is not after publication | day |
| "on Sunday", "early on Tuesday", "Friday night", "Friday's strikes" | the most recent such weekday on or before publication (wire convention) | day |
| "last Sunday" | the most recent such weekday before publication | day |
| "yesterday", "last night" / "today", "tonight", "this morning", "overnight" / "tomorrow" | publication −1 / +0 / +1 day ("overnight": the night that ended on the publication day) | day |
| "N days ago" | publication − N | day |
| "last week", "this week", "earlier this week", "over the weekend", "N weeks ago" | the Monday of that week | week |
| "in March", "mid-June", "earlier this month", "last month", "June 2025" | the 1st of that month (year: not after publication) | month |
| "in 2024", "last year", "earlier this year" | 1 January of that year | year |
| nothing | the publication date | publication |
| nothing, and no publication date | null | null |

Future acts ("will meet on Sunday", "would meet on Friday", "talks scheduled for next week", "plans
to ... in March") resolve forwards instead: the next such weekday on or after publication, the next
March. The tense is that of the word the date hangs from: in "said on Sunday it would strike" Sunday
is the saying's, and is in the past.

A date is looked for where the place is (clauses.py): in the trigger's clause first, then in the
clauses that govern it ("said on Sunday that ..."), then anywhere else in the sentence, nearest first.
Dates under "since", "until", "by", "before", "after" are not the act's date ("since June 13").
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .clauses import MATERIAL_TYPES, Scopes, doc_text, token_starts
from .records import Event

WEEKDAYS = {name: i for i, name in enumerate(
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])}
MONTHS = {}
for _i, _name in enumerate(["January", "February", "March", "April", "May", "June", "July", "August",
                            "September", "October", "November", "December"], start=1):
    MONTHS[_name] = _i
    MONTHS[_name[:3] + "."] = _i
MONTHS["Sept."] = 9
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

_MONTH = "(?:" + "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True)) + ")"
_WEEKDAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:19|20)\d\d"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_NUM = r"(?:\d{1,2}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"

PATTERN = re.compile("|".join([
    rf"(?P<iso>\b(?P<iso_y>{_YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])\b)",
    rf"(?P<dmy>\b(?P<dmy_d>{_DAY})\s+(?:of\s+)?(?P<dmy_m>{_MONTH})(?:,?\s+(?P<dmy_y>{_YEAR}))?(?![\w-]))",
    rf"(?P<mdy>\b(?P<mdy_m>{_MONTH})\s+(?P<mdy_d>{_DAY})(?:\s*(?:-|–|and|to)\s*{_DAY})?"
    rf"(?:,?\s+(?P<mdy_y>{_YEAR}))?(?![\w:,.]\d|\w))",
    rf"(?P<my>\b(?:(?i:early|late|mid)(?:\s+|-))?(?P<my_m>{_MONTH}),?\s+(?P<my_y>{_YEAR})\b)",
    rf"(?P<mon>\b(?P<mon_p>(?i:earlier\s+in|later\s+in|in|during|last|next|this|since|until|by|from|"
    rf"early|late|mid))(?:\s+|-)(?:(?i:early|late|mid)(?:\s+|-))?(?P<mon_m>{_MONTH})(?![\w-]|,?\s+{_YEAR}|\s+\d))",
    rf"(?P<year>\b(?P<year_p>(?i:earlier\s+in|later\s+in|in|during|since|until|by|early|late|mid))(?:\s+|-)"
    rf"(?P<year_y>{_YEAR})(?![\w,.]?\d|-\d))",
    rf"(?P<wd>\b(?:(?P<wd_p>(?i:last|next|this\s+coming|this|on))\s+)?(?P<wd_d>{_WEEKDAY})(?:'s|’s)?\b)",
    r"(?P<rel>\b(?P<rel_w>(?i:the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|overnight|"
    r"last\s+night|this\s+morning|this\s+afternoon|this\s+evening|earlier\s+today|later\s+today))\b)",
    r"(?P<per>\b(?P<per_p>(?i:earlier\s+this|later\s+this|this\s+past|last|this|next|over\s+the|at\s+the|"
    r"during\s+the))\s+(?P<per_u>(?i:week|weekend|month|year))\b)",
    rf"(?P<ago>\b(?P<ago_n>{_NUM})\s+(?P<ago_u>(?i:day|week|month|year))s?\s+(?i:ago)\b)",
]))
# Every date expression contains one of these words: PATTERN is only tried around them (twice as fast
# as scanning the whole text with it).
KEYWORDS = re.compile(rf"(?i:yesterday|today|tonight|tomorrow|overnight|night|morning|afternoon|evening|week|month|"
                      rf"year|ago)|{_MONTH}|{_WEEKDAY}|\d")


def date_matches(text: str) -> list[re.Match]:
    """PATTERN's matches in the text, as finditer would give them."""
    out: list[re.Match] = []
    last_end = 0
    for key in KEYWORDS.finditer(text):
        if key.start() < last_end:
            continue
        for match in PATTERN.finditer(text, max(last_end, key.start() - 30), min(len(text), key.end() + 40)):
            if match.end() <= key.start():
                continue
            out.append(match)
            last_end = match.end()
            break
    return out


# A date after these words bounds the act or dates another act: it is not the act's date.
NOT_THE_DATE = re.compile(r"(?i:\b(?:since|until|till|by|before|after|following|through|ahead\s+of|as\s+of)\s*)\Z")

FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "'d"}
FUTURE_HEADS = {"plan", "schedule", "set", "due", "expect", "intend", "prepare", "aim"}


@dataclass(frozen=True, slots=True)
class Mention:
    """A date expression in the text, parsed but not yet resolved (resolution depends on the act's tense)."""

    kind: str  # iso, dmy, mdy, my, mon, year, wd, rel, per, ago
    start: int  # char offsets
    end: int
    root: int  # index of the token that heads it
    rank: int  # 0 = a calendar day, 1 = a weekday or yesterday, 2 = a period or "today"/"overnight"
    groups: dict


RANKS = {"iso": 0, "dmy": 0, "mdy": 0, "wd": 1, "rel": 1, "ago": 1, "my": 2, "mon": 2, "per": 2, "year": 3}


def find_mentions(doc: Doc) -> list[Mention]:
    """Every date expression in the document, with the token that heads it."""
    text = doc_text(doc)
    out: list[Mention] = []
    starts = None
    for match in date_matches(text):
        kind = match.lastgroup
        start, end = match.span()
        if NOT_THE_DATE.search(text, max(0, start - 14), start) or kind in ("mon", "year") and \
                match.group(kind + "_p").lower() in ("since", "until", "by"):
            continue
        if starts is None:
            starts = token_starts(doc)
        first = bisect.bisect_right(starts, start) - 1
        last = max(first, bisect.bisect_left(starts, end) - 1)
        if kind == "wd" and not weekday_is_date(doc, first, last):
            continue
        if kind == "rel" and match.group("rel_w").lower() == "today" and last + 1 < len(doc) and \
                doc[last + 1].lower_ in ("'s", "’s"):
            continue  # "today's Iran" is not a date of the act
        root = first
        for i in range(first, last + 1):
            head = doc[i].head.i
            if head < first or head > last or doc[i].head.i == i:
                root = i
                break
        groups = {k: v for k, v in match.groupdict().items() if v is not None}
        out.append(Mention(kind, start, end, root, RANKS[kind], groups))
    return out


def weekday_is_date(doc: Doc, first: int, last: int) -> bool:
    """"on Sunday" is a date; "the Sunday Times" and "Good Friday Agreement" are names."""
    day = next((doc[i] for i in range(first, last + 1) if doc[i].text in WEEKDAYS), None)
    if day is None:
        return False
    if day.ent_type_ in ("ORG", "WORK_OF_ART", "PERSON", "FAC", "LAW", "EVENT"):
        return False
    after = doc[day.i + 1] if day.i + 1 < len(doc) else None
    if after is not None and after.text[:1].isupper() and after.pos_ == "PROPN" and after.text not in MONTHS:
        return False
    return True


# -- resolution ------------------------------------------------------------------------------------
def weekday_on_or_before(published: dt.date, weekday: int) -> dt.date:
    """The most recent day with this weekday (0 = Monday) on or before publication."""
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def weekday_on_or_after(published: dt.date, weekday: int) -> dt.date:
    return published + dt.timedelta(days=(weekday - published.weekday()) % 7)


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def infer_day(published: dt.date | None, month: int, day: int, future: bool) -> dt.date | None:
    """A day with no year: the latest such day not after publication (the next one for future acts)."""
    if published is None:
        return None
    date = safe_date(published.year, month, day)
    if date is None:
        return None
    if not future and date > published:
        return safe_date(published.year - 1, month, day)
    if future and date < published:
        return safe_date(published.year + 1, month, day)
    return date


def infer_month(published: dt.date | None, month: int, future: bool, prefix: str = "") -> dt.date | None:
    if published is None:
        return None
    year = published.year
    if prefix == "last":
        year -= 1 if month >= published.month else 0
    elif prefix == "next":
        year += 1 if month <= published.month else 0
    elif not future and month > published.month:
        year -= 1
    elif future and month < published.month:
        year += 1
    return dt.date(year, month, 1)


def resolve(mention: Mention, published: dt.date | None, future: bool) -> tuple[dt.date, str] | None:
    """(event_date, precision) of a date expression for an act of the given tense; None if it cannot be."""
    g = mention.groups
    kind = mention.kind
    if kind == "iso":
        date = safe_date(int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
        return (date, "day") if date else None
    if kind in ("dmy", "mdy"):
        month = MONTHS[g[kind + "_m"]]
        day = int(re.match(r"\d+", g[kind + "_d"]).group())
        year = g.get(kind + "_y")
        date = safe_date(int(year), month, day) if year else infer_day(published, month, day, future)
        return (date, "day") if date else None
    if kind == "my":
        return dt.date(int(g["my_y"]), MONTHS[g["my_m"]], 1), "month"
    if kind == "mon":
        prefix = re.sub(r"\s+", " ", g["mon_p"].lower())
        date = infer_month(published, MONTHS[g["mon_m"]], future or prefix == "next", prefix)
        return (date, "month") if date else None
    if kind == "year":
        return dt.date(int(g["year_y"]), 1, 1), "year"
    if published is None:
        return None  # everything below is relative to publication
    if kind == "wd":
        weekday = WEEKDAYS[g["wd_d"]]
        prefix = re.sub(r"\s+", " ", (g.get("wd_p") or "").lower())
        if prefix == "last":
            return published - dt.timedelta(days=(published.weekday() - weekday - 1) % 7 + 1), "day"
        if prefix == "next":
            return published + dt.timedelta(days=(weekday - published.weekday() - 1) % 7 + 1), "day"
        if future or prefix == "this coming":
            return weekday_on_or_after(published, weekday), "day"
        return weekday_on_or_before(published, weekday), "day"
    if kind == "rel":
        word = re.sub(r"\s+", " ", g["rel_w"].lower())
        offset = {"yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2}.get(word, 0)
        return published + dt.timedelta(days=offset), "day"
    if kind == "per":
        prefix = re.sub(r"\s+", " ", g["per_p"].lower())
        unit = g["per_u"].lower()
        step = {"last": -1, "next": 1}.get(prefix, 0)
        if unit == "week":
            return monday_of(published) + dt.timedelta(weeks=step), "week"
        if unit == "weekend":
            if prefix == "next" or (future and prefix != "this past" and prefix != "last"):
                saturday = weekday_on_or_after(published, 5)
            else:
                saturday = weekday_on_or_before(published, 5)
                if prefix == "last" and published.weekday() >= 5:
                    saturday -= dt.timedelta(weeks=1)
            return monday_of(saturday), "week"
        if unit == "month":
            return add_months(published, step), "month"
        return dt.date(published.year + step, 1, 1), "year"
    if kind == "ago":
        raw = g["ago_n"].lower()
        n = int(raw) if raw.isdigit() else NUMBERS.get(raw, 1)
        unit = g["ago_u"].lower()
        if unit == "day":
            return published - dt.timedelta(days=n), "day"
        if unit == "week":
            return monday_of(published - dt.timedelta(weeks=n)), "week"
        if unit == "month":
            return add_months(published, -n), "month"
        return dt.date(published.year - n, 1, 1), "year"
    return None


def is_future(token: Token) -> bool:
    """Is the act told as still to come ("will meet", "is scheduled to meet", "talks set for Sunday")?"""
    node = token
    for _ in range(3):
        for child in node.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in FUTURE_AUX:
                return True
            if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in FUTURE_HEADS:
                return True  # "talks scheduled for Sunday"
        if node.head.i == node.i or node.dep_ not in ("xcomp", "dobj", "pobj", "prep", "nsubjpass"):
            return False
        node = node.head
        if node.lemma_.lower() in FUTURE_HEADS:
            return True
    return False


# -- the stage -------------------------------------------------------------------------------------
def choose(mentions: list[Mention], trigger: Token, scopes: Scopes, material: bool) -> list[tuple[Mention, Token]]:
    """The date expressions that may date this act, best first, each with the word whose tense says
    whether it looks back or forward (the trigger, or the governing verb the date belongs to)."""
    sent = trigger.sent
    here = [m for m in mentions if sent.start <= m.root < sent.end]
    if not here:
        return []
    by_root = {m.root: m for m in here}
    doc = trigger.doc
    # 1. the trigger's clause, most specific then nearest
    found = [(by_root[t.i].rank, depth, by_root[t.i], trigger) for t, depth in scopes.clause(trigger, material)
             if t.i in by_root]
    # 2. the clauses that govern it ("officials said on Sunday that Israel struck ..."); the date of a
    # report dates the act only when the act is told as news in it, not as something that had happened
    # before ("said on Thursday that the U.S. strikes had failed")
    if not found:
        told_as_news = trigger.pos_ in ("VERB", "AUX") and not any(
            c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in trigger.children)
        for level, governor in enumerate(scopes.ancestors(trigger, through_reports=told_as_news)):
            found = [(by_root[t.i].rank, level, by_root[t.i], governor) for t in scopes.adjuncts(governor, trigger)
                     if t.i in by_root]
            if found:
                break
    # 3. the rest of the sentence, nearest first, outside other acts' clauses
    if not found:
        found = [(0, abs(m.root - trigger.i), m, verb_of(doc[m.root])) for m in here
                 if not scopes.inside_other_clause(doc[m.root], trigger, material_only=False)
                 and not scopes.elsewhere(doc[m.root], trigger, strict=False)]
    found.sort(key=lambda item: (item[0], item[1], item[2].start))
    return [(m, tense) for _, _, m, tense in found]


def verb_of(token: Token) -> Token:
    """The verb a date expression hangs from (whose tense it takes)."""
    node = token
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        node = node.head
    return node


def date_events(events: list[Event], doc: Doc, published: dt.date | None) -> list[Event]:
    """Events with `event_date` and `date_precision` set (see the module docstring for the rules)."""
    if not events:
        return events
    mentions = find_mentions(doc)
    scopes = Scopes(doc, events) if mentions else None
    out = []
    for event in events:
        resolved = None
        trigger = scopes.trigger(event) if scopes is not None else None
        if trigger is not None:
            for mention, tense in choose(mentions, trigger, scopes, event.event_type in MATERIAL_TYPES):
                resolved = resolve(mention, published, is_future(tense))
                if resolved is not None:
                    break
        if resolved is None and published is not None:
            resolved = (published, "publication")
        if resolved is not None:
            event = dataclasses.replace(event, event_date=resolved[0], date_precision=resolved[1])
        out.append(event)
    return out
