"""Score the event extractor on the test articles: precision, recall, F1, dates, titles.

    python bench/extract_score.py [--set dev|heldout|all] [--errors] [--article NAME]

Each ``NAME.txt`` with a ``NAME.expected.yaml`` (format in ``tests/articles/README.md``)
is extracted in memory (nothing is written) and its events are matched to the
expected ones: same type, every ``match`` word in the title or the actors, and
dates that can agree (the found day or bounds overlap the expected ones). Each
expected event takes at most one found event and the other way round. Found
events that match an ``optional`` entry count neither way; the rest are false
positives. Of the matched events, "date exact" counts those with the expected
day (or bounds at least as narrow as the expected ones) and "date holds" those
whose day or bounds contain the expected day. Titles are flagged when they
differ from an expected ``title``, are longer than 9 words, start in lower case
or end on a function word.

``--set dev`` (default) scores ``tests/articles``; ``--set heldout`` scores
``tests/articles/heldout``, which is kept for an estimate of unseen articles:
look at its totals only, never at its ``--errors``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

from timeline.dates import parse_edtf
from timeline.extract.article import Found, extract_article
from timeline.extract.sources import read_article

ARTICLES = Path(__file__).resolve().parents[1] / "tests" / "articles"
_FUNCTION = frozenset(("a", "an", "the", "of", "to", "for", "and", "or", "by", "with", "at", "on"))


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    matched: int = 0
    exact: int = 0
    holds: int = 0
    title_flags: int = 0
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("expected", "found", "matched", "exact", "holds", "title_flags"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def row(self, name: str) -> str:
        p = self.matched / self.found if self.found else 0.0
        r = self.matched / self.expected if self.expected else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        exact = self.exact / self.matched if self.matched else 0.0
        holds = self.holds / self.matched if self.matched else 0.0
        return (
            f"| {name} | {self.expected} | {self.found} | {self.matched} | {p:.2f} | {r:.2f}"
            f" | {f:.2f} | {exact:.2f} | {holds:.2f} | {self.title_flags} |"
        )


HEADER = (
    "| article | expected | found | matched | P | R | F1 | date exact | date holds"
    " | title flags |\n"
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
)


def _day(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def found_bounds(event: Found) -> tuple[dt.date | None, dt.date | None]:
    if event.date:
        parsed = parse_edtf(event.date)
        return parsed.earliest, parsed.latest
    return event.not_before, event.not_after


def want_bounds(want: dict) -> tuple[dt.date | None, dt.date | None]:
    if "date" in want:
        parsed = parse_edtf(str(want["date"]))
        return parsed.earliest, parsed.latest
    low = _day(want["not_before"]) if "not_before" in want else None
    high = _day(want["not_after"]) if "not_after" in want else None
    return low, high


_SUFFIX = re.compile(r"(?:ed|d|es|s|ing)$")


def word_in(word: str, haystack: str) -> bool:
    """A match word, or its stem for a tense or number of its own ('stormed' ~ 'storms')."""
    word = word.lower()
    stem = _SUFFIX.sub("", word) if len(word) > 5 else word
    return word in haystack or stem in haystack


def words_match(event: Found, want: dict) -> bool:
    haystack = " ".join([event.title, *event.actors]).lower()
    return event.type == want["type"] and all(word_in(str(w), haystack) for w in want["match"])


def compatible(event: Found, want: dict) -> bool:
    """The found day or bounds and the expected ones can agree."""
    a_low, a_high = found_bounds(event)
    b_low, b_high = want_bounds(want)
    if a_low and b_high and a_low > b_high:
        return False
    return not (b_low and a_high and b_low > a_high)


def date_grades(event: Found, want: dict) -> tuple[bool, bool]:
    """(exact, holds): the expected day itself or tighter bounds; bounds containing it."""
    a_low, a_high = found_bounds(event)
    b_low, b_high = want_bounds(want)
    if "date" in want:
        exact = event.date == str(want["date"])
    else:
        exact = (b_low is None or (a_low is not None and a_low >= b_low)) and (
            b_high is None or (a_high is not None and a_high <= b_high)
        )
    holds = (a_low is None or b_low is None or a_low <= b_low) and (
        a_high is None or b_high is None or a_high >= b_high
    )
    return exact, holds or exact


def title_problems(title: str) -> list[str]:
    words = title.split()
    problems = []
    if len(words) > 9:
        problems.append("long")
    if title[:1].islower() and not re.match(r"(?:al|el|ad|as|ash|an|ar|az)-[A-Z]", title):
        problems.append("lower case")
    if words and words[-1].lower() in _FUNCTION:
        problems.append("ends on a function word")
    if any(c in title for c in '"“”;'):
        problems.append("punctuation")
    return problems


def score_article(txt: Path) -> Score:
    spec = YAML(typ="safe").load(txt.with_suffix(".expected.yaml").read_text("utf-8"))
    events = extract_article(read_article(str(txt)))
    score = Score(expected=len(spec["events"]))
    used: set[int] = set()
    for want in spec["events"]:
        candidates = [
            i
            for i, e in enumerate(events)
            if i not in used and words_match(e, want) and compatible(e, want)
        ]
        if not candidates:
            near = [e.title for e in events if words_match(e, want)]
            score.misses.append(f"MISS {want}" + (f"  (dates disagree: {near})" if near else ""))
            continue
        best = max(candidates, key=lambda i: date_grades(events[i], want))
        used.add(best)
        event = events[best]
        score.matched += 1
        exact, holds = date_grades(event, want)
        score.exact += exact
        score.holds += holds
        if not exact:
            score.misses.append(
                f"DATE {event.title!r}: {event.date or found_bounds(event)} vs {want}"
            )
        problems = title_problems(event.title)
        if "title" in want and event.title != want["title"]:
            problems.append(f"expected {want['title']!r}")
        if problems:
            score.title_flags += 1
            score.flags.append(f"TITLE {event.title!r}: {', '.join(problems)}")
    optional = spec.get("optional") or []
    for i, event in enumerate(events):
        if i in used or any(words_match(event, o) for o in optional):
            continue
        score.found += 1
        when = event.date or found_bounds(event)
        score.false.append(f"FALSE {event.type} {event.title!r} {when} <- {event.quote[:90]}")
    score.found += len(used)
    return score


def articles(which: str) -> list[Path]:
    folders = {"dev": [ARTICLES], "heldout": [ARTICLES / "heldout"]}
    chosen = folders.get(which, [ARTICLES, ARTICLES / "heldout"])
    return [
        p
        for f in chosen
        for p in sorted(f.glob("*.txt"))
        if p.with_suffix(".expected.yaml").exists()
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", choices=("dev", "heldout", "all"), default="dev")
    parser.add_argument("--errors", action="store_true", help="list misses and false positives")
    parser.add_argument("--article", help="only articles whose name contains this")
    args = parser.parse_args(argv)
    total = Score()
    print(HEADER)
    for txt in articles(args.set):
        if args.article and args.article not in txt.stem:
            continue
        score = score_article(txt)
        total.add(score)
        print(score.row(txt.stem))
        if args.errors:
            for line in score.misses + score.false + score.flags:
                print(f"    {line}", file=sys.stderr)
    print(total.row(f"**all {args.set}**"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
