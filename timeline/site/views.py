"""Turn an ordered timeline into the shared views every page is rendered from."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from itertools import groupby

from timeline import __version__
from timeline.dates import human_range
from timeline.graph import OrderedTimeline, Placed
from timeline.media import is_https_image, site_name
from timeline.model import Event
from timeline.site import urls
from timeline.site.context import (
    Citation,
    EntityRef,
    EntityView,
    EventView,
    MediaView,
    MonthGroup,
    SiteView,
    SourceView,
    TypeView,
    month_label,
)
from timeline.vocabulary import EVENT_TYPES, TYPES_BY_NAME

_PRECISION_WORDS = {
    "day": "exact day",
    "month": "month only",
    "season": "season only",
    "year": "year only",
    "decade": "decade only",
    "century": "century only",
}


@dataclass
class SiteViews:
    """Everything the pages need, built once."""

    site: SiteView
    events: list[EventView]  # display order
    by_id: dict[str, EventView]
    actors: list[EntityView]  # sorted by name
    places: list[EntityView]
    sources: list[SourceView]  # in the order of events.yaml


def build_date() -> str | None:
    """The build date from SOURCE_DATE_EPOCH, or None: without it, no date is shown."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    try:
        moment = datetime.fromtimestamp(int(raw), tz=timezone.utc)
    except (ValueError, OverflowError, OSError):
        return None
    return moment.strftime("%Y-%m-%d")


def make_views(ordered: OrderedTimeline) -> SiteViews:
    timeline = ordered.timeline
    counts = Counter(p.event.type for p in ordered.placed)
    types = {
        t.name: TypeView(t.name, t.colour, t.meaning, counts.get(t.name, 0)) for t in EVENT_TYPES
    }
    for name in counts:  # a type the vocabulary no longer has still renders
        types.setdefault(name, TypeView(name, TYPES_BY_NAME["other"].colour, "", counts[name]))
    actor_slugs = urls.unique_slugs(a for p in ordered.placed for a in p.event.actors)
    place_slugs = urls.unique_slugs(a for p in ordered.placed for a in p.event.places)
    actor_refs = {n: EntityRef(n, urls.actor_path(s)) for n, s in actor_slugs.items()}
    place_refs = {n: EntityRef(n, urls.place_path(s)) for n, s in place_slugs.items()}
    sources = {
        s.id: SourceView(
            id=s.id,
            title=s.title,
            publisher=s.publisher,
            published=s.published.human() if s.published else None,
            url=urls.safe_url(s.url),
            path=s.path,
            anchor=urls.source_anchor(s.id),
        )
        for s in timeline.sources.values()
    }
    events = [
        _event_view(p, types[p.event.type], actor_refs, place_refs, sources) for p in ordered.placed
    ]
    for view in events:
        for citation in view.citations:
            citation.source.cited_by.append((view, citation.quote))
    first, last = ordered.first_day, ordered.last_day
    site = SiteView(
        title=timeline.title,
        description=timeline.description,
        event_count=len(events),
        actor_count=len(actor_slugs),
        place_count=len(place_slugs),
        source_count=len(sources),
        first_day=first,
        last_day=last,
        date_range=human_range(first, last, exact=True) if first and last else "",
        types=tuple(t for t in types.values() if t.count),
        built=build_date(),
        generator=f"timeline {__version__}",
    )
    return SiteViews(
        site=site,
        events=events,
        by_id={e.id: e for e in events},
        actors=_entities("actor", events, actor_slugs, urls.actor_path),
        places=_entities("place", events, place_slugs, urls.place_path),
        sources=list(sources.values()),
    )


def months(events: list[EventView]) -> list[MonthGroup]:
    """Consecutive runs of events by month, in display order."""
    return [
        MonthGroup(key, month_label(key), list(run))
        for key, run in groupby(events, key=lambda e: e.month)
    ]


def _entities(
    kind: str, events: list[EventView], slugs: dict[str, str], path: Callable[[str], str]
) -> list[EntityView]:
    by_name: dict[str, list[EventView]] = {name: [] for name in slugs}
    attr = "actors" if kind == "actor" else "places"
    for view in events:
        for ref in getattr(view, attr):
            by_name[ref.name].append(view)
    return [
        EntityView(kind, name, slugs[name], path(slugs[name]), by_name[name])
        for name in sorted(slugs, key=lambda n: (n.casefold(), n))
    ]


def _event_view(
    placed: Placed,
    type_view: TypeView,
    actor_refs: dict[str, EntityRef],
    place_refs: dict[str, EntityRef],
    sources: dict[str, SourceView],
) -> EventView:
    event = placed.event
    kind = _kind(placed)
    return EventView(
        id=event.id,
        order=placed.order,
        title=event.title,
        type=type_view,
        href=urls.event_path(event.id),
        when=placed.human_date(),
        datetime=_datetime_attr(kind, placed),
        precision=_precision(event, placed, kind),
        kind=kind,
        earliest=placed.earliest,
        latest=placed.latest,
        month=_group_key(kind, placed),
        actors=tuple(actor_refs[a] for a in dict.fromkeys(event.actors)),
        places=tuple(place_refs[p] for p in dict.fromkeys(event.places)),
        summary=event.summary,
        tags=event.tags,
        citations=tuple(
            Citation(sources[ref.source], ref.quote, ref.date.human() if ref.date else None)
            for ref in event.sources
            if ref.source in sources
        ),
        placed=placed,
        date_claims=date_claims(event, placed.human_date()),
        media=_media(event),
    )


def date_claims(event: Event, when: str) -> str:
    """'2 sources say 15 October 2020, 1 says 14 October 2020' when sources disagree on the
    date ('' when none does): a source reference without its own ``date`` says ``when``."""
    if not any(ref.date for ref in event.sources):
        return ""
    claims: dict[str, set[str]] = {}
    for ref in event.sources:
        claims.setdefault(ref.date.human() if ref.date else when, set()).add(ref.source)
    ranked = sorted(claims.items(), key=lambda item: (-len(item[1]), item[0] != when))
    parts = []
    for index, (day, cited) in enumerate(ranked):
        count = len(cited)
        if index == 0:
            noun = "source says" if count == 1 else "sources say"
            parts.append(f"{count} {noun} {day}")
        else:
            parts.append(f"{count} {'says' if count == 1 else 'say'} {day}")
    return ", ".join(parts)


def _media(event: Event) -> MediaView | None:
    media = event.media
    if media is None:
        return None
    if media.path:
        src: str | None = site_name(event.id, media.path)
        local, href = True, None
    else:
        url = urls.safe_url(media.url)
        src, local = (url if is_https_image(url) else None), False
        href = None if src else url
    return MediaView(media.alt, media.caption, media.credit, src, local, href)


def _kind(placed: Placed) -> str:
    if placed.earliest is None and placed.latest is None:
        return "unknown"
    if placed.earliest is None or placed.latest is None:
        return "open"
    event = placed.event
    if placed.exact:
        doubtful = event.date is not None and (event.date.uncertain or event.date.approximate)
        return "window" if doubtful else "exact"
    own = (event.date.earliest, (event.end or event.date).latest) if event.date else None
    if event.is_span and own == (placed.earliest, placed.latest):
        return "span"
    return "window"


def _datetime_attr(kind: str, placed: Placed) -> str:
    """A valid <time datetime> that claims no more than is known: the day of an exact
    event or the first day of a span; for a window, its month or year if it has one."""
    early, late = placed.earliest, placed.latest
    if early is None or late is None:
        return ""
    if kind in ("exact", "span"):
        return early.isoformat()
    if early == late:
        return early.isoformat()
    if (early.year, early.month) == (late.year, late.month):
        return f"{early.year:04d}-{early.month:02d}"
    if early.year == late.year:
        return f"{early.year:04d}"
    return ""


def _group_key(kind: str, placed: Placed) -> str:
    """'YYYY-MM' of the month an event is listed under; 'YYYY' for a window of more
    than two months within one year (listed as 'Sometime in YYYY'); '' if unplaced."""
    early, late = placed.earliest, placed.latest
    day = early or late
    if day is None:
        return ""
    wide = early and late and early.year == late.year and (late - early).days > 62
    if kind == "window" and wide:
        return f"{day.year:04d}"
    return f"{day.year:04d}-{day.month:02d}"


def _precision(event: Event, placed: Placed, kind: str) -> str:
    value = event.date
    if value is None:
        if kind == "unknown":
            return "no date: it cannot be placed in time yet"
        return "no date of its own: placed by its bounds and the events around it"
    if value.is_span or event.end is not None:
        words = "a span of days" if kind == "span" else "a span, placed by the events around it"
    else:
        words = _PRECISION_WORDS.get(value.precision, value.precision)
    qualifiers = [
        q for q, on in (("uncertain", value.uncertain), ("approximate", value.approximate)) if on
    ]
    if qualifiers:
        words += ", " + " and ".join(qualifiers)
    own = (value.earliest, (event.end or value).latest)
    if kind != "span" and own != (placed.earliest, placed.latest) and value.precision != "day":
        words += "; narrowed by the events it follows and precedes"
    return words
