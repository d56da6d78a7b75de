"""Dates and bounds for event mentions, from the tagger's dates and the text's cues.

- A date in the same clause dates the event nearest to it; a date at the front
  of a sentence ("On October 15, A and B ...") dates every event in it.
- "Following the elections on October 4, ..." puts the sentence's events after
  the elections; "Later, ..." after the events of the sentence before; an object
  that names an earlier event ("annulled the results of the elections") after it.
- Bounds flow along those links: the earliest day from what comes before, the
  latest from what comes after; an undated past event is no later than the
  publication date.
- A future or required date for an event word ("elections are scheduled for
  April 11") makes it a deadline; a future event without a date is not an event
  yet. Deadlines without an event word are found in :mod:`timeline.extract.deadlines`.
- In a dated news report, an undated event in the opening paragraphs is the
  report's own news and takes the dateline's day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from timeline.extract.events import Mention
from timeline.extract.lexicon import FUTURE, TRIGGERS
from timeline.extract.relevance import relative_spans
from timeline.extract.sentences import Sentence
from timeline.temporal import Timex

LEAD_PARAGRAPHS = 2
_ANCHOR = re.compile(
    r"(?i)^(?P<cue>following|after|since|in\s+the\s+wake\s+of|before|ahead\s+of|prior\s+to)\s"
)
_LATER = re.compile(
    r"(?i)^(?:later|subsequently|afterwards|afterward|then|after\s+that|soon\s+after"
    r"|shortly\s+after(?:wards)?|the\s+next\s+day|the\s+following\s+day|eventually)\b"
)
# "Police later arrested ...": the adverb right before the verb.
_LATER_INSIDE = re.compile(r"(?i)\b(?:later|subsequently|afterwards|then)\s*$")
_FUTURE = re.compile(rf"(?i)(?<![\w-])(?:{FUTURE})(?![\w-])")
REFERENCE = re.compile(
    "(?i)(?<![\\w-])(?:"
    + "|".join(t.pattern for t in TRIGGERS if t.kind == "nominal" and t.type != "meeting")
    + ")(?![\\w-])"
)


@dataclass
class Timing:
    """When a mention happened: a date (EDTF) or bounds, and what it follows."""

    date: str | None = None
    not_before: dt.date | None = None
    not_after: dt.date | None = None
    after: set[int] = field(default_factory=set)
    deadline: bool = False
    drop: bool = False
    yearless: bool = False  # "on June 15": the tagger chose the year, the story may not

    @property
    def earliest(self) -> dt.date | None:
        return _edtf_bounds(self.date)[0] if self.date else self.not_before

    @property
    def latest(self) -> dt.date | None:
        return _edtf_bounds(self.date)[1] if self.date else self.not_after


def _edtf_bounds(text: str) -> tuple[dt.date, dt.date]:
    from timeline.dates import parse_edtf

    parsed = parse_edtf(text)
    return parsed.earliest, parsed.latest


def edtf_of(timex: Timex) -> str | None:
    """The EDTF form of a dated expression at the precision the text gives."""
    value, approx = timex.value, "~" if timex.mod == "APPROX" else ""
    if re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return value[:10] + approx
    if re.fullmatch(r"\d{4}-\d{2}|\d{4}", value):
        return value + approx
    if timex.earliest and timex.latest:
        if timex.earliest == timex.latest:
            return timex.earliest.isoformat()
        return f"{timex.earliest.isoformat()}/{timex.latest.isoformat()}"
    return None


# A holiday's name before an event noun names that event ("the Easter bombings").
_HOLIDAY_NAME = re.compile(
    r"(?i)^(?!(?:the\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\b)(?:the\s+)?[a-z][a-z' ]*$"
)
_NAMED_EVENT = re.compile(
    r"(?i)\s+(?:day\s+)?(?:bombings?|attacks?|massacres?|uprisings?|revolution|offensive"
    r"|killings|shootings?|riots?|protests?|coup|siege|raid|tsunami|earthquake|floods?)\b"
)
_CLOCK = re.compile(r"(?i)\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s?[A-Z]{2,4})?")


def usable(
    timexes: list[Timex], body_start: int, text: str = "", published: dt.date | None = None
) -> list[Timex]:
    """The dates that can date events; a live blog's entry times are on the publication day."""
    out = []
    for t in timexes:
        if t.type not in ("DATE", "TIME") or not t.earliest or not t.latest or t.start < body_start:
            continue
        if _HOLIDAY_NAME.match(t.text) and _NAMED_EVENT.match(text, t.end):
            continue  # "the Easter bombings": the name of an event, not this Easter
        line_start = text.rfind("\n", 0, t.start) + 1
        if (
            published is not None
            and t.type == "TIME"
            and _CLOCK.fullmatch(t.text)
            and not text[line_start : t.start].strip()
        ):
            value = f"{published.isoformat()}{t.value[10:]}"
            t = replace(t, value=value, earliest=published, latest=published)
        out.append(t)
    return out


def _distance(mention: Mention, timex: Timex) -> int:
    """Characters between them; a date usually follows its verb, so one before counts double."""
    if timex.end <= mention.start:
        return 2 * (mention.start - timex.end)
    return max(0, timex.start - mention.end)


def date_mentions(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    timexes: list[Timex],
    published: dt.date,
    lead_day: dt.date | None,
) -> list[Timing]:
    """A :class:`Timing` per mention (same order); ``lead_day`` is the dateline's day."""
    timings = [Timing() for _ in mentions]
    by_sentence: dict[int, list[int]] = {}
    for index, mention in enumerate(mentions):
        by_sentence.setdefault(mention.sentence, []).append(index)
    previous_past: list[int] = []
    for number, indexes in sorted(by_sentence.items()):
        sentence = sentences[number]
        _date_sentence(text, sentence, mentions, indexes, timexes, timings, published)
        _link_sentence(text, sentence, mentions, indexes, timings, previous_past)
        anchors = {a for i in indexes for a in timings[i].after if a in indexes}
        past = [
            i
            for i in indexes
            if not timings[i].deadline
            and not timings[i].drop
            and i not in anchors
            and mentions[i].licensed
        ]
        if past:
            previous_past = past
    from timeline.extract.narrative import carry_dates, inherit_floor

    carry_dates(text, sentences, mentions, timings, published, lead_day)
    for index, mention in enumerate(mentions):
        timing = timings[index]
        if not mention.licensed:
            timing.drop = True
            continue
        if timing.drop or timing.deadline:
            continue
        if timing.date is None:
            timing.not_after = published
    propagate(timings)
    starts = sorted(t.start for t in timexes)
    if inherit_floor(text, sentences, mentions, timings, starts):
        propagate(timings)
    if lead_day is None:
        return timings
    for index, mention in enumerate(mentions):  # the report's own news: the dateline's day
        timing = timings[index]
        in_lead = sentences[mention.sentence].paragraph < LEAD_PARAGRAPHS
        fits = (timing.not_before is None or timing.not_before <= lead_day) and (
            timing.not_after is None or lead_day <= timing.not_after
        )
        if in_lead and fits and timing.date is None and not timing.after and not timing.drop:
            timing.date, timing.not_before, timing.not_after = lead_day.isoformat(), None, None
    propagate(timings)
    return timings


def _date_sentence(
    text: str,
    sentence: Sentence,
    mentions: list[Mention],
    indexes: list[int],
    timexes: list[Timex],
    timings: list[Timing],
    published: dt.date,
) -> None:
    here = [t for t in timexes if sentence.start <= t.start < sentence.end]
    relatives = relative_spans(text, sentence.start, sentence.end)

    def enclosing(position: int) -> tuple[int, int] | None:
        return next(((a, b) for a, b in relatives if a <= position < b), None)

    claimed: dict[int, Timex] = {}
    pairs = sorted(
        (_distance(mentions[i], timex), n, i)
        for n, timex in enumerate(here)
        for i in indexes
        if mentions[i].clause[0] <= timex.start < mentions[i].clause[1]
        and not (timex.end <= mentions[i].start and _continues(mentions[i]))
        # "Sall, who has led since 2012, postponed": 2012 dates only its own clause
        and (not relatives or enclosing(timex.start) == enclosing(mentions[i].start))
    )
    used: set[int] = set()
    for _gap, n, i in pairs:  # nearest pairs first, each date and event once
        if n not in used and i not in claimed:
            claimed[i] = here[n]
            used.add(n)
    for i in indexes:  # "declared X on Wednesday and dismissed Y": both verbs share the day
        partner = next(
            (
                j
                for j in indexes
                if j in claimed
                and mentions[j].continues
                and mentions[j].clause == mentions[i].clause
                and mentions[j].start > mentions[i].start
            ),
            None,
        )
        if i not in claimed and partner is not None and mentions[i].trigger.kind != "nominal":
            claimed[i] = claimed[partner]
    first = min(mentions[i].start for i in indexes)
    fronted = [
        t
        for t in here
        if t.end <= first
        and (not relatives or enclosing(t.start) is None)
        and not any(c is t and not mentions[i].licensed for i, c in claimed.items())
        and not any(c is t and mentions[i].trigger.kind == "nominal" for i, c in claimed.items())
    ]
    for i in indexes:
        mention, timing = mentions[i], timings[i]
        timex = claimed.get(i) or (
            fronted[0] if fronted and not _ANCHOR.match(sentence.text) else None
        )
        clause_text = text[mention.clause[0] : mention.clause[1]]
        future = mention.future or bool(_FUTURE.search(text, mention.clause[0], mention.start))
        if timex is None:
            if future:
                timing.drop = True
            continue
        value = edtf_of(timex)
        if value is None:
            continue
        value = _next_year_if_planned(value, timex, published, future)
        if not future:
            value, timex = _last_year_if_past(value, timex, published)
        if future or (
            timex.earliest and timex.earliest > published and _FUTURE.search(clause_text)
        ):
            timing.deadline = True
        elif timex.latest and timex.latest > published:
            if _this_period(timex, published):  # "in February" in a February report
                timing.not_before, timing.not_after = timex.earliest, published
            continue  # a past event cannot be after its report: the date belongs elsewhere
        if _SAME_DAY.match(timex.text) and _DAY.match(value):
            timing.date = value  # "later that day" is that day
        elif timex.mod in ("BEFORE", "END") and not timing.deadline:
            timing.not_after = timex.latest
        elif timex.mod in ("AFTER", "START") and not timing.deadline:
            timing.not_before = timex.earliest
        else:
            timing.date = value
            timing.yearless = bool(_MONTH.search(timex.text)) and not _YEAR.search(timex.text)


def _this_period(timex: Timex, published: dt.date) -> bool:
    """'In February' in a February report: the month (or year) holds the report's day."""
    return bool(
        timex.earliest
        and timex.earliest <= published
        and re.fullmatch(r"\d{4}(?:-\d{2})?", timex.value)
        and not _FUTURE.search(timex.text)
    )


def _next_year_if_planned(value: str, timex: Timex, published: dt.date, future: bool) -> str:
    """A planned day without its year that has passed this year is next year's.

    "An early election was called for November 1" in an article of June 30 is
    this year's November; in one of December 20 it is next year's.
    """
    if not future or not _DAY.match(value) or _YEAR.search(timex.text):
        return value
    day = dt.date.fromisoformat(value)
    if day >= published:
        return value
    try:
        moved = day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return value
    return moved.isoformat() if moved > published else value


def _last_year_if_past(value: str, timex: Timex, published: dt.date) -> tuple[str, Timex]:
    """A past event's day without its year that is still ahead this year is last year's.

    "On May 9, supporters attacked the camp" in an article of March 20 is last May.
    """
    if _YEAR.search(timex.text) or not _MONTH.search(timex.text):
        return value, timex
    if not timex.earliest or not timex.latest or timex.earliest <= published:
        return value, timex
    match = re.match(r"^(\d{4})(-\d{2}(?:-\d{2})?)$", value)
    if not match:
        return value, timex
    try:
        earliest = timex.earliest.replace(year=timex.earliest.year - 1)
        latest = timex.latest.replace(year=timex.latest.year - 1)
    except ValueError:  # 29 February
        return value, timex
    if latest > published:
        return value, timex
    moved = f"{int(match.group(1)) - 1:04d}{match.group(2)}"
    return moved, replace(timex, value=moved, earliest=earliest, latest=latest)


def _continues(mention: Mention) -> bool:
    """A participle ('..., detaining X') shares its clause's date, it does not claim one."""
    word = mention.matched.lower()
    return mention.trigger.kind != "nominal" and word.endswith("ing") and " " not in word


def _link_sentence(
    text: str,
    sentence: Sentence,
    mentions: list[Mention],
    indexes: list[int],
    timings: list[Timing],
    previous_past: list[int],
) -> None:
    anchor = _ANCHOR.match(sentence.text)
    anchor_end = sentence.start + sentence.text.find(",") if anchor else -1
    anchors = [i for i in indexes if anchor and mentions[i].end <= anchor_end]
    later = bool(_LATER.match(sentence.text))
    for position, i in enumerate(indexes):
        mention = mentions[i]
        if position > 0:
            gap = text[mentions[indexes[position - 1]].end : mention.start]
            _order_pair(indexes[position - 1], i, gap, timings)
        if i in anchors:
            continue
        if anchors:
            cue = anchor.group("cue").lower() if anchor else ""
            if cue.startswith(("before", "ahead", "prior")):
                for a in anchors:
                    timings[a].after.add(i)
            else:
                timings[i].after.update(anchors)
        if later or _LATER_INSIDE.search(text, mention.clause[0], mention.start):
            timings[i].after.update(p for p in previous_past if p < i)
        for ref in REFERENCE.finditer(text, mention.object_span[0], mention.object_span[1]):
            target = referent(mentions, timings, i, ref.group())
            if target is not None:
                timings[i].after.add(target)
        if _VERDICT.search(text, mention.object_span[0], mention.object_span[1]):
            courts = [j for j in range(i - 1, -1, -1) if mentions[j].type == "court"]
            if courts:  # "rallied after the verdict": after the last ruling told
                timings[i].after.add(courts[0])


_MONTH = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b\.?")
_YEAR = re.compile(r"\b\d{4}\b|['’]\d{2}\b")
_SAME_DAY = re.compile(r"(?i)later\s+(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night)")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_VERDICT = re.compile(
    r"(?i)\b(?:after|following|since)\s+(?:the|its|this)\s+(?:verdict|ruling|decision|judge?ment)\b"
)
_BETWEEN_AFTER = re.compile(r"(?i)\b(?:after|following|since|in\s+the\s+wake\s+of)\s")
_BETWEEN_BEFORE = re.compile(r"(?i)\b(?:before|ahead\s+of|prior\s+to)\s")
_BETWEEN_LATER = re.compile(r"(?i)\b(?:later|afterwards|then|subsequently)\b")


def _order_pair(first: int, second: int, gap: str, timings: list[Timing]) -> None:
    """'A resigned after B was killed' -> A after B; 'A, and hours later B' -> B after A."""
    if _BETWEEN_AFTER.search(gap):
        timings[first].after.add(second)
    elif _BETWEEN_BEFORE.search(gap) or _BETWEEN_LATER.search(gap):
        timings[second].after.add(first)


def _head(words: str) -> str:
    last = words.split()[-1].lower() if words.split() else ""
    return last[:-1] if last.endswith("s") and not last.endswith("ss") else last


def referent(mentions: list[Mention], timings: list[Timing], index: int, words: str) -> int | None:
    """The past event a noun phrase ('the recent parliamentary elections') names.

    Only an event named by the same noun counts, the nearest earlier one first,
    else the nearest later one ("annulled the results of the election held on ...").
    """
    head = _head(words)
    order = [*range(index - 1, -1, -1), *range(index + 1, len(mentions))]
    for j in order:
        other = mentions[j]
        if other.trigger.kind != "nominal" or not other.licensed or timings[j].deadline:
            continue
        if _head(other.matched) == head:
            return j
    return None


def _reaches(timings: list[Timing], start: int, goal: int) -> bool:
    stack, seen = [start], set()
    while stack:
        node = stack.pop()
        if node == goal:
            return True
        if node not in seen:
            seen.add(node)
            stack.extend(timings[node].after)
    return False


def propagate(timings: list[Timing]) -> None:
    """Narrow bounds along 'after' links: earliest from what comes before, latest from after."""
    for index, timing in enumerate(timings):
        links, timing.after = timing.after, set()
        for a in sorted(links):
            if a != index and not timings[a].drop and not _reaches(timings, a, index):
                first, then = timings[a].earliest, timing.latest
                if first is None or then is None or first <= then:  # never against the dates
                    timing.after.add(a)
    for _ in range(len(timings)):
        changed = False
        for timing in timings:
            if timing.date is not None:
                continue
            lows = [timings[a].earliest for a in timing.after if timings[a].earliest]
            low = max(lows) if lows else None
            if low and (timing.not_before is None or low > timing.not_before):
                timing.not_before, changed = low, True
        for timing in timings:
            for a in timing.after:
                before, high = timings[a], timing.latest
                if (
                    before.date is None
                    and high
                    and (not before.not_after or high < before.not_after)
                ):
                    before.not_after, changed = high, True
        if not changed:
            break
    for timing in timings:
        if timing.not_before and timing.not_after and timing.not_before > timing.not_after:
            timing.not_before = None
