"""The static site: ``build_site(events_path, output_dir)`` renders an ordered timeline.

Modules, in pipeline order: :mod:`.build` (gather, validate, order, render, swap),
:mod:`.views` (the shared views of events, actors, places, sources),
:mod:`.context` (what each template receives), :mod:`.pages` (rendering and
writing), :mod:`.chart` (the compact chart data and small SVG drawings),
:mod:`.templates` (the overridable loader) and :mod:`.urls` (slugs and safe
links). Nothing here imports click.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from timeline.site.build import BuildReport

__all__ = ["build_site"]


def build_site(
    events_path: str | os.PathLike[str] = "events.yaml",
    output_dir: str | os.PathLike[str] = "output",
    *,
    strict: bool = False,
) -> BuildReport:
    """See :func:`timeline.site.build.build_site` (imported lazily, so importing
    :mod:`timeline.site` stays cheap)."""
    from timeline.site.build import build_site as build

    return build(events_path, output_dir, strict=strict)
