"""``timeline import``: events from TimelineJS (its JSON, or its spreadsheet as CSV).

:func:`import_file` reads the file, reports every row it cannot read (with its line),
and merges the rest into events.yaml, which it creates when missing. Each imported
event cites a source made from the file (unless it names its own sources, as a file
written by ``timeline export --format timelinejs`` does). Ids come from TimelineJS's
``unique_id`` or the title, kept unique; an event already in the file (same id, or same
title on the same date) is not added twice. Nothing is written unless the whole file
still validates; with ``skip_bad`` the rows that cannot be read are reported and left
out, else any of them stops the import.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from timeline.exceptions import InputError, ValidationError
from timeline.imports.merge import ImportReport, merge
from timeline.imports.rows import Parsed, Row

log = logging.getLogger(__name__)


def read_file(path: Path, display: str) -> Parsed:
    """Parse a TimelineJS JSON file or a CSV of its spreadsheet template."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(f"{display}: cannot read: {err.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{display}: not UTF-8 text (byte {err.start}); save it as UTF-8"
        ) from None
    if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        from timeline.imports.timelinejs import read_timelinejs

        return read_timelinejs(text, display)
    from timeline.imports.sheet import read_sheet

    return read_sheet(text, display)


def import_file(
    source: str | os.PathLike[str],
    events_path: str | os.PathLike[str] = "events.yaml",
    *,
    skip_bad: bool = False,
) -> ImportReport:
    """Import the events of ``source`` into ``events_path``; see the module docstring."""
    path, events = Path(source), Path(events_path)
    parsed = read_file(path, str(source))
    errors = [p for p in parsed.problems if p.severity == "error"]
    warnings = [p for p in parsed.problems if p.severity == "warning"]
    if errors and not skip_bad:
        stop = ValidationError(parsed.problems)
        stop.summary += "; nothing imported (fix these rows, or add --skip-bad to import the rest)"
        raise stop
    report = ImportReport(str(events_path), skipped=len({(p.line, p.path) for p in errors}))
    report.warnings = sorted(errors + warnings) if skip_bad else sorted(warnings)
    merge(parsed, path, events, report)
    return report


__all__ = ["ImportReport", "Row", "import_file", "read_file"]
