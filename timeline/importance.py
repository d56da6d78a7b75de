"""How important each event is, derived from what events.yaml holds.

Every event gets a score in [0, 1]: a logistic regression over signals the file
carries (``timeline extract`` writes them; a hand-written file has fewer):

* ``sources``: distinct articles that report the event;
* ``lead``: of those, the ones that report it in their lead paragraph
  (``paragraph: 0`` on the source reference);
* ``mentioned_by``, ``mentioned_later``: in how many of the file's articles its
  day is mentioned (each source's ``mentions:``), and in how many published after
  that day (looking back at it);
* ``published``: how many articles were published on its day;
* ``day_reports``: how many articles report any event on its day;
* ``type:<name>``: its type.

An event with only a window (no day) has no day to count: only its sources, lead
and type speak for it.

Counts are taken as ``log(1 + n) / log(1 + largest n in the file)``, so the
score does not depend on how many articles a file holds. The weights are data
(``timeline/importance.json``), learned by ``bench/learn_importance.py`` on the
Timeline17 dev topics: the label of an event is whether a journalist's timeline
of the topic has its day. A person's pin wins: ``key: true`` scores 1.0 and
``key: false`` 0.0.

Days rank by their most important event. A day the articles mention often but
on which no event was extracted is ranked too (``rank_days``), scored as an
event with no report, so an editor sees the gap.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from timeline.learn import Model
from timeline.model import Event, Timeline

WEIGHTS_FILE = Path(__file__).with_name("importance.json")
COUNTS = (
    "sources",
    "lead",
    "mentioned_by",
    "mentioned_later",
    "published",
    "day_reports",
)
Row = dict[str, float]


@dataclass(frozen=True)
class Scorer:
    """A learned model and the score from which an event counts as key."""

    model: Model
    threshold: float = 0.5
    about: dict[str, object] = field(default_factory=dict)

    def score(self, row: Row) -> float:
        return round(self.model.probability(row), 6)


@lru_cache(maxsize=1)
def default_scorer() -> Scorer:
    return load_scorer(WEIGHTS_FILE)


def load_scorer(path: Path) -> Scorer:
    raw = json.loads(path.read_text("utf-8"))
    model = Model(float(raw["bias"]), {str(k): float(v) for k, v in raw["weights"].items()})
    about = {k: v for k, v in raw.items() if k not in ("bias", "weights", "threshold")}
    return Scorer(model, float(raw.get("threshold", 0.5)), about)


def exact_day(event: Event) -> date | None:
    """The event's day when its own fields give exactly one day."""
    low, high = event.own_earliest, event.own_latest
    return low if low is not None and low == high else None


@dataclass
class Signals:
    """The feature rows of a timeline: one per event, one per mentioned day without events."""

    events: dict[str, Row]
    days: dict[date, Row]  # days mentioned in the articles on which no event is dated
    event_day: dict[str, date]
    mentions: dict[date, int]
    mentioned_by: dict[date, int]


def signals(timeline: Timeline) -> Signals:
    """Every event's features (and those of mentioned days without an event)."""
    mentions: dict[date, int] = {}
    mentioned_by: dict[date, int] = {}
    later: dict[date, int] = {}
    published: dict[date, int] = {}
    for source in timeline.sources.values():
        day_published = source.published.earliest if source.published is not None else None
        if day_published is not None and source.published.is_day:  # type: ignore[union-attr]
            published[day_published] = published.get(day_published, 0) + 1
        for day, count in source.mentions:
            mentions[day] = mentions.get(day, 0) + count
            mentioned_by[day] = mentioned_by.get(day, 0) + 1
            if day_published is not None and day_published > day:
                later[day] = later.get(day, 0) + 1
    event_day: dict[str, date] = {}
    reports: dict[date, set[str]] = {}
    for event in timeline.events:
        day = exact_day(event)
        if day is not None:
            event_day[event.id] = day
            reports.setdefault(day, set()).update(ref.source for ref in event.sources)
    day_reports = {day: len(sources) for day, sources in reports.items()}
    raw_events = {event.id: _event_counts(event) for event in timeline.events}
    scale = _scales(raw_events.values(), mentioned_by, later, published, day_reports)

    def day_row(day: date | None) -> Row:
        if day is None:
            return {}
        return {
            "mentioned_by": scale["mentioned_by"](mentioned_by.get(day, 0)),
            "mentioned_later": scale["mentioned_later"](later.get(day, 0)),
            "published": scale["published"](published.get(day, 0)),
            "day_reports": scale["day_reports"](day_reports.get(day, 0)),
        }

    rows: dict[str, Row] = {}
    for event in timeline.events:
        counts = raw_events[event.id]
        row = {
            "sources": scale["sources"](counts[0]),
            "lead": scale["lead"](counts[1]),
            f"type:{event.type}": 1.0,
        }
        row.update(day_row(event_day.get(event.id)))
        rows[event.id] = row
    days = {day: {**day_row(day), "no_event": 1.0} for day in mentions if day not in day_reports}
    return Signals(rows, days, event_day, mentions, mentioned_by)


def _event_counts(event: Event) -> tuple[int, int]:
    sources = {ref.source for ref in event.sources}
    lead = {ref.source for ref in event.sources if ref.paragraph == 0}
    return len(sources), len(lead)


def _scales(events: Iterable[tuple[int, int]], *days: dict[date, int]) -> dict[str, _Scale]:
    counts = list(events)
    largest = {
        "sources": max((c[0] for c in counts), default=0),
        "lead": max((c[1] for c in counts), default=0),
    }
    for name, table in zip(COUNTS[2:], days, strict=True):
        largest[name] = max(table.values(), default=0)
    return {name: _Scale(largest[name]) for name in COUNTS}


class _Scale:
    """log(1 + n) / log(1 + largest n): 0 for none, 1 for the most in the file."""

    def __init__(self, largest: int):
        self.denominator = math.log1p(largest) if largest > 0 else 1.0

    def __call__(self, count: int) -> float:
        return round(math.log1p(count) / self.denominator, 6) if count > 0 else 0.0


def importance(timeline: Timeline, scorer: Scorer | None = None) -> dict[str, float]:
    """Every event's importance in [0, 1], by event id; pins give 1.0 and 0.0."""
    scorer = scorer or default_scorer()
    rows = signals(timeline).events
    scores: dict[str, float] = {}
    for event in timeline.events:
        if event.key is not None:
            scores[event.id] = 1.0 if event.key else 0.0
        else:
            scores[event.id] = scorer.score(rows[event.id])
    return scores


def _ranked(timeline: Timeline, scores: dict[str, float]) -> list[Event]:
    def key(event: Event) -> tuple[float, int, str]:
        day = exact_day(event) or event.own_earliest
        return (-scores[event.id], day.toordinal() if day else 0, event.id)

    return sorted((e for e in timeline.events if e.key is not False), key=key)


def key_events(
    timeline: Timeline, top: int | None = None, scorer: Scorer | None = None
) -> list[Event]:
    """The key events, most important first (pinned ones lead; ``key: false`` never shows).

    Without ``top``: the events pinned ``key: true`` and those scoring at least the
    learned threshold. With ``top``: the ``top`` most important events, whatever
    their score.
    """
    scorer = scorer or default_scorer()
    scores = importance(timeline, scorer)
    ranked = _ranked(timeline, scores)
    if top is not None:
        return ranked[:top]
    return [e for e in ranked if e.key is True or scores[e.id] >= scorer.threshold]


@dataclass(frozen=True)
class Day:
    """A day of the timeline, scored by its most important event."""

    day: date
    score: float
    events: tuple[Event, ...]  # the day's events, most important first
    scores: tuple[float, ...]  # their importance
    mentions: int  # how often the articles mention the day
    mentioned_by: int  # in how many articles


def rank_days(timeline: Timeline, scorer: Scorer | None = None) -> list[Day]:
    """Days by importance: each day's best event, and mentioned days without an event."""
    scorer = scorer or default_scorer()
    found = signals(timeline)
    scores = importance(timeline, scorer)
    by_day: dict[date, list[Event]] = {}
    for event in _ranked(timeline, scores):
        day = found.event_day.get(event.id)
        if day is not None:
            by_day.setdefault(day, []).append(event)
    days = [
        Day(
            day,
            scores[events[0].id],
            tuple(events),
            tuple(scores[e.id] for e in events),
            found.mentions.get(day, 0),
            found.mentioned_by.get(day, 0),
        )
        for day, events in by_day.items()
    ]
    days += [
        Day(day, scorer.score(row), (), (), found.mentions[day], found.mentioned_by[day])
        for day, row in found.days.items()
    ]
    days.sort(key=lambda d: (-d.score, -d.mentions, d.day))
    return days
