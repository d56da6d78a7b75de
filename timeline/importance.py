"""How important each event is, derived from what events.yaml holds.

The score is a number in [0, 1] per event id. A person's pin wins: ``key: true``
scores 1.0 and ``key: false`` 0.0. Until the learned score lands, the rest are
ranked by the number of distinct sources that report them.
"""

from __future__ import annotations

from timeline.model import Event, Timeline


def importance(timeline: Timeline) -> dict[str, float]:
    """Every event's importance in [0, 1], by event id."""
    most = max((len(_sources(e)) for e in timeline.events), default=0) or 1
    scores: dict[str, float] = {}
    for event in timeline.events:
        if event.key is not None:
            scores[event.id] = 1.0 if event.key else 0.0
        else:
            scores[event.id] = round(len(_sources(event)) / most, 4)
    return scores


def key_events(timeline: Timeline, top: int | None = None) -> list[Event]:
    """The events in order of importance, most important first (pinned ones lead)."""
    scores = importance(timeline)
    ranked = sorted(timeline.events, key=lambda e: (-scores[e.id], e.id))
    ranked = [e for e in ranked if e.key is not False]
    return ranked if top is None else ranked[:top]


def _sources(event: Event) -> set[str]:
    return {ref.source for ref in event.sources}
