"""The event lexicon is data: one file per type, keyed by lemma, every entry with examples.

Every example sentence goes through the whole pipeline and must give its entry's type
(and its title, where the example names one).
"""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest
import yaml

from timeline.extract.article import extract_article
from timeline.extract.lexicon import entries, lemma_of, surface_forms
from timeline.extract.sources import article_from_text
from timeline.vocabulary import TYPE_NAMES

PUBLISHED = dt.date(2024, 6, 30)
EXAMPLES = [
    pytest.param(entry, example, id=f"{entry.type}:{entry.key}:{n}")
    for entry in entries()
    for n, example in enumerate(entry.examples)
]


def test_one_data_file_per_event_type_and_nothing_else():
    folder = resources.files("timeline.extract").joinpath("lexicon")
    files = sorted(p.name for p in folder.iterdir() if p.name.endswith(".yaml"))
    assert files == sorted(f"{name}.yaml" for name in TYPE_NAMES)
    for name in files:
        data = yaml.safe_load(folder.joinpath(name).read_text("utf-8"))
        assert data["type"] == name.removesuffix(".yaml")


def test_every_entry_has_an_example():
    assert all(entry.examples for entry in entries()), [
        (e.type, e.key) for e in entries() if not e.examples
    ]


def test_keys_are_lemmas_not_inflections():
    from lemminflect import getAllInflections

    for entry in entries():
        if entry.pos == "verb" and "-" not in entry.head:
            base = getAllInflections(entry.head, upos="VERB").get("VB", (entry.head,))
            assert entry.head in base, (entry.type, entry.key)
        if entry.pos == "noun" and "-" not in entry.head:
            assert lemma_of(entry.head, "noun") == entry.head, (entry.type, entry.key)


def test_inflected_forms_come_from_the_lemmas():
    forms = surface_forms()
    assert {"stormed", "storms", "storming", "resigned", "elections", "swore", "sworn"} <= forms


@pytest.mark.parametrize(("entry", "example"), EXAMPLES)
def test_every_example_gives_its_type(entry, example):
    found = extract_article(article_from_text(example.text, PUBLISHED))
    wanted = example.type or entry.type
    assert wanted in [e.type for e in found], [(e.type, e.title) for e in found]
    if example.title:
        assert example.title in [e.title for e in found], [e.title for e in found]


def test_the_forms_file_matches_the_lexicon():
    """data/forms.json is made by lemminflect: `make lexicon` after changing the lexicon."""
    from timeline.extract import forms_build

    assert forms_build.text(forms_build.build()) == resources.files("timeline.extract").joinpath(
        "data/forms.json"
    ).read_text("utf-8")
