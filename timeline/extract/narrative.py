"""Dates carried along the narrative: a sentence without a date of its own.

A news story tells a scene in order, and only its first sentence says when:

- a participle continues its clause's event and happens at the same time
  ("seized power on Monday, detaining X" -> the detention is on Monday);
- a same-scene cue carries the previous event's date, or its bounds, across
  sentences and paragraphs: "the same day", "hours later", "later that day",
  "that evening", "then"; "two days later" adds the days to it;
- without a cue, the next sentence of the same paragraph continues the scene
  and takes the previous sentence's day, unless its verb steps back in time
  ("had", "earlier", "previously", "since", "ago");
- a new paragraph without a cue starts afresh: it gets bounds only;
- a day without its year ("on June 15") in a paragraph told in 2019 is in 2019
  (the first such day on or after the paragraph's last dated event), not in the
  year the tagger took from the publication date.
"""

from __future__ import annotations

import datetime as dt
import re

from timeline.extract.dating import LEAD_PARAGRAPHS, Timing
from timeline.extract.events import Mention
from timeline.extract.sentences import Sentence

_SAME_SCENE = re.compile(
    r"(?i)\b(?:(?:on\s+)?the\s+same\s+day|later\s+(?:that|the\s+same)\s+(?:day|morning|afternoon"
    r"|evening|night)|(?:that|the\s+same)\s+(?:morning|afternoon|evening|night)|(?:hours|minutes"
    r"|moments)\s+later|within\s+(?:hours|minutes)|shortly\s+(?:after|afterwards|thereafter)"
    r"|then)\b"
)
# "conceded defeat within hours", "was sworn in hours later": the cue after the verb
_SAME_SCENE_AFTER = re.compile(
    r"(?i)\s+(?:[\w-]+\s+){0,3}?(?:(?:hours|minutes|moments)\s+later|within\s+(?:hours|minutes)"
    r"|later\s+(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night))\b"
)
_OFFSET = re.compile(
    r"(?i)\b(?P<n>a|an|one|two|three|four|five|six|seven|\d{1,2})\s+(?P<unit>days?|weeks?)"
    r"\s+(?:later|after\s+that|afterwards)\b"
)
# Cues that move away from the scene: back ("had", "earlier") or on ("later", "within weeks").
_BACK = r"had|earlier|previously|before|since|ago|formerly|once|in\s+the\s+past|until|already"
_ON = (
    r"later|afterwards|subsequently|eventually|after|following|next|within\s+(?:days|weeks"
    r"|months|a\s+(?:week|month|year))"
)
_SHIFT = re.compile(rf"(?i)\b(?:{_BACK}|{_ON})\b")
_FORWARD = re.compile(rf"(?i)^\W*(?:{_ON})\b")
_AND = re.compile(r"(?i)\band\b")  # "used tear gas on Saturday, and 40 people were arrested"
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_NUMBERS["seven"] = 7
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_START = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def _participle(mention: Mention) -> bool:
    word = mention.matched.lower()
    return mention.trigger.kind != "nominal" and word.endswith("ing") and " " not in word


def _offset(match: re.Match[str]) -> dt.timedelta:
    number = match.group("n").lower()
    count = int(number) if number.isdigit() else _NUMBERS[number]
    return dt.timedelta(days=count * (7 if match.group("unit").lower().startswith("week") else 1))


def _copy(source: Timing, target: Timing, shift: dt.timedelta | None = None) -> None:
    if source.date and _DAY.match(source.date):
        day = dt.date.fromisoformat(source.date) + (shift or dt.timedelta())
        target.date = day.isoformat()
    elif source.date and shift is None:
        target.date = source.date
    elif shift is None:
        target.not_before = source.not_before or target.not_before
        target.not_after = source.not_after or target.not_after


def carry_dates(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    timings: list[Timing],
    published: dt.date,
    lead_day: dt.date | None = None,
) -> None:
    """Give undated mentions the date of the scene they continue (see module doc)."""
    last: int | None = None  # the mention before, in text order
    context: tuple[int, dt.date] | None = None  # (paragraph, day) last told with its year
    for index, mention in enumerate(mentions):
        timing = timings[index]
        if timing.drop or timing.deadline or not mention.licensed:
            continue
        paragraph = sentences[mention.sentence].paragraph
        if timing.yearless and context is not None and context[0] == paragraph:
            _reanchor(timing, context[1], published)
        elif timing.date and not timing.yearless:
            start = _edtf_start(timing.date)
            context = (paragraph, start) if start else context
        if last is not None and not (timing.date or timing.not_before or timing.not_after):
            scene = _scene(timings[last], mentions[last], sentences, lead_day)
            if mentions[last].sentence == mention.sentence:
                gap = text[mentions[last].end : mention.start]
                joined = _AND.search(gap) and not _SHIFT.search(gap)
                if _participle(mention) or mention.continues or joined:
                    _copy(scene, timing)
            else:
                _from_scene(text, sentences, mentions, timings, index, last, scene)
            if timing.latest and timing.latest > published:
                timing.date = None  # a carried day never goes past the report
        last = index


def _edtf_start(value: str) -> dt.date | None:
    match = _START.match(value)
    if not match:
        return None
    year, month, day = (int(g) if g else 1 for g in match.groups())
    return dt.date(year, month, day)


def _reanchor(timing: Timing, context: dt.date, published: dt.date) -> None:
    """'June 15' in a story told in 2019 is June 15, 2019: the first such day after it."""
    value = timing.date or ""
    for year in (context.year, context.year + 1):
        shifted = f"{year}{value[4:]}"
        start = _edtf_start(shifted)
        if start is None or not context - dt.timedelta(days=1) <= start <= published:
            continue
        timing.date = shifted
        return


def _scene(
    timing: Timing, mention: Mention, sentences: list[Sentence], lead_day: dt.date | None
) -> Timing:
    """The previous event's timing; in a dated report's lead, the dateline's day."""
    lead = sentences[mention.sentence].paragraph < LEAD_PARAGRAPHS
    if timing.date or not lead_day or not lead or timing.after:
        return timing
    return Timing(date=lead_day.isoformat())


def _from_scene(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    timings: list[Timing],
    index: int,
    last: int,
    previous: Timing,
) -> None:
    mention, timing = mentions[index], timings[index]
    sentence = sentences[mention.sentence]
    lead = text[sentence.start : mention.start]
    offset = _OFFSET.search(lead)
    if offset:
        _copy(previous, timing, _offset(offset))
        timing.after.add(last)
        return
    if _SAME_SCENE.search(lead) or _SAME_SCENE_AFTER.match(text, mention.end):
        _copy(previous, timing)
        if not timing.date:
            timing.after.add(last)
        return
    if _FORWARD.search(lead):  # "Within weeks, ...": after the scene, not on its day
        timing.after.add(last)
        return
    before = sentences[mentions[last].sentence]
    adjacent = (
        mention.sentence == mentions[last].sentence + 1 and before.paragraph == sentence.paragraph
    )
    if not adjacent or _SHIFT.search(text, sentence.start, mention.end):
        return
    if previous.date and _DAY.match(previous.date):
        timing.date = previous.date
