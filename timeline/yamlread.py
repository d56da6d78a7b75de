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

import bisect
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


# -- limits on the shape of a document ----------------------------------------------------
# Aliases let a few bytes stand for billions of values (an "alias bomb"), an alias inside
# its own anchor makes a value that contains itself, and deep nesting exhausts Python's
# stack. Every loader checks the composed node graph before building anything from it.

MAX_DEPTH = 100  # levels of nested lists and mappings
MAX_ALIAS_VALUES = 100_000  # values that aliases may add to a document, in all
MAX_NUMBER_DIGITS = 4300  # Python's own limit for converting digits to an int
_ALIAS = re.compile(r"(?:^|[\s\[{,:?-])\*[^\s,\[\]{}]", re.MULTILINE)


class StructureError(Exception):
    """The document is too deep, contains itself, or aliases blow it up. 0-based position."""

    def __init__(self, line: int, column: int, message: str, hint: str):
        super().__init__(message)
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint


def may_have_aliases(text: str) -> bool:
    """False when the text certainly has no alias (``*name``): the structure check is skipped."""
    return "*" in text and _ALIAS.search(text) is not None


def _children(node: Any) -> list[Any]:
    value = node.value
    if not isinstance(value, list):
        return []
    if value and isinstance(value[0], tuple):
        return [part for pair in value for part in pair]
    return value


def check_structure(root: Any) -> None:
    """Raise :class:`StructureError` if the composed node graph (PyYAML's or ruamel's) nests
    more than :data:`MAX_DEPTH` levels, contains itself through an alias, or would expand
    through aliases by more than :data:`MAX_ALIAS_VALUES` values. Linear in the nodes.

    The usual document is a tree (no node reached twice): one quick pass checks its depth.
    Only a document that shares nodes through aliases gets the full analysis.
    """
    seen: set[int] = set()
    stack: list[tuple[Any, int]] = [(root, 0)]
    while stack:
        node, depth = stack.pop()
        if depth >= MAX_DEPTH:
            _raise_at(node, f"the YAML is nested more than {MAX_DEPTH} levels deep",
                      "events.yaml needs a handful of levels; flatten this value")  # fmt: skip
        if id(node) in seen:
            _check_graph(root)  # shared through aliases: expansion, cycles, true depth
            return
        seen.add(id(node))
        stack.extend((child, depth + 1) for child in reversed(_children(node)))


def _check_graph(root: Any) -> None:
    order: list[Any] = []  # nodes in post-order (children first)
    state: dict[int, int] = {}  # 1: being visited, 2: done
    stack: list[tuple[Any, int]] = [(root, 0)]  # node, next child
    kids: dict[int, list[Any]] = {}
    height: dict[int, int] = {}
    while stack:
        node, index = stack.pop()
        key = id(node)
        if index == 0:
            if state.get(key) == 2:
                continue
            state[key] = 1
            kids[key] = _children(node)
        children = kids[key]
        if index < len(children):
            stack.append((node, index + 1))
            child = children[index]
            if state.get(id(child)) == 1:
                _raise_at(child, "an alias refers to the value that contains it, so the "
                          "value would contain itself without end",
                          "replace the alias (*name) inside its own anchor (&name)")  # fmt: skip
            if state.get(id(child)) != 2:
                stack.append((child, 0))
            continue
        state[key] = 2
        height[key] = 1 + max((height[id(c)] for c in children), default=0)
        order.append(node)
    if height[id(root)] > MAX_DEPTH:
        node = root
        for _ in range(MAX_DEPTH):
            node = max(kids[id(node)], key=lambda c: height[id(c)])
        _raise_at(node, f"the YAML is nested more than {MAX_DEPTH} levels deep",
                  "events.yaml needs a handful of levels; flatten this value")  # fmt: skip
    if len(order) == sum(len(k) for k in kids.values()) + 1:
        return  # a tree: every node has one parent, nothing is repeated
    _check_expansion(root, order, kids)


def locate_depth(text: str) -> tuple[int, int] | None:
    """Where the text first nests deeper than :data:`MAX_DEPTH` (0-based), read as a stream
    of parser events, which needs no recursion; None if it does not (or does not parse)."""
    depth = 0
    try:  # libyaml refuses deep flow nesting while scanning ahead: the pure parser goes on
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark.line, event.start_mark.column
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None
    return None


def _check_expansion(root: Any, order: list[Any], kids: dict[int, list[Any]]) -> None:
    """How many times each node is repeated (paths to it from the root), and what it adds."""
    size: dict[int, int] = {}
    for node in order:  # children first
        size[id(node)] = 1 + sum(size[id(child)] for child in kids[id(node)])
    paths: dict[int, int] = {id(root): 1}
    for node in reversed(order):  # parents first
        count = paths.get(id(node), 0)
        for child in kids[id(node)]:
            paths[id(child)] = paths.get(id(child), 0) + count
    added = size[id(root)] - len(order)
    if added <= MAX_ALIAS_VALUES:
        return
    containers = [n for n in order if kids[id(n)]] or order
    worst = max(containers, key=lambda n: paths[id(n)])  # the most repeated: the base anchor
    _raise_at(
        worst,
        f"aliases repeat this value {paths[id(worst)]:,} times: the document would hold "
        f"{added:,} more values than it spells out (the limit is {MAX_ALIAS_VALUES:,})",
        "write the values out, or use fewer aliases (*name) of this anchor (&name)",
    )


def _raise_at(node: Any, message: str, hint: str) -> None:
    mark = node.start_mark
    raise StructureError(mark.line, mark.column, message, hint)


_ODD_BREAKS = ("\x85", "\u2028", "\u2029")  # line breaks to libyaml (YAML 1.1), not to ruamel


class _Builder:
    """Turns composed nodes into located Python values (each node built once)."""

    def __init__(self, text: str = "") -> None:
        self.built: dict[int, Any] = {}
        self.flattener = SafeConstructor()
        # Lines as ruamel counts them (only "\n" breaks a line), from the marks' offsets.
        odd = any(mark in text for mark in _ODD_BREAKS)
        self.newlines = [i for i, char in enumerate(text) if char == "\n"] if odd else None

    def position(self, node: Node) -> tuple[int, int]:
        mark = node.start_mark
        if self.newlines is None:
            return mark.line, mark.column
        line = bisect.bisect_left(self.newlines, mark.index)
        return line, mark.index - (self.newlines[line - 1] + 1 if line else 0)

    def build(self, node: Node) -> Any:
        done = self.built.get(id(node))
        if done is not None:
            return done
        if isinstance(node, ScalarNode):
            value = self.scalar(node)
        elif isinstance(node, SequenceNode):
            value = LocatedList()
            value.lc = _LC(*self.position(node))
            self.built[id(node)] = value
            for index, child in enumerate(node.value):
                value.lc.values[index] = self.position(child)
                value.append(self.build(child))
        elif isinstance(node, MappingNode):
            value = LocatedMap()
            value.lc = _LC(*self.position(node))
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
                value.lc.keys[key] = self.position(key_node)
                value.lc.values[key] = self.position(value_node)
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


def _int(text: str) -> int | str:
    """An integer, or the text itself when it is not one after all ('-_', '0x_') or has
    more digits than Python converts safely (a number that long is not data we use)."""
    clean = text.replace("_", "")
    base = {"0o": 8, "0x": 16}.get(clean[:2].lower(), 10)
    digits = clean[2:] if base != 10 else clean
    if len(digits) > MAX_NUMBER_DIGITS:
        return text
    try:
        return int(digits, base)
    except ValueError:
        return text


def _float(text: str) -> float | str:
    clean = text.replace("_", "").lower()
    if clean.endswith(".inf"):
        return float("-inf") if clean.startswith("-") else float("inf")
    if clean == ".nan":
        return float("nan")
    try:
        return float(clean)
    except ValueError:
        return text


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
    check_structure(node)
    return _Builder(text).build(node)


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
    if may_have_aliases(text):
        return None  # aliases: the located loader checks what they expand to
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


def _walk(tree: Any, node: int, ryml: Any, depth: int = 0) -> Any:
    if depth > MAX_DEPTH:
        raise _Unusual  # the located loader says where
    if tree.is_map(node):
        out: dict[Any, Any] = {}
        child = tree.first_child(node)
        while child != ryml.NONE:
            key = _scalar(tree, child, ryml, key=True)
            if key in out or isinstance(key, (dict, list)):
                raise _Unusual
            out[key] = _walk(tree, child, ryml, depth + 1)
            child = tree.next_sibling(child)
        return out
    if tree.is_seq(node):
        items = []
        child = tree.first_child(node)
        while child != ryml.NONE:
            items.append(_walk(tree, child, ryml, depth + 1))
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
