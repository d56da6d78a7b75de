"""Score the event extractor on real news it was not written for (tests/realnews/).

    python bench/realnews_score.py [--half tune|test|all] [--errors] [--article NAME]

Each gold file names an article in ``../shared/corpora`` (format and guidelines in
``tests/realnews/README.md``). The article is extracted in memory and its events are
matched to the gold ones. A found event counts for a gold event when

- its type is one the gold allows,
- every ``match`` item (alternatives split by ``|``) is in its title or actors, a
  word matching its inflections (``resign`` ~ "resigns", "resignation"), and
- its bounds hold the true date: the found day or window contains the gold day or
  window, and the event is dated or bounded at all (an event with neither a date
  nor a bound counts as wrong).

Each gold event takes at most one found event and the other way round. Found events
that match an ``optional`` entry (type and words) count neither way; the others are
false positives. "exact" is the share of counted events whose window is no wider than
the gold one (the day itself for a gold day).

``--errors`` lists misses and false positives; use it on ``--half tune`` only. The
test half is read by its totals, never error by error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml import YAML

from timeline.corpora import CorpusArticle, t17_articles, timeml_article
from timeline.dates import parse_edtf
from timeline.extract.article import Found, extract_article
from timeline.extract.sources import article_from_text

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "realnews"
_ENDINGS = re.compile(r"(?:ations?|ments?|ings?|ed|es|s|d|e)$")

Window = tuple[dt.date | None, dt.date | None]


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    matched: int = 0
    exact: int = 0
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("gold", "found", "matched", "exact"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def prf(self) -> tuple[float, float, float]:
        p = self.matched / self.found if self.found else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def row(self, name: str) -> str:
        p, r, f = self.prf
        exact = self.exact / self.matched if self.matched else 0.0
        return (
            f"| {name} | {self.gold} | {self.found} | {self.matched} | {p:.2f} | {r:.2f}"
            f" | {f:.2f} | {exact:.2f} |"
        )


HEADER = (
    "| article | gold | found | matched | P | R | F1 | date exact |\n"
    "|---|---:|---:|---:|---:|---:|---:|---:|"
)


def _stem(word: str) -> str:
    word = word.lower()
    return _ENDINGS.sub("", word) if len(word) > 4 else word


def _has(alternative: str, haystack: str) -> bool:
    """Every word of the alternative is in the haystack, by its stem at a word start."""
    return all(re.search(rf"(?<![\w]){re.escape(_stem(w))}", haystack) for w in alternative.split())


def words_match(event: Found, want: dict) -> bool:
    types = want["type"] if isinstance(want["type"], list) else [want["type"]]
    if event.type not in types:
        return False
    haystack = " ".join([event.title, *event.actors]).lower()
    return all(
        any(_has(alt.strip(), haystack) for alt in str(item).split("|")) for item in want["match"]
    )


def _day(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def found_window(event: Found) -> Window:
    if event.date:
        parsed = parse_edtf(event.date)
        return parsed.earliest, parsed.latest
    return event.not_before, event.not_after


def gold_window(want: dict) -> Window:
    if "date" in want:
        parsed = parse_edtf(str(want["date"]))
        return parsed.earliest, parsed.latest
    low = _day(want["not_before"]) if "not_before" in want else None
    high = _day(want["not_after"]) if "not_after" in want else None
    return low, high


def holds(found: Window, gold: Window) -> bool:
    """The found window contains the gold one (an open gold side cannot be checked)."""
    if found == (None, None):
        return False
    low_ok = found[0] is None or gold[0] is None or found[0] <= gold[0]
    high_ok = found[1] is None or gold[1] is None or found[1] >= gold[1]
    return low_ok and high_ok


def exact(found: Window, gold: Window) -> bool:
    def width(w: Window) -> float:
        return (w[1] - w[0]).days if w[0] and w[1] else float("inf")

    return width(found) <= width(gold)


def load_article(spec: dict, shared: Path) -> CorpusArticle:
    corpus, ident = str(spec["corpus"]), str(spec["id"])
    if corpus.startswith("t17-dev/"):
        folder = shared / "corpora" / corpus
        for article in t17_articles(folder):
            if article.id == ident:
                return article
        raise KeyError(f"{ident} not in {corpus}")
    return timeml_article(shared / "corpora" / corpus / ident)


def score_file(path: Path, shared: Path) -> Score:
    gold = YAML(typ="safe").load(path.read_text("utf-8"))
    corpus = load_article(gold["article"], shared)
    article = article_from_text(corpus.text, corpus.published, name=path.stem)
    events = extract_article(article)
    score = Score(gold=len(gold["events"]))
    used: set[int] = set()
    for want in gold["events"]:
        window = gold_window(want)
        candidates = [
            i
            for i, e in enumerate(events)
            if i not in used and words_match(e, want) and holds(found_window(e), window)
        ]
        if not candidates:
            near = [
                f"{e.title} {e.date or found_window(e)}" for e in events if words_match(e, want)
            ]
            score.misses.append(
                f"MISS {want.get('what')} [{want['type']} {want['match']} {window}]"
                + (f"  (dates disagree: {near})" if near else "")
            )
            continue
        best = max(candidates, key=lambda i: exact(found_window(events[i]), window))
        used.add(best)
        score.matched += 1
        score.exact += exact(found_window(events[best]), window)
    optional = gold.get("optional") or []
    for i, event in enumerate(events):
        if i in used:
            continue
        if any(words_match(event, o) for o in optional):
            continue
        score.found += 1
        score.false.append(
            f"FALSE {event.type} {event.title!r} {event.date or found_window(event)}"
            f" <- {event.quote[:100]}"
        )
    score.found += len(used)
    return score


def gold_files(half: str) -> list[Path]:
    halves = ("tune", "test") if half == "all" else (half,)
    return [p for h in halves for p in sorted((GOLD / h).glob("*.yaml"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", choices=("tune", "test", "all"), default="tune")
    parser.add_argument("--errors", action="store_true", help="list misses and false positives")
    parser.add_argument("--article", help="only gold files whose name contains this")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args(argv)
    if args.errors and args.half != "tune":
        parser.error("--errors is for the tuning half only: read the test half by its totals")
    total = Score()
    print(HEADER)
    for path in gold_files(args.half):
        if args.article and args.article not in path.stem:
            continue
        score = score_file(path, args.shared)
        total.add(score)
        print(score.row(path.stem))
        if args.errors:
            for line in score.misses + score.false:
                print(f"    {line}", file=sys.stderr)
    print(total.row(f"**all {args.half}**"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
