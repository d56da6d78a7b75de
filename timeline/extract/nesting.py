"""Events inside events: which of two predicates that tell one event stays.

- "won the runoff on Sunday", "postponed the vote": an event noun of the same kind
  that is the object of an event verb is that verb's object, not an event of its own;
- "announced his resignation": a statement whose object is an event noun only
  carries that event;
- "voted to dissolve itself": the event is what the vote carries out;
- "23 protesters killed in clashes", "won most seats in the election": the occasion
  of an act of the same kind is that act;
- "73 soldiers were killed when two helicopters crashed": a clause of the moment of the
  same kind tells the same incident;
- "the rig that exploded on April 20, killing 11 workers": a closing participle of the
  same kind tells the event nearest before it, wherever the parser hung it.

The predicate that gives way is dropped and names its ``host``, which takes the
dates that hang on it.
"""

from __future__ import annotations

from timeline.extract.document import Document, Predicate
from timeline.extract.lexicon import cues

_OBJECTS = ("dobj", "nsubjpass", "attr", "oprd")
_KINDRED = {"violence", "protest"}


def nest(doc: Document) -> None:
    by_token = {(p.sentence.index, p.token.i): p for p in doc.predicates}
    for pred in doc.predicates:
        head = by_token.get((pred.sentence.index, pred.token.head.i))
        if head is None or head is pred or pred.dropped or head.dropped:
            continue
        if pred.nominal and not head.nominal and pred.token.dep_ in _OBJECTS:
            if head.type == "statement" and head.entry.key in cues()["announcing_verbs"]:
                _give_way(head, pred, "statement of an event")
            elif head.type == pred.type:
                _give_way(pred, head, "object of another event")
        elif _occasion(pred, head, by_token):
            _give_way(pred, by_token[(pred.sentence.index, pred.token.head.head.i)], "occasion")
        elif _elaboration(pred, head):
            _give_way(pred, head, "elaboration of another event")
        elif _circumstance(pred, head):
            _give_way(pred, head, "circumstance of another event")
        elif (
            pred.token.dep_ in ("xcomp", "advcl")
            and not head.nominal
            and head.token.lemma_.lower() in cues()["carrying_verbs"]
        ):
            _give_way(head, pred, "carried out by another event")
    by_sentence: dict[int, list[Predicate]] = {}
    for pred in doc.predicates:
        by_sentence.setdefault(pred.sentence.index, []).append(pred)
    for pred in doc.predicates:
        host = _participle_host(pred, by_sentence[pred.sentence.index])
        if host is not None:
            _give_way(pred, host, "elaboration of another event")
    for pred in doc.predicates:
        head_token = pred.token.head
        if pred.nominal and pred.token.dep_ == "pobj" and not pred.dropped:
            for above in (head_token.head, head_token.head.head):  # "won seats in the election"
                host = by_token.get((pred.sentence.index, above.i))
                if host is not None and host is not pred and _occasion(pred, host, by_token):
                    _give_way(pred, host, "occasion")
                    break


def _elaboration(pred: Predicate, head: Predicate) -> bool:
    """'won the runoff, defeating Kast', 'convicted X and sentenced him': one act told twice."""
    token = pred.token
    if pred.nominal or head.nominal or pred.type != head.type:
        return False
    if token.dep_ in ("advcl", "conj") and token.tag_ == "VBG":
        return True
    same = {p.name or p.text for p in pred.patients} & {p.name or p.text for p in head.patients}
    counts = all(p.kind == "group" or p.head.replace(",", "").isdigit() for p in pred.patients)
    same_agents = {p.text for p in pred.agents} == {p.text for p in head.agents}
    casualties = pred.type == "violence" and counts and same_agents
    return token.dep_ == "conj" and (bool(same) or casualties)


def _participle_host(pred: Predicate, mates: list[Predicate]) -> Predicate | None:
    """', killing 11 workers' after 'the rig exploded': the nearest event verb of the same
    kind before a closing participle (the parser often hangs it on the main verb), among
    the predicates of its sentence (``mates``)."""
    token = pred.token
    if pred.dropped or pred.nominal or token.tag_ != "VBG" or token.dep_ not in ("advcl", "conj"):
        return None
    if token.i == 0 or token.doc[token.i - 1].text != ",":
        return None
    before = [
        p
        for p in mates
        if p is not pred
        and not p.nominal
        and not p.dropped
        and p.type == pred.type
        and p.token.i < token.i
    ]
    return max(before, key=lambda p: p.token.i, default=None)


def _circumstance(pred: Predicate, head: Predicate) -> bool:
    """'73 soldiers were killed when two helicopters crashed', 'drowned when their boat
    sank': a clause of the moment that tells an act of the same kind tells one incident."""
    token = pred.token
    if pred.nominal or head.nominal or token.dep_ != "advcl":
        return False
    kindred = pred.type == head.type or (pred.type in _KINDRED and head.type in _KINDRED)
    people = [{p.text for p in e.agents + e.patients if p.kind != "thing"} for e in (pred, head)]
    if all(people) and not people[0] & people[1]:
        # "police killed rioters as protesters set fire to buildings", "Isaev was elected
        # speaker, while Japarov became prime minister": two acts
        return False
    marks = cues()["moment_marks"]
    return kindred and any(
        c.dep_ in ("advmod", "mark") and c.lower_ in marks for c in token.children
    )


def _occasion(pred: Predicate, host: Predicate, by_token: dict) -> bool:
    token = pred.token
    if not pred.nominal or token.dep_ != "pobj" or host.nominal:
        return False
    preposition = token.head
    return (
        preposition.lower_ in cues()["occasion_prepositions"]
        and (preposition.head == host.token or preposition.head.head == host.token)
        and (pred.type == host.type or (pred.type in _KINDRED and host.type in _KINDRED))
    )


def _give_way(loser: Predicate, winner: Predicate, reason: str) -> None:
    loser.dropped = reason
    loser.host = winner
