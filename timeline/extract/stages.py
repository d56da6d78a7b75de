"""The extraction pipeline: ordered stages over one :class:`Document`.

    segment      page furniture, reader comments and shouting out; sentences and paragraphs
    dates        the temporal tagger's dates, placed in their sentences
    parse        spaCy parses the sentences that can hold an event; names on those
    predicates   lexicon words with their agents, patients and slots
    nesting      one event told by two predicates keeps one ("won the runoff")
    filters      named rules drop what did not happen (negation, modality, ...)
    deadlines    obliged or scheduled verbs with a future date
    dating       each event takes the date its phrase hangs on
    ordering     "after", "following", "later", references to earlier events
    narrative    dates carried along the story; recap floors; the dateline's day
    dated rules  rules that need the date (future without one, bare references)
    titles       an editor's title from the parse

Each stage is a function of the document; :data:`STAGES` lists them by name.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import Any

from timeline.extract import filters, forms, nlp
from timeline.extract.boilerplate import furniture, shouting, speaker_label
from timeline.extract.deadlines import find_deadlines
from timeline.extract.document import Document, Sentence
from timeline.extract.lexicon import candidates, cues, may_hold
from timeline.extract.narrative import (
    bound_by_report,
    bound_by_saying,
    carry_dates,
    inherit_floor,
    lead_day,
)
from timeline.extract.nesting import nest
from timeline.extract.ordering import order_events, propagate
from timeline.extract.predicates import find_predicates
from timeline.extract.sentences import split_sentences
from timeline.extract.sources import Article
from timeline.extract.timing import attach_dates, date_events, usable
from timeline.extract.titles import title_for

Stage = Callable[[Document], None]
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# a live blog's entry: "09:40 - " before the text
_ENTRY_TIME = re.compile(r"\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s?[A-Z]{2,4})?\s*[-–—:]\s+")


def segment(doc: Document) -> None:
    """Sentences of the body without page furniture; a line is a paragraph in line layout."""
    text, body = doc.text, doc.article.body_start
    skip = furniture(text, body)
    by_line = _one_sentence_a_line(text, body)
    first: int | None = None
    counted, lines = body, 0  # non-blank lines that end before ``counted``
    for start, end, paragraph in _pieces(text, body, skip, by_line):
        if by_line:  # a line of its own is a paragraph
            last = text.rfind("\n", counted, start)
            if last >= 0:
                lines += sum(1 for line in text[counted:last].split("\n") if line.strip())
                counted = last + 1
            paragraph = lines
        if first is None:
            first = paragraph
        start += speaker_label(text[start:end])  # "IVAN WATSON, CNN CORRESPONDENT: ..."
        if start >= end or shouting(text[start:end]):
            continue
        doc.sentences.append(
            Sentence(len(doc.sentences), start, end, text[start:end], paragraph - first)
        )


def _pieces(
    text: str, body: int, skip: list[tuple[int, int]], by_line: bool
) -> list[tuple[int, int, int]]:
    """(start, end, paragraph) of each sentence, the furniture cut out of it."""
    out = []
    for sentence in split_sentences(text, body, lines=by_line):
        spans = [(sentence.start, sentence.end)]
        for a, b in skip:
            if a < sentence.end and b > sentence.start:
                spans = [
                    part
                    for s, e in spans
                    for part in ((s, min(e, a)), (max(s, b), e))
                    if part[1] > part[0]
                ]
        for s, e in spans:
            entry = _ENTRY_TIME.match(text, s, e)
            s = entry.end() if entry else s
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e - s > 1:
                out.append((s, e, sentence.paragraph))
    return out


def _one_sentence_a_line(text: str, start: int) -> bool:
    """Text laid out one sentence a line (a corpus, a feed), not wrapped prose."""
    lines = [line.rstrip() for line in text[start:].splitlines() if line.strip()]
    if len(lines) < 4:
        return False
    ended = sum(1 for line in lines if line[-1] in ".!?\"'”’)")
    return ended >= 0.6 * len(lines)


def dates(doc: Document) -> None:
    from timeline.temporal import tag

    doc.timexes = usable(doc, tag(doc.text, doc.published))
    starts = [s.start for s in doc.sentences]
    for timex in doc.timexes:
        at = bisect.bisect_right(starts, timex.start) - 1
        if at >= 0 and timex.start < doc.sentences[at].end:
            doc.sentences[at].timexes.append(timex)
        elif at + 1 < len(doc.sentences):
            following = doc.sentences[at + 1]
            gap = doc.text[timex.end : following.start]
            if "\n" not in gap and len(gap) <= 4:
                following.entry = timex


def parse(doc: Document) -> None:
    """Parse the sentences that may hold an event; recognise names in them."""
    parse_all([doc])


def parse_all(docs: list[Document]) -> None:
    """The parse stage of many documents at once: the parser works best in large batches."""
    chosen = [
        s
        for doc in docs
        for s in doc.sentences
        if may_hold({w.lower() for w in _WORD.findall(s.text)}, _lead(s))
        or any(t.earliest and t.earliest > doc.published for t in s.timexes)
    ]
    for sentence, parsed in zip(chosen, nlp.parse([s.text for s in chosen]), strict=True):
        sentence.parse = _lemmas(parsed)
    nlp.recognise([s.parse for s in chosen if _has_candidate(s.parse)])


def _lemmas(parsed: Any) -> Any:
    """The lexicon's lemmas where the tagger's differ ("staged" is "stage", not "stag")."""
    for token in parsed:
        pos = _PARSED_POS.get(token.pos_)
        if pos is None or pos == "adj":
            continue
        known = forms.known_lemma(token.lower_, pos)
        if known is not None and known != token.lemma_.lower():
            token.lemma_ = known
    return parsed


_PARSED_POS = {"VERB": "verb", "NOUN": "noun", "PROPN": "noun", "ADJ": "adj"}


def _has_candidate(parsed: Any) -> bool:
    """A lexicon head with a fitting part of speech: names matter in this sentence."""
    return any(
        candidates(t.lemma_, _PARSED_POS[t.pos_]) or candidates(t.lemma_, "verb")
        for t in parsed
        if t.pos_ in _PARSED_POS
    )


def _lead(sentence: Sentence) -> bool:
    lead = cues()
    return sentence.paragraph < lead["lead_paragraphs"] and sentence.index < lead["lead_sentences"]


def predicates(doc: Document) -> None:
    find_predicates(doc)


def nesting(doc: Document) -> None:
    nest(doc)


def sentence_filters(doc: Document) -> None:
    filters.apply(doc, filters.RULES)


def deadlines(doc: Document) -> None:
    find_deadlines(doc)


def dating(doc: Document) -> None:
    attach_dates(doc)
    date_events(doc)


def ordering(doc: Document) -> None:
    order_events(doc)


def narrative(doc: Document) -> None:
    carry_dates(doc)
    bound_by_saying(doc)
    bound_by_report(doc)
    propagate(doc.predicates)
    if inherit_floor(doc):
        propagate(doc.predicates)
    lead_day(doc)
    propagate(doc.predicates)


def dated_filters(doc: Document) -> None:
    filters.apply(doc, filters.DATED_RULES)


def titles(doc: Document) -> None:
    for pred in doc.events:
        if not pred.title:
            pred.title = title_for(pred)


STAGES: tuple[tuple[str, Stage], ...] = (
    ("segment", segment),
    ("dates", dates),
    ("parse", parse),
    ("predicates", predicates),
    ("nesting", nesting),
    ("filters", sentence_filters),
    ("deadlines", deadlines),
    ("dating", dating),
    ("ordering", ordering),
    ("dated rules", dated_filters),
    ("narrative", narrative),
    ("titles", titles),
)


def run(article: Article) -> Document:
    """The article through every stage."""
    return run_many([article])[0]


def run_many(articles: list[Article]) -> list[Document]:
    """Articles through every stage, parsed together."""
    docs = [Document(article) for article in articles]
    for name, stage in STAGES:
        if name == "parse":
            parse_all(docs)
            continue
        for doc in docs:
            stage(doc)
    return docs
