"""Read TimelineJS3 JSON (timeline.knightlab.com/docs/json-format.html).

Slides become events: ``start_date``/``end_date`` the date (a span when both are
given), ``text.headline`` the title and ``text.text`` the summary (HTML made plain),
``media`` the media, ``group`` the type when it names one (else a tag, and the type is
guessed from the title), ``unique_id`` the id. Eras are periods, not events: they are
reported and left out. A file written by ``timeline export --format timelinejs``
carries each event as events.yaml held it (under ``timeline``), and that is used as is.

Problems are located by line and column: the file is walked once more to find where
each slide starts.
"""

from __future__ import annotations

import json
import re
from typing import Any

from timeline.exceptions import Problem
from timeline.imports.htmltext import html_to_text, one_line
from timeline.imports.rows import Parsed, Row, Slide, event_fields, where

_SPACE = re.compile(r"[ \t\n\r]*")


def read_timelinejs(text: str, display: str) -> Parsed:
    parsed = Parsed()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        parsed.problems.append(
            Problem(display, err.lineno, err.colno, f"not valid JSON: {err.msg}")
        )
        return parsed
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        parsed.problems.append(
            Problem(display, 1, 1, "not TimelineJS JSON: no 'events' list at the top level")
        )
        return parsed
    extras = data.get("timeline") if isinstance(data.get("timeline"), dict) else {}
    _title(data, extras, parsed)
    offsets = _item_offsets(text, "events")
    for index, slide in enumerate(data["events"]):
        line, column = where(text, offsets[index]) if index < len(offsets) else (1, 1)
        _slide(slide, line, column, display, parsed)
    for line, column, entry in _undated(text, extras):
        parsed.rows.append(Row(line, column, entry, bool(entry.get("sources"))))
    for index, era in enumerate(data.get("eras") or []):
        offsets = _item_offsets(text, "eras")
        line, column = where(text, offsets[index]) if index < len(offsets) else (1, 1)
        name = one_line(str(((era or {}).get("text") or {}).get("headline") or "")) or "an era"
        parsed.problems.append(
            Problem(display, line, column, f"era '{name}' is a period, not an event; not imported",
                    severity="warning")
        )  # fmt: skip
    return parsed


def _title(data: dict[str, Any], extras: dict[str, Any], parsed: Parsed) -> None:
    title = data.get("title") if isinstance(data.get("title"), dict) else {}
    words = title.get("text") if isinstance(title.get("text"), dict) else {}
    parsed.title = str(extras.get("title") or one_line(str(words.get("headline") or "")))
    parsed.description = str(
        extras.get("description") or html_to_text(str(words.get("text") or ""))
    )
    sources = extras.get("sources")
    if isinstance(sources, dict):
        parsed.sources = {str(k): v for k, v in sources.items() if isinstance(v, dict)}


def _slide(slide: Any, line: int, column: int, display: str, parsed: Parsed) -> None:
    if not isinstance(slide, dict):
        parsed.problems.append(Problem(display, line, column, "a slide must be an object"))
        return
    own = slide.get("timeline")
    if isinstance(own, dict) and own.get("title"):  # written by timeline export: as it was
        parsed.rows.append(Row(line, column, dict(own), bool(own.get("sources"))))
        return
    words = slide.get("text") if isinstance(slide.get("text"), dict) else {}
    media = slide.get("media") if isinstance(slide.get("media"), dict) else {}
    fields = Slide(
        start=_parts(slide.get("start_date")),
        end=_parts(slide.get("end_date")),
        headline=str(words.get("headline") or ""),
        text=str(words.get("text") or ""),
        media_url=str(media.get("url") or ""),
        media_alt=str(media.get("alt") or ""),
        media_caption=str(media.get("caption") or ""),
        media_credit=str(media.get("credit") or ""),
        group=str(slide.get("group") or ""),
        unique_id=str(slide.get("unique_id") or ""),
    )
    entry, errors, warnings = event_fields(fields)
    name = f"slide '{entry['title']}'" if entry.get("title") else "a slide"
    for message in errors:
        parsed.problems.append(Problem(display, line, column, f"{name}: {message}"))
    for message in warnings:
        parsed.problems.append(
            Problem(display, line, column, f"{name}: {message}", severity="warning")
        )
    if not errors:
        parsed.rows.append(Row(line, column, entry, False))


def _parts(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {k: "" if value.get(k) is None else str(value.get(k)) for k in ("year", "month", "day")}


def _undated(text: str, extras: dict[str, Any]) -> list[tuple[int, int, dict[str, Any]]]:
    undated = extras.get("undated")
    if not isinstance(undated, list):
        return []
    return [(1, 1, dict(e)) for e in undated if isinstance(e, dict) and e.get("title")]


def _item_offsets(text: str, key: str) -> list[int]:
    """Where each item of the top-level array ``key`` starts in ``text`` (valid JSON)."""
    decoder = json.JSONDecoder()
    i = _SPACE.match(text, 0).end()  # type: ignore[union-attr]
    if text[i : i + 1] != "{":
        return []
    i += 1
    while True:
        i = _SPACE.match(text, i).end()  # type: ignore[union-attr]
        if text[i : i + 1] in ("}", ""):
            return []
        name, i = decoder.raw_decode(text, i)
        i = _SPACE.match(text, i).end() + 1  # type: ignore[union-attr]  # past ':'
        i = _SPACE.match(text, i).end()  # type: ignore[union-attr]
        if name == key and text[i : i + 1] == "[":
            return _items(text, i, decoder)
        _, i = decoder.raw_decode(text, i)
        i = _SPACE.match(text, i).end()  # type: ignore[union-attr]
        if text[i : i + 1] == ",":
            i += 1


def _items(text: str, i: int, decoder: json.JSONDecoder) -> list[int]:
    offsets = []
    i += 1
    while True:
        i = _SPACE.match(text, i).end()  # type: ignore[union-attr]
        if text[i : i + 1] in ("]", ""):
            return offsets
        offsets.append(i)
        _, i = decoder.raw_decode(text, i)
        i = _SPACE.match(text, i).end()  # type: ignore[union-attr]
        if text[i : i + 1] == ",":
            i += 1
