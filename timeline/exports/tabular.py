"""events.json and events.csv: every event in display order with its inferred window."""

from __future__ import annotations

import csv
import io
from typing import Any

from timeline.exports.common import cited, iso, json_text, source_fields
from timeline.graph import OrderedTimeline, Placed
from timeline.model import Timeline

CSV_COLUMNS = (
    "id",
    "title",
    "type",
    "date",
    "earliest",
    "latest",
    "order",
    "actors",
    "places",
    "after",
    "sources",
    "summary",
)
LIST_SEPARATOR = "; "
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render_json(ordered: OrderedTimeline) -> str:
    from timeline.importance import default_scorer, importance

    timeline = ordered.timeline
    scores = importance(timeline)
    threshold = default_scorer().threshold
    data = {
        "title": timeline.title,
        "description": timeline.description,
        "events": [
            json_event(timeline, placed, scores[placed.event.id], threshold)
            for placed in ordered.placed
        ],
        "sources": {sid: source_fields(s) for sid, s in sorted(timeline.sources.items())},
    }
    return json_text(data)


def json_event(
    timeline: Timeline, placed: Placed, score: float | None = None, threshold: float = 0.5
) -> dict[str, Any]:
    """One event as events.json writes it; ``importance`` and ``key`` when a score is given
    (``key``: pinned, or scoring at least the learned threshold)."""
    event = placed.event
    out: dict[str, Any] = {
        "id": event.id,
        "title": event.title,
        "type": event.type,
        "date": event.written_date,
        "earliest": iso(placed.earliest),
        "latest": iso(placed.latest),
        "order": placed.order,
        "actors": list(event.actors),
        "places": list(event.places),
        "summary": event.summary,
        "sources": [
            {
                "source": ref.source,
                "quote": ref.quote,
                "paragraph": ref.paragraph,
                "date": ref.date.text if ref.date is not None else None,
                **source_fields(cited(timeline, ref)),
            }
            for ref in event.sources
        ],
        "after": list(event.after),
        "tags": list(event.tags),
    }
    if score is not None:
        out["importance"] = score
        out["key"] = event.key if event.key is not None else score >= threshold
    return out


def render_csv(ordered: OrderedTimeline) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for placed in ordered.placed:
        writer.writerow([safe_cell(cell) for cell in _csv_row(placed)])
    return buffer.getvalue()


def _csv_row(placed: Placed) -> list[str]:
    event = placed.event
    return [
        event.id,
        event.title,
        event.type,
        event.written_date,
        iso(placed.earliest) or "",
        iso(placed.latest) or "",
        str(placed.order),
        LIST_SEPARATOR.join(event.actors),
        LIST_SEPARATOR.join(event.places),
        LIST_SEPARATOR.join(event.after),
        LIST_SEPARATOR.join(ref.source for ref in event.sources),
        event.summary,
    ]


def safe_cell(text: str) -> str:
    """Stop spreadsheets from running a cell as a formula: prefix it with an apostrophe.

    Line breaks become "\n": the csv module quotes a cell holding "\n" but not one holding
    a bare "\r", which a spreadsheet would read as the start of a new row.
    """
    guarded = "'" + text if text.startswith(FORMULA_STARTS) else text
    return guarded.replace("\r\n", "\n").replace("\r", "\n")
