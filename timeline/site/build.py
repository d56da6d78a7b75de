"""``timeline build``: gather, validate, order, render into a temporary folder, swap.

The new site is written into a fresh folder beside the output; only when every
page is written does it replace the output (old folder renamed aside, new one
renamed in, old one removed). A failed build leaves the previous output as it
was, and files from an earlier build never linger.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from timeline.exceptions import BuildError, Problem

logger = logging.getLogger(__name__)

MARKER = ".timeline-site"  # marks a folder this command built and may replace
KEEP = (".gitkeep",)  # carried over into the new output


@dataclass
class BuildReport:
    """What a build produced; ``summary()`` is the line the CLI prints."""

    output_dir: str
    events: int
    actors: int
    sources: int
    seconds: float
    warnings: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        where = self.output_dir.rstrip("/\\") + "/"
        return (
            f"Built {_count(self.events, 'event')}, {_count(self.actors, 'actor')}, "
            f"{_count(self.sources, 'source')} into {where} in {self.seconds:.1f} s"
        )


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def build_site(
    events_path: str | os.PathLike[str] = "events.yaml",
    output_dir: str | os.PathLike[str] = "output",
    *,
    strict: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> BuildReport:
    """Build the site for ``events_path`` into ``output_dir``.

    Raises :class:`~timeline.exceptions.ValidationError` for problems in the
    timeline and :class:`~timeline.exceptions.BuildError` for anything else
    (a template error, an output folder that is not a previous build).
    ``progress(done, total)`` is told as the pages are written (for a progress bar).
    """
    from timeline.graph import order_timeline
    from timeline.site.pages import SiteWriter
    from timeline.site.templates import make_environment
    from timeline.validate import load_timeline

    started = time.perf_counter()
    events = Path(events_path)
    output = Path(output_dir)
    timeline, warnings = load_timeline(events, strict=strict)
    logger.info("loaded %s events from %s", len(timeline.events), events)
    ordered = order_timeline(timeline)
    check_target(output, events)
    env = make_environment(events.parent)
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    staging.chmod(0o755)  # mkdtemp makes it private; a published site is not
    try:
        views = SiteWriter(ordered, env, staging).write_all(progress)
        (staging / MARKER).write_text("built by timeline; replaced whole by each build\n")
        for name in KEEP:
            if (output / name).is_file():
                shutil.copy2(output / name, staging / name)
        swap_in(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    seconds = time.perf_counter() - started
    logger.info("built %s in %.2f s", output, seconds)
    return BuildReport(
        output_dir=str(output_dir),
        events=views.site.event_count,
        actors=views.site.actor_count,
        sources=views.site.source_count,
        seconds=seconds,
        warnings=warnings,
    )


def check_target(output: Path, events: Path) -> None:
    """Refuse to replace a folder that is not an earlier build (or empty)."""
    if output.exists() and not output.is_dir():
        raise BuildError(f"{output} exists and is not a folder")
    resolved = output.resolve()
    if resolved == events.resolve().parent or resolved in events.resolve().parents:
        raise BuildError(f"refusing to build into {output}: it holds {events}")
    if not output.is_dir() or (output / MARKER).is_file():
        return
    stray = sorted(p.name for p in output.iterdir() if p.name not in KEEP)
    if stray:
        raise BuildError(
            f"refusing to replace {output}: it is not a previous build "
            f"(no {MARKER} file; it holds {', '.join(stray[:3])}"
            f"{', ...' if len(stray) > 3 else ''}); remove it or choose another --output"
        )


def swap_in(staging: Path, output: Path) -> None:
    """Put ``staging`` where ``output`` is, removing the old output afterwards."""
    aside: Path | None = None
    if output.exists():
        aside = Path(tempfile.mkdtemp(prefix=f".{output.name}.old-", dir=output.parent))
        aside.rmdir()
        output.rename(aside)
    try:
        staging.rename(output)
    except OSError as err:
        if aside is not None:
            aside.rename(output)
        raise BuildError(f"could not move the new site into {output}: {err}") from err
    if aside is not None:
        shutil.rmtree(aside, ignore_errors=True)
