"""Events drawn at random from a whole topic, to judge by hand one by one.

    python bench/event_sample.py [--topic egypt] [--sample 20] [--seed 2026]
                                 [--shared ../shared] [--cache DIR] [--jobs 2]

Every article of the Timeline17 topic is extracted (cached, as in bench/tls.py) and the
reports are merged as `timeline extract` merges them. It prints the counts, then
--sample events drawn with a fixed seed from all merged events: type, date or bounds,
title, actors, and each report's source, publication day and quote. A judge marks each:

* a true event of the article (not an opinion, a plan, a habit, a misreading);
* the title names it (what happened, and to or by whom);
* the date or bounds hold the day the article supports;
* the type fits.

Record the marks in docs/accuracy.md.
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


def main() -> None:
    parser = arguments(__doc__.split("\n")[0])
    parser.add_argument("--topic", default="egypt")
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    folder = corpus_dir(args.shared) / args.topic
    articles = sorted(tls.topic_articles(folder), key=lambda a: (a.published, a.id))
    published = {a.id: a.published for a in articles}
    cache = tls.Cache(None if args.no_cache else args.cache)
    batch = tls.extract_corpus(articles, cache, jobs=args.jobs)
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    data = CommentedMap(title=args.topic, sources=CommentedMap(), events=CommentedSeq())
    merge_batch(data, batch, set(), MergeReport())
    timeline = tls.load_data(data)
    reports = sum(len(e.events) for e in batch)
    print(f"topic {args.topic}: {len(articles)} articles, {reports} reports")
    print(f"events after merging: {len(timeline.events)}\n")
    chosen = random.Random(args.seed).sample(timeline.events, args.sample)
    for number, event in enumerate(chosen, 1):
        when = event.written_date or _bounds(event)
        print(f"[{number}] {event.type}  {when}  {event.title}")
        print(f"    actors: {', '.join(event.actors) or '-'}")
        for ref in event.sources[:3]:
            day = published.get(ref.source.split("-", 1)[-1], "")
            quote = textwrap.shorten(ref.quote or "", 300)
            print(f"    - {ref.source} ({day}): {quote}")
        if len(event.sources) > 3:
            print(f"    ... and {len(event.sources) - 3} more reports")
        print()


def _bounds(event) -> str:
    low, high = (getattr(d, "text", d) for d in (event.not_before, event.not_after))
    return f"between {low or '?'} and {high or '?'}"


if __name__ == "__main__":
    main()
