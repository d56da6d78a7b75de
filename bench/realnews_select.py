"""Choose the real-news articles of the event gold (tests/realnews/), reproducibly.

    python bench/realnews_select.py [--shared ../shared] [--seed 2026]

From the political Timeline17 topics (egypt, iraq) and TempEval-3 TBAQ, keep the
articles of 200 to 1,100 words that are about politics (at least four political
words per 500), then draw a fixed-seed sample: 8 egypt, 8 iraq, 16 TBAQ. Each
group is split in halves, alternately, into ``tune`` and ``test``. The list it
prints is the one tests/realnews/ annotates; it is chosen before any annotation
or system output is seen.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from timeline.corpora import t17_articles, timeml_article

ROOT = Path(__file__).resolve().parents[1]
_POLITICAL = re.compile(
    r"(?i)\b(?:president|minister|government|parliament|election|vote|protest\w*|troops"
    r"|police|military|army|opposition|rebels?|talks|court|arrest\w*|killed|congress"
    r"|senate|sanctions|regime|ceasefire|treaty|resign\w*)\b"
)


def political(text: str) -> bool:
    words = len(text.split())
    return 200 <= words <= 1100 and len(_POLITICAL.findall(text)) * 500 >= 4 * words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    corpora = args.shared / "corpora"
    rng = random.Random(args.seed)
    groups: list[tuple[str, list[str], int]] = []
    for topic in ("egypt", "iraq"):
        ids = [a.id for a in t17_articles(corpora / "t17-dev" / topic) if political(a.text)]
        groups.append((f"t17-dev/{topic}", ids, 8))
    tml = sorted((corpora / "tempeval3-tbaq").rglob("*.tml"))
    ids = [f"{p.parent.name}/{p.name}" for p in tml if political(timeml_article(p).text)]
    groups.append(("tempeval3-tbaq", ids, 16))
    for corpus, ids, count in groups:
        chosen = rng.sample(sorted(ids), count)
        print(f"# {corpus}: {count} of {len(ids)} political articles")
        for n, ident in enumerate(chosen):
            print(f"{'tune' if n % 2 == 0 else 'test'}\t{corpus}\t{ident}")


if __name__ == "__main__":
    main()
