"""Throughput of ``timeline extract`` end to end, in words per second.

    python bench/extract_speed.py [--shared PATH] [--jobs 2] [--repeat 3]

Strips the tags of every TimeML file in ``corpora/tempeval3-silver`` (the
publication date comes from its ``<DCT>``), writes each article as a plain
``date YYYY-MM-DD`` text file into a temporary folder, then times
:func:`timeline.extract.run_extract` over that folder into a fresh events.yaml:
reading, tagging, event detection, dating, merging, validating and saving. It
reports the best of ``--repeat`` runs with one process and with ``--jobs``.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

from timeline.extract import run_extract
from timeline.temporal.timeml import parse_timeml

# The DCT's TIMEX3 may follow a dateline inside <DCT>: "KUALA LUMPUR, <TIMEX3 ...>".
_DCT = re.compile(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", re.S)


def default_shared() -> Path:
    env = os.environ.get("TIMELINE_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared"


def write_corpus(corpus: Path, folder: Path) -> int:
    """The silver articles as text files with a date header; returns the word count."""
    words = 0
    for file in sorted(corpus.glob("*.tml")):
        raw = file.read_text(encoding="utf-8")
        dct = _DCT.search(raw)
        if dct is None:
            continue
        body = f"date {dct.group(1)}\n\n{parse_timeml(raw).text.strip()}"
        (folder / f"{file.stem}.txt").write_text(body, encoding="utf-8")
        words += len(body.split())
    return words


def timed(folder: Path, jobs: int, repeat: int) -> tuple[float, int]:
    best, events = float("inf"), 0
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            summary = run_extract([str(folder)], Path(out) / "events.yaml", jobs=jobs)
            best = min(best, time.perf_counter() - start)
            events = summary.events_found
    return best, events


def tagger_baseline(folder: Path, repeat: int) -> float:
    """The temporal tagger alone over the same texts: the floor extraction builds on."""
    from timeline.temporal import tag

    texts = [f.read_text(encoding="utf-8").split("\n", 1) for f in sorted(folder.glob("*.txt"))]
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for header, body in texts:
            tag(body, header.removeprefix("date ").strip())
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=default_shared())
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    corpus = args.shared / "corpora" / "tempeval3-silver"
    if not corpus.is_dir():
        print(f"corpus not found: {corpus}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        words = write_corpus(corpus, folder)
        files = len(list(folder.glob("*.txt")))
        print(f"{files} articles, {words} words")
        floor = tagger_baseline(folder, args.repeat)
        print("| run | seconds | words/s | events found | time / tagger alone |")
        print("|---|---:|---:|---:|---:|")
        print(f"| tagger alone (baseline) | {floor:.2f} | {words / floor:,.0f} | | 1.00 |")
        for jobs in (1, args.jobs):
            seconds, events = timed(folder, jobs, args.repeat)
            print(
                f"| extract, {jobs} process{'es' if jobs > 1 else ''} | {seconds:.2f} | "
                f"{words / seconds:,.0f} | {events} | {seconds / floor:.2f} |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
