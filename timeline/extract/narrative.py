"""Dates carried along the narrative: events whose sentence gives no date.

A news story tells a scene in order, and often only its first sentence says when:

- a same-scene cue ("the same day", "hours later", "then") carries the previous
  event's date or bounds; "two days later" adds the days to it;
- without a cue, the next sentence of the same paragraph continues the scene and
  takes the previous event's day, unless it steps back ("had", "earlier", "ago")
  or on ("later", "within weeks"); a new paragraph starts afresh;
- a day without its year ("on June 15") in a paragraph told in 2019 is in 2019;
- a recap told in order keeps its floor: after an event of a paragraph with an
  earliest day, a later undated event in the simple past is no earlier
  (``not_before``), until a sentence steps back;
- in a dated report, an undated event of the opening paragraphs is the report's
  own news and takes the dateline's day;
- every other undated past event is no later than the report.

The cue phrases are data (``data/cues.yaml``); the tense comes from the parse.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from timeline.extract.document import Document, Predicate, Timing
from timeline.extract.lexicon import cues

LEAD_PARAGRAPHS = 2
_START = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _alternation(name: str) -> str:
    phrases = sorted((str(p) for p in cues()[name]), key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    numbers = "|".join(map(re.escape, cues()["number_words"]))
    units = "|".join(map(re.escape, cues()["offset_units"]))
    return {
        "same": re.compile(rf"(?i)\b(?:{_alternation('same_scene')})\b"),
        "shift": re.compile(
            rf"(?i)\b(?:{_alternation('step_back')}|{_alternation('step_on')})\b|\w['’]d\b"
        ),
        "back": re.compile(rf"(?i)\b(?:{_alternation('step_back')})\b|\w['’]d\b"),
        "forward": re.compile(rf"(?i)^\W*(?:{_alternation('step_on')})\b"),
        "offset": re.compile(
            rf"(?i)\b(?P<n>{numbers}|\d{{1,2}})\s+(?P<unit>{units})\s+(?:later|after\s+that"
            r"|afterwards)\b"
        ),
    }


def _offset(match: re.Match[str]) -> dt.timedelta:
    number = match.group("n").lower()
    count = int(number) if number.isdigit() else int(cues()["number_words"][number])
    return dt.timedelta(days=count * int(cues()["offset_units"][match.group("unit").lower()]))


def _copy(source: Timing, target: Timing, shift: dt.timedelta | None = None) -> None:
    if source.date and _DAY.match(source.date):
        day = dt.date.fromisoformat(source.date) + (shift or dt.timedelta())
        target.date = day.isoformat()
    elif source.date and shift is None:
        target.date = source.date
    elif shift is None:
        target.not_before = source.not_before or target.not_before
        target.not_after = source.not_after or target.not_after


def _open(timing: Timing) -> bool:
    return not (timing.date or timing.not_before or timing.not_after)


def carry_dates(doc: Document) -> None:
    """Give undated events the date of the scene they continue (see the module doc)."""
    last: Predicate | None = None
    context: tuple[int, dt.date, int] | None = None  # (paragraph, day, sentence) with a year
    for pred in doc.events:
        timing = pred.timing
        if timing.deadline:
            continue
        paragraph = pred.sentence.paragraph
        if timing.yearless and context is not None and context[0] == paragraph:
            if context[2] != pred.sentence.index:  # a year told in an earlier sentence
                _reanchor(timing, context[1], doc.published)
        elif timing.date and not timing.yearless:
            start = _edtf_start(timing.date)
            context = (paragraph, start, pred.sentence.index) if start else context
        if last is not None and _open(timing):
            scene = _scene(last, doc)
            if last.sentence is pred.sentence:
                between = doc.text[last.end : pred.start]
                if _continues(pred, last) or _patterns()["same"].search(between):
                    _copy(scene, timing)
            else:
                _from_scene(doc, pred, last, scene)
            if timing.latest and timing.latest > doc.published:
                timing.date = None  # a carried day never goes past the report
        last = pred


def _continues(pred: Predicate, last: Predicate) -> bool:
    """Same sentence: a coordinated or participle verb continues the scene."""
    if pred.anchor.dep_ == "conj" and pred.anchor.head == last.anchor:
        return True
    return pred.anchor.dep_ == "advcl" and pred.anchor.tag_ == "VBG"


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


def _scene(last: Predicate, doc: Document) -> Timing:
    """The previous event's timing; in a dated report's lead, the dateline's day."""
    lead_day = doc.article.lead_day
    lead = last.sentence.paragraph < LEAD_PARAGRAPHS
    if last.timing.date or not lead_day or not lead or last.timing.after:
        return last.timing
    return Timing(date=lead_day.isoformat())


def _from_scene(doc: Document, pred: Predicate, last: Predicate, previous: Timing) -> None:
    timing, sentence = pred.timing, pred.sentence
    before = doc.text[sentence.start : pred.start]
    after = doc.text[pred.end : min(sentence.end, pred.end + 60)]
    patterns = _patterns()
    offset = patterns["offset"].search(before)
    if offset:
        _copy(previous, timing, _offset(offset))
        timing.after.add(doc.number(last))
        return
    if patterns["same"].search(before) or patterns["same"].search(after[:40]):
        _copy(previous, timing)
        if not timing.date:
            timing.after.add(doc.number(last))
        return
    if patterns["forward"].search(before):
        timing.after.add(doc.number(last))
        return
    adjacent = (
        sentence.index == last.sentence.index + 1 and last.sentence.paragraph == sentence.paragraph
    )
    if not adjacent or patterns["shift"].search(doc.text, sentence.start, pred.end):
        return
    if previous.date and _DAY.match(previous.date) and pred.tense in ("past", last.tense):
        timing.date = previous.date


def bound_by_saying(doc: Document) -> None:
    """'X said on Friday that he had resigned': an undated event told as done in what
    someone said is no later than the day of the saying."""
    say = set(cues()["say_verbs"])
    for pred in doc.events:
        timing = pred.timing
        if timing.deadline or timing.date is not None or timing.not_after is not None:
            continue
        if pred.tense not in ("past", "back", "perfect") or pred.anchor.dep_ != "ccomp":
            continue
        verb = pred.anchor.head
        if verb.lemma_.lower() not in say:
            continue
        said = _date_of_verb(pred.sentence, verb)
        if said is not None and said.latest is not None and said.latest <= doc.published:
            timing.not_after = said.latest


def _date_of_verb(sentence: Any, verb: Any) -> Any:
    """The date whose phrase hangs on ``verb`` itself ("said on Friday")."""
    from timeline.extract.timing import phrase_head

    for timex in sentence.timexes:
        head = phrase_head(sentence, timex)
        node = head
        while node is not None and node.head != node and node.pos_ not in ("VERB", "AUX"):
            node = node.head
        if node is verb or (node is not None and node.i == verb.i):
            return timex
    return None


def bound_by_report(doc: Document) -> None:
    """An undated past event is no later than the report that tells it."""
    for pred in doc.events:
        if not pred.timing.deadline and pred.timing.date is None and pred.timing.not_after is None:
            pred.timing.not_after = doc.published


def inherit_floor(doc: Document) -> bool:
    """Undated simple-past events of an ordered recap take the paragraph's floor."""
    changed = False
    preds = doc.predicates
    told_back = {a for n, p in enumerate(preds) for a in p.timing.after if a > n}
    paragraph, floor = -1, None
    for n, pred in enumerate(preds):
        if pred.dropped or pred.timing.deadline:
            continue
        if pred.sentence.paragraph != paragraph:
            paragraph, floor = pred.sentence.paragraph, None
        timing = pred.timing
        if timing.earliest is not None:
            floor = timing.earliest
            continue
        if pred.tense == "back" or _patterns()["back"].search(pred.sentence.text):
            floor = None
            continue
        if pred.sentence.timexes or pred.tense != "past" or floor is None or n in told_back:
            continue
        if _subordinate(pred):
            continue
        if timing.not_after is None or floor <= timing.not_after:
            timing.not_before, changed = floor, True
    return changed


def _subordinate(pred: Predicate) -> bool:
    """'abstained after the Socialists agreed': the event of a time clause came first."""
    anchor = pred.anchor
    return anchor.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in cues()["time_clause_marks"] for c in anchor.children
    )


def lead_day(doc: Document) -> None:
    """In a dated report, an undated event of the opening paragraphs is the report's news."""
    day = doc.article.lead_day
    if day is None:
        return
    for pred in doc.events:
        timing = pred.timing
        in_lead = pred.sentence.paragraph < LEAD_PARAGRAPHS
        fits = (timing.not_before is None or timing.not_before <= day) and (
            timing.not_after is None or day <= timing.not_after
        )
        if in_lead and fits and timing.date is None and not timing.after and not timing.deadline:
            timing.date, timing.not_before, timing.not_after = day.isoformat(), None, None
