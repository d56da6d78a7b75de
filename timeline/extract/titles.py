"""Titles as an editor writes them, from the parse: agent, verb, patient and role.

Each lexicon entry has a template: ``"{agent} resigns[ as {role}]"``. A name in
braces is a party or a slot of the predicate; a part in brackets is left out when
a name inside it is empty. The word after ``{agent}`` is the verb: it agrees with
the agent ("Protesters storm", "Police seize", "Jeenbekov resigns"). Without an
agent the entry's passive template tells it ("Atambayev and Japarov released").
An event ahead of its report says so: "Sagasti to be sworn in as president",
"Parliamentary elections scheduled".
"""

from __future__ import annotations

import re

from timeline.extract.document import Party, Predicate
from timeline.extract.lexicon import inflect, lemma_of
from timeline.extract.names import phrase

_FIELD = re.compile(r"\{(\w+)\}")
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")
_MAX_WORDS = 14
_DROP_LEFT = ("det", "poss", "case", "predet")


def join(parties: list[Party]) -> str:
    names = list(dict.fromkeys(p.text for p in parties))
    if len(names) <= 1:
        return names[0] if names else ""
    return ", ".join(names[:-1]) + " and " + names[-1]


def _values(pred: Predicate) -> dict[str, str]:
    values = dict(pred.slots)
    values["agent"] = join(pred.agents)
    values["patient"] = join(pred.patients)
    if not values.get("role"):
        intransitive = pred.voice == "active" and not pred.patients
        owner = pred.agents if intransitive and pred.type == "resignation" else []
        values["role"] = next((p.role for p in owner + pred.patients + pred.agents if p.role), "")
    if pred.nominal:
        values["noun"] = noun_phrase(pred)
    return {k: v for k, v in values.items() if v}


def noun_phrase(pred: Predicate) -> str:
    """The event noun with its own modifiers: 'mass unrest', 'parliamentary elections'."""
    token = pred.token
    keep = [
        t
        for left in token.lefts
        if left.dep_ not in _DROP_LEFT and left.pos_ != "PUNCT"
        for t in left.subtree
    ]
    tokens = sorted([*keep, token], key=lambda t: t.i)
    return "".join(t.text_with_ws for t in tokens).strip() if tokens else phrase(token)


def render(template: str, values: dict[str, str]) -> str | None:
    """The template filled in, or None when a required name is empty."""

    def optional(match: re.Match[str]) -> str:
        inner = match.group(1)
        names = _FIELD.findall(inner)
        return (
            _FIELD.sub(lambda m: values[m.group(1)], inner)
            if all(n in values for n in names)
            else ""
        )

    text = _OPTIONAL.sub(optional, template)
    if any(n not in values for n in _FIELD.findall(text)):
        return None
    return _FIELD.sub(lambda m: values[m.group(1)], text)


def _agree(template: str, plural: bool) -> str:
    """Make the verb after {agent} agree with the agent."""

    def fix(match: re.Match[str]) -> str:
        word = match.group(2)
        if word.endswith(("ed", "en")):  # "{agent} re-elected": a participle agrees with nobody
            return match.group(0)
        base = lemma_of(word, "verb")
        return match.group(1) + (base if plural else inflect(base, "VBZ"))

    return re.sub(r"(\{agent\}\s+)([a-z][a-z-]*)", fix, template, count=1)


def _plural(parties: list[Party]) -> bool:
    return len(parties) > 1 or any(p.plural for p in parties)


def title_for(pred: Predicate) -> str:
    entry, values = pred.entry, _values(pred)
    if pred.timing.deadline:
        return _tidy(_ahead(pred, values))
    templates = []
    if entry.title and (pred.agents or pred.nominal or "{agent}" not in entry.title):
        templates.append(_agree(entry.title, _plural(pred.agents)))
    if entry.passive:
        templates.append(entry.passive)
    templates.extend(_defaults(pred))
    for template in templates:
        text = render(template, values)
        if text:
            return _tidy(text)
    return _tidy(entry.key.capitalize())


def _defaults(pred: Predicate) -> list[str]:
    entry = pred.entry
    if pred.nominal:
        return ["{noun}[ {where}]", "{noun}"]
    verb = " ".join([entry.head, *entry.words])
    participle = " ".join([inflect(entry.head, "VBN"), *entry.words])
    plural = _plural(pred.agents)
    agreed = verb if plural else " ".join([inflect(entry.head, "VBZ"), *entry.words])
    return [f"{{agent}} {agreed}[ {{patient}}][ as {{role}}]", f"{{patient}} {participle}"]


def _ahead(pred: Predicate, values: dict[str, str]) -> str:
    """An event ahead of the report: 'X to resign', 'Elections scheduled'."""
    entry = pred.entry
    if pred.nominal:
        text = render(entry.title, values) or values.get("noun", entry.key)
        return re.sub(r"\s+held\b", "", text) + " scheduled"
    verb = " ".join([entry.head, *entry.words])
    if pred.agents:
        return render(f"{{agent}} to {verb}[ {{patient}}][ as {{role}}]", values) or verb
    participle = " ".join([inflect(entry.head, "VBN"), *entry.words])
    return render(f"{{patient}} to be {participle}[ as {{role}}]", values) or verb


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    words = text.split()
    if len(words) > _MAX_WORDS:
        text = " ".join(words[:_MAX_WORDS])
    text = re.sub(r"^(?:the|a|an)\s+(?=[a-z])", "", text, flags=re.I)
    return text[:1].upper() + text[1:]
