"""Choose the real-news articles of the event gold (tests/realnews/), reproducibly.

    python bench/realnews_select.py [--shared ../shared] [--seed 2026]
    python bench/realnews_select.py --more 24 --seed 2027   # more tuning articles

From the political Timeline17 topics (egypt, iraq) and TempEval-3 TBAQ, keep the
articles of 200 to 1,100 words that are about politics (at least four political
words per 500), then draw a fixed-seed sample: 8 egypt, 8 iraq, 16 TBAQ. Each
group is split in halves, alternately, into ``tune`` and ``test``. The list it
prints is the one tests/realnews/ annotates; it is chosen before any annotation
or system output is seen.

``--more N`` draws N further articles in the same proportions (a quarter egypt, a
quarter iraq, half TBAQ), none already in tests/realnews/, all for the tuning half:
more articles to tune on, the test half untouched.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from ruamel.yaml import YAML

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
    parser.add_argument("--more", type=int, default=0, help="further tuning articles")
    args = parser.parse_args()
    taken = (
        {
            str(YAML(typ="safe").load(path.read_text(encoding="utf-8"))["article"]["id"])
            for path in (ROOT / "tests" / "realnews").rglob("*.yaml")
        }
        if args.more
        else set()
    )
    corpora = args.shared / "corpora"
    rng = random.Random(args.seed)
    groups: list[tuple[str, list[str], int]] = []
    quarter = args.more // 4
    for topic in ("egypt", "iraq"):
        ids = [a.id for a in t17_articles(corpora / "t17-dev" / topic) if political(a.text)]
        groups.append((f"t17-dev/{topic}", ids, quarter if args.more else 8))
    tml = sorted((corpora / "tempeval3-tbaq").rglob("*.tml"))
    ids = [f"{p.parent.name}/{p.name}" for p in tml if political(timeml_article(p).text)]
    groups.append(("tempeval3-tbaq", ids, args.more - 2 * quarter if args.more else 16))
    for corpus, ids, count in groups:
        free = sorted(i for i in ids if i not in taken)
        chosen = rng.sample(free, count)
        print(f"# {corpus}: {count} of {len(free)} political articles")
        for n, ident in enumerate(chosen):
            half = "tune" if args.more or n % 2 == 0 else "test"
            print(f"{half}\t{corpus}\t{ident}")


if __name__ == "__main__":
    main()
