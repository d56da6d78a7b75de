"""``timeline list``: the events as a table for the terminal, in graph order.

Each row shows the event's inferred window in words ('between 4 and 21 October
2020'), so an undated event placed by its ``after`` relations shows where it
falls. Columns shrink to the width given, the title first.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.dates import EdtfDate
from timeline.exceptions import InputError, Problem
from timeline.graph import Placed, order_timeline
from timeline.terminal import printable
from timeline.validate import load_timeline
from timeline.vocabulary import TYPE_NAMES

log = logging.getLogger(__name__)

ELLIPSIS = "…"
GAP = "  "


@dataclass(frozen=True)
class Filters:
    """Which events to keep; all given filters must hold.

    ``start``/``end``: the event's inferred window overlaps them (an open bound
    counts as overlapping). ``actor``: part of an actor's name, any case.
    """

    start: EdtfDate | None = None
    end: EdtfDate | None = None
    event_type: str | None = None
    actor: str | None = None

    def keep(self, placed: Placed) -> bool:
        event = placed.event
        if self.event_type is not None and event.type != self.event_type:
            return False
        if self.actor is not None:
            wanted = self.actor.casefold()
            if not any(wanted in name.casefold() for name in event.actors):
                return False
        latest, earliest = placed.latest, placed.earliest
        if self.start is not None and latest is not None and latest < self.start.earliest:
            return False
        return not (self.end is not None and earliest is not None and earliest > self.end.latest)


@dataclass(frozen=True)
class Listing:
    rows: list[Placed]
    total: int
    warnings: list[Problem]
    scores: dict[str, float] | None = None  # importance, when key events were asked for

    def summary(self) -> str:
        noun = "event" if self.total == 1 else "events"
        if len(self.rows) == self.total:
            return f"{self.total} {noun}"
        return f"{len(self.rows)} of {self.total} {noun}"


def parse_bound(text: str, option: str) -> EdtfDate:
    """A --from/--to value: EDTF (2020-10, 2020-10-05) or words ('October 2020')."""
    from timeline.add import parse_date

    try:
        return parse_date(text)
    except InputError as err:
        raise InputError(f"{option}: {err}") from None


def list_events(
    events_path: str | os.PathLike[str],
    filters: Filters,
    *,
    key: bool = False,
    top: int | None = None,
) -> Listing:
    """Load, validate and order the timeline; keep the events ``filters`` allows.

    With ``key`` (or ``top``), only the key events (:func:`timeline.importance.key_events`;
    with ``top``, the ``top`` most important), still in timeline order, with their scores.
    """
    if top is not None and top < 1:
        raise InputError(f"--top must be 1 or more, not {top}")
    if filters.event_type is not None and filters.event_type not in TYPE_NAMES:
        raise InputError(f"unknown type '{filters.event_type}'; types: {', '.join(TYPE_NAMES)}")
    if filters.start and filters.end and filters.start.earliest > filters.end.latest:
        raise InputError(
            f"--from {filters.start.text} is after --to {filters.end.text}; nothing can match"
        )
    timeline, warnings = load_timeline(events_path)
    ordered = order_timeline(timeline)
    rows = [placed for placed in ordered.placed if filters.keep(placed)]
    scores = None
    if key or top is not None:
        from timeline.importance import importance, key_events

        scores = importance(timeline)
        wanted = {e.id for e in key_events(timeline, top)}
        rows = [placed for placed in rows if placed.event.id in wanted]
    log.debug("listing %s of %s events", len(rows), len(ordered.placed))
    return Listing(rows, len(ordered.placed), warnings, scores)


# -- the table ---------------------------------------------------------------------------


@dataclass
class _Column:
    header: str
    cells: list[str]
    minimum: int
    right: bool = False

    @property
    def natural(self) -> int:
        return max([len(self.header), *(len(c) for c in self.cells)])


def render_table(
    rows: Sequence[Placed], width: int | None = None, scores: dict[str, float] | None = None
) -> str:
    """The rows as aligned text; with ``width``, shrink columns (title first) to fit it.
    With ``scores``, an importance column comes last."""
    columns = [
        _Column("#", [str(p.order + 1) for p in rows], 1, right=True),
        _Column("When", [p.human_date() for p in rows], 12),
        _Column("Type", [p.event.type for p in rows], 5),
        _Column("Id", [p.event.id for p in rows], 10),
        # control characters shown, not sent: a title must not drive the terminal
        _Column("Title", [printable(p.event.title) for p in rows], 10),
    ]
    if scores is not None:
        cells = [f"{scores[p.event.id]:.2f}" for p in rows]
        columns.append(_Column("Importance", cells, 4, right=True))
    widths = _fit([c.natural for c in columns], [c.minimum for c in columns], width)
    lines = [_line([c.header for c in columns], widths, columns)]
    lines += [_line([c.cells[i] for c in columns], widths, columns) for i in range(len(rows))]
    return "\n".join(lines) + "\n"


def _fit(natural: list[int], minimum: list[int], width: int | None) -> list[int]:
    widths = list(natural)
    if width is None:
        return widths
    excess = sum(widths) + len(GAP) * (len(widths) - 1) - width
    for index in (4, 1, 2, 3):  # title, when, type, id (ids are for copying: cut them last)
        if excess <= 0:
            break
        cut = min(excess, widths[index] - min(minimum[index], natural[index]))
        widths[index] -= cut
        excess -= cut
    return widths


def _line(cells: list[str], widths: list[int], columns: list[_Column]) -> str:
    parts = []
    for cell, width, column in zip(cells, widths, columns, strict=True):
        text = cell if len(cell) <= width else cell[: max(width - 1, 0)] + ELLIPSIS
        parts.append(text.rjust(width) if column.right else text.ljust(width))
    return GAP.join(parts).rstrip()
