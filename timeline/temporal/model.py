"""The Timex record returned by the tagger."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Timex:
    """A temporal expression found in a text.

    ``start``/``end`` are Python string offsets into the tagged text, ``text`` equals
    ``input[start:end]``; ``type`` is DATE, TIME, DURATION or SET; ``value`` is the TimeML
    TIMEX3 value; ``earliest``/``latest`` are the first and last day a DATE or TIME covers
    (None for durations, sets and PAST_REF/PRESENT_REF/FUTURE_REF); ``mod`` is the TimeML
    mod (START, END, MID, APPROX, BEFORE, AFTER, ...) or None.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    earliest: dt.date | None = None
    latest: dt.date | None = None
    mod: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "earliest": self.earliest.isoformat() if self.earliest else None,
            "latest": self.latest.isoformat() if self.latest else None,
            "mod": self.mod,
        }
