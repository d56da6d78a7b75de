"""A site whose pages are rendered when first requested, for ``timeline serve``.

``timeline build`` renders every page (a second or more for 1,000 events), but
someone editing looks at one page at a time. After each save the server only
loads, validates and orders the timeline and builds the shared views; a page
is rendered, by the site builder's own :class:`~timeline.site.pages.SiteWriter`
code, the first time it is asked for and then kept for that build. Nothing can
be stale: every build starts from an empty folder.

A page this module does not know (a page type added to the site later) makes
it write the whole site once, so it is slower but never missing.
"""

from __future__ import annotations

import logging
import re
import threading
from pathlib import Path

from timeline.site.context import SourcesPage
from timeline.site.pages import EXPORTS, SiteWriter, write_text
from timeline.site.templates import get_template, render

log = logging.getLogger(__name__)

_EVENT = re.compile(r"^events/([^/]+)\.html$")


class LazySite(SiteWriter):
    """Renders the page behind a URL path on demand into ``self.out``."""

    def __init__(self, *args: object, **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._lock = threading.Lock()
        self._done: set[str] = set()
        self._complete = False
        for folder in ("events", "actors", "places", "assets", "data"):
            (self.out / folder).mkdir(parents=True, exist_ok=True)

    def file(self, path: str) -> Path | None:
        """The file for ``path`` (relative, '/'-separated), rendered if needed; None if none."""
        target = self.out / path
        with self._lock:
            if not target.is_file() and not self._complete:
                self._render(path)
        return target if target.is_file() else None

    def _render(self, path: str) -> None:
        views = self.views
        event = _EVENT.match(path)
        if event and event.group(1) in views.by_id:
            self.write_event(event.group(1))
        elif path == "index.html":
            self._once("index", self.write_index)
        elif path == "sources.html":
            self._once("sources", self.write_sources)
        elif path == "graph.html":
            self._once("graph", self.write_graph)
        elif path.startswith("assets/"):
            self._once("assets", self.copy_assets)
        elif path.startswith("media/"):
            self._once("media", self.copy_media)
        elif path in ("story.html", "embed.html"):
            self._once(path, self.write_story if path == "story.html" else self.write_embed)
        elif path.startswith(("actors/", "places/")):
            self._once("entities", self.write_entities)
        elif path.startswith("data/"):
            self.write_export(path.removeprefix("data/"))
        elif path.endswith(".html") and not path.startswith("events/"):
            log.info("%s is not a page rendered on demand; writing the whole site", path)
            self.write_all()
            self._complete = True

    def _once(self, name: str, write: object) -> None:
        if name not in self._done:
            write()  # type: ignore[operator]
            self._done.add(name)

    def write_sources(self) -> None:
        views = self.views
        self.write_page("sources.html", SourcesPage(views.site, "", "Sources", views.sources))

    def write_export(self, filename: str) -> None:
        from timeline.exports import render_export

        for name, fmt, _, _ in EXPORTS:
            if name == filename:
                write_text(self.out / "data" / name, render_export(self.ordered, fmt))

    def write_event(self, event_id: str) -> None:
        """One event page, built exactly as :meth:`SiteWriter.write_events` builds each."""
        views = self.views
        events, by_id = views.events, views.by_id
        view = by_id[event_id]
        index = view.order
        if not (0 <= index < len(events) and events[index] is view):
            index = events.index(view)
        page = self.event_page(index)
        html = render(get_template(self.env, "event.html"), page.as_context())
        write_text(self.out / "events" / f"{view.id}.html", html)
