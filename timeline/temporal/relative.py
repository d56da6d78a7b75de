"""Handlers for relative and deictic expressions, durations, sets and REF values."""

from __future__ import annotations

import datetime as dt
import re

from . import dates
from .context import (
    FUTURE,
    PAST,
    Context,
    Resolved,
    nearest_weekday,
    norm,
    point,
    ref,
    shift_point,
    split_edge,
    unit_point,
)
from .lexicon import (
    APPROX_WORDS,
    MONTHS,
    PARTS_OF_DAY,
    REF_WORDS,
    SEASONS,
    SET_ADVERBS,
    WEEKDAYS,
    words,
)
from .numbers import duration_value, parse_number, unit_name

_POD_RE = re.compile(
    r"(mid-?\s?afternoon|morning|afternoon|evening|night|midday|overnight)"
    r"(?:\s+(?:yesterday|today|tomorrow))?$"
)
_WD_RE = re.compile(r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)")
_BACK = ("last", "past", "the past", "the last", "previous", "this past", "preceding", "prior",
         "the previous", "the preceding", "the prior")  # fmt: skip
_FWD = ("next", "coming", "the coming", "the next", "following", "the following", "this coming")


def _pod_code(t: str) -> str | None:
    m = _POD_RE.search(t)
    if not m:
        return None
    return PARTS_OF_DAY.get(
        m.group(1).replace("  ", " "), "AF" if "afternoon" in m.group(1) else None
    )


def _with_pod(day: dt.date, code: str | None, mod: str | None) -> Resolved:
    if code:
        return Resolved("TIME", f"{day.isoformat()}T{code}", day, day, mod)
    return point(dates.day(day), mod=mod)


def h_deictic(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    mod, t = split_edge(norm(raw))
    base = t.split(" ")[-1] if "day" in t and ("before" in t or "after" in t) else t
    offsets = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}
    off = next((v for k, v in offsets.items() if k in t), 0)
    if t.startswith("the day before"):
        off = -2 if "yesterday" in base else 0
    elif t.startswith("the day after"):
        off = 2 if "tomorrow" in base else 0
    day = ctx.dct + dt.timedelta(days=off)
    code = "NI" if t.startswith("tonight") else _pod_code(t)
    return _with_pod(day, code, mod)


def h_pod(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    mod, t = split_edge(norm(raw))
    code = _pod_code(t)
    if t.startswith(("mid-", "mid ")):
        mod = "MID"
    if t.startswith(("last", "yesterday")) or t.endswith("yesterday"):
        day = ctx.dct - dt.timedelta(days=1)
    elif t.startswith("tomorrow") or t.endswith("tomorrow"):
        day = ctx.dct + dt.timedelta(days=1)
    elif t.startswith(("the next", "the following")):
        day = ctx.anchor_day() + dt.timedelta(days=1)
    elif t.startswith("the previous"):
        day = ctx.anchor_day() - dt.timedelta(days=1)
    elif t.startswith(("that", "the ")):
        day = ctx.anchor_day()
    else:
        day = ctx.dct
    if t == "overnight":
        code = "NI"
    return _with_pod(day, code, mod)


_NAME_BEFORE = re.compile(r"(?:^|[^.!?\"\n]\s)([A-Z][\w.]*)\s+$")


def h_weekday(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    t = norm(raw)
    if "'s" in t:  # "TGI Friday's" is a name, "Friday's vote" a date
        before = ctx.text[max(0, start - 25) : start]
        if _NAME_BEFORE.search(before) or t.startswith(("the ", "a ")):
            return None
    mod, t = split_edge(t)
    wd = _WD_RE.search(t)
    if not wd:
        return None
    weekday = WEEKDAYS[wd.group(1)]
    rel = t[: wd.start()].strip()
    if rel in ("the previous", "the preceding"):
        day = nearest_weekday(ctx.anchor_day(), weekday, PAST, strict=True)
    elif rel in ("the following", "the next"):
        day = nearest_weekday(ctx.anchor_day(), weekday, FUTURE, strict=True)
    elif rel in _BACK:
        day = nearest_weekday(ctx.dct, weekday, PAST, strict=True)
    elif rel in _FWD:
        day = nearest_weekday(ctx.dct, weekday, FUTURE, strict=True)
    elif rel == "this":
        day = ctx.dct + dt.timedelta(days=weekday - ctx.dct.weekday())
    else:
        day = nearest_weekday(ctx.dct, weekday, ctx.direction(start, end))
    # "Friday night" is valued as the day: what a timeline needs, and what most TimeBank
    # annotators chose; "this morning", "last night" keep their part of day (TIME)
    return point(dates.day(day), mod=mod)


def h_weekdays(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    t = norm(raw)
    wd = _WD_RE.search(t)
    if not wd:
        return None
    if t.startswith("on "):
        start += len(raw) - len(raw[2:].lstrip())
    return Resolved("SET", f"XXXX-WXX-{WEEKDAYS[wd.group(1)] + 1}", start=start)


def _rel_sense(rel: str) -> tuple[int, bool]:
    """(shift, narrative) for a relative determiner."""
    if rel in ("the following", "the next", "the previous", "the preceding", "the prior"):
        return (1 if rel in ("the following", "the next") else -1), True
    if rel in ("the same", "that", "the"):
        return 0, True
    if rel in _BACK:
        return -1, False
    if rel in _FWD:
        return 1, False
    return 0, False


def h_relunit(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    t = norm(raw)
    if re.match(r"(?:the )?year[ -]end|year's end", t):
        before = ctx.text[max(0, start - 8) : start].lower()
        y = ctx.dct.year - (1 if before.rstrip().endswith("since") else 0)
        return point(dates.day(dt.date(y, 12, 31)))
    if t == "the end of the year":
        return point(dates.year(ctx.dct.year), mod="END")
    if t == "this century":
        return Resolved("DURATION", "P100Y")
    before_after = re.match(r"the (day|week|month|year) (before|after|earlier|later)$", t)
    if before_after:  # "the day before," in a narrative: one unit from the day in focus
        shift = -1 if before_after.group(2) in ("before", "earlier") else 1
        base = unit_point(ctx.anchor_day(), before_after.group(1))
        return point(shift_point(base, shift))
    if t == "the turn of the century":
        return point(dates.century(ctx.dct.year // 100), mod="START")
    mod, t = split_edge(t)
    t = re.sub(r"^in ", "", t)
    m = re.match(r"(.*?)\s*(?:(?:fiscal|calendar|school|financial|academic) )?(\w+)$", t)
    if not m:
        return None
    rel, unit = m.group(1), m.group(2)
    if unit in ("season", "hour", "minute"):
        return None
    shift, narrative = _rel_sense(rel)
    before = ctx.text[max(0, start - 12) : start].lower()
    if rel == "the":
        after = ctx.text[end : end + 10].lower()
        if unit in ("year", "month", "week", "quarter") and re.match(
            r"\s+(?:ended|ending)\b", after
        ):
            return Resolved("DURATION", duration_value(1, unit))
        if unit == "day" and not re.search(r"\b(?:on|that|same)\s+$", before):
            return None
        if unit == "weekend":
            d = ctx.direction(start, end)
            sat = nearest_weekday(ctx.dct, 5, d if d else PAST)
            return point(dates.weekend(sat), mod=mod)
        if unit in ("year", "month", "week", "quarter"):
            return point(unit_point(ctx.dct, unit), mod=mod)
    if rel in ("the past", "the last", "the coming") and unit in ("day",):
        return None
    if unit == "weekend" and shift == 0 and not narrative:
        sat = nearest_weekday(ctx.dct, 5, FUTURE)
        return point(dates.weekend(sat), mod=mod)
    if rel in ("the past", "the last") and unit in ("decade", "century"):
        return Resolved("DURATION", duration_value(1, unit))
    fine = {"day": "D", "night": "D", "week": "DW", "weekend": "DW", "month": "DWM"}
    if (
        narrative
        and ctx.last is not None
        and ctx.last.earliest is not None
        and ctx.last.grain[0] in fine.get(unit, "DWMQHSYEC")
    ):
        base = ctx.last.earliest
    else:
        base = ctx.dct
    p = unit_point(base, unit)
    if shift:
        p = shift_point(p, shift)
    return point(p, mod=mod)


_AGO = re.compile(
    r"(?P<approx>(?:about|around|approximately|roughly|nearly|almost|more than|over|less than|"
    r"under|at least|up to|some|just over|just under|only|barely) )?(?P<num>.+?)[ -]"
    r"(?:(?:more|additional|full) )?(?P<unit>(?:trading |business |calendar )?\w+)"
    r"(?: or so)? (?P<dir>ago|earlier|later|before|after|from now|hence|back|previously|since)$"
)


def h_ago(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    t = norm(raw)
    m = _AGO.match(t)
    if not m:
        return None
    unit = unit_name(m.group("unit"))
    if unit is None:
        return None
    num_text = m.group("num")
    n = 1.0 if num_text in ("a", "an") else parse_number(num_text)
    direction = m.group("dir")
    mod = APPROX_WORDS.get((m.group("approx") or "").strip()) if m.group("approx") else None
    following = ctx.text[end : end + 3]
    if direction in ("before", "after", "since") and re.match(r"\s*[\w\"“$]", following):
        # "two days before the vote": the duration is the timex, the rest is a signal
        cut = raw.lower().rfind(direction)
        new_end = start + len(raw[:cut].rstrip())
        return Resolved("DURATION", duration_value(n, unit), mod=mod, end=new_end)
    if direction == "since":
        return None
    sign = -1 if direction in ("ago", "earlier", "before", "back", "previously") else 1
    if direction == "later" or unit in ("hour", "minute", "second"):
        # TimeML: "two days later" is a duration; "later" is a signal
        cut = raw.lower().rfind(direction)
        return Resolved(
            "DURATION", duration_value(n, unit), mod=mod, end=start + len(raw[:cut].rstrip())
        )
    if n is None:
        return ref("PAST_REF" if sign < 0 else "FUTURE_REF")
    k = int(n)
    if direction in ("ago", "from now", "hence", "back") or ctx.last is None:
        base = ctx.dct
        narrative_point = None
    else:
        base = ctx.anchor_day()
        narrative_point = ctx.last
    if unit == "year" and k == 1 and ctx.recent_quarter() is not None:
        y, q = ctx.recent_quarter()  # type: ignore[misc]
        return point(dates.quarter(y - 1, q), mod=mod)
    if narrative_point is not None and unit == "year" and narrative_point.earliest is not None:
        base = narrative_point.earliest
    p = unit_point(base, unit if unit != "decade" else "year")
    steps = sign * k * (10 if unit == "decade" else 100 if unit == "century" else 1)
    if unit == "century":
        p = unit_point(base, "year")
    p = shift_point(p, steps)
    return point(p, mod=mod)


def h_period(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    t = norm(raw)
    y = None
    m = re.search(r"\d{4}", t)
    if m:
        y = int(m.group())
    if ctx.recent_quarter() is not None:
        ly, q = ctx.recent_quarter()  # type: ignore[misc]
        return point(dates.quarter(y or ly, q))
    if y is not None:
        return point(dates.year(y))
    return None


def h_year_adj(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    t = norm(raw)
    span = re.search(r"\b(nine|six|three) months$", t)
    if span:  # "the year-earlier nine months" is a stretch of time
        return Resolved("DURATION", duration_value(parse_number(span.group(1)), "month"))
    if ctx.recent_quarter() is not None:
        y, q = ctx.recent_quarter()  # type: ignore[misc]
        return point(dates.quarter(y - 1, q))
    if ctx.last is not None and ctx.last.grain in ("Y", "M", "D", "H", "W"):
        steps = {"Y": 1, "M": 12, "D": 0, "H": 2, "W": 52}[ctx.last.grain]
        if steps:
            return point(shift_point(ctx.last, -steps))
    return point(dates.year(ctx.dct.year - 1))


_DUR = re.compile(
    r"(?P<approx>(?:about|around|approximately|roughly|nearly|almost|more than|over|less than|"
    r"under|at least|up to|no more than|no less than|within|at most|some|just over|just under|"
    r"only|barely) )?(?:(?:the|a|an|each of the) )?(?P<rel>(?:past|last|next|first|coming|"
    r"previous|following|latest|final|remaining|preceding|initial|prior|full|entire|whole|same) )?"
    r"(?P<num>.+?)(?: (?:to|or) (?P<num2>[\w.]+))?[ -](?:(?:more|additional|full|straight|"
    r"consecutive|successive|long|short) )?"
    r"(?P<unit>(?:trading |business |calendar )?(?:second|minute|hour|day|night|week|"
    r"fortnight|month|quarter|year|decade|centur|millenni)[a-z]*?)"
    r"(?:[ -](?:long|old))?(?: or (?:so|more|two))?$"
)
_RATE_BEFORE = re.compile(
    r"(?:\d[\d,.]*\s*(?:%|percent|per\s+cent|million|billion|dollars|cents|[a-z]+s)?|"
    r"times|once|twice)\s*$",
    re.I,
)


_HYPHEN_DET = re.compile(r"(?i)(?:the|a|an)\s+(?=[\w.]+-\w)")


def h_duration(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    t = norm(raw)
    if t.endswith("-long") and t.split("-")[0] in ("decades", "centuries"):
        return Resolved("DURATION", "PXE" if t.startswith("decades") else "PXC")
    if t.endswith("-long"):
        return Resolved("DURATION", duration_value(1, unit_name(t.split("-")[0]) or "day"))
    half = 0.5 if " and a half" in t else 0.0
    t = t.replace(" and a half", "")
    if t.endswith("old") or re.match(r"[\s-]+old\b", ctx.text[end : end + 6]):
        return None  # ages ("a 6-year-old", "52 years old") are not temporal expressions
    det = _HYPHEN_DET.match(raw)
    if det:  # "the 10-day ceasefire": the determiner belongs to the noun, not the timex
        res = h_duration(ctx, raw[det.end() :], start + det.end(), end)
        if res is not None and res.start is None:
            res.start = start + det.end()
        return res
    m = _DUR.match(t)
    if not m:
        return None
    unit = unit_name(m.group("unit"))
    if unit is None:
        return None
    if unit == "quarter" and re.match(r"\s+of\b", ctx.text[end : end + 4]):
        return None  # "three-quarters of its food" is a fraction
    num_text = m.group("num").strip()
    vague = num_text in ("several", "a few", "few", "many", "some", "a number of", "numerous")
    if num_text in ("a", "an"):
        n: float | None = 1.0
        if unit in ("second", "night", "quarter", "season"):
            return None
        before = ctx.text[max(0, start - 40) : start]
        if _RATE_BEFORE.search(before) and not re.search(
            r"(?i)\b(?:for|in|over|within|after|than)\s+$", before
        ):
            return Resolved("SET", duration_value(1, unit))
    elif vague or num_text in ("a couple of", "couple of"):
        n = 2.0 if "couple" in num_text else None
    else:
        n = parse_number(num_text)
        if n is None:
            return None
        if n == 0 or n > 10000:
            return None
    if m.group("num2"):
        n = None
    approx = (m.group("approx") or "").strip()
    mod = APPROX_WORDS.get(approx) if approx else ("APPROX" if t.endswith("or so") else None)
    if half and n is not None:
        n += half
    if approx == "some" and vague:
        mod = None
    if unit in ("second", "minute") and n is not None and num_text.isdigit() and n > 1000:
        return None
    return Resolved("DURATION", duration_value(n, unit), mod=mod)


_PLURAL_LEAD = re.compile(r"^(?:for|in|after|over|within|took|take|than|many) ")


def h_plural(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    t = norm(raw)
    lead = _PLURAL_LEAD.match(t)
    if t == norm(raw.split()[-1]) and " " not in t:
        return None  # bare plural without any cue: too ambiguous
    if lead:
        cut = len(raw) - len(raw[lead.end() - 1 :].lstrip())
        start += cut
        t = t[lead.end() :]
    words_ = [w for w in t.split(" ") if w not in ("or", "and", "ahead")]
    unit = next((u for u in map(unit_name, words_) if u is not None), None)
    if unit is None:
        return None
    if t.startswith("recent years"):
        return Resolved("DATE", "PAST_REF", start=start)
    signal = re.search(r"\s+(later|earlier|after|before)$", raw)
    if signal:  # "hours later": the signal is not part of the duration
        return Resolved(
            "DURATION", duration_value(None, unit), start=start, end=end - len(signal.group())
        )
    return Resolved("DURATION", duration_value(None, unit), start=start)


def h_set(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    t = norm(raw)
    last = t.split(" ")[-1].strip(".")
    wd = _WD_RE.search(t)
    if wd:
        return Resolved("SET", f"XXXX-WXX-{WEEKDAYS[wd.group(1)] + 1}")
    if last in MONTHS:
        return Resolved("SET", f"XXXX-{MONTHS[last]:02d}")
    if last in SEASONS:
        return Resolved("SET", f"XXXX-{SEASONS[last]}")
    unit = unit_name(last)
    if unit is None:
        return None
    words = t.split(" ")
    n = 2.0 if "other" in words else 1.0
    if len(words) >= 3 and words[0] in ("every", "each"):
        maybe = parse_number(" ".join(words[1:-1]).replace("other ", ""))
        if maybe is not None:
            n = maybe
    return Resolved("SET", duration_value(n, unit))


# after an adverb of frequency these keep it an adverb: "meets annually in Davos"
_ADVERB_FOLLOWERS = frozenset(
    words(
        """
        in on at for to and or by since until from with as but than the a an this that
        """
    )
)
_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)")


_SENTENCE_START = re.compile(r"(?:^|[.!?]\s*|\n\s*)$")


def h_setadv(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    t = norm(raw)
    if t not in ("daily", "hourly"):  # "a quarterly dividend", "a weekly magazine": adjectives
        m = _NEXT_WORD.match(ctx.text, end)
        if m and m.group(1) not in _ADVERB_FOLLOWERS:
            return None
    return Resolved("SET", SET_ADVERBS[t])


def h_ref(ctx: Context, raw: str, start: int, end: int) -> Resolved | None:
    t = norm(raw)
    if t == "previously" and not (
        raw[0].isupper() and _SENTENCE_START.search(ctx.text, max(0, start - 4), start)
    ):
        return None  # "a previously announced deal" is an adverb on a verb, not a time
    if t == "now":
        before = ctx.text[max(0, start - 12) : start].lower()
        if re.search(r"(?:just|from|by)\s+$", before):
            return None
    type_, value = REF_WORDS[t]
    return ref(value, type_)
