"""``tag``: find and normalise the temporal expressions of a text."""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable

from timeline.exceptions import InputError

from . import absolute, relative
from .context import Context, Resolved
from .dates import point_for_value
from .lexicon import MONTH_NAMES, WEEKDAY_NAMES, words
from .model import Timex
from .patterns import HEADS, LOOKAHEAD_WORDS, head_forms, pattern_for, token_table

log = logging.getLogger(__name__)

Handler = Callable[[Context, str, int, int], "Resolved | None"]

HANDLERS: dict[str, Handler] = {
    "iso": absolute.h_iso,
    "numeric": absolute.h_numeric,
    "clock": absolute.h_clock,
    "wd_date": absolute.h_wd_date,
    "date_mdy": absolute.h_date,
    "date_dmy": absolute.h_date,
    "month_year": absolute.h_month_year,
    "holiday": absolute.h_holiday,
    "quarter": absolute.h_quarter,
    "half": absolute.h_half,
    "decade": absolute.h_decade,
    "century": absolute.h_century,
    "year": absolute.h_year,
    "season": absolute.h_season,
    "month": absolute.h_month,
    "deictic": relative.h_deictic,
    "pod": relative.h_pod,
    "weekday": relative.h_weekday,
    "weekdays": relative.h_weekdays,
    "ago": relative.h_ago,
    "year_adj": relative.h_year_adj,
    "period": relative.h_period,
    "relunit": relative.h_relunit,
    "duration": relative.h_duration,
    "plural": relative.h_plural,
    "set": relative.h_set,
    "setadv": relative.h_setadv,
    "ref": relative.h_ref,
}


# words that may follow a number inside an expression, besides units and months
_AFTER_NUMBER = frozenset(
    words(
        """
        a p am pm o in to or and more additional full straight consecutive successive long
        short trading business calendar of st nd rd th
        """
    )
)
_RANGE_DAY = re.compile(
    r"\s*(?:and|or|to|through|-|–)\s*(\d{1,2})(?![\d:%/]|[.,]\d|\w|\s*(?:percent|per\s+cent))"
)
# a number directly followed by another number ("1 2 3") cannot begin an expression, except
# "5 1/2 hours": such numbers are skipped by the tokenizer itself
_TOKEN = re.compile(r"[A-Za-z]+|\d++(?![ \t]\d(?!/2))|'(?=\d)")
_DIGIT_GLUE = re.compile(r"[A-Za-z]|-[A-Za-z]|:\d\d|/\d|\.\d+\s*[A-Za-z]|,\s*\d{4}")
# comparisons ("a year earlier", "the year-ago period") do not move the narrative
_NO_ANCHOR = frozenset({"ago", "year_adj", "period"})


# expressions made of common words: capitalised mid-sentence they are titles ("60 Minutes",
# "This Week", "High Noon")
_LOWERCASE_KINDS = frozenset({"relunit", "duration", "clock", "pod", "deictic", "plural", "ref"})
_INNER_CAPITAL = re.compile(
    r"[\s-](?!" + "|".join([*WEEKDAY_NAMES, *(m[:3] for m in MONTH_NAMES)]) + r")[A-Z][a-z]"
)
_SENTENCE_END = re.compile(r"(?:^|[.!?:\"“”'`(\n]|--|_)\s*$")


def _looks_like_title(text: str, start: int, found: str) -> bool:
    if found.isupper() or found.islower():
        return False
    if _INNER_CAPITAL.search(found):
        return True
    first = found[0]
    return first.isupper() and not _SENTENCE_END.search(text, max(0, start - 4), start)


def _digit_may_start(
    text: str, after: int, tokens: list[tuple[int, str]], i: int, heads: frozenset[str]
) -> bool:
    """Can a number that is not a year begin an expression? Only if glued to a letter or
    ':/-.' ("5pm", "20th", "10:35", "10/21/2020"), or followed by a unit, month or the like
    ("two" is not needed: "5 1/2 hours", "24 hours", "6 a.m.", "21 October")."""
    if after >= len(text):
        return False
    if text[after] != " ":
        return _DIGIT_GLUE.match(text, after) is not None
    if i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1][1]
    if nxt in heads or nxt.lower() in _AFTER_NUMBER or nxt.lower() in HEADS:
        return True
    return nxt == "1" and text.startswith("1/2", tokens[i + 1][0])


def _head_follows(tokens: list[tuple[int, str]], i: int, heads: frozenset[str]) -> bool:
    for _, w in tokens[i + 1 : i + 1 + LOOKAHEAD_WORDS]:
        if w in heads or w[0].isdigit() or w[0] == "'" or w.lower() in HEADS:
            return True
    return False


def as_date(published: dt.date | str) -> dt.date:
    """A publication date from a date, a datetime or an ISO string (time part ignored)."""
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    try:
        return dt.date.fromisoformat(str(published).strip()[:10])
    except ValueError:
        raise InputError(f"not a publication date: {published!r} (expected YYYY-MM-DD)") from None


def tag(text: str, published: dt.date | str) -> list[Timex]:
    """Find the temporal expressions in ``text``, resolved against ``published``.

    Returns sorted, non-overlapping Timex records whose offsets index ``text`` as given.
    ``published`` is a date, a datetime or an ISO string (``2020-10-21``, a time part is
    ignored); anything else raises :class:`timeline.exceptions.InputError`. Never raises
    on the text itself.
    """
    dct = as_date(published)
    ctx = Context(text, dct)
    found: list[Timex] = []
    busy_until = 0
    table = token_table()
    heads = head_forms()
    # tokens are listed one segment (about 256 KB, cut at a paragraph) at a time, so memory
    # stays small for big inputs; matches themselves may run past a segment end
    for seg_start, seg_end in _segments(text):
        tokens = [(t.start(), t.group()) for t in _TOKEN.finditer(text, seg_start, seg_end)]
        for i, (pos, word) in enumerate(tokens):
            if pos < busy_until:
                continue
            entry = table.get(word)
            if entry is None:
                first = word[0]
                if first.isdigit():
                    if len(word) != 4 and not _digit_may_start(
                        text, pos + len(word), tokens, i, heads
                    ):
                        continue
                    entry = table.get("#" + str(min(len(word), 5)))
                elif first == "'":
                    entry = table.get("'")
                elif not word.islower():  # odd casing ("fRIDAY"): fall back to the lower form
                    entry = table.get(word.lower())
                if entry is None:
                    continue
            key, is_function = entry
            if is_function and not _head_follows(tokens, i, heads):
                continue
            pattern = pattern_for(key)
            if pattern is None:
                continue
            m = pattern.match(text, pos)
            if m is None:
                continue
            kind = m.lastgroup
            if kind is None:
                continue
            try:
                res = HANDLERS[kind](ctx, m.group(), m.start(), m.end())
            except (
                ValueError,
                OverflowError,
                KeyError,
                IndexError,
                TypeError,
                AssertionError,
            ) as exc:
                log.debug("skipped %r (%s): %s", m.group(), kind, exc)
                continue
            if res is None:
                continue
            if kind in _LOWERCASE_KINDS and _looks_like_title(text, m.start(), m.group()):
                continue
            start = m.start() if res.start is None else res.start
            end = m.end() if res.end is None else res.end
            while end > start and text[end - 1] in " ,\t\r\n":
                end -= 1
            if text.endswith(("'s", "’s"), start, end):  # "next Sunday's vote": not the possessive
                end -= 2
            if end <= start:
                continue
            busy_until = max(end, m.end() if res.end is None else end)
            found.append(
                Timex(
                    start,
                    end,
                    text[start:end],
                    res.type,
                    res.value,
                    res.earliest,
                    res.latest,
                    res.mod,
                )
            )
            if (
                res.type in ("DATE", "TIME")
                and res.earliest is not None
                and res.anchor
                and kind not in _NO_ANCHOR
            ):
                p = point_for_value(res.value)
                if p is not None:
                    ctx.last = p
                    if p.grain == "Q":
                        ctx.last_quarter = (p.earliest.year, (p.earliest.month - 1) // 3 + 1)  # type: ignore[union-attr]
            if kind in ("date_mdy", "wd_date") and res.earliest is not None:
                second = _second_day(text, end, res.earliest)
                if second is not None:
                    found.append(second)
                    busy_until = second.end
    return found


def _segments(text: str, size: int = 1 << 18) -> list[tuple[int, int]]:
    """Consecutive (start, end) spans covering text, cut after a paragraph break if one is
    near the size limit, else after a line break or space."""
    spans = []
    start, n = 0, len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            cut = text.rfind("\n\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind("\n", start + size // 2, end)
            if cut < 0:
                cut = text.rfind(" ", start + size // 2, end)
            end = cut + 1 if cut >= 0 else end
        spans.append((start, end))
        start = end
    return spans


def _second_day(text: str, end: int, first: dt.date) -> Timex | None:
    """The bare day of a range or pair: "April 24 and 25", "March 3-5"."""
    m = _RANGE_DAY.match(text, end)
    if m is None:
        return None
    n = int(m.group(1))
    if n <= first.day:
        return None
    try:
        day = first.replace(day=n)
    except ValueError:
        return None
    return Timex(m.start(1), m.end(1), m.group(1), "DATE", day.isoformat(), day, day)
