"""Sentences and clauses with character offsets into the article text.

News text is regular enough for a rule-based splitter: a sentence ends at ``.``,
``!`` or ``?`` (plus closing quotes or brackets) followed by white space and a
capital letter, digit or opening quote, unless the word before the full stop is a
known abbreviation or a single initial. A blank line always ends a sentence.
Every span indexes the original text: ``text[s.start:s.end] == s.text``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from timeline.extract.lexicon import words

ABBREVIATIONS = words(
    "mr mrs ms dr prof gen col lt sgt capt cmdr adm gov sen rep st jr sr inc ltd co corp "
    "vs no nos jan feb mar apr jun jul aug sep sept oct nov dec mt ft rev hon pres messrs "
    "u.s u.k u.n e.g i.e a.m p.m etc approx dept univ est fig"
)

_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n[ \t]*\n")
_BLANK = re.compile(r"\n[ \t]*\n\s*")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
# Strong clause boundaries inside a sentence.
_CLAUSE = re.compile(
    r";\s+|:\s+(?=[A-Z])|,\s+(?=(?:while|whereas|but|although|though|as|when|after which)\s)"
    r"|\s+(?=and\s+then\s)"
)


@dataclass(frozen=True)
class Sentence:
    """One sentence: its span, its text and the paragraph it belongs to."""

    start: int
    end: int
    text: str
    paragraph: int


def _is_abbreviation(text: str, dot: int) -> bool:
    match = _WORD_BEFORE.search(text, max(0, dot - 12), dot + 1)
    if not match:
        return False
    word = match.group(1).lower()
    if word in ABBREVIATIONS:
        return True
    # single initials ("J. Smith") and dotted acronyms ("U.S.")
    return (len(word) == 1 and word.isalpha()) or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def split_sentences(text: str, start: int = 0) -> list[Sentence]:
    """Split ``text[start:]`` into sentences; blank lines also separate paragraphs."""
    spans: list[tuple[int, int]] = []
    begin = start
    for match in _END.finditer(text, start):
        is_break = match.group().startswith("\n")
        if not is_break and text[match.start()] == "." and _is_abbreviation(text, match.start()):
            continue
        spans.append((begin, match.start() if is_break else match.end()))
        begin = match.end()
    spans.append((begin, len(text)))
    breaks = [m.start() for m in _BLANK.finditer(text, start)]
    sentences: list[Sentence] = []
    for begin, end in spans:
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        if begin < end:
            paragraph = bisect.bisect_right(breaks, begin)
            sentences.append(Sentence(begin, end, text[begin:end], paragraph))
    return sentences


def split_clauses(sentence: Sentence) -> list[tuple[int, int]]:
    """Absolute (start, end) spans of the sentence's clauses at strong boundaries."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for match in _CLAUSE.finditer(sentence.text):
        if match.start() > begin:
            spans.append((sentence.start + begin, sentence.start + match.start()))
        begin = match.end()
    if begin < len(sentence.text):
        spans.append((sentence.start + begin, sentence.end))
    return spans or [(sentence.start, sentence.end)]


_QUOTE = re.compile(r"\"[^\"]*\"|“[^”]*”|«[^»]*»")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of direct speech: what people said is not narrated fact."""
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
