"""Merging extracted events into events.yaml without losing anything a person wrote.

Rules (each has a test):

- An extracted event matches an existing one by id; or by the same source, quote,
  type and a shared actor (the person renamed it); or, from another article, by
  the same type, overlapping dates and a shared actor (the same event reported
  twice). A match gains the new source and quote, and its bounds narrow; its
  title, date, type, actors and everything else stay as the person left them.
- An event whose article was extracted before (its source is already in the
  file) but which is in the file no longer was deleted by a person: its id goes
  to the top-level ``rejected:`` list, visibly, and it is never added again.
- New events and sources are appended; comments and layout are kept by the
  round-trip store. Nothing new means nothing changes: the file stays
  byte-identical.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from timeline.dates import DateError, parse_edtf
from timeline.extract.article import Found
from timeline.extract.sources import SourceInfo

log = logging.getLogger(__name__)


@dataclass
class MergeReport:
    new: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (event id, reason)
    sources_added: list[str] = field(default_factory=list)


def yaml_date(value: str | dt.date | None) -> Any:
    """Days as YAML dates (written unquoted), other EDTF as text.

    Every value is a fresh object: a shared one would be written as a YAML anchor.
    """
    if value is None:
        return value
    if isinstance(value, dt.date):
        return dt.date.fromordinal(value.toordinal())
    if len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _bounds(entry: Any) -> tuple[dt.date | None, dt.date | None]:
    lows, highs = [], []
    for key, target in (("date", "both"), ("not_before", "low"), ("not_after", "high")):
        value = entry.get(key)
        if value is None:
            continue
        try:
            parsed = parse_edtf(value)
        except DateError:
            continue
        if target in ("both", "low"):
            lows.append(parsed.earliest)
        if target in ("both", "high"):
            highs.append(parsed.latest)
    return (max(lows) if lows else None, min(highs) if highs else None)


def _found_bounds(found: Found) -> tuple[dt.date | None, dt.date | None]:
    if found.date:
        parsed = parse_edtf(found.date)
        return parsed.earliest, parsed.latest
    return found.not_before, found.not_after


def _overlap(a: tuple[dt.date | None, dt.date | None], b: tuple[dt.date | None, dt.date | None]):
    low = max((d for d in (a[0], b[0]) if d), default=None)
    high = min((d for d in (a[1], b[1]) if d), default=None)
    return low is None or high is None or low <= high


def _people(names: Any) -> set[str]:
    """Actor names and their last words, so 'Japarov' meets 'Sadyr Japarov'."""
    out: set[str] = set()
    for name in names or []:
        out.add(str(name).lower())
        out.add(str(name).split()[-1].lower())
    return out


def _cites(entry: Any, source: str, quote: str | None = None) -> bool:
    for ref in entry.get("sources") or []:
        if ref.get("source") == source and (quote is None or ref.get("quote") == quote):
            return True
    return False


def find_match(
    events: list[Any],
    found: Found,
    by_id: dict[str, Any] | None = None,
    just_added: set[str] = frozenset(),  # type: ignore[assignment]
    by_type: dict[str, list[Any]] | None = None,
) -> Any | None:
    """The existing event that is the same as ``found``, or None.

    ``just_added`` are the ids this run added for the same article: an article's
    own events are told apart by id and quote only, never merged with each other.
    """
    if by_id is not None:
        if found.id in by_id:
            return by_id[found.id]
    else:
        for entry in events:
            if entry.get("id") == found.id:
                return entry
    actors = _people(found.actors)
    same_type = (
        by_type.get(found.type, [])
        if by_type is not None
        else [e for e in events if e.get("type") == found.type]
    )
    for entry in same_type:
        if not _cites(entry, found.source, found.quote):
            continue
        theirs = _people(entry.get("actors"))
        if (actors & theirs) or (not actors and not theirs and _similar_titles(entry, found)):
            return entry
    for entry in same_type:
        if str(entry.get("id")) in just_added or not _similar_titles(entry, found):
            continue
        if not _overlap(_bounds(entry), _found_bounds(found)):
            continue
        theirs = _people(entry.get("actors"))
        if (actors and actors & theirs) or (not actors and not theirs):
            return entry
    return None


_STOP = frozenset(
    ["a", "an", "the", "of", "in", "on", "at", "to", "as", "for", "and", "by", "with"]
)


def _words(title: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", title.lower()) if w not in _STOP}


def _similar_titles(entry: Any, found: Found) -> bool:
    """Half the words of the shorter title in common ('Jeenbekov resigns as president')."""
    ours, theirs = _words(found.title), _words(str(entry.get("title", "")))
    if not ours or not theirs:
        return False
    return len(ours & theirs) * 2 >= min(len(ours), len(theirs))


def ensure_sections(data: Any) -> None:
    if data.get("sources") is None:
        keys = list(data.keys())
        position = keys.index("events") if "events" in keys else len(keys)
        data.insert(position, "sources", CommentedMap())
    if data.get("events") is None:
        data["events"] = CommentedSeq()


def add_source(data: Any, info: SourceInfo, report: MergeReport) -> str:
    """The id under which ``info`` is (now) in the file."""
    sources = data["sources"]
    for key, entry in sources.items():
        if (info.path and entry.get("path") == info.path) or (
            info.url and entry.get("url") == info.url
        ):
            return str(key)
    if info.id in sources:
        entry = sources[info.id]
        anonymous = not info.path and not info.url  # stdin: the same report again
        if anonymous or (
            entry.get("path") in (None, info.path) and entry.get("url") in (None, info.url)
        ):
            return info.id
    key, number = info.id, 2
    while key in sources:
        key, number = f"{info.id}-{number}", number + 1
    entry = CommentedMap()
    entry["title"] = info.title
    if info.publisher:
        entry["publisher"] = info.publisher
    entry["published"] = yaml_date(info.published)
    if info.url:
        entry["url"] = info.url
    elif info.path:
        entry["path"] = info.path
    sources[key] = entry
    report.sources_added.append(key)
    return key


def _flow(items: list[str]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def new_entry(found: Found, after: list[str]) -> CommentedMap:
    entry = CommentedMap()
    entry["id"] = found.id
    entry["title"] = found.title
    if found.date:
        entry["date"] = yaml_date(found.date)
    if found.not_before and not found.date:
        entry["not_before"] = yaml_date(found.not_before)
    if found.not_after and not found.date:
        entry["not_after"] = yaml_date(found.not_after)
    entry["type"] = found.type
    if found.actors:
        entry["actors"] = _flow(found.actors)
    if found.places:
        entry["places"] = _flow(found.places)
    ref = CommentedMap()
    ref["source"] = found.source
    ref["quote"] = found.quote
    entry["sources"] = CommentedSeq([ref])
    if after:
        entry["after"] = _flow(after)
    return entry


def narrow(entry: Any, found: Found) -> None:
    """A second report narrows an undated event's bounds (never widens, never re-dates)."""
    if entry.get("date") is not None:
        return
    low, high = _bounds(entry)
    new_low, new_high = _found_bounds(found)
    inside = (low is None or (new_low and new_low >= low)) and (
        high is None or (new_high and new_high <= high)
    )
    if found.date and inside:  # the new report gives the day itself
        _set(entry, "date", yaml_date(found.date))
        return
    if new_low and (low is None or new_low > low) and (high is None or new_low <= high):
        _set(entry, "not_before", yaml_date(new_low))
    if new_high and (high is None or new_high < high) and (low is None or new_high >= low):
        _set(entry, "not_after", yaml_date(new_high))


def _set(entry: Any, key: str, value: Any) -> None:
    """Set a bound, placing a new key after the title like a person would."""
    if key in entry:
        entry[key] = value
        return
    keys = list(entry.keys())
    position = keys.index("title") + 1 if "title" in keys else len(keys)
    if key == "not_after" and "not_before" in keys:
        position = keys.index("not_before") + 1
    if key == "not_before" and "date" in keys:
        position = keys.index("date") + 1
    entry.insert(position, key, value)


def merge_article(
    data: Any,
    info: SourceInfo,
    events: list[Found],
    known_sources: set[str],
    report: MergeReport,
) -> None:
    """Merge one article's events into the round-trip ``data`` of events.yaml."""
    ensure_sections(data)
    source = add_source(data, info, report)
    seen_before = source in known_sources and _extracted_before(data, source, info, events)
    just_added: set[str] = set()
    added: list[tuple[Any, list[str]]] = []
    rejected = data.get("rejected") or []
    file_events = data["events"]
    by_id: dict[str, Any] = {}
    by_type: dict[str, list[Any]] = {}
    for entry in file_events:
        by_id[str(entry.get("id"))] = entry
        by_type.setdefault(str(entry.get("type")), []).append(entry)
    ids: dict[str, str] = {}
    for found in events:
        found.source = source
        if found.id in rejected:
            report.skipped.append((found.id, "rejected earlier (listed under 'rejected')"))
            continue
        entry = find_match(file_events, found, by_id, just_added, by_type)
        if entry is not None:
            ids[found.id] = str(entry["id"])
            if _cites(entry, source):
                report.unchanged.append(str(entry["id"]))
                continue
            ref = CommentedMap()
            ref["source"] = source
            ref["quote"] = found.quote
            entry["sources"].append(ref)
            narrow(entry, found)
            report.merged.append(str(entry["id"]))
            continue
        if seen_before:
            _reject(data, found.id)
            report.skipped.append((found.id, "deleted by hand; added to 'rejected'"))
            continue
        event_id, number = found.id, 2
        while event_id in by_id:
            event_id, number = f"{found.id}-{number}", number + 1
        ids[found.id] = found.id = event_id
        file_events.append(new_entry(found, []))
        added.append((file_events[-1], found.after))
        by_id[event_id] = file_events[-1]
        by_type.setdefault(found.type, []).append(file_events[-1])
        just_added.add(event_id)
        report.new.append(event_id)
    for entry, links in added:  # links may point to events merged or added later
        after = [
            ids[a]
            for a in dict.fromkeys(links)
            if a in ids and ids[a] != entry["id"] and _may_follow(entry, by_id[ids[a]])
        ]
        if after:
            entry["after"] = _flow(after)


def _may_follow(entry: Any, before: Any) -> bool:
    """An 'after' link must not contradict the dates (the file's dates win)."""
    latest, earliest = _bounds(entry)[1], _bounds(before)[0]
    return latest is None or earliest is None or earliest <= latest


def _extracted_before(data: Any, source: str, info: SourceInfo, events: list[Found]) -> bool:
    """Did an earlier run extract this article? Its path or URL, quotes or ids show it.

    A source a person added by hand, cited with their own short quotes, was not
    extracted, so its events missing from the file were never deleted.
    """
    entry = data["sources"].get(source) or {}
    if (info.path and entry.get("path") == info.path) or (
        info.url and entry.get("url") == info.url
    ):
        return True
    quotes = {f.quote for f in events}
    ids = {f.id for f in events}
    if ids & {str(r) for r in data.get("rejected") or []}:
        return True
    for entry in data["events"]:
        for ref in entry.get("sources") or []:
            if ref.get("source") == source and ref.get("quote") in quotes:
                return True
    return False


def _reject(data: Any, event_id: str) -> None:
    if data.get("rejected") is None:
        data["rejected"] = CommentedSeq()
    if event_id not in data["rejected"]:
        data["rejected"].append(event_id)
