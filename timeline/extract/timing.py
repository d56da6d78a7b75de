"""Dates that follow syntax: a date dates the event its phrase hangs on.

Each of the tagger's dates is placed in the parse: from the head of its phrase
("on Saturday" -> "Saturday" under "on") the path up the tree reaches the first
event predicate, or the verb an event noun hangs on, and that event takes the
date. A date under a verb that is no event ("said on Monday") dates nothing;
"Following the elections on October 4" dates the elections, not the verb after
them. Coordinated verbs and a participle that continues its clause share a date
they do not have themselves ("On October 15, Jeenbekov stepped down and Japarov
assumed the presidency"). The tagger's value is used as it is; only the year of
a day written without one is moved, when the event's tense puts it in the other
year ("on May 9" told in the past in a March report is last May).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from timeline.extract.document import Document, Predicate, Sentence
from timeline.extract.lexicon import cues
from timeline.temporal import Timex
from timeline.temporal.lexicon import MONTHS

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR = re.compile(r"\b\d{4}\b|['’]\d{2}\b")
_CLOCK = re.compile(r"(?i)\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s?[A-Z]{2,4})?")


def usable(doc: Document, timexes: list[Timex]) -> list[Timex]:
    """The dates that can date events; a live blog's entry times are on the publication day."""
    out = []
    text, body = doc.text, doc.article.body_start
    for t in timexes:
        if t.type not in ("DATE", "TIME") or not t.earliest or not t.latest or t.start < body:
            continue
        line_start = text.rfind("\n", 0, t.start) + 1
        if t.type == "TIME" and _CLOCK.fullmatch(t.text) and not text[line_start : t.start].strip():
            day = doc.published
            t = replace(t, value=f"{day.isoformat()}{t.value[10:]}", earliest=day, latest=day)
        out.append(t)
    return out


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


def phrase_head(sentence: Sentence, timex: Timex) -> Any:
    """The token of the date's phrase whose head lies outside it."""
    start, end = timex.start - sentence.start, timex.end - sentence.start
    inside = [t for t in sentence.parse if start <= t.idx < end]
    for token in inside:
        if not start <= token.head.idx < end or token.head == token:
            return token
    return inside[0] if inside else None


def attach_dates(doc: Document) -> None:
    """Give each predicate the date its phrase hangs on (``timing.timex``)."""
    by_token: dict[tuple[int, int], Predicate] = {}
    for pred in doc.predicates:
        target = _host(pred)
        by_token.setdefault((pred.sentence.index, pred.token.i), target)
        by_token.setdefault((pred.sentence.index, pred.anchor.i), target)
    for sentence in doc.sentences:
        if sentence.parse is None:
            continue
        for timex in sentence.timexes:
            head = phrase_head(sentence, timex)
            if head is None or _names_an_event(head, timex, sentence.index, by_token):
                continue  # no token holds it; "the Easter bombings" names an event
            claimants = [_claimant(head, sentence.index, by_token)]
            if claimants[0] is None:
                claimants = _when_clauses(head, sentence.index, by_token)
            for pred in claimants:
                if pred is not None and (
                    pred.timing.timex is None or _nearer(timex, pred.timing.timex, pred)
                ):
                    pred.timing.timex = timex
    _share(doc)


def _names_an_event(head: Any, timex: Timex, sentence: int, by_token: dict) -> bool:
    if any(ch.isdigit() for ch in timex.text) or head.dep_ not in ("compound", "nmod", "amod"):
        return False
    pred = by_token.get((sentence, head.head.i))
    return pred is not None and pred.nominal


def _claimant(head: Any, sentence: int, by_token: dict) -> Predicate | None:
    """The event a date's phrase hangs on; a verb that is no event stops the climb."""
    node = head
    while node is not None and node.head != node:
        node = node.head
        pred = by_token.get((sentence, node.i))
        if pred is not None:
            return pred
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "auxpass"):
            return _coordinated(node, head, sentence, by_token)
    return None


def _coordinated(verb: Any, head: Any, sentence: int, by_token: dict) -> Predicate | None:
    """'the rig exploded and sank in April': a date after the last of coordinated verbs
    that share a subject dates the event among them; "said on Monday" and "who became
    premier in 1996" stop the climb."""
    node = verb
    while node.dep_ == "conj" and head.i > verb.i:
        if node.lemma_ in cues()["say_verbs"] or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in node.children
        ):
            return None  # "protesters stormed it and police said on Monday"
        node = node.head
        pred = by_token.get((sentence, node.i))
        if pred is not None:
            return pred
    return None


def _when_clauses(head: Any, sentence: int, by_token: dict) -> list[Predicate]:
    """'in 2003, when Shevardnadze resigned', 'In 2017, when the court annulled ...': the
    date of a verb that is no event, or of a bare date, dates its 'when' clause."""
    node = head
    while node.head != node and node.pos_ not in ("VERB", "AUX"):
        if _when_child(node, sentence, by_token):
            break
        node = node.head
    return _when_child(node, sentence, by_token)


def _when_child(node: Any, sentence: int, by_token: dict) -> list[Predicate]:
    """Events of 'when' clauses under the node; for a verb, also its event-noun subject
    ("The court's ruling on Friday cleared the way": the date is the ruling's)."""
    found = []
    if node.pos_ in ("VERB", "AUX"):
        for child in node.children:
            pred = by_token.get((sentence, child.i))
            if child.dep_ in ("nsubj", "nsubjpass") and pred is not None and pred.nominal:
                found.append(pred)
            ordering = child.lower_ in set(cues()["after_cues"]) | set(cues()["before_cues"])
            for grandchild in child.children if child.dep_ == "prep" and not ordering else ():
                pred = by_token.get((sentence, grandchild.i))
                if grandchild.dep_ == "pobj" and pred is not None and pred.nominal:
                    found.append(pred)  # "came first in an election in April 2019"
    for child in node.children:
        if child.dep_ in ("advcl", "relcl") and any(
            c.lower_ in ("when", "as", "while") and c.dep_ in ("advmod", "mark")
            for c in child.children
        ):
            pred = by_token.get((sentence, child.i))
            if pred is not None:
                found.append(pred)
    return found


def _host(pred: Predicate) -> Predicate:
    """The predicate that takes the dates of one that gave way to it."""
    seen = set()
    while pred.host is not None and id(pred) not in seen:
        seen.add(id(pred))
        pred = pred.host
    return pred


def _nearer(new: Timex, old: Timex, pred: Predicate) -> bool:
    return abs(new.start - pred.start) < abs(old.start - pred.start)


def _share(doc: Document) -> None:
    """Coordinated verbs and continuing participles take a date they lack."""
    by_sentence: dict[int, list[Predicate]] = {}
    for pred in doc.predicates:
        by_sentence.setdefault(id(pred.sentence), []).append(pred)
    for pred in doc.predicates:
        if pred.timing.timex is not None or pred.nominal:
            continue
        anchor = pred.anchor
        mates = by_sentence[id(pred.sentence)]
        if anchor.dep_ == "conj" or (anchor.dep_ == "advcl" and anchor.tag_ == "VBG"):
            head = next((p for p in mates if p.anchor == anchor.head), None)
            if head is not None and head.timing.timex is not None:
                pred.timing.timex = head.timing.timex
                continue
        last = _last_conjunct(pred, mates)  # "stormed the square and arrested dozens on Monday"
        if last is not None:
            pred.timing.timex = last.timing.timex


def _last_conjunct(pred: Predicate, mates: list[Predicate]) -> Predicate | None:
    """A later event verb coordinated with this one, sharing its subject, whose date comes
    after it: the date closing the coordination dates the verbs before it too."""
    for mate in mates:
        token, timex = mate.anchor, mate.timing.timex
        if mate is pred or mate.nominal or timex is None or token.dep_ != "conj":
            continue
        if token.head != pred.anchor or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in token.children
        ):
            continue
        if timex.start >= mate.sentence.start + token.idx:
            return mate
    return None


def date_events(doc: Document) -> None:
    """Turn each attached date into the event's date, bounds or deadline."""
    guests: dict[int, list[Predicate]] = {}  # the nouns each event carries
    for pred in doc.predicates:
        if pred.host is not None and pred.nominal:
            guests.setdefault(id(pred.host), []).append(pred)
    for pred in doc.predicates:
        _schedule_object(doc, pred, guests.get(id(pred), []))
        entry = pred.sentence.entry
        if pred.timing.timex is None and entry is not None and _dated_by_entry(pred):
            pred.timing.timex = entry  # a live blog entry's time dates what happened in it
        timex = pred.timing.timex
        if timex is None:
            continue
        apply_timex(pred, timex, doc.published)


def _schedule_object(doc: Document, pred: Predicate, carried: list[Predicate]) -> None:
    """'An early election was called for November 1': the future date is the election's."""
    timex = pred.timing.timex
    if timex is None or pred.tense == "future" or not timex.earliest:
        return
    guests = [p for p in carried if p.host is pred]
    timex = _planned_for(pred, timex, doc.published)
    if guests and timex.earliest and timex.earliest > doc.published:
        guest = guests[0]
        guest.dropped, guest.host, guest.tense = "", None, "future"
        guest.timing.timex, pred.timing.timex = timex, None
        apply_timex(guest, timex, doc.published)


def _planned_for(pred: Predicate, timex: Timex, published: dt.date) -> Timex:
    """'called for November 1': a yearless day a thing is set for is the next one to come."""
    head = phrase_head(pred.sentence, timex)
    if head is None or head.head.lower_ != "for" or _YEAR.search(timex.text):
        return timex
    if not timex.earliest or not timex.latest or timex.earliest > published:
        return timex
    try:
        earliest = timex.earliest.replace(year=timex.earliest.year + 1)
        latest = timex.latest.replace(year=timex.latest.year + 1)
    except ValueError:  # 29 February
        return timex
    value = f"{int(timex.value[:4]) + 1:04d}{timex.value[4:]}"
    return replace(timex, value=value, earliest=earliest, latest=latest)


def _dated_by_entry(pred: Predicate) -> bool:
    """An entry's time dates the events it reports, not the ones it mentions or expects."""
    if pred.tense == "future":
        return False
    return not pred.nominal or pred.anchor != pred.token


def apply_timex(pred: Predicate, timex: Timex, published: dt.date) -> None:
    timing, future = pred.timing, pred.tense == "future"
    value = edtf_of(timex)
    if value is None:
        return
    value = _next_year_if_planned(value, timex, published, future)
    if not future:
        value, timex = _last_year_if_past(value, timex, published)
    if future and timex.latest and timex.latest >= published:
        if not _calendar(timex):
            return  # "next week", "in the coming months": no date to keep
        timing.deadline = True
    elif timex.earliest and timex.earliest > published:
        if (pred.tense in ("future", "other") and not pred.nominal) or _ahead(pred):
            timing.deadline = True
        else:
            return  # a past event cannot be after its report: the date belongs elsewhere
    elif timex.latest and timex.latest > published:  # "in February" in a February report
        if re.fullmatch(r"\d{4}(?:-\d{2})?", timex.value) and timex.earliest:
            timing.not_before, timing.not_after = timex.earliest, published
        return
    if timex.mod in ("BEFORE", "END") and not timing.deadline:
        timing.not_after = timex.latest
    elif timex.mod in ("AFTER", "START") and not timing.deadline:
        timing.not_before = timex.earliest
    else:
        timing.date = _either_week(timex, published, future) or value
        timing.yearless = _names_month(timex.text) and not _YEAR.search(timex.text)


_WEEK = re.compile(r"\d{4}-W\d{2}")


def _either_week(timex: Timex, published: dt.date, future: bool) -> str | None:
    """'Last week' in the tagger's ISO weeks runs Monday to Sunday; many newsrooms count
    Sunday to Saturday, and the text does not say which. The event's bounds hold both:
    a day earlier, or, in a report of a Sunday (the first day of a Sunday week), up to
    six days later but never after the report for what has happened."""
    if not _WEEK.fullmatch(timex.value) or not timex.earliest or not timex.latest:
        return None
    low, high = timex.earliest, timex.latest
    if published.weekday() == 6:
        high = high + dt.timedelta(days=6)
        if not future:
            high = min(high, published)
    else:
        low = low - dt.timedelta(days=1)
    return f"{low.isoformat()}/{high.isoformat()}"


def _calendar(timex: Timex) -> bool:
    """A day, a month or a year of the calendar (not a week or a season)."""
    return bool(re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?:T.*)?", timex.value))


def _names_month(text: str) -> bool:
    return any(word.lower().rstrip(".") in MONTHS for word in re.findall(r"[A-Za-z.]+", text))


def _ahead(pred: Predicate) -> bool:
    """An event noun told as scheduled: 'elections on April 11' in a report of March."""
    return pred.nominal and pred.tense != "past"


def _next_year_if_planned(value: str, timex: Timex, published: dt.date, future: bool) -> str:
    """A planned day without its year that has passed this year is next year's."""
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
    """A past event's day without its year that is still ahead this year is last year's."""
    if _YEAR.search(timex.text) or not _names_month(timex.text):
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
