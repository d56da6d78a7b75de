"""Does ``timeline extract`` (and ``timeline tag``) take time in proportion to the input?

    python bench/scaling.py                        # 50k-800k words, one line and many lines
    python bench/scaling.py --sizes 50000 200000 --commands tag
    python bench/scaling.py --stages               # also time each extractor stage

Writes synthetic news text (our own sentences, many of them dated, with varied
people, places and dates, so most sentences are distinct events) at each size,
in two layouts: ``one`` line (no line break at all) and ``many`` lines (a
paragraph per line, blank lines between). Each run is a fresh subprocess that
reads the file and runs the real code: ``extract`` is
:func:`timeline.extract.pipeline.run_extract` into a new events.yaml (reading,
tagging, detection, dating, merging, validation, saving); ``tag`` is
:func:`timeline.temporal.command.run_tag`. The table gives seconds, microseconds
per word, the ratio of that to the smallest size's (the baseline, measured in
the same run) and the process's peak memory. The target: the largest size's
time per word within 1.5x of the smallest's. A run that passes ``--timeout``
is stopped and shown as such.

``--stages`` wraps the extractor's stages (the names it finds in
``timeline.extract.article``; tagging, sentences, detection, dating, deadlines,
titles, merging, validation, writing) with timers in the child, and prints
their time per word at each size, so a stage that grows faster than its input
stands out.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SIZES = (50_000, 100_000, 200_000, 400_000, 800_000)
LAYOUTS = ("one", "many")
COMMANDS = ("extract", "tag")
TARGET = 1.5
PUBLISHED = "2021-03-15"

# -- the synthetic text ------------------------------------------------------------------


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_FIRST = _words(
    "Amina Aigul Bakyt Chen Dilnoza Elif Farid Gulnara Hassan Ines Jomo Kanat Leila Marat "
    "Nadia Omar Petra Rustam Sofia Timur Ulan Vera Wanjiru Yusuf Zarina Adil Bruno Carmen"
)
_LAST = _words(
    "Abdraeva Bekov Castillo Dzhaparov Eriksen Fofana Garcia Haddad Ismailov Jensen Kuznets "
    "Lindqvist Mwangi Nurlanov Okafor Petrov Quispe Rahimov Sato Tokaev Usenov Valdez "
    "Wekesa Yilmaz Zhakupov Orozova Moldobaev Sydykov"
)
_CITIES = _words(
    "Bishkek Osh Naryn Karakol Talas Jalal-Abad Tokmok Batken Almaty Tashkent Dushanbe "
    "Nairobi Lima Quito Tbilisi Yerevan"
)
_BODIES = (
    "the Central Election Commission",
    "the Supreme Court",
    "the Constitutional Chamber",
    "the national parliament",
    "the interior ministry",
    "the city council",
    "the opposition coalition",
    "the ruling party",
)
_MONTHS = _words(
    "January February March April May June July August September October November December"
)
_TEMPLATES = (
    "{person} was arrested in {city} on {date}, police said.",
    "Protesters stormed the offices of {body} in {city} on {date}.",
    "{person} resigned as governor of {city} on {date}.",
    "{body} annulled the results of the vote in {city} on {date}.",
    "On {date}, {person} was appointed head of {body}.",
    "{person} met {person2} in {city} on {date} to discuss the crisis.",
    "Thousands of people rallied in {city} on {date} to demand new elections.",
    "{body} approved a new law on public gatherings on {date}.",
    "{person} was released from custody in {city} on {date}.",
    "Voters in {city} went to the polls on {date}.",
    "Clashes broke out between police and supporters of {person} in {city} on {date}.",
    "{person} said the government would hold talks with {body}.",
    "Residents of {city} described long queues outside polling stations.",
    "The statement by {body} was read out on national television.",
)


def _date(rng: random.Random) -> str:
    year = rng.randint(1995, 2020)
    month = rng.choice(_MONTHS)
    day = rng.randint(1, 28)
    return rng.choice((f"{month} {day}, {year}", f"{day} {month} {year}"))


def sentence(rng: random.Random) -> str:
    def name() -> str:
        return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"

    return rng.choice(_TEMPLATES).format(
        person=name(),
        person2=name(),
        city=rng.choice(_CITIES),
        body=rng.choice(_BODIES),
        date=_date(rng),
    )


def article(words: int, layout: str, seed: int = 12) -> str:
    """About ``words`` words of news in ``layout`` 'one' (one line) or 'many' (paragraphs)."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    count = 0
    while count < words:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    joiner = " " if layout == "one" else "\n\n"
    head = f"date {PUBLISHED}" + (" " if layout == "one" else "\n\n")
    return head + joiner.join(paragraphs) + ("" if layout == "one" else "\n")


# -- one measurement, in a fresh process -------------------------------------------------


def _stage_timers(stages: dict[str, float]) -> None:
    """Wrap the extractor's stages (whatever of them exists) with timers."""
    import importlib

    targets = [
        ("timeline.extract.stages", "parse_all", "parse"),
        ("timeline.extract.article", "_dedupe", "dedupe"),
        ("timeline.extract.pipeline", "merge_batch", "merging"),
        ("timeline.extract.pipeline", "_check", "validation"),
        ("timeline.extract.pipeline", "atomic_write", "writing"),
        ("timeline.extract.pipeline", "load_document", "reading events.yaml"),
        ("timeline.extract.pipeline", "read_article", "reading the article"),
    ]

    def timed(name: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                stages[name] = stages.get(name, 0.0) + time.perf_counter() - start

        return wrapper

    from timeline.extract import stages as pipeline_stages

    pipeline_stages.STAGES = tuple(  # each stage of the parsed pipeline, by its own name
        (name, timed(name, func)) for name, func in pipeline_stages.STAGES
    )
    import timeline.store

    timeline.store.Document.dump = timed("dumping YAML", timeline.store.Document.dump)
    for module_name, attribute, stage in targets:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        func = getattr(module, attribute, None)
        if callable(func):
            setattr(module, attribute, timed(stage, func))


def _warm_up(command: str) -> None:
    """Import and compile everything once, so the sizes compare work, not start-up."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "warm.txt"
        path.write_text(article(300, "many"), encoding="utf-8")
        if command == "extract":
            from timeline.extract.pipeline import run_extract

            run_extract([str(path)], Path(folder) / "events.yaml")
        else:
            import io

            from timeline.temporal.command import run_tag

            run_tag([str(path)], None, "jsonl", io.StringIO(), sys.stdin)


def child(command: str, path: str, stages_wanted: bool) -> dict[str, Any]:
    _warm_up(command)
    stages: dict[str, float] = {}
    if stages_wanted and command == "extract":
        _stage_timers(stages)
    started_cpu = time.process_time()
    started = time.perf_counter()
    if command == "extract":
        from timeline.extract.pipeline import run_extract

        with tempfile.TemporaryDirectory() as folder:
            summary = run_extract([path], Path(folder) / "events.yaml")
        found = summary.events_found
        if summary.skipped:
            raise SystemExit(f"skipped: {summary.skipped}")
    else:
        import io

        from timeline.temporal.command import run_tag

        out = io.StringIO()
        run_tag([path], None, "jsonl", out, sys.stdin)
        found = out.getvalue().count("\n")
    return {
        "seconds": time.perf_counter() - started,
        "cpu": time.process_time() - started_cpu,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "found": found,
        "stages": stages,
    }


def measure(command: str, path: Path, timeout: float, stages: bool) -> dict[str, Any] | None:
    argv = [sys.executable, __file__, "--child", command, str(path)]
    if stages:
        argv.append("--stages")
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        raise SystemExit(f"{command} {path.name} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- the table -----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), metavar="WORDS")
    parser.add_argument("--layouts", nargs="+", default=list(LAYOUTS), choices=LAYOUTS)
    parser.add_argument("--commands", nargs="+", default=list(COMMANDS), choices=COMMANDS)
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds per run")
    parser.add_argument("--stages", action="store_true", help="time each extractor stage")
    parser.add_argument("--child", nargs=2, metavar=("COMMAND", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child[0], args.child[1], args.stages)))
        return 0
    sizes = sorted(args.sizes)
    verdicts: list[str] = []
    print("| command | layout | words | seconds | CPU s | µs/word | × smallest | peak MB | found |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    stage_rows: list[tuple[str, int, dict[str, float]]] = []
    with tempfile.TemporaryDirectory() as folder:
        for command in args.commands:
            for layout in args.layouts:
                base: float | None = None
                worst = 0.0
                for words in sizes:
                    text = article(words, layout)
                    real_words = len(text.split())
                    path = Path(folder) / f"{layout}-{words}.txt"
                    path.write_text(text, encoding="utf-8")
                    result = measure(command, path, args.timeout, args.stages)
                    if result is None:
                        print(f"| {command} | {layout} | {real_words:,} | > {args.timeout:.0f} "
                              "| | | did not finish | | |")  # fmt: skip
                        worst = float("inf")
                        break
                    per_word = result["cpu"] / real_words * 1e6
                    base = base or per_word
                    worst = max(worst, per_word / base)
                    print(
                        f"| {command} | {layout} | {real_words:,} | {result['seconds']:.2f} "
                        f"| {result['cpu']:.2f} | {per_word:.1f} | {per_word / base:.2f} "
                        f"| {result['peak_mb']:.0f} | {result['found']:,} |",
                        flush=True,
                    )
                    if result["stages"]:
                        stage_rows.append((layout, real_words, result["stages"]))
                    path.unlink()
                ok = worst <= TARGET
                verdicts.append(
                    f"{command}, {layout} line{'s' if layout == 'many' else ''}: largest/smallest "
                    f"time per word {worst:.2f} ({'within' if ok else 'NOT within'} {TARGET}x)"
                )
    print()
    for verdict in verdicts:
        print(f"- {verdict}")
    if stage_rows:
        _print_stages(stage_rows)
    return 0 if all("NOT" not in v for v in verdicts) else 1


def _print_stages(rows: list[tuple[str, int, dict[str, float]]]) -> None:
    names = sorted({name for _, _, stages in rows for name in stages})
    print()
    print("Extractor stages, µs per word (wall time inside the stage):")
    print()
    print("| layout | words | " + " | ".join(names) + " |")
    print("|---|---:|" + "---:|" * len(names))
    for layout, words, stages in rows:
        cells = " | ".join(f"{stages.get(name, 0.0) / words * 1e6:.1f}" for name in names)
        print(f"| {layout} | {words:,} | {cells} |")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
