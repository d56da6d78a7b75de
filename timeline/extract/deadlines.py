"""Deadlines stated without an event word: "The date ... should be set before November 6".

A verb that is no lexicon predicate but is obliged or scheduled ("should", "must",
"is to", "is due to") and carries a future date of at most a month becomes a
``deadline`` event, titled from its parse: "Deadline to set date for rerun of
parliamentary elections", "Deadline for the rebels to disarm". A forecast's horizon
("profits will rise in 1990") is no deadline.
"""

from __future__ import annotations

import re
from typing import Any

from timeline.extract.document import Document, Predicate, Sentence, Timing
from timeline.extract.lexicon import Entry, cues, word_class
from timeline.extract.timing import edtf_of, phrase_head
from timeline.temporal import Timex

_MAX_DAYS = 31
_MAX_WORDS = 10


def find_deadlines(doc: Document) -> None:
    """Add deadline predicates for obliged verbs with a future date."""
    taken = {(p.sentence.index, p.token.i) for p in doc.predicates}
    taken |= {(p.sentence.index, p.anchor.i) for p in doc.predicates}
    for sentence in doc.sentences:
        if sentence.parse is None:
            continue
        for timex in sentence.timexes:
            if not _ahead(timex, doc):
                continue
            verb = _verb(phrase_head(sentence, timex))
            if verb is None or (sentence.index, verb.i) in taken or not _obliged(verb):
                continue
            title = _title(verb)
            if title is None:
                continue
            taken.add((sentence.index, verb.i))
            doc.predicates.append(_deadline(sentence, verb, timex, title))


def _ahead(timex: Timex, doc: Document) -> bool:
    if not timex.earliest or not timex.latest or timex.earliest <= doc.published:
        return False
    if not re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", timex.value[:10]):
        return False  # a deadline is a day or a month
    return (timex.latest - timex.earliest).days <= _MAX_DAYS


def _verb(token: Any) -> Any:
    node = token
    while node is not None and node.pos_ not in ("VERB", "AUX"):
        if node.head == node:
            return None
        node = node.head
    return node


def _obliged(verb: Any) -> bool:
    words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if words & set(cues()["obligation_auxiliaries"]):
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in set(cues()["scheduling_verbs"]):
        return any(c.lower_ == "to" for c in verb.children)
    return any(c.lemma_.lower() == "deadline" for c in verb.subtree)


def _words(token: Any) -> str:
    keep = [
        t
        for t in token.subtree
        if t.dep_ not in ("det", "punct", "relcl", "acl", "appos") and t.pos_ != "DET"
    ]
    return " ".join(t.text for t in keep[:_MAX_WORDS])


def _title(verb: Any) -> str | None:
    subject, node = None, verb
    while subject is None:  # "An investigation ... is due to be published": the clause's subject
        subject = next((c for c in node.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if node.dep_ not in ("xcomp", "acomp") or node.head == node:
            break
        node = node.head
    if subject is None or subject.lower_ in word_class("dummy_subjects"):
        return None
    lemma = verb.lemma_.lower()
    passive = any(c.dep_ == "auxpass" for c in verb.children) or subject.dep_ == "nsubjpass"
    if passive:
        return f"Deadline to {lemma} {_words(subject)}"
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    rest = f" {_words(obj)}" if obj is not None else ""
    return f"Deadline for {_words(subject)} to {lemma}{rest}"


def _deadline(sentence: Sentence, verb: Any, timex: Timex, title: str) -> Predicate:
    entry = Entry(type="deadline", key=verb.lemma_.lower(), pos="verb")
    timing = Timing(date=edtf_of(timex), deadline=True, timex=timex)
    pred = Predicate(sentence, verb, entry, verb, "active", tense="future", timing=timing)
    pred.title = title
    return pred
