"""Numbers in words and digits, and TimeML duration values."""

from __future__ import annotations

import re

from .lexicon import NUMBERS, ORDINALS

_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90}  # fmt: skip
_SPLIT = re.compile(r"[\s-]+")


def parse_number(text: str) -> float | None:
    """'two' -> 2, 'twenty-four' -> 24, '5 1/2' -> 5.5, '2.5' -> 2.5; None if not a number."""
    t = _SPLIT.sub(" ", text.strip().lower())
    half = 0.0
    if t.endswith(" and a half"):
        t, half = t[: -len(" and a half")], 0.5
    if t.endswith(" 1/2"):
        t, half = t[:-4], 0.5
    if not t:
        return None
    if t[0].isdigit():
        try:
            return float(t.replace(",", "")) + half
        except ValueError:
            return None
    if t in NUMBERS:
        return NUMBERS[t] + half
    parts = t.split(" ")
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in NUMBERS and NUMBERS[parts[1]] < 10:
        return _TENS[parts[0]] + NUMBERS[parts[1]] + half
    return None


def parse_ordinal(word: str) -> int | None:
    w = word.lower().strip(".")
    if w in ORDINALS:
        return ORDINALS[w]
    if w.startswith("twenty-") and w[7:] in ORDINALS:
        return 20 + ORDINALS[w[7:]]
    if w.startswith("thirty-") and w[7:] in ORDINALS:
        return 30 + ORDINALS[w[7:]]
    digits = w.rstrip("stndrh")
    return int(digits) if digits.isdigit() else None


_UNIT_CODE = {
    "second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1),
    "day": ("D", False, 1), "night": ("D", False, 1), "week": ("W", False, 1),
    "weekend": ("D", False, 2), "fortnight": ("W", False, 2), "month": ("M", False, 1),
    "quarter": ("Q", False, 1), "year": ("Y", False, 1), "decade": ("Y", False, 10),
    "century": ("Y", False, 100), "millennium": ("Y", False, 1000), "season": ("M", False, 3),
}  # fmt: skip
_VAGUE_CODE = {"decade": "E", "century": "C", "millennium": "L", "quarter": "Q", "weekend": "WE"}


def unit_name(word: str) -> str | None:
    """Singular canonical unit name for a unit word ('centuries' -> 'century')."""
    w = word.lower().strip()
    w = w.split()[-1] if " " in w else w
    if w in ("centuries", "century"):
        return "century"
    if w in ("millennia", "millennium"):
        return "millennium"
    if w.endswith("s") and w[:-1] in _UNIT_CODE:
        w = w[:-1]
    return w if w in _UNIT_CODE else None


def duration_value(n: float | None, unit: str) -> str:
    """TimeML duration for n units (n None: vague, e.g. PXY)."""
    letter, is_time, factor = _UNIT_CODE[unit]
    prefix = "PT" if is_time else "P"
    if n is None:
        return prefix + "X" + _VAGUE_CODE.get(unit, letter)
    amount = n * factor
    if amount != int(amount):
        whole = int(amount)
        frac = amount - whole
        if letter == "Y":
            return f"P{whole}Y{round(frac * 12)}M"
        if letter == "H":
            return f"PT{whole}H{round(frac * 60)}M"
        if letter == "M" and is_time:
            return f"PT{whole}M{round(frac * 60)}S"
        if letter == "D":
            return f"P{whole}DT{round(frac * 24)}H"
        if letter == "M" and not is_time:
            return f"P{whole}M{round(frac * 30)}D"
        return f"{prefix}{amount:g}{letter}"
    return f"{prefix}{int(amount)}{letter}"
