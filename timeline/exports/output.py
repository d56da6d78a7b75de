"""Where ``timeline export -o`` may write: never over the timeline, only into a real folder."""

from __future__ import annotations

import os
import re
from pathlib import Path

from timeline.exceptions import InputError
from timeline.store import atomic_write

TIMELINE_SUFFIXES = (".yaml", ".yml")
_TIMELINE_TEXT = re.compile(rb"^(?:events|sources|title):", re.MULTILINE)


def check_output(output: str, events_path: str, *, force: bool = False) -> None:
    """Raise :class:`InputError` unless an export may be written to ``output``.

    Refused without ``force``: the timeline file itself (by any name or link), and an
    existing file that looks like a timeline (a .yaml or .yml file, or one with a
    top-level ``events:``, ``sources:`` or ``title:``). Always refused: a folder, or a
    path in a folder that does not exist.
    """
    target = Path(output)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise InputError(f"-o {output}: is a folder; give a file name")
    if not folder.is_dir():
        raise InputError(f"-o {output}: the folder {folder} does not exist; nothing was written")
    if force or not target.exists():
        return
    if _same_file(target, Path(events_path)):
        raise InputError(
            f"refusing to overwrite {output}: it is the timeline this export reads; "
            "choose another file (or pass --force)"
        )
    if looks_like_timeline(target):
        raise InputError(
            f"refusing to overwrite {output}: it looks like a timeline (events.yaml); "
            "choose another file (or pass --force)"
        )


def write_export(output: str, text: str) -> None:
    """Write the export atomically (a temporary file renamed into place)."""
    atomic_write(Path(output), text)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def looks_like_timeline(path: Path) -> bool:
    if path.suffix.lower() in TIMELINE_SUFFIXES:
        return True
    try:
        with open(path, "rb") as handle:
            head = handle.read(64 * 1024)
    except OSError:
        return False
    return _TIMELINE_TEXT.search(head.removeprefix(b"\xef\xbb\xbf")) is not None
