"""One article in, its dated, titled, sourced events out (no events.yaml involved)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from timeline.extract.dating import date_mentions, usable
from timeline.extract.deadlines import find_deadlines
from timeline.extract.events import Mention, detect
from timeline.extract.sentences import split_sentences
from timeline.extract.sources import Article
from timeline.extract.titles import slugify, title_for

log = logging.getLogger(__name__)


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


def extract_article(article: Article) -> list[Found]:
    """Find the events of one article, each dated or bounded, with its quote."""
    from timeline.temporal import tag

    text = article.text
    timexes = usable(tag(text, article.published), article.body_start, text, article.published)
    sentences = split_sentences(text, article.body_start)
    spans = [(t.start, t.end) for t in timexes]
    mentions = detect(text, sentences, article.body_start, spans)
    timings = date_mentions(text, sentences, mentions, timexes, article.published, article.lead_day)
    deadlines = find_deadlines(
        text, sentences, timexes, article.published, mentions, timings, article.body_start
    )
    found: list[Found | None] = []
    ids: dict[int, str] = {}
    for index, (mention, timing) in enumerate(zip(mentions, timings, strict=True)):
        if timing.drop:
            found.append(None)
            continue
        title = title_for(mention)
        kind = mention.type
        if timing.deadline:
            kind = "deadline"
            title = _scheduled(title, mention)
        places = list(dict.fromkeys(mention.places))
        if not places and article.place and timing.date == _iso(article.lead_day):
            places = [article.place]
        event = Found(
            id=slugify(title),
            title=title,
            type=kind,
            source=article.source.id,
            quote=_quote(sentences[mention.sentence].text),
            date=timing.date,
            not_before=timing.not_before,
            not_after=timing.not_after,
            actors=[a.name for a in mention.actors],
            places=places,
            start=mention.start,
            predicate=mention.trigger.verb or mention.trigger.noun.lower(),
            agents=[a.name for a in mention.subject if a.kind in _PARTY_KINDS],
            patients=[a.name for a in mention.objects if a.kind in _PARTY_KINDS],
            paragraph=sentences[mention.sentence].paragraph - _lead_paragraph(sentences),
        )
        found.append(event)
        ids[index] = event.id
    for index, timing in enumerate(timings):
        event = found[index]
        if event is not None:
            event.after = sorted({ids[a] for a in timing.after if a in ids} - {event.id})
    for deadline in deadlines:
        event = Found(
            id=slugify(deadline.title),
            title=deadline.title,
            type="deadline",
            source=article.source.id,
            quote=_quote(sentences[deadline.sentence].text),
            date=deadline.timing.date,
            after=sorted({ids[a] for a in deadline.timing.after if a in ids}),
            start=deadline.start,
        )
        found.append(event)
    events = _dedupe([e for e in found if e is not None])
    log.debug("%s: %s events", article.source.id, len(events))
    return events


_PARTY_KINDS = ("person", "org", "other", "group")


def _lead_paragraph(sentences: list) -> int:
    return sentences[0].paragraph if sentences else 0


def _quote(sentence: str) -> str:
    return " ".join(sentence.split())


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _scheduled(title: str, mention: Mention) -> str:
    if mention.trigger.kind == "nominal":
        return title.removesuffix(" held") + " scheduled"
    return f"{title} (scheduled)"


def _dedupe(events: list[Found]) -> list[Found]:
    """One event per id within an article; the first mention keeps its place."""
    kept: dict[str, Found] = {}
    renamed: dict[str, str] = {}
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
        number = 2
        while f"{event.id}-{number}" in kept:
            number += 1
        renamed[event.id] = f"{event.id}-{number}"
        event.id = renamed[event.id]
        kept[event.id] = event
    return list(kept.values())


def _compatible(a: Found, b: Found) -> bool:
    return a.date is None or b.date is None or a.date == b.date
