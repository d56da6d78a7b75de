"""What an event is, for telling whether two reports are of the same event.

A report's signature is its type, the class of its predicate ("resign", "storm",
"protest"), its key parties (who did it and to whom), the days it can fall on and
the content words of what it says (its quote, never its generated title).
Two signatures are the same event when the type agrees, the dates can agree
(or two exact days lie a day or two apart and everything else agrees: a report
that contradicts the others), and the predicate, parties and words are close
enough; see :func:`similarity`.

Events a person wrote carry no predicate: theirs is guessed from the title's
words, or left unknown, and their actors stand for the parties.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from timeline.extract.lexicon import lemma_of, signature_words, word_class, words

_DATA = signature_words()
_SAME_ACT: dict[str, str] = {str(k): str(v) for k, v in _DATA["same_act"].items()}
_SUFFIXES = ("ings", "ing", "ies", "ied", "es", "ed", "s", "e")

GENERIC_PARTIES = words(_DATA["generic_parties"])
STOP = words(_DATA["stop"])
_WORD = re.compile(r"[a-z][a-z'-]+")
WIDE = 45  # days: wider bounds than this say little about which event it is
CONTRADICTION_DAYS = 2  # exact days this far apart may still be one event, reported wrongly
SAME_DAY = 0.15  # what the same act on the same exact day (and some shared words) adds
VAGUE = 0.15  # what a report or event without useful bounds takes away
WIDE_WORDS = 0.5  # the words two reports share when either has no useful bounds
ONE_OFF_DAYS = 4  # the same, for acts that happen once to a named party (a resignation)
FEW_WORDS = 3  # a report of fewer content words is compared as if it had this many
TOPIC_SHARE = 0.1  # a word in more of a batch's reports than this names the story, not an event
TOPIC_AT_LEAST = 100  # reports a batch needs before it has topic words
UNDATED_WORDS = 0.2  # the words two reports without useful bounds share, even of a one-off act
# Acts that happen to a named party once in a story: reports of them days apart are one
# event, misdated by some reports, rather than two events.
ONE_OFF = words(_DATA["one_off"])
# Types of acts a party repeats day after day (what it says): two reports are one
# event only when they say the same, and never when they give different days.
REPEATED_TYPES = words(_DATA["repeated_types"])


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude stem: 'protests' -> 'protest', 'clashes' -> 'clash', 'stormed' -> 'storm'."""
    word = word.lower()
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@functools.lru_cache(maxsize=1 << 14)
def predicate_class(predicate: str) -> str:
    """The act a predicate names: 'stepped down' and 'resigned' are both 'resign'."""
    first = next(iter(_WORD.findall(predicate.lower())), "")
    if not first:
        return ""
    for key in (first, stem(first)):
        if key in _SAME_ACT:
            return _SAME_ACT[key]
    return stem(first)


def acts(text: str) -> frozenset[str]:
    """The predicate classes the words of a text could name (for events without a predicate)."""
    return frozenset(predicate_class(w) for w in _WORD.findall(text.lower()) if w not in STOP)


def party_keys(names: list[str] | tuple[str, ...]) -> frozenset[str]:
    """Names as comparable keys: the whole name and its last word ('Hosni Mubarak' ->
    'hosni mubarak', 'mubarak'), generic groups left out."""
    out: set[str] = set()
    for name in names:
        text = " ".join(str(name).lower().split())
        if not text:
            continue
        tokens = text.split()
        if all(t in GENERIC_PARTIES or stem(t) in GENERIC_PARTIES for t in tokens):
            continue
        out.add(text)
        out.add(tokens[-1])
    return frozenset(k for k in out if len(k) > 1)  # 'U' and 'S' of a split 'U.S.' say nothing


def content_words(
    text: str,
    leave_out: frozenset[str] = frozenset(),
    act: str = "",
    topic: frozenset[str] = frozenset(),
) -> frozenset[str]:
    """Stems of the words that say what happened, without function, date and party words,
    the roles named parties hold ('chief executive'), the words of the act itself (``act``,
    a predicate class, which the signature compares on its own) and the stems of the
    story's own words (``topic``, from :func:`topic_words`)."""
    roles = word_class("role_heads") if leave_out else frozenset()  # "the mayor": a party
    out = set()
    for word in _WORD.findall(text.lower()):
        word = word.strip("'-")
        if len(word) < 3 or word in STOP or word in leave_out or word in roles:
            continue
        stemmed, acts_named = _word_info(word)
        if act in acts_named or stemmed in topic:
            continue  # 'met' and 'meeting' of a meeting; the story's own words
        out.add(stemmed)
    return frozenset(out)


@functools.lru_cache(maxsize=1 << 16)
def _word_info(word: str) -> tuple[str, tuple[str, str]]:
    """A word's stem and the acts it may name, as itself and as a verb's form ('met')."""
    return stem(word), (predicate_class(word), predicate_class(lemma_of(word, "verb")))


def topic_words(texts: list[str]) -> frozenset[str]:
    """The stems in more than :data:`TOPIC_SHARE` of a batch's report quotes ('oil',
    'spill' and 'gulf' in a batch on an oil spill): they tell the story, not which of its
    events a report is of. None for a batch of fewer than :data:`TOPIC_AT_LEAST` reports."""
    if len(texts) < TOPIC_AT_LEAST:
        return frozenset()
    counts: dict[str, int] = {}
    for text in texts:
        for word in content_words(text):
            counts[word] = counts.get(word, 0) + 1
    return frozenset(w for w, n in counts.items() if n > TOPIC_SHARE * len(texts))


@dataclass(frozen=True)
class Signature:
    type: str
    predicate: str  # the predicate's class; '' when unknown
    parties: frozenset[str]  # named parties (keys from :func:`party_keys`)
    words: frozenset[str]  # content stems
    low: dt.date | None
    high: dt.date | None
    acts: frozenset[str] = frozenset()  # without a predicate: the classes its title's words name
    places: frozenset[str] = frozenset()  # where it happened, lower case

    @property
    def exact(self) -> bool:
        return self.low is not None and self.low == self.high

    @property
    def wide(self) -> bool:
        return self.low is None or self.high is None or (self.high - self.low).days > WIDE


def overlap(a: frozenset[str], b: frozenset[str], at_least: int = 1) -> float:
    """The overlap coefficient: shared items over the smaller set, counted as at least
    ``at_least`` items unless the larger is smaller still (0 when one is empty): one word
    found among many says little, two sets of the same one word say it all."""
    if not a or not b:
        return 0.0
    small, large = sorted((len(a), len(b)))
    return len(a & b) / max(small, min(at_least, large))


def _predicates(a: Signature, b: Signature) -> float:
    if a.predicate and b.predicate:
        return 1.0  # the same (different ones were ruled out)
    if (a.predicate and a.predicate in b.acts) or (b.predicate and b.predicate in a.acts):
        return 1.0
    return 0.5


def dates_agree(a: Signature, b: Signature) -> bool:
    low = max((d for d in (a.low, b.low) if d), default=None)
    high = min((d for d in (a.high, b.high) if d), default=None)
    return low is None or high is None or low <= high


def days_apart(a: Signature, b: Signature) -> int | None:
    """How far apart two exact days are (None unless both are exact)."""
    if not (a.exact and b.exact):
        return None
    assert a.low is not None and b.low is not None
    return abs((a.low - b.low).days)


def similarity(a: Signature, b: Signature) -> float:
    """How alike two reports are, 0 (not the same event) to 1; dates and type are hard limits.

    Same type and the same predicate class (or one unknown) are required, and named
    parties on both sides must overlap. Then the score weighs the predicate (same 1,
    one unknown 0.5), the named parties (overlap; none on either side counts 0.5, and
    none on one side 0.25, or 0.5 on the same exact day: "a rig exploded" and "the
    Deepwater Horizon exploded" on one day do not disagree) and
    the content words (overlap, a report of one or two words counted as
    :data:`FEW_WORDS`: 'people' alone says little), plus a little for a shared place
    and minus a little for places that differ, plus :data:`SAME_DAY` for the same
    predicate on the same exact day with some words in common, minus :data:`VAGUE`
    when either side has no useful bounds and the days they do give lie far apart
    ('before 21 May 2010' and a day in 2006).
    When either report has no useful bounds (only "before the report"), or the act is
    one a party repeats (:data:`REPEATED_TYPES`: what it says), the two must share
    half their content words, unless the act happens once to a named party: a
    speaker's "says" in May and in June are not one event for having no day. When
    neither has, even such an act needs :data:`UNDATED_WORDS` of its words shared.
    A contradiction (exact days up to two days apart, four for acts that happen once
    to a named party) needs the same predicate and shared parties, and shared words
    unless the act happens once; a repeated act on another day is another event.
    """
    if a.type != b.type:
        return 0.0
    if a.predicate and b.predicate and a.predicate != b.predicate:
        return 0.0
    pred = _predicates(a, b)
    if a.parties and b.parties:
        party = overlap(a.parties, b.parties)
        if party == 0:
            return 0.0
    elif a.parties or b.parties:  # one names a party, the other none: on one day, no conflict
        party = 0.5 if days_apart(a, b) == 0 else 0.25
    else:
        party = 0.5
    text = overlap(a.words, b.words, FEW_WORDS)
    once = (a.predicate or b.predicate) in ONE_OFF and bool(a.parties and b.parties)
    repeated = a.type in REPEATED_TYPES
    if (a.wide or b.wide or repeated) and not once and text < WIDE_WORDS:
        return 0.0  # "Hayward said ..." in May and in June: without a day, say more alike
    if a.wide and b.wide and text < UNDATED_WORDS:
        return 0.0  # neither says when: an act that happens once still needs a word in common
    score = 0.3 * pred + 0.4 * party + 0.3 * text + _places(a, b)
    if dates_agree(a, b):
        if pred == 1 and text >= 0.15 and days_apart(a, b) == 0:
            score += SAME_DAY  # the same act on the same day, no party against it
        if (a.wide or b.wide) and _gap(a, b) > WIDE:
            score -= VAGUE  # any earlier event agrees with 'before 21 May 2010': say more
        return score
    apart = days_apart(a, b)
    if apart is None or repeated or pred < 1 or party < 0.5 or not (a.parties and b.parties):
        return 0.0
    if apart > (ONE_OFF_DAYS if once else CONTRADICTION_DAYS) or (text < 0.2 and not once):
        return 0.0
    return score - 0.05 * apart


def _gap(a: Signature, b: Signature) -> int:
    """Days between the nearest known bounds of two reports (large when one has none)."""
    ours = [d for d in (a.low, a.high) if d]
    theirs = [d for d in (b.low, b.high) if d]
    return min((abs((x - y).days) for x in ours for y in theirs), default=1_000_000)


def _places(a: Signature, b: Signature) -> float:
    if not a.places or not b.places:
        return 0.0
    return 0.15 if a.places & b.places else -0.1
