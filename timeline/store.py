"""Reading and writing events.yaml without damaging it.

Round-trip through ruamel.yaml so comments, key order and quoting survive.
Writes go to a temporary file in the same folder, are fsynced and renamed over
the original, under a lock so two writers cannot interleave. Saving a document
whose data did not change leaves the file byte-identical.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.representer import RoundTripRepresenter

from timeline.exceptions import LockTimeout, Problem, SaveError, ValidationError

log = logging.getLogger(__name__)

LOCK_TIMEOUT = 30.0


@dataclass
class Document:
    """An events.yaml as loaded: the round-trip data plus what saving needs."""

    path: Path
    display: str
    data: Any
    text: str
    style: tuple[int, int, int] = (2, 2, 0)  # mapping indent, sequence indent, dash offset
    baseline: str = ""
    editable: bool = True
    located: bool = True  # False: a large read-only file parsed without positions

    def dump(self) -> str:
        if not self.editable:
            raise SaveError(f"{self.display}: loaded read-only; load it editable to save")
        return dump_yaml(self.data, self.style)

    @property
    def changed(self) -> bool:
        return self.dump() != self.baseline


class _Constructor(RoundTripConstructor):
    """Keeps an impossible date such as 2020-02-30 as text, so the validator can locate it."""

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            return self.construct_scalar(node)


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)


class _Representer(RoundTripRepresenter):
    """Double-quotes text holding NEL (U+0085), which ruamel would fold to a space otherwise."""

    def represent_str(self, data: str) -> Any:
        if "\x85" in data:
            return self.represent_scalar("tag:yaml.org,2002:str", data, style='"')
        return super().represent_str(data)


_Representer.add_representer(str, _Representer.represent_str)


def make_yaml(style: tuple[int, int, int] = (2, 2, 0)) -> YAML:
    mapping, sequence, offset = style
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.Representer = _Representer
    yaml.preserve_quotes = True
    # Keep `[{source: x}]` as written; ruamel would shorten it to `[source: x]`.
    yaml.brace_single_entry_mapping_in_flow_sequence = True
    yaml.width = 100
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def dump_yaml(data: Any, style: tuple[int, int, int] = (2, 2, 0)) -> str:
    stream = io.StringIO()
    make_yaml(style).dump(data, stream)
    return stream.getvalue()


def guess_style(text: str) -> tuple[int, int, int]:
    """The file's own indentation: (mapping indent, sequence indent, dash offset).

    Saving with the user's style means a changed file differs only where its
    data changed.
    """
    mapping = sequence = offset = None
    parent: int | None = None  # indentation of the last line that was a bare "key:"
    for line in text.splitlines():
        body = line.strip()
        if not body or body.startswith("#"):
            continue
        lead = len(line) - len(line.lstrip(" "))
        if parent is not None and lead >= parent:
            if body.startswith("- ") and sequence is None:
                offset = lead - parent
                after_dash = len(body) - len(body[1:].lstrip(" "))
                sequence = offset + after_dash
            elif lead > parent and not body.startswith("-") and mapping is None:
                mapping = lead - parent
        parent = lead if body.endswith(":") and not body.startswith("- ") else None
        if mapping is not None and sequence is not None:
            break
    mapping = mapping or 2
    if sequence is None:
        sequence, offset = mapping, 0
    return mapping, max(sequence, (offset or 0) + 2), offset or 0


def decode(raw: bytes, display: str) -> str:
    """Decode UTF-8 (a BOM is allowed) or raise a located problem."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        raise ValidationError(
            [
                Problem(
                    display,
                    line,
                    column,
                    f"the file is not UTF-8 text (byte 0x{raw[err.start]:02x} "
                    f"at offset {err.start})",
                    hint="save the file as UTF-8 in your editor",
                )
            ]
        ) from None
    return text


def parse_text(
    text: str, display: str, *, editable: bool = True, positions: bool = False
) -> Document:
    """Parse YAML text into a :class:`Document`, keeping the parser's location on error.

    ``editable`` documents are loaded round-trip (ruamel), so they can be saved
    with comments intact; read-only ones through libyaml, forty times faster.
    """
    if not text.strip():
        raise ValidationError(
            [
                Problem(
                    display,
                    1,
                    1,
                    "the file is empty",
                    hint="start with 'title:' and 'events:', or run 'timeline init'",
                )
            ]
        )
    style = guess_style(text)
    try:
        located = True
        if editable:
            data = make_yaml(style).load(text)
        else:
            from timeline.yamlread import LARGE, load_located, load_plain

            data = load_plain(text) if len(text) > LARGE and not positions else None
            located = data is None
            if located:
                data = load_located(text)
    except (MarkedYAMLError, _pyyaml_errors()[0]) as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(str(part) for part in (err.context, err.problem) if part)
        raise ValidationError(
            [
                Problem(
                    display,
                    line,
                    column,
                    f"YAML syntax error: {message}",
                    hint=_yaml_hint(err, text),
                )
            ]
        ) from None
    except (YAMLError, _pyyaml_errors()[1]) as err:
        raise ValidationError([Problem(display, 1, 1, f"YAML syntax error: {err}")]) from None
    doc = Document(path=Path(display), display=display, data=data, text=text, style=style)
    doc.editable = editable
    doc.located = located
    doc.baseline = doc.dump() if editable else text
    return doc


def _pyyaml_errors() -> tuple[type[Exception], type[Exception]]:
    import yaml

    return yaml.MarkedYAMLError, yaml.YAMLError


def _yaml_hint(err: Any, text: str) -> str | None:
    problem = str(err.problem or "")
    mark = err.problem_mark
    at_tab = mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t"
    if at_tab or "found character '\\t'" in problem:
        return "YAML does not allow tabs for indentation; use spaces"
    if "duplicate key" in problem:
        return "each key may appear once in a mapping"
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be quoted"
    return None


def load_document(
    path: str | os.PathLike[str], display: str | None = None, *, editable: bool = True
) -> Document:
    """Read and parse events.yaml; raise :class:`ValidationError` with a location if unreadable."""
    file = Path(path)
    display = display or str(path)
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        raise ValidationError(
            [Problem(display, 1, 1, "no such file", hint="run 'timeline init' to create one")]
        ) from None
    except IsADirectoryError:
        raise ValidationError([Problem(display, 1, 1, "is a folder, not a file")]) from None
    except OSError as err:
        raise ValidationError([Problem(display, 1, 1, f"cannot read: {err.strerror}")]) from None
    doc = parse_text(decode(raw, display), display, editable=editable)
    doc.path = file
    return doc


def lock_for(path: Path) -> FileLock:
    return FileLock(str(path.with_name(f".{path.name}.lock")), timeout=LOCK_TIMEOUT)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the writer's lock on ``path`` (a hidden ``.NAME.lock`` beside it)."""
    lock = lock_for(path)
    try:
        with lock:
            yield
    except Timeout:
        raise LockTimeout(
            f"{path}: another timeline command is writing this file "
            f"(lock {lock.lock_file} held for {LOCK_TIMEOUT:.0f} s)"
        ) from None


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file, fsync and rename."""
    folder = path.parent if str(path.parent) else Path(".")
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise SaveError(f"{path}: could not write ({err.strerror}); the file is unchanged") from err
    with contextlib.suppress(OSError):  # make the rename durable where the OS allows
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def save_document(doc: Document, *, lock: bool = True) -> bool:
    """Save ``doc`` back to its path. Returns False (and writes nothing) when unchanged."""
    text = doc.dump()
    if text == doc.baseline:
        log.debug("%s unchanged; not written", doc.display)
        return False
    if lock:
        with locked(doc.path):
            atomic_write(doc.path, text)
    else:
        atomic_write(doc.path, text)
    doc.baseline = text
    doc.text = text
    log.info("wrote %s", doc.display)
    return True


@contextlib.contextmanager
def edit_document(path: str | os.PathLike[str], display: str | None = None) -> Iterator[Document]:
    """Lock, load, let the caller change ``doc.data``, then save if anything changed.

    The lock is held across read and write, so concurrent editors cannot lose
    each other's changes. If the body raises, nothing is written.
    """
    file = Path(path)
    with locked(file):
        doc = load_document(file, display)
        yield doc
        save_document(doc, lock=False)
