"""Direction from the text: does an under-specified date point to the past or the future?

The cue is the tense and modality of the clause around the expression: future markers
(will, shall, should, would, is expected to, plans, scheduled, next, payable ...) against
past-tense verbs (was, were, had, did, regular -ed forms and common irregular ones).
Present-tense auxiliaries (is, are) are neutral cues: they shadow a more distant past verb.

The cues of a text are found once, in a single pass over its words, and looked up by
position, so the cost stays linear however many expressions need a direction.
"""

from __future__ import annotations

import bisect
import re
from array import array

from .lexicon import words

PAST, UNKNOWN, FUTURE = -1, 0, 1

_FUTURE_WORDS = frozenset(
    words(
        """
        will shall should would could might may must won't wo gonna scheduled plans planned
        planning upcoming next payable effective expire expires due forthcoming expect
        expects
        """
    )
)
_FUTURE_PAIRS = frozenset(
    {("going", "to"), ("is", "to"), ("are", "to"), ("expected", "to"), ("intend", "to"),
     ("intends", "to"), ("set", "to"), ("set", "for"), ("as", "early"), ("as", "soon"),
     ("plan", "to"), ("want", "to"), ("wants", "to"), ("hope", "to"), ("hopes", "to"),
     ("aim", "to"), ("aims", "to"), ("of", "record"), ("to", "be")}
)  # fmt: skip
_NEUTRAL_WORDS = frozenset(
    words(
        """
        is are am remain remains continue continues
        """
    )
)
_PAST_WORDS = frozenset(
    words(
        """
        was were had has have did ago last earlier since said told took came went began held
        met saw made won lost left fell rose gave got became ran sent led found wrote spoke
        fled broke chose drove flew brought bought sold paid spent struck thought kept felt
        meant built sought caught fought tore wore swore threw drew grew knew blew stole froze
        woke rode hid shook forgot dug hung slid spun swung stuck sank sang rang swam drank ate
        bound wound laid fed bled sped heard dealt bent lent slept swept wept crept taught
        overcame forgave upheld withheld stood understood withstood shone shot arose awoke
        undertook overtook mistook sprang strove rose sought
        """
    )
)
# -ed words that signal intention or are not verbs at all
_NOT_PAST = frozenset(
    words(
        """
        expected scheduled planned proposed intended set need indeed hundred red bed speed
        seed feed breed shed united based limited related concerned interested supposed used
        alleged so-called
        """
    )
)
_PASSIVE_AUX = frozenset(words("be been being to"))
_BE_FORMS = frozenset(words("was were is are am been"))
# before these an -ed word is an adjective ("a still unspecified date"), not a past verb
_ADJ_BEFORE = frozenset(
    words(
        """
        a an the this that its their his her our your my still very more most so well
        newly recently previously jointly widely long already
        """
    )
)
# a preposition right before the expression that points forward ("until January")
_FORWARD_PREP = re.compile(r"(?i)(?:until|till|through|by)\s+$")
# every word that can be (part of) a cue, for a quick first test
_INTERESTING = frozenset(
    _FUTURE_WORDS
    | _NEUTRAL_WORDS
    | _PAST_WORDS
    | {second for _, second in _FUTURE_PAIRS}
    | {first for first, _ in _FUTURE_PAIRS}
)
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_BOUNDARY = re.compile(r"[.!?;:]\s|\n\s*\n|\"|''|``|[“”(]")
_LEFT, _RIGHT = 160, 80


class CueIndex:
    """Tense cues and clause boundaries of one text, found in one pass."""

    def __init__(self, text: str) -> None:
        self.text = text
        # compact arrays: a big text has hundreds of thousands of cues
        self.starts = array("q")
        self.ends = array("q")
        self.verdicts = array("b")
        prev = ""
        prev_start = -1
        interesting = _INTERESTING
        for m in _WORD.finditer(text):
            word = m.group().lower()
            if word not in interesting and word[-2:] != "ed" and "'" not in word:
                prev, prev_start = word, m.start()
                continue
            verdict: int | None = None
            if (prev, word) in _FUTURE_PAIRS or (
                prev in _BE_FORMS and word in _FUTURE_WORDS
            ):  # "is to", "were planning": the pair is one future cue
                self._replace_last(prev_start, FUTURE)
            elif word in _FUTURE_WORDS or word.endswith(("'ll", "'d")):
                verdict = FUTURE
            elif word in _NEUTRAL_WORDS:
                verdict = UNKNOWN
            elif (
                word in _PAST_WORDS
                or (word.endswith("ed") and word not in _NOT_PAST and prev not in _ADJ_BEFORE)
            ) and prev not in _PASSIVE_AUX:
                verdict = PAST
            if verdict is not None:
                self.starts.append(m.start())
                self.ends.append(m.end())
                self.verdicts.append(verdict)
            prev, prev_start = word, m.start()
        # had_before[k]: how many of the first k cues are a past-perfect "had"
        self.had_before = array("q", [0])
        for cue_start in self.starts:
            is_had = text.startswith(("had ", "Had ", "had\n"), cue_start)
            self.had_before.append(self.had_before[-1] + is_had)
        self.bounds_start = array("q")
        self.bounds_end = array("q")
        for b in _BOUNDARY.finditer(text):
            self.bounds_start.append(b.start())
            self.bounds_end.append(b.end())

    def _replace_last(self, start: int, verdict: int) -> None:
        if self.starts and self.starts[-1] == start:
            self.verdicts[-1] = verdict
        else:
            self.starts.append(start)
            self.ends.append(start + 1)
            self.verdicts.append(verdict)

    def direction(self, start: int, end: int) -> int:
        """PAST, FUTURE or UNKNOWN for the expression text[start:end], from its clause."""
        forward = _FORWARD_PREP.search(self.text, max(0, start - 9), start) is not None
        left = max(0, start - _LEFT)
        i = bisect.bisect_right(self.bounds_end, start) - 1
        if i >= 0 and self.bounds_end[i] > left:
            left = self.bounds_end[i]
        right = min(len(self.text), end + _RIGHT)
        j = bisect.bisect_left(self.bounds_start, end)
        if j < len(self.bounds_start) and self.bounds_start[j] < right:
            right = self.bounds_start[j]
        lo = bisect.bisect_left(self.starts, left)
        inner = bisect.bisect_left(self.starts, start)  # cues before the expression: lo..inner-1
        # the past perfect ("had been due to expire Friday") puts the clause in the past
        if self.had_before[inner] - self.had_before[lo] > 0:
            return PAST
        if forward:  # "until January"
            return FUTURE
        # the nearest cue wins; cues after the expression count double distance
        best_dist, best = None, UNKNOWN
        if inner - 1 >= lo:
            best_dist, best = max(0, start - self.ends[inner - 1]), self.verdicts[inner - 1]
        after = bisect.bisect_left(self.starts, end)
        if after < len(self.starts) and self.starts[after] < right:
            dist = (self.starts[after] - end) * 2
            if best_dist is None or dist < best_dist:
                best = self.verdicts[after]
        return best


def direction(text: str, start: int, end: int) -> int:
    """One-off direction lookup (builds the cue index of the whole text)."""
    return CueIndex(text).direction(start, end)
