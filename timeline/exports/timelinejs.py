"""timelinejs.json: TimelineJS3 JSON (timeline.knightlab.com/docs/json-format.html).

TimelineJS renders ``headline`` and ``text`` as HTML, so every value is escaped
and only http(s) links are made. An event's media becomes the slide's ``media``
when it is online (TimelineJS needs a URL).

Each slide also carries, under ``timeline``, the event as events.yaml holds it
(TimelineJS ignores keys it does not know), and the top level carries the sources
and the events TimelineJS cannot place (no date at all). ``timeline import`` reads
them back, so export then import gives the same events.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from timeline.exports.common import cited, http_url, json_text, known_window
from timeline.graph import OrderedTimeline, Placed
from timeline.model import Event, Source, SourceRef, Timeline

DateParts = dict[str, int]


def render_timelinejs(ordered: OrderedTimeline) -> str:
    timeline = ordered.timeline
    slides = [_slide(timeline, placed) for placed in ordered.placed]
    data = {
        "title": {"text": {"headline": _h(timeline.title), "text": _h(timeline.description)}},
        "events": [slide for slide in slides if slide is not None],
        "timeline": {
            "title": timeline.title,
            "description": timeline.description,
            "sources": {sid: source_entry(s) for sid, s in sorted(timeline.sources.items())},
            "undated": [event_entry(p.event) for p in ordered.placed if known_window(p) is None],
        },
    }
    return json_text(data)


def event_entry(event: Event) -> dict[str, Any]:
    """The event as events.yaml writes it (the fields that are set)."""
    entry: dict[str, Any] = {"id": event.id, "title": event.title, "type": event.type}
    for name in ("date", "end", "not_before", "not_after"):
        value = getattr(event, name)
        if value is not None:
            entry[name] = value.text
    for name in ("actors", "places", "after", "tags"):
        if getattr(event, name):
            entry[name] = list(getattr(event, name))
    if event.summary:
        entry["summary"] = event.summary
    entry["sources"] = [
        {"source": r.source, **({"quote": r.quote} if r.quote is not None else {})}
        for r in event.sources
    ]
    if event.key is not None:
        entry["key"] = event.key
    if event.media is not None:
        media = event.media
        entry["media"] = {
            k: v
            for k, v in (("url", media.url), ("path", media.path), ("alt", media.alt),
                         ("caption", media.caption), ("credit", media.credit))
            if v
        }  # fmt: skip
    return entry


def source_entry(source: Source) -> dict[str, Any]:
    entry: dict[str, Any] = {"title": source.title}
    for name in ("publisher", "url", "path"):
        if getattr(source, name):
            entry[name] = getattr(source, name)
    if source.published is not None:
        entry["published"] = source.published.text
    return entry


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
    media = event.media
    if media is not None and http_url(media.url):
        slide["media"] = {"url": media.url, "alt": media.alt}
        if media.caption:
            slide["media"]["caption"] = _h(media.caption)
        if media.credit:
            slide["media"]["credit"] = _h(media.credit)
    slide["timeline"] = event_entry(event)
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
