"""Rebuild the site for ``timeline serve``: fast, and never losing the last good build.

Each build goes into a new numbered folder under a temporary root; the server
switches to it only when it is complete, so a request never sees half a site.
events.yaml is re-read through :class:`~timeline.serve.loader.IncrementalLoader`
(only changed events are parsed again), validated and ordered; pages are then
rendered on request (:class:`~timeline.serve.lazysite.LazySite`). The template
environment is kept between builds until a file in ``site_templates/``
changes; then every template is compiled at once, so a template syntax error
fails the build (and keeps the last good one) instead of failing a page.
"""

from __future__ import annotations

import logging
import os
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from timeline.exceptions import Problem, TimelineError, ValidationError
from timeline.serve.livereload import BuildState
from timeline.serve.loader import IncrementalLoader, InputChanged
from timeline.serve.watcher import Signature, signature

log = logging.getLogger(__name__)


class _Unchanged(Exception):
    """The input is what the served build was made from."""


KEEP_BUILDS = 2  # the current build and the one before (a request may still be reading it)


@dataclass
class BuildResult:
    ok: bool
    seconds: float
    errors: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    events: int = 0
    parsed: int = 0  # events parsed again (-1: the whole file)
    superseded: bool = False  # failed on a file that changed meanwhile; another build follows
    unchanged: bool = False  # same input as the build being served: nothing to do
    cleared: bool = False  # ... but its errors were showing (a broken edit was undone)


class Rebuilder:
    """Builds ``events_path`` into ``root/site-N`` and publishes the result to ``state``."""

    def __init__(self, events_path: str | os.PathLike[str], root: Path, state: BuildState):
        self.events_path = Path(events_path)
        self.project_dir = self.events_path.parent
        self.root = root
        self.state = state
        self.loader = IncrementalLoader(self.events_path, os.fspath(events_path))
        self.local_sources: list[Path] = []  # files the last good timeline cites by path
        self._count = 0
        self._builds: list[Path] = []
        self._lock = threading.Lock()
        self._env: object | None = None
        self._templates: Signature | None = None
        self._served_input: tuple[object, ...] | None = None

    def build(self) -> BuildResult:
        """One build; errors are published to the state, never raised."""
        with self._lock:
            self._count += 1
            out = self.root / f"site-{self._count}"
            started = time.perf_counter()
            before = signature(self.watched())
            try:
                site, events, warnings = self._prepare(out)
            except InputChanged:
                shutil.rmtree(out, ignore_errors=True)
                return BuildResult(False, time.perf_counter() - started, [], superseded=True)
            except _Unchanged:
                # E.g. an in-place save seen twice, or a broken edit undone: the pages
                # served are right, so do not reload them; only take the errors away.
                cleared = bool(self.state.snapshot.errors)
                if cleared:
                    self.state.publish_errors([])
                seconds = time.perf_counter() - started
                return BuildResult(True, seconds, unchanged=True, cleared=cleared)
            except ValidationError as err:
                return self._failed(out, started, [str(p) for p in err.problems], before)
            except TimelineError as err:
                return self._failed(out, started, [str(err)], before)
            except Exception as err:  # a bug must not stop the server; show it instead
                log.exception("the build failed unexpectedly")
                return self._failed(out, started, [f"unexpected error: {err!r}"], before)
            self.state.publish_build(out, site)
            self._builds.append(out)
            self._prune()
            seconds = time.perf_counter() - started
            return BuildResult(True, seconds, [], warnings, events, self.loader.parsed_last)

    def _prepare(self, out: Path) -> tuple[object, int, list[Problem]]:
        """Read, validate and order; return a site that renders its pages on request."""
        from timeline.graph import order_timeline
        from timeline.serve.lazysite import LazySite
        from timeline.validate import check_document

        doc = self.loader.load()
        served_input = (
            doc.text,
            signature([self.project_dir / "site_templates"]),
            signature(self.local_sources),
        )
        if served_input == self._served_input and self.state.snapshot.build is not None:
            raise _Unchanged
        timeline, warnings = check_document(doc)
        ordered = order_timeline(timeline)
        env = self._environment()
        out.mkdir(parents=True)
        site = LazySite(ordered, env, out)
        self.local_sources = [
            self.project_dir / source.path for source in timeline.sources.values() if source.path
        ]
        self._served_input = served_input
        return site, len(timeline.events), warnings

    def _environment(self) -> object:
        """The template environment; a new one, fully compiled, when a template changed."""
        from timeline.site.templates import get_template, make_environment

        templates = signature([self.project_dir / "site_templates"])
        if self._env is None or templates != self._templates:
            env = make_environment(self.project_dir)
            for name in env.list_templates(filter_func=lambda n: n.endswith(".html")):
                get_template(env, name)  # a syntax error fails this build, located
            self._env, self._templates = env, templates
        return self._env

    def _failed(
        self, out: Path, started: float, errors: list[str], before: Signature
    ) -> BuildResult:
        shutil.rmtree(out, ignore_errors=True)
        if signature(self.watched()) != before:
            # Saved again while we read it: an editor writing in place can leave the file
            # briefly empty or half-written. The watcher has seen the change and a new build
            # follows; do not flash errors that are already gone.
            log.debug("input changed during a failed build; not reporting it")
            return BuildResult(False, time.perf_counter() - started, [], superseded=True)
        self.state.publish_errors(errors)
        return BuildResult(False, time.perf_counter() - started, errors)

    def _prune(self) -> None:
        while len(self._builds) > KEEP_BUILDS:
            shutil.rmtree(self._builds.pop(0), ignore_errors=True)

    def watched(self) -> list[Path]:
        """The files and folders whose change triggers a rebuild."""
        return [self.events_path, self.project_dir / "site_templates", *self.local_sources]


class BuildLoop:
    """Runs builds on its own thread when asked; requests made during a build coalesce."""

    def __init__(self, rebuilder: Rebuilder, report: Callable[[BuildResult], None]):
        self.rebuilder = rebuilder
        self.report = report
        self._wanted = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="timeline-builder", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def request(self, _changed: object = None) -> None:
        self._wanted.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wanted.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            self._wanted.wait()
            if self._stop.is_set():
                return
            self._wanted.clear()
            self.report(self.rebuilder.build())
