"""The built site as a reader meets it, in headless Chromium from file://."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.site.build import build_site

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "golden" / "fixture" / "events.yaml"
READY = "#chart[data-ready='1']"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "output"
    build_site(FIXTURE, out)
    return out


@pytest.fixture
def page(chromium):
    """A page that records console errors, page errors and any request leaving file://."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.problems = []  # type: ignore[attr-defined]
    page.on(
        "console",
        lambda m: m.type == "error" and page.problems.append(f"console: {m.text}"),  # type: ignore[attr-defined]
    )
    page.on("pageerror", lambda e: page.problems.append(f"pageerror: {e}"))  # type: ignore[attr-defined]
    page.on(
        "request",
        lambda r: r.url.startswith("file://") or page.problems.append(f"request: {r.url}"),  # type: ignore[attr-defined]
    )
    yield page
    context.close()


def open_index(page, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    page.wait_for_selector(READY, timeout=15000)


MARKER_COUNT = """() => document.getElementById('chart').data
    .filter(t => t.mode === 'markers' && t.customdata && t.visible === true)
    .reduce((n, t) => n + t.x.length, 0)"""

MARKER_TRACE = """(name) => document.getElementById('chart').data
    .findIndex(t => t.name === name && t.customdata)"""

POINT_AT = """([trace, point]) => {
    const gd = document.getElementById('chart');
    const full = gd._fullData.find(t => t.index === trace);
    const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
    const box = gd.querySelector('.nsewdrag').getBoundingClientRect();
    return {x: box.left + xa.l2p(xa.d2l(full.x[point])), y: box.top + ya.l2p(full.y[point]),
            index: full.customdata[point]};
}"""


def test_index_opens_offline_without_errors(page, site: Path) -> None:
    open_index(page, site)
    for name in (
        "events/mayor-concedes.html",
        "actors/mayor-ada-lind.html",
        "places/riverton.html",
        "sources.html",
        "graph.html",
    ):
        page.goto((site / name).as_uri())
        page.wait_for_load_state("load")
    assert page.problems == []


def test_chart_has_one_point_per_event(page, site: Path) -> None:
    open_index(page, site)
    events = page.locator("#event-list li.ev").count()
    assert events == 6
    assert page.evaluate(MARKER_COUNT) == events
    assert page.locator("#chart .cartesianlayer .scatterlayer .point").count() == events
    kinds = page.evaluate("() => window.TIMELINE_DATA.k.map(k => window.TIMELINE_DATA.kinds[k])")
    assert sorted(set(kinds)) == ["exact", "span", "window"]
    # spans are solid bars, uncertain windows dotted and faded
    lines = page.evaluate(
        "() => document.getElementById('chart')._fullData.filter(t => t.mode === 'lines' "
        "&& t.x.length).map(t => [t.name, t.line.dash, t.opacity])"
    )
    assert ["protest (span)", "solid", 1] in lines
    assert ["meeting (window)", "dot", 0.4] in lines
    assert page.problems == []


def test_hover_shows_human_date_title_and_actors(page, site: Path) -> None:
    open_index(page, site)
    trace = page.evaluate(MARKER_TRACE, "meeting")
    spot = page.evaluate(POINT_AT, [trace, 0])
    page.mouse.move(spot["x"], spot["y"])
    label = page.wait_for_selector(".chart-panel .tip:not([hidden])", timeout=5000)
    text = label.inner_text()
    assert "Mediated talks between the mayor and the union" in text
    assert "between 1 and 30 March 2021" in text
    assert "Mayor Ada Lind, Municipal workers' union" in text
    page.mouse.move(5, 5)
    page.wait_for_selector(".chart-panel .tip[hidden]", state="attached", timeout=5000)


def test_clicking_a_point_opens_its_event(page, site: Path) -> None:
    open_index(page, site)
    trace = page.evaluate(MARKER_TRACE, "deadline")
    spot = page.evaluate(POINT_AT, [trace, 0])
    href = page.evaluate(
        "(i) => document.querySelectorAll('#event-list li.ev a')[i].href", spot["index"]
    )
    assert href.endswith("events/audit-deadline.html")
    page.mouse.move(spot["x"], spot["y"])
    page.mouse.click(spot["x"], spot["y"])
    page.wait_for_url(href, timeout=5000)
    assert page.locator("h1").text_content() == "Deadline for the regional audit of the new budget"


def test_clicking_a_list_item_opens_its_event(page, site: Path) -> None:
    open_index(page, site)
    page.get_by_role("link", name="Municipal workers strike for three days").click()
    page.wait_for_url("**/events/workers-strike.html")
    assert "8–10 March 2021" in page.locator(".event-when").text_content()
    page.get_by_role("link", name="Next →").first.click()
    page.wait_for_url("**/events/mayor-concedes.html")


def test_type_filter_hides_and_shows_points_and_list_items(page, site: Path) -> None:
    open_index(page, site)
    protest = page.locator("#event-list li.t-protest")
    assert protest.is_visible()
    page.locator(".type-filter input[value=protest]").uncheck()
    assert protest.is_hidden()
    assert page.evaluate(MARKER_COUNT) == 5
    assert page.locator("#chart .cartesianlayer .scatterlayer .point").count() == 5
    assert page.locator("#filter-status").text_content() == "Showing 5 of 6 events."
    page.locator(".type-filter input[value=protest]").check()
    assert protest.is_visible()
    assert page.evaluate(MARKER_COUNT) == 6
    # the chart legend drives the same filter
    page.locator("#chart .legend .traces", has_text="deadline").locator(".legendtoggle").click()
    assert page.locator("#event-list li.t-deadline").is_hidden()
    assert page.locator("#event-list section.month").nth(1).is_hidden()  # May: only the deadline
    assert not page.locator(".type-filter input[value=deadline]").is_checked()
    assert page.evaluate(MARKER_COUNT) == 5
    page.locator("#show-all").click()
    assert page.locator("#event-list li.t-deadline").is_visible()
    assert page.evaluate(MARKER_COUNT) == 6
    assert page.problems == []


def test_lanes_by_actor(page, site: Path) -> None:
    open_index(page, site)
    page.locator("input[name=lanes][value=actor]").check()
    page.wait_for_function(
        "() => document.getElementById('chart')._fullLayout.yaxis.ticktext.length === 4"
    )
    ticks = page.evaluate("() => document.getElementById('chart')._fullLayout.yaxis.ticktext")
    assert "Mayor Ada Lind" in ticks
    assert page.evaluate(MARKER_COUNT) == 8  # one point per (event, actor)
    assert page.problems == []


def test_keyboard_only_navigation_through_the_list(page, site: Path) -> None:
    open_index(page, site)
    links = page.evaluate(
        "() => [...document.querySelectorAll('#event-list li.ev a')].map(a => a.href)"
    )
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.href") == links[0]:
            break
    else:
        pytest.fail("Tab never reached the first event in the list")
    for expected in links[1:3]:
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.href") == expected
    page.keyboard.press("Enter")
    page.wait_for_url(links[2])


def test_list_works_without_javascript(chromium, site: Path) -> None:
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((site / "index.html").as_uri())
    assert page.locator(".noscript").is_visible()
    assert page.locator("#controls").is_hidden()
    assert page.locator("#event-list li.ev").count() == 6
    assert page.locator("#event-list time").first.get_attribute("datetime") == "2021-03"
    page.get_by_role("link", name="Council passes an amended budget").click()
    page.wait_for_url("**/events/budget-passed.html")
    context.close()


def test_screenshots_of_the_shipped_timeline(chromium, artifacts: Path, tmp_path: Path) -> None:
    shipped = ROOT / "events.yaml"
    source = shipped if shipped.is_file() else FIXTURE
    out = tmp_path / "output"
    build_site(source, out)
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto((out / "index.html").as_uri())
    page.wait_for_selector(READY, timeout=15000)
    page.screenshot(path=str(artifacts / "index.png"), full_page=True)
    spot = page.evaluate(POINT_AT, [page.evaluate(MARKER_TRACE, "violence"), 0])
    page.mouse.move(spot["x"], spot["y"])
    page.wait_for_selector(".chart-panel .tip:not([hidden])", timeout=5000)
    page.screenshot(path=str(artifacts / "index-hover.png"))
    page.goto((out / "graph.html").as_uri())
    page.screenshot(path=str(artifacts / "graph.png"), full_page=True)
    page.goto((out / "index.html").as_uri())
    first = page.locator("#event-list li.ev a").nth(2).get_attribute("href")
    page.goto((out / first).as_uri())
    page.screenshot(path=str(artifacts / "event.png"), full_page=True)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto((out / "index.html").as_uri())
    page.wait_for_selector(READY, timeout=15000)
    page.screenshot(path=str(artifacts / "index-phone.png"), full_page=False)
    context.close()
    for name in ("index.png", "index-hover.png", "graph.png", "event.png", "index-phone.png"):
        assert (artifacts / name).stat().st_size > 10_000
