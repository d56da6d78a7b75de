"""Page furniture and reader comments in plain text: the spans that are not the article.

The rules are data (``data/boilerplate.yaml``): a line matching a ``lines`` rule is
dropped ("Share this article", sign-up and terms-of-service lines, an edition
prompt); a line matching a ``comments`` rule (a short heading) or starting with a
``comment_stamps`` rule (a comment's time and reply link) starts the reader comments,
which run to the end of the text; a ``stamps`` rule cuts a time stamp out of a line.
A sentence mostly in capitals (``capitals``) is a headline run or a reader shouting.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

import yaml


@functools.lru_cache(maxsize=1)
def rules() -> dict[str, list[dict]]:
    text = resources.files("timeline.extract").joinpath("data/boilerplate.yaml").read_text("utf-8")
    return yaml.safe_load(text)


@functools.lru_cache(maxsize=1)
def _compiled() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    def combine(name: str) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{r['pattern']})" for r in rules()[name]), re.I)

    return combine("lines"), combine("comments"), combine("stamps"), combine("comment_stamps")


def furniture(text: str, start: int = 0) -> list[tuple[int, int]]:
    """The (start, end) spans of ``text[start:]`` that are page furniture or comments."""
    lines, comments, stamps, comment_stamps = _compiled()
    spans = [(m.start(), m.end()) for m in stamps.finditer(text, start)]
    position = start
    for line in text[start:].splitlines(keepends=True):
        content = line.strip()
        begin = position + (len(line) - len(line.lstrip()))
        if content and (
            (comments.match(content) and len(content.split()) <= 8) or comment_stamps.match(content)
        ):
            spans.append((begin, len(text)))
            break
        if content and lines.match(content) and _short(content):
            spans.append((begin, position + len(line.rstrip())))
        position += len(line)
    return sorted(spans)


@functools.lru_cache(maxsize=1)
def _speaker() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{r['pattern']})" for r in rules()["speaker_labels"]))


def speaker_label(sentence: str) -> int:
    """The length of a transcript's speaker label opening ``sentence`` (0 when none)."""
    found = _speaker().match(sentence)
    return found.end() if found else 0


_CAPITALISED = re.compile(r"[A-Za-z][A-Za-z'.-]+")


def shouting(sentence: str) -> bool:
    """Mostly in capitals: a headline run, a heading or a reader shouting, not prose."""
    rule = rules()["capitals"]
    words = _CAPITALISED.findall(sentence)
    upper = sum(1 for w in words if w.isupper())
    return upper >= int(rule["at_least"]) and upper >= float(rule["share"]) * len(words)


def _short(line: str) -> bool:
    """Furniture is a line of its own, not a paragraph that happens to start alike."""
    return len(line.split()) <= 40
