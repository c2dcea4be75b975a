"""Shared fixtures: the real spaCy model (loaded once), sample articles, and ways to run the CLI.

Nothing of flashpoint's own is mocked: tests write real files under tmp_path and run the real coder.
"""
from __future__ import annotations

import json
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flashpoint import nlp as nlp_stage
from flashpoint.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

# Short enough that the language check is skipped (< 30 words) and long enough to be an article.
GOOD_TEXT = ("Israel launched airstrikes on Iran on Friday, hitting military bases near Tehran "
             "and the Natanz enrichment site, officials said.\n")

WIRE_TEXT = """Israel strikes Iranian nuclear sites

JERUSALEM, June 16, 2025 (Meridian Wire) — Israel launched airstrikes on Iran on Monday, hitting military bases near Tehran and the Natanz enrichment site, officials said.

Iran fired missiles at Israel hours later, striking Tel Aviv and Haifa, the Israeli military said.
"""

GERMAN_TEXT = (
    "Die Regierung hat am Montag in Berlin neue Maßnahmen angekündigt, um die Wirtschaft zu stärken. "
    "Der Bundeskanzler sagte, dass die Lage ernst sei und dass alle Parteien zusammenarbeiten müssten. "
    "Die Opposition kritisierte die Pläne scharf und forderte Neuwahlen im kommenden Jahr. "
    "Viele Bürger zeigten sich besorgt über die steigenden Preise und die hohen Kosten für Energie.\n"
)

ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="session")
def nlp():
    """The project's spaCy pipeline, loaded once for the whole session (flashpoint.nlp.load caches it)."""
    return nlp_stage.load()


@pytest.fixture
def write(tmp_path):
    """write("name.txt", text_or_bytes) -> Path of a real file under tmp_path (parents created)."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def good_article(write) -> Path:
    """A short English article the coder finds at least one event in."""
    return write("good.txt", GOOD_TEXT)


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def events(self) -> list[dict]:
        """stdout of `--format jsonl`, one event per line."""
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]

    @property
    def stderr_lines(self) -> list[str]:
        return [ANSI.sub("", line) for line in self.stderr.splitlines() if line.strip()]

    def articles(self) -> set[str]:
        """The article ids that have events in the jsonl output."""
        return {event["article"] for event in self.events}


@pytest.fixture
def cli(nlp):
    """cli("code", "file.txt", "--format", "jsonl", input=...) -> Run, in-process with CliRunner."""
    runner = CliRunner()

    def _run(*args: str | Path, input: str | bytes | None = None) -> Run:
        result = runner.invoke(app, [str(a) for a in args], input=input)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception  # a crash, not an exit status: show its traceback
        return Run(result.exit_code, result.stdout, result.stderr)

    return _run


@pytest.fixture(scope="session")
def flashpoint_exe() -> str:
    """The installed `flashpoint` console script of the interpreter running the tests."""
    beside = Path(sys.executable).parent / "flashpoint"
    found = str(beside) if beside.exists() else shutil.which("flashpoint")
    if not found:
        pytest.fail("the flashpoint console script is not installed; run `pip install -e .`")
    return found


XSS_CORPUS = ROOT / "tests" / "data" / "xss"


@pytest.fixture(scope="session")
def dashboard_db(tmp_path_factory, nlp) -> Path:
    """A real store for the dashboard's tests: examples/ and the XSS corpus (tests/data/xss/: titles,
    bodies, outlets and URLs carrying <script>, on*= handlers and javascript: links), ingested once."""
    from flashpoint.corpus import ingest
    from flashpoint.store import Store

    path = tmp_path_factory.mktemp("dashboard") / "flashpoint.duckdb"
    with Store.open(path) as store:
        summary = ingest([str(EXAMPLES), str(XSS_CORPUS)], store)
    assert summary.rejected == 0 and summary.events > 0
    return path
