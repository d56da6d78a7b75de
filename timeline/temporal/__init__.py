"""Temporal tagger: find and normalise date and time expressions in English news.

>>> from timeline.temporal import tag
>>> [(t.text, t.value) for t in tag("The vote was held on October 4.", "2020-10-21")]
[('October 4', '2020-10-04')]
"""

from __future__ import annotations

from .document import find_publication_date
from .model import Timex
from .tagger import tag

__all__ = ["Timex", "find_publication_date", "tag"]
