"""One article in, its dated, titled, sourced events out (no events.yaml involved)."""

from __future__ import annotations

import datetime as dt
import functools
import logging
from dataclasses import dataclass, field

from timeline.extract.document import Document, Predicate
from timeline.extract.lexicon import word_class
from timeline.extract.signature import predicate_class
from timeline.extract.sources import Article
from timeline.slug import slugify

log = logging.getLogger(__name__)
_ACTOR_KINDS = ("person", "org", "place")


@dataclass
class Found:
    """An event as extracted from one article, ready to merge into events.yaml."""

    id: str
    title: str
    type: str
    source: str
    quote: str
    date: str | None = None
    not_before: dt.date | None = None
    not_after: dt.date | None = None
    actors: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)
    start: int = 0  # offset of the event word in the article, for ordering
    # What the event is, for telling reports of the same event apart from others:
    predicate: str = ""  # the lexicon lemma that named it: "resign", "storm", "election"
    agents: list[str] = field(default_factory=list)  # who did it (named parties)
    patients: list[str] = field(default_factory=list)  # to whom or what it was done
    paragraph: int = 0  # the paragraph of the article body it is told in (0: the lead)
    nominal: bool = False  # named by a noun ("the protests", "held talks"), not a verb
    bare: bool = False  # a noun no verb makes happen: a mention ("after the protests")
    stand_in: bool = False  # its only parties are one unnamed person ("the news chief")


def extract_article(article: Article) -> list[Found]:
    """Find the events of one article, each dated or bounded, with its quote."""
    return extract_with_days(article)[0]


def extract_with_days(article: Article) -> tuple[list[Found], dict[dt.date, int]]:
    """The article's events, and the full days its dates name with how often each."""
    return extract_many([article])[0]


def extract_many(articles: list[Article]) -> list[tuple[list[Found], dict[dt.date, int]]]:
    """:func:`extract_with_days` for many articles, parsed in one batch."""
    from timeline.extract.stages import run_many

    out = []
    for doc in run_many(articles):
        days: dict[dt.date, int] = {}
        for timex in doc.timexes:
            if timex.earliest is not None and timex.earliest == timex.latest:
                days[timex.earliest] = days.get(timex.earliest, 0) + 1
        out.append((events_of(doc), days))
    return out


def events_of(doc: Document) -> list[Found]:
    """The document's kept events as :class:`Found` records, linked by id."""
    kept = doc.events
    found = [_found(doc, pred) for pred in kept]
    ids = {doc.number(pred): event.id for pred, event in zip(kept, found, strict=True)}
    for pred, event in zip(kept, found, strict=True):
        event.after = sorted({ids[a] for a in pred.timing.after if a in ids} - {event.id})
    events = _dedupe(_same_acts(found))
    log.debug("%s: %s events", doc.article.source.id, len(events))
    return events


def _named(parties: list) -> list[str]:
    return [p.name for p in parties if p.name and p.kind in _ACTOR_KINDS]


def _found(doc: Document, pred: Predicate) -> Found:
    timing = pred.timing
    if timing.date is None and timing.not_before and timing.not_before == timing.not_after:
        timing.date = timing.not_before.isoformat()  # bounds of one day are that day
    places = list(dict.fromkeys(pred.places))
    article = doc.article
    if not places and article.place and timing.date == _iso(article.lead_day):
        places = [article.place]
    agents, patients = _named(pred.agents), _named(pred.patients)
    actors = [
        doc.names.get(n, n)
        for n in dict.fromkeys(agents + patients + _named(pred.others))
        if n not in places
    ]
    return Found(
        id=slugify(pred.title),
        title=pred.title,
        type="deadline" if timing.deadline else pred.type,
        source=article.source.id,
        quote=" ".join(pred.sentence.text.split()),
        date=timing.date,
        not_before=None if timing.date else timing.not_before,
        not_after=None if timing.date else timing.not_after,
        actors=list(dict.fromkeys(actors)),
        places=places,
        start=pred.start,
        predicate=pred.entry.key,
        agents=agents,
        patients=patients,
        paragraph=pred.sentence.paragraph,
        nominal=pred.nominal,
        bare=pred.nominal and pred.anchor == pred.token,
        stand_in=_stand_in(pred.agents + pred.patients),
    )


def _stand_in(parties: list) -> bool:
    """One unnamed person, who may be someone the article names elsewhere."""
    persons = word_class("people") | word_class("role_heads")
    return (
        len(parties) == 1
        and not parties[0].name
        and not parties[0].plural
        and parties[0].head.lower() in persons
    )


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# An article tells one act many times only in a recap or a list; a report is compared with
# the latest this many of its type and act, so a huge text stays linear (news never comes near).
TWIN_CANDIDATES = 64


def _same_acts(events: list[Found]) -> list[Found]:
    """One event told twice in an article ("Jordan resigned ... Jordan's resignation",
    "CNN's news chief quits ... Jordan said he was resigning", "protesters rallied on
    Tuesday ... the protests"): the same type and act, dates that agree, and named
    parties that are the same or named on one side only; the better told one stays."""
    kept: list[Found] = []
    by_parties: dict[tuple[str, frozenset[str], str], list[int]] = {}
    by_act: dict[tuple[str, str], list[int]] = {}
    for event in events:
        parties = frozenset(event.agents + event.patients)
        act = predicate_class(event.predicate)
        twin = None
        if parties:
            same = by_parties.get((event.type, parties, event.predicate[:5]), [])
            bucket = same[-TWIN_CANDIDATES:]
            twin = next((k for k in bucket if _same_act(kept[k], event)), None)
        if twin is None:
            bucket = by_act.get((event.type, act), [])[-TWIN_CANDIDATES:]
            twin = next((k for k in bucket if _told_twice(kept[k], event)), None)
        if twin is None:
            twin = len(kept)
            kept.append(event)
        elif _rank(event) > _rank(kept[twin]):
            kept[twin] = event
        else:
            continue
        if parties:
            by_parties.setdefault((event.type, parties, event.predicate[:5]), []).append(twin)
        by_act.setdefault((event.type, act), []).append(twin)
    return kept


def _told_twice(a: Found, b: Found) -> bool:
    """The same act with no named party on one side, where the dates agree and the
    places do not differ."""
    named_a, named_b = bool(a.agents + a.patients), bool(b.agents + b.patients)
    if a.type != b.type or (named_a and named_b) or not _windows_agree(a, b):
        return False
    if a.places and b.places:
        return bool(set(a.places) & set(b.places))
    if a.places or b.places:  # only a bare mention ("the protests") goes with a place
        other = b if a.places else a
        return other.bare and not (other.agents + other.patients)
    if (a.bare and not named_a) or (b.bare and not named_b):
        return True  # "protesters rallied on Tuesday ... the protests"
    # "CNN's news chief quits ... Jordan resigned"; not "led a march ... protests broke
    # out", nor "police detained Wong ... hundreds of students were arrested"
    unnamed = b if named_a else a
    return not (a.nominal or b.nominal) and (named_a or named_b) and unnamed.stand_in


def _rank(event: Found) -> tuple[bool, bool, int]:
    """Named parties, then more than a mention, then the narrower date."""
    return (bool(event.agents + event.patients), not event.bare, _precision(event))


def _same_act(a: Found, b: Found) -> bool:
    parties_a, parties_b = set(a.agents + a.patients), set(b.agents + b.patients)
    if a.type != b.type or not parties_a or parties_a != parties_b:
        return False
    if a.predicate[:5] != b.predicate[:5]:  # "resign" and "resignation", not other acts
        return False
    return _windows_agree(a, b)


def _windows_agree(a: Found, b: Found) -> bool:
    low_a, high_a = _window(a)
    low_b, high_b = _window(b)
    return not ((low_a and high_b and low_a > high_b) or (low_b and high_a and low_b > high_a))


def _window(event: Found) -> tuple[dt.date | None, dt.date | None]:
    if event.date:
        return _date_window(event.date)
    return event.not_before, event.not_after


@functools.lru_cache(maxsize=4096)
def _date_window(text: str) -> tuple[dt.date, dt.date]:
    from timeline.dates import parse_edtf

    parsed = parse_edtf(text)
    return parsed.earliest, parsed.latest


def _precision(event: Found) -> int:
    low, high = _window(event)
    return -((high - low).days if low and high else 100_000)


def _dedupe(events: list[Found]) -> list[Found]:
    """One event per id within an article; the first mention keeps its place."""
    kept: dict[str, Found] = {}
    numbers: dict[str, int] = {}  # the last number given to each id
    for event in sorted(events, key=lambda e: e.start):
        twin = kept.get(event.id)
        if twin is None:
            kept[event.id] = event
            continue
        if twin.type == event.type and _compatible(twin, event):
            twin.actors = list(dict.fromkeys(twin.actors + event.actors))
            twin.after = sorted(set(twin.after) | set(event.after) - {twin.id})
            twin.date = twin.date or event.date
            continue
        number = numbers.get(event.id, 1) + 1
        while f"{event.id}-{number}" in kept:
            number += 1
        numbers[event.id] = number
        event.id = f"{event.id}-{number}"
        kept[event.id] = event
    return list(kept.values())


def _compatible(a: Found, b: Found) -> bool:
    return a.date is None or b.date is None or a.date == b.date
