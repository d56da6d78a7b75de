"""events.ics: one all-day VEVENT per event that has a known day."""

from __future__ import annotations

import logging
import os
from datetime import date, datetime, timedelta, timezone

import icalendar

from timeline import __version__
from timeline.exports.common import cited, edtf_text, first_link, http_url, known_window
from timeline.graph import OrderedTimeline, Placed
from timeline.model import SourceRef, Timeline

logger = logging.getLogger(__name__)

FOLD_OCTETS = 74  # a line is at most 75 octets; a continuation starts with a space


def render_ics(ordered: OrderedTimeline) -> str:
    """The calendar as text with CRLF line ends.

    Values are encoded by icalendar's types; the lines are assembled and folded
    here because icalendar's component serialiser is ~10x slower (40 s for 100k events).
    """
    stamp = icalendar.vDatetime(dtstamp(ordered)).to_ical().decode("ascii")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//timeline {__version__}//EN",
        f"X-WR-CALNAME:{_text(ordered.timeline.title)}",
    ]
    for placed in ordered.placed:
        window = known_window(placed)
        if window is None:
            logger.debug("event %s has no known day; left out of the calendar", placed.event.id)
            continue
        lines += _vevent_lines(ordered.timeline, placed, window, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + "\r\n" for line in lines)


def dtstamp(ordered: OrderedTimeline) -> datetime:
    """SOURCE_DATE_EPOCH if set, else midnight UTC of the latest day in the data."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
        except (ValueError, OverflowError, OSError):
            logger.warning("ignoring SOURCE_DATE_EPOCH=%s: not a number of seconds", epoch)
    days = [d for d in (ordered.last_day,) if d is not None]
    days += [s.published.latest for s in ordered.timeline.sources.values() if s.published]
    latest = max(days, default=date(1970, 1, 1))
    return datetime(latest.year, latest.month, latest.day, tzinfo=timezone.utc)


def _vevent_lines(
    timeline: Timeline, placed: Placed, window: tuple[date, date], stamp: str
) -> list[str]:
    event = placed.event
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_text(event.id + '@timeline')}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_day(window[0])}",
        f"DTEND;VALUE=DATE:{_day(window[1] + timedelta(days=1))}",
        f"SUMMARY:{_text(event.title)}",
        f"DESCRIPTION:{_text(_description(timeline, placed))}",
        f"CATEGORIES:{_text(event.type)}",
    ]
    url = first_link(timeline, placed)
    if url:
        lines.append(f"URL:{url}")
    lines.append("END:VEVENT")
    return lines


def _text(text: str) -> str:
    return icalendar.vText(text).to_ical().decode("utf-8")


def _day(day: date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _description(timeline: Timeline, placed: Placed) -> str:
    parts = [placed.event.summary, f"Date: {placed.human_date()}"]
    citations = [_citation(timeline, ref) for ref in placed.event.sources]
    if citations:
        parts.append("Sources:\n" + "\n".join(f"- {line}" for line in citations))
    return "\n\n".join(part for part in parts if part)


def _citation(timeline: Timeline, ref: SourceRef) -> str:
    source = cited(timeline, ref)
    if source is None:
        return ref.source
    details = ", ".join(part for part in (source.publisher, edtf_text(source.published)) if part)
    text = source.title + (f" ({details})" if details else "")
    url = http_url(source.url)
    if url:
        text += f" {url}"
    if ref.quote:
        text += f': "{ref.quote}"'
    return text


def fold_line(line: str) -> str:
    """Fold a content line into pieces of at most 74 octets (RFC 5545 3.1), never inside a
    backslash escape such as ``\\n`` (some clients cannot join those)."""
    if len(line) <= FOLD_OCTETS and (line.isascii() or len(line.encode()) <= FOLD_OCTETS):
        return line
    if not line.isascii():
        return _fold_by_octets(line)
    pieces, start = [], 0
    while len(line) - start > FOLD_OCTETS:
        end = start + FOLD_OCTETS
        run = 0  # backslashes just before the cut; pieces start between escapes
        while run < end - start and line[end - 1 - run] == "\\":
            run += 1
        if run % 2:  # the last one opens an escape: keep it with what it escapes
            end -= 1
        pieces.append(line[start:end])
        start = end
    pieces.append(line[start:])
    return "\r\n ".join(pieces)


def _fold_by_octets(line: str) -> str:
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    escape_open = False
    for char in line:
        width = len(char.encode())
        if current and size + width > FOLD_OCTETS:
            carry = current.pop() if escape_open and len(current) > 1 else ""
            pieces.append("".join(current))
            current, size = ([carry], 1) if carry else ([], 0)
        current.append(char)
        size += width
        escape_open = char == "\\" and not escape_open
    pieces.append("".join(current))
    return "\r\n ".join(pieces)
