"""What each template receives: documented dataclasses, built once per site.

Templates get the fields of one ``*Page`` dataclass as top-level variables
(``site``, ``root``, ``page_title`` and the page's own fields); a test pins
these keys, so renaming one is a deliberate, visible change for anyone who
overrides a template. Views are shared between pages, never copied per page.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from markupsafe import Markup

from timeline.dates import MONTHS
from timeline.graph import Placed


@dataclass(frozen=True)
class TypeView:
    """An event type as shown in badges, filters and the legend."""

    name: str
    colour: str
    meaning: str
    count: int  # events of this type in the timeline


@dataclass(frozen=True)
class Citation:
    """One source cited by one event, with the quote that supports it."""

    source: SourceView
    quote: str | None
    claim: str | None = None  # the day this source gives, when it disagrees with the event


@dataclass
class SourceView:
    """A source with the events citing it (filled in after every event view exists)."""

    id: str
    title: str
    publisher: str | None
    published: str | None  # human date, e.g. '21 October 2020'
    url: str | None  # http(s) only; None when absent or unsafe
    path: str | None  # a local copy the editors keep; shown, never linked
    anchor: str  # 'sources.html#s-<id>', relative to the site root
    cited_by: list[tuple[EventView, str | None]] = field(default_factory=list)


@dataclass(frozen=True)
class EntityRef:
    """A link to an actor's or a place's page."""

    name: str
    href: str  # relative to the site root


@dataclass(frozen=True)
class MediaView:
    """An event's image as pages show it (see timeline.media): an <img> when ``src`` is
    set, else a link to ``href``."""

    alt: str
    caption: str
    credit: str
    src: str | None  # 'media/<id>.jpg' (relative to the site root) or an https image URL
    local: bool  # src is a file in the site: prefix it with root
    href: str | None  # http(s) link to the media when it is not shown as an image


@dataclass
class EventView:
    """Everything a page shows about one event, computed once."""

    id: str
    order: int
    title: str
    type: TypeView
    href: str  # 'events/<id>.html', relative to the site root
    when: str  # 'between 4 and 21 October 2020'
    datetime: str  # for <time datetime>: '2020-10-04', '2020-10', '2020' or ''
    precision: str  # 'exact day', 'month only', ... in words
    kind: str  # 'exact', 'span', 'window', 'open' or 'unknown': how the chart draws it
    earliest: date | None
    latest: date | None
    month: str  # list group: 'YYYY-MM', 'YYYY' (a window of months), '' (cannot be placed)
    actors: tuple[EntityRef, ...]
    places: tuple[EntityRef, ...]
    summary: str
    tags: tuple[str, ...]
    citations: tuple[Citation, ...]
    placed: Placed
    date_claims: str = ""  # '2 sources say 15 October 2020, 1 says 14 October 2020' or ''
    media: MediaView | None = None


@dataclass
class MonthGroup:
    """Consecutive events of one month in the chronological list."""

    key: str  # 'YYYY-MM', 'YYYY', or '' for events that cannot be placed
    label: str  # 'October 2020', 'Sometime in 2019' or 'Date unknown'
    events: list[EventView]

    @property
    def types(self) -> str:
        """Space-separated types present, so the type filter can hide empty months."""
        return " ".join(sorted({e.type.name for e in self.events}))


@dataclass
class EntityView:
    """An actor or a place with its events in display order."""

    kind: str  # 'actor' or 'place'
    name: str
    slug: str
    href: str
    events: list[EventView]


@dataclass(frozen=True)
class Download:
    href: str
    label: str
    description: str


@dataclass
class SiteView:
    """Site-wide facts every page can show."""

    title: str
    description: str
    event_count: int
    actor_count: int
    place_count: int
    source_count: int
    first_day: date | None
    last_day: date | None
    date_range: str  # '4 October – 6 November 2020', '' when nothing is dated
    types: tuple[TypeView, ...]  # the types used, in vocabulary order
    built: str | None  # from SOURCE_DATE_EPOCH only; None means show no build date
    generator: str  # 'timeline 0.1.0'


@dataclass
class Page:
    """Fields common to every page."""

    site: SiteView
    root: str  # '' for top-level pages, '../' one folder down
    page_title: str

    def as_context(self) -> dict[str, Any]:
        """The template variables: this page's fields, shallow (no copies of shared views)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass
class IndexPage(Page):
    months: list[MonthGroup]
    chart_data: dict[str, Any]  # compact columns; see timeline.site.chart.chart_data
    actors: list[EntityView]
    places: list[EntityView]
    downloads: list[Download]
    key_events: list[EventView]  # the most important, in display order; empty for short timelines
    embed_snippet: str  # the <iframe> to paste into another page (shown as text)


@dataclass
class StoryPage(Page):
    slides: list[EventView]  # in display order: every event, or the key ones when many
    limited: bool  # True when slides hold only the key events of a long timeline


@dataclass
class EmbedPage(Page):
    months: list[MonthGroup]
    chart_data: dict[str, Any]  # the index's chart data


@dataclass
class EventPage(Page):
    event: EventView
    follows: list[EventView]
    precedes: list[EventView]
    previous: EventView | None
    next: EventView | None
    # the event against the whole timeline, with those it follows and precedes
    # (see timeline.site.chart.mini_timeline_svg)
    context_svg: Markup


@dataclass
class EntityPage(Page):
    entity: EntityView
    chart_svg: Markup  # a small inline SVG timeline of the entity's events


@dataclass
class SourcesPage(Page):
    sources: list[SourceView]


@dataclass
class GraphPage(Page):
    graph_svg: Markup | None  # None when the timeline is too large to draw usefully
    edge_count: int
    limit: int


def month_label(key: str) -> str:
    """'2020-10' -> 'October 2020'; '2019' -> 'Sometime in 2019'; '' -> 'Date unknown'."""
    if not key:
        return "Date unknown"
    if "-" not in key:
        return f"Sometime in {int(key)}"
    year, month = key.split("-")
    return f"{MONTHS[int(month) - 1]} {int(year)}"
