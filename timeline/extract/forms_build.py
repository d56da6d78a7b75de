"""Make ``data/forms.json`` with lemminflect from the lexicon (``make lexicon``).

    python -m timeline.extract.forms_build > timeline/extract/data/forms.json

Only this tool needs lemminflect's tables at once; the extractor reads the file through
:mod:`timeline.extract.forms`.
"""

from __future__ import annotations

import json
import re
import sys
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


if __name__ == "__main__":  # see the module docstring
    sys.stdout.write(text(build()))
