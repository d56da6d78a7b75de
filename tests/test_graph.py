"""The ordered graph: inferred windows, display order and contradictions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import EdtfDate, parse_edtf
from timeline.exceptions import ValidationError
from timeline.graph import OrderedTimeline, build_graph, order_timeline
from timeline.model import Event, Timeline
from timeline.validate import load_timeline

SHIPPED = Path(__file__).resolve().parent.parent / "events.yaml"


def edtf(text: str | None) -> EdtfDate | None:
    return None if text is None else parse_edtf(text)


def event(
    ident: str,
    date_: str | None = None,
    *,
    end: str | None = None,
    not_before: str | None = None,
    not_after: str | None = None,
    after: tuple[str, ...] = (),
    line: int = 0,
) -> Event:
    return Event(
        id=ident,
        title=ident.capitalize(),
        type="other",
        date=edtf(date_),
        end=edtf(end),
        not_before=edtf(not_before),
        not_after=edtf(not_after),
        after=after,
        line=line,
    )


def ordered(*events: Event) -> OrderedTimeline:
    return order_timeline(Timeline(title="Test", events=list(events)))


def ids(result: OrderedTimeline) -> list[str]:
    return [p.event.id for p in result.placed]


# -- unit tests ----------------------------------------------------------------------------


def test_undated_event_between_two_dated_ones_gets_their_window() -> None:
    result = ordered(
        event("vote", "2020-10-04"),
        event("meeting", "2020-10-21", after=("talks",)),
        event("talks", after=("vote",)),
    )
    talks = result.by_id["talks"]
    assert (talks.earliest, talks.latest) == (date(2020, 10, 4), date(2020, 10, 21))
    assert talks.human_date() == "between 4 and 21 October 2020"
    assert not talks.exact
    assert ids(result) == ["vote", "talks", "meeting"]
    assert talks.follows == ("vote",)
    assert talks.precedes == ("meeting",)


def test_what_comes_before_a_span_is_bounded_by_its_first_day_not_its_last() -> None:
    result = ordered(
        event("talks"),
        event("siege", "2020-10-05/2020-10-09", after=("talks",)),
        event("vote", "2020-10-07"),
        event("count", end="2020-10-12", date_="2020-10-10", after=("talks",)),
    )
    talks = result.by_id["talks"]
    assert (talks.earliest, talks.latest) == (None, date(2020, 10, 5))
    assert ids(result) == ["talks", "siege", "vote", "count"]


def test_a_span_that_begins_before_what_it_follows_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(
        "title: T\nevents:\n"
        "  - id: vote\n    title: Vote\n    date: 2020-10-07\n"
        "  - id: siege\n    title: Siege\n    date: 2020-10-05/2020-10-09\n"
        "    after: [vote]\n",
        encoding="utf-8",
    )
    with pytest.raises(ValidationError) as err:
        load_timeline(path)
    assert "event 'siege' (5 October 2020) is dated before 'vote' (7 October 2020)" in str(
        err.value
    )


def test_build_graph_has_a_node_per_event_and_an_edge_per_after() -> None:
    events = [event("a", "2020-10-04"), event("b", after=("a",)), event("c", after=("a", "b"))]
    graph = build_graph(events)
    assert list(graph.nodes) == ["a", "b", "c"]
    assert graph.nodes["b"]["event"] is events[1]
    assert sorted(graph.edges) == [("a", "b"), ("a", "c"), ("b", "c")]


def test_human_dates() -> None:
    result = ordered(
        event("day", "2020-10-04"),
        event("month", "2020-10~"),
        event("span", "2020-10-05/2020-10-06"),
        event("date-and-end", "2020-10-05", end="2020-10-06"),
        event("ceiling", not_after="2020-10-21"),
        event("floor", not_before="2020-10-21"),
        event("unknown"),
    )
    human = {p.event.id: p.human_date() for p in result.placed}
    assert human == {
        "day": "4 October 2020",
        "month": "October 2020 (approximate)",
        "span": "5–6 October 2020",
        "date-and-end": "5–6 October 2020",
        "ceiling": "on or before 21 October 2020",
        "floor": "on or after 21 October 2020",
        "unknown": "date unknown",
    }
    exact = {p.event.id for p in result.placed if p.exact}
    assert exact == {"day"}


def test_a_month_narrowed_by_its_neighbours_reads_as_a_window() -> None:
    result = ordered(
        event("vote", "2020-10-04"),
        event("month", "2020-10", after=("vote",)),
        event("later", "2020-10-21", after=("month",)),
    )
    assert result.by_id["month"].human_date() == "between 4 and 21 October 2020"


def test_ties_are_broken_by_file_position() -> None:
    result = ordered(event("b", "2020-10-06"), event("a", "2020-10-06"), event("c", "2020-10-05"))
    assert ids(result) == ["c", "b", "a"]
    assert [p.order for p in result.placed] == [0, 1, 2]


def test_first_and_last_day_cover_every_known_bound() -> None:
    result = ordered(
        event("a", not_after="2020-09-30"), event("b", "2020-10-04"), event("c", "2020-11")
    )
    assert (result.first_day, result.last_day) == (date(2020, 9, 30), date(2020, 11, 30))
    assert (ordered(event("x")).first_day, ordered().last_day) == (None, None)


def test_a_cycle_is_a_located_error() -> None:
    timeline = Timeline(
        title="Test",
        events=[
            event("a", after=("c",), line=3),
            event("b", after=("a",), line=8),
            event("c", after=("b",), line=13),
            event("d", "2020-10-04", line=18),
        ],
    )
    with pytest.raises(ValidationError) as caught:
        order_timeline(timeline)
    assert str(caught.value) == (
        "events.yaml:8:5: events 'a' → 'b' → 'c' → 'a' form a cycle of 'after'\n"
        "  hint: an event cannot come after itself; remove one of these 'after' entries"
    )


def test_an_unknown_after_is_a_located_error() -> None:
    timeline = Timeline(title="Test", events=[event("a", after=("ghost",), line=4)])
    with pytest.raises(ValidationError) as caught:
        order_timeline(timeline)
    assert str(caught.value).startswith(
        "events.yaml:4:5: event 'a': 'after' names unknown event 'ghost'"
    )


CROSSING = """\
title: Crossing
sources:
  note:
    title: A note
events:
  - id: late
    title: Late
    type: other
    date: 2020-10-21
    sources: [{source: note}]
  - id: middle
    title: Middle
    type: other
    after: [late]
    sources: [{source: note}]
  - id: early
    title: Early
    type: other
    date: 2020-10-04
    after: [middle]
    sources: [{source: note}]
"""


def test_bounds_that_cross_along_a_chain_are_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(CROSSING, encoding="utf-8")
    timeline, _ = load_timeline(path, display="events.yaml")  # each 'after' alone is fine
    with pytest.raises(ValidationError) as caught:
        order_timeline(timeline)
    assert str(caught.value) == (
        "events.yaml:16:5: event 'early' (on or before 4 October 2020) comes after 'late' "
        "(on or after 21 October 2020) through 'late' → 'middle' → 'early'; no dates fit\n"
        "  hint: fix one of these dates or 'after' entries"
    )


def test_an_event_whose_own_bounds_cross_is_a_located_error() -> None:
    timeline = Timeline(
        title="Test", events=[event("odd", not_before="2020-10-21", not_after="2020-10-04", line=2)]
    )
    with pytest.raises(ValidationError) as caught:
        order_timeline(timeline)
    assert str(caught.value).startswith(
        "events.yaml:2:5: event 'odd' is on or after 21 October 2020 "
        "and on or before 4 October 2020; no day fits"
    )


def test_the_shipped_timeline_orders_in_date_order() -> None:
    timeline, _ = load_timeline(SHIPPED)
    result = order_timeline(timeline)
    assert len(result.placed) == len(timeline.events)
    starts = [p.earliest for p in result.placed]
    assert all(day is not None for day in starts)
    assert starts == sorted(starts)  # type: ignore[type-var]
    assert [p.order for p in result.placed] == list(range(len(timeline.events)))
    assert result.placed[0].event.id == "elections-held"
    for placed in result.placed:
        assert placed.earliest == placed.event.own_earliest
        assert placed.latest == placed.event.own_latest


# -- properties ----------------------------------------------------------------------------

BASE = date(2020, 10, 1)


@st.composite
def consistent_timelines(draw: st.DrawFn) -> tuple[list[Event], dict[str, date]]:
    """A random DAG with random bounds, built loose around a hidden date assignment."""
    size = draw(st.integers(1, 10))
    offsets = draw(st.lists(st.integers(0, 90), min_size=size, max_size=size))
    days = {f"e{i}": BASE + timedelta(days=offsets[i]) for i in range(size)}
    rank = sorted(days, key=lambda n: (days[n], n))  # any edge forward in rank is consistent
    events = []
    for index, name in enumerate(rank):
        after = tuple(b for b in rank[:index] if draw(st.booleans()) and draw(st.booleans()))
        events.append(_loose_event(draw, name, days[name], after))
    file_order = draw(st.permutations(events))
    return [_with_line(e, i) for i, e in enumerate(file_order)], days


def _loose_event(draw: st.DrawFn, name: str, day: date, after: tuple[str, ...]) -> Event:
    def slack() -> timedelta:
        return timedelta(days=draw(st.integers(0, 20)))

    kind = draw(st.sampled_from(["none", "day", "month", "floor", "ceiling", "window"]))
    fields: dict[str, EdtfDate] = {}
    if kind == "day":
        fields["date"] = parse_edtf(day.isoformat())
    elif kind == "month":
        fields["date"] = parse_edtf(f"{day.year}-{day.month:02d}")
    if kind in ("floor", "window"):
        fields["not_before"] = parse_edtf((day - slack()).isoformat())
    if kind in ("ceiling", "window"):
        fields["not_after"] = parse_edtf((day + slack()).isoformat())
    return Event(id=name, title=name, type="other", after=after, **fields)  # type: ignore[arg-type]


def _with_line(original: Event, index: int) -> Event:
    return replace(original, line=index + 1)


def _within(low: date | None, day: date, high: date | None) -> bool:
    return (low is None or low <= day) and (high is None or day <= high)


@settings(max_examples=200, deadline=None)
@given(consistent_timelines())
def test_order_is_a_linear_extension_of_every_edge(case: tuple[list[Event], dict]) -> None:
    events, _ = case
    result = order_timeline(Timeline(title="t", events=events))
    assert sorted(ids(result)) == sorted(e.id for e in events)
    for before, after in result.graph.edges:
        assert result.by_id[before].order < result.by_id[after].order


@settings(max_examples=200, deadline=None)
@given(consistent_timelines())
def test_inferred_bounds_contain_every_consistent_assignment(
    case: tuple[list[Event], dict],
) -> None:
    events, days = case
    result = order_timeline(Timeline(title="t", events=events))
    for placed in result.placed:
        assert _within(placed.earliest, days[placed.event.id], placed.latest)


@settings(max_examples=200, deadline=None)
@given(consistent_timelines())
def test_order_agrees_with_dates_wherever_they_decide_it(case: tuple[list[Event], dict]) -> None:
    events, _ = case
    placed = order_timeline(Timeline(title="t", events=events)).placed
    for u in placed:
        for v in placed:
            if u.latest is not None and v.earliest is not None and u.latest < v.earliest:
                assert u.order < v.order


@settings(max_examples=200, deadline=None)
@given(consistent_timelines(), st.data())
def test_adding_an_edge_never_widens_a_bound(
    case: tuple[list[Event], dict], data: st.DataObject
) -> None:
    events, _ = case
    before = order_timeline(Timeline(title="t", events=events))
    names = [e.id for e in events]
    u = data.draw(st.sampled_from(names))
    v = data.draw(st.sampled_from(names))
    if u == v or before.graph.has_edge(u, v):
        return
    if nx.has_path(before.graph, v, u):
        return  # the edge would make a cycle, which is reported, not ordered
    more = [replace(e, after=(*e.after, u)) if e.id == v else e for e in events]
    try:
        after = order_timeline(Timeline(title="t", events=more))
    except ValidationError as err:
        assert "no dates fit" in str(err) or "no day fits" in str(err)
        return
    for name in names:
        old, new = before.by_id[name], after.by_id[name]
        if old.earliest is not None:
            assert new.earliest is not None and new.earliest >= old.earliest
        if old.latest is not None:
            assert new.latest is not None and new.latest <= old.latest


@settings(max_examples=200, deadline=None)
@given(consistent_timelines())
def test_inferred_bounds_are_tight(case: tuple[list[Event], dict]) -> None:
    """Putting every event on its earliest (or every one on its latest) day satisfies every
    constraint, so no bound could be any tighter."""
    events, _ = case
    result = order_timeline(Timeline(title="t", events=events))
    for pick in (lambda p: p.earliest, lambda p: p.latest):
        for placed in result.placed:
            day = pick(placed)
            event = placed.event
            if day is not None:
                assert _within(event.own_earliest, day, event.own_latest)
        for before, after in result.graph.edges:
            first, then = pick(result.by_id[before]), pick(result.by_id[after])
            if first is not None and then is not None:
                assert first <= then


def test_a_long_crossing_chain_is_shortened_in_the_message() -> None:
    chain = [event("e0", "2020-10-21")]
    chain += [event(f"e{i}", after=(f"e{i - 1}",)) for i in range(1, 20)]
    chain.append(event("e20", "2020-10-04", after=("e19",), line=99))
    with pytest.raises(ValidationError) as caught:
        ordered(*chain)
    assert str(caught.value).splitlines()[0] == (
        "events.yaml:99:5: event 'e20' (on or before 4 October 2020) comes after 'e0' "
        "(on or after 21 October 2020) through 'e0' → 'e1' → 'e2' → 'e3' → … 13 more … → "
        "'e17' → 'e18' → 'e19' → 'e20'; no dates fit"
    )
