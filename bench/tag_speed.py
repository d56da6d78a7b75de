"""Throughput of the temporal tagger next to dateparser's ``search_dates``, same text, same run.

    python bench/tag_speed.py [--shared PATH] [--limit-dateparser N]

Reads the TEXT of every TimeML file in ``corpora/tempeval3-silver`` (the annotations are
not used), tags each article with its DCT as publication date, and reports words per
second for ``timeline.temporal.tag`` and for ``dateparser.search.search_dates``, their
ratio, and the time to tag 1 MB of adversarial input (long runs of digits, month names,
spaces and punctuation).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from timeline.temporal import tag
from timeline.temporal.timeml import parse_timeml


def default_shared() -> Path:
    env = os.environ.get("TIMELINE_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared"


def adversarial(size: int = 1_000_000) -> str:
    """Text meant to make a backtracking pattern blow up."""
    pieces = [
        "1" * 5000, " " * 5000, "May " * 1000, "March 12, " * 500, "-" * 3000, "., " * 1000,
        "the the last next " * 300, "20 20 20 " * 600, "Jan. Feb. Mar. " * 400,
        "Monday Tuesday, " * 400, "a.m. p.m. " * 400, "'" * 2000, "1990s '80s " * 300,
        "early late mid-" * 400, "two-year-old " * 300, "\r\n" * 1000,
    ]  # fmt: skip
    text = "".join(pieces)
    return (text * (size // len(text) + 1))[:size]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=default_shared(), help="the shared folder")
    ap.add_argument("--limit-dateparser", type=int, default=0,
                    help="run search_dates on only the first N articles (0: all)")  # fmt: skip
    ap.add_argument("--repeat", type=int, default=3, help="runs of our tagger (best is kept)")
    args = ap.parse_args(argv)
    files = sorted((args.shared / "corpora" / "tempeval3-silver").glob("*.tml"))
    if not files:
        print(f"no silver corpus under {args.shared}", file=sys.stderr)
        return 2
    docs = []
    for path in files:
        doc = parse_timeml(path.read_text(encoding="utf-8"))
        docs.append((doc.text, (doc.dct or "2000-01-01")[:10]))
    words = sum(len(t.split()) for t, _ in docs)

    tag(docs[0][0], docs[0][1])  # warm up: build the compiled dispatch tables once
    best_wall = best_cpu = float("inf")
    found = 0
    for _ in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        found = sum(len(tag(text, dct)) for text, dct in docs)
        best_wall = min(best_wall, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)

    import datetime as dt

    from dateparser.search import search_dates

    subset = docs[: args.limit_dateparser] if args.limit_dateparser else docs
    sub_words = sum(len(t.split()) for t, _ in subset)
    search_dates("warm up", languages=["en"])
    t0, c0 = time.perf_counter(), time.process_time()
    dp_found = 0
    for text, dct in subset:
        base = dt.datetime.fromisoformat(dct)
        res = search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base})
        dp_found += len(res or [])
    dp_wall, dp_cpu = time.perf_counter() - t0, time.process_time() - c0

    adv = adversarial()
    adv_wall = adv_cpu = float("inf")
    for _ in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        tag(adv, "2020-10-21")
        adv_wall = min(adv_wall, time.perf_counter() - t0)
        adv_cpu = min(adv_cpu, time.process_time() - c0)

    ours_wall, ours_cpu = words / best_wall, words / best_cpu
    dp_wps_wall, dp_wps_cpu = sub_words / dp_wall, sub_words / dp_cpu
    note = f"  (first {len(subset)} articles)" if args.limit_dateparser else ""
    print(f"silver corpus: {len(docs)} articles, {words:,} words; ours: best of {args.repeat}")
    print(f"{'tagger':<26}{'words/s wall':>14}{'words/s CPU':>14}{'expressions':>13}")
    print(f"{'timeline.temporal.tag':<26}{ours_wall:>14,.0f}{ours_cpu:>14,.0f}{found:>13,}")
    print(
        f"{'dateparser search_dates':<26}{dp_wps_wall:>14,.0f}{dp_wps_cpu:>14,.0f}{dp_found:>13,}"
    )
    if note:
        print(note.strip())
    print(f"{'ratio':<26}{ours_wall / dp_wps_wall:>13.1f}x{ours_cpu / dp_wps_cpu:>13.1f}x")
    print(f"adversarial input, {len(adv):,} characters: {adv_wall:.3f} s wall, {adv_cpu:.3f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
