"""The index chart's data: order-aware positions, the first view, lanes and labels."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from timeline.dates import parse_edtf
from timeline.exceptions import ValidationError
from timeline.graph import order_timeline
from timeline.model import Event, SourceRef, Timeline
from timeline.site import chart, lanes
from timeline.site.placement import Bounds, anchor, first_view, interval, positions
from timeline.site.views import make_views
from timeline.validate import load_timeline

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "golden" / "fixture" / "events.yaml"
DAY0 = date(2020, 1, 1)


def day(offset: int) -> str:
    return (DAY0 + timedelta(days=offset)).isoformat()


def event(ident: str, **fields: object) -> Event:
    dates = {
        k: parse_edtf(str(v))
        for k, v in fields.items()
        if k in ("date", "end", "not_before", "not_after")
    }
    rest = {k: v for k, v in fields.items() if k not in dates}
    return Event(ident, ident, "other", sources=(SourceRef("s"),), **dates, **rest)  # type: ignore[arg-type]


def placed(events: list[Event]):
    ordered = order_timeline(Timeline("t", events=events))
    views = make_views(ordered)
    bounds = [
        Bounds(v.kind, chart.day_number(v.earliest), chart.day_number(v.latest))
        for v in views.events
    ]
    return views.events, bounds, positions(bounds)


# -- positions -----------------------------------------------------------------------------


def test_windowed_events_keep_the_list_order_inside_their_window() -> None:
    """The seed article's shape: nine events 'between 4 and 21 October' after the vote."""
    events = [event("vote", date="2020-10-04")]
    events += [
        event(f"w{i}", not_before="2020-10-04", not_after="2020-10-21", after=("vote",))
        for i in range(9)
    ]
    events += [event("resigns", date="2020-10-15"), event("talks", date="2020-10-21")]
    views, _, xs = placed(events)
    window = [x for v, x in zip(views, xs, strict=True) if v.kind == "window"]
    assert len(window) == 9
    assert window == sorted(window) and len(set(window)) == 9  # strictly in list order
    low, high = chart.day_number(date(2020, 10, 4)), chart.day_number(date(2020, 10, 21)) + 1
    assert all(low <= x <= high for x in window)
    # spread out, not piled at the middle of the window
    assert window[-1] - window[0] > 7
    # the exact days stay on their days
    exact = {v.id: x for v, x in zip(views, xs, strict=True) if v.kind == "exact"}
    assert int(exact["resigns"]) == chart.day_number(date(2020, 10, 15))
    assert xs == sorted(xs)


def test_events_on_one_day_share_it_out_in_list_order() -> None:
    views, _, xs = placed([event(f"e{i}", date="2020-10-06") for i in range(4)])
    d = chart.day_number(date(2020, 10, 6))
    assert [v.id for v in views] == ["e0", "e1", "e2", "e3"]
    assert all(d < x < d + 1 for x in xs)
    assert xs == sorted(xs) and len(set(xs)) == 4


def test_unplaceable_events_have_no_position() -> None:
    assert positions([Bounds("unknown", None, None), Bounds("exact", 5, 5)]) == [None, 5.5]
    assert interval(Bounds("open", None, 9), 2, 30) == (2.0, 10.0)  # anywhere up to day 9
    assert anchor(Bounds("open", None, 9)) == 9.0  # ... drawn on it when the order allows
    assert interval(Bounds("span", 3, 7)) == (3.0, 4.0)  # a span's mark is its first day


@st.composite
def timelines(draw: st.DrawFn) -> list[Event]:
    count = draw(st.integers(1, 14))
    events = []
    for i in range(count):
        shape = draw(st.sampled_from(["day", "month", "span", "window", "after", "open"]))
        start = draw(st.integers(0, 120))
        earlier = [e.id for e in events]
        after = (
            tuple(draw(st.lists(st.sampled_from(earlier), max_size=2, unique=True)))
            if earlier
            else ()
        )
        if shape == "day":
            events.append(event(f"e{i}", date=day(start), after=after))
        elif shape == "month":
            d = DAY0 + timedelta(days=start)
            events.append(event(f"e{i}", date=f"{d.year:04d}-{d.month:02d}", after=after))
        elif shape == "span":
            length = draw(st.integers(1, 9))
            events.append(event(f"e{i}", date=f"{day(start)}/{day(start + length)}", after=after))
        elif shape == "window":
            length = draw(st.integers(0, 40))
            events.append(
                event(f"e{i}", not_before=day(start), not_after=day(start + length), after=after)
            )
        elif shape == "open":
            events.append(event(f"e{i}", not_before=day(start), after=after))
        else:
            events.append(event(f"e{i}", after=after or ((earlier[-1],) if earlier else ())))
    return events


@given(timelines())
def test_positions_lie_in_their_days_and_follow_the_list(events: list[Event]) -> None:
    try:
        views, bounds, xs = placed(events)
    except ValidationError:
        assume(False)
        return
    placed_xs = [x for x in xs if x is not None]
    assert placed_xs == sorted(placed_xs), "positions must follow the list order"
    days = [d for b in bounds for d in (b.earliest, b.latest) if d is not None]
    for view, b, x in zip(views, bounds, xs, strict=True):
        iv = interval(b, min(days, default=0), max(days, default=0) + 1)
        assert (x is None) == (iv is None)
        if iv is not None:
            assert iv[0] <= x <= iv[1], (view.id, view.kind, iv, x)


# -- the first view -------------------------------------------------------------------------


def test_one_old_event_does_not_squash_the_rest() -> None:
    events = [event("old", date="2022-02-10")]
    events += [event(f"m{i}", date=f"2024-03-{i + 3:02d}") for i in range(6)]
    _, _, xs = placed(events)
    view = first_view(xs, xs)
    assert view is not None
    assert (view.before, view.after) == (1, 0)
    assert view.start > chart.day_number(date(2024, 2, 20))
    assert view.end < chart.day_number(date(2024, 3, 20))


def test_the_shipped_timeline_opens_on_all_its_events() -> None:
    timeline, _ = load_timeline(ROOT / "events.yaml")
    views = make_views(order_timeline(timeline))
    data = chart.chart_data(views.site, views.events, [a.name for a in views.actors])
    first = data["f"]
    placed_xs = [x for x in data["x"] if x is not None]
    assert first["start"] < min(placed_xs) and first["end"] > max(placed_xs)


def test_first_view_of_evenly_spread_events_is_everything() -> None:
    xs = [float(i * 10) for i in range(50)]
    view = first_view(xs, xs)
    assert view is not None and (view.before, view.after) == (0, 0)
    assert first_view([None, None], [None, None]) is None


def test_span_ends_stay_in_the_first_view() -> None:
    view = first_view([100.5, 101.5], [100.5, 140.0])
    assert view is not None and view.end >= 140


# -- labels ----------------------------------------------------------------------------------


def test_text_width_estimate_is_generous_per_character_class() -> None:
    assert lanes.text_width("iiii") < lanes.text_width("MMMM")
    assert lanes.text_width("Жээнбеков") == pytest.approx(9 * 0.7 * lanes.FONT_PX)
    assert lanes.text_width("北京") == 2 * lanes.FONT_PX


def test_wrap_balances_two_lines_and_cuts_what_does_not_fit() -> None:
    lines, width = lanes.wrap("Clashes between opposition forces", 200)
    assert lines == ["Clashes between", "opposition forces"]
    assert width <= 200
    lines, width = lanes.wrap("Short title", 200)
    assert lines == ["Short title"]
    long = "Parliament meets in an emergency session and votes on the new electoral code again"
    lines, width = lanes.wrap(long, 120)
    assert len(lines) == 2 and lines[-1].endswith("…") and width <= 120
    assert " ".join(lines).rstrip("…").split()[-1] in long.split()


@given(st.text(st.characters(codec="utf-8"), max_size=90), st.integers(40, 260))
def test_wrapped_lines_fit_their_limit(title: str, limit: int) -> None:
    lines, width = lanes.wrap(title, limit)
    assert len(lines) <= lanes.LINES
    for line in lines:
        assert lanes.text_width(line) <= limit + 1e-6 or len(line) <= 2
    assert width == pytest.approx(max((lanes.text_width(line) for line in lines), default=0))


def test_label_ranks_put_important_events_first_and_spread_ties() -> None:
    ranks = chart.label_ranks([0.5] * 8)
    first_four = sorted(ranks.index(r) for r in range(4))
    assert first_four == [0, 2, 4, 6]  # every other event, across the whole list
    ranks = chart.label_ranks([0.1, 1.0, 0.1, 0.1])
    assert ranks[1] == 0


# -- lanes -------------------------------------------------------------------------------------


def extents(
    items: list[lanes.Item | None], layout: lanes.Layout
) -> dict[int, list[tuple[float, float, int]]]:
    by_lane: dict[int, list[tuple[float, float, int]]] = {}
    for i, item in enumerate(items):
        lane = layout.lane[i]
        if item is None or lane is None or (layout.overflow and lane == layout.lanes - 1):
            continue
        if layout.side[i]:
            left, right = lanes.label_extent(item, layout.width[i], layout.side[i])
        else:
            left, right = item.left, item.right
        by_lane.setdefault(lane, []).append((left, right, i))
    return by_lane


@st.composite
def item_lists(draw: st.DrawFn) -> tuple[list[lanes.Item | None], float]:
    width = float(draw(st.integers(200, 1200)))
    count = draw(st.integers(0, 60))
    marks = sorted(draw(st.lists(st.floats(-50, width + 50), min_size=count, max_size=count)))
    out: list[lanes.Item | None] = []
    for rank in draw(st.permutations(list(range(count)))):
        x = marks[len(out)]
        bar = draw(st.sampled_from([0.0, 0.0, 30.0, 120.0]))
        title = draw(st.sampled_from(["Vote", "Protesters storm the White House", "A" * 40, ""]))
        left, right = x - lanes.MARK_R, max(x + lanes.MARK_R, x + bar)
        label = lanes.label_width(title) if title else 0.0
        out.append(lanes.Item(x, max(left, 0), min(right, width), right, label, rank, title))
    return out, width


@given(item_lists())
def test_packed_items_never_overlap_in_a_lane(case: tuple[list[lanes.Item | None], float]) -> None:
    items, width = case
    layout = lanes.pack(items, width, max_lanes=6)
    for lane, stretches in extents(items, layout).items():
        assert 0 <= lane < 6
        stretches.sort()
        for (_, right, a), (left, _, b) in itertools.pairwise(stretches):
            labels = bool(layout.side[a]) + bool(layout.side[b])
            gap = lanes.MARK_GAP + labels * lanes.HALO  # PAD between two labels
            assert right + gap <= left + 1e-9, (lane, a, b)
    for i, item in enumerate(items):
        if layout.side[i]:
            left, right = lanes.label_extent(item, layout.width[i], layout.side[i])
            label_left = item.label_from + lanes.GAP if layout.side[i] > 0 else left
            assert label_left >= -1e-9 and label_left + layout.width[i] <= width + 1e-9
        visible = item is not None and 0 <= item.mark <= width
        assert (layout.lane[i] is not None) == visible


def test_everything_labelled_in_list_order_when_it_fits() -> None:
    items = [
        lanes.Item(10.0 + 30 * i, 4.0 + 30 * i, 16.0 + 30 * i, 16.0 + 30 * i, 80.0, 5 - i)
        for i in range(6)
    ]
    layout = lanes.pack(items, 800)
    assert all(layout.side)
    assert layout.lane == [0, 1, 2, 3, 0, 1]  # a cascade, first event first


def test_dense_views_label_the_most_important_and_overflow_the_rest() -> None:
    items = [
        lanes.Item(100.0 + i / 2, 94.0 + i / 2, 106.0 + i / 2, 106.0 + i / 2, 150.0, 199 - i)
        for i in range(200)
    ]
    layout = lanes.pack(items, 600, max_lanes=4)
    labelled = [i for i, side in enumerate(layout.side) if side]
    assert labelled and all(items[i].rank < 10 for i in labelled)
    assert layout.overflow and layout.lanes == 5
    assert layout.lane.count(4) > 100


def test_first_view_layout_of_the_fixture() -> None:
    timeline, _ = load_timeline(FIXTURE)
    views = make_views(order_timeline(timeline))
    data = chart.chart_data(views.site, views.events, [a.name for a in views.actors])
    first = data["f"]
    assert first["width"] == lanes.ASSUMED_PLOT_WIDTH
    assert sorted(first["li"]) == [0, 1, 2, 3, 4, 5]  # room for every label
    assert first["overflow"] is False
    assert len(data["n"]) == len(data["x"]) == 6
