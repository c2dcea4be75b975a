"""Files, HTML, JSON/JSONL, RSS/Atom feeds and stdin -> Article records. No NLP here.

Bad input never raises out of `read_inputs`: each unreadable file becomes an `InputError` naming the
file and the reason, and the caller decides what to do with it while the good files go on.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .records import Article

MAX_BYTES = 5_000_000  # a news article is tens of kilobytes; anything this large is not one
TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | FEED_SUFFIXES
MIN_WORDS = 5

# "JERUSALEM, June 16, 2025 (Meridian Wire) — " : wire-copy dateline with date and outlet.
DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z .'\-]{1,40}?),\s+(?:\w+,\s+)?(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})"
    r"\s*(?:\((?P<outlet>[^)]{2,60})\))?\s*(?:—|–|--|-)\s*"
)
# Trailing boilerplate that aggregators append ("Source link", "Read more").
TRAILER = re.compile(r"(?:\n\s*(?:source link|read more|source|originally published at)[^\n]{0,80}\s*)+\Z", re.I)


@dataclass(frozen=True, slots=True)
class InputError:
    """One input that could not be read as an article."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class RejectedInput(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def iter_paths(inputs: Iterable[str]) -> Iterator[str]:
    """Expand folders recursively (sorted, hidden files skipped); keep files and '-' as given."""
    for item in inputs:
        if item == "-":
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(p.startswith(".") for p in child.relative_to(path).parts) \
                        and child.suffix.lower() in KNOWN_SUFFIXES and child.name.lower() != "readme.md":
                    yield str(child)
        else:
            yield item


def read_inputs(inputs: Iterable[str], published: dt.date | None = None, outlet: str | None = None,
                max_bytes: int = MAX_BYTES) -> Iterator[Article | InputError]:
    """Every article in the given files and folders, or an InputError for each one that is not usable."""
    for name in iter_paths(inputs):
        try:
            raw = _read_bytes(name, max_bytes)
            suffix = "" if name == "-" else Path(name).suffix.lower()
            if suffix in JSON_SUFFIXES:
                yield from _json_articles(name, raw, published, outlet)
            elif suffix in FEED_SUFFIXES or (suffix not in HTML_SUFFIXES and _looks_like_feed(raw)):
                yield from _feed_articles(name, raw, published, outlet)
            else:
                yield article_from_bytes(name, raw, suffix, published, outlet)
        except RejectedInput as exc:
            yield InputError(name, exc.reason)
        except OSError as exc:
            yield InputError(name, exc.strerror or str(exc))


def _read_bytes(name: str, max_bytes: int) -> bytes:
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        path = Path(name)
        if not path.exists():
            raise RejectedInput("no such file")
        size = path.stat().st_size
        if size > max_bytes:
            raise RejectedInput(f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit for one article")
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise RejectedInput(f"input is over the {max_bytes / 1e6:.0f} MB limit for one article")
    return data


def decode(raw: bytes) -> str:
    if not raw.strip():
        raise RejectedInput("empty file")
    if b"\x00" in raw[:8192]:
        raise RejectedInput("binary file (contains NUL bytes), not text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RejectedInput(f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})") from None
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.05 * min(len(text), 8192):
        raise RejectedInput("binary file (mostly control characters), not text")
    return text


def article_from_bytes(name: str, raw: bytes, suffix: str, published=None, outlet=None) -> Article:
    text = decode(raw)
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES or suffix == "") and _looks_like_html(text):
        return article_from_html(name, text, published, outlet)
    return article_from_text(name, text, published, outlet)


def _looks_like_html(text: str) -> bool:
    head = text[:1000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in text)


def article_from_text(name: str, text: str, published=None, outlet=None, title: str | None = None,
                      url: str | None = None) -> Article:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = TRAILER.sub("", text).strip()
    if title is None:
        title, text = split_title(text)
    if len(text.split()) < MIN_WORDS:
        raise RejectedInput(f"too little text to be an article ({len(text.split())} words)")
    date, wire_outlet = dateline(text)
    return Article(id=name, text=text, title=title, published=as_date(published) or date,
                   outlet=outlet or wire_outlet or outlet_from_url(url), url=url)


def article_from_html(name: str, html: str, published=None, outlet=None, url: str | None = None) -> Article:
    import trafilatura

    try:
        extracted = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                                with_metadata=True, favor_precision=True)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise RejectedInput(f"HTML could not be parsed ({type(exc).__name__})") from None
    if extracted is None:
        raise RejectedInput("no article text found in the HTML")
    doc = extracted if isinstance(extracted, dict) else extracted.as_dict()
    text = (doc.get("text") or "").strip()
    if not text:
        raise RejectedInput("no article text found in the HTML")
    title = (doc.get("title") or "").strip() or None
    if title and text.startswith(title):  # the <h1> repeats the headline: keep it out of the body
        text = text[len(title):].lstrip()
    sitename = doc.get("sitename")
    if sitename and title and sitename.strip().lower() == title.lower():
        sitename = None  # trafilatura falls back to the headline when a page names no site
    date = as_date(published) or as_date(doc.get("date"))
    return article_from_text(name, text, date, outlet or sitename, title=title,
                             url=url or doc.get("url"))


def _json_articles(name: str, raw: bytes, published, outlet) -> Iterator[Article | InputError]:
    text = decode(raw)
    stripped = text.lstrip()
    if stripped.startswith("[") or (stripped.startswith("{") and name.lower().endswith(".json")):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise RejectedInput(f"not valid JSON ({exc.msg} at line {exc.lineno})") from None
        records = data if isinstance(data, list) else [data]
        lines = [(i + 1, r) for i, r in enumerate(records)]
    else:
        lines = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                lines.append((number, json.loads(line)))
            except json.JSONDecodeError as exc:
                lines.append((number, RejectedInput(f"not valid JSON ({exc.msg})")))  # `where` names the line
    for number, record in lines:
        where = f"{name}:{number}" if len(lines) > 1 or name.lower().endswith(".jsonl") else name
        if isinstance(record, RejectedInput):
            yield InputError(where, record.reason)
            continue
        try:
            yield article_from_record(where, record, published, outlet)
        except RejectedInput as exc:
            yield InputError(where, exc.reason)


def article_from_record(where: str, record, published=None, outlet=None) -> Article:
    """A JSON object with `text` or `html`, and optionally `id`, `title`, `published`, `outlet`, `url`."""
    if not isinstance(record, dict):
        raise RejectedInput("expected a JSON object with a text or html field")
    url = record.get("url")
    the_outlet = outlet or record.get("outlet") or record.get("source") or outlet_from_url(url)
    the_date = as_date(published) or as_date(record.get("published") or record.get("date"))
    article_id = str(record.get("id") or where)
    if record.get("text"):
        article = article_from_text(article_id, str(record["text"]), the_date, the_outlet,
                                    title=record.get("title"), url=url)
    elif record.get("html"):
        article = article_from_html(article_id, str(record["html"]), the_date, the_outlet, url=url)
    else:
        raise RejectedInput("record has neither a text nor an html field")
    return article


def _looks_like_feed(raw: bytes) -> bool:
    head = raw[:2000].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head)


def _feed_articles(name: str, raw: bytes, published, outlet) -> Iterator[Article | InputError]:
    """Each entry of an RSS or Atom feed (feedparser): its content, or else its summary, is the text;
    its link the url; the outlet is the flag's, else the feed's title, else the link's domain."""
    import feedparser

    if not raw.strip():
        raise RejectedInput("empty file")
    if b"\x00" in raw[:8192]:
        raise RejectedInput("binary file (contains NUL bytes), not text")
    feed = feedparser.parse(raw)
    if not feed.entries:
        problem = f" ({type(feed.bozo_exception).__name__})" if feed.get("bozo") else ""
        raise RejectedInput(f"not an RSS or Atom feed with entries{problem}")
    feed_outlet = outlet or (feed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(feed.entries, 1):
        where = f"{name}:{number}"
        try:
            body = entry.get("content", [{}])[0].get("value") or entry.get("summary") or ""
            text = html_fragment_text(body) if "<" in body else body
            parsed = entry.get("published_parsed") or entry.get("updated_parsed")
            date = as_date(published) or (dt.date(*parsed[:3]) if parsed else None)
            url = entry.get("link")
            yield article_from_text(str(entry.get("id") or url or where), text, date,
                                    feed_outlet or outlet_from_url(url),
                                    title=(entry.get("title") or "").strip() or None, url=url)
        except RejectedInput as exc:
            yield InputError(where, exc.reason)


def html_fragment_text(fragment: str) -> str:
    """Text of a snippet of HTML (a feed entry's content), one paragraph per block element."""
    import lxml.html

    marked = re.sub(r"(?i)<br\s*/?>|</(?:p|div|h[1-6]|li|blockquote)>", "\n\n", fragment)
    try:
        text = lxml.html.fromstring(f"<div>{marked}</div>").text_content()
    except Exception:  # lxml raises several kinds on broken markup
        text = re.sub(r"<[^>]*>", " ", marked)
    return re.sub(r"\n\s*\n+", "\n\n", text).strip()


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    match = re.match(r"^[a-z]+://(?:www\.)?([^/:]+)", url.strip(), re.I)
    return match.group(1).lower() if match else None


def split_title(text: str) -> tuple[str | None, str]:
    """Plain-text convention: a short first line followed by a blank line is the headline."""
    first, sep, rest = text.partition("\n")
    if sep and rest.startswith("\n") and len(first) <= 200 and not first.rstrip().endswith((".", "\"", "”")) \
            and len(rest.split()) >= MIN_WORDS:
        return first.strip(), rest.strip()
    return None, text


def dateline(text: str) -> tuple[dt.date | None, str | None]:
    match = DATELINE.match(text)
    if not match:
        return None, None
    date = None
    for fmt in ("%B %d, %Y", "%B %d %Y", "%b %d, %Y", "%b. %d, %Y"):
        try:
            date = dt.datetime.strptime(match.group("date"), fmt).date()
            break
        except ValueError:
            continue
    return date, (match.group("outlet") or None)


def mask_dateline(text: str) -> str:
    """The text with its wire dateline blanked out (same length, so offsets still hold).

    "DUBAI, June 18, 2025 (Harbor Post) — Yemen's Houthis said ..." otherwise parses with DUBAI as the
    subject of the first sentence."""
    match = DATELINE.match(text)
    if not match:
        return text
    return " " * match.end() + text[match.end():]


def as_date(value) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def content_hash(article: Article) -> str:
    """Identity of an article's content, the same whatever file name it arrived under."""
    normal = re.sub(r"\s+", " ", (article.title or "") + "\n" + article.text).strip().lower()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def language_of(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it cannot tell."""
    from langdetect import DetectorFactory, LangDetectException, detect_langs

    DetectorFactory.seed = 0  # deterministic
    sample = text[:1200]  # a paragraph is plenty for langdetect, and it costs per character
    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return None
    return best.lang if best.prob >= 0.8 else None
