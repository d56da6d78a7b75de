"""Show what each extraction stage made of an article: predicates, parties, drops, dates.

python bench/extract_explain.py ARTICLE [--published YYYY-MM-DD]
python bench/extract_explain.py --text "Police arrested six people." --published 2021-02-02
python bench/extract_explain.py --gold tests/realnews/tune/NAME.yaml
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from timeline.extract.sources import article_from_text, read_article
from timeline.extract.stages import run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("article", nargs="?")
    parser.add_argument("--text")
    parser.add_argument("--gold", type=Path)
    parser.add_argument("--published")
    parser.add_argument("--parse", action="store_true", help="print the parse of each sentence")
    args = parser.parse_args()
    day = dt.date.fromisoformat(args.published) if args.published else None
    if args.gold:
        sys.path.insert(0, str(Path(__file__).parent))
        from realnews_score import load_article
        from ruamel.yaml import YAML

        gold = YAML(typ="safe").load(args.gold.read_text("utf-8"))
        corpus = load_article(gold["article"], Path(__file__).resolve().parents[2] / "shared")
        article = article_from_text(corpus.text, corpus.published, name=args.gold.stem)
    elif args.text:
        article = article_from_text(args.text, day or dt.date.today())
    else:
        article = read_article(args.article, day)
    doc = run(article)
    print(f"published {doc.published}  lead day {article.lead_day}")
    for sentence in doc.sentences:
        preds = [p for p in doc.predicates if p.sentence is sentence]
        if not preds and not args.parse:
            continue
        dates = ", ".join(f"{t.text}={t.value}" for t in sentence.timexes)
        print(f"\n[{sentence.index} p{sentence.paragraph}] {sentence.text[:200]}  {{{dates}}}")
        if args.parse and sentence.parse is not None:
            print("   ", " ".join(f"{t.text}/{t.dep_}>{t.head.i}" for t in sentence.parse))
        for p in preds:
            t = p.timing
            when = t.date or f"{t.not_before}..{t.not_after}"
            mark = f"DROP {p.dropped}" if p.dropped else "KEEP"
            print(
                f"  {mark:32} {p.type:11} {p.entry.key!r} {p.voice} {p.tense} "
                f"A={[a.text for a in p.agents]} P={[a.text for a in p.patients]} "
                f"{when}{' DEADLINE' if t.deadline else ''} after={sorted(t.after)} | {p.title}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
