"""Reports of one event across articles: clusters, found through an index of signatures.

Every event in events.yaml and every event a run creates is a :class:`Cluster`.
A new report joins the most similar cluster (:func:`timeline.extract.signature.similarity`
at least :data:`MERGE_AT`) that no report of the same article is in; candidates
come from an index by type and party, and by type and day, so a run over
thousands of articles compares each report with a handful of clusters, never
with all of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from timeline.dates import DateError, parse_edtf
from timeline.extract.article import Found
from timeline.extract.lexicon import word_class
from timeline.extract.signature import (
    CONTRADICTION_DAYS,
    ONE_OFF_DAYS,
    REPEATED_TYPES,
    Signature,
    acts,
    content_words,
    party_keys,
    predicate_class,
    similarity,
)

MERGE_AT = 0.6
_REACH = max(CONTRADICTION_DAYS, ONE_OFF_DAYS)  # days around a report to look for its event
MAX_CANDIDATES = 256  # clusters looked at per report, at most (hot days, frequent parties)
ANY = "*"  # the index key under which every cluster is, whatever its predicate
ONE_DAY = dt.timedelta(days=1)
_MAX_MEMBERS_COMPARED = 6  # a cluster is compared through its first reports


def found_bounds(found: Found) -> tuple[dt.date | None, dt.date | None]:
    """The days a report allows: its date's, else its bounds."""
    if found.date:
        try:
            parsed = parse_edtf(found.date)
        except DateError:
            return found.not_before, found.not_after
        return parsed.earliest, parsed.latest
    return found.not_before, found.not_after


def entry_bounds(entry: Any) -> tuple[dt.date | None, dt.date | None]:
    """The days an events.yaml entry's own fields allow (date, end, not_before, not_after)."""
    lows, highs = [], []
    for key in ("date", "end", "not_before", "not_after"):
        value = entry.get(key)
        if value is None:
            continue
        try:
            parsed = parse_edtf(value)
        except DateError:
            continue
        if key in ("date", "not_before"):
            lows.append(parsed.earliest)
        if key in ("end", "not_after") or (key == "date" and entry.get("end") is None):
            highs.append(parsed.latest)
    return (max(lows) if lows else None, min(highs) if highs else None)


def found_signature(found: Found, topic: frozenset[str] = frozenset()) -> Signature:
    """A report's signature. ``topic``: the batch's story words, left out of the words of
    what a party says (:data:`REPEATED_TYPES`), which only its own words tell apart; an
    act's reports keep them ("the rig exploded": the story is that explosion)."""
    topic = topic if found.type in REPEATED_TYPES else frozenset()
    named = found.agents + found.patients
    where = [p for p in named if _a_place(p, found.places)]
    parties = party_keys([p for p in named if p not in where]) or party_keys(
        [a for a in found.actors if not _a_place(a, found.places)]
    )
    leave_out = frozenset(w for p in parties for w in p.split())
    low, high = found_bounds(found)
    act = predicate_class(found.predicate)
    return Signature(
        type=found.type,
        predicate=act,
        parties=parties,
        words=content_words(found.quote, leave_out, act, topic),
        low=low,
        high=high,
        places=frozenset(p.lower() for p in found.places + where),
    )


def _a_place(name: str, places: list[str]) -> bool:
    """A party that is a place ("visited the gulf", a misparsed "Gulf" that "exploded"):
    one of the report's places, or a name of place words only. Where, not who."""
    text = name.lower()
    heads = word_class("place_heads")
    return any(text in p.lower().split(" of ")[0] for p in places if text) or all(
        w in heads for w in text.split() if w not in ("the", "a")
    )


def entry_signature(entry: Any, topic: frozenset[str] = frozenset()) -> Signature:
    """A signature for an event already in the file: actors for parties, quotes for words
    (without the story's ``topic`` words for what a party says, as for reports)."""
    topic = topic if str(entry.get("type", "")) in REPEATED_TYPES else frozenset()
    parties = party_keys([str(a) for a in entry.get("actors") or []])
    leave_out = frozenset(w for p in parties for w in p.split())
    text = " ".join(str(r.get("quote") or "") for r in entry.get("sources") or [])
    low, high = entry_bounds(entry)
    return Signature(
        type=str(entry.get("type", "")),
        predicate="",
        parties=parties,
        words=content_words(text or str(entry.get("title", "")), leave_out, topic=topic),
        low=low,
        high=high,
        acts=acts(str(entry.get("title", ""))),
        places=frozenset(str(p).lower() for p in entry.get("places") or []),
    )


@dataclass(eq=False)
class Cluster:
    """One event: in the file already (``entry`` set) or new in this run."""

    id: str
    existing: bool
    signatures: list[Signature]
    low: dt.date | None
    high: dt.date | None
    sources: set[str] = field(default_factory=set)
    cited_before: frozenset[str] = frozenset()  # sources the file cited before this run
    members: list[Found] = field(default_factory=list)  # this run's reports
    entry: Any = None
    order: int = -1  # its place in the index (-1: not indexed yet)
    days: dict[dt.date, int] = field(default_factory=dict)  # exact days reported, how often
    _bounded: list[Signature] = field(default_factory=list, repr=False)
    _bounded_key: tuple[Any, ...] = field(default=(), repr=False)

    def bounded(self) -> list[Signature]:
        """The first reports' signatures with the event's current bounds (cached)."""
        key = (self.low, self.high, len(self.signatures))
        if self._bounded_key != key:
            self._bounded = [replace(m, low=self.low, high=self.high) for m in self.signatures]
            self._bounded_key = key
        return self._bounded

    def reachable(self, signature: Signature) -> bool:
        """Can the dates agree, or be a contradiction of a few days? (A cheap first test.)"""
        low = max((d for d in (self.low, signature.low) if d), default=None)
        high = min((d for d in (self.high, signature.high) if d), default=None)
        return low is None or high is None or (low - high).days <= _REACH

    def score(self, signature: Signature) -> float:
        if not self.reachable(signature):
            return 0.0
        return max((similarity(signature, member) for member in self.bounded()), default=0.0)

    def add(self, found: Found, signature: Signature) -> None:
        """Take a report; narrow the bounds when it agrees with them."""
        self.members.append(found)
        self.sources.add(found.source)
        if len(self.signatures) < _MAX_MEMBERS_COMPARED:
            self.signatures.append(signature)
        if self.existing:
            return  # the file's bounds are narrowed, carefully, when the entry is written
        if signature.exact:
            assert signature.low is not None
            day = signature.low
            self.days[day] = self.days.get(day, 0) + 1
            leader = self.low if self.low is not None and self.low == self.high else None
            if leader is None or self.days[day] > self.days.get(leader, 0):
                self.low = self.high = day  # the day most reports give, so far
                return
        low = max((d for d in (self.low, signature.low) if d), default=None)
        high = min((d for d in (self.high, signature.high) if d), default=None)
        if low is None or high is None or low <= high:
            self.low, self.high = low, high


class ClusterIndex:
    """Clusters by (type, predicate class, party) and by (type, predicate class, day), for
    finding candidates quickly: reports of another act are never looked at."""

    def __init__(self) -> None:
        self.by_party: dict[tuple[str, str, str], list[Cluster]] = {}
        self.by_day: dict[tuple[str, str, int], list[Cluster]] = {}
        # Reports with neither a party nor useful bounds ('the mayor resigned', undated)
        # share no key with anything: they are found, and find others, by their words
        # (two reports one of which has no useful bounds must share words to be one).
        self.by_word: dict[tuple[str, str, str], list[Cluster]] = {}
        self.all: list[Cluster] = []
        self.looked_at = 0  # candidate clusters looked at, for benchmarks

    def add(self, cluster: Cluster, signature: Signature) -> None:
        if cluster.order < 0:  # new to the index
            cluster.order = len(self.all)
            self.all.append(cluster)
        # Under its own predicate class and under '*' (for reports without a predicate).
        for act in dict.fromkeys((signature.predicate, ANY)):
            if signature.wide and not signature.parties:
                for word in signature.words:
                    _append(self.by_word.setdefault((signature.type, act, word), []), cluster)
            for party in signature.parties:
                _append(self.by_party.setdefault((signature.type, act, party), []), cluster)
            if not signature.wide:
                assert signature.low is not None and signature.high is not None
                for day in range(signature.low.toordinal(), signature.high.toordinal() + 1):
                    _append(self.by_day.setdefault((signature.type, act, day), []), cluster)

    def candidates(self, signature: Signature) -> Iterator[Cluster]:
        """At most :data:`MAX_CANDIDATES` clusters, each once: the work per report is
        bounded, so merging stays linear however many reports pile onto one day."""
        seen: set[int] = set()
        for cluster in self._near(signature):
            if id(cluster) not in seen:
                seen.add(id(cluster))
                yield cluster
                if len(seen) >= MAX_CANDIDATES:
                    return

    def _near(self, signature: Signature) -> Iterable[Cluster]:
        """Clusters of the same type sharing a party or a day (give or take a few), whose
        predicate class is the report's or unknown; any predicate for a report without."""
        acts = (signature.predicate, "") if signature.predicate else (ANY,)
        for act in acts:
            for party in signature.parties:  # the latest first
                yield from reversed(self.by_party.get((signature.type, act, party), ()))
            if not signature.wide:
                assert signature.low is not None and signature.high is not None
                first = signature.low.toordinal() - _REACH
                last = signature.high.toordinal() + _REACH
                for day in range(first, last + 1):
                    yield from reversed(self.by_day.get((signature.type, act, day), ()))
            for word in signature.words:
                yield from reversed(self.by_word.get((signature.type, act, word), ()))

    def best(self, signature: Signature, source: str) -> Cluster | None:
        """The most similar cluster no report of ``source`` joined in this run. One that
        cited ``source`` before the run may match: the report is there already.

        Ties (scores within 0.01) go to the cluster more articles report, then to the
        one nearest the report's bounds, then to the oldest.
        """
        best: Cluster | None = None
        best_key: tuple[float, int, int, int] = (MERGE_AT, 0, 0, 0)
        for cluster in self.candidates(signature):
            self.looked_at += 1
            if source in cluster.sources and source not in cluster.cited_before:
                continue
            score = cluster.score(signature)
            if score < MERGE_AT:
                continue
            key = (
                round(score, 2),
                len(cluster.sources),
                -_distance(cluster, signature),
                -cluster.order,
            )
            if best is None or key > best_key:
                best, best_key = cluster, key
        return best


def _append(bucket: list[Cluster], cluster: Cluster) -> None:
    if not bucket or bucket[-1] is not cluster:
        bucket.append(cluster)


def _distance(cluster: Cluster, signature: Signature) -> int:
    """Days between the cluster's day (or bounds) and the nearest bound of the report."""
    if cluster.low is None or cluster.high is None:
        return 1_000_000
    gaps = [abs((cluster.low - d).days) for d in (signature.low, signature.high) if d]
    return min(gaps, default=1_000_000)
