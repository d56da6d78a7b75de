"""Pack the chart's marks and labels into lanes so that no two labels overlap.

The same algorithm runs in ``assets/timeline.js`` whenever the reader zooms or pans;
this module runs it once at build time for the first view, so a wide enough screen
draws the labelled chart without computing anything. In both, an event's *item* is
its mark, its label (beside the mark, or after a span's bar) and the window of an
uncertain date (drawn faintly under the label). Items in one lane never overlap:

1. events in view go, with their labels, each into the first lane where it fits: in
   list order when that labels them all (lanes then read as a cascade from the first
   event to the last), else most important first;
2. the rest go, as marks without labels, into the first lane where the mark fits,
   else into the overflow lane below the others (a strip of marks: zoom in to read
   them).

A label is the event's title on at most two lines (cut with an ellipsis beyond).
Label widths are estimated here from the advance widths of DejaVu Sans, one of the
widest common sans-serif faces (so the estimate is generous for the system fonts
browsers use); the browser measures the real text, and wraps it within the width
reserved here, which any narrower font fits on as few lines.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

# Geometry shared with timeline.js (it receives these numbers in the chart data).
LANE_PX = 34  # height of one lane: two lines of label
MARK_R = 6  # half a mark's width
GAP = 5  # between a mark (or a span's bar) and its label
PAD = 10  # between two items in a lane
MARK_GAP = 2  # between two bare marks
HALO = (PAD - MARK_GAP) / 2  # kept free around a labelled item: labels end PAD apart
MIN_LABEL = 48  # a label narrower than this is not worth drawing
LINE_PX = 200  # a label's lines are at most this wide; titles are wrapped on two lines
LINES = 2  # ... and cut with an ellipsis when they need more
MAX_LANES = 14
LABEL_TRIES = 2000  # labels that found no room before the packer stops trying (dense views)
FONT_PX = 12
ASSUMED_PLOT_WIDTH = 900  # the build-time layout holds for plots at least this wide

# Advance widths of DejaVu Sans (thousandths of an em) for ' ' to '~'.
_ASCII = (
    318, 401, 460, 838, 637, 951, 780, 275, 391, 391, 500, 838, 318, 361, 318, 337,
    637, 637, 637, 637, 637, 637, 637, 637, 637, 637, 337, 337, 838, 838, 838, 531,
    1000, 685, 687, 699, 771, 632, 576, 775, 752, 295, 295, 656, 558, 863, 749, 788,
    604, 788, 695, 635, 611, 732, 685, 989, 686, 611, 686, 391, 337, 391, 838, 500,
    500, 613, 635, 550, 635, 616, 353, 635, 634, 278, 278, 580, 278, 975, 634, 612,
    635, 635, 412, 521, 393, 634, 592, 818, 592, 592, 525, 637, 337, 637, 838,
)  # fmt: skip
_ASCII_BY_BYTE = (0,) * 32 + _ASCII + (0,)
_OTHER = 700  # accented Latin, Cyrillic, Greek ...
_WIDE = 1000  # CJK and other full-width characters
_ELLIPSIS = 1000


def text_width(text: str, font_px: float = FONT_PX) -> float:
    """The estimated width of ``text`` in pixels at ``font_px``."""
    if text.isascii() and text.isprintable():
        return sum(map(_ASCII_BY_BYTE.__getitem__, text.encode("ascii"))) * font_px / 1000
    total = 0
    for char in text:
        code = ord(char)
        if 32 <= code < 127:
            total += _ASCII[code - 32]
        elif code >= 0x2E80:
            total += _WIDE
        else:
            total += _OTHER
    return total * font_px / 1000


def wrap(
    text: str, limit: float, measure: Callable[[str], float] = text_width
) -> tuple[list[str], float]:
    """``text`` on at most :data:`LINES` lines of at most ``limit`` pixels, broken between
    words and balanced (two lines of about equal length); what does not fit is cut with
    an ellipsis. Returns the lines and the widest line's width."""
    words = text.split()
    space = measure(" ")
    sizes = [measure(word) for word in words]
    breaks = _greedy(sizes, space, limit)
    if len(breaks) > 1 and breaks[-1][1] == len(words):  # two lines, nothing cut: balance
        low, high = max(sizes), limit
        while high - low > 2:  # to 2 px: balanced enough to read, and few trials
            middle = (low + high) / 2
            trial = _greedy(sizes, space, middle)
            if trial[-1][1] == len(words):
                high, breaks = middle, trial
            else:
                low = middle
    texts = [" ".join(words[a:b]) for a, b in breaks]
    widths = [sum(sizes[a:b]) + space * (b - a - 1) for a, b in breaks]
    if breaks and (breaks[-1][1] < len(words) or widths[-1] > limit):
        texts[-1], widths[-1] = cut(" ".join(words[breaks[-1][0] :]), limit, measure)
    if len(texts) > 1 and widths[0] > limit:  # one word longer than a line
        texts[0], widths[0] = cut(texts[0], limit, measure)
    return texts, max(widths, default=0.0)


def _greedy(sizes: list[float], space: float, limit: float) -> list[tuple[int, int]]:
    """Word ranges [a, b) of at most LINES lines filled greedily to ``limit``."""
    lines: list[tuple[int, int]] = []
    i, n = 0, len(sizes)
    while i < n and len(lines) < LINES:
        start, width = i, sizes[i]
        i += 1
        while i < n and width + space + sizes[i] <= limit:
            width += space + sizes[i]
            i += 1
        lines.append((start, i))
    return lines


def cut(text: str, limit: float, measure: Callable[[str], float] = text_width) -> tuple[str, float]:
    """The longest start of ``text`` that fits ``limit`` with an ellipsis, at a word
    boundary when that keeps most of it."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(text[:middle] + "…") <= limit:
            low = middle
        else:
            high = middle - 1
    kept = text[:low]
    space = kept.rfind(" ")
    if space > low * 0.6:
        kept = kept[:space]
    kept = kept.rstrip(" ,;:.-–—(") + "…"
    return kept, measure(kept)


def label_width(text: str, limit: float = LINE_PX) -> float:
    """The width a label takes: its widest line, wrapped at ``limit`` pixels."""
    return round(wrap(text, limit)[1] + 1, 1)


class Item(NamedTuple):
    """One event as the packer sees it, in pixels from the plot's left edge."""

    mark: float  # the mark's centre
    left: float  # where the drawing starts (a window or bar may start before the mark)
    right: float  # where it ends, without the label
    label_from: float  # where a label on the right would start
    label: float  # the label's width (0: no title; below 0: measure ``title`` when needed)
    rank: int  # 0 = labelled first
    title: str = ""


@dataclass
class Layout:
    """Where each item went: ``lane`` (None: out of view), ``side`` (1 label right,
    -1 left, 0 none) and ``width`` (the label's width, cut to what fits)."""

    lane: list[int | None]
    side: list[int]
    width: list[float]
    lanes: int = 0  # lanes in use, the overflow lane included
    overflow: bool = False


@dataclass
class _Lane:
    """The stretches one lane holds: sorted and never overlapping, so each check is
    one binary search."""

    starts: list[float] = field(default_factory=list)
    ends: list[float] = field(default_factory=list)

    def blocked(self, left: float, right: float, pad: float) -> float | None:
        """None if [left, right] fits (``pad`` away from its neighbours), else where the
        stretch in the way ends, plus ``pad``."""
        index = bisect.bisect_left(self.starts, right + pad)
        if index == 0 or self.ends[index - 1] + pad <= left:
            return None
        return self.ends[index - 1] + pad

    def add(self, left: float, right: float) -> None:
        index = bisect.bisect_left(self.starts, left)
        self.starts.insert(index, left)
        self.ends.insert(index, right)


def label_extent(item: Item, width: float, side: int) -> tuple[float, float]:
    if side > 0:
        return item.left, max(item.right, item.label_from + GAP + width)
    return min(item.left, item.mark - MARK_R - GAP - width), item.right


def choose_side(item: Item, plot_width: float) -> tuple[int, float]:
    """Right of the mark if the label fits there, else left, else the wider side, cut."""
    label = label_width(item.title) if item.label < 0 else item.label
    if label <= 0:
        return 0, 0.0
    room_right = plot_width - item.label_from - GAP
    room_left = item.mark - MARK_R - GAP
    if label <= room_right:
        return 1, label
    if label <= room_left:
        return -1, label
    side, room = (1, room_right) if room_right >= room_left else (-1, room_left)
    if room < MIN_LABEL:
        return 0, 0.0
    return side, round(wrap(item.title, float(int(room) - 1))[1] + 1, 1) if item.title else room


def pack(items: Sequence[Item | None], plot_width: float, max_lanes: int = MAX_LANES) -> Layout:
    """Lanes for ``items`` (None: not placeable); see the module docstring."""
    n = len(items)
    visible = [i for i, it in enumerate(items) if it is not None and 0 <= it.mark <= plot_width]
    # When every event can have its label, lanes filled in list order read best: a
    # cascade from the first event to the last. Otherwise the most important go first.
    layout, lanes = _labels(items, visible, plot_width, max_lanes, n, everyone=True)
    if layout is None:
        ranked = sorted(visible, key=lambda i: (items[i].rank, i))  # type: ignore[union-attr]
        layout, lanes = _labels(items, ranked, plot_width, max_lanes, n, everyone=False)
    assert layout is not None
    used = max((lane + 1 for lane in layout.lane if lane is not None), default=0)
    full_until = float("-inf")  # every lane is blocked up to here (marks come in x order)
    for i in visible:
        if layout.lane[i] is not None:
            continue
        item = items[i]
        assert item is not None
        left, right = max(item.left, 0.0), min(item.right, plot_width)
        if left < full_until:
            layout.lane[i] = max_lanes
            layout.overflow = True
            continue
        until = float("inf")
        for number, lane in enumerate(lanes):
            end = lane.blocked(left, right, MARK_GAP)
            if end is None:
                lane.add(left, right)
                layout.lane[i] = number
                used = max(used, number + 1)
                break
            until = min(until, end)
        else:
            layout.lane[i] = max_lanes
            layout.overflow = True
            full_until = until
    layout.lanes = max_lanes + 1 if layout.overflow else max(used, 1)
    return layout


def _labels(
    items: Sequence[Item | None],
    order: list[int],
    plot_width: float,
    max_lanes: int,
    n: int,
    everyone: bool,
) -> tuple[Layout | None, list[_Lane]]:
    """Place labelled items in ``order``, each in the first lane it fits. With
    ``everyone``, give up (None) as soon as one label finds no room."""
    layout = Layout([None] * n, [0] * n, [0.0] * n)
    lanes = [_Lane() for _ in range(max_lanes)]
    misses = 0
    for i in order:
        item = items[i]
        assert item is not None
        side, width = choose_side(item, plot_width)
        if side:
            left, right = label_extent(item, width, side)
            left, right = left - HALO, right + HALO  # so that marks keep clear of labels too
            for number, lane in enumerate(lanes):
                if lane.blocked(left, right, MARK_GAP) is None:
                    lane.add(left, right)
                    layout.lane[i], layout.side[i], layout.width[i] = number, side, width
                    break
        if layout.lane[i] is None:
            if everyone:
                return None, lanes
            misses += 1
            if misses >= LABEL_TRIES:  # the lanes are full: the rest stay bare marks
                break
    return layout, lanes
