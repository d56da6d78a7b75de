"""Re-read events.yaml fast while it is being edited: parse only the events that changed.

ruamel.yaml is pure Python: a 1,000-event file takes over a second to parse,
far beyond a live-reload budget. But an edit usually touches one event. This
loader cuts the top-level ``events:`` block into one chunk per list item,
parses each chunk on its own (keeping its indentation, so the YAML is the
same), caches the result by the chunk's text and shifts the cached line
numbers to where the chunk now sits. Validation then sees a document with the
same data and the same locations as a full parse.

Anything it does not recognise (flow-style events, anchors, several documents,
tabs) falls back to :func:`timeline.store.load_document`, so the result is
always right, only sometimes slower.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from timeline.exceptions import ValidationError
from timeline.store import Document, decode, guess_style, load_document, parse_text

log = logging.getLogger(__name__)

_UNSUPPORTED = re.compile(r"^(---|\.\.\.|%)|\t|(^|[\s\[{,:-])[&*!]\S", re.MULTILINE)


class InputChanged(Exception):
    """The file changed while it was read (an editor is still writing it); read it again."""


class _Unsupported(Exception):
    """The file is laid out in a way the chunked reading does not handle."""


@dataclass
class _Cached:
    node: CommentedMap
    line: int  # the 0-based line the node's positions currently refer to


class IncrementalLoader:
    """Loads one events.yaml again and again, re-parsing only changed parts."""

    def __init__(self, path: str | Path, display: str | None = None):
        self.path = Path(path)
        self.display = display or str(path)
        self._chunks: dict[str, _Cached] = {}
        self._head: tuple[str, CommentedMap] | None = None
        self.parsed_last = 0  # chunks parsed by the last load (for logs and tests)

    def load(self) -> Document:
        """The document as a full :func:`load_document` would return it (without a baseline).

        Raises :class:`InputChanged` when a read that fails to parse was of a file still
        being written, so that no error is shown for a state the user never saved.
        """
        try:
            raw = self.path.read_bytes()
        except OSError:
            return load_document(self.path, self.display)  # raises the located message
        text = decode(raw, self.display)
        split = _split(text)
        settled = False
        if split is not None:
            try:
                data = self._assemble(*split)
            except (_Unsupported, ValidationError):
                # A part did not parse on its own. Often the file was read half-written;
                # else the cut fell inside a quoted text that runs over several lines, and
                # which error comes first depends on the whole file: only a full parse
                # gives the true answer and location.
                self._settle(raw)
                settled = True
                log.debug("%s: a part did not parse alone; full parse", self.display)
            else:
                style = guess_style(text)
                return Document(self.path, self.display, data, text, style=style)
        try:
            return self._full(text)
        except ValidationError:
            if not settled:
                self._settle(raw)
            raise

    def _settle(self, raw: bytes) -> None:
        """Raise :class:`InputChanged` if the file changes within a moment of being read."""
        time.sleep(SETTLE)
        try:
            changed = self.path.read_bytes() != raw
        except OSError:
            changed = True
        if changed:
            raise InputChanged(self.display)

    def _full(self, text: str) -> Document:
        """A full parse; the cache is kept, so fixing an error costs one event again."""
        self.parsed_last = -1
        doc = parse_text(text, self.display)
        doc.path = self.path
        return doc

    def _assemble(self, head_text: str, chunks: list[tuple[int, str]]) -> CommentedMap:
        data = self._parse_head(head_text)
        if not isinstance(data, CommentedMap) or "events" not in data:
            raise _Unsupported
        events = CommentedSeq()
        events.lc.data = {}
        used: set[int] = set()
        fresh: dict[str, _Cached] = {}
        self.parsed_last = 0
        for index, (line, chunk) in enumerate(chunks):
            node = self._parse_chunk(chunk, line, used, fresh)
            events.append(node)
            events.lc.data[index] = [node.lc.line, node.lc.col]
        self._chunks = fresh  # forget chunks that are gone
        first_line, first_chunk = chunks[0]
        events.lc.line = first_line
        events.lc.col = len(first_chunk) - len(first_chunk.lstrip(" "))
        spot = data.lc.data.get("events")
        if spot is not None:
            data.lc.data["events"] = [spot[0], spot[1], first_line, events.lc.col]
        data["events"] = events
        return data

    def _parse_head(self, head_text: str) -> CommentedMap:
        if self._head is not None and self._head[0] == head_text:
            return self._head[1]
        data = parse_text(head_text, self.display).data
        self._head = (head_text, data)
        return data

    def _parse_chunk(
        self, chunk: str, line: int, used: set[int], fresh: dict[str, _Cached]
    ) -> CommentedMap:
        cached = self._chunks.get(chunk)
        if cached is None or id(cached.node) in used:
            cached = _Cached(self._parse_alone(chunk, line), line)
            self.parsed_last += 1
        elif cached.line != line:
            _shift(cached.node, line - cached.line)
            cached.line = line
        used.add(id(cached.node))
        fresh.setdefault(chunk, cached)
        return cached.node

    def _parse_alone(self, chunk: str, line: int) -> Any:
        items = parse_text(chunk, self.display).data  # a ValidationError means: full parse
        if not isinstance(items, CommentedSeq) or len(items) != 1:
            raise _Unsupported
        node = items[0]
        if not isinstance(node, CommentedMap):
            raise _Unsupported
        _shift(node, line)
        return node


_EVENTS_KEY_LINE = re.compile(r"^events:[ \t]*(?:#.*)?$", re.MULTILINE)
_TOP_LEVEL_LINE = re.compile(r"^[^\s#-]", re.MULTILINE)
_ITEM_LINE = re.compile(r"^( *)-(?: |$)", re.MULTILINE)
_CONTENT_LINE = re.compile(r"^( *)[^ \n#]", re.MULTILINE)
SETTLE = 0.05  # seconds to wait before believing a file that does not parse
_SUSPECT = ("\t", "&", "*", "!", "---", "...", "%", "\r")


def _split(text: str) -> tuple[str, list[tuple[int, str]]] | None:
    """The text with the events block blanked out, and each event's (first line, text).

    None when the layout is not a plain block list of events under a top-level
    ``events:`` (then the caller parses the whole file).
    """
    if any(mark in text for mark in _SUSPECT) and _UNSUPPORTED.search(text):
        return None
    keys = _EVENTS_KEY_LINE.findall(text)
    if len(keys) != 1:
        return None
    key = _EVENTS_KEY_LINE.search(text)
    assert key is not None
    start = key.end() + 1
    top = _TOP_LEVEL_LINE.search(text, start)
    end = top.start() if top else len(text)
    block = text[start:end]
    first = _CONTENT_LINE.search(block)
    item = _ITEM_LINE.match(block, first.start()) if first else None
    if item is None:
        return None  # something other than a list item comes first
    indent = len(item.group(1))
    # Only items may sit at the list's own indentation, and nothing left of it.
    if re.search(rf"^ {{0,{indent}}}(?:[^ \n#-]|-[^ \n])", block, re.MULTILINE):
        return None
    if indent and re.search(rf"^ {{0,{indent - 1}}}-(?: |$)", block, re.MULTILINE):
        return None
    starts = [m.start() for m in re.finditer(rf"^ {{{indent}}}-(?: |$)", block, re.MULTILINE)]
    line = text.count("\n", 0, start)
    pieces: list[tuple[int, str]] = []
    previous = 0
    for at, stop in zip(starts, [*starts[1:], len(block)], strict=True):
        line += block.count("\n", previous, at)
        previous = at
        pieces.append((line, block[at:stop]))
    head = text[:start] + "\n" * block.count("\n") + text[end:]
    return head, pieces


def _shift(node: Any, delta: int) -> None:
    """Move every recorded position in ``node`` by ``delta`` lines."""
    if delta == 0:
        return
    stack = [node]
    while stack:
        current = stack.pop()
        lc = current.lc
        if lc.line is not None:
            lc.line += delta
        if isinstance(current, CommentedMap):
            for key, spot in lc.data.items():
                lc.data[key] = [spot[0] + delta, spot[1], spot[2] + delta, spot[3]]
            values = current.values()
        else:
            for key, spot in lc.data.items():
                lc.data[key] = [spot[0] + delta, spot[1]]
            values = current
        stack.extend(v for v in values if isinstance(v, (CommentedMap, CommentedSeq)))
