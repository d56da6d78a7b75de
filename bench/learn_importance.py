"""Learn the importance weights (timeline/importance.json) on the Timeline17 dev topics.

    python bench/learn_importance.py [--shared ../shared] [--cache DIR] [--jobs 2]
                                     [--l2 1.0] [--topics egypt,iraq,...] [--dry-run]

Each journalist's timeline gives a window of articles (those published between its
first and last day). The window is merged as `timeline extract` would merge it,
and every event with a day in the window becomes a row of features
(timeline/importance.py), labelled by whether the journalist's timeline has that
day; so does every mentioned day without an event. A weighted logistic regression
(timeline/learn.py; the rows of one day share a weight of 1, each window weighs
the same) gives the weights. The key threshold is the score that best separates
events on timeline days from the rest (F1 over the training rows).

Extractions are cached (--cache, default ~/.cache/timeline/extract), so a re-run
costs only the merges.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from timeline import tls
from timeline.learn import Model, fit_logistic

ROOT = Path(__file__).resolve().parents[1]
TOPICS = ("egypt", "iraq", "bpoil", "finan", "h1n1", "haiti", "mj")


def arguments(description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--shared", type=Path, default=None, help="default: ../shared")
    parser.add_argument("--cache", type=Path, default=tls.default_cache())
    parser.add_argument("--no-cache", action="store_true", help="extract everything again")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--topics", default=",".join(TOPICS))
    parser.add_argument("--l2", type=float, default=1.0)
    return parser


def corpus_dir(shared: Path | None) -> Path:
    import os

    base = shared or Path(os.environ.get("TIMELINE_SHARED", ROOT.parent / "shared"))
    folder = base / "corpora" / "t17-dev"
    if not folder.is_dir():
        sys.exit(f"Timeline17 dev topics not found at {folder} (give --shared)")
    return folder


def prepare_topics(args: argparse.Namespace) -> dict[str, list[tls.Prepared]]:
    """Every window of every topic, merged and turned into feature rows."""
    folder = corpus_dir(args.shared)
    cache = tls.Cache(None if args.no_cache else args.cache)
    out: dict[str, list[tls.Prepared]] = {}
    for topic in args.topics.split(","):
        articles = tls.topic_articles(folder / topic)
        extracted = tls.extract_corpus(articles, cache, jobs=args.jobs)
        out[topic] = [
            tls.prepare(w, tls.in_window(w, articles, extracted))
            for w in tls.windows(folder / topic)
        ]
        print(f"{topic}: {len(articles)} articles, {len(out[topic])} timelines", file=sys.stderr)
    return out


def learn(prepared: list[tls.Prepared], l2: float) -> tuple[Model, float]:
    rows, labels, weights = tls.training_set(prepared)
    model = fit_logistic(rows, labels, weights, l2=l2)
    return model, threshold(model, prepared)


def threshold(model: Model, prepared: list[tls.Prepared]) -> float:
    """The probability above which events best match timeline days (event-level F1)."""
    scored = sorted(
        (
            (model.probability(row), day in item.window.gold)
            for item in prepared
            for row, day, ident in zip(item.rows, item.days, item.ids, strict=True)
            if ident is not None
        ),
        reverse=True,
    )
    positives = sum(1 for _, label in scored if label)
    best, best_f1, hits = 1.0, 0.0, 0
    for rank, (score, label) in enumerate(scored, 1):
        hits += label
        f1 = 2 * hits / (rank + positives) if positives else 0.0
        if f1 > best_f1:
            best, best_f1 = score, f1
    return round(best, 4)


def main() -> None:
    parser = arguments(__doc__.split("\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="print the weights only")
    args = parser.parse_args()
    prepared = prepare_topics(args)
    everything = [p for items in prepared.values() for p in items]
    model, cut = learn(everything, args.l2)
    data = {
        "about": "Logistic regression of 'a journalist's timeline has this event's day' on "
        "the signals in timeline/importance.py; learned by bench/learn_importance.py",
        "trained_on": sorted(prepared),
        "l2": args.l2,
        "learned": dt.date.today().isoformat(),
        "extractor": tls.extractor_version(),
        "bias": round(model.bias, 4),
        "weights": {k: round(v, 4) for k, v in sorted(model.weights.items())},
        "threshold": cut,
    }
    text = json.dumps(data, indent=2) + "\n"
    print(text)
    if not args.dry_run:
        (ROOT / "timeline" / "importance.json").write_text(text, "utf-8")
        print("wrote timeline/importance.json", file=sys.stderr)


if __name__ == "__main__":
    main()
