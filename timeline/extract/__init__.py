"""``timeline extract``: from news articles to dated, sourced events merged into events.yaml.

>>> from timeline.extract import run_extract
>>> summary = run_extract(["article.txt"], "events.yaml")  # doctest: +SKIP
"""

from __future__ import annotations

from timeline.extract.pipeline import Summary, run_extract

__all__ = ["Summary", "run_extract"]
