"""Where the parts of a large events.yaml were written, found only for what needs it.

Large files are read without positions (see :mod:`timeline.yamlread`). When the
validator then has something to report, building the located node tree of the
whole file would take minutes and gigabytes for a 50 MB file. Instead one pass
over the parser's event stream (libyaml, no tree, constant memory) records the
positions the messages need: the top level, where each event and source
starts, and everything inside the entries that have problems. The data is then
wrapped in located maps and lists with those positions, so the validator runs
again exactly as on a small file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import yaml

from timeline.yamlread import _LC, LocatedList, LocatedMap, _Loader, _plain_scalar

Path_ = tuple[Any, ...]
Position = tuple[int, int]  # 0-based line and column


class _Frame:
    __slots__ = ("index", "is_key", "is_map", "key", "path", "want_key")

    def __init__(self, path: Path_, is_map: bool, is_key: bool = False):
        self.path = path
        self.is_map = is_map
        self.is_key = is_key  # a list or mapping used as a key: nothing inside is wanted
        self.want_key = True
        self.key: Any = None
        self.index = 0


def _interesting(path: Path_, wanted: set[Path_]) -> bool:
    return len(path) <= 2 or path[:2] in wanted


def positions(text: str, wanted: set[Path_]) -> tuple[dict[Path_, Position], dict[Path_, Position]]:
    """Key and value positions, by path, for the top two levels and inside ``wanted``."""
    keys: dict[Path_, Position] = {}
    values: dict[Path_, Position] = {}
    stack: list[_Frame] = []
    skipping = 0  # depth inside an entry nobody asked about: only its end matters
    for event in yaml.parse(text, Loader=_Loader):
        if skipping:
            if isinstance(event, yaml.CollectionStartEvent):
                skipping += 1
            elif isinstance(event, yaml.CollectionEndEvent):
                skipping -= 1
                if not skipping:
                    _advance(stack[-1] if stack else None)
            continue
        starts = isinstance(event, (yaml.ScalarEvent, yaml.AliasEvent, yaml.CollectionStartEvent))
        if starts:
            mark = (event.start_mark.line, event.start_mark.column)
            frame = stack[-1] if stack else None
            if frame is not None and frame.is_map and frame.want_key:
                frame.key = _key(event)
                frame.want_key = False
                path = (*frame.path, frame.key)
                if _interesting(path, wanted):
                    keys[path] = mark
                if isinstance(event, yaml.CollectionStartEvent):
                    is_map = isinstance(event, yaml.MappingStartEvent)
                    stack.append(_Frame((*frame.path, object()), is_map, is_key=True))
                continue
            path = _value_path(frame)
            if _interesting(path, wanted):
                values[path] = mark
            if isinstance(event, yaml.CollectionStartEvent):
                if len(path) >= 2 and path[:2] not in wanted:
                    skipping = 1  # where it starts is all the messages need
                else:
                    stack.append(_Frame(path, isinstance(event, yaml.MappingStartEvent)))
            else:
                _advance(frame)
        elif isinstance(event, yaml.CollectionEndEvent):
            ended = stack.pop()
            if not ended.is_key:
                _advance(stack[-1] if stack else None)
    return keys, values


def _key(event: Any) -> Any:
    if isinstance(event, yaml.ScalarEvent):
        return event.value if event.style else _plain_scalar(event.value)
    return object()  # never equal to a data key: nothing below it is looked up


def _value_path(frame: _Frame | None) -> Path_:
    if frame is None:
        return ()
    return (*frame.path, frame.key if frame.is_map else frame.index)


def _advance(frame: _Frame | None) -> None:
    if frame is None:
        return
    if frame.is_map:
        frame.want_key = True
    else:
        frame.index += 1


def locate(data: Any, text: str, problem_paths: Iterable[Path_]) -> Any:
    """``data`` (read without positions) as located maps and lists, positioned where the
    validator's messages about ``problem_paths`` need them."""
    wanted = {tuple(p[:2]) for p in problem_paths if len(p) >= 2}
    keys, values = positions(text, wanted)
    return _wrap(data, (), keys, values, wanted)


def _wrap(
    node: Any,
    path: Path_,
    keys: dict[Path_, Position],
    values: dict[Path_, Position],
    wanted: set[Path_],
) -> Any:
    if not isinstance(node, (dict, list)):
        return node
    line, column = values.get(path, (0, 0))
    if len(path) >= 2 and path[:2] not in wanted:
        if isinstance(node, dict) and len(path) == 2:  # only where the entry starts
            shallow = LocatedMap(node)
            shallow.lc = _LC(line, column)
            return shallow
        return node
    if isinstance(node, dict):
        out: Any = LocatedMap()
        out.lc = _LC(line, column)
        for key, value in node.items():
            here = (*path, key)
            if here in keys:
                out.lc.keys[key] = keys[here]
            if here in values:
                out.lc.values[key] = values[here]
            out[key] = _wrap(value, here, keys, values, wanted)
        return out
    out = LocatedList()
    out.lc = _LC(line, column)
    for index, value in enumerate(node):
        here = (*path, index)
        if here in values:
            out.lc.values[index] = values[here]
        out.append(_wrap(value, here, keys, values, wanted))
    return out
