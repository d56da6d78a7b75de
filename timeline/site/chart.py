"""The index chart's data, and the small SVG drawings of actor and graph pages.

The chart is drawn in the browser by ``assets/timeline.js`` from compact
columns (one entry per event, in display order). Titles come with the data, as
the chart labels its events before the list below it is parsed; dates in words
and links come from the list, which is also what readers without JavaScript use.

Day numbers count days since 1970-01-01 (JavaScript's epoch).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from markupsafe import Markup, escape

from timeline.site import lanes
from timeline.site.context import EventView, SiteView
from timeline.site.placement import Bounds, View, first_view, positions

EPOCH = date(1970, 1, 1).toordinal()
KINDS = ("exact", "span", "window", "open", "unknown")
WEBGL_THRESHOLD = 1000  # above this many events the chart uses WebGL traces
GRAPH_LIMIT = 1500  # the graph page draws at most this many events
MARKS_LIMIT = 400  # above this, small timelines show how many events fall when
MINI_ROWS = 6  # rows of marks a small timeline stacks before they overlap


def day_number(day: date | None) -> int | None:
    return None if day is None else day.toordinal() - EPOCH


def chart_data(
    site: SiteView,
    events: Sequence[EventView],
    actor_names: list[str],
    importance: Mapping[str, float] | None = None,
) -> dict[str, Any]:
    """Columns for timeline.js: ``t`` type index, ``a``/``b`` earliest/latest day number
    (null when unbounded), ``k`` kind index into ``kinds``, ``c`` actor indexes, ``x``
    the position on the time axis (see :mod:`timeline.site.placement`), ``n`` titles,
    ``r`` label rank (0 is labelled first), ``g`` the lane geometry, ``f`` the first
    view with its lanes (see :mod:`timeline.site.lanes`) and ``m`` the images for the
    cards (event index: [src, alt])."""
    type_index = {t.name: i for i, t in enumerate(site.types)}
    actor_index = {name: i for i, name in enumerate(actor_names)}
    kind_index = {k: i for i, k in enumerate(KINDS)}
    bounds = [Bounds(e.kind, day_number(e.earliest), day_number(e.latest)) for e in events]
    xs = positions(bounds)
    ranks = label_ranks([(importance or {}).get(e.id, 0.0) for e in events])
    view = first_view(xs, [_reach(b, x) for b, x in zip(bounds, xs, strict=True)])
    media = {
        str(i): [e.media.src, e.media.alt] for i, e in enumerate(events) if e.media and e.media.src
    }
    return {
        "types": [{"name": t.name, "colour": t.colour} for t in site.types],
        "actors": actor_names,
        "kinds": list(KINDS),
        "webgl": len(events) > WEBGL_THRESHOLD,
        "t": [type_index[e.type.name] for e in events],
        "a": [b.earliest for b in bounds],
        "b": [b.latest for b in bounds],
        "k": [kind_index[e.kind] for e in events],
        "c": [[actor_index[r.name] for r in e.actors] for e in events],
        "x": xs,
        "n": [e.title for e in events],
        "r": ranks,
        "g": geometry(),
        "f": first_layout(view, bounds, xs, [e.title for e in events], ranks),
        "m": media,
    }


def label_ranks(scores: Sequence[float]) -> list[int]:
    """The order in which events get labels (0 first): most important first; among equals,
    spread out over the list (bit-reversed positions: the middle, the quarters, ...), so a
    dense view labels events across the whole timeline rather than the earliest ones."""
    n = len(scores)
    bits = max(n - 1, 1).bit_length()

    def spread(i: int) -> int:
        return int(format(i, f"0{bits}b")[::-1], 2)

    order = sorted(range(n), key=lambda i: (-scores[i], spread(i), i))
    ranks = [0] * n
    for rank, index in enumerate(order):
        ranks[index] = rank
    return ranks


def geometry() -> dict[str, int]:
    """The packer's numbers, so timeline.js lays out lanes exactly as the build does."""
    return {
        "lane": lanes.LANE_PX,
        "r": lanes.MARK_R,
        "gap": lanes.GAP,
        "pad": lanes.PAD,
        "markGap": lanes.MARK_GAP,
        "minLabel": lanes.MIN_LABEL,
        "line": lanes.LINE_PX,
        "lines": lanes.LINES,
        "maxLanes": lanes.MAX_LANES,
        "tries": lanes.LABEL_TRIES,
        "font": lanes.FONT_PX,
    }


def _reach(bounds: Bounds, x: float | None) -> float | None:
    """The last day (exclusive) an event's drawing reaches: a span's or window's end."""
    if x is None:
        return None
    if bounds.kind in ("span", "window") and bounds.latest is not None:
        return float(bounds.latest + 1)
    return x


def items(
    view: View, bounds: Sequence[Bounds], xs: Sequence[float | None], titles: Sequence[str],
    ranks: Sequence[int], width: float,
) -> list[lanes.Item | None]:  # fmt: skip
    """The packer's items for the chart at ``width`` pixels showing ``view``."""
    scale = width / (view.end - view.start)

    def px(day: float) -> float:
        return (day - view.start) * scale

    out: list[lanes.Item | None] = []
    for b, x, title, rank in zip(bounds, xs, titles, ranks, strict=True):
        if x is None:
            out.append(None)
            continue
        mark = px(x)
        left, right, label_from = mark - lanes.MARK_R, mark + lanes.MARK_R, mark + lanes.MARK_R
        if b.kind in ("span", "window") and b.earliest is not None and b.latest is not None:
            start, end = px(b.earliest), px(b.latest + 1)
            left, right = min(left, max(start, 0.0)), max(right, min(end, width))
            if b.kind == "span":
                label_from = right
        # the label is measured only if the packer tries it (a dense view tries few)
        out.append(lanes.Item(mark, left, right, label_from, -1.0, rank, title))
    return out


def first_layout(
    view: View | None,
    bounds: Sequence[Bounds],
    xs: Sequence[float | None],
    titles: Sequence[str],
    ranks: Sequence[int],
) -> dict[str, Any] | None:
    """The first view and its lanes at :data:`lanes.ASSUMED_PLOT_WIDTH`: ``y`` lane per
    event (null when out of view), ``li`` the labelled events and ``lw`` their label
    widths (negative: the label sits left of the mark)."""
    if view is None:
        return None
    width = lanes.ASSUMED_PLOT_WIDTH
    layout = lanes.pack(items(view, bounds, xs, titles, ranks, width), width)
    labelled = [i for i, side in enumerate(layout.side) if side]
    return {
        "start": view.start,
        "end": view.end,
        "width": width,
        "lanes": layout.lanes,
        "overflow": layout.overflow,
        "y": layout.lane,
        "li": labelled,
        "lw": [layout.side[i] * layout.width[i] for i in labelled],
    }


class _Scale:
    """Days to x pixels between ``left`` and ``right``."""

    def __init__(self, first: date, last: date, left: float, right: float):
        self.first = first.toordinal()
        self.days = max(last.toordinal() - self.first + 1, 1)
        self.left, self.width = left, right - left

    def x(self, day: date, end: bool = False) -> float:
        offset = day.toordinal() - self.first + (1 if end else 0.5)
        return round(self.left + self.width * offset / self.days, 1)

    def ticks(self, most: int = 7) -> list[tuple[float, date]]:
        """Round ticks: every n days for a few months, month starts for a few years,
        else year starts; at most ``most`` of them."""
        first, last = date.fromordinal(self.first), date.fromordinal(self.first + self.days - 1)
        if self.days <= 120:
            step = next(s for s in (1, 2, 7, 14, 28) if self.days / s <= most)
            days = [date.fromordinal(d) for d in range(self.first, last.toordinal() + 1, step)]
        elif self.days <= 3 * 366:
            months = (last.year - first.year) * 12 + last.month - first.month + 1
            step = next(s for s in (1, 2, 3, 6, 12) if months / s <= most)
            index = first.year * 12 + first.month - 1
            index += -index % step  # the first month on the step grid (Jan, Apr, Jul, ...)
            days = []
            while (day := date(index // 12, index % 12 + 1, 1)) <= last:
                if day >= first:
                    days.append(day)
                index += step
        else:
            years = last.year - first.year + 1
            step = next((s for s in (1, 2, 5, 10, 20, 50, 100, 250) if years / s <= most), 500)
            days = [
                date(y, 1, 1) for y in range(first.year + (-first.year % step), last.year + 1, step)
            ]
            days = [d for d in days if d >= first]
        return [(self.x(day), day) for day in days]


def _tick_label(day: date, span_days: int) -> str:
    from timeline.dates import MONTHS

    if span_days <= 120:
        return f"{day.day} {MONTHS[day.month - 1][:3]}"
    if span_days <= 3 * 366:
        return f"{MONTHS[day.month - 1][:3]} {day.year}"
    return str(day.year)


def _axis(scale: _Scale, top: float, bottom: float, out: list[str]) -> None:
    for x, day in scale.ticks():
        out.append(
            f'<line class="tick" x1="{x}" y1="{top}" x2="{x}" y2="{bottom}"/>'
            f'<text class="tick-label" x="{x}" y="{top - 6}">{_tick_label(day, scale.days)}</text>'
        )


def _mark(
    view: EventView, scale: _Scale, y: float, root: str, out: list[str], r: int = 5
) -> float | None:
    """One event: a dot for a known day, a bar for a span, a faded bar for a window."""
    early, late = view.earliest, view.latest
    if early is None and late is None:
        return None
    colour = view.type.colour
    label = escape(f"{view.when}: {view.title}")
    out.append(f'<a href="{root}{view.href}"><title>{label}</title>')
    if early is not None and late is not None and early != late:
        x1, x2 = scale.x(early, end=False) - 0.0, scale.x(late, end=True)
        x1 = round(x1 - scale.width / scale.days / 2, 1)
        faded = view.kind != "span"
        out.append(
            f'<rect class="{"window" if faded else "span"}" x="{x1}" y="{y - 4}" '
            f'width="{max(round(x2 - x1, 1), 2)}" height="8" fill="{colour}"/>'
        )
        cx = round((x1 + x2) / 2, 1)
    else:
        cx = scale.x(early or late)  # type: ignore[arg-type]
    hollow = view.kind in ("window", "open")
    fill = "#fff" if hollow else colour
    out.append(
        f'<circle cx="{cx}" cy="{y}" r="{r}" fill="{fill}" stroke="{colour}" stroke-width="2"/></a>'
    )
    return cx


def _density(events: Sequence[EventView], scale: _Scale, out: list[str]) -> None:
    """Many events: bars of how many fall in each stretch of time, instead of marks."""
    bins = 144
    counts = [0] * bins
    for view in events:
        early, late = view.earliest or view.latest, view.latest or view.earliest
        if early is None or late is None:
            continue
        middle = (early.toordinal() + late.toordinal()) / 2 - scale.first
        counts[min(max(int(middle * bins / scale.days), 0), bins - 1)] += 1
    top = max(counts) or 1
    width = scale.width / bins
    for index, count in enumerate(counts):
        if count:
            height = max(round(22 * count / top, 1), 1)
            x = round(scale.left + index * width, 1)
            out.append(
                f'<rect class="density" x="{x}" y="{round(40 - height, 1)}" '
                f'width="{max(round(width - 0.5, 1), 0.5)}" height="{height}">'
                f"<title>{count:,} events</title></rect>"
            )


def mini_timeline_svg(
    site: SiteView, events: Sequence[EventView], root: str, highlight: EventView | None = None
) -> Markup:
    """A small timeline of some events against the whole timeline's date range;
    ``highlight`` is drawn larger. Marks that would cover one another go on rows
    below the axis (as many as needed, up to :data:`MINI_ROWS`), and the drawing is as
    tall as its rows, so no mark is hidden or cut off."""
    if site.first_day is None or site.last_day is None:
        return Markup("")
    width, axis, row = 720, 40, 18
    scale = _Scale(site.first_day, site.last_day, 12, width - 12)
    marks: list[str] = []
    rows = 1
    if len(events) > MARKS_LIMIT:
        _density(events, scale, marks)
    else:
        ordered = ([highlight] if highlight is not None else []) + [
            v for v in events if v is not highlight
        ]
        taken: list[list[tuple[float, float]]] = []
        for view in ordered:
            reach = _extent(view, scale, 8 if view is highlight else 5)
            if reach is None:
                continue
            number = next(
                (i for i, used in enumerate(taken) if all(reach[0] > b + 2 or reach[1] < a - 2
                                                          for a, b in used)),
                None,
            )  # fmt: skip
            if number is None:
                number = min(len(taken), MINI_ROWS - 1)
                if number == len(taken):
                    taken.append([])
            taken[number].append(reach)
            rows = max(rows, number + 1)
            if view is highlight:
                marks.append('<g class="here">')
                _mark(view, scale, axis, root, marks, r=8)
                marks.append("</g>")
            else:
                _mark(view, scale, axis + row * number, root, marks)
    height = axis + row * (rows - 1) + 16
    out = [
        f'<svg class="mini" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{len(events)} events between {escape(site.date_range)}">',
        f'<line class="axis" x1="12" y1="{axis}" x2="{width - 12}" y2="{axis}"/>',
    ]
    _axis(scale, 22, height - 4, out)
    out.extend(marks)
    out.append("</svg>")
    return Markup("".join(out))


def _extent(view: EventView, scale: _Scale, r: int) -> tuple[float, float] | None:
    """The stretch of the axis an event's mark covers (see :func:`_mark`)."""
    early, late = view.earliest, view.latest
    if early is None and late is None:
        return None
    if early is not None and late is not None and early != late:
        left = scale.x(early) - scale.width / scale.days / 2
        return min(left, (left + scale.x(late, end=True)) / 2 - r), scale.x(late, end=True)
    cx = scale.x(early or late)  # type: ignore[arg-type]
    return cx - r, cx + r


def graph_svg(site: SiteView, events: Sequence[EventView], root: str) -> Markup | None:
    """Every event in display order, one row each, placed in time; arrows for ``after``.

    Titles sit in a left column (linked); the right part is a time axis. Returns
    None above :data:`GRAPH_LIMIT` events, where a drawing stops being readable.
    """
    if len(events) > GRAPH_LIMIT:
        return None
    row, top, label_width, width = 26, 44, 360, 1120
    height = top + row * len(events) + 16
    first = site.first_day or date(1970, 1, 1)
    last = site.last_day or first
    scale = _Scale(first, last, label_width + 20, width - 30)
    out = [
        f'<svg class="graph" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'role="img" aria-labelledby="graph-title">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0 0 L10 5 L0 10 z"/></marker></defs>',
    ]
    _axis(scale, top - 14, height - 8, out)
    centres: dict[str, tuple[float, float]] = {}
    marks: list[str] = []
    for index, view in enumerate(events):
        y = top + row * index + row / 2
        if index % 2 == 0:
            out.append(
                f'<rect class="stripe" x="0" y="{y - row / 2}" width="{width}" height="{row}"/>'
            )
        title = view.title if len(view.title) <= 46 else view.title[:44].rstrip() + "…"
        marks.append(
            f'<a href="{root}{view.href}"><text class="label" x="{label_width}" y="{y + 4}">'
            f"{escape(title)}</text><title>{escape(view.title)}</title></a>"
        )
        cx = _mark(view, scale, y, root, marks)
        if cx is None:
            marks.append(
                f'<text class="undated" x="{label_width + 24}" y="{y + 4}">date unknown</text>'
            )
            cx = label_width + 14
        centres[view.id] = (cx, y)
    for view in events:
        x2, y2 = centres[view.id]
        for before in view.placed.follows:
            x1, y1 = centres[before]
            bend = max(18.0, abs(x2 - x1) / 2)
            points = (x1, y1 + 5, x1, y1 + bend, x2 - bend, y2, x2 - 7, y2)
            a, b, c, d, e, f, g, h = (f"{round(v, 1):g}" for v in points)
            out.append(
                f'<path class="edge" d="M{a} {b} C{c} {d}, {e} {f}, {g} {h}" '
                'marker-end="url(#arrow)"/>'
            )
    out.extend(marks)
    out.append("</svg>")
    return Markup("".join(out))
