"""The event lexicon and the word classes, read from the data files beside this module.

One file per event type, ``lexicon/<type>.yaml``, keyed by lemma::

    type: resignation
    verbs:
      step down:                      # a head lemma and the words that go with it
        voice: active                 # "locals are resigned to shortages" is no resignation
        title: "{agent} resigns[ as {role}]"
        examples:
          - text: Prime Minister Kubatbek Boronov stepped down on Tuesday.
            title: Boronov resigns as prime minister
    nouns:
      resignation: {of: agent, title: "{agent} resigns[ as {role}]"}

An entry may restrict its parties (``agent``/``patient``: lemmas or ``$class``
names from ``data/classes.yaml``, or ``$named``, ``$person``, ``$org``,
``$place``; ``agent_not``/``patient_not`` exclude), require them (``needs``),
and require other words (``with``). Inflected forms come from ``lemminflect`` through
``data/forms.json`` (:mod:`timeline.extract.forms`); nothing here is an inflected
pattern. :func:`entries` gives every entry;
:func:`candidates` the entries a token's lemma and part of speech can start.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

_POS = {"verbs": "verb", "nouns": "noun", "adjectives": "adj"}


@dataclass(frozen=True)
class Example:
    text: str
    title: str | None = None
    type: str | None = None  # another type the example must give (e.g. deadline)


@dataclass(frozen=True)
class Entry:
    """One sense of a predicate word: what type of event it names and how."""

    type: str
    key: str  # "step down"
    pos: str  # verb, noun or adj
    voice: str = "any"  # active, passive or any
    title: str = ""
    passive: str = ""  # the title without an agent: "{patient} detained"
    agent: frozenset[str] = frozenset()  # allowed (empty: any)
    agent_not: frozenset[str] = frozenset()
    patient: frozenset[str] = frozenset()
    patient_not: frozenset[str] = frozenset()
    needs: frozenset[str] = frozenset()  # agent, patient, party, named, role, date
    with_words: tuple[frozenset[str], ...] = ()  # each: one of these lemmas must go with it
    not_with: frozenset[str] = frozenset()  # no dependent may be one of these lemmas
    from_only: frozenset[str] = frozenset()  # "removed from office", not "from the chamber"
    of: str = "patient"  # nouns: what "of X" and "X's" are
    alone: bool = False  # nouns: an event without a date or a support verb
    each: str = ""  # "agent" or "patient": one event per party in that role
    examples: tuple[Example, ...] = field(default=(), compare=False)

    @property
    def head(self) -> str:
        """The word the key is found by: a verb's first word, a noun's last ("hunger strike")."""
        parts = self.key.split()
        return parts[-1] if self.pos == "noun" else parts[0]

    @property
    def words(self) -> tuple[str, ...]:
        """The other words of the key, which must go with the head."""
        parts = self.key.split()
        return tuple(parts[:-1] if self.pos == "noun" else parts[1:])


def _data(name: str) -> Any:
    text = resources.files("timeline.extract").joinpath(name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@functools.lru_cache(maxsize=1)
def classes() -> dict[str, frozenset[str]]:
    """The word classes of ``data/classes.yaml``, by name."""
    return {
        name: frozenset(str(w).lower() for w in words)
        for name, words in _data("data/classes.yaml").items()
    }


@functools.lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    """The cue words and phrases of ``data/cues.yaml``, by name."""
    return _data("data/cues.yaml")


@functools.lru_cache(maxsize=1)
def signature_words() -> dict[str, Any]:
    """The words the merge's signatures read (``data/signature.yaml``)."""
    return _data("data/signature.yaml")


def word_class(name: str) -> frozenset[str]:
    return classes()[name]


def _expand(values: Any) -> frozenset[str]:
    """Words and ``$class`` names, each with its noun lemma ("relations" -> "relation");
    kinds (``$named``, ``$person``, ...) stay as they are."""
    out: set[str] = set()
    for value in values or ():
        value = str(value)
        if value.startswith("$") and value[1:] in classes():
            out |= classes()[value[1:]]
        else:
            out.add(value.lower() if not value.startswith("$") else value)
    return frozenset(out | {_lemma(w) for w in out if not w.startswith("$")})


def _lemma(word: str) -> str:
    from timeline.extract import forms

    try:
        return forms.lemma(word, "noun")
    except FileNotFoundError:  # while the forms file itself is being made
        return word


def _examples(raw: Any) -> tuple[Example, ...]:
    out = []
    for item in raw or ():
        if isinstance(item, str):
            out.append(Example(item))
        else:
            out.append(Example(str(item["text"]), item.get("title"), item.get("type")))
    return tuple(out)


def _entry(kind: str, key: str, pos: str, spec: dict[str, Any], each: str = "") -> Entry:
    with_words = tuple(
        frozenset(str(w).lower() for w in (group if isinstance(group, list) else [group]))
        for group in spec.get("with") or ()
    )
    return Entry(
        type=kind,
        key=key.lower(),
        pos=pos,
        voice=str(spec.get("voice", "any")),
        title=str(spec.get("title", "")),
        passive=str(spec.get("passive", "")),
        agent=_expand(spec.get("agent")),
        agent_not=_expand(spec.get("agent_not")),
        patient=_expand(spec.get("patient")),
        patient_not=_expand(spec.get("patient_not")),
        needs=frozenset(spec.get("needs") or ()),
        with_words=with_words,
        not_with=_expand(spec.get("not_with")),
        from_only=_expand(spec.get("from_only")),
        of=str(spec.get("of", "patient")),
        alone=bool(spec.get("alone", False)),
        each=str(spec.get("each", each)),
        examples=_examples(spec.get("examples")),
    )


def _senses(spec: Any) -> list[dict[str, Any]]:
    """An entry's senses: one mapping, or a list of them (tried in order)."""
    if spec is None:
        return [{}]
    return spec if isinstance(spec, list) else [spec]


@functools.lru_cache(maxsize=1)
def entries() -> tuple[Entry, ...]:
    """Every entry of every type, in file order (an earlier sense is tried first)."""
    folder = resources.files("timeline.extract").joinpath("lexicon")
    out: list[Entry] = []
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".yaml"):
            continue
        raw = _data(f"lexicon/{path.name}")
        kind, each = str(raw["type"]), str(raw.get("each", ""))
        for section, pos in _POS.items():
            for key, spec in (raw.get(section) or {}).items():
                out.extend(_entry(kind, str(key), pos, sense, each) for sense in _senses(spec))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _index() -> dict[tuple[str, str], tuple[Entry, ...]]:
    table: dict[tuple[str, str], list[Entry]] = {}
    for entry in entries():
        table.setdefault((entry.pos, entry.head), []).append(entry)
    # longer keys first: "step down" before "step"
    return {k: tuple(sorted(v, key=lambda e: -len(e.words))) for k, v in table.items()}


def candidates(lemma: str, pos: str) -> tuple[Entry, ...]:
    """The entries whose head is ``lemma`` with the part of speech ``pos`` (verb/noun/adj)."""
    return _index().get((pos, lemma.lower()), ())


@functools.lru_cache(maxsize=1)
def triggers() -> dict[str, tuple[Entry, ...]]:
    """Each inflected form of a head word, lower case, and the entries it can start."""
    from timeline.extract import forms

    table: dict[str, list[Entry]] = {}
    for entry in entries():
        pos = "verb" if entry.pos in ("verb", "adj") else "noun"
        heads = forms.forms_of(entry.head, pos)
        if entry.pos == "adj":
            heads |= forms.forms_of(entry.head, "noun")
        for form in heads:
            table.setdefault(form, []).append(entry)
    return {form: tuple(found) for form, found in table.items()}


def surface_forms() -> frozenset[str]:
    """Every inflected form of every head word, lower case."""
    return frozenset(triggers())


def may_hold(words: set[str], lead: bool) -> bool:
    """Can a sentence with these (lower-case) words hold an event? Some entry's head must
    be there with the other words of its key and one word of each 'with' group; plain
    speech ("said") counts only in the story's lead."""
    speech = set(cues()["plain_speech"])
    for word in words & triggers().keys():
        for entry in triggers()[word]:
            if not lead and entry.type == "statement" and entry.key in speech:
                continue
            if not all(w in words for w in entry.words):
                continue
            if all(words & group for group in entry.with_words) and _patient_there(entry, words):
                return True
    return False


_KIND_NAMES = frozenset(("$named", "$person", "$org", "$place", "$group", "$thing"))


def _patient_there(entry: Entry, words: set[str]) -> bool:
    """An entry that needs a patient of a given kind ("closed the border") can start an
    event only where such a word is (or a pronoun that may stand for one)."""
    allowed = entry.patient
    if "patient" not in entry.needs or not allowed or allowed & _KIND_NAMES:
        return True
    if words & word_class("anaphors"):
        return True
    return any(w in allowed or w.rstrip("s") in allowed or w[:-2] in allowed for w in words)


@functools.lru_cache(maxsize=8192)
def lemma_of(word: str, pos: str) -> str:
    """The lexicon's lemma of a form ("installed" -> "install"), a second opinion beside
    the tagger's; the word itself when the lexicon does not know it."""
    from timeline.extract import forms

    return forms.lemma(word, pos)


def inflect(lemma: str, tag: str) -> str:
    """``lemma`` in the Penn Treebank form ``tag`` (VBZ, VBN, NNS ...)."""
    from timeline.extract import forms

    pos = "noun" if tag.startswith("NN") else "verb"
    return forms.inflection(lemma, pos, tag) or _regular(lemma, tag)


def _regular(lemma: str, tag: str) -> str:
    """Regular English morphology for a word the forms table does not hold."""
    if tag in ("VBZ", "NNS"):
        return lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s")
    if tag in ("VBD", "VBN"):
        return lemma + ("d" if lemma.endswith("e") else "ed")
    if tag == "VBG":
        return (lemma[:-1] if lemma.endswith("e") else lemma) + "ing"
    return lemma


def words(text: str) -> frozenset[str]:
    """A set of words written as one string."""
    return frozenset(text.split())
