"""Inflected forms of the lexicon's words, made by lemminflect and kept as data.

``data/forms.json`` lists, for every head word of the lexicon (and every verb a
title template uses), its inflections, and for every form its lemma; also the noun
lemmas of the words the lexicon's constraints name ("relations" -> "relation").
lemminflect makes the file (``python -m timeline.extract.forms``, ``make lexicon``);
reading it at run time costs a millisecond where lemminflect costs a second. A test
checks that the file matches the lexicon.
"""

from __future__ import annotations

import functools
import json
import re
import sys
from importlib import resources
from typing import Any

_VERB_TAGS = ("VB", "VBZ", "VBD", "VBN", "VBG", "VBP")
_NOUN_TAGS = ("NN", "NNS")
_TEMPLATE_VERB = re.compile(r"\{agent\}\s+([a-z][a-z-]*)")
# the verbs the rules name in data/cues.yaml: their forms are known too ("staged" -> "stage")
_CUE_VERBS = (
    "support_verbs",
    "happen_verbs",
    "intention_verbs",
    "wish_verbs",
    "opinion_verbs",
    "say_verbs",
    "plain_speech",
    "carrying_verbs",
    "comparison_verbs",
    "scheduling_verbs",
    "announcing_verbs",
)


def build() -> dict[str, Any]:
    """The forms table, made afresh with lemminflect from the lexicon files."""
    from lemminflect import getAllInflections, getAllInflectionsOOV, getLemma

    from timeline.extract.lexicon import classes, cues, entries

    inflections: dict[str, dict[str, str]] = {}
    lemmas: dict[str, dict[str, str]] = {"verb": {}, "noun": {}}

    def add(lemma: str, pos: str) -> None:
        upos, tags = ("VERB", _VERB_TAGS) if pos == "verb" else ("NOUN", _NOUN_TAGS)
        known = getAllInflections(lemma, upos=upos) or getAllInflectionsOOV(lemma, upos=upos)
        table = {tag: known[tag][0].lower() for tag in tags if known.get(tag)}
        table.setdefault(tags[0], lemma)
        inflections[f"{pos}:{lemma}"] = dict(sorted(table.items()))
        for form in table.values():
            lemmas[pos].setdefault(form, lemma)

    for entry in entries():
        add(entry.head, "verb" if entry.pos in ("verb", "adj") else "noun")
        for template in (entry.title, entry.passive):
            for word in _TEMPLATE_VERB.findall(template):
                found = getLemma(word, upos="VERB")
                add(found[0].lower() if found else word, "verb")
    for name in _CUE_VERBS:
        for verb in cues()[name]:
            if " " not in str(verb):
                add(str(verb).lower(), "verb")
    words = {
        w for e in entries() for s in (e.agent, e.agent_not, e.patient, e.patient_not) for w in s
    }
    words |= {w for group in classes().values() for w in group}
    for word in sorted(w for w in words if not w.startswith("$")):
        found = getLemma(word, upos="NOUN")
        if found and found[0].lower() != word:
            lemmas["noun"].setdefault(word, found[0].lower())
    return {
        "inflections": dict(sorted(inflections.items())),
        "lemmas": {pos: dict(sorted(table.items())) for pos, table in lemmas.items()},
    }


def text(table: dict[str, Any]) -> str:
    return json.dumps(table, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


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


if __name__ == "__main__":  # python -m timeline.extract.forms > timeline/extract/data/forms.json
    sys.stdout.write(text(build()))
