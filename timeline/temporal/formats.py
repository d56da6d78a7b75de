"""Output formats for tagged documents: json, jsonl and inline TimeML (tml)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TextIO
from xml.sax.saxutils import escape, quoteattr

from .model import Timex

FORMATS = ("json", "jsonl", "tml")


@dataclass(frozen=True)
class TaggedDocument:
    """One tagged input: where it came from, its anchor date, its text and expressions."""

    source: str
    published: dt.date
    text: str
    timexes: list[Timex]

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "published": self.published.isoformat(),
            "timexes": [t.to_dict() for t in self.timexes],
        }


def write_json(docs: list[TaggedDocument], out: TextIO) -> None:
    """One JSON object per document; several documents are written as a JSON array."""
    payload: Any = docs[0].to_dict() if len(docs) == 1 else [d.to_dict() for d in docs]
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_jsonl(docs: Iterable[TaggedDocument], out: TextIO) -> None:
    """One line per expression, each carrying its source and publication date."""
    for doc in docs:
        for t in doc.timexes:
            row = {"source": doc.source, "published": doc.published.isoformat(), **t.to_dict()}
            out.write(json.dumps(row, ensure_ascii=False))
            out.write("\n")


def to_tml(doc: TaggedDocument) -> str:
    """The document as TimeML: DCT plus the text with inline, XML-escaped TIMEX3 tags."""
    day = doc.published.isoformat()
    parts = [
        '<?xml version="1.0" ?>\n<TimeML>\n',
        f"<DOCID>{escape(doc.source)}</DOCID>\n",
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{day}" temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{day}</TIMEX3></DCT>\n',
        "<TEXT>",
    ]
    pos = 0
    for n, t in enumerate(doc.timexes, start=1):
        parts.append(escape(doc.text[pos : t.start]))
        attrs = f'tid="t{n}" type={quoteattr(t.type)} value={quoteattr(t.value)}'
        if t.mod:
            attrs += f" mod={quoteattr(t.mod)}"
        parts.append(f"<TIMEX3 {attrs}>{escape(t.text)}</TIMEX3>")
        pos = t.end
    parts.append(escape(doc.text[pos:]))
    parts.append("</TEXT>\n</TimeML>\n")
    return "".join(parts)


def write_tml(docs: Iterable[TaggedDocument], out: TextIO) -> None:
    for doc in docs:
        out.write(to_tml(doc))


def write(docs: list[TaggedDocument], fmt: str, out: TextIO) -> None:
    if fmt == "json":
        write_json(docs, out)
    elif fmt == "jsonl":
        write_jsonl(docs, out)
    elif fmt == "tml":
        write_tml(docs, out)
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
