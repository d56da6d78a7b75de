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

from timeline.extract.lexicon import word_class

_END = re.compile(r"[.!?]+(?:[\"'”’)\]]|'')*(?=\s+(?:[\"'“‘(\[]|``)?[A-Z0-9])|\n[ \t]*\n")
_LINE_END = re.compile(_END.pattern + r"|\n")
_BLANK = re.compile(r"\n[ \t]*\n\s*")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")


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
    if word in word_class("abbreviations"):
        return True
    # single initials ("J. Smith") and dotted acronyms ("U.S.")
    return (len(word) == 1 and word.isalpha()) or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def split_sentences(text: str, start: int = 0, lines: bool = False) -> list[Sentence]:
    """Split ``text[start:]`` into sentences; blank lines also separate paragraphs.

    With ``lines`` every line break ends a sentence (text laid out a sentence a line).
    """
    spans: list[tuple[int, int]] = []
    begin = start
    for match in (_LINE_END if lines else _END).finditer(text, start):
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
