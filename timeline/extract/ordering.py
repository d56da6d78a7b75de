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
    previous: list[int] = []
    for sentence in doc.sentences:
        here = [n for n, p in enumerate(preds) if p.sentence is sentence and not p.dropped]
        hosted = [n for n, p in enumerate(preds) if p.sentence is sentence and p.host is not None]
        for n in hosted:  # "voted to impeach X after weeks of protests": the impeachment's
            _syntax_links(preds, n, index)
            host = preds.index(preds[n].host)
            preds[host].timing.after |= preds[n].timing.after - {host}
            preds[n].timing.after = set()
        for n in here:
            _syntax_links(preds, n, index)
            _later_links(preds, n, previous)
            _reference_links(preds, n)
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


def _syntax_links(preds: list[Predicate], n: int, index: dict[tuple[int, int], int]) -> None:
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
                _resolved(preds, t) for t in _targets(child, pred.sentence.index, index) if t != n
            ]
            if not targets and child.dep_ == "prep":  # "rallied after the verdict"
                objects = [g for g in child.children if g.dep_ == "pobj"]
                found = referent(preds, n, objects[0].lemma_.lower()) if objects else None
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


def _resolved(preds: list[Predicate], t: int) -> int:
    """A bare event noun ("after the verdict") stands for the event told before it."""
    target = preds[t]
    if target.nominal and target.anchor == target.token and target.timing.timex is None:
        found = referent(preds, t, target.token.lemma_.lower())
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


def _reference_links(preds: list[Predicate], n: int) -> None:
    """'annulled the results of the elections': after the elections told elsewhere."""
    pred = preds[n]
    for patient_token in (c for c in pred.token.children if c.dep_ in ("dobj", "nsubjpass")):
        for t in patient_token.subtree:
            target = referent(preds, n, t.lemma_.lower())
            if target is not None:
                pred.timing.after.add(target)
                return


def referent(preds: list[Predicate], n: int, lemma: str, by_type: bool = True) -> int | None:
    """The event a noun refers to: the nearest earlier dated event noun of that lemma,
    else the nearest earlier event of the noun's type ("after the verdict": the ruling)."""
    order = [*range(n - 1, -1, -1), *range(n + 1, len(preds))]
    for j in order:
        other = preds[j]
        same = other.nominal and other.token.lemma_.lower() == lemma
        told = other.dropped in ("", "reference to an event") and other.timing.timex is not None
        if same and told and not other.timing.deadline:
            return j
    kinds = {e.type for e in candidates(lemma, "noun")} if by_type else set()
    for j in range(n - 1, -1, -1):
        other = preds[j]
        if other.type in kinds and not other.dropped and not other.timing.deadline:
            return j
    return None


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
