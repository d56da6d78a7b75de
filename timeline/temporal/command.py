"""Core of ``timeline tag``: read files, find their publication date, tag, write.

The click command in ``timeline/cli.py`` is a thin wrapper around :func:`run_tag`.

Input handling, as documented for the command:

* Files are read as bytes and decoded as strict UTF-8; invalid UTF-8 raises
  :class:`InputError` naming the file and the byte offset of the first bad byte.
  Nothing is normalised: ``\\r\\n`` line endings stay in the text, so offsets are true
  offsets into the decoded text.
* Inputs larger than :data:`MAX_INPUT_BYTES` (32 MiB) are rejected with a clear message
  before they are read into memory; split such files (e.g. one article per file).
* TimeML input (with ``<TEXT>``) is tagged on its stripped text, anchored on its ``<DCT>``.
* Without ``published``, the date comes from the document: a ``date YYYY-MM-DD`` header
  line, a dateline (``BISHKEK, October 21. /TASS/.``) or the TimeML ``<DCT>``; when there is
  none, :class:`timeline.exceptions.NoPublicationDate` is raised.
"""

from __future__ import annotations

import logging
import os
from typing import TextIO

from timeline.exceptions import InputError, NoPublicationDate

from . import formats
from .document import locate, strip_timeml
from .formats import TaggedDocument
from .tagger import as_date, tag
from .timeml import looks_like_timeml

log = logging.getLogger(__name__)

MAX_INPUT_BYTES = 32 * 1024 * 1024


def _read_bytes(source: str, stdin: TextIO) -> bytes:
    if source == "-":
        buffer = getattr(stdin, "buffer", None)
        if buffer is not None:
            data = buffer.read(MAX_INPUT_BYTES + 1)
        else:
            text = stdin.read(MAX_INPUT_BYTES + 1)
            data = text.encode("utf-8", "surrogatepass")
    else:
        try:
            size = os.path.getsize(source)
        except OSError as exc:
            raise InputError(f"{source}: cannot read: {exc.strerror or exc}") from None
        if size > MAX_INPUT_BYTES:
            raise InputError(
                f"{source}: {size:,} bytes is more than the {MAX_INPUT_BYTES:,}-byte limit "
                "of `timeline tag`; split the input into smaller files"
            )
        try:
            with open(source, "rb") as fh:
                data = fh.read(MAX_INPUT_BYTES + 1)
        except OSError as exc:
            raise InputError(f"{source}: cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_INPUT_BYTES:
        name = "standard input" if source == "-" else source
        raise InputError(
            f"{name}: more than the {MAX_INPUT_BYTES:,}-byte limit of `timeline tag`; "
            "split the input into smaller files"
        )
    return data


def read_text(source: str, stdin: TextIO) -> str:
    """The decoded text of a file (or ``-`` for stdin), strict UTF-8, nothing normalised."""
    data = _read_bytes(source, stdin)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        name = "standard input" if source == "-" else source
        raise InputError(
            f"{name}: not valid UTF-8 at byte offset {exc.start} "
            f"(byte 0x{data[exc.start]:02x}); convert the file to UTF-8"
        ) from None


def tag_document(source: str, raw: str, published: str | None) -> TaggedDocument:
    """Tag one decoded document, finding its publication date when none is given."""
    text = raw
    header: tuple[int, int] | None = None
    found_date = None
    if looks_like_timeml(raw):
        text, found_date = strip_timeml(raw)
    else:
        where = locate(text)
        if where is not None:
            found_date = where.date
            if where.source == "header":
                header = where.span
    if published is not None:
        anchor = as_date(published)
    else:
        if found_date is None:
            raise NoPublicationDate(
                f"{source}: no publication date found (no 'date YYYY-MM-DD' header line, "
                "dateline or TimeML <DCT>); give one with --published"
            )
        anchor = found_date
    timexes = tag(text, anchor)
    if header is not None:  # the metadata line itself is not part of the story
        timexes = [t for t in timexes if t.end <= header[0] or t.start >= header[1]]
    log.info("%s: %d expressions, published %s", source, len(timexes), anchor)
    return TaggedDocument(source, anchor, text, timexes)


def run_tag(
    sources: list[str], published: str | None, fmt: str, out: TextIO, stdin: TextIO
) -> None:
    """Tag each source (a path, or ``-`` for stdin) and write them to ``out`` as ``fmt``.

    All inputs are read and tagged before anything is written, so an error in any of them
    leaves ``out`` untouched.
    """
    if fmt not in formats.FORMATS:
        raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(formats.FORMATS)}")
    if not sources:
        raise InputError("no input files given (use - for standard input)")
    docs = [tag_document(src, read_text(src, stdin), published) for src in sources]
    formats.write(docs, fmt, out)
