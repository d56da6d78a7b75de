"""Resolution context: the publication date, the narrative anchor and shared helpers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from . import dates
from .anchor import FUTURE, PAST, UNKNOWN, CueIndex
from .dates import Point


@dataclass
class Resolved:
    """What a handler returns: the TIMEX3 attributes and possibly a narrowed span."""

    type: str
    value: str
    earliest: dt.date | None = None
    latest: dt.date | None = None
    mod: str | None = None
    start: int | None = None
    end: int | None = None
    anchor: bool = True  # False for comparisons ("the year-ago quarter"): no narrative move


@dataclass
class Context:
    text: str
    dct: dt.date
    last: Point | None = None
    last_quarter: tuple[int, int] | None = None
    cues: CueIndex | None = field(default=None, repr=False)

    def direction(self, start: int, end: int) -> int:
        if self.cues is None:
            self.cues = CueIndex(self.text)
        return self.cues.direction(start, end)

    def recent_quarter(self) -> tuple[int, int] | None:
        """The last quarter mentioned, if it is the one being reported (ended < 200 days ago)."""
        if self.last_quarter is None:
            return None
        y, q = self.last_quarter
        end_month = 3 * q
        days = (self.dct.year - y) * 365 + (self.dct.month - end_month) * 30.5
        return self.last_quarter if -100 < days < 200 else None

    def anchor_day(self) -> dt.date:
        """The narrative reference day: the last specific day mentioned, else the DCT."""
        if self.last is not None and self.last.grain == "D" and self.last.earliest:
            return self.last.earliest
        return self.dct


def point(p: Point, type_: str = "DATE", mod: str | None = None) -> Resolved:
    return Resolved(type_, p.value, p.earliest, p.latest, mod)


def ref(value: str, type_: str = "DATE") -> Resolved:
    return Resolved(type_, value)


def norm(text: str) -> str:
    """Lower case, whitespace runs collapsed to one space."""
    return " ".join(text.lower().split())


EDGE_MODS = {
    "early": "START", "earlier": "START", "the beginning of": "START", "beginning of": "START",
    "the start of": "START", "start of": "START", "late": "END", "later": "END",
    "the end of": "END", "end of": "END", "mid": "MID", "the middle of": "MID",
    "middle of": "MID", "the turn of": "START",
}  # fmt: skip


_EDGE_ORDER = sorted(EDGE_MODS, key=len, reverse=True)


def split_edge(t: str) -> tuple[str | None, str]:
    """Strip a leading 'early'/'late'/'the end of'... from normalised text: (mod, rest)."""
    if not t or t[0] not in "belmst":
        return None, t
    for word in _EDGE_ORDER:
        if t.startswith(word) and len(t) > len(word) and t[len(word)] in " -":
            return EDGE_MODS[word], t[len(word) + 1 :].lstrip()
    return None, t


def shift_point(p: Point, n: int) -> Point:
    """Move a point by n of its own units (n years for a year, n weeks for a week ...)."""
    assert p.earliest is not None
    d = p.earliest
    if p.grain == "D":
        return dates.day(dates.add_days(d, n))
    if p.grain == "W":
        return dates.week(dates.add_days(d, 7 * n))
    if p.grain == "WE":
        return dates.weekend(dates.add_days(d, 7 * n))
    if p.grain == "M":
        return dates.month(*dates.add_months(d.year, d.month, n))
    if p.grain == "Q":
        y, m = dates.add_months(d.year, d.month, 3 * n)
        return dates.quarter(y, (m - 1) // 3 + 1)
    if p.grain == "H":
        y, m = dates.add_months(d.year, d.month, 6 * n)
        return dates.half(y, 1 if m <= 6 else 2)
    if p.grain == "S":
        y, m = dates.add_months(d.year, d.month, 3 * n)
        return dates.season(*dates.season_of(dt.date(y, m, 1)))
    if p.grain == "E":
        return dates.decade(d.year + 10 * n)
    if p.grain == "C":
        return dates.century(d.year // 100 + n)
    return dates.year(d.year + n)


def unit_point(d: dt.date, unit: str) -> Point:
    """The calendar unit of type ``unit`` containing day d."""
    if unit in ("day", "night"):
        return dates.day(d)
    if unit == "week":
        return dates.week(d)
    if unit == "weekend":
        return dates.weekend(d)
    if unit == "month":
        return dates.month(d.year, d.month)
    if unit == "quarter":
        return dates.quarter(d.year, (d.month - 1) // 3 + 1)
    if unit == "season":
        return dates.season(*dates.season_of(d))
    if unit == "decade":
        return dates.decade(d.year)
    if unit == "century":
        return dates.century(d.year // 100)
    return dates.year(d.year)


def pick_year(ctx: Context, month: int, day: int | None, start: int, end: int) -> int:
    """Year for a month (and day) given without one, from the tense of the clause."""
    dct = ctx.dct
    y = dct.year
    # signed distance in days (months count 30.5 days) from the DCT, same-year reading
    if day is None:
        diff = (month - dct.month) * 30.5
    else:
        diff = (month - dct.month) * 30.5 + (day - dct.day)
    d = ctx.direction(start, end)
    if d == FUTURE:
        return y + 1 if diff < -60 else y
    if d == PAST:
        return y - 1 if diff > (90 if day else 60) else y
    if diff > 150:
        return y - 1
    if diff < -150:
        return y + 1
    return y


def nearest_weekday(ref_day: dt.date, weekday: int, sense: int, strict: bool = False) -> dt.date:
    """The given weekday on/before (sense<=0) or on/after (sense>0) ref_day."""
    delta = weekday - ref_day.weekday()
    if sense > 0:
        delta %= 7
        if strict and delta == 0:
            delta = 7
    else:
        delta = -((-delta) % 7)
        if strict and delta == 0:
            delta = -7
    return ref_day + dt.timedelta(days=delta)


__all__ = [
    "FUTURE",
    "PAST",
    "UNKNOWN",
    "Context",
    "Resolved",
    "nearest_weekday",
    "norm",
    "pick_year",
    "point",
    "ref",
    "shift_point",
    "split_edge",
    "unit_point",
]  # fmt: skip
