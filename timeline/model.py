"""The validated timeline as plain, typed Python objects.

Built by :func:`timeline.validate.load_timeline`; everything downstream (the
graph, the site, exports) reads these and never the raw YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from timeline.dates import EdtfDate


@dataclass(frozen=True)
class SourceRef:
    source: str
    quote: str | None = None
    paragraph: int | None = None  # the paragraph the quote is in (0: the lead)
    date: EdtfDate | None = None  # this source's own date, when it disagrees with the event's


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str | None = None
    published: EdtfDate | None = None
    url: str | None = None
    path: str | None = None
    mentions: tuple[tuple[date, int], ...] = ()  # days the article mentions, how often


@dataclass(frozen=True)
class Media:
    """An image for an event (see :mod:`timeline.media`): ``url`` or ``path``, and ``alt``."""

    alt: str
    url: str | None = None
    path: str | None = None  # relative to events.yaml
    caption: str = ""
    credit: str = ""


@dataclass(frozen=True)
class Event:
    id: str
    title: str
    type: str
    date: EdtfDate | None = None
    end: EdtfDate | None = None
    not_before: EdtfDate | None = None
    not_after: EdtfDate | None = None
    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    summary: str = ""
    sources: tuple[SourceRef, ...] = ()
    after: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    key: bool | None = None  # pinned by a person: True always key, False never
    media: Media | None = None
    line: int = 0  # where the event starts in events.yaml, for located messages

    @property
    def own_earliest(self) -> date | None:
        """The earliest day this event's own fields allow (before graph inference)."""
        days = [d.earliest for d in (self.date, self.not_before) if d is not None]
        return max(days) if days else None

    @property
    def own_latest(self) -> date | None:
        """The latest day this event's own fields allow (before graph inference)."""
        ends = [d.latest for d in (self.end or self.date, self.not_after) if d is not None]
        return min(ends) if ends else None

    @property
    def own_latest_start(self) -> date | None:
        """The latest day this event's own fields let it begin: a span's first day, not
        its last (an event that comes after a span starts after the span starts)."""
        first = self.date
        if first is not None and first.is_span and first.start is not None:
            first = first.start
        days = [d.latest for d in (first, self.not_after) if d is not None]
        return min(days) if days else None

    @property
    def is_span(self) -> bool:
        """True when the event lasts from its start to its end (not one unknown day)."""
        return self.end is not None or (self.date is not None and self.date.is_span)

    @property
    def written_date(self) -> str:
        """The date as the editor wrote it, for exports."""
        if self.date is None:
            return ""
        if self.end is not None:
            return f"{self.date.text}/{self.end.text}"
        return self.date.text


@dataclass
class Timeline:
    title: str
    description: str = ""
    sources: dict[str, Source] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    rejected: tuple[str, ...] = ()
    path: str = "events.yaml"

    def event(self, event_id: str) -> Event:
        for candidate in self.events:
            if candidate.id == event_id:
                return candidate
        raise KeyError(event_id)
