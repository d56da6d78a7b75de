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
  year the tagger took from the publication date;
- a recap told in order keeps its floor: once an event of a paragraph has an
  earliest day from a date or an ordering in the text ("Following the elections
  on October 4, ..."), a later undated event of that paragraph told in the simple
  past ("X stepped down.") is no earlier than it (``not_before`` only, no link).
  A sentence that steps back ("had", "previously", "in 2019") ends the recap; one
  in the present or future, or with a date of its own, takes nothing from it; a
  new paragraph starts without a floor (see :func:`inherit_floor`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from timeline.extract.dating import LEAD_PARAGRAPHS, Timing
from timeline.extract.events import Mention
from timeline.extract.lexicon import LIGHT_VERBS
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


# A sentence that steps back in time: past perfect, "previously", "in 2019", "last year".
_BACKWARD = re.compile(
    rf"(?i)\b(?:{_BACK}|before\s+that|at\s+the\s+time|last\s+(?:year|month|week)"
    r"|(?:years?|months?|weeks?|decades?)\s+(?:before|earlier)"
    r"|in\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?(?:1[89]|20)\d\d)\b|\w['’]d\b"
)
# The verb's own auxiliary: present, perfect, future or modal is not the simple past.
_NOT_PAST = re.compile(
    r"(?i)\b(?:is|are|am|has|have|will|would|shall|should|must|can|could|may|might|does|do"
    r"|being)\b"
)
_PAST_WORD = re.compile(
    r"(?i)(?:\w+ed|was|were|became|took|won|lost|fled|left|met|held|began|broke|fought|led"
    r"|rose|fell|gave|made|shot|struck|swore|sought|threw|saw|quit|drew|swept|grew|spread"
    r"|stood|ran|came|went|told|said|hit|cut|set|put|kept|sent|beat|overthrew|withdrew|upheld"
    r"|brought|caught|chose|froze|laid|paid|shook|stole|tore|wrote|found|spent|built|oversaw"
    r"|undertook|overtook)"
)
# "abstained after the Socialists agreed": the event of an "after" clause came first
_SUBORDINATE = re.compile(
    r"(?i)\b(?:after|following|once|when|because|as|since)\s+(?:[\w'’.-]+,?\s+){0,4}$"
)
_FIRST_WORD = re.compile(r"[\w'’-]+")
_AUX_BEFORE = re.compile(r"(?i)(?:\b[\w'’]+\s+){0,3}$")
_LIGHT = re.compile(rf"(?i)(?<![\w-])(?:{LIGHT_VERBS})(?![\w-])")


def _light_verb(text: str, mention: Mention) -> str | None:
    """The verb that makes an event noun happen: "saw clashes", "protests broke out"."""
    clause_start, clause_end = mention.clause
    before = list(_LIGHT.finditer(text, max(clause_start, mention.start - 40), mention.start))
    if before:
        return text[max(clause_start, before[-1].start() - 20) : before[-1].end()]
    after = _LIGHT.match(text, mention.end + 1, min(clause_end, mention.end + 41))
    if after and not text[mention.end : after.start()].strip():
        return text[mention.end : after.end()]
    return None


def _tense(text: str, mention: Mention) -> str:
    """'past' (simple past), 'back' (past perfect) or 'other' (present, future, unknown)."""
    if mention.future:
        return "other"
    if mention.trigger.kind == "nominal":
        group = _light_verb(text, mention)
        if group is None:
            return "other"
        head = group
    else:
        aux = _AUX_BEFORE.search(text, max(mention.clause[0], mention.start - 30), mention.start)
        group = (aux.group() if aux else "") + mention.matched
        head = mention.matched
    if re.search(r"(?i)\bhad\b|['’]d\b", group):
        return "back"
    if _NOT_PAST.search(group):
        return "other"
    words = _FIRST_WORD.findall(head)
    return "past" if any(_PAST_WORD.fullmatch(w) for w in words[:3]) else "other"


def inherit_floor(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    timings: list[Timing],
    dated: list[int],
) -> bool:
    """Give the undated simple-past events of an ordered recap the paragraph's floor.

    Walks each paragraph in text order. An event with an earliest day (its own
    date, or bounds from the text's orderings) sets the floor; a later event in
    the simple past, without a date in its sentence, without a cue that steps
    back, not told after an event it precedes ("A abstained after B agreed": B)
    and without a lower bound of its own, takes the floor as ``not_before``
    when that is no later than its ``not_after``. A step back ends the floor; a
    new paragraph starts without one. ``dated`` are the start offsets of the
    article's dates, sorted. Returns whether any bound was set.
    """
    changed = False
    # "ERC abstained after the Socialists agreed": an event told after one it precedes
    told_back = {a for j, t in enumerate(timings) for a in t.after if a > j}
    paragraph, floor = -1, None
    sentence_checked: dict[int, tuple[bool, bool]] = {}  # sentence -> (has a date, steps back)
    outcome: dict[int, str] = {}  # sentence -> the tense of its last event, for participles
    for index, mention in enumerate(mentions):
        timing = timings[index]
        sentence = sentences[mention.sentence]
        if sentence.paragraph != paragraph:
            paragraph, floor = sentence.paragraph, None
        if timing.drop or timing.deadline or not mention.licensed:
            continue
        if timing.earliest is not None:  # a date, or bounds the text's orderings give
            floor = timing.earliest
            continue
        if mention.sentence not in sentence_checked:
            at = bisect.bisect_left(dated, sentence.start)
            own_date = at < len(dated) and dated[at] < sentence.end
            sentence_checked[mention.sentence] = (own_date, bool(_BACKWARD.search(sentence.text)))
        own_date, steps_back = sentence_checked[mention.sentence]
        if _participle(mention) and mention.sentence in outcome:
            tense = outcome[mention.sentence]  # "..., detaining X": the verb before says when
        else:
            tense = _tense(text, mention)
        outcome[mention.sentence] = tense
        if steps_back or tense == "back":
            floor = None
            continue
        if own_date or tense != "past" or floor is None or index in told_back:
            continue
        if _SUBORDINATE.search(text, max(sentence.start, mention.start - 60), mention.start):
            continue
        if timing.not_after is None or floor <= timing.not_after:
            timing.not_before, changed = floor, True
    return changed
