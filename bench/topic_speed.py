"""A whole Timeline17 topic through `timeline extract`, and how merging grows with the batch.

    python bench/topic_speed.py [--topic bpoil] [--jobs 2] [--sizes 250,500,1000]
                                [--repeat 3] [--shared ../shared] [--cache DIR] [--skip-extract]

1. Extraction: every article of the topic is written as a text file (a date line, one
   paragraph per sentence, as bench/tls.py reads them) into a temporary folder and
   `timeline extract FOLDER --jobs N` runs once into a fresh events.yaml, timed end to
   end and per phase (extract, load, merge, validate, write). Baseline in the same run:
   the temporal tagger alone over the same texts, in one process.
2. Merging: the first 250, 500 and 1,000 articles in publication order (extractions
   from the cache of bench/tls.py, so extraction is not timed) are merged into a fresh
   file as the command does, best of --repeat, in CPU time (steadier than wall time on
   a shared machine). Merging is linear when the time per article stays flat: the
   per-article time over that of the smallest batch, and how many events each report
   was compared with (bounded by timeline.extract.cluster.MAX_CANDIDATES). Validation of
   the merged file is the in-run baseline.
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from learn_importance import arguments, corpus_dir

from timeline import tls


def extraction(folder: Path, jobs: int) -> None:
    from timeline.extract import run_extract
    from timeline.temporal import tag

    articles = tls.topic_articles(folder)
    with tempfile.TemporaryDirectory() as tmp:
        texts = Path(tmp) / "articles"
        texts.mkdir()
        words = 0
        for article in articles:
            text = tls.corpus_text(article)
            words += len(text.split())
            (texts / f"{article.id}.txt").write_text(text, encoding="utf-8")
        start = time.perf_counter()
        for article in articles:
            tag(tls.corpus_text(article), article.published)
        floor = time.perf_counter() - start
        start = time.perf_counter()
        summary = run_extract([str(texts)], Path(tmp) / "events.yaml", jobs=jobs)
        total = time.perf_counter() - start
    print(f"{folder.name}: {len(articles)} articles, {words:,} words\n")
    print("| run | seconds | words/s | time / tagger alone |")
    print("|---|---:|---:|---:|")
    print(f"| tagger alone, 1 process (baseline) | {floor:.1f} | {words / floor:,.0f} | 1.00 |")
    print(
        f"| `timeline extract --jobs {jobs}` | {total:.1f} | {words / total:,.0f} | "
        f"{total / floor:.2f} |"
    )
    phases = ", ".join(f"{k} {v:.1f} s" for k, v in summary.seconds.items())
    print(f"\nphases: {phases}")
    print(
        f"reports {summary.events_found}, new events {len(summary.new)}, "
        f"merged {len(summary.merged)}, disputed {len(summary.disputed)}, "
        f"inferences dropped {len(summary.dropped)}, skipped {len(summary.skipped)}\n"
    )


def merging(folder: Path, sizes: list[int], repeat: int, cache: tls.Cache, jobs: int) -> None:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from timeline.extract.merge import MergeReport, merge_batch

    articles = sorted(tls.topic_articles(folder), key=lambda a: (a.published, a.id))
    extracted = tls.extract_corpus(articles[: max(sizes)], cache, jobs=jobs)
    print(
        "| articles | reports | events | merge, CPU s | validate, CPU s (baseline) | "
        "ms / article | per article / smallest batch | events compared per report |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    first = None
    for size in sizes:
        batch = extracted[:size]
        best, check, events = float("inf"), float("inf"), 0
        for _ in range(repeat):
            copy = [
                dataclasses.replace(e, events=[dataclasses.replace(f) for f in e.events])
                for e in batch
            ]
            data = CommentedMap(title="t", sources=CommentedMap(), events=CommentedSeq())
            report = MergeReport()
            start = time.process_time()
            merge_batch(data, copy, set(), report)
            best = min(best, time.process_time() - start)
            start = time.process_time()
            timeline = tls.load_data(data)
            check = min(check, time.process_time() - start)
            events = len(timeline.events)
        per = best / size
        first = first or per
        reports = sum(len(e.events) for e in batch)
        print(
            f"| {size:,} | {reports:,} | {events:,} | {best:.2f} | {check:.2f} | "
            f"{per * 1000:.2f} | {per / first:.2f} | {report.looked_at / max(1, reports):.1f} |"
        )


def main() -> None:
    parser = arguments(__doc__.split("\n")[0])
    parser.add_argument("--topic", default="bpoil")
    parser.add_argument("--sizes", default="250,500,1000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-extract", action="store_true", help="only the merge table")
    args = parser.parse_args()
    folder = corpus_dir(args.shared) / args.topic
    if not args.skip_extract:
        extraction(folder, args.jobs)
    cache = tls.Cache(None if args.no_cache else args.cache)
    merging(folder, [int(s) for s in args.sizes.split(",")], args.repeat, cache, args.jobs)


if __name__ == "__main__":
    main()
