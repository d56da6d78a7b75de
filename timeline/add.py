"""Append one event to events.yaml from a phrase such as ``October 15, 2020: X resigns``.

The date is read by :mod:`dateparser`, but only when it is unambiguous: a
numeric date whose day and month could be swapped, a date without a year or a
relative date ('yesterday') is refused with a request to write it in ISO form.
The id is a slug of the title, made unique against the file; the type is
guessed from the title's words unless given. The event is appended through the
round-trip store, so comments and formatting survive, and the whole document is
validated before anything is written.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import os
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from timeline.dates import MONTHS, DateError, EdtfDate, parse_edtf
from timeline.exceptions import InputError, ValidationError
from timeline.slug import slugify as _slugify
from timeline.store import Document, edit_document, parse_text
from timeline.validate import check_document
from timeline.vocabulary import TYPE_NAMES

log = logging.getLogger(__name__)

MAX_SLUG_LENGTH = 60
SEPARATORS = (": ", " — ", " – ", " - ")
_ISO_HINT = "write the date as YYYY-MM-DD, YYYY-MM or YYYY, e.g. {example}"


@dataclass(frozen=True)
class Phrase:
    """A phrase split into its date (EDTF text) and title."""

    date: EdtfDate
    title: str


@dataclass(frozen=True)
class AddedEvent:
    id: str
    title: str
    date: str
    type: str
    type_guessed: bool
    source_created: str | None = None  # the id of a source --source-url defined


class SourceNeeded(InputError):
    """An event was added without a source, or with one the file does not define."""


class AlreadyThere(InputError):
    """An event with the same title on the same day is in the file already."""


# -- the phrase ------------------------------------------------------------------------


def split_phrase(phrase: str) -> tuple[str, str]:
    """'October 15, 2020: X resigns' → ('October 15, 2020', 'X resigns')."""
    text = " ".join(phrase.split())
    for separator in SEPARATORS:
        head, found, tail = text.partition(separator)
        if found and head.strip() and tail.strip():
            return head.strip(), tail.strip().rstrip(".").strip()
    raise InputError(
        f"cannot tell the date from the title in '{text}'; write 'DATE: TITLE', "
        "e.g. '2020-10-15: President Jeenbekov resigns'"
    )


def parse_phrase(phrase: str) -> Phrase:
    """Split a phrase and read its date; refuse anything that would need a guess."""
    date_text, title = split_phrase(phrase)
    return Phrase(parse_date(date_text, title), title)


_NUMERIC = re.compile(r"^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})$")


def parse_date(text: str, title: str | None = None) -> EdtfDate:
    """Read a date written as EDTF or in words ('October 15, 2020', 'October 2020').

    ``title``, when the date came from a phrase, makes the hints show the whole phrase.
    A day that does not exist gets the message ``timeline validate`` gives.
    """
    try:
        return parse_edtf(text)
    except DateError as err:
        if "is not a real day" in str(err):
            raise InputError(f"date {err}") from None
    _check_real_day(text)
    hint = _ISO_HINT.format(example=_example("2020-10-15", title))
    numeric = _NUMERIC.match(text)
    if numeric:
        _check_numeric(text, *(int(part) for part in numeric.groups()), title=title)
    years = {int(y) for y in re.findall(r"(?<!\d)\d{4}(?!\d)", text)}
    if not years:
        raise InputError(f"the date '{text}' has no year; {hint}")
    parsed = _dateparser(text)
    if parsed is None:
        raise InputError(f"cannot read '{text}' as a date; {hint}")
    day, period = parsed
    if day.year not in years:
        raise InputError(f"'{text}' is ambiguous (read as {day.isoformat()}); {hint}")
    if period in ("day", "time"):
        edtf = day.isoformat()
    elif period == "month":
        edtf = f"{day.year:04d}-{day.month:02d}"
    elif period == "year":
        edtf = f"{day.year:04d}"
    else:
        raise InputError(f"'{text}' is a {period}, not a day, month or year; {hint}")
    log.debug("read date %r as %s (%s)", text, edtf, period)
    return parse_edtf(edtf)


def _check_numeric(text: str, first: int, second: int, third: int, *, title: str | None) -> None:
    """Refuse 03/04/2020 (3 April or 4 March?) and two-digit years."""
    if first > 999:  # 2020/10/15: year first is unambiguous
        return
    if third < 1000:
        raise InputError(
            f"'{text}' has a two-digit year; write the date as YYYY-MM-DD, "
            f"e.g. {_example(_iso_guess(first, second, third), title)}"
        )
    if first <= 12 and second <= 12 and first != second:
        one = dt.date(third, second, first).isoformat()
        other = dt.date(third, first, second).isoformat()
        raise InputError(
            f"'{text}' is ambiguous: day {first} of month {second}, or month {first} day "
            f"{second}? Write it as {one} or {other}"
        )


_MONTH_NAMES = {name.lower(): n for n, name in enumerate(MONTHS, 1)}
_MONTH_NAMES.update({name[:3].lower(): n for n, name in enumerate(MONTHS, 1)})
_WORDED = re.compile(
    r"^(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>[a-z]+)\.?,?|(?P<m2>[a-z]+)\.?\s+"
    r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?)\s+(?P<y>\d{4})$",
    re.IGNORECASE,
)


def _check_real_day(text: str) -> None:
    """'30 February 2024' or 'February 30, 2024': the day 'timeline validate' would refuse,
    with its message."""
    found = _WORDED.match(" ".join(text.split()))
    if not found:
        return
    month = _MONTH_NAMES.get((found["m1"] or found["m2"]).lower())
    day, year = int(found["d1"] or found["d2"]), int(found["y"])
    if month is None or year < 1:
        return
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        raise InputError(
            f"date '{text}' is not a real day ({MONTHS[month - 1]} {year} has {days} days; "
            f"read as {iso})"
        )


def _example(iso: str, title: str | None) -> str:
    return f"'{iso}: {title}'" if title else iso


def _iso_guess(first: int, second: int, third: int) -> str:
    return f"20{third:02d}-{second:02d}-{first:02d}" if third < 100 else "YYYY-MM-DD"


def _dateparser(text: str) -> tuple[dt.date, str] | None:
    from dateparser.date import DateDataParser

    settings = {
        "REQUIRE_PARTS": ["year"],
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": True,
        "DATE_ORDER": "DMY",
    }
    # English first (fast); then let dateparser detect the language ('15 октября 2020').
    for languages in (["en"], None):
        data = DateDataParser(languages=languages, settings=settings).get_date_data(text)
        if data.date_obj is not None:
            return data.date_obj.date(), str(data.period)
    return None


# -- the id and the type -----------------------------------------------------------------


def slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """A lowercase ASCII slug of ``text`` (see :func:`timeline.slug.slugify`)."""
    return _slugify(text, max_length)


def unique_slug(base: str, existing: Collection[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is not taken yet (and is not a name
    Windows keeps for a device, which an event's page could not be called)."""
    from timeline.validate import DEVICE_NAMES

    if base in DEVICE_NAMES:
        base = f"{base}-event"
    if base not in existing:
        return base
    number = 2
    while f"{base}-{number}" in existing:
        number += 1
    return f"{base}-{number}"


def guess_type(title: str) -> str:
    """The event type the extractor's lexicon reads in the title; 'other' when none."""
    from timeline.extract.classify import event_type

    return event_type(title) or "other"


# -- the file ----------------------------------------------------------------------------


def add_event(
    events_path: str | os.PathLike[str],
    phrase: str,
    *,
    event_type: str | None = None,
    actors: Sequence[str] = (),
    source: str | None = None,
    quote: str | None = None,
    source_url: str | None = None,
    source_title: str | None = None,
) -> AddedEvent:
    """Append the event the phrase describes to ``events_path`` and return what was added.

    ``source_url`` cites the source with that link, defining it (titled ``source_title``)
    when the file has none. Nothing is written if the phrase is unclear, the source is
    unknown, the same event (title and day) is there already, or the file would not
    validate afterwards.
    """
    for option, value in (("PHRASE", phrase), ("--source", source), ("--quote", quote)):
        check_text(value, option)
    for actor in actors:
        check_text(actor, "--actor")
    parsed = parse_phrase(phrase)
    if event_type is not None and event_type not in TYPE_NAMES:
        raise InputError(f"unknown type '{event_type}'; types: {', '.join(TYPE_NAMES)}")
    _check_source_options(source, quote, source_url, source_title)
    chosen_type = event_type or guess_type(parsed.title)
    display = os.fspath(events_path)
    created = None
    with edit_document(events_path, display) as doc:
        events = _events_list(doc)
        if source_url is not None:
            source, created = _source_for_url(doc, source_url, source_title)
        _check_source(doc, source)
        _check_not_there(doc, events, parsed)
        ids = {str(e.get("id")) for e in events if isinstance(e, dict)}
        event_id = unique_slug(slugify(parsed.title), ids)
        entry = _entry(event_id, parsed, chosen_type, actors, source, quote)
        _append(doc, events, entry)
        _validate(doc)
    log.info("added event %s to %s", event_id, display)
    return AddedEvent(
        event_id, parsed.title, parsed.date.text, chosen_type, event_type is None, created
    )


def _check_source_options(
    source: str | None, quote: str | None, url: str | None, title: str | None
) -> None:
    if source is not None and url is not None:
        raise InputError("give --source ID or --source-url URL, not both")
    if title is not None and url is None:
        raise InputError("--source-title needs --source-url: it is the title of that source")
    if url is not None and not re.match(r"(?i)https?://[^\s]+$", url.strip()):
        raise InputError(f"--source-url '{url}' is not an http(s) link")
    if quote is not None and source is None and url is None:
        raise InputError("--quote needs --source: the quote is from that source")


def _source_for_url(doc: Document, url: str, title: str | None) -> tuple[str, str | None]:
    """The id of the source with ``url``, defining it when the file has none: (id, id if new)."""
    url = url.strip()
    sources = doc.data.get("sources")
    if not isinstance(sources, dict):
        sources = CommentedMap()
        doc.data["sources"] = sources
    for sid, entry in sources.items():
        if isinstance(entry, dict) and str(entry.get("url", "")).strip() == url:
            return str(sid), None
    parts = urlsplit(url)
    host = parts.hostname or "source"
    host = host[4:] if host.startswith("www.") else host
    last = next((p for p in reversed(parts.path.split("/")) if p), "")
    sid = unique_slug(slugify(f"{host} {last}", max_length=48), {str(s) for s in sources})
    entry = CommentedMap()
    entry["title"] = title.strip() if title and title.strip() else f"{host}{parts.path}".rstrip("/")
    entry["publisher"] = host
    entry["url"] = url
    if not sources:
        sources.fa.set_block_style()
    sources[sid] = entry
    return sid, sid


def _check_not_there(doc: Document, events: CommentedSeq, parsed: Phrase) -> None:
    """Refuse an event whose title and day are those of an event in the file."""
    title = " ".join(parsed.title.split()).casefold()
    for index, entry in enumerate(events):
        if not isinstance(entry, dict) or entry.get("date") is None:
            continue
        if " ".join(str(entry.get("title", "")).split()).casefold() != title:
            continue
        try:
            when = parse_edtf(entry["date"])
        except DateError:
            continue
        if (when.earliest, when.latest) == (parsed.date.earliest, parsed.date.latest):
            line = events.lc.item(index)[0] + 1 if getattr(events, "lc", None) else 0
            raise AlreadyThere(
                f"'{parsed.title}' on {parsed.date.human()} is already in {doc.display} "
                f"(event '{entry.get('id')}'{f', line {line}' if line else ''}); nothing added. "
                "Edit that event, or give this one a title that tells them apart"
            )


def check_text(value: str | None, option: str) -> None:
    """Refuse an argument that was not UTF-8: the shell hands such bytes over as surrogates,
    which would be written to events.yaml as escapes no YAML reader accepts."""
    if value is None:
        return
    bad = next((i for i, char in enumerate(value) if "\udc80" <= char <= "\udcff"), None)
    if bad is None:
        return
    shown = value.encode("utf-8", "surrogateescape").decode("ascii", "backslashreplace")
    raise InputError(
        f"{option} is not UTF-8 text (byte 0x{ord(value[bad]) - 0xDC00:02x} in '{shown}'); "
        "nothing was written; set your terminal to UTF-8, or type the text again"
    )


def _events_list(doc: Document) -> CommentedSeq:
    data = doc.data
    if not isinstance(data, dict):
        check_document(doc)  # raises the located 'top level must be a mapping' error
    events = data.get("events")
    if events is None:
        events = CommentedSeq()
        data["events"] = events
    if not isinstance(events, list):
        check_document(doc)  # raises "'events' must be a list"
    return events


def _check_source(doc: Document, source: str | None) -> None:
    sources = doc.data.get("sources")
    defined = sorted(str(s) for s in sources) if isinstance(sources, dict) else []
    if source is None:
        raise SourceNeeded(
            "every event needs a source; add --source ID"
            + (f" (defined: {', '.join(defined)})" if defined else "")
            + ", or --source-url URL to cite a link (it is added under 'sources:')"
        )
    if source not in defined:
        listed = f" (defined: {', '.join(defined)})" if defined else ""
        raise SourceNeeded(
            f"unknown source '{source}'{listed}; {_how_to_add_source(doc, source).lstrip('; ')}"
        )


def _how_to_add_source(doc: Document, source: str = "my-source") -> str:
    return (
        f"; define it first under 'sources:' in {doc.display}, e.g.\n"
        f"  sources:\n    {source}:\n      title: Headline of the article\n"
        "      url: https://example.org/article"
    )


def _entry(
    event_id: str,
    parsed: Phrase,
    event_type: str,
    actors: Sequence[str],
    source: str | None,
    quote: str | None,
) -> CommentedMap:
    entry = CommentedMap()
    entry["id"] = event_id
    entry["title"] = parsed.title
    entry["date"] = _yaml_date(parsed.date)
    entry["type"] = event_type
    if actors:
        names = CommentedSeq(actors)
        names.fa.set_flow_style()
        entry["actors"] = names
    ref = CommentedMap()
    ref["source"] = source
    if quote:
        ref["quote"] = quote
    entry["sources"] = CommentedSeq([ref])
    return entry


def _yaml_date(value: EdtfDate) -> Any:
    """The date as the file's other dates are written: plain 2020-10-15, 2020-10, 2020."""
    if value.precision == "day" and value.text == value.earliest.isoformat():
        return value.earliest
    if value.precision == "year" and value.text.isdigit():
        return int(value.text)
    return value.text


def _append(doc: Document, events: CommentedSeq, entry: CommentedMap) -> None:
    if not events:
        events.fa.set_block_style()
        if not re.search(r"^\s*- ", doc.text, re.MULTILINE):
            mapping = doc.style[0]  # no list in the file to copy: use the usual '  - id:'
            doc.style = (mapping, mapping + 2, mapping)
    events.append(entry)
    if len(events) > 1:
        events.yaml_set_comment_before_after_key(len(events) - 1, before="\n")


def _validate(doc: Document) -> None:
    """Refuse the addition if the document would not validate; locate errors as saved."""
    try:
        check_document(doc)
    except ValidationError:
        # Re-read the text as it would be saved, so every line number is real.
        check_document(parse_text(doc.dump(), doc.display))
        raise
