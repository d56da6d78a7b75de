"""Reading TimeML: plain text with exact offsets, gold TIMEX3 annotations and the DCT."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

__all__ = ["GoldTimex", "TimeMLDocument", "looks_like_timeml", "parse_timeml"]

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9_]*)([^>]*?)(/?)>")
_ATTR = re.compile(r'([A-Za-z_:][A-Za-z0-9_:.-]*)\s*=\s*"([^"]*)"')
_ENTITY = re.compile(r"&(#x[0-9A-Fa-f]+|#[0-9]+|[A-Za-z]+);")
_TEXT_BLOCK = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(r"<DCT>[^<]*(<TIMEX3[^>]*>)", re.S)


@dataclass(frozen=True)
class GoldTimex:
    """A TIMEX3 annotation with offsets into the stripped text."""

    start: int
    end: int
    text: str
    type: str
    value: str
    attrs: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class TimeMLDocument:
    """The stripped TEXT of a TimeML document, its DCT value and gold timexes."""

    text: str
    dct: str | None
    timexes: tuple[GoldTimex, ...]


def looks_like_timeml(text: str) -> bool:
    """Whether ``text`` is a TimeML document (has a ``<TEXT>`` element)."""
    return "<TEXT>" in text and "</TEXT>" in text


def _unescape(chunk: str) -> str:
    if "&" not in chunk:
        return chunk
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), chunk)


def _attrs(raw: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(raw)}


def parse_timeml(source: str) -> TimeMLDocument:
    """Strip every tag inside ``<TEXT>`` and keep TIMEX3 spans as offsets into the result."""
    dct: str | None = None
    m = _DCT.search(source)
    if m:
        dct = _attrs(m.group(1)).get("value")
    block = _TEXT_BLOCK.search(source)
    body = block.group(1) if block else source
    parts: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    golds: list[GoldTimex] = []
    pos = 0
    for tag in _TAG.finditer(body):
        chunk = _unescape(body[pos : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = tag.end()
        closing, name, raw, selfclosing = tag.groups()
        if name != "TIMEX3":
            continue
        if closing:
            if open_timex:
                begin, attrs = open_timex.pop()
                golds.append(
                    GoldTimex(
                        begin,
                        length,
                        "".join(parts)[begin:length],
                        attrs.get("type", ""),
                        attrs.get("value", ""),
                        attrs,
                    )
                )
        elif not selfclosing:
            open_timex.append((length, _attrs(raw)))
    parts.append(_unescape(body[pos:]))
    golds.sort(key=lambda g: (g.start, g.end))
    return TimeMLDocument("".join(parts), dct, tuple(golds))
