"""A polling file watcher: no dependency, and it works where file events do not.

Every ``interval`` seconds it stats the watched files (folders are walked) and
calls ``on_change`` when any (mtime, size, inode) differs. Editors that save by
renaming a new file over the old one change the inode, so they are seen too. A
project has a few dozen files at most, so 20 polls a second cost next to
nothing, and polling also works on network drives and container mounts, where
inotify-based watchers miss changes.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

log = logging.getLogger(__name__)

Signature = dict[str, tuple[int, int, int]]

SKIP_DIRS = {".git", "__pycache__", "node_modules", "output"}


def signature(paths: Iterable[Path]) -> Signature:
    """(mtime_ns, size, inode) of every existing file in ``paths``, folders walked."""
    seen: Signature = {}
    for path in paths:
        _add(path, seen)
    return seen


def _add(path: Path, seen: Signature) -> None:
    try:
        info = path.stat()
    except OSError:
        return  # missing (an editor may be mid-save): absence is part of the signature
    if path.is_dir():
        try:
            entries = sorted(os.scandir(path), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith(".") or entry.name in SKIP_DIRS:
                continue  # editor swap files, lock files
            _add(Path(entry.path), seen)
        return
    seen[str(path)] = (info.st_mtime_ns, info.st_size, info.st_ino)


class Watcher:
    """Calls ``on_change(changed_paths)`` from its own thread when watched files change."""

    def __init__(
        self,
        paths: Callable[[], Iterable[Path]],
        on_change: Callable[[list[str]], None],
        interval: float = 0.05,
    ):
        self.paths = paths
        self.on_change = on_change
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="timeline-watcher", daemon=True)
        self._last: Signature = {}

    def start(self) -> None:
        self._last = signature(self.paths())
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                current = signature(self.paths())
            except Exception:  # never let the watcher die: log and keep polling
                log.exception("watching files failed")
                continue
            if current != self._last:
                changed = sorted(
                    name
                    for name in current.keys() | self._last.keys()
                    if current.get(name) != self._last.get(name)
                )
                self._last = current
                log.debug("changed: %s", changed)
                try:
                    self.on_change(changed)
                except Exception:
                    log.exception("handling a change failed")
