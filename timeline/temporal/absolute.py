"""Handlers for calendar expressions: dates, months, years, quarters, decades, clock times."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from . import dates
from .context import (
    FUTURE,
    PAST,
    Context,
    Resolved,
    nearest_weekday,
    norm,
    pick_year,
    point,
    split_edge,
)
from .lexicon import MONTHS, SEASONS, WEEKDAYS, words
from .numbers import parse_number, parse_ordinal

_MONTH_RE = re.compile(r"\b(" + "|".join(MONTHS) + r")\b\.?")
_YEAR_RE = re.compile(r"(?<![\d'])(\d{4})(?!\d)")
_DAY_RE = re.compile(r"\s*(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b|\s*(?:the\s+)?([a-z-]+)")
_WEEKDAY_RE = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)")
_SPOKEN = re.compile(r"nineteen[\s-]+(.+)|two\s+thousand(?:\s+and\s+(\w+))?")
_NAME_BEFORE = re.compile(r"(?:^|[^.!?\"\n]\s)([A-Z][a-z]+\.?)\s+$")
_TITLE_AFTER = re.compile(r"\s+(?:for|of|of\s+the|on)\s+[A-Z]")
_CAPITAL_AFTER = re.compile(r"\s+[A-Z][a-z]")
_PREPS = frozenset(
    words(
        """
        in on of since until till by from to through during before after early late mid last
        next this that each every and or the
        """
    )
)  # fmt: skip
_YEAR_PREP = re.compile(r"\b(?:in|since|by|during|until|from|before|after|of|the)\s*$")
_CLOCK_AFTER = re.compile(r"\s*(?:GMT|UTC|EST|EDT|hrs\b|hours\b|local\s+time)")
_PLURAL_AFTER = re.compile(r"\s+[a-z]+s\b")
_COUNT_BEFORE = re.compile(
    r"(?:about|some|nearly|almost|over|than|to|least|around|only|just|roughly|approximately|"
    r"another|all|with|estimated)\s*$"
)
_UNIT_NOUN = re.compile(
    r"\s+(?:percent|per\s+cent|people|votes?|points?|troops|dollars|yards|feet|meters|metres|"
    r"miles|kilometers|tons|tonnes|units|shares|members|workers|men|women|cars|employees|"
    r"homes|acres|barrels|soldiers|students|children|pounds|euros|yen|years?\s+old)\b",
    re.I,
)


def spoken_year(t: str) -> int | None:
    m = _SPOKEN.search(t)
    if not m:
        return None
    if m.group(1) is not None:
        n = parse_number(m.group(1))
        return 1900 + int(n) if n is not None and n < 100 else None
    extra = parse_number(m.group(2)) if m.group(2) else 0
    return 2000 + int(extra or 0)


def find_year(t: str) -> int | None:
    m = _YEAR_RE.search(t)
    if m:
        return int(m.group(1))
    return spoken_year(t)


def find_month(t: str) -> int | None:
    m = _MONTH_RE.search(t)
    return MONTHS[m.group(1)] if m else None


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= y <= 9999 and 1 <= d <= calendar.monthrange(y, m)[1]


def _day_after_month(t: str) -> int | None:
    m = _MONTH_RE.search(t)
    if not m:
        return None
    dm = _DAY_RE.match(t, m.end())
    if not dm:
        return None
    if dm.group(1):
        return int(dm.group(1))
    return parse_ordinal(dm.group(2))


@functools.lru_cache(maxsize=2048)
def _parse_date(raw: str) -> tuple[str | None, int, int, int | None, bool] | None:
    """(mod, month, day, year or None, "the week of") for a month-day(-year) phrase."""
    mod, t = split_edge(norm(raw))
    month = find_month(t)
    if month is None:
        return None
    day_ = _day_after_month(t)
    if day_ is None:  # day before month: "21 October"
        dm = re.match(r"(?:the\s+)?(\d{1,2})", t)
        day_ = int(dm.group(1)) if dm else None
    if day_ is None or not 1 <= day_ <= 31:
        return None
    rest = t[_MONTH_RE.search(t).end() :]  # type: ignore[union-attr]
    return mod, month, day_, find_year(rest), t.startswith("the week of")


def _full_date(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    parsed = _parse_date(raw)
    if parsed is None:
        return None
    mod, month, day_, y, week_of = parsed
    if y is None:
        y = pick_year(ctx, month, day_, start, end)
    if not _valid(y, month, day_):
        return None
    d = dt.date(y, month, day_)
    if week_of:
        return point(dates.week(d))
    return point(dates.day(d), mod=mod)


def h_date(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    return _full_date(ctx, raw, start, end)


def h_wd_date(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    return _full_date(ctx, raw, start, end)


def h_iso(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    d = dt.date.fromisoformat(raw[:10])
    if len(raw) > 10:
        return Resolved("TIME", raw[:16], d, d)
    return point(dates.day(d))


def h_numeric(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    m, d, y = (int(x) for x in raw.split("/"))
    if len(raw.split("/")[2]) == 2:
        y += 1900 if y > (ctx.dct.year % 100) + 10 else 2000
    if not _valid(y, m, d):
        return None
    return point(dates.day(dt.date(y, m, d)))


def h_month_year(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    mod, t = split_edge(norm(raw))
    month = find_month(t)
    if month is None:
        return None
    y = find_year(t)
    if y is None:
        y = ctx.dct.year + (-1 if "last year" in t else 1 if "next year" in t else 0)
    return point(dates.month(y, month), mod=mod)


def _is_name(ctx: Context, start: int, end: int, word: str) -> bool:
    """A capitalised month word used as a name ("Theresa May", "April Glaspie")."""
    text = ctx.text
    after = text[end : end + 20]
    if _CAPITAL_AFTER.match(after) and not _WEEKDAY_RE.match(after.strip().lower()):
        return True
    if _TITLE_AFTER.match(after):  # "the March for Life", "the March of the Mothers"
        return True
    before = text[max(0, start - 30) : start]
    if before[-1:] == " " and before[-2:-1].isalpha():  # a word right before: a name?
        nb = _NAME_BEFORE.search(before)
        if nb and nb.group(1).lower().strip(".") not in _PREPS:
            return True
    if word == "May":
        nxt = after.lstrip()[:12].lower()
        prev = before.rstrip()
        sentence_start = not prev or prev[-1] in ".!?\"'“‘\n"
        if sentence_start and not re.match(r"[\d,]", nxt):
            return True
        if re.match(r"(?:be|have|not|i|we|you|he|she|it|they)\b", nxt):
            return True
    return False


def h_month(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    t = norm(raw)
    word = raw.split()[-1].split("-")[-1]
    if t == norm(word) and _is_name(ctx, start, end, word):
        return None
    mod, t = split_edge(t)
    month = find_month(t)
    if month is None:
        return None
    dct = ctx.dct
    if t.startswith("last") or t.startswith("this past"):
        y = dct.year if month < dct.month else dct.year - 1
    elif t.startswith("next"):
        y = dct.year if month > dct.month else dct.year + 1
    elif t.startswith("this"):
        y = dct.year
    else:
        y = pick_year(ctx, month, None, start, end)
    return point(dates.month(y, month), mod=mod)


_YEAR_PREFIX_MOD = {"post": "AFTER", "pre": "BEFORE", "mid": "MID", "early": "START",
                    "late": "END"}  # fmt: skip


def h_year(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    t = norm(raw)
    y = find_year(t)
    if y is None:
        return None
    bare = t.isdigit()
    if bare:
        prev = ctx.text[max(0, start - 12) : start].lower()
        if re.search(r"(?:no\.|#|flight|route|article|resolution|page|number|model|room|"
                     r"boeing|airbus|\d)\s*$", prev):  # fmt: skip
            return None
        if _CLOCK_AFTER.match(ctx.text, end):  # "1430 GMT" is a clock time
            return None
        if _PLURAL_AFTER.match(ctx.text, end) and _COUNT_BEFORE.search(prev):
            return None  # "about 2000 soldiers" is a count, "the 2000 elections" a year
        temporal_prep = _YEAR_PREP.search(prev) is not None
        if (_UNIT_NOUN.match(ctx.text, end) and not temporal_prep) or not (
            1100 <= y <= ctx.dct.year + 60
        ):
            return None
    mod: str | None = None
    for word, m in _YEAR_PREFIX_MOD.items():
        if t.startswith(word):
            mod = m
    emod, _ = split_edge(t)
    mod = emod or mod
    for season, code in SEASONS.items():
        if season in t.split(" ")[:3] or t.startswith(season):
            return point(dates.season(y, code), mod=mod)
    return point(dates.year(y), mod=mod)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}  # fmt: skip


def h_decade(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    t = norm(raw)
    mod, rest = split_edge(t[4:] if t.startswith("the ") else t)
    m = re.search(r"(\d{4})'?s", rest)
    if m:
        first = int(m.group(1))
    else:
        m2 = re.search(r"'(\d)0s", rest)
        word = next((w for w in _DECADE_WORDS if w in rest), None)
        tens = int(m2.group(1)) if m2 else _DECADE_WORDS[word] if word else None
        if tens is None:
            return None
        century = ctx.dct.year // 100 * 100
        first = century + tens * 10
        if first > ctx.dct.year:
            first -= 100
    return point(dates.decade(first), mod=mod)


def h_century(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    t = norm(raw)
    mod, rest = split_edge(t[4:] if t.startswith("the ") else t)
    n = parse_ordinal(rest.split(" ")[0].split("-century")[0])
    if n is None:
        first = rest.split(" ")[0]
        n = 21 if first.startswith("twenty-first") else 20 if first == "twentieth" else None
    if n is None or n < 1:
        return None
    return point(dates.century(n - 1), mod=mod)


def _easter(y: int) -> dt.date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day_ = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(y, month, day_ + 1)


def _nth_weekday(y: int, month: int, weekday: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(y, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(y, month, calendar.monthrange(y, month)[1])
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _holiday_date(name: str, y: int) -> dt.date | None:
    if name.startswith("thanksgiving"):
        return _nth_weekday(y, 11, 3, 4)
    if name.startswith("election day"):
        return _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1)
    if name.startswith("labor day"):
        return _nth_weekday(y, 9, 0, 1)
    if name.startswith("memorial day"):
        return _nth_weekday(y, 5, 0, -1)
    if name.startswith("mother's day"):
        return _nth_weekday(y, 5, 6, 2)
    if name.startswith("father's day"):
        return _nth_weekday(y, 6, 6, 3)
    if name.startswith("easter"):
        return _easter(y)
    fixed = {"christmas eve": (12, 24), "christmas": (12, 25), "new year's eve": (12, 31),
             "new year's": (1, 1), "independence day": (7, 4), "valentine's day": (2, 14),
             "halloween": (10, 31), "veterans day": (11, 11)}  # fmt: skip
    for key, (m, d) in fixed.items():
        if name.startswith(key):
            return dt.date(y, m, d)
    return None


def h_holiday(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    t = norm(raw)
    sense = PAST if t.startswith(("last", "this past")) else FUTURE if t.startswith("next") else 0
    name = re.sub(r"^(?:last|next|this past|this)\s+", "", t)
    y = find_year(name)
    if y is None:
        here = _holiday_date(name, ctx.dct.year)
        if here is None:
            return None
        d = sense or ctx.direction(start, end)
        y = ctx.dct.year
        if d == PAST and here > ctx.dct:
            y -= 1
        elif d == FUTURE and here < ctx.dct:
            y += 1
    day_ = _holiday_date(name, y)
    if day_ is None:
        return None
    if name.endswith("week"):
        return point(dates.week(day_))
    return point(dates.day(day_))


_CLOCK = re.compile(
    r"(?P<h>\d{1,2})(?::(?P<mi>\d\d))?(?::\d\d)?\s*(?P<ap>[ap])?|(?P<word>noon|midnight|midday)"
)


def h_clock(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    t = norm(raw)
    mod = "APPROX" if re.match(r"(?:about|around|approximately|roughly|some) ", t) else None
    m = _CLOCK.search(t)
    if not m:
        return None
    if m.group("word"):
        hh, mm = (24, 0) if m.group("word") == "midnight" else (12, 0)
    else:
        hh, mm = int(m.group("h")), int(m.group("mi") or 0)
        ap = m.group("ap")
        if ap is None:
            after = t[m.end() :]
            if not re.search(r"o'clock|in the|at night", after) and m.group("mi") is None:
                return None
            ap = (
                "p"
                if re.search(r"afternoon|evening|night|tonight", after)
                else "a"
                if "morning" in after
                else None
            )
        if ap == "p" and hh < 12:
            hh += 12
        elif ap == "a" and hh == 12:
            hh = 0
        if hh > 24:
            return None
    tail = t[m.end() :]
    day_ = ctx.anchor_day()
    wd = _WEEKDAY_RE.search(tail)
    if find_month(tail) is not None:
        res = _full_date(ctx, tail[_MONTH_RE.search(tail).start() :], start, end)  # type: ignore[union-attr]
        if res is None or res.earliest is None:
            return None
        day_ = res.earliest
    elif wd:
        day_ = nearest_weekday(ctx.dct, WEEKDAYS[wd.group(1)], ctx.direction(start, end))
    elif "yesterday" in tail:
        day_ = ctx.dct - dt.timedelta(days=1)
    elif "tomorrow" in tail:
        day_ = ctx.dct + dt.timedelta(days=1)
    value = f"{day_.isoformat()}T{hh:02d}:{mm:02d}"
    return Resolved("TIME", value, day_, day_, mod)


def _quarter_number(t: str) -> int | None:
    for word, q in (("first", 1), ("1st", 1), ("second", 2), ("2nd", 2), ("third", 3),
                    ("3rd", 3), ("fourth", 4), ("4th", 4), ("final", 4)):  # fmt: skip
        if re.search(rf"\b{word}\b", t):
            return q
    return None


def h_quarter(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    t = norm(raw)
    after = ctx.text[end : end + 6].lower()
    q = _quarter_number(t)
    explicit_year = find_year(t)
    if q is None and (t in ("quarter", "a quarter") or t.startswith("a ")):
        return None
    if q is None and after.startswith((" of a", " of the", " of an", " centu")):
        return None
    dct_q = (ctx.dct.month - 1) // 3 + 1
    shift = -1 if re.search(r"year-earlier|year-ago|last year|a year (?:ago|earlier)", t) else 0
    shift = 1 if "next year" in t else shift
    if explicit_year is not None:
        y = explicit_year
        if q is None:
            q = ctx.last_quarter[1] if ctx.last_quarter else max(dct_q - 1, 1)
    elif q is not None:
        y = ctx.dct.year
        if q > dct_q and (ctx.direction(start, end) == PAST or (dct_q == 1 and q == 4)):
            y -= 1
    elif re.search(r"\b(?:current|this|latest)\b", t) and ctx.recent_quarter() is not None:
        y, q = ctx.recent_quarter()  # type: ignore[misc]
    elif re.search(r"\b(?:current|this)\b", t):
        y, q = ctx.dct.year, dct_q
    elif re.search(r"\bnext\b", t):
        y, q = (ctx.dct.year, dct_q + 1) if dct_q < 4 else (ctx.dct.year + 1, 1)
    elif ctx.recent_quarter() is not None:
        y, q = ctx.recent_quarter()  # type: ignore[misc]
    else:
        y, q = (ctx.dct.year, dct_q - 1) if dct_q > 1 else (ctx.dct.year - 1, 4)
        if re.search(r"\b(?:previous|prior|preceding)\b", t):
            y, q = (y, q - 1) if q > 1 else (y - 1, 4)
    y += shift
    res = point(dates.quarter(y, q))
    res.anchor = shift == 0 and (explicit_year is None or explicit_year >= ctx.dct.year - 1)
    return res


def h_half(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    t = norm(raw)
    h = 1 if re.search(r"\bfirst\b", t) else 2
    y = find_year(t)
    if y is None:
        y = ctx.dct.year + (-1 if "last year" in t else 1 if "next year" in t else 0)
        if "year" not in t and h == 2 and ctx.dct.month <= 6 and ctx.direction(start, end) == PAST:
            y -= 1
    return point(dates.half(y, h))


_FALL_VERB_AFTER = re.compile(r"\s+(?:in|of|on|to|from|below|under)\s")


def h_season(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    t = norm(raw)
    if t == "the fall" and _FALL_VERB_AFTER.match(ctx.text, end):
        return None  # "led the fall in bank stocks" is a drop, not autumn
    mod, rest = split_edge(t)
    code = next((c for s, c in SEASONS.items() if s in rest.split(" ")), None)
    if code is None:
        return None
    y = find_year(rest)
    if y is not None:
        return point(dates.season(y, code), mod=mod)
    dct = ctx.dct
    cands = [dates.season(yy, code) for yy in (dct.year - 2, dct.year - 1, dct.year, dct.year + 1)]
    cur = dates.season(*dates.season_of(dct))
    if rest.startswith(("last", "this past", "past")):
        chosen = [p for p in cands if p.latest and p.latest < cur.earliest][-1]
    elif rest.startswith(("next", "this coming", "coming")):
        chosen = next(p for p in cands if p.earliest and p.earliest > cur.latest)  # type: ignore[operator]
    elif rest.startswith("this"):
        chosen = cur if cur.value.endswith(code) else cands[2]
    else:
        sense = ctx.direction(start, end)
        if sense == FUTURE:
            chosen = next(p for p in cands if p.latest and p.latest >= dct)
        elif sense == PAST:
            chosen = [p for p in cands if p.earliest and p.earliest <= dct][-1]
        else:
            chosen = cur if cur.value.endswith(code) else cands[2]
    return point(chosen, mod=mod)
