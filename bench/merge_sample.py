"""Merging on a real topic: how many events, and a sample of merged events to judge by hand.

    python bench/merge_sample.py [--topic bpoil] [--limit 500] [--sample 30] [--seed 10]
                                 [--width 150] [--shared ../shared] [--cache DIR] [--jobs 2]

The first --limit articles of the topic (in publication order) are extracted
(cached, as in bench/tls.py) and merged as `timeline extract` merges them. It
prints the counts (articles, reports, events, events with several sources,
disputed dates, dropped inferences), then --sample events drawn at random, with
a fixed seed, from the events that merged reports of several articles. For each:
every report (source, its date claim, quote), and the events left apart from it
that could be the same (same type, within three days, sharing a named party or
the predicate's words). A judge marks each sampled event:

* wrongly merged: its reports are not all of one event;
* duplicate left unmerged: one of the events listed under it is the same event.

Record the marks and the counts in docs/benchmarks.md.
"""

from __future__ import annotations

import random
import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from learn_importance import arguments, corpus_dir

from timeline import tls
from timeline.extract.merge import MergeReport, merge_batch
from timeline.extract.signature import content_words, party_keys
from timeline.importance import exact_day


def main() -> None:
    parser = arguments(__doc__.split("\n")[0])
    parser.add_argument("--topic", default="bpoil")
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--width", type=int, default=150, help="characters of each quote shown")
    args = parser.parse_args()
    folder = corpus_dir(args.shared) / args.topic
    articles = sorted(tls.topic_articles(folder), key=lambda a: (a.published, a.id))
    articles = articles[: args.limit]
    cache = tls.Cache(None if args.no_cache else args.cache)
    batch = tls.extract_corpus(articles, cache, jobs=args.jobs)
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    data = CommentedMap(title=args.topic, sources=CommentedMap(), events=CommentedSeq())
    report = MergeReport()
    merge_batch(data, batch, set(), report)
    timeline = tls.load_data(data)
    reports = sum(len(e.events) for e in batch)
    multi = [e for e in timeline.events if len({r.source for r in e.sources}) > 1]
    print(f"topic {args.topic}: {len(articles)} articles, {reports} reports")
    print(f"events after merging: {len(timeline.events)} ({len(multi)} with several sources)")
    print(f"disputed days: {len(report.disputed)}; inferences dropped: {len(report.dropped)}\n")
    rng = random.Random(args.seed)
    chosen = rng.sample(multi, min(args.sample, len(multi)))
    quotes = {(r.source, r.quote): r for e in timeline.events for r in e.sources}
    for number, event in enumerate(chosen, 1):
        print(f"[{number}] {event.id}  {event.type}  {event.written_date or 'undated'}")
        print(f"    title: {event.title}   actors: {', '.join(event.actors)}")
        for ref in event.sources:
            claim = f" says {ref.date.text}" if ref.date else ""
            quote = textwrap.shorten(ref.quote or "", args.width)
            print(f"    - {ref.source}{claim}: {quote}")
        for other in near(event, timeline.events):
            print(f"      apart? {other.id} ({other.written_date}): {other.title}")
        print()
    assert quotes  # every sampled reference came from the merge


def near(event, events):
    """Events of the same type within three days that share a party or content words."""
    day = exact_day(event)
    if day is None:
        return []
    parties = party_keys(list(event.actors))
    words = content_words(event.title)
    out = []
    for other in events:
        other_day = exact_day(other)
        if other is event or other.type != event.type or other_day is None:
            continue
        if abs((other_day - day).days) > 3:
            continue
        if parties & party_keys(list(other.actors)) or words & content_words(other.title):
            out.append(other)
    return out[:6]


if __name__ == "__main__":
    main()
