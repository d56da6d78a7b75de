"""Reading and writing events.yaml without damaging it.

Round-trip through ruamel.yaml so comments, key order and quoting survive, and
so do the file's line endings (CRLF or LF) and a UTF-8 byte-order mark. Writes
go to a temporary file in the same folder, are fsynced and renamed over the
original, under a lock so two writers cannot interleave. A symlinked file is
written through to its target, a hard-linked one in place, a read-only one not
at all. Saving a document whose data did not change leaves the file
byte-identical.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import re
import stat
import tempfile
import time
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
MAX_FILE_BYTES = 64 * 1024 * 1024  # events.yaml: about 190,000 events of the usual size
LEFTOVER_AGE = 3600.0  # seconds after which an unlocked writer's temporary file is stale


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
    newline: str = "\n"  # the file's line ending; dumps use "\n" and are converted on saving
    bom: bool = False  # the file started with a UTF-8 byte-order mark

    def dump(self) -> str:
        if not self.editable:
            raise SaveError(f"{self.display}: loaded read-only; load it editable to save")
        return dump_yaml(self.data, self.style)

    def file_text(self, text: str) -> str:
        """``text`` (a dump) as the file holds it: its own line endings and byte-order mark."""
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        return ("\ufeff" if self.bom else "") + text

    @property
    def changed(self) -> bool:
        return self.dump() != self.baseline


class _Constructor(RoundTripConstructor):
    """Keeps what is not a real date or number (2020-02-30, '-_', a 5,000-digit number) as
    text, so the validator can locate it; checks the node graph before building anything."""

    def construct_document(self, node: Any) -> Any:
        from timeline.yamlread import check_structure

        check_structure(node)
        return super().construct_document(node)

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            return self.construct_scalar(node)

    def construct_yaml_int(self, node: Any) -> Any:
        from timeline.yamlread import MAX_NUMBER_DIGITS

        if len(str(node.value)) > MAX_NUMBER_DIGITS:
            return self.construct_scalar(node)
        try:
            return super().construct_yaml_int(node)
        except (ValueError, IndexError):
            return self.construct_scalar(node)

    def construct_yaml_float(self, node: Any) -> Any:
        try:
            return super().construct_yaml_float(node)
        except (ValueError, IndexError):
            return self.construct_scalar(node)


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)
_Constructor.add_constructor("tag:yaml.org,2002:int", _Constructor.construct_yaml_int)
_Constructor.add_constructor("tag:yaml.org,2002:float", _Constructor.construct_yaml_float)


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
    from timeline.yamlread import StructureError

    newline = line_ending(text)
    if newline != "\n":
        text = text.replace(newline, "\n")  # YAML reads both alike; saving restores them
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
    except StructureError as err:
        raise ValidationError(
            [Problem(display, err.line + 1, err.column + 1, err.message, hint=err.hint)]
        ) from None
    except RecursionError:
        raise ValidationError([_too_deep(text, display)]) from None
    except (MarkedYAMLError, _pyyaml_errors()[0]) as err:
        if "exceeded maximum nesting depth" in str(err):  # libyaml's own limit (1,000)
            raise ValidationError([_too_deep(text, display)]) from None
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
    doc.newline = newline
    doc.baseline = doc.dump() if editable else text
    return doc


def line_ending(text: str) -> str:
    """CR LF when most lines of ``text`` end so, else LF."""
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"


def _too_deep(text: str, display: str) -> Problem:
    from timeline.yamlread import MAX_DEPTH, locate_depth

    line, column = locate_depth(text) or (0, 0)
    return Problem(
        display,
        line + 1,
        column + 1,
        f"the YAML is nested more than {MAX_DEPTH} levels deep",
        hint="events.yaml needs a handful of levels; flatten this value",
    )


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
    raw = read_bytes(file, display)
    doc = parse_text(decode(raw, display), display, editable=editable)
    doc.path = file
    doc.bom = raw.startswith(b"\xef\xbb\xbf")
    return doc


def read_bytes(file: Path, display: str) -> bytes:
    """The file's bytes, refused with a located problem when unreadable or too large."""
    try:
        with open(file, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            raw = handle.read(MAX_FILE_BYTES + 1) if size <= MAX_FILE_BYTES else b""
    except FileNotFoundError:
        raise ValidationError(
            [Problem(display, 1, 1, "no such file", hint="run 'timeline init' to create one")]
        ) from None
    except IsADirectoryError:
        raise ValidationError([Problem(display, 1, 1, "is a folder, not a file")]) from None
    except OSError as err:
        raise ValidationError([Problem(display, 1, 1, f"cannot read: {err.strerror}")]) from None
    if size > MAX_FILE_BYTES or len(raw) > MAX_FILE_BYTES:
        more = f"{size:,} bytes" if size > MAX_FILE_BYTES else "larger than that"
        raise ValidationError(
            [
                Problem(
                    display,
                    1,
                    1,
                    f"the file is over the limit of {MAX_FILE_BYTES:,} bytes ({more})",
                    hint="split the timeline into several files",
                )
            ]
        )
    return raw


def real_path(path: Path) -> Path:
    """The file a (chain of) symlink(s) points to; the path itself when it is no link."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def lock_for(path: Path) -> FileLock:
    """The lock beside the real file, so two links to one file share one lock."""
    target = real_path(path)
    return FileLock(str(target.with_name(f".{target.name}.lock")), timeout=LOCK_TIMEOUT)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the writer's lock on ``path`` (a hidden ``.NAME.lock`` beside it)."""
    lock = lock_for(path)
    try:
        lock.acquire()
    except Timeout:
        raise LockTimeout(
            f"{path}: another timeline command is writing this file "
            f"(lock {lock.lock_file} held for {LOCK_TIMEOUT:.0f} s)"
        ) from None
    except OSError as err:
        raise SaveError(
            f"{path}: cannot create the lock file {lock.lock_file} ({err.strerror}); "
            "nothing was written (is the folder read-only?)"
        ) from None
    try:
        yield
    finally:
        lock.release()


def check_writable(path: Path) -> None:
    """Refuse a read-only file (even for root, who could write it anyway)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    except OSError as err:
        raise SaveError(f"{path}: cannot write ({err.strerror}); nothing was written") from None
    uid = os.getuid() if hasattr(os, "getuid") else None  # None: Windows, no owners to ask
    owner = uid is not None and (info.st_uid == uid or uid == 0)
    if (owner and not info.st_mode & stat.S_IWUSR) or (not owner and not os.access(path, os.W_OK)):
        raise SaveError(
            f"{path} is read-only (mode {stat.S_IMODE(info.st_mode):04o}); nothing was written "
            f"(make it writable, e.g. chmod u+w {path}, to let timeline change it)"
        )


_SURROGATE_ESCAPE = re.compile(r"\\[uU]0{0,4}[dD][89a-fA-F][0-9a-fA-F]{2}")


def check_encodable(path: Path, text: str) -> bytes:
    """The UTF-8 bytes of ``text``, refused if they would not read back as YAML text."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as err:
        raise SaveError(
            f"{path}: the text holds an unpaired surrogate (U+{ord(text[err.start]):04X}), "
            "which is not Unicode text; nothing was written"
        ) from None
    if _SURROGATE_ESCAPE.search(text) and path.suffix.lower() in (".yaml", ".yml"):
        import yaml

        try:
            yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError:
            raise SaveError(
                f"{path}: the new text would not read back (an escaped unpaired surrogate, "
                "from input that was not UTF-8); nothing was written"
            ) from None
    return data


def atomic_write(path: Path, text: str, *, locked_by_us: bool = False) -> None:
    """Write ``text`` to ``path`` through a temporary file, fsync and rename.

    A symlink is written through (its target is replaced, the link stays); a file with
    several hard links is rewritten in place, so every name sees the new text; a
    read-only file is refused. The mode and, where allowed, the owner are kept.
    ``locked_by_us``: the caller holds the file's lock, so every temporary file left
    beside it by a killed run can go; else only old ones do.
    """
    target = real_path(path)
    check_writable(target)
    data = check_encodable(path, text)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        info: os.stat_result | None = target.stat()
    except OSError:
        info = None
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, stat.S_IMODE(info.st_mode) if info else 0o644)
        if info is not None:
            with contextlib.suppress(OSError):
                os.chown(tmp_name, info.st_uid, info.st_gid)
        if info is not None and info.st_nlink > 1:
            _rewrite_in_place(target, data)
            os.unlink(tmp_name)
        else:
            os.replace(tmp_name, target)
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
    remove_leftovers(target, older_than=0.0 if locked_by_us else LEFTOVER_AGE)


def _rewrite_in_place(target: Path, data: bytes) -> None:
    """Hard links share one inode: write it in place (the complete new text is already
    on disk in the temporary file, which the caller removes only afterwards)."""
    with open(target, "r+b") as handle:
        handle.write(data)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())


def remove_leftovers(target: Path, *, older_than: float) -> list[Path]:
    """Remove ``.NAME.*.tmp`` files that killed runs left beside ``target``."""
    removed = []
    now = time.time()
    for leftover in target.parent.glob(f".{glob_escape(target.name)}.*.tmp"):
        try:
            info = leftover.lstat()
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime >= older_than:
                leftover.unlink()
                removed.append(leftover)
        except OSError:
            continue
    if removed:
        log.info("removed %s temporary files left by interrupted runs", len(removed))
    return removed


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def save_document(doc: Document, *, lock: bool = True) -> bool:
    """Save ``doc`` back to its path. Returns False (and writes nothing) when unchanged."""
    text = doc.dump()
    if text == doc.baseline:
        log.debug("%s unchanged; not written", doc.display)
        return False
    if lock:
        with locked(doc.path):
            atomic_write(doc.path, doc.file_text(text), locked_by_us=True)
    else:
        atomic_write(doc.path, doc.file_text(text), locked_by_us=True)
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
