"""The one document object that every extraction stage reads and adds to.

A :class:`Document` starts as an article's text. The stages of
:mod:`timeline.extract.stages` then add, in order: the body's sentences and
paragraphs, the tagger's dates (TIMEX3), the spaCy parse of the sentences that
can hold an event (tokens with lemma, part of speech, head and dependency label,
and named entities), the event predicates with their parties, the filters'
verdicts, the dates and order of the events, and their titles. No stage re-splits
or re-parses what an earlier one made.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from timeline.extract.lexicon import Entry
    from timeline.extract.sources import Article
    from timeline.temporal import Timex


@dataclass
class Sentence:
    """One sentence of the body: its span in the article text and, if parsed, its parse."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int  # 0 for the body's first paragraph
    timexes: list[Timex] = field(default_factory=list)  # the dates inside it
    entry: Timex | None = None  # a live blog's entry time in front of it ("09:40 - ")
    parse: Any = None  # a spaCy Doc of ``text`` when the sentence may hold an event

    def token_at(self, offset: int) -> Any:
        """The parsed token covering the article offset, or None."""
        if self.parse is None:
            return None
        local = offset - self.start
        for token in self.parse:
            if token.idx <= local < token.idx + len(token.text):
                return token
        return None


@dataclass
class Party:
    """Someone or something taking part: the agent or patient of an event."""

    text: str  # as a title shows it: "the government headquarters", "Boronov"
    head: str  # the head lemma: "headquarters", "Boronov"
    kind: str  # person, org, place, group, thing
    name: str | None = None  # the full name, for named entities
    plural: bool = False
    role: str = ""  # a title or office named with it: "prime minister"
    owner: str = ""  # a named owner of an unnamed party: "Gonzalez" in "Gonzalez's father"


@dataclass
class Timing:
    """When an event happened: a date (EDTF) or bounds, and what it follows."""

    date: str | None = None
    not_before: dt.date | None = None
    not_after: dt.date | None = None
    after: set[int] = field(default_factory=set)  # indexes of events this one follows
    deadline: bool = False
    yearless: bool = False  # "on June 15": the tagger chose the year, the story may not
    timex: Timex | None = None  # the date that dates it, when one does

    @property
    def earliest(self) -> dt.date | None:
        from timeline.dates import parse_edtf

        return parse_edtf(self.date).earliest if self.date else self.not_before

    @property
    def latest(self) -> dt.date | None:
        from timeline.dates import parse_edtf

        return parse_edtf(self.date).latest if self.date else self.not_after


@dataclass
class Predicate:
    """One event mention: a lexicon word in a parsed sentence, with its parties."""

    sentence: Sentence
    token: Any  # the spaCy token of the predicate word
    entry: Entry
    anchor: Any  # the token its clause hangs on (a support verb for "saw clashes")
    voice: str  # active, passive or nominal
    agents: list[Party] = field(default_factory=list)
    patients: list[Party] = field(default_factory=list)
    slots: dict[str, str] = field(default_factory=dict)  # role, place and other title words
    others: list[Party] = field(default_factory=list)  # named in a slot: "met with X"
    places: list[str] = field(default_factory=list)
    tense: str = "other"  # past, back (past perfect), perfect (present perfect), future, other
    dropped: str = ""  # the name of the filter that dropped it
    host: Predicate | None = None  # the event that carries this one's date when it is dropped
    timing: Timing = field(default_factory=Timing)
    title: str = ""

    @property
    def type(self) -> str:
        return self.entry.type

    @property
    def start(self) -> int:
        return self.sentence.start + self.token.idx

    @property
    def end(self) -> int:
        return self.start + len(self.token.text)

    @property
    def nominal(self) -> bool:
        return self.voice == "nominal"


@dataclass
class Document:
    """An article on its way through the extraction stages."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    predicates: list[Predicate] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # short name -> fullest name
    _numbers: dict[int, int] = field(default_factory=dict, repr=False)
    _by_sentence: dict[int, list[Predicate]] = field(default_factory=dict, repr=False)
    _referents: Any = field(default=None, repr=False)

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def published(self) -> dt.date:
        return self.article.published

    def in_sentence(self, sentence: Sentence) -> list[Predicate]:
        """The predicates of one sentence (indexed once, as stages only append)."""
        if sum(len(v) for v in self._by_sentence.values()) != len(self.predicates):
            self._by_sentence = {}
            for p in self.predicates:
                self._by_sentence.setdefault(id(p.sentence), []).append(p)
        return self._by_sentence.get(id(sentence), [])

    def number(self, pred: Predicate) -> int:
        """The predicate's place in :attr:`predicates` (which stages only append to), by
        identity and in constant time: ``list.index`` compared whole dataclasses."""
        if len(self._numbers) != len(self.predicates):
            self._numbers = {id(p): n for n, p in enumerate(self.predicates)}
        return self._numbers[id(pred)]

    @property
    def events(self) -> list[Predicate]:
        """The predicates no filter dropped, in text order."""
        return [p for p in self.predicates if not p.dropped]
