"""Throughput of ``timeline extract`` end to end, in words per second.

    python bench/extract_speed.py [--shared PATH] [--jobs 2] [--repeat 3]

Strips the tags of every TimeML file in ``corpora/tempeval3-silver`` (the
publication date comes from its ``<DCT>``), writes each article as a plain
``date YYYY-MM-DD`` text file into a temporary folder, then times, in the same run:

- dateparser's ``search_dates`` over the same texts (the baseline of the target:
  extraction must reach at least half its words per second);
- the temporal tagger alone;
- ``timeline extract FOLDER`` through the command line, from a cold start (a new
  process: imports, the parser's model, reading, tagging, parsing, dating, merging,
  validating and saving), with one process and with ``--jobs``.

It reports the best of ``--repeat`` runs, and how many sentences the parser saw.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def cli_timed(folder: Path, jobs: int, repeat: int) -> float:
    """``timeline extract`` as a user runs it: a new process, cold caches of its own."""
    best = float("inf")
    command = [sys.executable, "-m", "timeline", "extract", str(folder), "--jobs", str(jobs)]
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            subprocess.run(
                [*command, "--events", str(Path(out) / "events.yaml")],
                check=True,
                capture_output=True,
            )
            best = min(best, time.perf_counter() - start)
    return best


def dateparser_baseline(folder: Path) -> float:
    """dateparser's ``search_dates`` over the same texts (English, one pass)."""
    from dateparser.search import search_dates

    texts = [f.read_text(encoding="utf-8").split("\n", 1)[1] for f in sorted(folder.glob("*.txt"))]
    start = time.perf_counter()
    for body in texts:
        search_dates(body, languages=["en"])
    return time.perf_counter() - start


def parsed_share(folder: Path) -> tuple[int, int]:
    """(sentences parsed, sentences) over the corpus: the parser sees only candidates."""
    from timeline.extract.sources import read_article
    from timeline.extract.stages import run

    parsed = total = 0
    for file in sorted(folder.glob("*.txt")):
        doc = run(read_article(str(file)))
        total += len(doc.sentences)
        parsed += sum(1 for s in doc.sentences if s.parse is not None)
    return parsed, total


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
        searched = dateparser_baseline(folder)
        floor = tagger_baseline(folder, args.repeat)
        base = words / searched
        print("| run | seconds | words/s | / search_dates |")
        print("|---|---:|---:|---:|")
        print(f"| dateparser search_dates (baseline) | {searched:.2f} | {base:,.0f} | 1.00 |")
        ratio = searched / floor
        print(f"| temporal tagger alone | {floor:.2f} | {words / floor:,.0f} | {ratio:.2f} |")
        for jobs in (1, args.jobs):
            seconds = cli_timed(folder, jobs, args.repeat)
            print(
                f"| timeline extract (CLI, cold), {jobs} process{'es' if jobs > 1 else ''} |"
                f" {seconds:.2f} | {words / seconds:,.0f} | {searched / seconds:.2f} |"
            )
        parsed, total = parsed_share(folder)
        print(f"\nsentences parsed: {parsed} of {total} ({parsed / total:.0%})")
        print(f"target: at least half of search_dates, {base / 2:,.0f} words/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
