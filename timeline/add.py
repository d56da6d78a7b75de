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

import datetime as dt
import logging
import os
import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from timeline.dates import DateError, EdtfDate, parse_edtf
from timeline.exceptions import InputError, ValidationError
from timeline.store import Document, edit_document, parse_text
from timeline.validate import check_document
from timeline.vocabulary import TYPE_NAMES

log = logging.getLogger(__name__)

MAX_SLUG_LENGTH = 60
SEPARATORS = (": ", " — ", " – ", " - ")
_ISO_HINT = "write the date as YYYY-MM-DD, YYYY-MM or YYYY, e.g. {example}"

# What each type's words look like. Checked in this order, the first match wins: the more
# specific acts come first, so "Court annuls the election" is a court ruling, "Protesters
# storm the White House" is violence and "New law on elections" is legislation.
_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
TYPE_RULES: tuple[tuple[str, str], ...] = (
    ("resignation", r"\bresign|\bstep(?:s|ped|ping)? down\b|\bquits?\b"),
    ("court", r"\bcourts?\b|\bruling|\brules\b|\bannul|\bverdict|\bjudge"),
    ("arrest", r"\barrest|\bdetain|\bdetention\b|\bcharged\b"),
    ("release", r"\bfree[sd]?\b|\breleas|\bpardon|\bacquit"),
    ("appointment", r"\bappoint|\bnamed\b|\bnominat|\bconfirmed\b|\bsworn in\b"),
    ("violence", r"\bclash|\bstorm|\battack|\bkill|\bseiz"),
    ("agreement", r"\bdeal\b|\bagree|\bceasefire|\btreaty|\baccord\b"),
    ("legislation", r"\blaws?\b|\bdecree|\bemergency\b|\bbill\b|\bcurfew"),
    ("meeting", r"\bmeet|\bmet\b|\btalks\b|\bvisit|\bsummit"),
    ("protest", r"\bprotest|\brall(?:y|ies|ied)\b|\bdemonstrat|\bstrikes?\b"),
    ("election", r"\belect|\bvot(?:e|es|ed|ing)\b|\bballot|\breferend|\bpolls?\b"),
    # 'by' alone is too common ("seized by protesters"); 'by December 20' is a deadline.
    ("deadline", rf"\bdeadline|\bmust\b|\bby (?:the end|[0-9]|{_MONTHS})"),
)


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


class SourceNeeded(InputError):
    """An event was added without a source, or with one the file does not define."""


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
    """
    try:
        return parse_edtf(text)
    except DateError:
        pass
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


# Cyrillic letters (Russian and Kyrgyz) to Latin, so 'Жээнбеков' gives 'zheenbekov'.
_LATIN = "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch _ y _ e iu ia n o u"
_CYRILLIC = {
    cyrillic: latin.strip("_")
    for cyrillic, latin in zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяңөү", _LATIN.split(" "), strict=True
    )
}


def _latin(text: str) -> str:
    lowered = text.lower()
    if not any(char in _CYRILLIC for char in lowered):
        return lowered
    return "".join(_CYRILLIC.get(char, char) for char in lowered)


def slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """A lowercase ASCII slug of ``text``, cut at a word boundary; 'event' if nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", _latin(text)).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    if not slug and words:
        slug = words[0][:max_length]
    return slug or "event"


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
    """The event type the title's words suggest; 'other' when none does."""
    lowered = title.lower()
    for name, pattern in TYPE_RULES:
        if re.search(pattern, lowered):
            return name
    return "other"


# -- the file ----------------------------------------------------------------------------


def add_event(
    events_path: str | os.PathLike[str],
    phrase: str,
    *,
    event_type: str | None = None,
    actors: Sequence[str] = (),
    source: str | None = None,
    quote: str | None = None,
) -> AddedEvent:
    """Append the event the phrase describes to ``events_path`` and return what was added.

    Nothing is written if the phrase is unclear, the source is unknown, or the
    file would not validate afterwards.
    """
    for option, value in (("PHRASE", phrase), ("--source", source), ("--quote", quote)):
        check_text(value, option)
    for actor in actors:
        check_text(actor, "--actor")
    parsed = parse_phrase(phrase)
    if event_type is not None and event_type not in TYPE_NAMES:
        raise InputError(f"unknown type '{event_type}'; types: {', '.join(TYPE_NAMES)}")
    if quote is not None and source is None:
        raise InputError("--quote needs --source: the quote is from that source")
    chosen_type = event_type or guess_type(parsed.title)
    display = os.fspath(events_path)
    with edit_document(events_path, display) as doc:
        events = _events_list(doc)
        _check_source(doc, source)
        ids = {str(e.get("id")) for e in events if isinstance(e, dict)}
        event_id = unique_slug(slugify(parsed.title), ids)
        entry = _entry(event_id, parsed, chosen_type, actors, source, quote)
        _append(doc, events, entry)
        _validate(doc)
    log.info("added event %s to %s", event_id, display)
    return AddedEvent(event_id, parsed.title, parsed.date.text, chosen_type, event_type is None)


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
            + (f" (defined: {', '.join(defined)})" if defined else _how_to_add_source(doc))
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
