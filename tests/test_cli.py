"""The `flashpoint` command, run in-process with CliRunner (and twice as a real subprocess).

`code` contract: every bad input gives one `error: <file>: <reason>` line on stderr, the other inputs
are still coded (their events on stdout), and the exit status is 3 when any input failed, else 0.
"""
from __future__ import annotations

import json
import subprocess

import pytest
import spacy

from flashpoint import __version__
from flashpoint.nlp import MODEL

from conftest import EXAMPLES, GERMAN_TEXT, GOOD_TEXT

HTML_EXAMPLE = next(EXAMPLES.glob("12-*.html"))

# name -> (file name, content). Each is unusable as an article.
BAD_INPUTS = {
    "empty": ("empty.txt", b""),
    "binary": ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8),
    "invalid-utf8": ("latin1.txt", "Caf\xe9 owners in Tehran said prices doubled.".encode("latin-1")),
    "20-mb": ("huge.txt", b"word " * 4_000_000),
    "garbage-html": ("garbage.html", b"<<<>>>&&&<div</p><<script>garbage >><><"),
    "truncated-html": ("cut.html", b'<html><head><title>Iran talks</title></head><body><nav><a href="/">Ho'),
    "jsonl-bad-line": ("batch.jsonl", (json.dumps({"id": "ok", "text": GOOD_TEXT}) + '\n{"id": "bad", "text": "cut\n')
                       .encode()),
}


@pytest.fixture(params=list(BAD_INPUTS), ids=list(BAD_INPUTS))
def bad_input(request, write):
    name, content = BAD_INPUTS[request.param]
    return write(name, content)


@pytest.fixture
def other_article(write):
    return write("zz-other.txt", GOOD_TEXT.replace("Friday", "Saturday"))


# ---------------------------------------------------------------- bad input

def test_bad_input_gives_one_line_error_naming_the_file(cli, bad_input, good_article):
    run = cli("code", good_article, bad_input, "--format", "jsonl")
    assert len(run.stderr_lines) == 1, run.stderr
    assert run.stderr_lines[0].startswith(f"error: {bad_input}")


def test_bad_input_does_not_stop_the_other_files_being_coded(cli, bad_input, good_article, other_article):
    run = cli("code", good_article, bad_input, other_article, "--format", "jsonl")
    assert {str(good_article), str(other_article)} <= run.articles()


def test_exit_status_is_3_when_an_input_failed(cli, bad_input, good_article):
    assert cli("code", good_article, bad_input, "--format", "jsonl").exit_code == 3


def test_exit_status_is_3_when_every_input_failed(cli, write):
    assert cli("code", write("empty.txt", b""), "--format", "jsonl").exit_code == 3


def test_exit_status_is_0_when_every_input_was_read(cli, good_article, other_article):
    run = cli("code", good_article, other_article, "--format", "jsonl")
    assert (run.exit_code, run.stderr_lines) == (0, [])


def test_missing_file_is_an_error_naming_it(cli, tmp_path, good_article):
    run = cli("code", tmp_path / "nope.txt", good_article, "--format", "jsonl")
    assert (run.exit_code, run.stderr_lines) == (3, [f"error: {tmp_path / 'nope.txt'}: no such file"])


def test_jsonl_bad_line_is_named_by_line_and_the_good_lines_are_coded(cli, write):
    path = write("batch.jsonl", "\n".join(json.dumps({"id": i, "text": GOOD_TEXT}) for i in ("a", "b")) +
                 "\n{broken\n" + json.dumps({"id": "c", "text": GOOD_TEXT}) + "\n")
    run = cli("code", path, "--format", "jsonl")
    assert run.stderr_lines == [f"error: {path}:3: not valid JSON (Expecting property name enclosed in double quotes)"]
    assert run.articles() == {"a", "b", "c"}


def test_error_for_a_file_name_with_brackets_is_printed_verbatim(cli, write):
    path = write("[draft]/[/notes].txt", b"")
    assert cli("code", path, "--format", "jsonl").stderr_lines == [f"error: {path}: empty file"]


# ---------------------------------------------------------------- non-English: a warning, not a failure

def test_non_english_file_gives_a_warning_naming_it(cli, write):
    path = write("de.txt", GERMAN_TEXT)
    run = cli("code", path, "--format", "jsonl")
    assert run.stderr_lines == [f"warning: {path}: text is in language 'de', not English; no events coded"]


def test_non_english_file_is_not_a_failure(cli, write, good_article):
    assert cli("code", write("de.txt", GERMAN_TEXT), good_article, "--format", "jsonl").exit_code == 0


def test_non_english_file_gives_no_events_while_the_others_are_coded(cli, write, good_article):
    run = cli("code", write("de.txt", GERMAN_TEXT), good_article, "--format", "jsonl")
    assert run.articles() == {str(good_article)}


# ---------------------------------------------------------------- inputs and flags

def test_dash_reads_stdin(cli):
    run = cli("code", "-", "--format", "jsonl", input=GOOD_TEXT)
    assert (run.exit_code, run.articles()) == (0, {"-"})


def test_stdin_and_files_are_read_together(cli, good_article):
    run = cli("code", good_article, "-", "--format", "jsonl", input=GOOD_TEXT)
    assert run.articles() == {str(good_article), "-"}


def test_empty_stdin_is_an_error(cli):
    run = cli("code", "-", "--format", "jsonl", input="")
    assert (run.exit_code, run.stderr_lines) == (3, ["error: -: empty file"])


def test_stdin_over_the_size_limit_is_an_error(cli):
    run = cli("code", "-", "--format", "jsonl", input=b"word " * 1_100_000)
    assert run.exit_code == 3 and run.stderr_lines[0].startswith("error: -: input is over the 5 MB limit")


BLINKEN = "Blinken met Iran's foreign minister on Monday to discuss the nuclear deal, officials said.\n"


def blinken_codes(run) -> set[str]:
    return {e["source"]["code"] for e in run.events if e["source"].get("name") == "Antony Blinken"}


def test_published_flag_sets_the_date_leaders_hold_office_on(cli, write):
    path = write("blinken.txt", BLINKEN)
    in_office = blinken_codes(cli("code", path, "--format", "jsonl", "--published", "2022-03-01"))
    left_office = blinken_codes(cli("code", path, "--format", "jsonl", "--published", "2025-06-16"))
    assert (in_office, left_office) == ({"USAGOV"}, {"USA"})


def test_wire_dateline_sets_the_date_when_the_flag_is_absent(cli, write):
    path = write("blinken.txt", "WASHINGTON, March 1, 2022 (Meridian Wire) — " + BLINKEN)
    assert blinken_codes(cli("code", path, "--format", "jsonl")) == {"USAGOV"}


def test_published_flag_wins_over_the_wire_dateline(cli, write):
    path = write("blinken.txt", "WASHINGTON, March 1, 2022 (Meridian Wire) — " + BLINKEN)
    assert blinken_codes(cli("code", path, "--format", "jsonl", "--published", "2025-06-16")) == {"USA"}


def test_published_flag_that_is_not_a_date_is_a_usage_error(cli, good_article):
    run = cli("code", good_article, "--published", "last tuesday")
    assert run.exit_code == 2 and "is not a date like 2025-06-16" in run.stderr


def test_outlet_flag_is_accepted(cli, good_article):
    # Article.outlet is not part of the event JSON; tests/test_ingest.py checks the value it sets.
    run = cli("code", good_article, "--format", "jsonl", "--outlet", "Harbor Post")
    assert (run.exit_code, run.articles()) == (0, {str(good_article)})


def test_folder_is_read_recursively(cli, write, tmp_path):
    top = write("corpus/top.txt", GOOD_TEXT)
    deep = write("corpus/a/b/c/deep.txt", GOOD_TEXT)
    run = cli("code", tmp_path / "corpus", "--format", "jsonl")
    assert run.articles() == {str(top), str(deep)}


def test_examples_folder_codes_without_errors(cli):
    run = cli("code", EXAMPLES, "--format", "jsonl")
    assert (run.exit_code, run.stderr_lines) == (0, [])
    assert str(HTML_EXAMPLE) in run.articles()


def test_example_html_page_codes_without_error(cli):
    run = cli("code", HTML_EXAMPLE, "--format", "jsonl")
    assert (run.exit_code, run.stderr_lines) == (0, []) and run.events


# ---------------------------------------------------------------- output formats

def test_json_format_prints_one_array_of_events(cli, good_article):
    run = cli("code", good_article, "--format", "json")
    events = json.loads(run.stdout)
    assert isinstance(events, list) and {e["article"] for e in events} == {str(good_article)}


def test_table_format_summary_counts_events_articles_and_rejections(cli, good_article, write):
    run = cli("code", good_article, write("empty.txt", b""))
    assert run.stderr_lines[-1].startswith("1 events from 1 articles; 1 inputs rejected")


def test_table_prints_bracketed_article_text_verbatim(cli, write):
    path = write("sic.txt", "Iran fired missiles at Israel [sic] on Tuesday, striking Tel Aviv and Haifa, officials said.\n")
    run = cli("code", path)
    assert run.exit_code == 0 and "[sic]" in run.stdout


# ---------------------------------------------------------------- info and eval

def test_info_json_prints_versions_and_model_load_name(cli):
    data = json.loads(cli("info", "--json").stdout)
    assert (data["flashpoint"], data["spacy"], data["model"]["load_name"]) == (__version__, spacy.__version__, MODEL)
    assert data["model"]["version"]


def test_info_prints_model_load_name(cli):
    assert MODEL in cli("info").stdout


@pytest.fixture
def gold(write):
    items = [
        {"id": "g1", "text": GOOD_TEXT, "published": "2025-06-13",
         "events": [{"source": "ISR", "target": "IRN", "type": "ASSAULT", "factuality": "asserted", "claimant": "officials"}]},
        {"id": "g2", "text": "Iran did not fire missiles at Israel on Sunday, officials said.", "published": "2025-06-15",
         "events": [{"source": "IRN", "target": "ISR", "type": "ASSAULT", "factuality": "negated"}]},
    ]
    return write("gold.jsonl", "".join(json.dumps(item) + "\n" for item in items))


def test_eval_prints_precision_recall_and_f1(cli, gold):
    run = cli("eval", gold)
    assert run.exit_code == 0
    assert all(column in run.stdout for column in (" P ", " R ", " F1 ", "micro", "factuality accuracy",
                                                   "attribution accuracy"))


def test_eval_json_has_overall_per_type_factuality_and_attribution(cli, gold):
    scores = json.loads(cli("eval", gold, "--json").stdout)
    assert {"overall", "per_type", "factuality", "attribution"} <= set(scores)
    assert scores["items"] == 2 and {"precision", "recall", "f1"} <= set(scores["overall"])


def test_eval_any_target_scores_the_act_and_its_author_apart_from_the_target(cli, write):
    item = {"id": "g1", "text": GOOD_TEXT, "published": "2025-06-13",
            "events": [{"source": "ISR", "target": "FRA", "type": "ASSAULT", "factuality": "asserted", "claimant": None}]}
    scores = json.loads(cli("eval", write("gold.jsonl", json.dumps(item) + "\n"), "--json").stdout)
    assert scores["per_type"]["ASSAULT"]["tp"] == 0 and scores["per_type"]["ASSAULT"]["fn"] == 1
    assert scores["any_target"]["per_type"]["ASSAULT"]["tp"] == 1
    assert scores["failed"] == 0


def test_eval_malformed_gold_is_an_error_naming_file_and_line(cli, write):
    path = write("gold.jsonl", json.dumps({"id": "x", "text": GOOD_TEXT}) + "\n" + json.dumps({"id": "y"}) + "\n")
    run = cli("eval", path)
    assert run.exit_code == 2 and run.stderr_lines[0].startswith(f"error: {path}:2: not a gold record")


# ---------------------------------------------------------------- the installed console script, for real

def test_console_script_codes_good_files_reports_bad_ones_and_exits_3(flashpoint_exe, write, good_article):
    bad = write("latin1.txt", "Caf\xe9 owners in Tehran said prices doubled.".encode("latin-1"))
    proc = subprocess.run([flashpoint_exe, "code", str(bad), str(good_article), "--format", "jsonl"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 3
    assert proc.stderr.strip().splitlines() == [f"error: {bad}: not valid UTF-8 (byte 0xe9 at offset 3)"]
    assert {json.loads(line)["article"] for line in proc.stdout.splitlines()} == {str(good_article)}


def test_console_script_reads_stdin_from_a_pipe(flashpoint_exe):
    proc = subprocess.run([flashpoint_exe, "code", "-", "--format", "jsonl"], input=GOOD_TEXT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert {json.loads(line)["article"] for line in proc.stdout.splitlines()} == {"-"}


def test_an_article_that_breaks_the_coder_is_an_error_and_the_others_are_coded(cli, write, monkeypatch):
    # Fault injection (as in test_corpus_cli): the coder raises on one text, as a bug would.
    from flashpoint import pipeline

    real = pipeline.code_doc

    def code_doc(doc, article):
        if "Tuesday" in article.text:
            raise RuntimeError("coder bug")
        return real(doc, article)

    monkeypatch.setattr(pipeline, "code_doc", code_doc)
    paths = [write(f"{day}.txt", GOOD_TEXT.replace("Friday", day)) for day in ("Monday", "Tuesday", "Wednesday")]
    run = cli("code", *paths, "--format", "jsonl")
    assert run.exit_code == 3
    assert f"error: {paths[1]}: coding failed (RuntimeError: coder bug)" in run.stderr
    assert {json.loads(line)["article"] for line in run.stdout.splitlines()} == {str(paths[0]), str(paths[2])}
    with pytest.raises(pipeline.CodingError, match="coder bug"):
        pipeline.code_article(GOOD_TEXT.replace("Friday", "Tuesday"))
