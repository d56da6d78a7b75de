"""Write imported rows into events.yaml (created when missing), through the round-trip
store: comments and layout of an existing file survive, and nothing is written unless
the whole file validates afterwards."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString

from timeline.dates import parse_edtf
from timeline.exceptions import Problem, SaveError, ValidationError
from timeline.imports.rows import Parsed, Row
from timeline.store import (
    Document,
    atomic_write,
    dump_yaml,
    edit_document,
    locked,
    parse_text,
)
from timeline.validate import check_document

ORDER = ("id", "title", "date", "end", "not_before", "not_after", "type", "actors", "places",
         "summary", "media", "sources", "after", "tags", "key")  # fmt: skip
FLOW = ("actors", "places", "after", "tags")
DATES = ("date", "end", "not_before", "not_after")
STYLE = (2, 4, 2)  # '  - id: ...', as timeline init and the shipped events.yaml write it
NEW_FILE_HEADER = (
    "# yaml-language-server: $schema=events.schema.json\n"
    "# Imported from {source} by 'timeline import'; edit it by hand from here on\n"
    "# ('timeline validate' checks it, 'timeline schema' prints its format).\n\n"
)


@dataclass
class ImportReport:
    """What an import did; ``summary()`` is the line the CLI prints."""

    events_path: str
    added: list[str] = field(default_factory=list)  # ids, in the order of the file
    already: int = 0
    skipped: int = 0  # rows that could not be read (with skip_bad)
    created: bool = False
    warnings: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        noun = "event" if len(self.added) == 1 else "events"
        parts = [f"imported {len(self.added)} {noun} into {self.events_path}"]
        if self.created:
            parts[0] += " (new file)"
        if self.already:
            parts.append(f"{self.already} already there")
        if self.skipped:
            parts.append(f"{self.skipped} rows skipped")
        return "; ".join(parts)


def merge(parsed: Parsed, source: Path, events: Path, report: ImportReport) -> None:
    display = report.events_path
    if events.exists():
        with edit_document(events, display) as doc:
            _merge_into(doc.data, parsed, source, events, report)
            _validate(doc)
        return
    data = CommentedMap()
    data["title"] = parsed.title or source.stem
    if parsed.description:
        data["description"] = _folded(parsed.description)
    data["sources"] = CommentedMap()
    data["events"] = CommentedSeq()
    _merge_into(data, parsed, source, events, report)
    text = NEW_FILE_HEADER.format(source=source.name) + dump_yaml(data, STYLE)
    check_document(parse_text(text, display))  # located problems; nothing written
    with locked(events):
        if events.exists():
            raise SaveError(f"{display} appeared while importing; run the import again")
        atomic_write(events, text)
    report.created = True


def _merge_into(
    data: Any, parsed: Parsed, source: Path, events: Path, report: ImportReport
) -> None:
    from timeline.add import slugify, unique_slug

    if not isinstance(data, dict):
        check_document(parse_text(dump_yaml(data), report.events_path))
    sources = data.setdefault("sources", CommentedMap())
    if sources is None:
        sources = data["sources"] = CommentedMap()
    items = data.setdefault("events", CommentedSeq())
    if items is None:
        items = data["events"] = CommentedSeq()
    _add_sources(sources, parsed, report)
    file_source = None
    if any(not row.cites for row in parsed.rows):
        file_source = _file_source(sources, parsed, source, events)
    existing = {str(e.get("id")): _signature(e) for e in items if isinstance(e, dict)}
    ids = set(existing)
    seen = set(existing.values())
    renamed: dict[str, str] = {}
    new: list[CommentedMap] = []
    for row in parsed.rows:
        entry = dict(row.entry)
        signature = _signature(entry)
        given = str(entry.get("id") or "")
        # An event with an id is the same event as the one with that id (and the same title
        # and date); one without is the same as any with its title and date.
        if (existing.get(given) == signature) if given else signature in seen:
            report.already += 1
            continue
        wanted = given or slugify(str(entry.get("title", "")))
        ident = unique_slug(wanted, ids)
        if ident != wanted:
            renamed[wanted] = ident
        ids.add(ident)
        seen.add(signature)
        entry["id"] = ident
        if not row.cites:
            entry["sources"] = [{"source": file_source}]
        new.append(_yaml_entry(entry))
        report.added.append(ident)
    for entry in new:
        if "after" in entry:
            entry["after"] = _flow([renamed.get(str(a), str(a)) for a in entry["after"]])
        _append(items, entry)


def _signature(entry: Any) -> tuple[str, str]:
    """Title and date, for 'already there': the same event imported twice."""
    title = " ".join(str(entry.get("title", "")).split()).casefold()
    date = entry.get("date")
    return title, "" if date is None else str(date)


def _add_sources(sources: Any, parsed: Parsed, report: ImportReport) -> None:
    for sid, fields in parsed.sources.items():
        if sid in sources:
            have = {k: str(v) for k, v in dict(sources[sid] or {}).items()}
            if have != {k: str(v) for k, v in fields.items()}:
                report.warnings.append(
                    Problem(report.events_path, 1, 1,
                            f"source '{sid}' is already defined; kept the definition in the file",
                            severity="warning")
                )  # fmt: skip
            continue
        entry = CommentedMap()
        for key in ("title", "publisher", "published", "url", "path"):
            if fields.get(key) is not None:
                value = fields[key]
                entry[key] = _yaml_date(value) if key == "published" else value
        sources[sid] = entry


def _file_source(sources: Any, parsed: Parsed, source: Path, events: Path) -> str:
    """The source every plain TimelineJS event cites: the imported file itself."""
    from timeline.add import slugify, unique_slug

    where = Path(os.path.relpath(source.resolve(), events.resolve().parent)).as_posix()
    for sid, fields in sources.items():
        if isinstance(fields, dict) and fields.get("path") == where:
            return str(sid)
    sid = unique_slug(slugify(f"{source.stem} timelinejs"), {str(s) for s in sources})
    entry = CommentedMap()
    entry["title"] = parsed.title or source.name
    entry["path"] = where
    sources[sid] = entry
    return sid


def _yaml_entry(entry: dict[str, Any]) -> CommentedMap:
    out = CommentedMap()
    for key in (*ORDER, *sorted(k for k in entry if k not in ORDER)):
        if key not in entry:
            continue
        value = entry[key]
        if key in DATES:
            value = _yaml_date(value)
        elif key in FLOW:
            value = _flow([str(v) for v in value]) if isinstance(value, list) else value
        elif key == "sources" and isinstance(value, list):
            value = CommentedSeq([_ordered(v, ("source", "quote")) for v in value])
        elif key == "summary" and isinstance(value, str):
            value = _folded(value)
        elif key == "media" and isinstance(value, dict):
            value = _ordered(value, ("url", "path", "alt", "caption", "credit"))
        out[key] = value
    return out


def _ordered(value: Any, keys: tuple[str, ...]) -> Any:
    if not isinstance(value, dict):
        return value
    out = CommentedMap()
    for key in (*keys, *sorted(k for k in value if k not in keys)):
        if key in value:
            out[key] = value[key]
    return out


def _folded(text: str) -> Any:
    """Long text as a folded block (summary: >-), as people write it, when that keeps it
    exactly; else as it is."""
    lines = text.split("\n")
    if len(text) < 60 or "\t" in text or any(line != line.strip() for line in lines):
        return text
    return FoldedScalarString(text)


def _flow(values: list[str]) -> CommentedSeq:
    """A list on one line, [a, b], as people write names; on lines of its own when a
    value would not read back the same in that form (ruamel leaves some unquoted, and
    the fast reader of large files is stricter than ruamel)."""
    import yaml

    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    try:
        same = yaml.safe_load(dump_yaml({"x": seq}))["x"] == values
    except yaml.YAMLError:
        same = False
    if not same:
        seq.fa.set_block_style()
    return seq


def _yaml_date(value: Any) -> Any:
    """A date as hand-written files have it: 2020-10-04 plain, 2020 as a number."""
    from timeline.add import _yaml_date as plain

    try:
        return plain(parse_edtf(value))
    except (ValueError, TypeError):
        return value


def _append(items: CommentedSeq, entry: CommentedMap) -> None:
    if not items:
        items.fa.set_block_style()
    items.append(entry)
    if len(items) > 1:
        items.yaml_set_comment_before_after_key(len(items) - 1, before="\n")


def _validate(doc: Document) -> None:
    try:
        check_document(doc)
    except ValidationError:
        check_document(parse_text(doc.dump(), doc.display))  # located as it would be saved
        raise


__all__ = ["ImportReport", "Row", "merge"]
