"""Reading the research corpora we measure on: Timeline17 topics and TimeML files.

Timeline17 (as news-tls lays it out) keeps each topic in a folder with
``articles.jsonl`` (``{"id", "source", "time", "text"}``, the text tokenised in
the Penn Treebank style: ``Cairo 's``, ``-LRB- CNN -RRB-``, ````` ``word '' `````)
and ``timelines.jsonl`` (``{"name", "timeline": [[day, [sentence, ...]], ...]}``).
:func:`detokenize` turns the tokenised text back into ordinary prose, one line
per sentence, so the extractor reads it as it would read a page.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

_BRACKETS = {
    "-LRB-": "(",
    "-RRB-": ")",
    "-LSB-": "[",
    "-RSB-": "]",
    "-LCB-": "{",
    "-RCB-": "}",
}
_BRACKET = re.compile("|".join(re.escape(b) for b in _BRACKETS))
# Attach to the word before: punctuation, clitics, closing brackets and quotes.
_BEFORE = re.compile(
    r" (?=[.,;:!?%)\]}]|'s\b|'S\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b|'(?=\s|$)|\"(?=\s|$))"
)
_AFTER_OPENING = re.compile(r"([(\[{$]) ")
_OPEN_QUOTE = re.compile(r"(^|\s)`` ")
_CLOSE_QUOTE = re.compile(r" ''(?=\s|$|[.,;:!?)])")
_ESCAPED = re.compile(r"\\([/*])")
_SPACES = re.compile(r"[ \t]+")


def detokenize(text: str) -> str:
    """Penn Treebank tokens back to prose: ``Cairo 's`` -> ``Cairo's``, ``-LRB-`` -> ``(``.

    Line breaks (one sentence a line in Timeline17) are kept.

    >>> detokenize("Cairo 's protests -LRB- CNN -RRB- , he said `` no '' .")
    'Cairo\\'s protests (CNN), he said "no".'
    """
    lines = []
    for line in text.split("\n"):
        line = _ESCAPED.sub(r"\1", line)
        line = _BRACKET.sub(lambda m: _BRACKETS[m.group()], line)
        line = _OPEN_QUOTE.sub(r'\1"', line)
        line = _CLOSE_QUOTE.sub('"', line)
        line = _BEFORE.sub("", line)
        line = _AFTER_OPENING.sub(r"\1", line)
        line = _SPACES.sub(" ", line).strip()
        lines.append(line)
    return "\n".join(lines)


@dataclass(frozen=True)
class CorpusArticle:
    """One article of a corpus, as plain text with its publication day."""

    id: str
    source: str
    published: dt.date
    text: str


@dataclass(frozen=True)
class GoldTimeline:
    """A journalist's timeline: its days and, per day, the sentences written for it."""

    name: str
    days: dict[dt.date, list[str]]


def t17_articles(topic: Path) -> Iterator[CorpusArticle]:
    """The articles of one Timeline17 topic folder, detokenised, in file order."""
    with (topic / "articles.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            raw = json.loads(line)
            yield CorpusArticle(
                id=str(raw["id"]),
                source=str(raw.get("source", "")),
                published=dt.date.fromisoformat(str(raw["time"])[:10]),
                text=detokenize(str(raw["text"])),
            )


def t17_timelines(topic: Path) -> list[GoldTimeline]:
    """The journalists' timelines of one Timeline17 topic folder."""
    out = []
    with (topic / "timelines.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            raw = json.loads(line)
            days: dict[dt.date, list[str]] = {}
            for day, sentences in raw["timeline"]:
                key = dt.date.fromisoformat(str(day)[:10])
                days.setdefault(key, []).extend(detokenize(s) for s in sentences)
            out.append(GoldTimeline(name=str(raw.get("name", topic.name)), days=days))
    return out


_DCT = re.compile(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", re.S)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_TAG = re.compile(r"<[^>]+>")


def timeml_article(path: Path) -> CorpusArticle:
    """A TimeML file's text (every tag stripped) and its document creation day."""
    raw = path.read_text(encoding="utf-8")
    dct = _DCT.search(raw)
    body = _TEXT.search(raw)
    if dct is None or body is None:
        raise ValueError(f"{path.name}: no <DCT> or <TEXT>")
    return CorpusArticle(
        id=path.name,
        source=path.parent.name,
        published=dt.date.fromisoformat(dct.group(1)),
        text=_TAG.sub("", body.group(1)).strip(),
    )
