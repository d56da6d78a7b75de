"""What both readers produce: rows of events.yaml fields, each with where it came from.

A TimelineJS slide and a spreadsheet row say the same things (a start and end date in
parts, a headline, HTML text, media, a group); :func:`event_fields` turns them into the
fields of an events.yaml event, or into the problems that stop it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from timeline.dates import DateError, parse_edtf
from timeline.exceptions import Problem
from timeline.exports.common import http_url
from timeline.imports.htmltext import html_to_text, one_line
from timeline.schema import SLUG_PATTERN
from timeline.vocabulary import TYPE_NAMES

_SLUG = re.compile(SLUG_PATTERN)


@dataclass
class Row:
    """One event read from the file: its events.yaml fields and its place in the file."""

    line: int
    column: int
    entry: dict[str, Any]  # 'id' may be missing: made from the title when written
    cites: bool  # the entry names its own sources (else it cites the imported file)


@dataclass
class Parsed:
    """A whole file: its title, the rows read, sources it defines, and its problems."""

    title: str = ""
    description: str = ""
    rows: list[Row] = field(default_factory=list)
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Slide:
    """The parts of a TimelineJS slide or spreadsheet row, as text."""

    start: dict[str, str]  # year, month, day (strings, possibly empty)
    end: dict[str, str]
    headline: str  # HTML
    text: str = ""  # HTML
    media_url: str = ""
    media_alt: str = ""
    media_caption: str = ""
    media_credit: str = ""
    group: str = ""
    unique_id: str = ""


def edtf(parts: dict[str, str], label: str) -> tuple[str | None, str | None]:
    """'2020', '2020-10' or '2020-10-04' from year/month/day parts; or an error message."""
    year, month, day = (str(parts.get(k, "") or "").strip() for k in ("year", "month", "day"))
    if not year:
        return None, None if not (month or day) else f"{label} has a month or day but no year"
    if not re.fullmatch(r"\d{1,4}", year):
        return None, f"{label} year '{year}' is not a year from 1 to 9999"
    text = f"{int(year):04d}"
    if month:
        if not re.fullmatch(r"\d{1,2}", month) or not 1 <= int(month) <= 12:
            return None, f"{label} month '{month}' is not a month number (1 to 12)"
        text += f"-{int(month):02d}"
        if day:
            if not re.fullmatch(r"\d{1,2}", day):
                return None, f"{label} day '{day}' is not a day of the month"
            text += f"-{int(day):02d}"
    elif day:
        return None, f"{label} has a day but no month"
    try:
        parse_edtf(text)
    except DateError as err:
        return None, f"{label} {err}"
    return text, None


def event_fields(slide: Slide) -> tuple[dict[str, Any], list[str], list[str]]:
    """The events.yaml fields a slide gives, the errors that stop it and warnings."""
    errors: list[str] = []
    warnings: list[str] = []
    title = one_line(slide.headline)
    if not title:
        errors.append("no headline: every event needs a title")
    start, problem = edtf(slide.start, "start date")
    if problem:
        errors.append(problem)
    elif start is None:
        errors.append("no start date (Year is empty)")
    end, problem = edtf(slide.end, "end date")
    if problem:
        errors.append(problem)
    if start and end and parse_edtf(end).latest < parse_edtf(start).earliest:
        errors.append(f"the end date ({end}) is before the start date ({start})")
    entry: dict[str, Any] = {"title": title}
    if start:
        entry["date"] = f"{start}/{end}" if end and end != start else start
    group = one_line(slide.group)
    if group.lower() in TYPE_NAMES:
        entry["type"] = group.lower()
    else:
        from timeline.add import guess_type  # the same words `timeline add` reads

        entry["type"] = guess_type(title)
        if group:
            entry["tags"] = [group]
    summary = html_to_text(slide.text)
    if summary:
        entry["summary"] = summary
    media = _media(slide, title, warnings)
    if media:
        entry["media"] = media
    if slide.unique_id and _SLUG.match(slide.unique_id):
        entry["id"] = slide.unique_id
    return entry, errors, warnings


def _media(slide: Slide, title: str, warnings: list[str]) -> dict[str, str] | None:
    url = slide.media_url.strip()
    if not url:
        return None
    if not http_url(url):
        shown = url if len(url) < 60 else url[:57] + "..."
        warnings.append(f"media '{shown}' is not an http(s) link; the event is imported without it")
        return None
    caption, credit = one_line(slide.media_caption), one_line(slide.media_credit)
    media = {"url": url, "alt": one_line(slide.media_alt) or caption or title}
    if caption:
        media["caption"] = caption
    if credit:
        media["credit"] = credit
    return media


def where(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1
