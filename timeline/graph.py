"""Order the events in time: the ``after`` graph, inferred date windows, a display order.

Every event gets the earliest and latest day it can fall on. Its own fields
(``date``, ``end``, ``not_before``, ``not_after``) give a first window; the
``after`` relations narrow it: an event that comes after another cannot start
earlier (``earliest`` flows forward along edges) and the one before cannot be
later than the other's latest first day (``latest`` flows backward; a span's first
day, not its last, bounds what comes before it). So an undated event between two dated ones
gets their window.

Relations implied by known dates are never materialised as edges (that is
O(n²)); instead the display order is a topological order whose ties are broken
by the inferred dates, which makes it agree with the dates wherever they decide
the order (see :func:`_display_key`). Everything is linear in events + edges.
"""

from __future__ import annotations

import heapq
import logging
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

import networkx as nx

from timeline.dates import human_day, human_range
from timeline.exceptions import Problem, ValidationError
from timeline.model import Event, Timeline

logger = logging.getLogger(__name__)

# Days are handled as ordinals; these stand for "no bound" so that max/min need no None checks.
_NO_EARLIEST = 0  # below date.min.toordinal() == 1
_NO_LATEST = date.max.toordinal() + 1
# Event carries only its line; keys of a list item sit at column 5 in the usual layout.
EVENT_COLUMN = 5


@dataclass(frozen=True)
class Placed:
    """An event with its inferred window and its place in the display order."""

    event: Event
    earliest: date | None  # inferred earliest possible day (None = unbounded)
    latest: date | None  # inferred latest possible day (None = unbounded)
    order: int  # 0-based display position
    follows: tuple[str, ...]  # events this one comes after (direct), in display order
    precedes: tuple[str, ...]  # events that come after this one (direct), in display order

    @property
    def exact(self) -> bool:
        """True for a single-day event whose day is known."""
        date_ = self.event.date
        return (
            self.earliest is not None
            and self.earliest == self.latest
            and date_ is not None
            and date_.is_day
            and self.event.end is None
        )

    def human_date(self) -> str:
        """'4 October 2020', 'between 4 and 21 October 2020', 'date unknown', ..."""
        event = self.event
        if event.date is not None:
            own_latest = (event.end or event.date).latest
            if (self.earliest, self.latest) == (event.date.earliest, own_latest):
                if event.end is None:
                    return event.date.human()
                if event.date.precision == "day" and event.end.precision == "day":
                    return human_range(self.earliest, self.latest, exact=True)
                return f"{event.date.human()} to {event.end.human()}"
        return human_range(self.earliest, self.latest, exact=event.is_span)


@dataclass
class OrderedTimeline:
    """The timeline with its ``after`` graph and every event placed in display order."""

    timeline: Timeline
    graph: nx.DiGraph  # node per event id (attribute 'event'), edge u->v when v is after u
    placed: list[Placed]  # in display order
    by_id: dict[str, Placed]

    @property
    def first_day(self) -> date | None:
        """The earliest known bound of any event."""
        days = list(self._known_days())
        return min(days) if days else None

    @property
    def last_day(self) -> date | None:
        """The latest known bound of any event."""
        days = list(self._known_days())
        return max(days) if days else None

    def _known_days(self) -> Iterable[date]:
        for placed in self.placed:
            if placed.earliest is not None:
                yield placed.earliest
            if placed.latest is not None:
                yield placed.latest


def build_graph(events: Sequence[Event]) -> nx.DiGraph:
    """One node per event (attribute ``event``), an edge ``u -> v`` for each ``v.after: [u]``.

    ``after`` entries naming unknown events are skipped (the validator reports them).
    """
    graph = nx.DiGraph()
    graph.add_nodes_from((event.id, {"event": event}) for event in events)
    for event in events:
        for before in event.after:
            if before in graph:
                graph.add_edge(before, event.id)
            else:
                logger.debug("event %s: 'after' names unknown event %s", event.id, before)
    return graph


def order_timeline(timeline: Timeline) -> OrderedTimeline:
    """Infer every event's window and display order; raise :class:`ValidationError` on a
    contradiction (an unknown or cyclic ``after``, or dates that cross along a chain)."""
    events = timeline.events
    _check_references(timeline)
    graph = build_graph(events)
    adjacency = _Adjacency.of(graph)
    topo = topological_order(adjacency.pred, adjacency.succ)
    if len(topo) < len(events):
        raise ValidationError(_cycle_problems(timeline, graph, set(topo)))
    bounds = _Bounds(adjacency, topo)
    crossings = bounds.crossings()
    if crossings:
        raise ValidationError(
            _crossing_problem(timeline, bounds, chain) for chain in crossings.values()
        )
    position = {event.id: index for index, event in enumerate(events)}
    display = _display_order(adjacency, bounds, position)
    placed = _place(adjacency, bounds, display)
    logger.debug("ordered %s events, %s 'after' relations", len(placed), graph.number_of_edges())
    return OrderedTimeline(
        timeline=timeline, graph=graph, placed=placed, by_id={p.event.id: p for p in placed}
    )


# -- contradictions ----------------------------------------------------------------------


def _problem(timeline: Timeline, event: Event, message: str, hint: str) -> Problem:
    return Problem(timeline.path, event.line, EVENT_COLUMN, message, hint)


def _check_references(timeline: Timeline) -> None:
    problems: list[Problem] = []
    seen: set[str] = set()
    for event in timeline.events:
        if event.id in seen:
            problems.append(
                _problem(timeline, event, f"duplicate event id '{event.id}'", "ids must be unique")
            )
        seen.add(event.id)
    for event in timeline.events:
        problems.extend(
            _problem(
                timeline,
                event,
                f"event '{event.id}': 'after' names unknown event '{before}'",
                "name the id of another event in this file",
            )
            for before in event.after
            if before not in seen
        )
    if problems:
        raise ValidationError(problems)


def _cycle_problems(timeline: Timeline, graph: nx.DiGraph, ordered: set[str]) -> list[Problem]:
    """One problem per strongly connected group of events that could not be ordered."""
    position = {event.id: index for index, event in enumerate(timeline.events)}
    rest = graph.subgraph(n for n in graph if n not in ordered)
    problems = []
    for component in nx.strongly_connected_components(rest):
        if len(component) == 1 and not rest.has_edge(*(2 * tuple(component))):
            continue  # only downstream of a cycle, not on one
        first = min(component, key=position.__getitem__)
        edges = nx.find_cycle(rest.subgraph(component), source=first)
        cycle = [u for u, _ in edges]
        names = _chain_text([*cycle, cycle[0]])
        follower = graph.nodes[cycle[1] if len(cycle) > 1 else cycle[0]]["event"]
        problems.append(
            _problem(
                timeline,
                follower,
                f"events {names} form a cycle of 'after'",
                "an event cannot come after itself; remove one of these 'after' entries",
            )
        )
    return problems


def _crossing_problem(timeline: Timeline, bounds: _Bounds, chain: list[str]) -> Problem:
    first, last = chain[0], chain[-1]
    low = human_day(date.fromordinal(bounds.earliest[first]))
    high = human_day(date.fromordinal(bounds.latest[last]))
    event = bounds.adjacency.events[last]
    if len(chain) == 1:
        message = f"event '{first}' is on or after {low} and on or before {high}; no day fits"
    else:
        names = _chain_text(chain)
        message = (
            f"event '{last}' (on or before {high}) comes after '{first}' "
            f"(on or after {low}) through {names}; no dates fit"
        )
    return _problem(timeline, event, message, "fix one of these dates or 'after' entries")


def _chain_text(chain: list[str], shown: int = 4) -> str:
    """'a' → 'b' → 'c', with the middle of a long chain left out."""
    names = [f"'{n}'" for n in chain]
    if len(names) > 2 * shown + 1:
        hidden = len(names) - 2 * shown
        names = [*names[:shown], f"… {hidden} more …", *names[-shown:]]
    return " → ".join(names)


# -- the two passes ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Adjacency:
    """The graph as plain dicts and lists: several times faster to walk than networkx views."""

    events: dict[str, Event]
    pred: dict[str, list[str]]
    succ: dict[str, list[str]]

    @classmethod
    def of(cls, graph: nx.DiGraph) -> _Adjacency:
        return cls(
            events=dict(graph.nodes(data="event")),
            pred={node: list(before) for node, before in graph.pred.items()},
            succ={node: list(after) for node, after in graph.succ.items()},
        )


def topological_order(pred: dict[str, list[str]], succ: dict[str, list[str]]) -> list[str]:
    """Kahn's algorithm over predecessor and successor lists; stops short of the nodes on
    or after a cycle."""
    indegree = {node: len(before) for node, before in pred.items()}
    ready = deque(node for node, degree in indegree.items() if degree == 0)
    order = []
    while ready:
        node = ready.popleft()
        order.append(node)
        for after in succ[node]:
            indegree[after] -= 1
            if indegree[after] == 0:
                ready.append(after)
    return order


class _Bounds:
    """Inferred windows as day ordinals, with where each bound came from."""

    def __init__(self, adjacency: _Adjacency, topo: list[str]):
        self.adjacency = adjacency
        self.earliest: dict[str, int] = {}
        self.latest: dict[str, int] = {}
        self.latest_start: dict[str, int] = {}  # the latest day it can begin (a span's start)
        self.earliest_via: dict[str, str | None] = {}  # the predecessor that set earliest
        self.latest_via: dict[str, str | None] = {}  # the successor that set latest
        self.earliest_from: dict[str, str] = {}  # the event whose own date is the floor
        self.latest_from: dict[str, str] = {}  # the event whose own date is the ceiling
        self._forward(topo)
        self._backward(topo)

    def _forward(self, topo: list[str]) -> None:
        events, pred = self.adjacency.events, self.adjacency.pred
        for node in topo:
            own = events[node].own_earliest
            best, via = (own.toordinal() if own else _NO_EARLIEST), None
            for before in pred[node]:
                if self.earliest[before] > best:
                    best, via = self.earliest[before], before
            self.earliest[node], self.earliest_via[node] = best, via
            self.earliest_from[node] = node if via is None else self.earliest_from[via]

    def _backward(self, topo: list[str]) -> None:
        events, succ = self.adjacency.events, self.adjacency.succ
        for node in reversed(topo):
            own = events[node].own_latest
            best, via = (own.toordinal() if own else _NO_LATEST), None
            for after in succ[node]:
                if self.latest_start[after] < best:
                    best, via = self.latest_start[after], after
            self.latest[node], self.latest_via[node] = best, via
            start = events[node].own_latest_start
            self.latest_start[node] = min(best, start.toordinal() if start else _NO_LATEST)
            self.latest_from[node] = node if via is None else self.latest_from[via]

    def crossings(self) -> dict[tuple[str, str], list[str]]:
        """For each (event that sets the floor, event that sets the ceiling) whose bounds
        cross, the chain of events between them."""
        chains: dict[tuple[str, str], list[str]] = {}
        for node, low in self.earliest.items():
            if low <= self.latest[node]:
                continue
            key = (self.earliest_from[node], self.latest_from[node])
            if key not in chains:  # walk each chain once, however many events it crosses
                back = self._walk(node, self.earliest_via)
                forward = self._walk(node, self.latest_via)
                chains[key] = [*reversed(back), *forward[1:]]
        return chains

    @staticmethod
    def _walk(node: str, via: dict[str, str | None]) -> list[str]:
        path = [node]
        while (step := via[path[-1]]) is not None:
            path.append(step)
        return path

    def day(self, ordinal: int) -> date | None:
        if ordinal in (_NO_EARLIEST, _NO_LATEST):
            return None
        return date.fromordinal(ordinal)


# -- display order -------------------------------------------------------------------------


def _display_key(bounds: _Bounds, position: dict[str, int], node: str) -> tuple[int, int, int, str]:
    """Sort by inferred earliest day, or the latest day when only that is known.

    With this key a heap-driven topological sort puts ``u`` before ``v`` whenever
    ``latest(u) < earliest(v)``: every unplaced ancestor of ``u`` has a key no later
    than ``latest(u)``, so ``v`` never wins while ``u`` waits.
    """
    earliest, latest = bounds.earliest[node], bounds.latest[node]
    primary = earliest if earliest != _NO_EARLIEST else latest
    return (primary, latest, position[node], node)


def _display_order(adjacency: _Adjacency, bounds: _Bounds, position: dict[str, int]) -> list[str]:
    indegree = {node: len(before) for node, before in adjacency.pred.items()}
    heap = [_display_key(bounds, position, n) for n, degree in indegree.items() if degree == 0]
    heapq.heapify(heap)
    order = []
    while heap:
        node = heapq.heappop(heap)[-1]
        order.append(node)
        for after in adjacency.succ[node]:
            indegree[after] -= 1
            if indegree[after] == 0:
                heapq.heappush(heap, _display_key(bounds, position, after))
    return order


def _place(adjacency: _Adjacency, bounds: _Bounds, display: list[str]) -> list[Placed]:
    rank = {node: index for index, node in enumerate(display)}
    return [
        Placed(
            event=adjacency.events[node],
            earliest=bounds.day(bounds.earliest[node]),
            latest=bounds.day(bounds.latest[node]),
            order=index,
            follows=_in_order(adjacency.pred[node], rank),
            precedes=_in_order(adjacency.succ[node], rank),
        )
        for index, node in enumerate(display)
    ]


def _in_order(nodes: list[str], rank: dict[str, int]) -> tuple[str, ...]:
    if len(nodes) < 2:
        return tuple(nodes)
    return tuple(sorted(nodes, key=rank.__getitem__))
