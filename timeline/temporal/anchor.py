"""Direction from the text: does an under-specified date point to the past or the future?

The cue is the tense and modality of the clause around the expression: future markers
(will, shall, should, would, is expected to, plans to, scheduled, next, until ...) against
past-tense verbs (was, were, had, did and regular -ed forms).
"""

from __future__ import annotations

import re

PAST, UNKNOWN, FUTURE = -1, 0, 1

_FUTURE = (
    r"will|'ll|wo\s*n't|shall|should|would|'d|could|might|may|must|going\s+to|gon\s*na|"
    r"is\s+to|are\s+to|expects?|expected|scheduled|plans?|planned|planning|intends?|"
    r"set\s+to|set\s+for|due|upcoming|next|until|till|before|by|deadline|"
    r"aims?|hopes?|wants?|promised|pledged|proposed|is\s+to\s+be|to\s+be\s+held|"
    r"to\s+hold|to\s+begin|to\s+start|to\s+meet|to\s+vote|to\s+visit|resume|starting|"
    r"beginning|coming|forthcoming|later"
)
# verbs in -ed that signal intention rather than completed past
_NOT_PAST = frozenset(
    "expected scheduled planned proposed intended set need indeed hundred red bed "
    "speed seed feed breed shed united based limited related concerned interested "
    "supposed used".split()
)
_CUE = re.compile(
    rf"(?i)(?<![\w'])(?:(?P<f>{_FUTURE})|(?P<p>was|were|had|did|ago|last|earlier|"
    r"said|told|took|came|went|began|held|met|saw|made|won|lost|left|fell|rose|gave|"
    r"got|became|ran|sent|led|found|wrote|spoke|fled|broke|chose|drove|flew|"
    r"[a-z]+ed))(?![\w'])"
)
_CLAUSE_LEFT = re.compile(r"[.!?;:]\s|\n\s*\n|\"\s|[“”]")


def _clause_start(text: str, pos: int, limit: int = 160) -> int:
    lo = max(0, pos - limit)
    last = lo
    for m in _CLAUSE_LEFT.finditer(text, lo, pos):
        last = m.end()
    return last


def _clause_end(text: str, pos: int, limit: int = 80) -> int:
    hi = min(len(text), pos + limit)
    m = _CLAUSE_LEFT.search(text, pos, hi)
    return m.start() if m else hi


def direction(text: str, start: int, end: int) -> int:
    """PAST, FUTURE or UNKNOWN for the expression text[start:end], from its clause."""
    left = _clause_start(text, start)
    right = _clause_end(text, end)
    best: tuple[int, int] | None = None  # (distance, verdict)
    for m in _CUE.finditer(text, left, right):
        if start <= m.start() < end:
            continue
        word = m.group().lower()
        if m.group("p") and word in _NOT_PAST:
            continue
        dist = start - m.end() if m.end() <= start else (m.start() - end) * 2
        verdict = FUTURE if m.group("f") else PAST
        if word in ("said", "told") and best is not None:
            continue
        if best is None or dist < best[0]:
            best = (dist, verdict)
    return best[1] if best else UNKNOWN
