"""The event type of a short text, by the extractor's own lexicon and parse.

``timeline add`` uses it to guess the type of a title a person typed ("Parliament
passes the new electoral code" is legislation), so one lexicon decides types
everywhere.
"""

from __future__ import annotations

import datetime as dt

from timeline.extract import nlp
from timeline.extract.document import Document
from timeline.extract.lexicon import cues
from timeline.extract.sources import article_from_text


def event_type(text: str) -> str | None:
    """The type of the first event the text names, or None when it names none."""
    from timeline.extract.stages import STAGES

    doc = Document(article_from_text(text, dt.date.today(), name="title"))
    for name, stage in STAGES:
        stage(doc)
        if name == "nesting":
            break
    kept = [p for p in doc.predicates if not p.dropped] or doc.predicates
    verbs = [p for p in kept if not p.nominal]
    chosen = (verbs or kept)[:1]
    if chosen:
        return chosen[0].type
    return "deadline" if _obliged(doc) else None


def _obliged(doc: Document) -> bool:
    """'Parliament must set a date', 'Date to be set by December 20': a deadline."""
    must = set(cues()["obligation_auxiliaries"])
    for sentence in doc.sentences:
        parsed = sentence.parse if sentence.parse is not None else nlp.parse([sentence.text])[0]
        for token in parsed:
            if token.lower_ in must or token.lemma_.lower() == "deadline":
                return True
            infinitive = any(c.tag_ == "TO" for c in token.children)
            if infinitive and any(c.lower_ == "by" for c in token.children):
                return True
    return False
