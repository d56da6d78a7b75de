"""timelinejs.json: TimelineJS3 JSON (timeline.knightlab.com/docs/json-format.html).

TimelineJS renders ``headline`` and ``text`` as HTML, so every value is escaped
and only http(s) links are made.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from timeline.exports.common import cited, http_url, json_text, known_window
from timeline.graph import OrderedTimeline, Placed
from timeline.model import SourceRef, Timeline

DateParts = dict[str, int]


def render_timelinejs(ordered: OrderedTimeline) -> str:
    timeline = ordered.timeline
    slides = [_slide(timeline, placed) for placed in ordered.placed]
    data = {
        "title": {"text": {"headline": _h(timeline.title), "text": _h(timeline.description)}},
        "events": [slide for slide in slides if slide is not None],
    }
    return json_text(data)


def _h(text: str) -> str:
    return html.escape(text, quote=True)


def _slide(timeline: Timeline, placed: Placed) -> dict[str, Any] | None:
    window = known_window(placed)
    if window is None:
        return None
    event = placed.event
    start, end = slide_dates(placed, window)
    slide: dict[str, Any] = {
        "start_date": start,
        "text": {"headline": _h(event.title), "text": _slide_text(timeline, placed)},
        "group": event.type,
        "unique_id": event.id,
        "display_date": placed.human_date(),
    }
    if end is not None:
        slide["end_date"] = end
    return slide


def slide_dates(placed: Placed, window: tuple[date, date]) -> tuple[DateParts, DateParts | None]:
    """start_date and end_date, no finer than the event's own date when that decides them;
    an inferred window is given to the day."""
    event, own = placed.event, placed.event.date
    if own is not None and (placed.earliest, placed.latest) == (
        own.earliest,
        (event.end or own).latest,
    ):
        if not event.is_span:
            return _parts(window[0], own.precision), None
        start = own.start or own
        end = event.end or own.end or own
        return _parts(window[0], start.precision), _parts(window[1], end.precision)
    first, last = window
    return _parts(first, "day"), (_parts(last, "day") if last != first else None)


def _parts(day: date, precision: str) -> DateParts:
    parts = {"year": day.year}
    if precision in ("day", "month", "season"):
        parts["month"] = day.month
    if precision == "day":
        parts["day"] = day.day
    return parts


def _slide_text(timeline: Timeline, placed: Placed) -> str:
    paragraphs = [f"<p>{_h(placed.event.summary)}</p>"] if placed.event.summary else []
    citations = [_citation(timeline, ref) for ref in placed.event.sources]
    if citations:
        paragraphs.append("<p>Sources: " + "; ".join(citations) + "</p>")
    return "".join(paragraphs)


def _citation(timeline: Timeline, ref: SourceRef) -> str:
    source = cited(timeline, ref)
    title = _h(source.title if source else ref.source)
    url = http_url(source.url if source else None)
    text = f'<a href="{_h(url)}">{title}</a>' if url else title
    if ref.quote:
        text += f" (“{_h(ref.quote)}”)"
    return text
