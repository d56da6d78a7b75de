"""Deadlines and scheduled dates stated without an event word.

"The date for a rerun of the parliamentary elections should be set before
November 6" holds no trigger, yet it is a deadline on a timeline: a clause with
an obligation or schedule ("should", "must", "is to", "is due", "scheduled")
and a future day or month becomes a ``deadline`` event titled from its subject
and verb. Forecasts ("profits will rise in 1990") and reported opinions are not
deadlines.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from timeline.extract.dating import REFERENCE, Timing, edtf_of, referent
from timeline.extract.events import Mention
from timeline.extract.sentences import Sentence, split_clauses
from timeline.extract.titles import deadline_title
from timeline.temporal import Timex

_OBLIGATION = (
    r"should|must|shall|is\s+to|are\s+to|has\s+to|have\s+to|is\s+due\s+to|are\s+due\s+to"
    r"|(?:is|are)\s+scheduled\s+to|(?:is|are)\s+set\s+to|(?:is|are)\s+expected\s+to(?=\s+be\s)"
    r"|(?:is|are)\s+(?:planned|required)\s+to|no\s+later\s+than"
)
_OBLIGED = re.compile(rf"(?i)(?<![\w-])(?:{_OBLIGATION})(?![\w-])")
_REPORTED = re.compile(
    r"(?i)\b(?:said|says|say|thinks?|believes?|expects?|according|told|predicts?|estimated?)\b|[\"“,]"
)
_MODAL_CLAUSE = re.compile(
    rf"(?i)^(?P<subject>.+?)\s+(?:{_OBLIGATION})\s+(?P<passive>be\s+)?(?P<verb>[a-z]+)(?P<rest>.*)$"
)
_BASES = {
    "set": "set",
    "held": "hold",
    "made": "make",
    "put": "put",
    "chosen": "choose",
    "given": "give",
    "taken": "take",
    "announced": "announce",
    "scheduled": "schedule",
    "published": "publish",
    "submitted": "submit",
    "formed": "form",
    "named": "name",
}
_MAX_SUBJECT_WORDS = 10
_MAX_DAYS = 31


@dataclass
class Deadline:
    """A required or scheduled future date found without an event word."""

    title: str
    sentence: int
    start: int
    end: int
    timing: Timing


def find_deadlines(
    text: str,
    sentences: list[Sentence],
    timexes: list[Timex],
    published: dt.date,
    mentions: list[Mention],
    timings: list[Timing],
    body_start: int,
) -> list[Deadline]:
    """Future dates required or scheduled in clauses that hold no event word."""
    taken = {
        (m.clause, m.sentence)
        for m, t in zip(mentions, timings, strict=True)
        if t.deadline and m.licensed
    }
    found: list[Deadline] = []
    for number, sentence in enumerate(sentences):
        if sentence.end <= body_start:
            continue
        for clause in split_clauses(sentence):
            if (clause, number) in taken:
                continue
            future = [
                t
                for t in timexes
                if clause[0] <= t.start < clause[1] and t.earliest and t.earliest > published
            ]
            if not future or not _OBLIGED.search(text, clause[0], future[0].start):
                continue
            if (future[0].latest - future[0].earliest).days > _MAX_DAYS:
                continue  # "in 1990" is a forecast's horizon, not a deadline
            words = text[clause[0] : future[0].start]
            words = re.sub(r"(?i)\s+(?:before|by|until|on|in|no\s+later\s+than)\s*$", "", words)
            parts = _MODAL_CLAUSE.match(words.strip())
            if not parts or _REPORTED.search(parts["subject"]):
                continue
            if not parts["passive"] and parts["verb"].lower().endswith("ed"):
                continue  # "must have returned ...": not an obligation ahead
            if len(parts["subject"].split()) > _MAX_SUBJECT_WORDS:
                continue
            verb = _BASES.get(parts["verb"].lower(), parts["verb"].lower())
            title = deadline_title(
                parts["subject"], verb, parts["rest"], bool(parts["passive"]), parts["verb"]
            )
            timing = Timing(date=edtf_of(future[0]), deadline=True)
            for ref in REFERENCE.finditer(text, clause[0], clause[1]):
                target = referent(mentions, timings, len(mentions), ref.group())
                if target is not None:
                    timing.after.add(target)
            found.append(Deadline(title, number, clause[0], clause[1], timing))
    return found
