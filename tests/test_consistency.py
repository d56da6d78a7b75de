"""Repairing a merged file: this run's inferences give way, what a person wrote never does."""

from __future__ import annotations

from typing import Any

import pytest

from timeline.extract import consistency
from timeline.extract.consistency import Inferences, repair


def entry(ident: str, day: str | None = None, after: list[str] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"id": ident}
    if day:
        out["date"] = day
    if after:
        out["after"] = list(after)
    return out


@pytest.fixture
def rounds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the repair looked at the whole file."""
    counted: list[int] = []
    real = consistency._graph

    def counting(data: Any) -> Any:
        counted.append(1)
        return real(data)

    monkeypatch.setattr(consistency, "_graph", counting)
    return counted


def test_crossings_through_one_hub_are_all_repaired_in_one_round(rounds: list[int]) -> None:
    # A story's hub event (10 October) that twenty earlier-dated reports were inferred to
    # follow: every link crosses, they share the hub, and none depends on another.
    events = [entry("hub", "2020-10-10")]
    events += [entry(f"e{i}", f"2020-10-0{1 + i % 9}", after=["hub"]) for i in range(20)]
    inferred = Inferences(links={("hub", f"e{i}"): (1, i) for i in range(20)})
    data = {"events": events}
    messages = repair(data, inferred)
    assert len(messages) == 20
    assert all("dropped 'after: hub' (inferred)" in m for m in messages)
    assert not any("after" in e for e in events)
    assert len(rounds) == 2  # one round repairs, one finds nothing left


def test_two_crossings_over_one_link_cost_one_drop() -> None:
    # a (20 Oct) -> b (undated) -> c (5 Oct) and b -> d (6 Oct): both cross through a -> b
    events = [
        entry("a", "2020-10-20"),
        entry("b", after=["a"]),
        entry("c", "2020-10-05", after=["b"]),
        entry("d", "2020-10-06", after=["b"]),
    ]
    inferred = Inferences(links={("a", "b"): (1, 0), ("b", "c"): (3, 1), ("b", "d"): (3, 2)})
    messages = repair({"events": events}, inferred)
    assert messages == [
        "event 'b': dropped 'after: a' (inferred): 'c' (5 October 2020) would come after "
        "'a' (20 October 2020) through 'a' → 'b' → 'c'"
    ]
    assert events[2]["after"] == ["b"] and events[3]["after"] == ["b"]


def test_a_link_a_person_wrote_is_never_dropped() -> None:
    events = [entry("a", "2020-10-20"), entry("b", "2020-10-05", after=["a"])]
    assert repair({"events": events}, Inferences()) == []
    assert events[1]["after"] == ["a"]  # the validator reports it, with its line
