"""EDTF dates (Library of Congress Extended Date/Time Format), levels 0 and 1.

We parse EDTF ourselves rather than through the ``edtf`` package because every
error must say exactly what is wrong (``'2020-02-30' is not a real day``) and
every date must carry its precision and its earliest and latest day as
:class:`datetime.date`. The test suite checks that we agree with ``edtf`` on
every valid string it generates.

Supported::

    2020-10-04        a day                 2020-10-04?   uncertain
    2020-10           a month               2020-10~      approximate
    2020              a year                2020-10-04%   uncertain and approximate
    2020-21           a season (21 spring, 22 summer, 23 autumn, 24 winter)
    202X, 2020-XX, 2020-10-XX                unspecified digits
    2020-10-04T14:30:00Z                     a moment (kept at day precision)
    2020-10-05/2020-10-06                    a span
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from timeline.temporal.lexicon import MONTH_NAMES

PRECISIONS = ("day", "month", "season", "year", "decade", "century")

MONTHS = MONTH_NAMES

SEASONS = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
# Northern-hemisphere meteorological seasons; winter runs into the next year.
_SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}

HINT = (
    "write dates as YYYY-MM-DD, YYYY-MM or YYYY; add ? (uncertain) or ~ (approximate); "
    "a span is START/END, e.g. 2020-10-05/2020-10-06"
)

_SINGLE = re.compile(
    r"""^(?P<year>[0-9X]{4})
        (?:-(?P<month>[0-9X]{2})
           (?:-(?P<day>[0-9X]{2})
              (?:T(?P<time>[0-9]{2}:[0-9]{2}(?::[0-9]{2})?(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?))?
           )?
        )?
        (?P<qual>[?~%])?$""",
    re.VERBOSE,
)


class DateError(ValueError):
    """A string is not a valid EDTF date; the message says why."""


@dataclass(frozen=True)
class EdtfDate:
    """A parsed EDTF date or span with the days it can fall on."""

    text: str
    earliest: date
    latest: date
    precision: str
    uncertain: bool = False
    approximate: bool = False
    is_span: bool = False
    start: EdtfDate | None = field(default=None, compare=False, repr=False)
    end: EdtfDate | None = field(default=None, compare=False, repr=False)

    @property
    def is_day(self) -> bool:
        """True for one exact day (possibly uncertain), not a month, year or span."""
        return not self.is_span and self.earliest == self.latest

    def human(self) -> str:
        """The date as a reader would say it: '4 October 2020', 'October 2020 (approximate)'."""
        if self.is_span and self.start and self.end:
            text = human_range(self.start.earliest, self.end.latest, exact=True)
            if self.start.precision != "day" or self.end.precision != "day":
                text = f"{self.start.human()} to {self.end.human()}"
        else:
            text = _human_single(self)
        qualifiers = []
        if self.uncertain:
            qualifiers.append("uncertain")
        if self.approximate:
            qualifiers.append("approximate")
        if qualifiers and not self.is_span:
            text += f" ({', '.join(qualifiers)})"
        return text


def _human_single(value: EdtfDate) -> str:
    start = value.earliest
    if value.precision == "day":
        return f"{start.day} {MONTHS[start.month - 1]} {start.year}"
    if value.precision == "month":
        return f"{MONTHS[start.month - 1]} {start.year}"
    if value.precision == "season":
        season = SEASONS[{3: 21, 6: 22, 9: 23, 12: 24}[start.month]]
        return f"{season.capitalize()} {start.year}"
    if value.precision == "year":
        return str(start.year)
    if value.precision == "decade":
        return f"the {start.year}s"
    return f"{start.year}–{value.latest.year}"


def human_day(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def human_range(earliest: date | None, latest: date | None, *, exact: bool = False) -> str:
    """'4 October 2020', 'between 4 and 21 October 2020', 'after 4 October 2020'.

    ``exact`` says the event fills the whole range (a span, '5–6 October 2020')
    rather than happening at one unknown moment within it ('between ... and ...').
    """
    if earliest is None and latest is None:
        return "date unknown"
    if earliest is None:
        assert latest is not None
        return f"on or before {human_day(latest)}"
    if latest is None:
        return f"on or after {human_day(earliest)}"
    if earliest == latest:
        return human_day(earliest)
    if earliest.year == latest.year and earliest.month == latest.month:
        first = f"{earliest.day}"
    elif earliest.year == latest.year:
        first = f"{earliest.day} {MONTHS[earliest.month - 1]}"
    else:
        first = human_day(earliest)
    if exact:
        return f"{first}–{human_day(latest)}"
    return f"between {first} and {human_day(latest)}"


def parse_edtf(value: object) -> EdtfDate:
    """Parse an EDTF level 0/1 date or span; raise :class:`DateError` saying what is wrong.

    Accepts what YAML loaders produce too: a :class:`datetime.date` or a bare year int.
    """
    if isinstance(value, date):
        return _day(value.isoformat(), value, qualifier=None)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise DateError(f"a date must be text such as 2020-10-04, not {_kind(value)}")
    # a bare year: 44 is 0044; a negative one is shown as written
    text = str(value).strip() if isinstance(value, str) or value < 0 else f"{value:04d}"
    if not text:
        raise DateError("the date is empty")
    if "/" in text:
        return _parse_span(text)
    return _parse_single(text)


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "an empty value"
    return type(value).__name__


def _parse_span(text: str) -> EdtfDate:
    parts = text.split("/")
    if len(parts) != 2:
        raise DateError(f"'{text}' has more than one '/'; a span is START/END")
    first, second = parts
    if first in ("", "..") or second in ("", ".."):
        raise DateError(
            f"'{text}' is an open-ended span; give both ends, or use not_before / not_after"
        )
    start = _parse_single(first)
    end = _parse_single(second)
    if end.latest < start.earliest:
        raise DateError(f"span '{text}' ends before it starts")
    return EdtfDate(
        text=text,
        earliest=start.earliest,
        latest=end.latest,
        precision=_coarser(start.precision, end.precision),
        uncertain=start.uncertain or end.uncertain,
        approximate=start.approximate or end.approximate,
        is_span=True,
        start=start,
        end=end,
    )


def _coarser(a: str, b: str) -> str:
    return a if PRECISIONS.index(a) >= PRECISIONS.index(b) else b


def _parse_single(text: str) -> EdtfDate:
    match = _SINGLE.match(text)
    if not match:
        raise DateError(f"'{text}' is not an EDTF date")
    qual = match["qual"]
    year_s, month_s, day_s = match["year"], match["month"], match["day"]
    uncertain = qual in ("?", "%")
    approximate = qual in ("~", "%")

    def made(earliest: date, latest: date, precision: str) -> EdtfDate:
        return EdtfDate(text, earliest, latest, precision, uncertain, approximate)

    if "X" in year_s:
        if month_s is not None or not re.fullmatch(r"[0-9]{2,3}X{1,2}", year_s):
            raise DateError(f"'{text}': only the last one or two digits of a year may be X")
        digits = year_s.rstrip("X")
        width = 10 ** (4 - len(digits))
        first = max(int(digits) * width, 1)
        return made(
            date(first, 1, 1),
            date(int(digits) * width + width - 1, 12, 31),
            "decade" if width == 10 else "century",
        )
    year = int(year_s)
    if year == 0:
        raise DateError(f"'{text}': year 0 cannot be placed on a calendar here")
    if month_s is None:
        return made(date(year, 1, 1), date(year, 12, 31), "year")
    if month_s == "XX":
        if day_s is not None and day_s != "XX":
            raise DateError(f"'{text}': a day cannot be known when the month is not")
        return made(date(year, 1, 1), date(year, 12, 31), "year")
    month = int(month_s)
    if month in SEASONS:
        if day_s is not None:
            raise DateError(f"'{text}': a season ({SEASONS[month]}) cannot have a day")
        first_month, last_month = _SEASON_MONTHS[month]
        last_year, last_month = (year + 1, 2) if last_month > 12 else (year, last_month)
        if last_year > 9999:
            raise DateError(f"'{text}': the winter of 9999 runs past the calendar")
        return made(date(year, first_month, 1), _month_end(last_year, last_month), "season")
    if not 1 <= month <= 12:
        raise DateError(f"'{text}': month {month_s} does not exist (01–12, or 21–24 for seasons)")
    if day_s is None or day_s == "XX":
        return made(date(year, month, 1), _month_end(year, month), "month")
    day = int(day_s)
    days_in_month = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days_in_month:
        raise DateError(
            f"'{text}' is not a real day ({MONTHS[month - 1]} {year} has {days_in_month} days)"
        )
    return _day(text, date(year, month, day), qual)


def _day(text: str, day: date, qualifier: str | None) -> EdtfDate:
    return EdtfDate(
        text=text,
        earliest=day,
        latest=day,
        precision="day",
        uncertain=qualifier in ("?", "%"),
        approximate=qualifier in ("~", "%"),
    )


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])
