"""``timeline digest``: the top days of a timeline with their key events, for editors.

Days are ranked as :func:`timeline.importance.rank_days` ranks them (by their
most important event). Each day lists its best event and any other key event of
that day, at most :data:`PER_DAY`; a day the articles mention often but with no
event extracted is listed as a gap to fill. Markdown is one table row per line
(day, title, sources); JSON carries the scores too.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

from timeline.exceptions import InputError, Problem
from timeline.importance import Day, default_scorer, rank_days
from timeline.model import Event, Timeline
from timeline.validate import load_timeline

PER_DAY = 3
FORMATS = ("md", "json")


@dataclass(frozen=True)
class Digest:
    timeline: Timeline
    days: list[Day]
    threshold: float
    warnings: list[Problem]


def make_digest(events_path: str | os.PathLike[str], top: int = 10) -> Digest:
    """Load and validate ``events_path``; its ``top`` days by importance."""
    if top < 1:
        raise InputError(f"--top must be 1 or more, not {top}")
    timeline, warnings = load_timeline(events_path)
    scorer = default_scorer()
    return Digest(timeline, rank_days(timeline, scorer)[:top], scorer.threshold, warnings)


def day_events(day: Day, threshold: float) -> list[tuple[Event, float]]:
    """The day's best event and its other key events, with their scores."""
    chosen: list[tuple[Event, float]] = []
    for rank, (event, score) in enumerate(zip(day.events, day.scores, strict=True)):
        if rank == 0 or event.key is True or score >= threshold:
            chosen.append((event, score))
        if len(chosen) == PER_DAY:
            break
    return chosen


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render_markdown(digest: Digest) -> str:
    noun = "day" if len(digest.days) == 1 else "days"
    lines = [
        f"# {_cell(digest.timeline.title)}: the {len(digest.days)} key {noun}",
        "",
        "| day | event | sources |",
        "|---|---|---:|",
    ]
    for day in digest.days:
        if not day.events:
            lines.append(
                f"| {day.day.isoformat()} | *no event extracted; mentioned {day.mentions} "
                f"times in {day.mentioned_by} articles* | |"
            )
            continue
        for event, _ in day_events(day, digest.threshold):
            count = len({ref.source for ref in event.sources})
            lines.append(f"| {day.day.isoformat()} | {_cell(event.title)} | {count} |")
    return "\n".join(lines) + "\n"


def render_json(digest: Digest) -> str:
    days = []
    for day in digest.days:
        events = []
        for event, score in day_events(day, digest.threshold):
            events.append(
                {
                    "id": event.id,
                    "title": event.title,
                    "type": event.type,
                    "sources": len({r.source for r in event.sources}),
                    "importance": score,
                }
            )
        days.append(
            {
                "day": day.day.isoformat(),
                "score": day.score,
                "mentions": day.mentions,
                "mentioned_by": day.mentioned_by,
                "events": events,
            }
        )
    data = {"title": digest.timeline.title, "days": days}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render(digest: Digest, fmt: str) -> str:
    if fmt not in FORMATS:
        raise InputError(f"unknown digest format '{fmt}' (choose from {', '.join(FORMATS)})")
    return render_markdown(digest) if fmt == "md" else render_json(digest)
