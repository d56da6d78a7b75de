"""Render every page and copy the assets into a (new, empty) folder."""

from __future__ import annotations

import gc
import html
import logging
import multiprocessing
import os
import shutil
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from timeline.exceptions import BuildError
from timeline.graph import OrderedTimeline
from timeline.importance import importance, key_events
from timeline.media import site_name
from timeline.site import chart
from timeline.site.context import (
    Download,
    EmbedPage,
    EntityPage,
    EventPage,
    EventView,
    GraphPage,
    IndexPage,
    Page,
    SourcesPage,
    StoryPage,
)
from timeline.site.templates import default_template_dir, get_template, render
from timeline.site.views import SiteViews, make_views, months

Progress = Callable[[int, int], None]  # (jobs done, jobs in all)

KEY_LIST_FROM = 30  # timelines longer than this lead with a list of their key events
KEY_LIST_LENGTH = 8
STORY_LIMIT = 300  # story mode shows every event up to this many, else the key ones
EMBED_URL = "https://example.org/your-timeline/embed.html"  # the page fills in its own address

logger = logging.getLogger(__name__)

ASSETS = ("style.css", "timeline.js", "story.js", "snippet.js", "favicon.svg")
EXPORTS = (
    ("events.json", "json", "JSON", "every event with its inferred earliest and latest day"),
    ("events.csv", "csv", "CSV", "a spreadsheet, one row per event"),
    ("events.ics", "ics", "Calendar (ICS)", "for calendar applications"),
    ("timelinejs.json", "timelinejs", "TimelineJS", "TimelineJS3 JSON, to reuse in TimelineJS"),
    ("graph.graphml", "graphml", "GraphML", "the 'after' relations, for Gephi or yEd"),
)


def plotly_js() -> Path:
    """plotly.min.js as shipped inside the installed plotly package."""
    import plotly

    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise BuildError(f"plotly.min.js not found in the plotly package ({path.parent})")
    return path


def embed_snippet(title: str) -> str:
    """The <iframe> to paste into another page; shown as text on the Data section."""
    return (
        f'<iframe src="{EMBED_URL}" title="{html.escape(title, quote=True)}" '
        'width="100%" height="640" style="border:0" loading="lazy"></iframe>'
    )


def write_text(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


class SiteWriter:
    """Writes one site into ``out``; templates are compiled once and reused for every page."""

    def __init__(self, ordered: OrderedTimeline, env: jinja2.Environment, out: Path):
        self.ordered = ordered
        self.env = env
        self.out = out
        self.views: SiteViews = make_views(ordered)
        self._chart: dict[str, Any] | None = None

    def write_all(self, progress: Progress | None = None) -> SiteViews:
        """Write every page and download; ``progress(done, total)`` is called per job."""
        for folder in ("events", "actors", "places", "assets", "data"):
            (self.out / folder).mkdir(parents=True, exist_ok=True)
        self.copy_assets()
        self.copy_media()
        self.write_index()
        self.write_page(
            "sources.html", SourcesPage(self.views.site, "", "Sources", self.views.sources)
        )
        self.write_graph()
        self.write_story()
        self.write_embed()
        events, entities = len(self.views.events), len(self.views.actors) + len(self.views.places)
        workers = _workers(events)
        parts = max(workers * 2, 1)
        jobs = [("data", i, i + 1) for i in range(len(EXPORTS))]  # one job per format
        jobs += [("events", i * events // parts, (i + 1) * events // parts) for i in range(parts)]
        jobs += [
            ("entities", i * entities // parts, (i + 1) * entities // parts) for i in range(parts)
        ]
        tick = progress or (lambda done, total: None)
        if workers > 1:
            _run_parallel(self, jobs, workers, tick)
        else:
            for done, job in enumerate(jobs, 1):
                self.run_job(job)
                tick(done, len(jobs))
        return self.views

    def run_job(self, job: tuple[str, int, int]) -> None:
        kind, start, stop = job
        if kind == "data":
            self.write_data(start, stop)
        elif kind == "events":
            self.write_events(start, stop)
        else:
            self.write_entities(start, stop)

    # -- pieces ------------------------------------------------------------------------

    def page(self, name: str, page: Page) -> str:
        return render(get_template(self.env, name), page.as_context())

    def write_page(self, name: str, page: Page, target: str | None = None) -> None:
        write_text(self.out / (target or name), self.page(name, page))

    def copy_assets(self) -> None:
        shutil.copyfile(plotly_js(), self.out / "assets" / "plotly.min.js")
        for name in ASSETS:
            # a project may override an asset as it overrides a template
            try:
                source, _, _ = self.env.loader.get_source(self.env, f"assets/{name}")  # type: ignore[union-attr]
            except jinja2.TemplateNotFound:
                source = (default_template_dir() / "assets" / name).read_text(encoding="utf-8")
            write_text(self.out / "assets" / name, source)

    def copy_media(self) -> None:
        """Copy every event's local image into media/ (validation checked they are images
        inside the project folder)."""
        project = Path(self.ordered.timeline.path).parent
        for event in self.ordered.timeline.events:
            if event.media is not None and event.media.path:
                target = self.out / site_name(event.id, event.media.path)
                target.parent.mkdir(exist_ok=True)
                shutil.copyfile(project / event.media.path, target)

    def write_data(self, start: int = 0, stop: int | None = None) -> None:
        from timeline.exports import render_export

        for filename, fmt, _, _ in EXPORTS[start:stop]:
            write_text(self.out / "data" / filename, render_export(self.ordered, fmt))

    def chart_data(self) -> dict[str, Any]:
        """The chart's data, shared by the index and the embed (computed once)."""
        if self._chart is None:
            views = self.views
            actor_names = [a.name for a in views.actors]
            scores = importance(self.ordered.timeline)
            self._chart = chart.chart_data(views.site, views.events, actor_names, scores)
        return self._chart

    def write_index(self) -> None:
        views = self.views
        page = IndexPage(
            site=views.site,
            root="",
            page_title=views.site.title,
            months=months(views.events),
            chart_data=self.chart_data(),
            actors=views.actors,
            places=views.places,
            downloads=[Download(f"data/{f}", label, text) for f, _, label, text in EXPORTS],
            key_events=self.key_events(),
            embed_snippet=embed_snippet(views.site.title),
        )
        self.write_page("index.html", page)

    def write_story(self) -> None:
        """story.html: every event in order, or the key ones of a long timeline."""
        views = self.views
        slides = views.events
        limited = len(slides) > STORY_LIMIT
        if limited:
            chosen = {e.id for e in key_events(self.ordered.timeline, top=STORY_LIMIT)}
            slides = [view for view in slides if view.id in chosen]
        page = StoryPage(views.site, "", f"Story: {views.site.title}", slides, limited)
        self.write_page("story.html", page)

    def write_embed(self) -> None:
        """embed.html: the chart and the list for another page's iframe."""
        views = self.views
        page = EmbedPage(views.site, "", views.site.title, months(views.events), self.chart_data())
        self.write_page("embed.html", page)

    def key_events(self) -> list[EventView]:
        """The events the index leads with: the most important, in display order."""
        events = self.views.events
        if len(events) <= KEY_LIST_FROM:
            return []
        chosen = {e.id for e in key_events(self.ordered.timeline, top=KEY_LIST_LENGTH)}
        return [view for view in events if view.id in chosen]

    def event_page(self, index: int) -> EventPage:
        """The page of the event at ``index`` in display order."""
        views = self.views
        events, by_id = views.events, views.by_id
        view = events[index]
        follows = [by_id[i] for i in view.placed.follows]
        precedes = [by_id[i] for i in view.placed.precedes]
        nearby = [*follows, view, *precedes]
        return EventPage(
            site=views.site,
            root="../",
            page_title=view.title,
            event=view,
            follows=follows,
            precedes=precedes,
            previous=events[index - 1] if index > 0 else None,
            next=events[index + 1] if index < len(events) - 1 else None,
            context_svg=chart.mini_timeline_svg(views.site, nearby, "../", view),
        )

    def write_events(self, start: int = 0, stop: int | None = None) -> None:
        template = get_template(self.env, "event.html")
        events = self.views.events
        events_dir = self.out / "events"
        stop = len(events) if stop is None else stop
        for index in range(start, stop):
            page = self.event_page(index)
            write_text(events_dir / f"{page.event.id}.html", render(template, page.as_context()))
        logger.debug("wrote event pages %s to %s", start, stop)

    def write_entities(self, start: int = 0, stop: int | None = None) -> None:
        template = get_template(self.env, "entity.html")
        site = self.views.site
        for entity in [*self.views.actors, *self.views.places][start:stop]:
            page = EntityPage(
                site=site,
                root="../",
                page_title=entity.name,
                entity=entity,
                chart_svg=chart.mini_timeline_svg(site, entity.events, "../"),
            )
            write_text(self.out / entity.href, render(template, page.as_context()))

    def write_graph(self) -> None:
        views = self.views
        page = GraphPage(
            site=views.site,
            root="",
            page_title="How the events follow one another",
            graph_svg=chart.graph_svg(views.site, views.events, ""),
            edge_count=self.ordered.graph.number_of_edges(),
            limit=chart.GRAPH_LIMIT,
        )
        self.write_page("graph.html", page)


# -- parallel writing --------------------------------------------------------------------
# Above PARALLEL_FROM events, pages are rendered by forked worker processes that
# inherit the views (no pickling of the timeline); the output is the same bytes
# (a test builds a site both ways and compares).

PARALLEL_FROM = 3000
_CURRENT: SiteWriter | None = None


def _workers(events: int) -> int:
    """Worker processes to use: 1 (no fork) for small sites, without fork support, or
    when other threads run (forking a threaded process, e.g. a server, is unsafe)."""
    if events < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if threading.active_count() > 1:
        return 1
    return max(1, min(os.cpu_count() or 1, 4))


def _job(job: tuple[str, int, int]) -> None:
    assert _CURRENT is not None
    _CURRENT.run_job(job)


def _run_parallel(
    writer: SiteWriter, jobs: list[tuple[str, int, int]], workers: int, tick: Progress
) -> None:
    global _CURRENT
    _CURRENT = writer
    gc.collect()
    gc.freeze()  # the workers' garbage collector then leaves the shared pages alone
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for done, _ in enumerate(pool.imap_unordered(_job, jobs, chunksize=1), 1):
                tick(done, len(jobs))
    finally:
        gc.unfreeze()
        _CURRENT = None
