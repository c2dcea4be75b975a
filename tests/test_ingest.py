"""flashpoint.ingest: files, folders, HTML and JSON(L) -> Article records or InputErrors. No NLP here,
except the two language tests at the end, which run the real pipeline."""
from __future__ import annotations

import datetime as dt
import json
import warnings

import pytest

from flashpoint.ingest import MAX_BYTES, InputError, read_inputs
from flashpoint.pipeline import NotEnglishWarning, code_article, code_articles
from flashpoint.records import Article

from conftest import EXAMPLES, GERMAN_TEXT, GOOD_TEXT, WIRE_TEXT

# A small news page with the usual boilerplate around the story.
PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Israel strikes Iran | Test Daily</title></head>
<body>
  <div id="cookie-banner" class="cookie-banner">
    <p>We use cookies to improve your experience. By continuing to browse you accept our cookie policy.</p>
    <button>Accept all</button>
  </div>
  <header><nav class="main-nav"><ul>
    <li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
    <li><a href="/subscribe">Subscribe</a></li>
  </ul></nav></header>
  <main><article>
    <h1>Israel strikes Iran</h1>
    <p>JERUSALEM, June 13, 2025 (Test Daily) — Israel launched airstrikes on Iran on Friday, hitting military
    bases near Tehran and the Natanz enrichment site, officials said.</p>
    <p>Iran fired missiles at Israel hours later, striking Tel Aviv and Haifa, the Israeli military said.
    Emergency services reported dozens of people wounded in the attacks.</p>
    <p class="source-link">Source link: <a href="https://example.org/a">https://example.org/a</a></p>
  </article></main>
  <footer><p>&copy; 2025 Test Daily. All rights reserved.</p></footer>
</body>
</html>
"""
BOILERPLATE = ("cookie", "Accept all", "Subscribe", "Politics", "Source link", "example.org", "All rights reserved")


def read_one(path, **kwargs) -> Article | InputError:
    items = list(read_inputs([str(path)], **kwargs))
    assert len(items) == 1, items
    return items[0]


def rejected(path, **kwargs) -> InputError:
    item = read_one(path, **kwargs)
    assert isinstance(item, InputError), item
    return item


def article(path, **kwargs) -> Article:
    item = read_one(path, **kwargs)
    assert isinstance(item, Article), item
    return item


# ---------------------------------------------------------------- bad input: an InputError, never an exception

def test_empty_file_is_rejected(write):
    error = rejected(write("empty.txt", b""))
    assert error.reason == "empty file"


def test_whitespace_only_file_is_rejected_as_empty(write):
    assert rejected(write("blank.txt", "  \n\n\t \n")).reason == "empty file"


def test_binary_file_is_rejected(write):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    assert "binary" in rejected(write("image.txt", png)).reason


def test_invalid_utf8_is_rejected_with_byte_and_offset(write):
    error = rejected(write("latin1.txt", "Caf\xe9 owners in Tehran said prices doubled this week.".encode("latin-1")))
    assert error.reason == "not valid UTF-8 (byte 0xe9 at offset 3)"


def test_file_over_the_size_limit_is_rejected(write):
    path = write("huge.txt", b"word " * 4_000_000)  # 20 MB
    error = rejected(path)
    assert "20.0 MB" in error.reason and "limit" in error.reason


def test_file_just_under_the_size_limit_is_read(write):
    path = write("long.txt", GOOD_TEXT + "x" * (MAX_BYTES - len(GOOD_TEXT) - 1))
    assert isinstance(read_one(path), Article)


def test_missing_file_is_rejected(tmp_path):
    assert rejected(tmp_path / "nope.txt").reason == "no such file"


def test_too_short_text_is_rejected(write):
    assert "too little text" in rejected(write("short.txt", "Iran said no.")).reason


def test_error_names_the_file(write):
    path = write("empty.txt", b"")
    assert str(rejected(path)).startswith(f"{path}: ")


def test_garbage_html_is_rejected(write):
    assert rejected(write("garbage.html", "<<<>>>&&&<div</p><<script>garbage >><><")).reason == \
        "no article text found in the HTML"


def test_html_truncated_before_the_story_is_rejected(write):
    path = write("cut.html", '<html><head><title>Iran talks</title></head><body><nav><a href="/">Ho')
    assert isinstance(read_one(path), InputError)


def test_html_truncated_inside_the_story_keeps_the_text_before_the_cut(write):
    cut = PAGE[: PAGE.index("Emergency services")]
    assert "Israel launched airstrikes on Iran" in article(write("cut.html", cut)).text


def test_bad_file_does_not_stop_the_files_after_it(write, good_article):
    items = list(read_inputs([str(write("empty.txt", b"")), str(good_article)]))
    assert [type(i) for i in items] == [InputError, Article]


# ---------------------------------------------------------------- plain text

def test_first_line_followed_by_blank_line_is_the_title(write):
    a = article(write("a.txt", WIRE_TEXT))
    assert a.title == "Israel strikes Iranian nuclear sites"
    assert a.text.startswith("JERUSALEM, June 16, 2025")


def test_first_line_without_blank_line_after_it_is_not_a_title(write):
    a = article(write("a.txt", "Israel strikes Iran\n" + GOOD_TEXT))
    assert a.title is None
    assert a.text.startswith("Israel strikes Iran\n")


def test_first_sentence_ending_in_a_full_stop_is_not_a_title(write):
    a = article(write("a.txt", "Israel struck Iran.\n\n" + GOOD_TEXT))
    assert a.title is None


def test_windows_line_endings_still_give_a_title(write):
    a = article(write("a.txt", WIRE_TEXT.replace("\n", "\r\n")))
    assert a.title == "Israel strikes Iranian nuclear sites"
    assert "\r" not in a.text


def test_utf8_byte_order_mark_is_dropped(write):
    a = article(write("bom.txt", "\ufeff" + GOOD_TEXT))
    assert a.text.startswith("Israel launched")


def test_wire_dateline_sets_published_and_outlet(write):
    a = article(write("a.txt", WIRE_TEXT))
    assert (a.published, a.outlet) == (dt.date(2025, 6, 16), "Meridian Wire")


def test_dateline_with_weekday_and_no_outlet_sets_published(write):
    a = article(write("a.txt", "WASHINGTON, Monday, June 16, 2025 — " + GOOD_TEXT))
    assert (a.published, a.outlet) == (dt.date(2025, 6, 16), None)


def test_text_without_dateline_has_no_published_or_outlet(good_article):
    a = article(good_article)
    assert (a.published, a.outlet) == (None, None)


def test_published_and_outlet_arguments_win_over_the_dateline(write):
    a = article(write("a.txt", WIRE_TEXT), published=dt.date(2025, 6, 20), outlet="Harbor Post")
    assert (a.published, a.outlet) == (dt.date(2025, 6, 20), "Harbor Post")


def test_published_and_outlet_arguments_fill_in_when_there_is_no_dateline(good_article):
    a = article(good_article, published=dt.date(2025, 6, 20), outlet="Harbor Post")
    assert (a.published, a.outlet) == (dt.date(2025, 6, 20), "Harbor Post")


def test_trailing_source_link_is_dropped(write):
    a = article(write("a.txt", GOOD_TEXT + "\nSource link: https://example.org/story\nRead more\n"))
    assert "Source link" not in a.text and "Read more" not in a.text


# ---------------------------------------------------------------- HTML

def test_html_boilerplate_is_dropped(write):
    text = article(write("page.html", PAGE)).text
    assert [word for word in BOILERPLATE if word in text] == []


def test_html_story_paragraphs_are_kept(write):
    text = article(write("page.html", PAGE)).text
    assert "Israel launched airstrikes on Iran" in text and "Emergency services reported" in text


def test_html_headline_is_the_title_and_not_repeated_in_the_text(write):
    a = article(write("page.html", PAGE))
    assert a.title == "Israel strikes Iran"
    assert a.text.startswith("JERUSALEM, June 13, 2025")


def test_html_dateline_sets_published_and_outlet(write):
    a = article(write("page.html", PAGE))
    assert (a.published, a.outlet) == (dt.date(2025, 6, 13), "Test Daily")


def test_html_is_recognised_in_a_file_without_suffix(write):
    a = article(write("page", PAGE))
    assert "cookie" not in a.text and a.title == "Israel strikes Iran"


def test_example_html_page_keeps_only_the_story():
    a = article(next(EXAMPLES.glob("12-*.html")))
    assert a.text.startswith("AMMAN, June 27, 2025 (Levant Ledger)")
    assert [word for word in ("cookie", "Subscribe", "Source link", "morning briefing", "rights reserved")
            if word in a.text] == []


def test_example_html_page_outlet_is_the_site_not_the_headline():
    a = article(next(EXAMPLES.glob("12-*.html")))
    assert (a.published, a.outlet) == (dt.date(2025, 6, 27), "Levant Ledger")


# ---------------------------------------------------------------- folders

def test_folder_is_read_recursively_in_sorted_order(write, tmp_path):
    write("corpus/b.txt", GOOD_TEXT)
    write("corpus/a/deep/er/c.txt", GOOD_TEXT)
    write("corpus/a/d.html", PAGE)
    ids = [a.id for a in read_inputs([str(tmp_path / "corpus")])]
    assert ids == [str(tmp_path / "corpus" / p) for p in ("a/d.html", "a/deep/er/c.txt", "b.txt")]


def test_folder_skips_hidden_files_readme_and_unknown_suffixes(write, tmp_path):
    write("corpus/keep.txt", GOOD_TEXT)
    write("corpus/.hidden.txt", GOOD_TEXT)
    write("corpus/.git/HEAD.txt", GOOD_TEXT)
    write("corpus/README.md", GOOD_TEXT)
    write("corpus/photo.jpg", b"\xff\xd8\xff\xe0")
    ids = [a.id for a in read_inputs([str(tmp_path / "corpus")])]
    assert ids == [str(tmp_path / "corpus" / "keep.txt")]


# ---------------------------------------------------------------- JSON and JSONL

def test_jsonl_bad_line_is_one_error_and_the_other_lines_are_read(write):
    path = write("batch.jsonl", "\n".join([
        json.dumps({"id": "one", "text": GOOD_TEXT}),
        '{"id": "two", "text": "unterminated',
        json.dumps({"id": "three", "text": GOOD_TEXT}),
    ]))
    items = list(read_inputs([str(path)]))
    assert [(type(i).__name__, getattr(i, "id", None) or i.path) for i in items] == [
        ("Article", "one"), ("InputError", f"{path}:2"), ("Article", "three")]


def test_jsonl_error_names_file_and_line_once(write):
    path = write("batch.jsonl", json.dumps({"text": GOOD_TEXT}) + "\nnot json\n")
    error = [i for i in read_inputs([str(path)]) if isinstance(i, InputError)][0]
    assert str(error) == f"{path}:2: not valid JSON (Expecting value)"


def test_jsonl_record_without_text_or_html_is_rejected(write):
    path = write("batch.jsonl", json.dumps({"id": "x", "title": "Nothing here"}) + "\n")
    assert rejected(path).reason == "record has neither a text nor an html field"


def test_jsonl_record_fields_are_used(write):
    record = {"id": "r1", "text": GOOD_TEXT, "title": "T", "published": "2025-06-18T09:00:00Z",
              "url": "https://www.example.com/news/1"}
    a = article(write("batch.jsonl", json.dumps(record) + "\n"))
    assert (a.id, a.title, a.published, a.outlet, a.url) == (
        "r1", "T", dt.date(2025, 6, 18), "example.com", "https://www.example.com/news/1")


def test_jsonl_record_with_html_is_extracted(write):
    a = article(write("batch.jsonl", json.dumps({"id": "h", "html": PAGE}) + "\n"))
    assert a.title == "Israel strikes Iran" and "cookie" not in a.text


def test_json_array_gives_one_article_per_record(write):
    path = write("batch.json", json.dumps([{"id": "x", "text": GOOD_TEXT}, {"id": "y", "text": GOOD_TEXT}]))
    assert [a.id for a in read_inputs([str(path)])] == ["x", "y"]


def test_pretty_printed_json_object_is_one_article(write):
    a = article(write("one.JSON", json.dumps({"id": "z", "text": GOOD_TEXT}, indent=2)))
    assert a.id == "z"


def test_invalid_json_file_is_rejected(write):
    assert rejected(write("broken.json", '[{"id": "x", "text": ')).reason.startswith("not valid JSON")


# ---------------------------------------------------------------- language (runs the model)

def test_non_english_article_is_skipped_with_a_reason(nlp):
    [coded] = code_articles([Article(id="de.txt", text=GERMAN_TEXT)])
    assert coded.events == []
    assert coded.warning == "de.txt: text is in language 'de', not English; no events coded"


def test_code_article_warns_on_non_english_text(nlp):
    with pytest.warns(NotEnglishWarning):
        assert code_article(GERMAN_TEXT) == []


def test_code_article_does_not_warn_on_english_text(nlp):
    with warnings.catch_warnings():
        warnings.simplefilter("error", NotEnglishWarning)
        assert code_article(GOOD_TEXT * 3) != []
