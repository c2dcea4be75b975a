"""The situation brief: what the stored events say about a period, every sentence citing its evidence.

`build_brief(store, since, until)` assembles a `Brief` from the analysis functions (analyze.py);
`render_markdown` and `render_html` print it. No sentence is free text: each is a template filled with
stored fields (actor codes and names, PLOVER type, factuality, dates, claimants, counts computed from
the store) and carries at least one `Citation` of a stored event: its outlet, publication date and a
quote that is a verbatim substring of the event's evidence sentence (with its offsets in the article).

Sections, in order:
1. Escalation status: the overall escalation index, then one sentence per main dyad (analyze.main_dyads).
2. Most significant events: salience = |Goldstein| x independent sources, one per cluster.
3. Rejected or proposed moves: asserted REJECT acts; planned acts of any type (proposed, planned,
   ordered, vowed, or rejected plans); hypothetical cooperative acts (possible talks, truces, deals).
4. Threats: asserted THREATEN acts.
5. Who said what: acts (any factuality) with a claimant, "according to <claimant>".
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import quote as url_quote

from . import analyze
from .analyze import _Record, actor_label, dyad_label
from .ingest import DATELINE
from .store import Store

MAX_QUOTE = 240  # characters of evidence quoted at most (cut at word boundaries around the trigger)


# ---------------------------------------------------------------- records

@dataclass(frozen=True, slots=True)
class Citation(_Record):
    event_id: str
    article_id: str
    outlet: str | None
    published: dt.date | None
    quote: str  # a verbatim substring of the event's stored evidence sentence
    start: int | None = None  # the quote's character offsets in the article text (articles.text)
    end: int | None = None
    title: str | None = None  # the article's title (untrusted text, like the quote)


@dataclass(frozen=True, slots=True)
class BriefSentence(_Record):
    text: str  # the templated sentence, without its citations (renderers append them)
    citations: list[Citation]


@dataclass(frozen=True, slots=True)
class Section(_Record):
    title: str
    sentences: list[BriefSentence]


@dataclass(frozen=True, slots=True)
class Brief(_Record):
    title: str
    period: str  # "2025-06-13 to 2025-06-27"
    sections: list[Section]
    since: dt.date | None = None  # the period's first and last day (None: no stored events)
    until: dt.date | None = None


# ---------------------------------------------------------------- sentence templates

# type -> (past with target, base with target, past without target, base without target)
VERBS = {
    "AGREE": ("agreed with", "agree with", "agreed", "agree"),
    "CONSULT": ("held talks with", "hold talks with", "held talks", "hold talks"),
    "SUPPORT": ("voiced support for", "voice support for", "voiced support", "voice support"),
    "CONCEDE": ("made a concession to", "make a concession to", "made a concession", "make a concession"),
    "COOPERATE": ("cooperated with", "cooperate with", "cooperated", "cooperate"),
    "AID": ("gave aid to", "give aid to", "gave aid", "give aid"),
    "RETREAT": ("pulled back from", "pull back from", "pulled back", "pull back"),
    "REQUEST": ("made a request to", "make a request to", "made a request", "make a request"),
    "ACCUSE": ("accused", "accuse", "made an accusation", "make an accusation"),
    "REJECT": ("rejected a proposal or demand of", "reject a proposal or demand of",
               "rejected a proposal or demand", "reject a proposal or demand"),
    "THREATEN": ("threatened", "threaten", "issued a threat", "issue a threat"),
    "PROTEST": ("protested against", "protest against", "protested", "protest"),
    "SANCTION": ("sanctioned", "sanction", "imposed sanctions", "impose sanctions"),
    "MOBILIZE": ("mobilized against", "mobilize against", "mobilized forces", "mobilize forces"),
    "COERCE": ("took coercive action against", "take coercive action against", "took coercive action",
               "take coercive action"),
    "ASSAULT": ("attacked", "attack", "carried out an attack", "carry out an attack"),
}
MODE_VERBS = {("REQUEST", "demand"): ("made demands of", "make demands of", "made demands", "make demands")}
COOPERATIVE = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT")


def _when(act: dict) -> str:
    day = act.get("event_date")
    precision = act.get("date_precision")
    if not day:
        return f"reported on {act['published']}" if act.get("published") else ""
    date = dt.date.fromisoformat(day)
    if precision == "day":
        return f"on {day}"
    if precision == "week":
        return f"in the week of {day}"
    if precision == "month":
        return f"in {date:%B %Y}"
    if precision == "year":
        return f"in {date.year}"
    return f"reported on {act.get('published') or day}"  # "publication": the text gives no date


def _actor(act: dict, side: str) -> str | None:
    code = act.get(f"{side}_code")
    text = act.get(f"{side}_text")
    if side == "target" and not code:
        return None  # not a political actor, or unnamed: the sentence goes without a target
    return actor_label(code, act.get(f"{side}_country"), act.get(f"{side}_sector"), act.get(f"{side}_name"), text)


def act_sentence(act: dict) -> str:
    """'Israel (ISR) attacked Iran (IRN) on 2025-06-13 (ASSAULT)', from the act's stored fields."""
    event_type, mode, factuality = act["event_type"], act.get("mode"), act.get("factuality") or "asserted"
    verbs = MODE_VERBS.get((event_type, mode)) or VERBS.get(event_type) or (
        f"carried out {event_type} against", f"carry out {event_type} against", f"carried out {event_type}",
        f"carry out {event_type}")
    source, target = _actor(act, "source"), _actor(act, "target")
    past, base = (verbs[0], verbs[1]) if target else (verbs[2], verbs[3])
    obj = f" {target}" if target else ""
    if factuality == "negated":
        clause = f"{source} did not {base}{obj}"
    elif factuality == "planned":
        clause = f"{source} planned or proposed to {base}{obj}"
    elif factuality == "hypothetical":
        clause = f"{source} might {base}{obj}"
    else:
        clause = f"{source} {past}{obj}"
    when = _when(act)
    if when.startswith("reported"):
        when = ", " + when
    elif when:
        when = " " + when
    tag = event_type + (f"/{mode}" if mode else "") + ("" if factuality == "asserted" else f", {factuality}")
    return f"{clause}{when} ({tag})"


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


# ---------------------------------------------------------------- citations

PARAGRAPH = re.compile(r"\n\s*\n")


def quote_span(sentence: str, trigger_offset: int | None = None, limit: int = MAX_QUOTE) -> tuple[int, int]:
    """(start, end) of the part of an evidence sentence to quote: the paragraph holding the trigger,
    trimmed of whitespace and a stray leading quotation mark, cut to `limit` characters at word
    boundaries around the trigger. sentence[start:end] is always a non-empty substring (when the
    sentence has any non-space character)."""
    pieces, last = [], 0
    for match in PARAGRAPH.finditer(sentence):
        pieces.append((last, match.start()))
        last = match.end()
    pieces.append((last, len(sentence)))
    pieces = [(a, b) for a, b in pieces if sentence[a:b].strip()] or [(0, len(sentence))]
    if trigger_offset is not None and 0 <= trigger_offset < len(sentence):
        start, end = next(((a, b) for a, b in pieces if a <= trigger_offset < b),
                          max(pieces, key=lambda p: p[1] - p[0]))
    else:
        start, end = max(pieces, key=lambda p: p[1] - p[0])
    while start < end and sentence[start].isspace():
        start += 1
    while end > start and sentence[end - 1].isspace():
        end -= 1
    if end - start > 1 and sentence[start] in "\"”" and sentence[start:end].count(sentence[start]) % 2 == 1:
        start += 1  # the closing quotation mark of the previous paragraph
        while start < end and sentence[start].isspace():
            start += 1
    dateline = DATELINE.match(sentence[start:end])
    if dateline and start + dateline.end() < end and (trigger_offset is None or
                                                      trigger_offset >= start + dateline.end()):
        start += dateline.end()  # "JERUSALEM, June 13, 2025 (Meridian Wire) — ": outlet and date are cited anyway
    if end - start <= limit:
        return start, end
    anchor = trigger_offset if trigger_offset is not None and start <= trigger_offset < end else start
    lo = max(start, min(anchor - limit // 3, end - limit))
    hi = min(end, lo + limit)
    if lo > start:  # begin at a word
        space = sentence.find(" ", lo, hi)
        if space != -1 and space + 1 < hi:
            lo = space + 1
    if hi < end:  # end at a word
        space = sentence.rfind(" ", lo, hi)
        if space > lo:
            hi = space
    while hi > lo and sentence[hi - 1] in " ,;:":
        hi -= 1
    return lo, hi


def citation(act: dict) -> Citation:
    sentence = act.get("evidence_sentence") or ""
    base = act.get("evidence_start")
    trigger = act.get("trigger_start")
    offset = trigger - base if trigger is not None and base is not None and trigger >= 0 else None
    start, end = quote_span(sentence, offset)
    published = act.get("published")
    return Citation(act["id"], act["article_id"], act.get("outlet"),
                    dt.date.fromisoformat(published) if published else None, sentence[start:end],
                    base + start if base is not None else None, base + end if base is not None else None,
                    act.get("title"))


# ---------------------------------------------------------------- the brief

def build_brief(store: Store, since=None, until=None, *, n_dyads: int = 5, n_events: int = 10,
                n_moves: int = 12, n_threats: int = 10, n_claims: int = 12) -> Brief:
    """A situation brief for the period [since, until] (inclusive; open ends: all stored events).

    The n_* arguments bound each section's length."""
    since, until = analyze._as_date(since), analyze._as_date(until)
    first, last = _period(store, since, until)
    period = f"{first} to {last}" if first else "no stored events"
    title = f"Situation brief, {period}" if first else "Situation brief"
    sections = [
        Section("Escalation status", _escalation_section(store, since, until, n_dyads)),
        Section("Most significant events", _significant_section(store, since, until, n_events)),
        Section("Rejected or proposed moves", _moves_section(store, since, until, n_moves)),
        Section("Threats", [_plain(act) for act in _by_date(analyze.acts(store, since, until, types=("THREATEN",),
                                                                         limit=n_threats))]),
        Section("Who said what", [_claim(act) for act in _by_date(analyze.acts(store, since, until, claimed=True,
                                                                               factuality=None, limit=n_claims))]),
    ]
    return Brief(title, period, sections, first, last)


def _period(store: Store, since, until) -> tuple[dt.date | None, dt.date | None]:
    conditions, params = [], []
    if since:
        conditions.append("coalesce(e.event_date, a.published) >= ?")
        params.append(since)
    if until:
        conditions.append("coalesce(e.event_date, a.published) <= ?")
        params.append(until)
    where = (" WHERE " + " AND ".join(conditions)) if conditions else ""
    # (a planned act dated "next week" does not stretch the period past what has been published)
    first, last = store.conn.execute(
        f"SELECT min(coalesce(e.event_date, a.published)), "
        f"max(least(coalesce(e.event_date, a.published), coalesce(a.published, e.event_date))) "
        f"FROM events e JOIN articles a ON a.id = e.article_id{where}", params).fetchall()[0]
    if first is None:
        return None, None
    return since or first, until or last


def _by_date(acts: list[dict]) -> list[dict]:
    return sorted(acts, key=lambda a: (a["date"] or "", -a["salience"], a["id"]))


def _plain(act: dict, extra: str = "") -> BriefSentence:
    return BriefSentence(act_sentence(act) + extra + ".", [citation(act)])


def _sources_phrase(act: dict) -> str:
    n, articles = act.get("n_independent_sources") or 1, act.get("n_articles") or 1
    return (f", reported by {n} independent source{'s' if n != 1 else ''} in {articles} "
            f"article{'s' if articles != 1 else ''}")


def _significant_section(store: Store, since, until, limit: int) -> list[BriefSentence]:
    out = []
    for act in analyze.significant_events(store, since, until, limit=limit):
        cites = [citation(act)]
        if (act.get("n_independent_sources") or 1) > 1 and act.get("cluster_id"):
            seen_outlets = {(act.get("outlet") or "").strip().lower()}
            for other in analyze.cluster_reports(store, act["cluster_id"]):
                outlet = (other.get("outlet") or "").strip().lower()
                if other["id"] != act["id"] and outlet not in seen_outlets and len(cites) < 3:
                    seen_outlets.add(outlet)
                    cites.append(citation(other))
        out.append(BriefSentence(act_sentence(act) + _sources_phrase(act) + ".", cites))
    return out


def _moves_section(store: Store, since, until, limit: int) -> list[BriefSentence]:
    """Rejections take up to half the places, proposals the rest (each group by salience); then by date."""
    rejected = analyze.acts(store, since, until, types=("REJECT",), limit=limit)
    proposed = sorted(analyze.acts(store, since, until, factuality=("planned",), limit=limit)
                      + analyze.acts(store, since, until, factuality=("hypothetical",), types=COOPERATIVE, limit=limit),
                      key=lambda a: (-a["salience"], a["date"] or "", a["id"]))
    chosen = rejected[:max(limit - len(proposed), (limit + 1) // 2)]
    chosen += proposed[:limit - len(chosen)]
    return [_plain(act) for act in _by_date(chosen)]


def _claim(act: dict) -> BriefSentence:
    who = _clean(act.get("claimant"))
    if who.startswith("The "):  # "The officials said": mid-sentence now
        who = "the " + who[4:]
    via = _clean(act.get("claimant_outlet"))
    lead = f"According to {who}" + (f" (speaking to {via})" if via else "")
    sentence = act_sentence(act)
    return BriefSentence(f"{lead}, {sentence}.", [citation(act)])


def _escalation_section(store: Store, since, until, n_dyads: int) -> list[BriefSentence]:
    out = []
    overall = analyze.escalation(store, since=since, until=until)
    top = analyze.significant_events(store, since, until, limit=1)
    if overall.points and top:
        cites = [citation(top[0])]
        change = _last_change(overall)
        cites += _change_citations(store, change, None, None, since, until, cites)
        out.append(BriefSentence(f"All dyads: {_status_phrase(overall, change)}.", cites))
    for dyad in analyze.main_dyads(store, since, until, limit=n_dyads):
        esc = analyze.escalation(store, dyad.source, dyad.target, since, until)
        best = analyze.acts(store, since, until, source=dyad.source, target=dyad.target, limit=1)
        if not best:
            continue
        cites = [citation(best[0])]
        change = _last_change(esc)
        cites += _change_citations(store, change, dyad.source, dyad.target, since, until, cites)
        names = (f"{actor_label(dyad.source)} → {actor_label(dyad.target)}")
        out.append(BriefSentence(
            f"{names}: {_status_phrase(esc, change)}; {dyad.n_events} act{'s' if dyad.n_events != 1 else ''} "
            f"from {dyad.n_sources} independent source{'s' if dyad.n_sources != 1 else ''}, Goldstein sum "
            f"{dyad.goldstein_sum:+.1f}.", cites))
    return out


def _last_change(esc: analyze.Escalation) -> analyze.ChangePoint | None:
    return esc.change_points[-1] if esc.change_points else None


def _status_phrase(esc: analyze.Escalation, change: analyze.ChangePoint | None) -> str:
    last = esc.points[-1]
    phrase = f"{esc.status}, escalation index {last.index:+.2f} on {last.date.isoformat()}"
    if change is not None:
        phrase += f" ({change.direction} since {change.date.isoformat()}, {dyad_label(esc.source, esc.target)})"
    return phrase


def _change_citations(store: Store, change, source, target, since, until, already: list[Citation]) -> list[Citation]:
    """The most salient act on the day of a change point (conflict acts first), unless already cited."""
    if change is None:
        return []
    found = analyze.acts(store, change.date, change.date, source=source, target=target, max_goldstein=-0.0001,
                         limit=1) or analyze.acts(store, change.date, change.date, source=source, target=target,
                                                  limit=1)
    cited = {c.event_id for c in already}
    return [citation(act) for act in found if act["id"] not in cited]


# ---------------------------------------------------------------- rendering

MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def _md(text: str | None) -> str:
    """Article text made inert in Markdown: whitespace collapsed, Markdown and HTML characters escaped."""
    return MD_SPECIAL.sub(r"\\\1", _clean(text))


def _cite_md(c: Citation) -> str:
    published = c.published.isoformat() if c.published else "undated"
    return f"{_md(c.outlet or 'unknown outlet')}, {published}: “{_md(c.quote)}”"


def render_markdown(brief: Brief) -> str:
    lines = [f"# {_md(brief.title)}", "", f"Period: {_md(brief.period)}.", "",
             "_Every sentence is built from stored events; each cites its evidence (outlet, publication date, "
             "quoted sentence)._", ""]
    for section in brief.sections:
        lines += [f"## {_md(section.title)}", ""]
        if not section.sentences:
            lines += ["_No stored events._", ""]
            continue
        for sentence in section.sentences:
            cites = "; ".join(_cite_md(c) for c in sentence.citations)
            lines.append(f"- {_md(sentence.text)} [{cites}]")
        lines.append("")
    return "\n".join(lines)


HTML_TEMPLATE = """\
{%- macro body() -%}
<article class="brief">
<h1>{{ brief.title }}</h1>
<p class="period">Period: {{ brief.period }}.</p>
<p class="note">Every sentence is built from stored events; each cites its evidence (outlet, publication date,
quoted sentence).</p>
{%- for section in brief.sections %}
<section>
<h2>{{ section.title }}</h2>
{%- if section.sentences %}
<ul>
{%- for sentence in section.sentences %}
<li><span class="sentence">{{ sentence.text }}</span>
{%- for c in sentence.citations %}
<span class="citation">[
{%- if href(c) %}<a href="{{ href(c) }}" title="{{ c.title or '' }}">
{%- else %}<span title="{{ c.title or '' }}">{% endif -%}
{{ c.outlet or 'unknown outlet' }}, {{ c.published.isoformat() if c.published else 'undated' }}
{%- if href(c) %}</a>{% else %}</span>{% endif %}: <q>{{ clean(c.quote) }}</q>]</span>
{%- endfor %}</li>
{%- endfor %}
</ul>
{%- else %}
<p class="empty">No stored events.</p>
{%- endif %}
</section>
{%- endfor %}
</article>
{%- endmacro -%}
{%- if standalone -%}
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ brief.title }}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
.note, .period, .empty { color: #555; }
.citation { color: #444; font-size: 0.9em; }
.citation q { font-style: italic; }
li { margin-bottom: 0.6rem; }
</style>
</head>
<body>
{{ body() }}
</body>
</html>
{%- else -%}
{{ body() }}
{%- endif %}
"""


def render_html(brief: Brief, *, standalone: bool = True, event_href: str | None = None) -> str:
    """The brief as HTML (Jinja2, autoescaped: article text is untrusted and renders inert).

    standalone: a whole document (False: an <article> fragment to embed in a page). event_href: a link
    for each citation, formatted with the URL-quoted `event_id` and `article_id`, e.g. "/events/{event_id}"."""
    from jinja2 import Environment

    env = Environment(autoescape=True, trim_blocks=False, lstrip_blocks=False)
    template = env.from_string(HTML_TEMPLATE)

    def href(c: Citation) -> str | None:
        if not event_href:
            return None
        return event_href.format(event_id=url_quote(c.event_id, safe=""), article_id=url_quote(c.article_id, safe=""))

    return template.render(brief=brief, standalone=standalone, href=href, clean=_clean)
