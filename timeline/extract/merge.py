"""Merging a batch of extracted articles into events.yaml without losing anything a person wrote.

Rules (each has a test):

- A report (an event found in one article) is the same as an event in the file
  when that event cites the same article with the same quote, or has the
  report's id and cites its article (a re-run; the person may have renamed it).
- Otherwise it joins the event of another article whose signature is most like
  its own (:mod:`timeline.extract.signature`: type, predicate class, key parties,
  dates that can agree, content words), or starts a new event. An article's own
  events are never merged with each other. Titles play no part, and what a party
  says is told apart without the story's own words (in a batch of many reports, a
  word in a tenth of them). Events the run formed apart are joined when they are
  one: the same type and act on the same day, no named party against each other,
  the words their reports use most in common, and few articles telling both.
- A new event's date is the day most of its reports give (a tie goes to the
  report published closest after it), narrowed by the other reports' compatible
  bounds; a report that gives another day is kept as a source with its own
  claim (``date:`` on its source reference), never averaged away. Its title is
  that of the most precisely dated, most specific report.
- An event already in the file keeps its title, date, type, actors and all
  else as the person left them; new reports add their sources and quotes, and
  may narrow an undated event's bounds; a report that contradicts its date is
  kept with its claim.
- An event whose article was extracted before (its source is already in the
  file) but which is in the file no longer was deleted by a person: its id goes
  to the top-level ``rejected:`` list, visibly, and it is never added again.
- The ``after`` links a run infers and the bounds it narrows never make the file
  invalid: the weakest inference on a contradiction is dropped and reported
  (:mod:`timeline.extract.consistency`).
- New events and sources are appended; comments and layout are kept by the
  round-trip store. Nothing new means nothing changes: the file stays
  byte-identical.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from timeline.extract.article import Found
from timeline.extract.cluster import (
    Cluster,
    ClusterIndex,
    entry_bounds,
    entry_signature,
    found_bounds,
    found_signature,
)
from timeline.extract.consistency import Inferences, repair
from timeline.extract.lexicon import word_class
from timeline.extract.signature import FEW_WORDS, WIDE_WORDS, overlap, party_keys, topic_words
from timeline.extract.sources import SourceInfo

log = logging.getLogger(__name__)
CORE_WORDS = 20  # the words an event's reports use most, for telling two events one

Bounds = tuple[dt.date | None, dt.date | None]


@dataclass
class Extracted:
    """One article's extraction, ready to merge: its source, events and mentioned days."""

    source: SourceInfo
    events: list[Found]
    days: dict[dt.date, int] = field(default_factory=dict)  # full days mentioned, how often


@dataclass
class MergeReport:
    new: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)  # one id per report that joined an event
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (event id, reason)
    sources_added: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # inferences given up, and why
    looked_at: int = 0  # candidate events a report was compared with, in all (benchmarks)
    disputed: list[str] = field(default_factory=list)  # events whose sources disagree on the date


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


def _agree(a: Bounds, b: Bounds) -> bool:
    low = max((d for d in (a[0], b[0]) if d), default=None)
    high = min((d for d in (a[1], b[1]) if d), default=None)
    return low is None or high is None or low <= high


def ensure_sections(data: Any) -> None:
    if data.get("sources") is None:
        keys = list(data.keys())
        position = keys.index("events") if "events" in keys else len(keys)
        data.insert(position, "sources", CommentedMap())
    if data.get("events") is None:
        data["events"] = CommentedSeq()


def add_source(
    data: Any, info: SourceInfo, report: MergeReport, places: dict[str, str] | None = None
) -> str:
    """The id under which ``info`` is (now) in the file.

    ``places`` maps 'path:...' and 'url:...' to source ids, for batches (kept up to date);
    without it every source is looked at.
    """
    sources = data["sources"]
    if places is None:
        places = _places_of(sources)
    for place in (f"path:{info.path}" if info.path else "", f"url:{info.url}" if info.url else ""):
        if place and place in places:
            return places[place]
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
    places.update(_places_of({key: entry}))
    return key


def _places_of(sources: Any) -> dict[str, str]:
    """Where each source's article is: 'path:...' and 'url:...' to its id (first wins)."""
    places: dict[str, str] = {}
    for key, entry in sources.items():
        if not isinstance(entry, dict):
            continue
        for field_name in ("path", "url"):
            if entry.get(field_name):
                places.setdefault(f"{field_name}:{entry[field_name]}", str(key))
    return places


def _mentions(days: dict[dt.date, int]) -> CommentedMap:
    out = CommentedMap()
    for day in sorted(days):
        out[yaml_date(day)] = int(days[day])
    out.fa.set_flow_style()
    return out


def _flow(items: Iterable[str]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _ref(found: Found, claim: str | None = None) -> CommentedMap:
    ref = CommentedMap()
    ref["source"] = found.source
    ref["quote"] = found.quote
    ref["paragraph"] = max(0, int(found.paragraph))
    if claim:
        ref["date"] = yaml_date(claim)
    return ref


def _claim(found: Found) -> str | None:
    """A report's own date, as EDTF: its date, or its window as an interval."""
    if found.date:
        return found.date
    if found.not_before and found.not_after:
        return f"{found.not_before.isoformat()}/{found.not_after.isoformat()}"
    return None


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


def narrow(entry: Any, found: Found) -> bool:
    """A second report narrows an undated event's bounds (never widens, never re-dates).

    Returns False when the report contradicts the entry's dates (nothing changes then).
    """
    low, high = entry_bounds(entry)
    new_low, new_high = found_bounds(found)
    if not _agree((low, high), (new_low, new_high)):
        return False
    if entry.get("date") is not None:
        return True
    inside = (low is None or (new_low and new_low >= low)) and (
        high is None or (new_high and new_high <= high)
    )
    if found.date and inside:  # the new report gives the day itself
        _set(entry, "date", yaml_date(found.date))
        for key in ("not_before", "not_after"):
            entry.pop(key, None)
        return True
    if new_low and (low is None or new_low > low):
        _set(entry, "not_before", yaml_date(new_low))
    if new_high and (high is None or new_high < high):
        _set(entry, "not_after", yaml_date(new_high))
    return True


@dataclass
class Settled:
    """A new event's dates from its reports, and the reports that disagree."""

    low: dt.date | None
    high: dt.date | None
    date: str | None  # EDTF for `date:` when one report's date is exactly the bounds
    claims: dict[int, str]  # member index -> that report's own claim


def settle(members: list[Found], published: dict[str, dt.date]) -> Settled:
    """The day most reports give (ties: the report published closest after it), narrowed
    by the compatible bounds of the others; the rest keep their claims."""
    bounds = [found_bounds(f) for f in members]
    days = Counter(low for low, high in bounds if low is not None and low == high)
    low: dt.date | None = None
    high: dt.date | None = None
    if days:

        def rank(day: dt.date) -> tuple[int, int, int]:
            gaps = [
                abs((published.get(f.source, day) - day).days)
                for f, b in zip(members, bounds, strict=True)
                if b == (day, day)
            ]
            return (days[day], -min(gaps), -day.toordinal())

        low = high = max(days, key=rank)
    else:
        order = sorted(range(len(members)), key=lambda i: _width(bounds[i]))
        for index in order:
            if _agree((low, high), bounds[index]):
                low = max((d for d in (low, bounds[index][0]) if d), default=None)
                high = min((d for d in (high, bounds[index][1]) if d), default=None)
    claims = {}
    for index, found in enumerate(members):
        if not _agree((low, high), bounds[index]):
            claim = _claim(found)
            if claim:
                claims[index] = claim
    date = None
    for found, found_range in zip(members, bounds, strict=True):
        if found.date and found_range == (low, high):
            date = found.date
            break
    return Settled(low, high, date, claims)


def _width(bounds: Bounds) -> int:
    low, high = bounds
    if low is None or high is None:
        return 1_000_000
    return (high - low).days


def best_title(members: list[Found], settled: Settled) -> Found:
    """The most precisely dated report; then the most specific title (named parties, words)."""

    def key(item: tuple[int, Found]) -> tuple[int, int, int, int]:
        index, found = item
        compatible = index not in settled.claims
        named = party_keys(found.agents + found.patients + found.actors)
        title = re.findall(r"[a-z0-9]+", found.title.lower())
        mentioned = sum(1 for word in set(title) if word in named)
        content = sum(1 for word in title if word not in word_class("title_function_words"))
        return (
            int(compatible),
            -_width(found_bounds(found)),
            mentioned,
            min(content, 9) * 1000 - index,
        )

    return max(enumerate(members), key=key)[1]


def new_entry(cluster: Cluster, published: dict[str, dt.date]) -> tuple[CommentedMap, Settled]:
    settled = settle(cluster.members, published)
    best = best_title(cluster.members, settled)
    entry = CommentedMap()
    entry["id"] = cluster.id
    entry["title"] = best.title
    if settled.date:
        entry["date"] = yaml_date(settled.date)
    elif settled.low is not None and settled.low == settled.high:
        entry["date"] = yaml_date(settled.low)
    else:
        if settled.low:
            entry["not_before"] = yaml_date(settled.low)
        if settled.high:
            entry["not_after"] = yaml_date(settled.high)
    entry["type"] = best.type
    if best.actors:
        entry["actors"] = _flow(best.actors)
    places = list(dict.fromkeys(p for f in cluster.members for p in f.places))
    if places:
        entry["places"] = _flow(places[:5])
    entry["sources"] = CommentedSeq(
        _ref(found, settled.claims.get(index)) for index, found in enumerate(cluster.members)
    )
    return entry, settled


class MergeRun:
    """One run of merging: the file's events as clusters, then each article in turn."""

    def __init__(
        self,
        data: Any,
        report: MergeReport,
        known_sources: set[str],
        topic: frozenset[str] = frozenset(),
    ):
        ensure_sections(data)
        self.data = data
        self.topic = topic  # the story's own words: no help in telling its events apart
        self.report = report
        self.known_sources = known_sources
        self.index = ClusterIndex()
        self.by_id: dict[str, Cluster] = {}
        self.by_quote: dict[tuple[str, str], list[Cluster]] = {}
        self.published: dict[str, dt.date] = {}
        self.inferred = Inferences()
        self.rejected = {str(r) for r in data.get("rejected") or []}
        for entry in data["events"]:
            if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                self._add_existing(entry)

    def _add_existing(self, entry: Any) -> None:
        signature = entry_signature(entry, self.topic)
        refs = entry.get("sources") or []
        cluster = Cluster(
            id=entry["id"],
            existing=True,
            signatures=[signature],
            low=signature.low,
            high=signature.high,
            sources={str(r.get("source")) for r in refs if isinstance(r, dict)},
            entry=entry,
        )
        cluster.cited_before = frozenset(cluster.sources)
        self.by_id.setdefault(cluster.id, cluster)
        self.index.add(cluster, signature)
        for ref in refs:
            if isinstance(ref, dict) and ref.get("quote"):
                key = (str(ref.get("source")), str(ref["quote"]))
                self.by_quote.setdefault(key, []).append(cluster)

    def add_articles(self, articles: Iterable[Extracted]) -> None:
        """Place every report of every article, the most precisely dated first (so events
        form around exact days, whatever the order of the articles), then link them."""
        pending: list[tuple[int, int, Found, bool]] = []
        batch = list(articles)
        places = _places_of(self.data["sources"])
        for number, article in enumerate(batch):
            source = add_source(self.data, article.source, self.report, places)
            self.published[source] = article.source.published
            if source in self.report.sources_added and article.days:
                self.data["sources"][source]["mentions"] = _mentions(article.days)
            seen_before = source in self.known_sources and self._extracted_before(
                source, article.source, article.events
            )
            for position, found in enumerate(article.events):
                found.source = source
                if found.id in self.rejected:
                    self.report.skipped.append(
                        (found.id, "rejected earlier (listed under 'rejected')")
                    )
                    continue
                pending.append((number, position, found, seen_before))
        placed: dict[tuple[int, str], Cluster] = {}
        for number, _position, found, seen_before in sorted(pending, key=_precision_first):
            cluster = self._place(found, seen_before)
            if cluster is not None:
                placed[(number, found.id)] = cluster
        for number, article in enumerate(batch):
            self._link(
                article,
                {f.id: placed[(number, f.id)] for f in article.events if (number, f.id) in placed},
            )

    def _link(self, article: Extracted, clusters: dict[str, Cluster]) -> None:
        """The article's 'after' relations between the events its reports joined."""
        for found in article.events:
            after = clusters.get(found.id)
            if after is None or after.existing:
                continue  # links are added to new events only
            for before_id in dict.fromkeys(found.after):
                before = clusters.get(before_id)
                if before is None or before is after:
                    continue
                link = (before.id, after.id)
                support, rank = self.inferred.links.get(link, (0, len(self.inferred.links)))
                self.inferred.links[link] = (support + 1, rank)

    def _place(self, found: Found, seen_before: bool) -> Cluster | None:
        signature = found_signature(found, self.topic)
        known = self._known(found)
        if known is not None:
            self.report.unchanged.append(known.id)
            return known
        cluster = self.index.best(signature, found.source)
        if cluster is not None and found.source in cluster.cited_before:
            self.report.unchanged.append(cluster.id)  # a person cites it there already
            return cluster
        if cluster is not None:
            cluster.add(found, signature)
            self.index.add(cluster, signature)
            self._remember_quote(found, cluster)
            self.report.merged.append(cluster.id)  # per report: the counts add up
            return cluster
        if seen_before:
            _reject(self.data, found.id)
            self.rejected.add(found.id)
            self.report.skipped.append((found.id, "deleted by hand; added to 'rejected'"))
            return None
        event_id, number = found.id, 2
        while event_id in self.by_id:
            event_id, number = f"{found.id}-{number}", number + 1
        cluster = Cluster(
            id=event_id,
            existing=False,
            signatures=[],
            low=signature.low,
            high=signature.high,
        )
        cluster.add(found, signature)
        self.by_id[event_id] = cluster
        self.index.add(cluster, signature)
        self._remember_quote(found, cluster)
        self.report.new.append(event_id)
        return cluster

    def _known(self, found: Found) -> Cluster | None:
        """The event in the file this very report already is (a re-run), by id or by quote."""
        by_id = self.by_id.get(found.id)
        if by_id is not None and found.source in by_id.cited_before:
            return by_id
        same = [
            c
            for c in self.by_quote.get((found.source, found.quote), [])
            if found.source in c.cited_before and _cluster_type(c) == found.type
        ]
        if len(same) > 1:
            actors = party_keys(found.actors)
            same = [c for c in same if actors & _cluster_parties(c)] or same[:1]
        return same[0] if same else None

    def _remember_quote(self, found: Found, cluster: Cluster) -> None:
        key = (found.source, found.quote)
        bucket = self.by_quote.setdefault(key, [])
        if cluster not in bucket:
            bucket.append(cluster)

    def consolidate(self) -> list[tuple[str, str]]:
        """Join events this run formed apart that are one: the same type and act on the same
        exact day, no named party against each other, half their core words in common
        (:func:`_pooled`), and few articles telling both (:func:`_apart_in_few`). Reports
        placed one at a time can start two events of one incident (two mentions in one
        article, or an early report that names no party), and later reports split between
        them. The smaller joins the larger; returns (joined, into) pairs."""
        groups: dict[tuple[str, str, dt.date], list[Cluster]] = {}
        for cluster in self.index.all:
            if cluster.existing or not cluster.members or not cluster.signatures:
                continue
            act = cluster.signatures[0].predicate
            if act and cluster.low is not None and cluster.low == cluster.high:
                key = (cluster.signatures[0].type, act, cluster.low)
                groups.setdefault(key, []).append(cluster)
        joined: list[tuple[str, str]] = []
        for clusters in groups.values():
            if len(clusters) < 2:
                continue  # nothing to join: no need to pool its words
            clusters.sort(key=lambda c: (-len(c.members), c.order))
            pooled = [_pooled(c, self.topic) for c in clusters]
            kept: list[int] = []
            for index, cluster in enumerate(clusters):
                into = next(
                    (
                        k
                        for k in kept
                        if _apart_in_few(clusters[k], cluster)
                        and _one_event(pooled[k], pooled[index])
                    ),
                    None,
                )
                if into is None:
                    kept.append(index)
                    continue
                self._join(cluster, clusters[into])
                pooled[into] = _pooled(clusters[into], self.topic)
                joined.append((cluster.id, clusters[into].id))
        return joined

    def _join(self, cluster: Cluster, into: Cluster) -> None:
        for found in cluster.members:
            into.add(found, found_signature(found, self.topic))
        self.index.all.remove(cluster)
        del self.by_id[cluster.id]
        links = {}
        for (before, after), value in self.inferred.links.items():
            before = into.id if before == cluster.id else before
            after = into.id if after == cluster.id else after
            if before == after:
                continue
            if (before, after) in links:  # both told it: support adds up
                support, rank = links[(before, after)]
                value = (support + value[0], min(rank, value[1]))
            links[(before, after)] = value
        self.inferred.links = links
        self.report.new.remove(cluster.id)
        self.report.merged.extend([into.id] * len(cluster.members))

    def finish(self) -> None:
        """Write every cluster into the file, then drop inferences that contradict."""
        self.consolidate()
        events = self.data["events"]
        for cluster in self.index.all:
            if cluster.existing:
                if cluster.members:
                    self._update(cluster)
                continue
            entry, settled = new_entry(cluster, self.published)
            cluster.entry = entry
            if settled.claims:
                self.report.disputed.append(cluster.id)
            events.append(entry)
        for (before, after), _ in sorted(self.inferred.links.items(), key=lambda i: i[1][1]):
            entry = self.by_id[after].entry
            if "after" not in entry:
                entry["after"] = _flow([])
            entry["after"].append(before)
        self.report.dropped += repair(self.data, self.inferred)
        self.report.looked_at = self.index.looked_at

    def _extracted_before(self, source: str, info: SourceInfo, events: list[Found]) -> bool:
        """Did an earlier run extract this article? Its path or URL, quotes or ids show it.

        A source a person added by hand, cited with their own short quotes, was not
        extracted, so its events missing from the file were never deleted.
        """
        entry = self.data["sources"].get(source) or {}
        if (info.path and entry.get("path") == info.path) or (
            info.url and entry.get("url") == info.url
        ):
            return True
        if any(f.id in self.rejected for f in events):
            return True
        return any(
            any(c.existing for c in self.by_quote.get((source, f.quote), ())) for f in events
        )

    def _update(self, cluster: Cluster) -> None:
        entry = cluster.entry
        original = {k: entry.get(k) for k in ("date", "not_before", "not_after")}
        disputed = False
        for found in cluster.members:
            agrees = narrow(entry, found)
            claim = None if agrees else _claim(found)
            disputed = disputed or claim is not None
            entry["sources"].append(_ref(found, claim))
        if any(entry.get(k) != v for k, v in original.items()):
            self.inferred.narrowed[cluster.id] = original
        if disputed:
            self.report.disputed.append(cluster.id)


def _pooled(cluster: Cluster, topic: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The named parties of a cluster's reports, and its core words: the
    :data:`CORE_WORDS` that most of its reports use, each by two or more of them (every
    word of a lone report)."""
    signatures = [found_signature(found, topic) for found in cluster.members]
    parties = frozenset(p for s in signatures for p in s.parties)
    counts = Counter(w for s in signatures for w in s.words)
    least = 2 if len(signatures) > 1 else 1
    common = [w for w, n in counts.most_common(CORE_WORDS) if n >= least]
    return parties, frozenset(common)


def _apart_in_few(a: Cluster, b: Cluster) -> bool:
    """Do fewer than a tenth of the smaller event's articles tell both? Events that an
    article tells apart stay apart (an article's own events are never one), unless a few
    articles of many tell one incident twice."""
    shared = len(a.sources & b.sources)
    return shared == 0 or shared * 10 < min(len(a.sources), len(b.sources))


def _one_event(
    a: tuple[frozenset[str], frozenset[str]], b: tuple[frozenset[str], frozenset[str]]
) -> bool:
    if a[0] and b[0] and not a[0] & b[0]:
        return False  # other named parties
    return overlap(a[1], b[1], FEW_WORDS) >= WIDE_WORDS


def _precision_first(item: tuple[int, int, Found, bool]) -> tuple[int, int, int]:
    number, position, found, _ = item
    return (_width(found_bounds(found)), number, position)


def _cluster_type(cluster: Cluster) -> str:
    if cluster.entry is not None:
        return str(cluster.entry.get("type"))
    return cluster.members[0].type if cluster.members else ""


def _cluster_parties(cluster: Cluster) -> frozenset[str]:
    if cluster.entry is not None:
        return party_keys([str(a) for a in cluster.entry.get("actors") or []])
    return party_keys([a for f in cluster.members for a in f.actors])


def merge_batch(
    data: Any, articles: Iterable[Extracted], known_sources: set[str], report: MergeReport
) -> None:
    """Merge every article's events into the round-trip ``data`` of events.yaml."""
    batch = list(articles)
    ensure_sections(data)
    quotes = [f.quote for article in batch for f in article.events]
    for entry in data["events"]:
        for ref in (entry.get("sources") or []) if isinstance(entry, dict) else []:
            if isinstance(ref, dict) and ref.get("quote"):
                quotes.append(str(ref["quote"]))
    run = MergeRun(data, report, known_sources, topic_words(quotes))
    run.add_articles(batch)
    run.finish()


def _reject(data: Any, event_id: str) -> None:
    if data.get("rejected") is None:
        data["rejected"] = CommentedSeq()
    if event_id not in data["rejected"]:
        data["rejected"].append(event_id)
