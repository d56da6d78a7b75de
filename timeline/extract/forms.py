"""Inflected forms of the lexicon's words, made by lemminflect and kept as data.

``data/forms.json`` lists, for every head word of the lexicon (and every verb a
title template uses), its inflections, and for every form its lemma; also the noun
lemmas of the words the lexicon's constraints name ("relations" -> "relation").
lemminflect makes the file (:mod:`timeline.extract.forms_build`, ``make lexicon``);
reading it at run time costs a millisecond where lemminflect costs a second. A test
checks that the file matches the lexicon. This module only reads the table, so the
lexicon can use it without the two importing each other.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any


@functools.lru_cache(maxsize=1)
def table() -> dict[str, Any]:
    raw = resources.files("timeline.extract").joinpath("data/forms.json").read_text("utf-8")
    return json.loads(raw)


def inflection(lemma: str, pos: str, tag: str) -> str | None:
    return table()["inflections"].get(f"{pos}:{lemma}", {}).get(tag)


def lemma(word: str, pos: str) -> str:
    return table()["lemmas"].get("verb" if pos == "adj" else pos, {}).get(word, word)


def known_lemma(word: str, pos: str) -> str | None:
    """The lemma of a form the table holds, else None."""
    return table()["lemmas"].get("verb" if pos == "adj" else pos, {}).get(word)


def forms_of(lemma: str, pos: str) -> frozenset[str]:
    """Every inflection of a word of the lexicon, the word itself included."""
    found = table()["inflections"].get(f"{pos}:{lemma}", {})
    return frozenset([lemma, *found.values()])
