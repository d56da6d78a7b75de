"""How long from saving events.yaml to a reloaded page, under `timeline serve`.

Starts `python -m timeline serve --port 0` on a synthetic timeline in a
temporary folder (loopback only), changes one event's title several times and
measures, for each save, the time until the page shows the new title:

- browser mode (default when /usr/bin/chromium exists): a headless Chromium
  has the page open; the clock stops when the reloaded page's DOM holds the new
  title (on screen), and separately when the page is fully back (the index's chart
  redrawn). The index swaps in the new page without reloading Plotly; other pages
  reload by navigating;
- http mode: polls /__livereload like the page script does, then fetches the
  page and checks for the title.

    python bench/reload_latency.py                  # 1,000 events, both pages
    python bench/reload_latency.py --events 19 --mode http

It ends with the baseline: a full `timeline build` of the same file, i.e. what
each save would cost without the incremental rebuild.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
TYPES = ["election", "protest", "violence", "resignation", "appointment", "court", "meeting"]


def synthetic(count: int) -> str:
    """A valid events.yaml with ``count`` chained events, laid out like the shipped one."""
    lines = [
        "# yaml-language-server: $schema=events.schema.json",
        "title: Synthetic timeline",
        "sources:",
        "  wire:",
        "    title: Wire story",
        "    published: 2020-01-01",
        "",
        "events:",
    ]
    start = dt.date(2000, 1, 1)
    for i in range(count):
        lines += [
            f"  - id: event-{i}",
            f"    title: Event number {i} happens",
            f"    date: {(start + dt.timedelta(days=3 * i)).isoformat()}",
            f"    type: {TYPES[i % len(TYPES)]}",
            f"    actors: [Actor {i % 17}, Person {i % 29}]",
            f"    places: [Place {i % 7}]",
            "    summary: >-",
            "      Something happened here, described in a few words for the reader,",
            "      over two lines as summaries usually are.",
            "    sources:",
            "      - source: wire",
            f'        quote: "quote number {i}"',
        ]
        if i:
            lines.append(f"    after: [event-{i - 1}]")
        lines.append("")
    return "\n".join(lines)


class Server:
    """`timeline serve` in a subprocess on a free loopback port."""

    def __init__(self, events: Path):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "timeline", "serve", "--events", str(events), "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 120
        line = ""
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline() if self.proc.stdout else ""
            if "http://127.0.0.1:" in line or not line:
                break
        match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        if not match:
            self.stop()
            raise SystemExit(f"the server did not start: {line!r}")
        self.url = match.group(0)

    def state(self, since: str = "") -> dict:
        url = f"{self.url}__livereload?since={since}"
        with urllib.request.urlopen(url, timeout=30) as response:
            return json.load(response)

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.url + path, timeout=30) as response:
            return response.read().decode("utf-8")

    def stop(self) -> list[float]:
        """Stop the server; return the rebuild times (seconds) it reported, first one left out."""
        self.proc.terminate()
        try:
            _, err = self.proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, err = self.proc.communicate()
        times = [int(ms) / 1000 for ms in re.findall(r"^built \d+ events? in (\d+) ms", err, re.M)]
        return times[1:]


def edit(events: Path, index: int, title: str) -> None:
    text = events.read_text(encoding="utf-8")
    text = re.sub(
        rf"(  - id: event-{index}\n    title: ).*\n", lambda m: m.group(1) + title + "\n", text
    )
    events.write_text(text, encoding="utf-8")  # in place, as most editors save


def measure_http(server: Server, events: Path, page: str, index: int, runs: int) -> list[float]:
    times = []
    for run in range(runs):
        title = f"Edited title {run} {time.time_ns()}"
        since = server.state()["version"]
        started = time.perf_counter()
        edit(events, index, title)
        while time.perf_counter() - started < 30:
            state = server.state(since)
            since = state["version"]
            if not state["errors"] and title in server.get(page):
                break
        else:
            raise SystemExit(f"the edit did not show within 30 s: {state['errors']}")
        times.append(time.perf_counter() - started)
    return times


def measure_browser(
    server: Server, events: Path, page_path: str, index: int, runs: int
) -> tuple[list[float], list[float]]:
    """Save → the new title is on screen; save → the page is fully back (chart drawn).

    Pages reload by navigating, except the index, which swaps in the new page and keeps
    Plotly loaded; so the clock stops on what the reader sees, not on navigation events.
    """
    from playwright.sync_api import sync_playwright

    shown_js = "t => !!document.body && document.body.textContent.includes(t)"
    ready_js = (
        "t => !!document.body && document.body.textContent.includes(t) && "
        "(!document.getElementById('chart') || "
        "document.getElementById('chart').getAttribute('data-drawn') === '1')"
    )
    shown, ready = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(server.url + page_path, wait_until="load", timeout=60_000)
        for run in range(runs):
            page.wait_for_timeout(300)  # let the page's poll reconnect after its reload
            title = f"Edited title {run} {time.time_ns()}"
            started = time.perf_counter()
            edit(events, index, title)
            wait_until(page, shown_js, title)
            shown.append(time.perf_counter() - started)
            wait_until(page, ready_js, title)
            ready.append(time.perf_counter() - started)
        browser.close()
    return shown, ready


def wait_until(page, condition: str, title: str, seconds: float = 60) -> None:
    """Poll ``condition`` in the page every few ms, across a navigation if there is one."""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        try:
            if page.evaluate(condition, title):
                return
        except Exception:  # the page is navigating: its context is being replaced
            pass
        time.sleep(0.003)
    raise SystemExit(f"the edit did not show within {seconds:.0f} s")


def summary(name: str, times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    p90 = ms[min(len(ms) - 1, round(0.9 * (len(ms) - 1)))]
    return (
        f"{name:<44} median {statistics.median(ms):6.0f} ms   p90 {p90:6.0f} ms"
        f"   max {ms[-1]:6.0f} ms   (n={len(ms)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1000, help="events in the timeline")
    parser.add_argument("--runs", type=int, default=10, help="saves measured per page")
    parser.add_argument("--mode", choices=["browser", "http"], default=None)
    args = parser.parse_args()
    mode = args.mode or ("browser" if CHROMIUM.exists() else "http")
    if mode == "browser" and not CHROMIUM.exists():
        raise SystemExit(f"{CHROMIUM} not found; use --mode http")
    index = args.events // 2
    with tempfile.TemporaryDirectory() as folder:
        events = Path(folder) / "events.yaml"
        events.write_text(synthetic(args.events), encoding="utf-8")
        started = time.perf_counter()
        server = Server(events)
        print(f"{args.events} events; first build and start: {time.perf_counter() - started:.1f} s")
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(
            f"mode: {mode}; cpus: {os.cpu_count()} (load {load}); python {sys.version.split()[0]}"
        )
        try:
            for page in (f"events/event-{index}.html", "index.html"):
                if mode == "http":
                    times = measure_http(server, events, page, index, args.runs)
                    print(summary(f"{page} (save → new page fetched)", times))
                else:
                    dom, load = measure_browser(server, events, page, index, args.runs)
                    print(summary(f"{page} (save → new title shown)", dom))
                    print(summary(f"{page} (save → page ready, chart drawn)", load))
        finally:
            rebuilds = server.stop()
        if rebuilds:
            print(summary("server side: rebuild (read, validate, order)", rebuilds))
        print(f"baseline, a full 'timeline build' of the same file: {full_build(events):.2f} s")


def full_build(events: Path) -> float:
    """Seconds for the full build a server without incremental rebuilds would run."""
    from timeline.site.build import build_site

    started = time.perf_counter()
    build_site(events, events.parent / "output")
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
