"""Benchmark `timeline build` on synthetic timelines of 1k, 10k and 100k events.

For each size: build time (and its phases) and peak memory, measured in a fresh
subprocess (resource.getrusage maxrss); bytes of index.html per event; the time
until the chart has rendered with its labels, and until it answers the reader, in
headless Chromium; and, in the same run, the floor: Plotly's own ``fig.write_html``
of an equivalent figure (one Scattergl per type, the same points), with our/floor
ratios.

    python bench/build_speed.py                 # 1k, 10k, 100k
    python bench/build_speed.py --sizes 1000 10000 --no-browser
    python bench/build_speed.py --workdir /var/tmp     # build on another disk/folder

Results go in docs/benchmarks.md ("## Site build").
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

TYPES = [
    "election",
    "protest",
    "violence",
    "resignation",
    "appointment",
    "legislation",
    "court",
    "arrest",
    "release",
    "agreement",
    "statement",
    "meeting",
    "deadline",
]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def synthetic_yaml(n: int, seed: int = 3) -> str:
    """n events over ~3 years: mixed types, 10% spans, 10% uncertain months, 5% undated
    (placed by `after`), after-chains to earlier events, 50 actors, 20 places."""
    rng = random.Random(seed)
    actors = [f"Actor {i:02d}" for i in range(50)]
    places = [f"Place {i:02d}" for i in range(20)]
    start = date(2018, 1, 1)
    days = sorted(rng.randrange(0, 3 * 365) for _ in range(n))
    lines = [
        "title: Synthetic benchmark timeline",
        "description: Generated events for measuring build speed.",
        "sources:",
        "  wire:",
        "    title: Wire reports",
        "    publisher: Agency",
        "    published: 2021-01-01",
        "    url: https://example.org/wire",
        "  papers:",
        "    title: Newspaper archive",
        "events:",
    ]
    for i, offset in enumerate(days):
        day = start + timedelta(days=offset)
        kind = rng.random()
        lines += [
            f"  - id: e{i:06d}",
            f"    title: Synthetic event number {i} about {rng.choice(actors)}"
            f" in {rng.choice(places)}",
            f"    type: {TYPES[i % len(TYPES)]}",
        ]
        after = []
        if i and rng.random() < 0.6:
            after.append(f"e{rng.randrange(max(0, i - 50), i):06d}")
        if kind < 0.05 and i:
            after = after or [f"e{i - 1:06d}"]
        elif kind < 0.15:
            end = day + timedelta(days=rng.randrange(1, 6))
            lines.append(f"    date: {day.isoformat()}/{end.isoformat()}")
            # a span must not start before the events it follows
            after = [a for a in after if days[int(a[1:])] <= offset]
        elif kind < 0.25:
            lines.append(f"    date: {day.year:04d}-{day.month:02d}?")
            after = [a for a in after if days[int(a[1:])] < offset - 31]
        else:
            lines.append(f"    date: {day.isoformat()}")
        chosen = rng.sample(actors, rng.randrange(1, 4))
        lines.append(f"    actors: [{', '.join(chosen)}]")
        lines.append(f"    places: [{rng.choice(places)}]")
        lines.append(
            "    summary: A generated summary of moderate length, about one sentence long."
        )
        lines.append("    sources:")
        lines.append("      - source: wire")
        lines.append("        quote: a short quote")
        if after:
            lines.append(f"    after: [{', '.join(after)}]")
    return "\n".join(lines) + "\n"


CHILD = r"""
import json, resource, sys, time
from pathlib import Path
import timeline.graph, timeline.validate
phases, results = {}, {}
def timed(name, fn):
    def wrapper(*a, **k):
        t = time.perf_counter(); r = fn(*a, **k); phases[name] = time.perf_counter() - t
        results[name] = r
        phases[name + "_maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return r
    return wrapper
timeline.validate.load_timeline = timed("load", timeline.validate.load_timeline)
timeline.graph.order_timeline = timed("order", timeline.graph.order_timeline)
from timeline.site.build import build_site
t = time.perf_counter()
report = build_site(sys.argv[1], sys.argv[2])
total = time.perf_counter() - t
phases["render"] = total - phases["load"] - phases["order"]
import pickle
with open(sys.argv[3], "wb") as handle:
    pickle.dump(results["load"][0], handle, protocol=pickle.HIGHEST_PROTOCOL)
print(json.dumps({"total": total, "phases": phases,
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "workers_maxrss_mb":
                      resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""

# The site alone: order and render an already validated timeline (unpickled), so that
# its peak memory is not hidden under the YAML loader's.
SITE_ONLY = r"""
import json, pickle, resource, sys, time
from pathlib import Path
from timeline.graph import order_timeline
from timeline.site.pages import SiteWriter
from timeline.site.templates import make_environment
with open(sys.argv[1], "rb") as handle:
    timeline = pickle.load(handle)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t = time.perf_counter()
out = Path(sys.argv[2])
out.mkdir()
SiteWriter(order_timeline(timeline), make_environment(None), out).write_all()
print(json.dumps({"total": time.perf_counter() - t, "unpickled_mb": base,
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

# The floor reads the points from our own data/events.json (same events, no second
# YAML load) and lets Plotly's Python side build and write the figure.
FLOOR = r"""
import json, resource, sys, time
t = time.perf_counter()
import plotly.graph_objects as go
events = json.load(open(sys.argv[1], encoding="utf-8"))["events"]
t_fig = time.perf_counter()
lanes = {}
for e in events:
    if e["earliest"] or e["latest"]:
        lanes.setdefault(e["type"], []).append(e)
fig = go.Figure()
for lane, (name, placed) in enumerate(lanes.items()):
    xs = [e["earliest"] or e["latest"] for e in placed]
    texts = [f"<b>{e['title']}</b><br>{e['earliest']} – {e['latest']}<br>{', '.join(e['actors'])}"
             for e in placed]
    fig.add_trace(go.Scattergl(x=xs, y=[lane] * len(xs), mode="markers", name=name, text=texts,
                               hovertemplate="%{text}<extra></extra>"))
fig.update_layout(xaxis={"rangeslider": {"visible": True}})
fig.write_html(sys.argv[2], include_plotlyjs="directory", div_id="chart")
done = time.perf_counter()
print(json.dumps({"total": done - t_fig, "with_import": done - t,
                  "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run_child(code: str, *args: str) -> dict:
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"benchmark child failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# When the chart is on screen, read from User Timing marks so that the time is when it
# happened, not when a poll noticed (a poll waits while the page parses the long list).
# Ours marks "timeline-drawn" (the labelled chart is drawn) and "timeline-ready" (cards,
# clicks and filters answer); for Plotly's own page an init script marks "plotly-drawn"
# when Plotly.newPlot's promise resolves.
FLOOR_MARK = """(() => {
  let plotly;
  Object.defineProperty(window, "Plotly", { configurable: true,
    get() { return plotly; },
    set(value) {
      plotly = value;
      const newPlot = value.newPlot;
      value.newPlot = function () {
        return newPlot.apply(this, arguments).then((gd) => {
          performance.mark("plotly-drawn");
          return gd;
        });
      };
    } });
})();"""
MARKED = (
    "(name) => { const m = performance.getEntriesByName(name)[0]; return m ? m.startTime : false; }"
)
LABELS = "() => document.querySelectorAll('#chart .textpoint').length"
PARSED = "() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"


def chart_ms(html: Path, ours: bool, runs: int = 3) -> tuple[float, float, float, int]:
    """Median ms from navigation start until the chart is drawn (ours: with its labels),
    until it is wired (ours: cards, clicks, filters) and until the whole page is parsed;
    and the number of labels drawn (ours)."""
    from playwright.sync_api import sync_playwright

    drawn, ready, parsed, labels = [], [], [], 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.add_init_script(FLOOR_MARK)
            page.goto(html.as_uri(), wait_until="commit", timeout=300_000)
            first = "timeline-drawn" if ours else "plotly-drawn"
            drawn.append(page.wait_for_function(MARKED, arg=first, timeout=300_000).json_value())
            if ours:
                handle = page.wait_for_function(MARKED, arg="timeline-ready", timeout=300_000)
                ready.append(handle.json_value())
                labels = page.evaluate(LABELS)
            page.wait_for_load_state("domcontentloaded", timeout=300_000)
            parsed.append(page.evaluate(PARSED))
            page.close()
        browser.close()

    def median(values: list[float]) -> float:
        return sorted(values)[len(values) // 2] if values else float("nan")

    return median(drawn), median(ready), median(parsed), labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium timings")
    parser.add_argument(
        "--workdir",
        default=None,
        help="where to build (default: the system temp folder); pick a folder on the disk "
        "a real project would use, since creating 100k files is part of the measure",
    )
    args = parser.parse_args()
    browser = not args.no_browser and Path(CHROMIUM).exists()
    rows = []
    with tempfile.TemporaryDirectory(prefix="timeline-bench-", dir=args.workdir) as tmp:
        for n in args.sizes:
            folder = Path(tmp) / str(n)
            folder.mkdir()
            events = folder / "events.yaml"
            events.write_text(synthetic_yaml(n))
            pickled = folder / "timeline.pickle"
            ours = run_child(CHILD, str(events), str(folder / "output"), str(pickled))
            site = run_child(SITE_ONLY, str(pickled), str(folder / "site-only"))
            floor_html = folder / "floor" / "index.html"
            floor_html.parent.mkdir()
            floor = run_child(FLOOR, str(folder / "output/data/events.json"), str(floor_html))
            index = folder / "output" / "index.html"
            row = {
                "events": n,
                "build_s": ours["total"],
                "load_s": ours["phases"]["load"],
                "order_s": ours["phases"]["order"],
                "render_s": ours["phases"]["render"],
                "peak_mb": ours["maxrss_mb"],
                "load_peak_mb": ours["phases"]["load_maxrss_mb"],
                "site_s": site["total"],
                "site_peak_mb": site["maxrss_mb"],
                "worker_peak_mb": ours["workers_maxrss_mb"],
                "index_b_per_event": index.stat().st_size / n,
                "floor_write_s": floor["total"],
                "floor_b_per_event": floor_html.stat().st_size / n,
            }
            if browser:
                drawn, ready, parsed, labels = chart_ms(index, ours=True)
                row.update(chart_ms=drawn, ready_ms=ready, parsed_ms=parsed, labels=labels)
                row["floor_chart_ms"], _, _, _ = chart_ms(floor_html, ours=False)
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
    print_table(rows, browser)


def print_table(rows: list[dict], browser: bool) -> None:
    cpu = f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}"
    print(f"machine: {cpu}")
    head = ["events", "build s", "load+validate s", "order s", "render+write s",
            "peak MB (after load)", "site alone s / peak MB", "index B/event",
            "floor write_html s", "floor B/event", "bytes ratio"]  # fmt: skip
    if browser:
        head += ["labels drawn", "chart drawn ms", "chart wired ms", "list parsed ms",
                 "floor chart ms", "drawn ratio", "wired ratio"]  # fmt: skip
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        cells = [
            f"{r['events']:,}",
            f"{r['build_s']:.2f}",
            f"{r['load_s']:.2f}",
            f"{r['order_s']:.2f}",
            f"{r['render_s']:.2f}",
            f"{r['peak_mb']:.0f} ({r['load_peak_mb']:.0f})",
            f"{r['site_s']:.2f} / {r['site_peak_mb']:.0f}",
            f"{r['index_b_per_event']:.0f}",
            f"{r['floor_write_s']:.2f}",
            f"{r['floor_b_per_event']:.0f}",
            f"{r['index_b_per_event'] / r['floor_b_per_event']:.2f}",
        ]
        if browser:
            cells += [
                f"{r['labels']}",
                f"{r['chart_ms']:.0f}",
                f"{r['ready_ms']:.0f}",
                f"{r['parsed_ms']:.0f}",
                f"{r['floor_chart_ms']:.0f}",
                f"{r['chart_ms'] / r['floor_chart_ms']:.2f}",
                f"{r['ready_ms'] / r['floor_chart_ms']:.2f}",
            ]
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"(benchmark took {time.perf_counter() - started:.0f} s)", file=sys.stderr)
