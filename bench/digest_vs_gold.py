"""Our digest of a Timeline17 topic next to the journalist's timeline.

    python bench/digest_vs_gold.py [--topic iraq] [--top 20] [--show-gold]
                                   [--shared ../shared] [--cache DIR] [--jobs 2]

The topic's articles inside the journalist's window are merged as `timeline extract`
merges them and `timeline digest --top N` ranks the days. For each of our days: its
key events (titles and source counts), whether the journalist's timeline has that
day, and otherwise its nearest day there. Then the precision of the N days and how
many of the journalist's days fall inside our first N.

--show-gold also prints the journalist's sentence for each day: third-party text,
for reading in the terminal only; never paste it into the repository.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from learn_importance import arguments, corpus_dir

from timeline import tls
from timeline.digest import PER_DAY
from timeline.importance import default_scorer, rank_days


def main() -> None:
    parser = arguments(__doc__.split("\n")[0])
    parser.add_argument("--topic", default="iraq")
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--show-gold", action="store_true")
    args = parser.parse_args()
    folder = corpus_dir(args.shared) / args.topic
    articles = tls.topic_articles(folder)
    cache = tls.Cache(None if args.no_cache else args.cache)
    extracted = tls.extract_corpus(articles, cache, jobs=args.jobs)
    golds = {g.name: g for g in tls.gold_timelines(folder)}
    for window in tls.windows(folder):
        gold = golds[window.name]
        prepared = tls.prepare(window, tls.in_window(window, articles, extracted))
        scorer = default_scorer()
        days = [d for d in rank_days(prepared.timeline, scorer) if window.holds(d.day)]
        days = days[: args.top]
        print(
            f"## {args.topic}: {window.name}, {window.start} to {window.end}, "
            f"{len(gold.days)} journalist's days\n"
        )
        print("| # | day | our key events (sources) | journalist's timeline |")
        print("|---:|---|---|---|")
        for rank, day in enumerate(days, 1):
            events = "; ".join(
                f"{e.title} ({len({r.source for r in e.sources})})"
                for e, s in zip(day.events, day.scores, strict=True)
                if s >= scorer.threshold or e is day.events[0]
            )
            events = (
                events_cell(events, day)
                if day.events
                else (f"*no event; mentioned in {day.mentioned_by} articles*")
            )
            if day.day in gold.days:
                mark = "same day"
            else:
                nearest = min(gold.days, key=lambda d: (abs((d - day.day).days), d))
                mark = f"no (nearest {nearest}, {(nearest - day.day).days:+d} days)"
            print(f"| {rank} | {day.day} | {events} | {mark} |")
            if args.show_gold and day.day in gold.days:
                for sentence in gold.days[day.day]:
                    print(textwrap.indent(textwrap.fill(sentence, 96), "    > "))
        hits = sum(1 for d in days if d.day in gold.days)
        print(
            f"\n{hits} of our {len(days)} days are in the journalist's timeline "
            f"(precision {hits / max(1, len(days)):.2f}).\n"
        )


def events_cell(text: str, day) -> str:
    parts = text.split("; ")[:PER_DAY]
    return "; ".join(p.replace("|", "\\|") for p in parts)


if __name__ == "__main__":
    main()
