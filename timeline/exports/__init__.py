"""The ordered timeline as data for other tools: JSON, CSV, iCalendar, TimelineJS3, GraphML.

:func:`render_export` is pure and deterministic: the same timeline gives the same
text, byte for byte. The only timestamp (iCalendar's DTSTAMP) comes from
``SOURCE_DATE_EPOCH`` when it is set, else from the latest day in the data; never
from the clock. One module per format; :mod:`.common` holds what they share.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from timeline.exceptions import InputError
from timeline.exports.graphml import render_graphml
from timeline.exports.ical import render_ics
from timeline.exports.output import check_output, write_export
from timeline.exports.tabular import render_csv, render_json
from timeline.exports.timelinejs import render_timelinejs
from timeline.graph import OrderedTimeline, order_timeline
from timeline.validate import load_timeline

logger = logging.getLogger(__name__)

RENDERERS: dict[str, Callable[[OrderedTimeline], str]] = {
    "json": render_json,
    "csv": render_csv,
    "ics": render_ics,
    "timelinejs": render_timelinejs,
    "graphml": render_graphml,
}
FORMATS: tuple[str, ...] = tuple(RENDERERS)

__all__ = [
    "FORMATS",
    "RENDERERS",
    "check_format",
    "check_output",
    "export_timeline",
    "render_export",
    "write_export",
]


def export_timeline(events_path: str, fmt: str) -> str:
    """Load, validate and order ``events_path``, then render it as ``fmt``."""
    check_format(fmt)
    timeline, warnings = load_timeline(events_path)
    for warning in warnings:
        logger.warning("%s", warning)
    return render_export(order_timeline(timeline), fmt)


def render_export(ordered: OrderedTimeline, fmt: str) -> str:
    """The ordered timeline as text in ``fmt`` (one of :data:`FORMATS`)."""
    check_format(fmt)
    return RENDERERS[fmt](ordered)


def check_format(fmt: str) -> None:
    """Raise :class:`InputError` unless ``fmt`` is one of :data:`FORMATS`."""
    if fmt not in RENDERERS:
        raise InputError(f"unknown export format '{fmt}' (choose from {', '.join(FORMATS)})")
