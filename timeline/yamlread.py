"""Fast, read-only loading of events.yaml, with the position of every key and value.

Commands that only read the file (validate, build, export, list, serve) use this
instead of the round-trip loader: libyaml (through PyYAML's C parser) composes
the node tree about forty times faster than ruamel's pure-Python parser, which
is what makes a 100k-event build possible. Commands that write the file use
:mod:`timeline.store`'s round-trip loader, so comments and formatting survive.

The result mirrors ruamel's round-trip data closely enough for the validator:
mappings and lists carry an ``lc`` object with ``line``, ``col``, ``key(k)``,
``value(k)`` and ``item(i)`` (0-based), and scalars resolve by the YAML 1.2
core schema as ruamel does (``yes`` is text, ``2020-10-04`` is a date). A test
checks that both loaders give the same data on generated documents.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

try:  # libyaml is bundled in PyYAML's wheels; the pure parser is a slow but exact fallback
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on the platform's wheel
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Composes nodes with YAML 1.2 core-schema tags (as ruamel resolves them)."""


_Loader.yaml_implicit_resolvers = {}
_RESOLVERS: list[tuple[str, str, str]] = [
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9_]+|0o[0-7_]+|0x[0-9a-fA-F_]+)$", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", "~nN"),
    ("tag:yaml.org,2002:merge", r"^(?:<<)$", "<"),
    (
        "tag:yaml.org,2002:timestamp",
        r"^(?:[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
        r"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}"
        r"(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::?[0-9]{2})?))?)$",
        "0123456789",
    ),
]
for _tag, _pattern, _first in _RESOLVERS:
    _Loader.add_implicit_resolver(
        _tag, re.compile(_pattern), list(_first) + ([""] if _tag.endswith("null") else [])
    )


class _LC:
    """Positions of a mapping's or list's parts, 0-based like ruamel's ``lc``."""

    __slots__ = ("col", "keys", "line", "values")

    def __init__(self, line: int, col: int):
        self.line = line
        self.col = col
        self.keys: dict[Any, tuple[int, int]] = {}
        self.values: dict[Any, tuple[int, int]] = {}

    def key(self, key: Any) -> tuple[int, int]:
        return self.keys[key]

    def value(self, key: Any) -> tuple[int, int]:
        return self.values[key]

    def item(self, index: int) -> tuple[int, int]:
        return self.values[index]


class LocatedMap(dict):  # type: ignore[type-arg]
    """A mapping that knows where its keys and values were written."""

    lc: _LC


class LocatedList(list):  # type: ignore[type-arg]
    """A list that knows where its items were written."""

    lc: _LC


class DuplicateKey(yaml.MarkedYAMLError):
    pass


def _position(node: Node) -> tuple[int, int]:
    return node.start_mark.line, node.start_mark.column


class _Builder:
    """Turns composed nodes into located Python values (each node built once)."""

    def __init__(self) -> None:
        self.built: dict[int, Any] = {}
        self.flattener = SafeConstructor()

    def build(self, node: Node) -> Any:
        done = self.built.get(id(node))
        if done is not None:
            return done
        if isinstance(node, ScalarNode):
            value = self.scalar(node)
        elif isinstance(node, SequenceNode):
            value = LocatedList()
            value.lc = _LC(*_position(node))
            self.built[id(node)] = value
            for index, child in enumerate(node.value):
                value.lc.values[index] = _position(child)
                value.append(self.build(child))
        elif isinstance(node, MappingNode):
            value = LocatedMap()
            value.lc = _LC(*_position(node))
            self.built[id(node)] = value
            self.flattener.flatten_mapping(node)
            for key_node, value_node in node.value:
                key = self.build(key_node)
                if isinstance(key, (dict, list)):
                    raise ConstructorError(
                        "while constructing a mapping",
                        node.start_mark,
                        "found a mapping or list used as a key",
                        key_node.start_mark,
                    )
                if key in value:
                    raise DuplicateKey(
                        "while constructing a mapping",
                        node.start_mark,
                        f'found duplicate key "{key}"',
                        key_node.start_mark,
                    )
                value.lc.keys[key] = _position(key_node)
                value.lc.values[key] = _position(value_node)
                value[key] = self.build(value_node)
        else:  # pragma: no cover - the composer makes only these three
            raise TypeError(node)
        self.built[id(node)] = value
        return value

    def scalar(self, node: ScalarNode) -> Any:
        text = node.value
        tag = node.tag
        if tag == "tag:yaml.org,2002:str" or node.style:
            return text
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:bool":
            return text.lower() == "true"
        if tag == "tag:yaml.org,2002:int":
            return _int(text)
        if tag == "tag:yaml.org,2002:float":
            return _float(text)
        if tag == "tag:yaml.org,2002:timestamp":
            return _timestamp(text)
        return text  # an unknown explicit tag: keep the text


def _int(text: str) -> int:
    clean = text.replace("_", "")
    if clean.startswith("0o"):
        return int(clean[2:], 8)
    if clean.startswith("0x"):
        return int(clean[2:], 16)
    return int(clean)


def _float(text: str) -> float:
    clean = text.replace("_", "").lower()
    if clean.endswith(".inf"):
        return float("-inf") if clean.startswith("-") else float("inf")
    if clean == ".nan":
        return float("nan")
    return float(clean)


def _timestamp(text: str) -> Any:
    """A date (or datetime) as ruamel gives it; an impossible day stays text for the validator."""
    try:
        if len(text) <= 10:
            year, month, day = (int(part) for part in text.split("-"))
            return dt.date(year, month, day)
        return SafeConstructor().construct_yaml_timestamp(ScalarNode("", text))
    except ValueError:
        return text


def load_located(text: str) -> Any:
    """Parse YAML text into located maps and lists. Raises yaml.MarkedYAMLError on bad input."""
    node = yaml.compose(text, Loader=_Loader)
    if node is None:
        return None
    return _Builder().build(node)


# -- the large-file path: rapidyaml, data only -------------------------------------------
# PyYAML builds a Python object for every YAML node (~5 µs each: 2.6 s for 10k events).
# rapidyaml parses the same file in 60 ms into a C++ tree that we walk once. It gives no
# positions, so the validator re-reads the file through `load_located` when it has
# anything to report. Anything unusual (tags, several documents, duplicate keys, a
# syntax error) returns None and the caller takes the located path, which explains it.

LARGE = 256 * 1024  # bytes of text above which the rapidyaml path pays off
_RESOLVED = [(tag, re.compile(pattern)) for tag, pattern, _ in _RESOLVERS]


class _Unusual(Exception):
    pass


_WORDS: dict[str, Any] = {
    "~": None, "null": None, "Null": None, "NULL": None,
    "true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False,
}  # fmt: skip
_NUMERIC_START = frozenset("-+0123456789.")
_NUMERIC = [(tag, pattern) for tag, pattern in _RESOLVED if tag.rsplit(":", 1)[1] in
            ("int", "float", "timestamp")]  # fmt: skip
_MISSING = object()


def _plain_scalar(text: str) -> Any:
    """Resolve a plain (unquoted) scalar by the YAML 1.2 core schema, as `_Builder.scalar`."""
    if not text:
        return None
    word = _WORDS.get(text, _MISSING)
    if word is not _MISSING:
        return word
    if text[0] not in _NUMERIC_START:
        return text
    for tag, pattern in _NUMERIC:
        if pattern.match(text):
            return _Builder.scalar(None, ScalarNode(tag, text))  # type: ignore[arg-type]
    return text


def load_plain(text: str) -> Any:
    """Parse YAML into plain dicts and lists without positions, or None to say 'use the
    located loader' (rapidyaml missing, or the document needs its explanations)."""
    try:
        import ryml
    except ImportError:  # pragma: no cover - rapidyaml ships wheels for common platforms
        return None
    source = text.encode("utf-8")
    try:
        with _quiet_stderr():
            tree = ryml.parse_in_arena(source)
        tree.resolve()  # anchors, aliases and merge keys
        root = tree.root_id()
        if tree.is_stream(root):
            if tree.num_children(root) != 1:
                return None  # several documents: the located loader says so
            root = tree.first_child(root)
        return _walk(tree, root, ryml)
    except (_Unusual, UnicodeDecodeError, RecursionError):
        return None
    except Exception:  # rapidyaml's parse errors: let the located loader explain them
        return None


def _walk(tree: Any, node: int, ryml: Any) -> Any:
    if tree.is_map(node):
        out: dict[Any, Any] = {}
        child = tree.first_child(node)
        while child != ryml.NONE:
            key = _scalar(tree, child, ryml, key=True)
            if key in out or isinstance(key, (dict, list)):
                raise _Unusual
            out[key] = _walk(tree, child, ryml)
            child = tree.next_sibling(child)
        return out
    if tree.is_seq(node):
        items = []
        child = tree.first_child(node)
        while child != ryml.NONE:
            items.append(_walk(tree, child, ryml))
            child = tree.next_sibling(child)
        return items
    return _scalar(tree, node, ryml, key=False)


def _scalar(tree: Any, node: int, ryml: Any, *, key: bool) -> Any:
    kind = tree.type(node)
    if key:
        if kind & (ryml.KEYTAG | ryml.KEYREF):
            raise _Unusual
        raw, quoted = tree.key(node), kind & ryml.KEYQUO
    else:
        if kind & (ryml.VALTAG | ryml.VALREF):
            raise _Unusual
        raw, quoted = tree.val(node), kind & ryml.VALQUO
    if raw is None:
        return "" if quoted else None
    text = bytes(raw).decode("utf-8")
    return text if quoted else _plain_scalar(text)


class _quiet_stderr:
    """rapidyaml prints parse errors to file descriptor 2; the located loader reports them."""

    def __enter__(self) -> None:
        import os
        import sys

        self.saved = None
        try:
            sys.stderr.flush()
            self.saved = os.dup(2)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 2)
            os.close(devnull)
        except OSError:  # pragma: no cover - no usable descriptor 2 (e.g. embedded)
            self.saved = None

    def __exit__(self, *exc: object) -> None:
        import os

        if self.saved is not None:
            os.dup2(self.saved, 2)
            os.close(self.saved)
