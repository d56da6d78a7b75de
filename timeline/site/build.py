"""``timeline build``: gather, validate, order, render into a temporary folder, swap.

The new site is written into a fresh folder beside the output; only when every
page is written does it replace the output (old folder renamed aside, new one
renamed in, old one removed). A failed build leaves the previous output as it
was, and files from an earlier build never linger, except the ones a published
site needs kept (:data:`KEEP`: ``CNAME``, ``.git``, ``.nojekyll``, ``.gitkeep``)
and any the user lists, one name per line, in ``.timeline-keep`` in the output.
An output that is a symlink stays one: the folder it points to is replaced.
Folders left beside the output by a killed build are removed by the next one.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from timeline.exceptions import BuildError, Problem
from timeline.store import real_path

logger = logging.getLogger(__name__)

MARKER = ".timeline-site"  # marks a folder this command built and may replace
KEEP_FILE = ".timeline-keep"  # the user's own list of names that survive a rebuild
KEEP = ("CNAME", ".git", ".nojekyll", ".gitkeep", KEEP_FILE)  # carried into the new output
LEFTOVER_AGE = 3600.0  # seconds: a staging folder without a live owner this old is removed


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
    output = real_path(Path(output_dir))  # a symlink stays: its target is replaced
    timeline, warnings = load_timeline(events, strict=strict)
    logger.info("loaded %s events from %s", len(timeline.events), events)
    ordered = order_timeline(timeline)
    check_target(output, events)
    env = make_environment(events.parent)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(output)
        staging = Path(tempfile.mkdtemp(prefix=_prefix(output, "new"), dir=output.parent))
        staging.chmod(0o755)  # mkdtemp makes it private; a published site is not
    except OSError as err:
        raise BuildError(f"cannot write into {output.parent}: {err.strerror}") from None
    try:
        views = SiteWriter(ordered, env, staging).write_all(progress)
        (staging / MARKER).write_text("built by timeline; replaced whole by each build\n")
        swap_in(staging, output)
    except OSError as err:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildError(
            f"could not write the site into {output_dir} ({err.strerror}); "
            "the previous output is unchanged"
        ) from None
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


def kept_names(output: Path) -> list[str]:
    """What survives a rebuild: :data:`KEEP` and the names listed in ``.timeline-keep``."""
    names = list(KEEP)
    with contextlib.suppress(OSError, UnicodeDecodeError):
        for line in (output / KEEP_FILE).read_text(encoding="utf-8").splitlines():
            name = line.strip()
            if name and not name.startswith("#") and _plain_name(name) and name not in names:
                names.append(name)
    return names


def _plain_name(name: str) -> bool:
    """A name directly in the output folder: no path, no '..', not the build's own marker."""
    return "/" not in name and "\\" not in name and name not in (".", "..", MARKER)


def check_target(output: Path, events: Path) -> None:
    """Refuse to replace a folder that is not an earlier build (or empty)."""
    if output.exists() and not output.is_dir():
        raise BuildError(f"{output} exists and is not a folder")
    resolved = output.resolve()
    if resolved == events.resolve().parent or resolved in events.resolve().parents:
        raise BuildError(f"refusing to build into {output}: it holds {events}")
    if not output.is_dir() or (output / MARKER).is_file():
        return
    keep = kept_names(output)
    stray = sorted(p.name for p in output.iterdir() if p.name not in keep)
    if stray:
        raise BuildError(
            f"refusing to replace {output}: it is not a previous build "
            f"(no {MARKER} file; it holds {', '.join(stray[:3])}"
            f"{', ...' if len(stray) > 3 else ''}); remove it or choose another --output"
        )


def swap_in(staging: Path, output: Path) -> None:
    """Put ``staging`` where ``output`` is, removing the old output afterwards.

    The names that survive a rebuild are moved (not copied: ``.git`` may be large) from
    the old output into the new one first, and moved back if the swap fails.
    """
    moved = _carry_over(output, staging)
    aside: Path | None = None
    try:
        if output.exists():
            aside = Path(tempfile.mkdtemp(prefix=_prefix(output, "old"), dir=output.parent))
            aside.rmdir()
            output.rename(aside)
        staging.rename(output)
    except OSError as err:
        if aside is not None and not output.exists():
            aside.rename(output)
        for name in moved:
            with contextlib.suppress(OSError):
                (staging / name).rename(output / name)
        raise BuildError(f"could not move the new site into {output}: {err}") from err
    if aside is not None:
        shutil.rmtree(aside, ignore_errors=True)


def _carry_over(output: Path, staging: Path) -> list[str]:
    if not output.is_dir():
        return []
    moved = []
    for name in kept_names(output):
        source = output / name
        if source.is_symlink() or source.exists():
            if (staging / name).exists():  # the build wrote it (never a kept name today)
                continue
            source.rename(staging / name)
            moved.append(name)
    return moved


# -- folders a killed build left behind --------------------------------------------------


def _prefix(output: Path, kind: str) -> str:
    """'.output.new-1234-': the process id tells a later build whether its owner still runs."""
    return f".{output.name}.{kind}-{os.getpid()}-"


def remove_leftovers(output: Path) -> list[Path]:
    """Remove ``.NAME.new-*`` and ``.NAME.old-*`` folders of builds that are not running."""
    removed = []
    pattern = re.compile(rf"\.{re.escape(output.name)}\.(?:new|old)-(?:(\d+)-)?")
    now = time.time()
    with contextlib.suppress(OSError):
        for entry in output.parent.iterdir():
            found = pattern.match(entry.name)
            if found is None or entry.is_symlink() or not entry.is_dir():
                continue
            pid = int(found.group(1)) if found.group(1) else None
            if pid is None and now - entry.stat().st_mtime < LEFTOVER_AGE:
                continue  # an older version's folder: only when surely abandoned
            if pid is not None and (pid == os.getpid() or _running(pid)):
                continue
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    if removed:
        logger.info("removed %s folders left by interrupted builds", len(removed))
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to someone else
        return True
    return True
