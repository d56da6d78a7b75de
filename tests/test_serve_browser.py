"""`timeline serve` in Chromium: pages reload by themselves; errors show, then go away.

Uses the session `chromium` fixture (tests/conftest.py): skipped loudly when
/usr/bin/chromium is missing, failed instead under CI=true. Only 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from timeline.serve import DevServer

WAIT_MS = 15_000  # every browser wait is bounded

TIMELINE = """\
title: Crisis
sources:
  wire:
    title: Wire story
events:
  - id: vote
    title: Kyrgyzstan votes
    date: 2020-10-04
    type: election
    sources:
      - source: wire
  - id: resigns
    title: Jeenbekov resigns
    date: 2020-10-15
    type: resignation
    sources:
      - source: wire
    after: [vote]
"""

OVERLAY = "#timeline-livereload-overlay"


@pytest.fixture
def events(tmp_path: Path) -> Path:
    path = tmp_path / "events.yaml"
    path.write_text(TIMELINE, encoding="utf-8")
    return path


@pytest.fixture
def server(events: Path) -> Iterator[DevServer]:
    with DevServer(events, port=0, interval=0.02, poll_timeout=5.0) as dev:
        assert dev.url.startswith("http://127.0.0.1:")
        yield dev


@pytest.fixture
def page(chromium, server: DevServer):
    context = chromium.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server.url + "events/resigns.html", wait_until="load", timeout=WAIT_MS)
    # The script's first poll answers at once; wait until its long poll is held open.
    page.wait_for_timeout(300)
    yield page
    context.close()
    assert errors == []


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_page_reloads_itself_after_a_save(page, events: Path) -> None:
    assert page.locator("h1").inner_text() == "Jeenbekov resigns"
    page.evaluate("window.__marker = 'before'")  # gone once the page has really reloaded
    with page.expect_event("load", timeout=WAIT_MS):
        edit(events, "title: Jeenbekov resigns", "title: Jeenbekov steps down")
    assert page.locator("h1").inner_text() == "Jeenbekov steps down"
    assert page.evaluate("window.__marker === undefined")


def test_the_error_overlay_appears_and_goes_when_fixed(page, events: Path) -> None:
    edit(events, "date: 2020-10-15", "date: 2020-02-30")
    overlay = page.locator(OVERLAY)
    overlay.wait_for(state="visible", timeout=WAIT_MS)
    assert (
        f"{events}:14:11: event 'resigns': date '2020-02-30' is not a real day"
        in overlay.inner_text()
    )
    assert page.locator("h1").inner_text() == "Jeenbekov resigns"  # the last good build
    with page.expect_event("load", timeout=WAIT_MS):
        edit(events, "date: 2020-02-30", "date: 2020-10-16")
    page.locator(OVERLAY).wait_for(state="detached", timeout=WAIT_MS)
    assert "16 October 2020" in page.locator("main").inner_text()


def test_undoing_a_broken_edit_clears_the_overlay_without_a_reload(page, events: Path) -> None:
    page.evaluate("window.__marker = 'still here'")
    edit(events, "    title: Kyrgyzstan votes\n", "    title: [Kyrgyzstan votes\n")
    overlay = page.locator(OVERLAY)
    overlay.wait_for(state="visible", timeout=WAIT_MS)
    assert "YAML syntax error" in overlay.inner_text()
    assert overlay.get_attribute("role") == "alert"
    events.write_text(TIMELINE, encoding="utf-8")  # undo: the served pages are right again
    page.locator(OVERLAY).wait_for(state="detached", timeout=WAIT_MS)
    assert page.evaluate("window.__marker") == "still here"


def test_error_text_is_shown_as_text_not_html(page, events: Path) -> None:
    edit(events, "type: resignation", "type: <img src=x onerror=alert(1)>")
    overlay = page.locator(OVERLAY)
    overlay.wait_for(state="visible", timeout=WAIT_MS)
    assert "unknown type '<img src=x onerror=alert(1)>'" in overlay.inner_text()
    assert page.locator(f"{OVERLAY} img").count() == 0


def test_the_index_swaps_in_the_new_page_without_reloading_plotly(
    chromium, server: DevServer, events: Path
) -> None:
    context = chromium.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server.url + "index.html", wait_until="load", timeout=WAIT_MS)
    page.wait_for_selector("#chart[data-drawn='1']", timeout=WAIT_MS)
    page.wait_for_timeout(300)
    page.evaluate("window.__marker = 'kept'")  # a soft swap keeps the window and Plotly
    edit(events, "title: Jeenbekov resigns", "title: Jeenbekov steps down")
    page.wait_for_function(
        "() => document.body.textContent.includes('Jeenbekov steps down')", timeout=WAIT_MS
    )
    page.wait_for_selector("#chart[data-drawn='1']", timeout=WAIT_MS)
    assert page.evaluate("window.__marker") == "kept"
    assert page.locator("#chart .point, #chart canvas").count() > 0
    assert page.evaluate("document.querySelectorAll('script[src$=\"plotly.min.js\"]').length") == 1
    # and it keeps listening: a broken edit still shows the overlay on the swapped page
    edit(events, "date: 2020-10-15", "date: 2020-02-30")
    page.locator(OVERLAY).wait_for(state="visible", timeout=WAIT_MS)
    context.close()
    assert errors == []
