"""Where each event sits on the chart's time axis, and the chart's first view.

Positions are day numbers (days since 1970-01-01, JavaScript's epoch) as floats:
day ``d`` covers ``[d, d + 1)``. Every event that can be placed gets a position
inside the days it may fall on:

- a known day (or the first day of a span, or the one bound of an open event)
  is drawn inside that day; several events on one day share it out in list order
  (an open event moves off its bound only when the order demands it);
- an event whose date is a window (``between 4 and 21 October``) is drawn inside
  its window, at a position chosen so that the events keep the order the list
  (and the ``after`` graph behind it) gives them. The chart marks such an event as
  uncertain and shows its window, so no day is claimed without that mark.

The display order guarantees this is always possible: an event listed before
another never has an earliest day after the other's latest day (see
:func:`timeline.graph._display_key`). Positions are therefore non-decreasing in
list order, and strictly increasing wherever the windows leave room.

:func:`first_view` picks the span the chart opens on: all events, unless a few
outliers (at most a fifth of them) squash the rest into a small part of the axis.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

EPSILON = 1e-3  # days between two events that would otherwise share a position
OUTLIER_SHARE = 0.2  # the first view may leave out at most this share of the events
ZOOM_GAIN = 4.0  # ... and only when that makes the view at least this many times shorter
MIN_VIEW_DAYS = 3.0


@dataclass(frozen=True)
class Bounds:
    """An event's placement input: its kind and earliest/latest day numbers (inclusive)."""

    kind: str  # 'exact', 'span', 'window', 'open' or 'unknown' (see views._kind)
    earliest: int | None
    latest: int | None


@dataclass(frozen=True)
class View:
    """The first view: ``start``/``end`` day numbers and the events left out of it."""

    start: float
    end: float
    before: int  # events placed before ``start``
    after: int  # events placed after ``end``


def interval(
    bounds: Bounds, first: float = float("-inf"), last: float = float("inf")
) -> tuple[float, float] | None:
    """The days an event's mark may sit in, as ``[low, high]``, or None when unplaceable.
    An open side (no earliest, or no latest day) reaches ``first`` or ``last``."""
    early, late = bounds.earliest, bounds.latest
    if early is None and late is None:
        return None
    if bounds.kind == "span" and early is not None:
        return float(early), float(early) + 1  # drawn as a bar; its mark is its first day
    low = float(early) if early is not None else min(first, float(late))  # type: ignore[arg-type]
    high = float(late) + 1 if late is not None else max(last, float(early) + 1)  # type: ignore[arg-type]
    return low, high


def anchor(bounds: Bounds) -> float | None:
    """The day an event is drawn on when the order allows: its day, a span's first day,
    an open event's one bound; None for an event whose date is a window of days."""
    early, late = bounds.earliest, bounds.latest
    if early is None or late is None or bounds.kind == "span" or early == late:
        day = early if early is not None else late
        return None if day is None else float(day)
    return None


def positions(events: Sequence[Bounds]) -> list[float | None]:
    """Each event's position (a day number), in the order given (the display order)."""
    days = [d for b in events for d in (b.earliest, b.latest) if d is not None]
    first, last = (min(days), max(days) + 1) if days else (0, 1)
    slots = [(index, interval(b, first, last), anchor(b)) for index, b in enumerate(events)]
    placed = [(index, iv, at) for index, iv, at in slots if iv is not None]
    result: list[float | None] = [None] * len(events)
    if not placed:
        return result
    lows = [iv[0] for _, iv, _ in placed]
    highs = [iv[1] for _, iv, _ in placed]
    anchors = [at for _, _, at in placed]
    floor = _running_max(lows)
    ceiling = _running_min_from_right(highs)
    targets = _targets(anchors, floor, ceiling)
    xs = _isotonic(targets)
    for i, x in enumerate(xs):
        low, high = floor[i], ceiling[i]
        if low > high:  # cannot happen with the display order; keep the event in its own days
            low, high = lows[i], highs[i]
        xs[i] = min(max(x, low + EPSILON), high - EPSILON) if high - low > 2 * EPSILON else low
    _separate(xs, ceiling)
    for (index, _, _), x in zip(placed, xs, strict=True):
        result[index] = round(x, 3)
    return result


def _running_max(values: list[float]) -> list[float]:
    out, best = [], float("-inf")
    for value in values:
        best = max(best, value)
        out.append(best)
    return out


def _running_min_from_right(values: list[float]) -> list[float]:
    out, best = [0.0] * len(values), float("inf")
    for i in range(len(values) - 1, -1, -1):
        best = min(best, values[i])
        out[i] = best
    return out


def _targets(anchors: list[float | None], floor: list[float], ceiling: list[float]) -> list[float]:
    """Where each event would like to be: anchored events (a known day) share their day
    out in order; events in wider windows are spread evenly between the anchors."""
    n = len(anchors)
    targets = [0.0] * n
    i = 0
    while i < n:  # runs of anchored events on the same day share it
        day = anchors[i]
        if day is None:
            i += 1
            continue
        j = i
        while j + 1 < n and anchors[j + 1] == day:
            j += 1
        count = j - i + 1
        for k in range(count):
            targets[i + k] = day + (k + 1) / (count + 1)
        i = j + 1
    i = 0
    while i < n:  # runs of windowed events between two anchors
        if anchors[i] is not None:
            i += 1
            continue
        j = i
        while j + 1 < n and anchors[j + 1] is None:
            j += 1
        left = max(targets[i - 1], floor[i]) if i > 0 else floor[i]
        right = min(targets[j + 1], ceiling[j]) if j + 1 < n else ceiling[j]
        if right < left:
            right = left
        count = j - i + 1
        for k in range(count):
            targets[i + k] = left + (right - left) * (k + 1) / (count + 1)
        i = j + 1
    return targets


def _isotonic(values: list[float]) -> list[float]:
    """The closest non-decreasing sequence (least squares; pool adjacent violators)."""
    blocks: list[list[float]] = []  # [sum, count]
    for value in values:
        blocks.append([value, 1.0])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            total, count = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += count
    out: list[float] = []
    for total, count in blocks:
        out.extend([total / count] * int(count))
    return out


def _separate(xs: list[float], ceiling: list[float]) -> None:
    """Make ties strictly increasing by a hair where the windows allow it."""
    for i in range(1, len(xs)):
        if xs[i] <= xs[i - 1] and xs[i - 1] + EPSILON < ceiling[i]:
            xs[i] = xs[i - 1] + EPSILON


def first_view(xs: Sequence[float | None], ends: Sequence[float | None]) -> View | None:
    """The span the chart opens on, padded: every event unless up to a fifth of them, at
    the edges, stretch the axis at least four times longer than the rest need.

    ``xs`` are positions in display order (so non-decreasing); ``ends`` the last day
    (exclusive) each event's drawing reaches (a span's end, a window's end).
    """
    pairs = [(x, e if e is not None else x) for x, e in zip(xs, ends, strict=True) if x is not None]
    if not pairs:
        return None
    points = sorted(x for x, _ in pairs)
    n = len(points)
    whole = points[-1] - points[0]
    best = (0, n - 1)
    most = int(n * OUTLIER_SHARE) if whole > MIN_VIEW_DAYS else 0
    # The shortest span left after dropping k events shrinks as k grows, so the fewest
    # events to drop for a view ZOOM_GAIN times shorter is found by bisection.
    low_k, high_k = 1, most
    while low_k <= high_k:
        k = (low_k + high_k) // 2
        start = _shortest(points, n - k)
        if (points[start + n - k - 1] - points[start]) * ZOOM_GAIN <= whole:
            best = (start, start + n - k - 1)
            high_k = k - 1
        else:
            low_k = k + 1
    low, high = points[best[0]], points[best[1]]
    reach = max((e for x, e in pairs if low <= x <= high), default=high)
    high = max(high, reach)
    span = max(high - low, MIN_VIEW_DAYS)
    middle = (low + high) / 2
    pad = span * 0.04 + 0.5
    start, end = middle - span / 2 - pad, middle + span / 2 + pad
    before = sum(1 for x in points if x < start)
    after = sum(1 for x in points if x > end)
    return View(round(start, 3), round(end, 3), before, after)


def _shortest(points: list[float], keep: int) -> int:
    """Where the shortest run of ``keep`` consecutive sorted points starts (first if tied)."""
    best, where = float("inf"), 0
    for i in range(len(points) - keep + 1):
        length = points[i + keep - 1] - points[i]
        if length < best:
            best, where = length, i
    return where
