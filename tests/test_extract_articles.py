"""Scoring the extractor on the project's own test articles (tests/articles/)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from timeline.dates import parse_edtf
from timeline.extract.article import Found, extract_article
from timeline.extract.sources import read_article

ARTICLES = Path(__file__).parent / "articles"
NAMES = sorted(p.stem for p in ARTICLES.glob("*.txt"))


def expected(name: str) -> dict:
    return YAML(typ="safe").load((ARTICLES / f"{name}.expected.yaml").read_text("utf-8"))


def day(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def word_in(word: str, haystack: str) -> bool:
    """A match word, or its stem for a tense or number of its own ('stormed' ~ 'storms')."""
    word = word.lower()
    stem = re.sub(r"(?:ed|d|es|s|ing)$", "", word) if len(word) > 5 else word
    return word in haystack or stem in haystack


def matches(event: Found, want: dict) -> bool:
    haystack = " ".join([event.title, *event.actors]).lower()
    return event.type == want["type"] and all(word_in(str(w), haystack) for w in want["match"])


def check_dates(event: Found, want: dict) -> None:
    if "date" in want:
        assert event.date == str(want["date"]), event
    if "not_before" in want:
        earliest = parse_edtf(event.date).earliest if event.date else event.not_before
        assert earliest is not None and earliest >= day(want["not_before"]), event
    if "not_after" in want:
        latest = parse_edtf(event.date).latest if event.date else event.not_after
        assert latest is not None and latest <= day(want["not_after"]), event


def test_there_are_three_styles_of_article():
    assert len(NAMES) >= 3
    for name in NAMES:
        assert (ARTICLES / f"{name}.expected.yaml").is_file()


@pytest.mark.parametrize("name", NAMES)
def test_expected_events_are_found_and_dated(name):
    spec = expected(name)
    article = read_article(str(ARTICLES / f"{name}.txt"))
    assert article.published == spec["published"]
    if "publisher" in spec:
        assert article.source.publisher == spec["publisher"]
    events = extract_article(article)
    for want in spec["events"]:
        found = [e for e in events if matches(e, want)]
        assert found, f"{name}: no {want['type']} event matching {want['match']}"
        check_dates(found[0], want)
    for words in spec.get("absent", []):
        assert not any(words.lower() in e.title.lower() for e in events), words


@pytest.mark.parametrize("name", NAMES)
def test_past_events_are_not_after_publication(name):
    article = read_article(str(ARTICLES / f"{name}.txt"))
    for event in extract_article(article):
        if event.type == "deadline":
            assert event.date and parse_edtf(event.date).earliest > article.published
            continue
        latest = parse_edtf(event.date).latest if event.date else event.not_after
        assert latest is not None and latest <= article.published, event
        assert event.quote and event.source == article.source.id


HELDOUT = sorted(p.stem for p in (ARTICLES / "heldout").glob("*.txt"))


@pytest.mark.parametrize("name", HELDOUT)
def test_heldout_articles_parse_and_are_not_scored_here(name):
    """Held-out articles are only scored in aggregate (bench/extract_score.py --set heldout)."""
    folder = ARTICLES / "heldout"
    spec = YAML(typ="safe").load((folder / f"{name}.expected.yaml").read_text("utf-8"))
    assert read_article(str(folder / f"{name}.txt")).published == spec["published"]
    assert all({"type", "match"} <= set(event) for event in spec["events"])
