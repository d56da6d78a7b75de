"""Check an events.yaml and turn it into a :class:`~timeline.model.Timeline`.

Every problem is collected with its line and column, then reported at once:
``events.yaml:12:5: event 'x': date '2020-02-30' is not a real day``.
Structure is checked against the JSON Schema of :mod:`timeline.schema`; the
rest (calendar days, references, cycles, order) is checked here.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import networkx as nx
from jsonschema import Draft202012Validator
from jsonschema import ValidationError as SchemaError

from timeline.dates import HINT as EDTF_HINT
from timeline.dates import DateError, EdtfDate, human_day, parse_edtf
from timeline.exceptions import Problem, ValidationError
from timeline.media import check_path as check_media_path
from timeline.model import Event, Media, Source, SourceRef, Timeline
from timeline.schema import EVENT, MAX_ID_LENGTH, conforms, json_schema, known_keys
from timeline.slug import slugify
from timeline.store import Document, load_document
from timeline.vocabulary import TYPE_NAMES

DATE_FIELDS = ("date", "end", "not_before", "not_after")
Path_ = tuple[Any, ...]
# Names Windows keeps for devices, with any extension: events/con.html cannot be created.
DEVICE_NAMES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{kind}{n}" for kind in ("com", "lpt") for n in range(10)]
)
SHOWN = 60  # characters of a long value that messages quote


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    return Draft202012Validator(json_schema())


@lru_cache(maxsize=1)
def _event_validator() -> Draft202012Validator:
    return Draft202012Validator(json_schema()["properties"]["events"]["items"])


@lru_cache(maxsize=65536)
def _event_errors(event_json: str) -> tuple[SchemaError, ...]:
    """Schema errors of one event, cached: re-validating an edited file checks only what changed."""
    event = json.loads(event_json)
    if conforms(event, EVENT):
        return ()
    errors = _event_validator().iter_errors(event)
    return tuple(sorted(errors, key=lambda e: [str(p) for p in e.path]))


def load_timeline(
    path: str | os.PathLike[str] = "events.yaml",
    *,
    display: str | None = None,
    strict: bool = False,
) -> tuple[Timeline, list[Problem]]:
    """Load and validate events.yaml.

    Returns the timeline and its warnings; raises :class:`ValidationError`
    listing every error (and, with ``strict``, every warning as an error).
    """
    doc = load_document(path, display, editable=False)
    return check_document(doc, strict=strict)


def check_document(doc: Document, *, strict: bool = False) -> tuple[Timeline, list[Problem]]:
    checker = _Checker(doc)
    timeline = checker.run()
    if checker.problems and not doc.located:
        # Large files are first read without positions: find the ones the messages need.
        from timeline.locate import locate

        data = locate(doc.data, doc.text, checker.paths)
        doc = Document(doc.path, doc.display, data, doc.text, editable=False, located=True)
        checker = _Checker(doc, schema_errors=checker.schema_errors)
        timeline = checker.run()
    errors = [p for p in checker.problems if p.severity == "error"]
    warnings = [p for p in checker.problems if p.severity == "warning"]
    if strict:
        errors += [Problem(w.path, w.line, w.column, w.message, w.hint, "error") for w in warnings]
        warnings = []
    if errors or timeline is None:
        raise ValidationError(errors + warnings)
    return timeline, sorted(warnings)


def plain(node: Any) -> Any:
    """The YAML data as JSON-like values (dates as ISO text), for the schema check."""
    if isinstance(node, dict):
        # dict.items skips ruamel's per-key lookups (4x faster); merge keys need the slow way.
        items = node.items() if getattr(node, "merge", None) else dict.items(node)
        return {str(k): plain(v) for k, v in items}
    if isinstance(node, list):
        return [plain(v) for v in list.__iter__(node)]
    if isinstance(node, (dt.date, dt.datetime)):
        return node.isoformat()
    return node


def _suggest(word: str, choices: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


class _Checker:
    def __init__(self, doc: Document, schema_errors: list[tuple[SchemaError, Path_]] | None = None):
        self.doc = doc
        self.data = doc.data
        self.problems: list[Problem] = []
        self.paths: list[Path_] = []  # where each problem is, for locating them in large files
        # The schema's findings do not depend on positions: a second run over the same
        # data (now located) reports the first run's instead of checking every event again.
        self.known_schema_errors = schema_errors
        self.schema_errors: list[tuple[SchemaError, Path_]] = []

    # -- locations ------------------------------------------------------------------

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """1-based line and column of the value (or key) at ``path``."""
        if not path:
            return 1, 1
        node = self.data
        for step in path[:-1]:
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                return 1, 1
        last = path[-1]
        lc = getattr(node, "lc", None)
        try:
            if isinstance(node, list):
                line, column = lc.item(last)
            elif key:
                line, column = lc.key(last)
            else:
                line, column = lc.value(last)
        except (AttributeError, KeyError, TypeError, IndexError):
            return self.where(path[:-1], key=key)
        return line + 1, column + 1

    def start_of(self, path: Path_) -> tuple[int, int]:
        """Where the mapping or list at ``path`` begins (for 'missing field' messages)."""
        node = self.data
        for step in path:
            node = node[step]
        lc = getattr(node, "lc", None)
        if lc is not None and lc.line is not None:
            return lc.line + 1, lc.col + 1
        return self.where(path)

    def add(
        self,
        path: Path_,
        message: str,
        hint: str | None = None,
        *,
        key: bool = False,
        warning: bool = False,
        at: tuple[int, int] | None = None,
    ) -> None:
        line, column = at or self.where(path, key=key)
        severity = "warning" if warning else "error"
        message = _shorten(message)
        self.problems.append(Problem(self.doc.display, line, column, message, hint, severity))
        self.paths.append(path)

    def label(self, path: Path_) -> str:
        """'event 'x': ' for problems inside an event, 'source 'y': ' inside a source."""
        if len(path) >= 2 and path[0] == "events" and isinstance(path[1], int):
            event = self.data["events"][path[1]]
            ident = event.get("id") if isinstance(event, dict) else None
            if isinstance(ident, str) and ident:
                return f"event '{ident}': "
            return f"event #{path[1] + 1}: "
        if len(path) >= 2 and path[0] == "sources":
            return f"source '{path[1]}': "
        return ""

    # -- the checks -------------------------------------------------------------------

    def run(self) -> Timeline | None:
        if not isinstance(self.data, dict):
            kind = "a list" if isinstance(self.data, list) else f"'{self.data}'"
            self.add(
                (),
                f"the top level must be a mapping (title:, events:, ...), not {kind}",
                hint="see the annotated example in the README",
            )
            return None
        self.check_schema()
        self.check_unknown_keys()
        sources = self.build_sources()
        events = self.build_events(sources)
        self.check_order(events)
        if any(p.severity == "error" for p in self.problems):
            return None
        rejected = self.data.get("rejected") or []
        return Timeline(
            title=str(self.data.get("title", "")),
            description=str(self.data.get("description") or ""),
            sources=sources,
            events=events,
            rejected=tuple(str(r) for r in rejected),
            path=self.doc.display,
        )

    def check_schema(self) -> None:
        if self.known_schema_errors is not None:
            for error, prefix in self.known_schema_errors:
                self.report_schema_error(error, prefix)
            return
        data = plain(self.data)
        events = data.get("events")
        if isinstance(events, list):  # events one by one, so unchanged ones come from the cache
            data["events"] = []
        for error in sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.path))):
            self.report_schema_error(error)
        if isinstance(events, list):
            for index, event in enumerate(events):
                if conforms(event, EVENT):
                    continue
                key = json.dumps(event, sort_keys=True, ensure_ascii=False, default=str)
                for error in _event_errors(key):
                    self.report_schema_error(error, prefix=("events", index))

    def report_schema_error(self, error: SchemaError, prefix: Path_ = ()) -> None:
        self.schema_errors.append((error, prefix))
        path: Path_ = prefix + tuple(error.absolute_path)
        label = self.label(path)
        name = path[-1] if path and isinstance(path[-1], str) else None
        kind = error.validator
        if path == ("sources",) and isinstance(error.instance, str):  # a source's id (a key)
            self.report_source_id(error.instance, kind)
            return
        if kind == "required":
            missing = str(error.message).split("'")[1]
            what = {(): "the file", ("events",): "an event"}.get(path[:1], "")
            self.add(
                path,
                f"{label}missing required field '{missing}'"
                if label
                else f"missing required field '{missing}'" + (f" in {what}" if what else ""),
                hint=_required_hint(missing),
                at=self.start_of(path),
            )
        elif kind == "pattern" and name == "mentions":  # a key that is not a day
            self.add(
                path,
                f"{label}mentions: '{error.instance}' is not a day",
                hint="write days as YYYY-MM-DD, e.g. 2011-01-25: 3",
            )
        elif kind == "pattern":
            value = error.instance
            if name in DATE_FIELDS or name == "published":
                return  # the EDTF parser reports these with a precise message
            if name == "id":
                self.add(
                    path,
                    f"event id '{value}' is not a slug",
                    hint="use lowercase letters, digits and single hyphens, "
                    f"e.g. '{slugify(str(value), fallback='event-1')}'",
                )
            elif name == "url":
                self.add(
                    path,
                    f"{label}url '{value}' is not an http(s) link",
                    hint="only http:// and https:// links are published",
                )
            else:
                self.add(path, f"{label}'{value}' does not match {error.validator_value}")
        elif kind == "maxLength":  # only ids have a maximum
            value = str(error.instance)
            self.add(path, f"event id '{value}' is {_too_long(value)}")
        elif kind == "enum":
            hint = _suggest(str(error.instance), TYPE_NAMES) or ""
            self.add(
                path,
                f"{label}unknown type '{error.instance}'",
                hint=(hint + " " if hint else "") + "types: " + ", ".join(TYPE_NAMES),
            )
        elif kind == "type":
            expected = error.validator_value
            if isinstance(expected, list):
                expected = " or ".join(expected)
            words = {
                "array": "a list",
                "string": "text",
                "object": "a mapping",
                "string or integer": "a date such as 2020-10-04",
            }
            got = _describe(error.instance)
            field = f"'{name}'" if name else (f"item {path[-1] + 1}" if path else "value")
            self.add(path, f"{label}{field} must be {words.get(expected, expected)}, not {got}")
        elif kind == "minItems":
            self.add(
                path,
                f"{label}'{name}' is empty",
                hint="cite at least one source: - source: ID" if name == "sources" else None,
            )
        elif kind == "minLength":
            self.add(path, f"{label}'{name}' is empty")
        else:  # pragma: no cover - every validator used by the schema is handled above
            self.add(path, f"{label}{error.message}")

    def report_source_id(self, ident: str, kind: str) -> None:
        """A key under ``sources:`` that is no slug, or too long (checked by propertyNames)."""
        where = ("sources", ident)
        if kind == "maxLength":
            self.add(where, f"source id '{ident}' is {_too_long(ident)}", key=True)
        else:
            example = slugify(ident, fallback="event-1")
            hint = f"use lowercase letters, digits and single hyphens, e.g. '{example}'"
            self.add(where, f"source id '{ident}' is not a slug", hint=hint, key=True)

    def check_unknown_keys(self) -> None:
        def check(node: Any, section: str, path: Path_) -> None:
            if not isinstance(node, dict):
                return
            allowed = known_keys(section)
            for key in node:
                if key not in allowed:
                    self.add(
                        (*path, key),
                        f"{self.label((*path, key))}unknown key '{key}'",
                        hint=_suggest(str(key), allowed),
                        key=True,
                        warning=True,
                    )

        check(self.data, "top", ())
        sources = self.data.get("sources")
        if isinstance(sources, dict):
            for sid, source in sources.items():
                check(source, "source", ("sources", sid))
        events = self.data.get("events")
        if isinstance(events, list):
            for index, event in enumerate(events):
                check(event, "event", ("events", index))
                media = event.get("media") if isinstance(event, dict) else None
                check(media, "media", ("events", index, "media"))
                refs = event.get("sources") if isinstance(event, dict) else None
                if isinstance(refs, list):
                    for r, ref in enumerate(refs):
                        check(ref, "ref", ("events", index, "sources", r))

    def parse_date(self, path: Path_, value: Any) -> EdtfDate | None:
        if isinstance(value, bool) or not isinstance(value, (str, int, dt.date)):
            return None  # the schema check says it must be a date such as 2020-10-04
        if isinstance(value, str) and not value.strip():
            self.add(path, f"{self.label(path)}{path[-1]} is empty", hint=EDTF_HINT)
            return None
        try:
            return parse_edtf(value)
        except DateError as err:
            self.add(path, f"{self.label(path)}{path[-1]} {err}", hint=_date_hint(err))
            return None

    def build_sources(self) -> dict[str, Source]:
        raw = self.data.get("sources")
        sources: dict[str, Source] = {}
        if not isinstance(raw, dict):
            return sources
        for sid, entry in raw.items():
            if not isinstance(entry, dict):
                continue
            published = entry.get("published")
            sources[str(sid)] = Source(
                id=str(sid),
                title=str(entry.get("title", "")),
                publisher=_opt_str(entry.get("publisher")),
                published=self.parse_date(("sources", sid, "published"), published)
                if published is not None
                else None,
                url=_opt_str(entry.get("url")),
                path=_opt_str(entry.get("path")),
                mentions=self.mentions(("sources", sid, "mentions"), entry.get("mentions")),
            )
        return sources

    def mentions(self, path: Path_, raw: Any) -> tuple[tuple[dt.date, int], ...]:
        """A source's mentioned days; impossible days and counts below 1 are errors."""
        if not isinstance(raw, dict):
            return ()
        days: dict[dt.date, int] = {}
        for key, count in raw.items():
            if isinstance(key, dt.date):
                day: dt.date | None = key
            else:
                try:
                    day = dt.date.fromisoformat(str(key))
                except ValueError:
                    day = None
                    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(key)):
                        self.add(
                            (*path, key),
                            f"{self.label(path)}mentions: '{key}' is not a real day",
                            key=True,
                        )
            if day is None or not isinstance(count, int) or isinstance(count, bool):
                continue
            if count < 1:
                self.add(
                    (*path, key),
                    f"{self.label(path)}mentions: {key} is mentioned "
                    f"{count} times; give 1 or more, or leave the day out",
                )
                continue
            days[day] = days.get(day, 0) + count
        return tuple(sorted(days.items()))

    def build_events(self, sources: dict[str, Source]) -> list[Event]:
        raw = self.data.get("events")
        if not isinstance(raw, list):
            return []
        events: list[Event] = []
        first_seen: dict[str, int] = {}
        for index, entry in enumerate(raw):
            if not isinstance(entry, dict):
                continue
            base: Path_ = ("events", index)
            ident = entry.get("id")
            if isinstance(ident, str) and ident in DEVICE_NAMES:
                self.add(
                    (*base, "id"),
                    f"event id '{ident}' is a device name on Windows, where "
                    f"events/{ident}.html cannot be created",
                    hint=f"choose another id, e.g. '{ident}-event'",
                )
            if isinstance(ident, str):
                if ident in first_seen:
                    self.add(
                        (*base, "id"),
                        f"duplicate event id '{ident}' (first used on line {first_seen[ident]})",
                        hint="every event needs its own id; it is the event's permalink",
                    )
                else:
                    first_seen[ident] = self.start_of(base)[0]
            dates = {
                name: self.parse_date((*base, name), entry[name])
                for name in DATE_FIELDS
                if entry.get(name) is not None
            }
            self.check_bounds(base, dates)
            refs = []
            for r, ref in enumerate(entry.get("sources") or []):
                if not isinstance(ref, dict) or not isinstance(ref.get("source"), str):
                    continue
                if ref["source"] not in sources:
                    self.add(
                        (*base, "sources", r, "source"),
                        f"{self.label(base)}unknown source '{ref['source']}'",
                        hint=_suggest(ref["source"], sources)
                        or (
                            "define it under 'sources:' at the top of the file"
                            + (f" (defined: {', '.join(sorted(sources))})" if sources else "")
                        ),
                    )
                refs.append(self.source_ref((*base, "sources", r), ref))
            events.append(
                Event(
                    id=str(ident),
                    title=str(entry.get("title", "")),
                    type=str(entry.get("type", "other")),
                    date=dates.get("date"),
                    end=dates.get("end"),
                    not_before=dates.get("not_before"),
                    not_after=dates.get("not_after"),
                    actors=_strings(entry.get("actors")),
                    places=_strings(entry.get("places")),
                    summary=str(entry.get("summary") or "").strip(),
                    sources=tuple(refs),
                    after=_strings(entry.get("after")),
                    tags=_strings(entry.get("tags")),
                    key=entry.get("key") if isinstance(entry.get("key"), bool) else None,
                    media=self.build_media(base, entry.get("media")),
                    line=self.start_of(base)[0],
                )
            )
        self.check_after(events)
        return events

    def source_ref(self, path: Path_, ref: Any) -> SourceRef:
        paragraph = ref.get("paragraph")
        if isinstance(paragraph, bool) or not isinstance(paragraph, int):
            paragraph = None
        elif paragraph < 0:
            self.add(
                (*path, "paragraph"),
                f"{self.label(path)}paragraph {paragraph} is negative; the lead is 0",
            )
            paragraph = None
        claim = ref.get("date")
        return SourceRef(
            ref["source"],
            _opt_str(ref.get("quote")),
            paragraph,
            self.parse_date((*path, "date"), claim) if claim is not None else None,
        )

    def build_media(self, base: Path_, raw: Any) -> Media | None:
        """An event's media (see :mod:`timeline.media`); the schema checks its shape."""
        if not isinstance(raw, dict):
            return None
        path, label = (*base, "media"), self.label(base)
        url, local = _opt_str(raw.get("url")), _opt_str(raw.get("path"))
        if url is None and local is None:
            self.add(
                path,
                f"{label}media needs a 'url' or a 'path'",
                hint="path: media/photo.jpg (an image beside events.yaml) or url: https://...",
                at=self.start_of(path),
            )
        elif url is not None and local is not None:
            self.add((*path, "path"), f"{label}media has both a 'url' and a 'path'; keep one")
        elif local is not None:
            problem = check_media_path(self.doc.path.parent, local)
            if problem:
                self.add((*path, "path"), label + problem[0], hint=problem[1])
        alt = raw.get("alt")
        if isinstance(alt, str) and not alt.strip():
            self.add((*path, "alt"), f"{label}media 'alt' is empty", hint=_required_hint("alt"))
        if not isinstance(alt, str) or not alt.strip():
            return None
        return Media(
            alt=alt.strip(),
            url=url,
            path=local,
            caption=str(raw.get("caption") or "").strip(),
            credit=str(raw.get("credit") or "").strip(),
        )

    def check_bounds(self, base: Path_, dates: dict[str, EdtfDate | None]) -> None:
        label = self.label(base)
        start, end = dates.get("date"), dates.get("end")
        low, high = dates.get("not_before"), dates.get("not_after")
        if low and high and low.earliest > high.latest:
            self.add(
                (*base, "not_before"),
                f"{label}not_before ({low.text}) is later than not_after ({high.text})",
            )
        if start and end:
            if start.is_span:
                self.add(
                    (*base, "end"),
                    f"{label}has both a span in 'date' and an 'end'",
                    hint="keep one: date: START/END, or date: START with end: END",
                )
            elif end.latest < start.earliest:
                self.add((*base, "end"), f"{label}end ({end.text}) is before date ({start.text})")
        if start and low and start.latest < low.earliest:
            self.add(
                (*base, "date"), f"{label}date ({start.text}) is before not_before ({low.text})"
            )
        if start and high and start.earliest > high.latest:
            self.add(
                (*base, "date"), f"{label}date ({start.text}) is after not_after ({high.text})"
            )

    def after_path(self, events: Sequence[Event], index: int, target: str) -> Path_:
        entry = self.data["events"][index]
        after = entry.get("after")
        if isinstance(after, list) and target in after:
            return ("events", index, "after", after.index(target))
        return ("events", index, "after")

    def check_after(self, events: list[Event]) -> None:
        ids = {e.id for e in events}
        indexes = self.event_indexes()
        graph = nx.DiGraph()
        for event in events:
            graph.add_node(event.id)
            for before in event.after:
                path = self.after_path(events, indexes[event.id], before)
                if before not in ids:
                    self.add(
                        path,
                        f"event '{event.id}': 'after' names unknown event '{before}'",
                        hint=_suggest(before, ids),
                    )
                else:
                    graph.add_edge(before, event.id)
        for component in nx.strongly_connected_components(graph):
            if len(component) == 1 and not graph.has_edge(*(2 * tuple(component))):
                continue
            first = min(component, key=lambda i: indexes[i])
            cycle = _cycle_through(graph, first)
            names = " → ".join(f"'{n}'" for n in [*cycle, cycle[0]])
            follower = cycle[1] if len(cycle) > 1 else cycle[0]
            self.add(
                self.after_path(events, indexes[follower], first),
                f"events {names} form a cycle of 'after'",
                hint="an event cannot come after itself; remove one of these 'after' entries",
            )

    def event_indexes(self) -> dict[str, int]:
        """Each event's index by its id as text (as Event.id holds it, whatever was written)."""
        indexes: dict[str, int] = {}
        events = self.data.get("events")
        for index, entry in enumerate(events if isinstance(events, list) else []):
            if isinstance(entry, dict):
                indexes.setdefault(str(entry.get("id")), index)
        return indexes

    def check_order(self, events: list[Event]) -> None:
        by_id = {e.id: e for e in events}
        indexes = self.event_indexes()
        for event in events:
            latest = event.own_latest_start
            for before_id in event.after:
                before = by_id.get(before_id)
                if before is None:
                    continue
                earliest = before.own_earliest
                if latest is not None and earliest is not None and latest < earliest:
                    self.add(
                        self.after_path(events, indexes[event.id], before_id),
                        f"event '{event.id}' ({human_day(latest)}) is dated before "
                        f"'{before_id}' ({human_day(earliest)}), which it comes after",
                        hint="fix one of the dates, or remove the 'after' entry",
                    )
            entry = self.data["events"][indexes[event.id]]
            undated = not any(entry.get(name) is not None for name in DATE_FIELDS)
            if undated and not event.after:
                self.add(
                    ("events", indexes[event.id]),
                    f"event '{event.id}' has no date, bounds or 'after'; "
                    "it cannot be placed in time",
                    hint="add date:, not_before:/not_after:, or after:",
                    warning=True,
                    at=self.start_of(("events", indexes[event.id])),
                )


def _cycle_through(graph: nx.DiGraph, node: str) -> list[str]:
    edges = nx.find_cycle(graph, source=node)
    cycle = [u for u, _ in edges]
    start = cycle.index(node) if node in cycle else 0
    return cycle[start:] + cycle[:start]


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(str(v) for v in value if v is not None)


def _describe(value: Any) -> str:
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, str):
        return f"text '{value}'" if len(value) < 40 else "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"'{value}'"


def _too_long(value: str) -> str:
    return f"{len(value)} characters long; the limit is {MAX_ID_LENGTH}"


_LONG_QUOTE = re.compile(rf"'([^'\n]{{{SHOWN}}})[^'\n]{{2,}}'")


def _shorten(message: str) -> str:
    """Quote at most :data:`SHOWN` characters of a value: a 5,000-digit number is not news."""
    return _LONG_QUOTE.sub(lambda m: f"'{m.group(1)}…'", message)


def _required_hint(field: str) -> str | None:
    return {
        "id": "give the event a unique slug, e.g. id: president-resigns",
        "title": "a short line such as 'Jeenbekov resigns as president'",
        "type": "one of: " + ", ".join(TYPE_NAMES),
        "sources": "cite where this comes from: sources: [{source: ID, quote: '...'}]",
        "events": "add 'events:' with a list of events (it may be empty: events: [])",
        "source": "name an entry under the top-level 'sources:'",
        "alt": "describe what the image shows, for readers who cannot see it",
    }.get(field)


def _date_hint(err: DateError) -> str | None:
    text = str(err)
    if "is not an EDTF date" in text:
        return EDTF_HINT
    return None
