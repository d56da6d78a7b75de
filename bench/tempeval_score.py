"""Score the temporal tagger on TimeML gold data (TempEval-3 style).

    python bench/tempeval_score.py [--shared PATH] [--corpus tempeval3-tbaq] [--errors]

Strips the tags of each TimeML document to plain text with exact offsets, runs ``tag`` with
the ``<DCT>`` as publication date and compares with the gold TIMEX3s (the DCT itself is not
a gold expression). Prints strict and relaxed span P/R/F1, type and value F1 (share of
relaxed matches with the right attribute x relaxed F1), overall and per TIMEX3 type, and
value accuracy on gold values that are full days.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from timeline.temporal import tag
from timeline.temporal.timeml import GoldTimex, parse_timeml

FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def default_shared() -> Path:
    env = os.environ.get("TIMELINE_SHARED")
    return Path(env) if env else Path(__file__).resolve().parents[1].parent / "shared"


def prf(tp: float, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match(gold: list[GoldTimex], system: list) -> list[tuple[int, int]]:
    """One-to-one relaxed matching (any overlap), greedily by largest overlap."""
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if s.start < g.end and g.start < s.end:
                ov = min(s.end, g.end) - max(s.start, g.start)
                pairs.append((-ov, gi, si))
    pairs.sort()
    used_g, used_s, out = set(), set(), []
    for _, gi, si in pairs:
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            out.append((gi, si))
    return out


def score(files: list[Path], errors: bool = False, out=sys.stdout) -> dict[str, float]:
    n_gold = n_sys = strict = relaxed = type_ok = value_ok = 0
    per_type: dict[str, Counter] = defaultdict(Counter)
    day_total = day_ok = day_matched = 0
    err_lines: list[str] = []
    words = 0
    elapsed = 0.0
    tag("warm up on Friday", "2000-01-01")  # build the dispatch tables before timing
    for path in files:
        doc = parse_timeml(path.read_text(encoding="utf-8"))
        if not doc.dct:
            continue
        t0 = time.perf_counter()
        system = tag(doc.text, doc.dct[:10])
        elapsed += time.perf_counter() - t0
        words += len(doc.text.split())
        gold = list(doc.timexes)
        n_gold += len(gold)
        n_sys += len(system)
        pairs = match(gold, system)
        matched_g = {gi for gi, _ in pairs}
        matched_s = {si for _, si in pairs}
        for g in gold:
            per_type[g.type]["gold"] += 1
        for s in system:
            per_type[s.type]["sys"] += 1
        for gi, si in pairs:
            g, s = gold[gi], system[si]
            relaxed += 1
            strict += (g.start, g.end) == (s.start, s.end)
            type_ok += g.type == s.type
            value_ok += g.value == s.value
            per_type[g.type]["matched"] += 1
            per_type[g.type]["value_ok"] += g.value == s.value
            if g.value != s.value and errors:
                err_lines.append(
                    f"VALUE\t{doc.dct}\t{g.type}/{s.type}\t{g.text!r}->{s.text!r}\t"
                    f"gold={g.value}\tsys={s.value}\t{_ctx(doc.text, g.start, g.end)}"
                )
        for gi, g in enumerate(gold):
            if FULL_DAY.match(g.value):
                day_total += 1
                hit = [system[si] for gj, si in pairs if gj == gi]
                day_matched += bool(hit)
                day_ok += bool(hit) and hit[0].value == g.value
            if gi not in matched_g and errors:
                err_lines.append(f"MISS\t{doc.dct}\t{g.type}\t{g.text!r}\t{g.value}\t"
                                 f"{_ctx(doc.text, g.start, g.end)}")  # fmt: skip
        if errors:
            for si, s in enumerate(system):
                if si not in matched_s:
                    err_lines.append(f"SPURIOUS\t{doc.dct}\t{s.type}\t{s.text!r}\t{s.value}\t"
                                     f"{_ctx(doc.text, s.start, s.end)}")  # fmt: skip
    sp, sr, sf = prf(strict, n_sys, n_gold)
    rp, rr, rf = prf(relaxed, n_sys, n_gold)
    type_f1 = type_ok / relaxed * rf if relaxed else 0.0
    value_f1 = value_ok / relaxed * rf if relaxed else 0.0
    print(f"documents {len(files)}, gold {n_gold}, system {n_sys}, words {words}, "
          f"tagging {words / elapsed if elapsed else 0:,.0f} words/s", file=out)  # fmt: skip
    print(f"{'measure':<28}{'P':>8}{'R':>8}{'F1':>8}", file=out)
    print(f"{'strict span':<28}{sp:8.3f}{sr:8.3f}{sf:8.3f}", file=out)
    print(f"{'relaxed span':<28}{rp:8.3f}{rr:8.3f}{rf:8.3f}", file=out)
    print(f"{'type (attr. acc x relaxed)':<28}{'':>16}{type_f1:8.3f}", file=out)
    print(f"{'value (attr. acc x relaxed)':<28}{'':>16}{value_f1:8.3f}", file=out)
    print(
        f"\n{'TIMEX3 type':<12}{'gold':>6}{'sys':>6}{'recall':>8}{'value acc':>11}{'value F1':>10}",
        file=out,
    )
    for t in ("DATE", "TIME", "DURATION", "SET"):
        c = per_type[t]
        recall = c["matched"] / c["gold"] if c["gold"] else 0.0
        acc = c["value_ok"] / c["matched"] if c["matched"] else 0.0
        _, _, f = prf(c["matched"], c["sys"], c["gold"])
        print(
            f"{t:<12}{c['gold']:>6}{c['sys']:>6}{recall:8.3f}{acc:11.3f}{acc * f:10.3f}", file=out
        )
    day_acc = day_ok / day_total if day_total else 0.0
    found_acc = day_ok / max(day_matched, 1)
    print(
        f"\nfull-day gold values: {day_total}, right {day_ok} ({day_acc:.1%}); "
        f"found {day_matched}, right among found {found_acc:.1%}",
        file=out,
    )
    if errors:
        print("\n".join(err_lines), file=out)
    return {"strict_f1": sf, "relaxed_f1": rf, "type_f1": type_f1, "value_f1": value_f1,
            "full_day": day_acc}  # fmt: skip


def _ctx(text: str, start: int, end: int) -> str:
    return (
        text[max(0, start - 60) : start] + "[" + text[start:end] + "]" + text[end : end + 40]
    ).replace("\n", " ")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=default_shared(), help="the shared folder")
    ap.add_argument("--corpus", default="tempeval3-tbaq", help="folder under shared/corpora")
    ap.add_argument("--errors", action="store_true", help="list misses, spurious and wrong values")
    args = ap.parse_args(argv)
    root = args.shared / "corpora" / args.corpus
    files = sorted(root.rglob("*.tml"))
    if not files:
        print(f"no .tml files under {root}", file=sys.stderr)
        return 2
    score(files, errors=args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
