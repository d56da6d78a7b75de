"""The seed article (../shared/corpora/seed): the events of Kyrgyzstan's October 2020 crisis."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.dates import parse_edtf
from timeline.extract.article import Found, extract_article
from timeline.extract.sources import read_article

OCT_4, OCT_21 = dt.date(2020, 10, 4), dt.date(2020, 10, 21)


@pytest.fixture(scope="module")
def seed_events(corpus) -> list[Found]:
    """The seed article's events; skipped without ../shared (failed under CI=true)."""
    seed = corpus("corpora", "seed", "kyrgyzstan-2020-10-21.txt")
    return extract_article(read_article(str(seed)))


def one(events: list[Found], kind: str, *words: str) -> Found:
    found = [
        e
        for e in events
        if e.type == kind
        and all(w.lower() in (e.title + " " + " ".join(e.actors)).lower() for w in words)
    ]
    assert len(found) == 1, (kind, words, [e.title for e in events])
    return found[0]


def bounds(event: Found) -> tuple[dt.date | None, dt.date | None]:
    if event.date:
        parsed = parse_edtf(event.date)
        return parsed.earliest, parsed.latest
    return event.not_before, event.not_after


def test_dated_events(seed_events):
    assert one(seed_events, "election", "parliamentary").date == "2020-10-04"
    jeenbekov = one(seed_events, "resignation", "Jeenbekov")
    assert jeenbekov.date == "2020-10-15"
    assert jeenbekov.title == "Jeenbekov resigns as president"
    assert jeenbekov.actors == ["Sooronbay Jeenbekov"]
    assert one(seed_events, "appointment", "presidency").date == "2020-10-15"


def test_the_articles_own_event_takes_the_dateline_day(seed_events):
    meeting = one(seed_events, "meeting", "Udovichenko")
    assert meeting.date == "2020-10-21"
    assert meeting.title == "Japarov meets ambassador Udovichenko"
    assert set(meeting.actors) == {"Sadyr Japarov", "Nikolai Udovichenko"}


def test_the_rerun_date_is_a_future_deadline(seed_events):
    deadline = one(seed_events, "deadline", "rerun")
    assert deadline.date == "2020-11-06"


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("protest", ("unrest",)),
        ("violence", ("storm", "buildings")),
        ("release", ("Atambayev", "Japarov")),
        ("violence", ("clashes",)),
        # the recap after the elections goes on in order: its floor holds
        ("resignation", ("Boronov",)),
        ("resignation", ("Dzhumabekov",)),
        ("court", ("annuls",)),
        ("appointment", ("Isaev", "speaker")),
        ("appointment", ("Japarov", "prime minister")),
    ],
)
def test_undated_events_are_bounded(seed_events, kind, words):
    event = one(seed_events, kind, *words)
    assert event.date is None
    assert (event.not_before, event.not_after) == (OCT_4, OCT_21)


@pytest.mark.parametrize(
    "words", [("Boronov",), ("Dzhumabekov",), ("Isaev", "speaker"), ("Japarov", "prime minister")]
)
def test_the_recap_floor_is_a_bound_not_a_link(seed_events, words):
    kind = "resignation" if len(words) == 1 else "appointment"
    assert one(seed_events, kind, *words).after == []


def test_coordinated_resignations_are_two_events_with_roles(seed_events):
    titles = {e.title for e in seed_events if e.type == "resignation"}
    assert "Boronov resigns as prime minister" in titles
    assert "Dzhumabekov resigns as parliament speaker" in titles


def test_no_date_outside_october_and_november_2020(seed_events):
    for event in seed_events:
        low, high = bounds(event)
        for value in (low, high):
            assert value is None or dt.date(2020, 10, 1) <= value <= dt.date(2020, 11, 30), event


def test_generic_mentions_are_not_events(seed_events):
    titles = " ".join(e.title.lower() for e in seed_events)
    assert "wave" not in titles and "coronavirus" not in titles and "language" not in titles


def test_bounds_agree_with_the_ordering_graph(corpus, tmp_path):
    from timeline import graph
    from timeline.extract import run_extract
    from timeline.validate import load_timeline

    events = tmp_path / "events.yaml"
    run_extract([str(corpus("corpora", "seed", "kyrgyzstan-2020-10-21.txt"))], events)
    timeline, _ = load_timeline(events)
    for placed in graph.order_timeline(timeline).placed:
        assert placed.latest is None or placed.latest <= dt.date(2020, 11, 6)
        if placed.event.type != "deadline":
            assert placed.latest is not None and placed.latest <= OCT_21
