"""The order of events the text gives, and the bounds that flow along it.

- "Following the elections on October 4, ... provoked unrest": a preposition or
  a subordinate clause of time on an event's verb puts it after (``after_cues``)
  or before (``before_cues``) the event its object names.
- "Later, ...", "then": an event told with a later-adverb follows the events of
  the sentence before.
- "annulled the results of the elections": an object that names an earlier event
  puts the event after it (the nearest earlier event of that noun).
- Bounds flow along the links: the earliest day from what comes before, the
  latest from what comes after; a link that contradicts the dates is dropped.
"""

from __future__ import annotations

import bisect
from typing import Any

from timeline.extract.document import Document, Predicate, Timing
from timeline.extract.lexicon import candidates, cues


def _phrases(name: str) -> list[list[str]]:
    return [str(p).split() for p in cues()[name]]


def _cue_at(token: Any, name: str) -> bool:
    """The token starts one of the cue phrases ('in the wake of')."""
    doc = token.doc
    for words in _phrases(name):
        if [t.lower_ for t in doc[token.i : token.i + len(words)]] == words:
            return True
    return False


def order_events(doc: Document) -> None:
    """Add 'after' links between the article's events (by index in ``doc.predicates``)."""
    preds = doc.predicates
    index = {(p.sentence.index, p.token.i): n for n, p in enumerate(preds)}
    index.update({(p.sentence.index, p.anchor.i): n for n, p in enumerate(preds)})
    refs = referents(doc)
    by_sentence: dict[int, list[int]] = {}
    for n, p in enumerate(preds):
        by_sentence.setdefault(id(p.sentence), []).append(n)
    previous: list[int] = []
    for sentence in doc.sentences:
        mine = by_sentence.get(id(sentence), [])
        here = [n for n in mine if not preds[n].dropped]
        for n in (n for n in mine if preds[n].host is not None):
            # "voted to impeach X after weeks of protests": the impeachment's links go
            # to the vote that carries its date
            _syntax_links(preds, n, index, refs)
            host = doc.number(preds[n].host)
            preds[host].timing.after |= preds[n].timing.after - {host}
            preds[n].timing.after = set()
        for n in here:
            _syntax_links(preds, n, index, refs)
            _later_links(preds, n, previous)
            _reference_links(preds, n, refs)
        for n in here:
            _conjoined(preds, n, here)
        past = [n for n in here if not preds[n].timing.deadline]
        if past:
            previous = past


def _targets(token: Any, sentence_index: int, index: dict[tuple[int, int], int]) -> list[int]:
    found = []
    for t in token.subtree:
        n = index.get((sentence_index, t.i))
        if n is not None:
            found.append(n)
            break
    return found


def _syntax_links(
    preds: list[Predicate], n: int, index: dict[tuple[int, int], int], refs: Referents
) -> None:
    pred = preds[n]
    for head in dict.fromkeys([pred.token, pred.anchor]):
        for child in head.children:
            if child.dep_ == "prep" or (child.dep_ == "advcl" and child.tag_ == "VBG"):
                cue = child
            elif child.dep_ == "advcl":
                cue = next((m for m in child.children if m.dep_ == "mark"), None)
            else:
                continue
            if cue is None:
                continue
            targets = [
                _resolved(preds, t, refs)
                for t in _targets(child, pred.sentence.index, index)
                if t != n
            ]
            if not targets and child.dep_ == "prep":  # "rallied after the verdict"
                objects = [g for g in child.children if g.dep_ == "pobj"]
                found = refs.find(n, objects[0].lemma_.lower()) if objects else None
                targets = [found] if found is not None and found != n else []
            if _cue_at(cue, "after_cues") or cue.lemma_.lower() == "follow":
                pred.timing.after.update(targets)
            elif _cue_at(cue, "before_cues"):
                for t in targets:
                    preds[t].timing.after.add(n)


def _conjoined(preds: list[Predicate], n: int, here: list[int]) -> None:
    """'Following X, they provoked unrest, stormed buildings and released Y': all after X."""
    pred = preds[n]
    if pred.anchor.dep_ != "conj":
        return
    for m in here:
        if preds[m].anchor == pred.anchor.head and m != n:
            pred.timing.after.update(a for a in preds[m].timing.after if a != n)


def _resolved(preds: list[Predicate], t: int, refs: Referents) -> int:
    """A bare event noun ("after the verdict") stands for the event told before it."""
    target = preds[t]
    if target.nominal and target.anchor == target.token and target.timing.timex is None:
        found = refs.find(t, target.token.lemma_.lower())
        if found is not None:
            return found
    return t


def _later_links(preds: list[Predicate], n: int, previous: list[int]) -> None:
    pred = preds[n]
    for head in dict.fromkeys([pred.anchor, pred.token]):
        if any(c.dep_ == "advmod" and _cue_at(c, "later_adverbs") for c in head.children):
            pred.timing.after.update(p for p in previous if p < n)
            return
    first = pred.sentence.parse[0] if pred.sentence.parse is not None else None
    if first is not None and _cue_at(first, "later_adverbs") and first.head == pred.anchor:
        pred.timing.after.update(p for p in previous if p < n)


def _reference_links(preds: list[Predicate], n: int, refs: Referents) -> None:
    """'annulled the results of the elections': after the elections told elsewhere."""
    pred = preds[n]
    for patient_token in (c for c in pred.token.children if c.dep_ in ("dobj", "nsubjpass")):
        for t in patient_token.subtree:
            target = refs.find(n, t.lemma_.lower())
            if target is not None:
                pred.timing.after.add(target)
                return


class Referents:
    """The events a noun can refer to, indexed once per article (after dating, when what
    makes an event a referent no longer changes), so each lookup costs a few steps
    however long the article; whether a candidate is dropped is asked at lookup time,
    since the filters drop events as they go."""

    def __init__(self, preds: list[Predicate]) -> None:
        self.preds = preds
        self.by_lemma: dict[str, list[int]] = {}  # dated event nouns, by lemma
        self.by_type: dict[str, list[int]] = {}  # events of each type
        for j, other in enumerate(preds):
            if other.timing.deadline:
                continue
            self.by_type.setdefault(other.type, []).append(j)
            if other.nominal and other.timing.timex is not None:
                self.by_lemma.setdefault(other.token.lemma_.lower(), []).append(j)

    def find(self, n: int, lemma: str, by_type: bool = True) -> int | None:
        """The event a noun in event ``n`` refers to: the nearest earlier dated event noun
        of that lemma (else the nearest later one), else the nearest earlier event of the
        noun's type ("after the verdict": the ruling)."""
        told = self.by_lemma.get(lemma, [])
        cut = bisect.bisect_left(told, n)
        for j in (*reversed(told[:cut]), *(j for j in told[cut:] if j != n)):
            if self.preds[j].dropped in ("", "reference to an event"):
                return j
        if not by_type:
            return None
        best: int | None = None
        for kind in {e.type for e in candidates(lemma, "noun")}:
            of_kind = self.by_type.get(kind, [])
            for j in reversed(of_kind[: bisect.bisect_left(of_kind, n)]):
                if best is not None and j <= best:
                    break
                if not self.preds[j].dropped:
                    best = j
                    break
        return best


def referents(doc: Document) -> Referents:
    """The document's :class:`Referents`, built once its events are dated."""
    cached = doc._referents
    if cached is None or len(cached.preds) != len(doc.predicates):
        cached = doc._referents = Referents(doc.predicates)
    return cached


def _reaches(timings: list[Timing], start: int, goal: int) -> bool:
    stack, seen = [start], set()
    while stack:
        node = stack.pop()
        if node == goal:
            return True
        if node not in seen:
            seen.add(node)
            stack.extend(timings[node].after)
    return False


def propagate(preds: list[Predicate]) -> None:
    """Narrow bounds along 'after' links; links that contradict the dates are dropped."""
    timings = [p.timing for p in preds]
    for n, timing in enumerate(timings):
        links, timing.after = timing.after, set()
        for a in sorted(links):
            if a == n or preds[a].dropped or _reaches(timings, a, n):
                continue
            first, then = timings[a].earliest, timing.latest
            if first is None or then is None or first <= then:
                timing.after.add(a)
    for _ in range(len(timings)):
        if not _narrow(timings):
            break
    for timing in timings:
        if timing.not_before and timing.not_after and timing.not_before > timing.not_after:
            timing.not_before = None


def _narrow(timings: list[Timing]) -> bool:
    changed = False
    for timing in timings:
        if timing.date is not None:
            continue
        lows = [timings[a].earliest for a in timing.after if timings[a].earliest]
        low = max(lows) if lows else None
        if low and (timing.not_before is None or low > timing.not_before):
            timing.not_before, changed = low, True
    for timing in timings:
        for a in timing.after:
            before, high = timings[a], timing.latest
            if before.date is None and high and (not before.not_after or high < before.not_after):
                before.not_after, changed = high, True
    return changed
