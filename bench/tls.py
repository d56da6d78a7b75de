"""Date-F1 on the Timeline17 dev topics, as news-tls computes it.

    python bench/tls.py [--shared ../shared] [--cache DIR] [--jobs 2] [--l2 1.0]

For each journalist's timeline, only the articles published between its first
and last day are used, and k = its number of days are predicted inside that
window. P and R are averaged over the timelines; F1 is taken of the two means.

Rows of the table:

* ours (leave-one-topic-out): the days `timeline digest` ranks first, with the
  importance weights learned on the other six topics (bench/learn_importance.py);
  "events only" leaves out mentioned days on which no event was extracted;
* ours (shipped weights): the weights in timeline/importance.json (learned on all
  seven topics: not a fair score, shown for reference);
* mention count: days ranked by how often `timeline tag` finds them in the articles;
* PUBCOUNT: days ranked by the number of articles published that day;
* event reports: days ranked by the number of articles reporting an event on them;
* published figures on all of Timeline17 (Ghalandari & Ifrim, ACL 2020, Table 4).

--rouge (needs `pip install tilse`) adds the alignment ROUGE-1 F of news-tls
(tilse's "align, date-content costs, many-to-one", with its Python ROUGE
reimplementation: the original Perl ROUGE is not available here) of each predicted
day's digest lines (the titles of its key events) against the journalist's
sentences, averaged over the timelines, for the leave-one-topic-out predictions.
Days without an extracted event have no lines and are left out of that timeline.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from learn_importance import arguments, learn, prepare_topics

from timeline import tls
from timeline.importance import default_scorer

POLITICAL = ("egypt", "iraq")
PUBLISHED = (
    ("DATEWISE (published, all T17)", 0.544),
    ("MARTSCHAT2018 (published, all T17)", 0.544),
    ("TRAN2013 (published, all T17)", 0.517),
    ("PUBCOUNT (published, all T17)", 0.481),
    ("CLUST (published, all T17)", 0.407),
)


def score(prepared, predict) -> dict[str, tuple[float, float]]:
    return {
        f"{p.window.topic}/{p.window.name}": tls.date_scores(predict(p), p.window.gold)
        for p in prepared
    }


def baselines(p: tls.Prepared, kind: str) -> list:
    from timeline.importance import signals

    found = signals(p.timeline)
    if kind == "mentions":
        counts = dict(found.mentions)
    elif kind == "pubcount":
        counts = {}
        for source in p.timeline.sources.values():
            day = source.published.earliest
            counts[day] = counts.get(day, 0) + 1
    else:  # event reports
        counts = {}
        for event in p.timeline.events:
            day = found.event_day.get(event.id)
            if day is not None:
                counts.setdefault(day, set()).update(r.source for r in event.sources)
        counts = {d: len(s) for d, s in counts.items()}
    return tls.top_days(counts, p.window)


def alignment_rouge(p: tls.Prepared, model, threshold: float, shared) -> float:
    """news-tls's AR1-F of one predicted timeline: the digest lines of each day."""
    from learn_importance import corpus_dir
    from tilse.data.timelines import GroundTruth
    from tilse.data.timelines import Timeline as TilseTimeline
    from tilse.evaluation import rouge

    from timeline.digest import day_events

    summaries = {
        d.day: [e.title for e, _ in day_events(d, threshold)]
        for d in tls.predicted(p, model)
        if d.events
    }
    gold = {g.name: g for g in tls.gold_timelines(corpus_dir(shared) / p.window.topic)}
    truth = GroundTruth([TilseTimeline(gold[p.window.name].days)])
    evaluator = rouge.TimelineRougeEvaluator(measures=["rouge_1"], rouge_computation="reimpl")
    result = evaluator.evaluate_align_date_content_costs_many_to_one(
        TilseTimeline(summaries), truth
    )
    return float(result["rouge_1"]["f_score"])


def row(name: str, scores: dict[str, tuple[float, float]], keys: list[str]) -> str:
    seven = tls.f1_of_means([scores[k] for k in keys])
    political = tls.f1_of_means([scores[k] for k in keys if k.split("/")[0] in POLITICAL])
    return f"| {name} | {seven[0]:.3f} | {seven[1]:.3f} | **{seven[2]:.3f}** | {political[2]:.3f} |"


def main() -> None:
    parser = arguments(__doc__.split("\n")[0])
    parser.add_argument("--per-timeline", action="store_true", help="also each timeline's P, R")
    parser.add_argument("--rouge", action="store_true", help="alignment ROUGE-1 F (needs tilse)")
    args = parser.parse_args()
    started = time.perf_counter()
    prepared = prepare_topics(args)
    keys = [f"{p.window.topic}/{p.window.name}" for items in prepared.values() for p in items]
    loo, loo_events, rouge = {}, {}, {}
    for topic, held_out in prepared.items():
        train = [p for other, items in prepared.items() if other != topic for p in items]
        model, threshold = learn(train, args.l2)
        loo.update(score(held_out, lambda p, m=model: tls.predicted_days(p, m)))
        loo_events.update(
            score(held_out, lambda p, m=model: tls.predicted_days(p, m, events_only=True))
        )
        if args.rouge:
            for p in held_out:
                key = f"{p.window.topic}/{p.window.name}"
                rouge[key] = alignment_rouge(p, model, threshold, args.shared)
    everything = [p for items in prepared.values() for p in items]
    shipped = default_scorer().model
    results = [
        ("ours, leave-one-topic-out", loo),
        ("ours, leave-one-topic-out, events only", loo_events),
        (
            "ours, shipped weights (trained on all seven)",
            score(everything, lambda p: tls.predicted_days(p, shipped)),
        ),
        ("mention count", score(everything, lambda p: baselines(p, "mentions"))),
        ("PUBCOUNT", score(everything, lambda p: baselines(p, "pubcount"))),
        ("event reports", score(everything, lambda p: baselines(p, "reports"))),
    ]
    print(f"Timeline17 dev: {len(prepared)} topics, {len(keys)} timelines\n")
    print("| system | mean P | mean R | Date-F1 (7 topics) | Date-F1 (egypt, iraq) |")
    print("|---|---:|---:|---:|---:|")
    for name, scores in results:
        print(row(name, scores, keys))
    for name, value in PUBLISHED:
        print(f"| {name} | | | {value:.3f} | |")
    if args.rouge:
        political = [v for k, v in rouge.items() if k.split("/")[0] in POLITICAL]
        print("\n| system | AR1-F (7 topics) | AR1-F (egypt, iraq) |\n|---|---:|---:|")
        print(
            f"| ours, leave-one-topic-out | {sum(rouge.values()) / len(rouge):.3f} | "
            f"{sum(political) / max(1, len(political)):.3f} |"
        )
        print("| DATEWISE (published, all T17) | 0.120 | |")
    if args.per_timeline:
        print("\n| timeline | k | " + " | ".join(n for n, _ in results) + " |")
        print("|---|---:|" + "---:|" * len(results))
        windows = {f"{p.window.topic}/{p.window.name}": p.window for p in everything}
        for key in keys:
            cells = " | ".join(f"{r[key][0]:.2f}/{r[key][1]:.2f}" for _, r in results)
            print(f"| {key} | {windows[key].k} | {cells} |")
    print(f"\n({time.perf_counter() - started:.0f} s; extractor {tls.extractor_version()})")


if __name__ == "__main__":
    main()
