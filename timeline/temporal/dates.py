"""Calendar arithmetic: TimeML values and the days they cover."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from typing import NamedTuple

__all__ = [
    "Point",
    "add_days",
    "add_months",
    "century",
    "day",
    "decade",
    "half",
    "month",
    "point_for_value",
    "quarter",
    "season",
    "week",
    "weekend",
    "year",
]  # fmt: skip

MIN_YEAR, MAX_YEAR = 1, 9999


class Point(NamedTuple):
    """A resolved calendar unit: TimeML value plus first and last day covered."""

    value: str
    earliest: dt.date | None
    latest: dt.date | None
    grain: str  # D, W, WE, M, Q, H, S, Y, E (decade), C (century)


def _y(y: int) -> str:
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise ValueError("year out of range")
    return f"{y:04d}"


def add_days(d: dt.date, n: int) -> dt.date:
    return d + dt.timedelta(days=n)


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) + n
    return total // 12, total % 12 + 1


def day(d: dt.date) -> Point:
    return Point(d.isoformat(), d, d, "D")


def month(y: int, m: int) -> Point:
    last = calendar.monthrange(y, m)[1]
    return Point(f"{_y(y)}-{m:02d}", dt.date(y, m, 1), dt.date(y, m, last), "M")


def year(y: int) -> Point:
    return Point(_y(y), dt.date(y, 1, 1), dt.date(y, 12, 31), "Y")


def week(d: dt.date) -> Point:
    iy, iw, wd = d.isocalendar()
    monday = d - dt.timedelta(days=wd - 1)
    return Point(f"{_y(iy)}-W{iw:02d}", monday, monday + dt.timedelta(days=6), "W")


def weekend(d: dt.date) -> Point:
    iy, iw, wd = d.isocalendar()
    saturday = d + dt.timedelta(days=6 - wd)
    return Point(f"{_y(iy)}-W{iw:02d}-WE", saturday, saturday + dt.timedelta(days=1), "WE")


def quarter(y: int, q: int) -> Point:
    first = dt.date(y, 3 * q - 2, 1)
    lm = 3 * q
    return Point(f"{_y(y)}-Q{q}", first, dt.date(y, lm, calendar.monthrange(y, lm)[1]), "Q")


def half(y: int, h: int) -> Point:
    if h == 1:
        return Point(f"{_y(y)}-H1", dt.date(y, 1, 1), dt.date(y, 6, 30), "H")
    return Point(f"{_y(y)}-H2", dt.date(y, 7, 1), dt.date(y, 12, 31), "H")


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def season(y: int, code: str) -> Point:
    a, b = _SEASON_MONTHS[code]
    if code == "WI":
        last = dt.date(y + 1, 2, calendar.monthrange(y + 1, 2)[1]) if y < MAX_YEAR else None
        return Point(f"{_y(y)}-WI", dt.date(y, 12, 1), last, "S")
    return Point(
        f"{_y(y)}-{code}", dt.date(y, a, 1), dt.date(y, b, calendar.monthrange(y, b)[1]), "S"
    )


def season_of(d: dt.date) -> tuple[int, str]:
    m = d.month
    if m in (12, 1, 2):
        return (d.year if m == 12 else d.year - 1), "WI"
    return d.year, ("SP" if m <= 5 else "SU" if m <= 8 else "FA")


def decade(first_year: int) -> Point:
    d = first_year // 10
    if not 0 < d < 1000:
        raise ValueError("decade out of range")
    return Point(f"{d:03d}", dt.date(max(d * 10, 1), 1, 1), dt.date(d * 10 + 9, 12, 31), "E")


def century(c: int) -> Point:
    """``c`` is the value prefix: 19 for the twentieth century (1900-1999)."""
    if not 0 <= c < 100:
        raise ValueError("century out of range")
    return Point(f"{c:02d}", dt.date(max(c * 100, 1), 1, 1), dt.date(c * 100 + 99, 12, 31), "C")


@functools.lru_cache(maxsize=4096)
def point_for_value(value: str) -> Point | None:
    """Re-derive the days covered by a plain TimeML date value (used for anchoring)."""
    try:
        if len(value) >= 10 and value[4] == "-" and value[7] == "-":
            return day(dt.date.fromisoformat(value[:10]))
        if len(value) == 7 and value[4] == "-" and value[5:].isdigit():
            return month(int(value[:4]), int(value[5:]))
        if len(value) == 4 and value.isdigit():
            return year(int(value))
        if len(value) == 7 and value[5] == "Q" and value[6].isdigit():
            return quarter(int(value[:4]), int(value[6]))
        if len(value) >= 8 and value[5] == "W" and value[6:8].isdigit():
            d = dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 1)
            return weekend(d) if value.endswith("WE") else week(d)
    except (ValueError, IndexError, OverflowError):
        return None
    return None
