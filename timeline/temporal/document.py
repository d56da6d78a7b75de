"""Finding the publication date of a document."""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from .lexicon import MONTHS
from .timeml import parse_timeml

__all__ = ["Publication", "find_publication_date"]

_HEADER = re.compile(r"^[ \t\ufeff]*date[ \t]*:?[ \t]+(\d{4}-\d{2}-\d{2})\b", re.I | re.M)
_DATELINE = re.compile(
    r"^[ \t\ufeff]*(?:date[ \t]*:?[ \t]+\d{4}-\d{2}-\d{2}[ \t]*)?[A-Z][A-Za-z .'-]{1,40},[ \t]+"
    r"(?P<month>[A-Z][a-z]+)\.?[ \t]+(?P<day>\d{1,2})(?:,[ \t]*(?P<year>\d{4}))?[.,]?[ \t]*"
    r"(?:/[A-Za-z-]+/|\([A-Za-z-]+\)|-|—|–)",
    re.M,
)
_ANY_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
_DCT = re.compile(r"<DCT>[^<]*<TIMEX3[^>]*value=\"(\d{4}-\d{2}-\d{2})", re.S)


class Publication(NamedTuple):
    """A publication date and where it was found (``span`` None when not from the text)."""

    date: dt.date
    source: str  # "header", "dateline" or "dct"
    span: tuple[int, int] | None


def find_publication_date(text: str) -> dt.date | None:
    """The publication date stated in a document, or None (see :func:`locate`)."""
    found = locate(text)
    return found.date if found else None


def locate(text: str, head: int = 4000) -> Publication | None:
    """Look for a TimeML ``<DCT>``, a ``date YYYY-MM-DD`` header line or a news dateline.

    The first found wins, in that order. A dateline without a year ("BISHKEK, October 21.
    /TASS/.") takes the first year written in the opening of the text; with none there, no
    date is found.
    """
    m = _DCT.search(text, 0, 20000)
    if m:
        return Publication(dt.date.fromisoformat(m.group(1)), "dct", None)
    top = text[:head]
    header = _HEADER.search(top)
    if header:
        try:
            day = dt.date.fromisoformat(header.group(1))
        except ValueError:
            day = None
        if day is not None:
            return Publication(day, "header", (header.start(1), header.end(1)))
    line = _DATELINE.search(top)
    month = _month_number(line.group("month")) if line else None
    if line and month:
        year_text = line.group("year")
        if year_text is None:
            full = _ANY_YEAR.search(text, 0, head)
            if full is None:
                return None
            year_text = full.group(1)
        try:
            day = dt.date(int(year_text), month, int(line.group("day")))
        except ValueError:
            return None
        return Publication(day, "dateline", (line.start("month"), line.end("day")))
    return None


def _month_number(word: str) -> int | None:
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or MONTHS.get(w[:3])


def strip_timeml(text: str) -> tuple[str, dt.date | None]:
    """For TimeML input: the stripped TEXT and the DCT date."""
    doc = parse_timeml(text)
    dct = None
    if doc.dct:
        try:
            dct = dt.date.fromisoformat(doc.dct[:10])
        except ValueError:
            dct = None
    return doc.text, dct
