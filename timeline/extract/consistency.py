"""Keep a merged file consistent by dropping the extractor's weaker inferences.

After a run merged its reports, the ``after`` links it inferred and the bounds
it narrowed may contradict each other or the file: a cycle of ``after``, or an
event that comes after another yet must be earlier (directly or along a chain).
Nothing a person wrote is touched. Instead, the weakest inference of this run on
each contradiction goes: first a link (the one fewest articles support, the
later-added on a tie), else a bound the run narrowed (the event goes back to the
bounds it had, the report stays as a source with its own claim). Every drop is
reported with its reason. What cannot be repaired this way was already in the
file; the validator reports it as before.

Each round is linear in events and links (two passes in topological order, as
in :mod:`timeline.graph`); one round repairs every contradiction it finds, so a
few rounds settle even large runs.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from timeline.dates import human_day
from timeline.extract.cluster import entry_bounds
from timeline.graph import topological_order

log = logging.getLogger(__name__)

_NONE_LOW = 0
_NONE_HIGH = dt.date.max.toordinal() + 1


@dataclass
class Inferences:
    """What this run inferred, and so may drop: links (with support) and narrowed bounds."""

    links: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)  # support, rank
    narrowed: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> original fields

    def weakness(self, link: tuple[str, str]) -> tuple[int, int]:
        support, rank = self.links[link]
        return (support, -rank)


@dataclass
class _Graph:
    entries: dict[str, Any]
    low: dict[str, int]
    high: dict[str, int]
    pred: dict[str, list[str]]
    succ: dict[str, list[str]]


def _graph(data: Any) -> _Graph:
    entries: dict[str, Any] = {}
    for entry in data.get("events") or []:
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            entries.setdefault(entry["id"], entry)
    low, high = {}, {}
    pred: dict[str, list[str]] = {i: [] for i in entries}
    succ: dict[str, list[str]] = {i: [] for i in entries}
    for ident, entry in entries.items():
        first, last = entry_bounds(entry)
        low[ident] = first.toordinal() if first else _NONE_LOW
        high[ident] = last.toordinal() if last else _NONE_HIGH
        after = entry.get("after")
        for before in after if isinstance(after, list) else []:
            if isinstance(before, str) and before in entries and before not in pred[ident]:
                pred[ident].append(before)
                succ[before].append(ident)
    return _Graph(entries, low, high, pred, succ)


def repair(data: Any, inferred: Inferences) -> list[str]:
    """Drop this run's inferences until the file has no cycle and no crossing dates.

    Returns one message per drop, saying what went and why.
    """
    messages: list[str] = []
    for _ in range(10_000):  # every round drops at least one inference, or stops
        graph = _graph(data)
        order = topological_order(graph.pred, graph.succ)
        if len(order) < len(graph.entries):
            if not _break_cycle(data, graph, set(order), inferred, messages):
                return messages  # a cycle a person wrote: the validator reports it
            continue
        if not _fix_crossings(data, graph, order, inferred, messages):
            return messages
    return messages  # pragma: no cover - the loop ends long before


def _cycle(graph: _Graph, ordered: set[str]) -> list[str]:
    """One cycle among the events Kahn's algorithm could not order."""
    rest = [n for n in graph.entries if n not in ordered]
    # Walk backwards through unordered predecessors until a node repeats.
    node, path, seen = rest[0], [], {}
    while node not in seen:
        seen[node] = len(path)
        path.append(node)
        node = next(p for p in graph.pred[node] if p not in ordered)
    cycle = path[seen[node] :]
    cycle.reverse()  # now each event comes after the one before it
    return cycle


def _break_cycle(
    data: Any, graph: _Graph, ordered: set[str], inferred: Inferences, messages: list[str]
) -> bool:
    cycle = _cycle(graph, ordered)
    links = [(cycle[i], cycle[(i + 1) % len(cycle)]) for i in range(len(cycle))]
    ours = [link for link in links if link in inferred.links]
    if not ours:
        return False
    weakest = min(ours, key=inferred.weakness)
    names = " → ".join(f"'{n}'" for n in [*cycle, cycle[0]])
    _drop_link(data, graph, weakest, inferred)
    messages.append(
        f"event '{weakest[1]}': dropped 'after: {weakest[0]}' (inferred): events {names} "
        "would form a cycle"
    )
    return True


def _fix_crossings(
    data: Any, graph: _Graph, order: list[str], inferred: Inferences, messages: list[str]
) -> bool:
    """Repair every crossing found in one pass; False when there was none to repair."""
    earliest, via_low, floor = {}, {}, {}
    for node in order:
        best, via = graph.low[node], None
        for before in graph.pred[node]:
            if earliest[before] > best:
                best, via = earliest[before], before
        earliest[node], via_low[node] = best, via
        floor[node] = node if via is None else floor[via]
    latest, via_high, ceiling = {}, {}, {}
    for node in reversed(order):
        best, via = graph.high[node], None
        for after in graph.succ[node]:
            if latest[after] < best:
                best, via = latest[after], after
        latest[node], via_high[node] = best, via
        ceiling[node] = node if via is None else ceiling[via]
    # A chain whose links are all still there still forces its floor onto its ceiling,
    # whatever else was dropped this round, so it is repaired now; one that lost a link,
    # or whose first or last event got its own dates back, is looked at again next round.
    # So the rounds follow how deep repairs depend on each other, not how many there are.
    repaired = False
    done: set[tuple[str, str]] = set()
    dropped: set[tuple[str, str]] = set()
    restored: set[str] = set()
    for node in order:
        if earliest[node] <= latest[node]:
            continue
        key = (floor[node], ceiling[node])
        if key in done:
            continue
        done.add(key)
        chain = [*reversed(_walk(node, via_low)), *_walk(node, via_high)[1:]]
        links = set(pairwise(chain))
        if links & dropped or restored.intersection(chain):
            repaired = True  # look again next round
            continue
        fixed = _fix_chain(data, graph, chain, inferred, messages)
        if isinstance(fixed, tuple):
            dropped.add(fixed)
        elif fixed is not None:
            restored.add(fixed)
        repaired = repaired or fixed is not None
    return repaired


def _walk(node: str, via: dict[str, str | None]) -> list[str]:
    path = [node]
    while (step := via[path[-1]]) is not None:
        path.append(step)
    return path


def _fix_chain(
    data: Any, graph: _Graph, chain: list[str], inferred: Inferences, messages: list[str]
) -> tuple[str, str] | str | None:
    """Drop the weakest inferred link of the chain (returned), or else give the first or
    last event back the dates it had (its id returned); None when neither is ours."""
    first, last = chain[0], chain[-1]
    low = human_day(dt.date.fromordinal(graph.low[first]))
    high = human_day(dt.date.fromordinal(graph.high[last]))
    links = [(chain[i], chain[i + 1]) for i in range(len(chain) - 1)]
    ours = [link for link in links if link in inferred.links]
    if ours:
        weakest = min(ours, key=inferred.weakness)
        _drop_link(data, graph, weakest, inferred)
        through = "" if len(chain) == 2 else " through " + " → ".join(f"'{n}'" for n in chain)
        messages.append(
            f"event '{weakest[1]}': dropped 'after: {weakest[0]}' (inferred): "
            f"'{last}' ({high}) would come after '{first}' ({low}){through}"
        )
        return weakest
    for ident in (first, last):
        if ident in inferred.narrowed:
            original = inferred.narrowed.pop(ident)
            entry = graph.entries[ident]
            for key, value in original.items():
                if value is None:
                    entry.pop(key, None)
                else:
                    entry[key] = value
            messages.append(
                f"event '{ident}': kept its earlier dates (the narrower ones reported would "
                f"contradict the 'after' of the file: '{last}' ({high}) after '{first}' ({low}))"
            )
            return ident
    return None


def _drop_link(data: Any, graph: _Graph, link: tuple[str, str], inferred: Inferences) -> None:
    before, after = link
    entry = graph.entries[after]
    links = entry.get("after")
    if isinstance(links, list) and before in links:
        links.remove(before)
        if not links:
            del entry["after"]
    inferred.links.pop(link, None)
    log.info("dropped link %s -> %s", before, after)
