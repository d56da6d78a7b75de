"""The built site as a reader meets it, in headless Chromium from file://.

The chart is checked on three timelines at a desktop (1400x900) and a phone (390x844)
size: the shipped events.yaml, the seed article extracted at test time (its exact
events change with the extractor, so only properties are checked), and a generated
200-event timeline. In the first view every label lies inside the chart and no two
overlap; events whose date is a window sit on the axis in list order; a tap opens a
card on the phone. Other tests cover the fixture site (cards, clicks, filters, the
list without JavaScript), the out-of-view counts, story mode, the embed, media, and
that chart, story and embed show the events of the list in its order.
"""

from __future__ import annotations

import os
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import shared_dir

from timeline.cli import cli
from timeline.site.build import build_site

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "golden" / "fixture" / "events.yaml"
READY = "#chart[data-ready='1']"
DESKTOP = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}
SEED = Path("corpora") / "seed" / "kyrgyzstan-2020-10-21.txt"

pytestmark = pytest.mark.browser


# -- timelines ----------------------------------------------------------------------------


def generated_yaml(count: int = 200, seed: int = 11) -> str:
    """A made-up timeline over about three years: exact days, spans, uncertain months,
    windows, events placed only by `after`, titles of every length, a few key events."""
    rng = random.Random(seed)
    words = [
        "council",
        "parliament",
        "minister",
        "protest",
        "court",
        "ruling",
        "budget",
        "election",
        "strike",
        "agreement",
        "talks",
        "opposition",
        "deputies",
        "commission",
        "decree",
        "envoy",
        "mayor",
        "union",
        "inquiry",
        "referendum",
    ]
    start = date(2019, 1, 1)
    days = sorted(rng.randrange(0, 1000) for _ in range(count))
    lines = ["title: A generated timeline", "sources:", "  wire:", "    title: Wire reports"]
    lines.append("events:")
    for i, offset in enumerate(days):
        day = start + timedelta(days=offset)
        title = " ".join(rng.choice(words) for _ in range(rng.randrange(2, 12))).capitalize()
        lines += [f"  - id: e{i:03d}", f"    title: {title} {i}", "    type: " + rng.choice(
            ["election", "protest", "court", "meeting", "statement", "legislation"])]  # fmt: skip
        shape = rng.random()
        if shape < 0.1 and i:
            lines.append(f"    after: [e{i - 1:03d}]")
        elif shape < 0.2:
            end = day + timedelta(days=rng.randrange(1, 8))
            lines.append(f"    date: {day.isoformat()}/{end.isoformat()}")
        elif shape < 0.3:
            lines.append(f"    date: {day.year:04d}-{day.month:02d}?")
        elif shape < 0.35:
            lines.append(f"    not_before: {day.isoformat()}")
            lines.append(f"    not_after: {(day + timedelta(days=20)).isoformat()}")
        else:
            lines.append(f"    date: {day.isoformat()}")
        if rng.random() < 0.05:
            lines.append("    key: true")
        lines.append("    sources: [{source: wire}]")
    return "\n".join(lines) + "\n"


def seed_article() -> Path:
    path = shared_dir() / SEED
    if not path.is_file():
        reason = f"the seed article is not at {path} (set TIMELINE_SHARED)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return path


def build_from(folder: Path, text: str | None = None, source: Path | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    events = folder / "events.yaml"
    if text is not None:
        events.write_text(text, encoding="utf-8")
    elif source is not None:
        events.write_bytes(source.read_bytes())
        if (source.parent / "media").is_dir():  # the images it shows
            shutil.copytree(source.parent / "media", folder / "media", dirs_exist_ok=True)
    build_site(events, folder / "output")
    return folder / "output"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_from(tmp_path_factory.mktemp("fixture"), source=FIXTURE)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The three timelines the chart is checked on, built once."""
    root = tmp_path_factory.mktemp("three")
    out = {
        "shipped": build_from(root / "shipped", source=ROOT / "events.yaml"),
        "generated": build_from(root / "generated", generated_yaml()),
    }
    seed = shared_dir() / SEED
    if seed.is_file():
        folder = root / "seed"
        folder.mkdir()
        result = CliRunner().invoke(
            cli, ["extract", str(seed), "--events", str(folder / "events.yaml")]
        )
        assert result.exit_code == 0, result.output
        out["seed"] = build_from(folder)
    return out


def open_page(chromium, viewport: dict[str, int], touch: bool = False):
    """A page that records console errors, page errors and any request leaving file://."""
    context = chromium.new_context(viewport=viewport, has_touch=touch, is_mobile=touch)
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
    return context, page


@pytest.fixture
def page(chromium):
    context, page = open_page(chromium, DESKTOP)
    yield page
    context.close()


def open_index(page, site: Path, name: str = "index.html") -> None:
    page.goto((site / name).as_uri())
    page.wait_for_selector(READY, timeout=30000)


# -- reading the chart ------------------------------------------------------------------------

MARKER_COUNT = """() => document.getElementById('chart').data
    .filter(t => t.mode === 'markers' && t.customdata)
    .reduce((n, t) => n + t.x.length, 0)"""

# Every label: its event (list index) and its box; the plot area's box.
LABELS = """() => {
    const gd = document.getElementById('chart');
    const plot = gd.querySelector('.nsewdrag').getBoundingClientRect();
    const trace = gd._fullData.find(t => t.name === 'labels');
    const texts = [...gd.querySelectorAll('.textpoint')];
    const labels = texts.map((g, i) => {
        const r = g.getBoundingClientRect();
        return {k: trace.customdata[i], text: g.textContent,
                l: r.left, r: r.right, t: r.top, b: r.bottom};
    });
    return {plot: {l: plot.left, r: plot.right, t: plot.top, b: plot.bottom}, labels: labels};
}"""

# Every mark on screen: its event, its kind and its x and y in the page.
MARKS = """() => {
    const gd = document.getElementById('chart'), D = window.TIMELINE_DATA;
    const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
    const box = gd.querySelector('.nsewdrag').getBoundingClientRect();
    const out = [];
    gd._fullData.forEach(t => {
        if (t.mode !== 'markers' || !t.customdata) return;
        t.x.forEach((x, j) => {
            const px = box.left + xa.l2p(xa.d2l(x)), py = box.top + ya.l2p(t.y[j]);
            if (px >= box.left && px <= box.right)
                out.push({k: t.customdata[j], x: px, y: py, kind: D.kinds[D.k[t.customdata[j]]]});
        });
    });
    return out.sort((a, b) => a.k - b.k);
}"""


def assert_labels_fit(page, where: str) -> list[dict]:
    """Every label inside the chart's plot area, and no two overlapping."""
    found = page.evaluate(LABELS)
    plot, labels = found["plot"], found["labels"]
    assert labels, f"{where}: no labels drawn"
    for label in labels:
        assert plot["l"] - 0.5 <= label["l"] and label["r"] <= plot["r"] + 0.5, (where, label)
        assert plot["t"] - 0.5 <= label["t"] and label["b"] <= plot["b"] + 0.5, (where, label)
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            apart = a["r"] <= b["l"] + 0.5 or b["r"] <= a["l"] + 0.5
            apart = apart or a["b"] <= b["t"] + 0.5 or b["b"] <= a["t"] + 0.5
            assert apart, (where, a, b)
    return labels


def assert_windows_in_list_order(page, where: str) -> None:
    data = page.evaluate("() => window.TIMELINE_DATA")
    window = [k for k, kind in enumerate(data["k"]) if data["kinds"][kind] == "window"]
    xs = [data["x"][k] for k in window]
    assert xs == sorted(xs), where
    assert len(set(xs)) == len(xs), f"{where}: two windowed events share a position"
    for k in window:  # inside the window: between the first day and the end of the last
        assert data["a"][k] <= data["x"][k] <= data["b"][k] + 1, (where, k)
    on_screen = [m for m in page.evaluate(MARKS) if m["kind"] == "window"]
    pixels = [m["x"] for m in sorted(on_screen, key=lambda m: m["k"])]
    assert pixels == sorted(pixels), f"{where}: windowed marks out of list order on the axis"


# -- the three timelines, desktop and phone ---------------------------------------------------


@pytest.mark.parametrize("name", ["shipped", "seed", "generated"])
@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_first_view_labels_fit_and_windows_keep_their_order(
    chromium, sites: dict[str, Path], name: str, size: str
) -> None:
    if name == "seed":
        seed_article()
    site = sites[name]
    phone = size == "phone"
    context, page = open_page(chromium, PHONE if phone else DESKTOP, touch=phone)
    open_index(page, site)
    where = f"{name} at {size}"
    labels = assert_labels_fit(page, where)
    assert_windows_in_list_order(page, where)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= (PHONE if phone else DESKTOP)["width"], (
        f"{where}: the page is wider than the screen"
    )
    marks = page.evaluate(MARKS)
    total = page.evaluate("() => window.TIMELINE_DATA.x.filter(x => x !== null).length")
    counted = page.evaluate(
        "() => [...document.querySelectorAll('.edge-count:not([hidden])')]"
        ".map(b => parseInt(b.textContent.replace(/[^0-9]/g, ''), 10))"
    )
    assert len(marks) + sum(counted) == total, f"{where}: events neither drawn nor counted"
    if name != "generated":  # a story of a few weeks: every event labelled on a desktop
        assert len(labels) == total or phone, where
    if phone:  # tap a mark: its card; tap the card: its page
        first = next(m for m in marks if m["k"] in {label["k"] for label in labels})
        page.evaluate("(y) => window.scrollBy(0, y - 300)", first["y"])
        mark = next(m for m in page.evaluate(MARKS) if m["k"] == first["k"])
        page.touchscreen.tap(mark["x"], mark["y"])
        card = page.wait_for_selector(".chart-panel .tip.pinned:not([hidden])", timeout=5000)
        title = page.evaluate("(k) => window.TIMELINE_DATA.n[k]", mark["k"])
        assert title in card.text_content()
        href = page.evaluate(
            "(k) => document.querySelectorAll('#event-list li.ev a')[k].href", mark["k"]
        )
        box = card.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
        page.touchscreen.tap(box["x"] + 10, box["y"] + box["height"] - 8)
        page.wait_for_url(href, timeout=5000)
    assert page.problems == [], where
    context.close()


def test_zooming_in_labels_more_events_without_overlap(chromium, sites: dict[str, Path]) -> None:
    context, page = open_page(chromium, DESKTOP)
    open_index(page, sites["generated"])
    before = len(page.evaluate(LABELS)["labels"])
    view = page.evaluate("() => document.getElementById('chart').timeline.view()")
    middle = (view[0] + view[1]) / 2
    page.evaluate(
        "([a, b]) => Plotly.relayout('chart', {'xaxis.range': [a * 864e5, b * 864e5]})",
        [middle - 30, middle + 30],
    )
    page.wait_for_function(
        "() => { const v = document.getElementById('chart').timeline.view(); "
        "return v[1] - v[0] < 100; }",
    )
    page.wait_for_timeout(200)
    labels = assert_labels_fit(page, "zoomed in")
    shown = page.evaluate(MARKS)
    assert len(labels) == len(shown), "two months of 200 events: every event gains its label"
    assert len(shown) < before
    counts = page.locator(".edge-count:not([hidden])")
    assert counts.count() == 2  # events before and after the zoomed-in months
    assert page.problems == []
    context.close()


def test_out_of_view_counts_bring_the_events_in(chromium, tmp_path: Path) -> None:
    """One old event would squash the rest: the first view leaves it out and counts it."""
    lines = ["title: Outlier", "sources: {wire: {title: Wire}}", "events:",
             "  - {id: old, title: An old decision, date: 2022-02-10, type: court,"
             " sources: [{source: wire}]}"]  # fmt: skip
    lines += [
        f"  - {{id: m{i}, title: March event number {i}, date: 2024-03-{i + 3:02d},"
        " type: protest, sources: [{source: wire}]}"
        for i in range(6)
    ]
    site = build_from(tmp_path, "\n".join(lines) + "\n")
    context, page = open_page(chromium, DESKTOP)
    open_index(page, site)
    left, right = page.locator(".edge-before"), page.locator(".edge-after")
    assert left.is_visible() and left.text_content() == "← 1 earlier event"
    assert right.is_hidden()
    assert len(page.evaluate(MARKS)) == 6
    assert_labels_fit(page, "first view")
    left.click()
    page.wait_for_function("() => document.querySelector('.edge-before').hidden")
    assert len(page.evaluate(MARKS)) == 7
    assert_labels_fit(page, "after bringing the old event in")
    key = page.locator("#chart-key li[data-kind]:not([hidden])")
    assert key.count() == 1  # only known days here: the key explains just that mark
    assert page.problems == []
    context.close()


def test_pinch_zooms_and_drag_pans_on_a_phone(chromium, sites: dict[str, Path]) -> None:
    context, page = open_page(chromium, PHONE, touch=True)
    open_index(page, sites["generated"])
    box = page.locator("#chart .nsewdrag").bounding_box()
    assert box is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    view = page.evaluate("() => document.getElementById('chart').timeline.view()")
    cdp = context.new_cdp_session(page)

    def touch(kind: str, points: list[tuple[float, float]]) -> None:
        cdp.send(
            "Input.dispatchTouchEvent",
            {"type": kind, "touchPoints": [{"x": px, "y": y} for px, _ in points]},
        )

    touch("touchStart", [(x - 30, y), (x + 30, y)])
    for spread in (45, 70, 95, 120):
        touch("touchMove", [(x - spread, y), (x + spread, y)])
    touch("touchEnd", [])
    page.wait_for_timeout(400)
    zoomed = page.evaluate("() => document.getElementById('chart').timeline.view()")
    assert zoomed[1] - zoomed[0] < (view[1] - view[0]) / 2.5
    assert_labels_fit(page, "after a pinch")
    touch("touchStart", [(x, y)])
    for step in range(1, 6):
        touch("touchMove", [(x + 20 * step, y)])
    touch("touchEnd", [])
    page.wait_for_timeout(400)
    panned = page.evaluate("() => document.getElementById('chart').timeline.view()")
    assert panned[0] < zoomed[0]  # dragged right: earlier days come into view
    assert page.locator(".tip.pinned:not([hidden])").count() == 0
    assert page.problems == []
    context.close()


# -- the fixture site: cards, clicks, filters, the list --------------------------------------


def test_pages_open_offline_without_errors(page, site: Path) -> None:
    open_index(page, site)
    for name in (
        "events/mayor-concedes.html",
        "actors/mayor-ada-lind.html",
        "places/riverton.html",
        "sources.html",
        "graph.html",
        "story.html",
        "embed.html",
    ):
        page.goto((site / name).as_uri())
        page.wait_for_load_state("load")
    assert page.problems == []


def test_chart_has_one_mark_and_one_label_per_event(page, site: Path) -> None:
    open_index(page, site)
    events = page.locator("#event-list li.ev").count()
    assert events == 6
    assert page.evaluate(MARKER_COUNT) == events
    labels = assert_labels_fit(page, "fixture")
    assert sorted(label["k"] for label in labels) == list(range(6))
    kinds = page.evaluate("() => window.TIMELINE_DATA.k.map(k => window.TIMELINE_DATA.kinds[k])")
    assert sorted(set(kinds)) == ["exact", "span", "window"]
    # spans are solid bars, uncertain windows dotted and faded beneath their label
    lines = page.evaluate(
        "() => document.getElementById('chart')._fullData.filter(t => t.mode === 'lines' "
        "&& t.x.length).map(t => [t.name, t.line.dash, t.opacity])"
    )
    assert ["protest (span)", "solid", 1] in lines
    assert ["windows", "dot", 0.6] in lines
    # an uncertain date's open circle is drawn in its type's colour: white on white hid it
    open_marks = page.evaluate(
        "() => document.getElementById('chart')._fullData.filter(t => t.mode === 'markers' "
        "&& t.marker.symbol === 'circle-open').map(t => [].concat(t.marker.color))"
    )
    assert open_marks and all(c.lower() not in ("#fff", "#ffffff", "white")
                              for colours in open_marks for c in colours)  # fmt: skip
    shown = page.locator("#chart-key li[data-kind]:not([hidden])")
    assert sorted(shown.evaluate_all("els => els.map(e => e.dataset.kind)")) == [
        "exact",
        "span",
        "window",
    ]
    assert page.problems == []


def mark_of(page, k: int) -> dict:
    return next(m for m in page.evaluate(MARKS) if m["k"] == k)


def test_hover_card_says_the_date_is_uncertain(page, site: Path) -> None:
    open_index(page, site)
    k = page.evaluate(
        "() => window.TIMELINE_DATA.n.indexOf('Mediated talks between the mayor and the union')"
    )
    spot = mark_of(page, k)
    page.mouse.move(spot["x"], spot["y"])
    card = page.wait_for_selector(".chart-panel .tip:not([hidden])", timeout=5000)
    text = card.inner_text()
    assert "Mediated talks between the mayor and the union" in text
    assert "Date uncertain: between 1 and 30 March 2021" in text
    assert "Mayor Ada Lind, Municipal workers' union" in text
    page.mouse.move(5, 5)
    page.wait_for_selector(".chart-panel .tip[hidden]", state="attached", timeout=5000)


def test_hovering_a_label_shows_its_card(page, site: Path) -> None:
    open_index(page, site)
    k = page.evaluate(
        "() => window.TIMELINE_DATA.n.indexOf('Town council rejects the draft budget')"
    )
    label = next(lb for lb in page.evaluate(LABELS)["labels"] if lb["k"] == k)
    page.mouse.move((label["l"] + label["r"]) / 2, (label["t"] + label["b"]) / 2)
    card = page.wait_for_selector(".chart-panel .tip:not([hidden])", timeout=5000)
    assert "Town council rejects the draft budget" in card.inner_text()


def test_clicking_a_mark_opens_its_event(page, site: Path) -> None:
    open_index(page, site)
    k = page.evaluate(
        "() => window.TIMELINE_DATA.n.indexOf('Deadline for the regional audit of the new budget')"
    )
    spot = mark_of(page, k)
    href = page.evaluate("(i) => document.querySelectorAll('#event-list li.ev a')[i].href", k)
    assert href.endswith("events/audit-deadline.html")
    page.mouse.move(spot["x"], spot["y"])
    page.mouse.click(spot["x"], spot["y"])
    page.wait_for_url(href, timeout=5000)
    assert page.locator("h1").text_content() == "Deadline for the regional audit of the new budget"


def test_clicking_a_list_item_opens_its_event(page, site: Path) -> None:
    open_index(page, site)
    page.locator("#event-list").get_by_role(
        "link", name="Municipal workers strike for three days"
    ).click()
    page.wait_for_url("**/events/workers-strike.html")
    assert "8–10 March 2021" in page.locator(".event-when").text_content()
    page.get_by_role("link", name="Next →").first.click()
    page.wait_for_url("**/events/mayor-concedes.html")


def test_type_and_actor_filters_hide_marks_labels_and_list_items(page, site: Path) -> None:
    open_index(page, site)
    protest = page.locator("#event-list li.t-protest")
    assert protest.is_visible()
    page.locator(".type-filter input[value=protest]").uncheck()
    assert protest.is_hidden()
    page.wait_for_function(f"() => ({MARKER_COUNT})() === 5")
    assert len(page.evaluate(LABELS)["labels"]) == 5
    assert page.locator("#filter-status").text_content() == "Showing 5 of 6 events."
    page.locator(".type-filter input[value=protest]").check()
    page.wait_for_function(f"() => ({MARKER_COUNT})() === 6")
    page.locator("#actor-filter").select_option(label="Regional audit office (1)")
    page.wait_for_function(f"() => ({MARKER_COUNT})() === 1")
    assert page.locator("#event-list li.ev:visible").count() == 1
    assert page.locator("#event-list section.month").first.is_hidden()  # March: none of theirs
    assert page.locator("#filter-status").text_content() == "Showing 1 of 6 events."
    page.locator("#show-all").click()
    page.wait_for_function(f"() => ({MARKER_COUNT})() === 6")
    assert page.locator("#event-list li.ev:visible").count() == 6
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
    page.goto((site / "story.html").as_uri())  # story mode is one long page without JS
    assert page.locator(".slide").count() == 7
    assert all(page.locator(".slide").nth(i).is_visible() for i in range(7))
    context.close()


# -- chart, story and embed agree with the list -----------------------------------------------


def list_titles(page) -> list[str]:
    return page.evaluate(
        "() => [...document.querySelectorAll('#event-list li.ev a')].map(a => a.textContent)"
    )


def label_titles(page) -> list[str]:
    """The labelled events, left to right (ties broken top to bottom)."""
    labels = page.evaluate(LABELS)["labels"]
    marks = {m["k"]: m for m in page.evaluate(MARKS)}
    ordered = sorted(labels, key=lambda lb: (marks[lb["k"]]["x"], marks[lb["k"]]["y"]))
    return [page.evaluate("(k) => window.TIMELINE_DATA.n[k]", lb["k"]) for lb in ordered]


@pytest.mark.parametrize("name", ["fixture", "shipped"])
def test_chart_story_and_embed_show_the_list_in_its_order(
    page, site: Path, sites: dict[str, Path], name: str
) -> None:
    built = site if name == "fixture" else sites["shipped"]
    open_index(page, built)
    titles = list_titles(page)
    placed = page.evaluate("() => window.TIMELINE_DATA.x.map(x => x !== null)")
    on_chart = [t for t, p in zip(titles, placed, strict=True) if p]
    assert label_titles(page) == on_chart
    page.goto((built / "story.html").as_uri())
    page.wait_for_selector("#story[data-ready]")
    slides = page.evaluate(
        "() => [...document.querySelectorAll('.slide .slide-title')].map(h => h.textContent)"
    )
    assert slides == titles
    page.goto((built / "embed.html").as_uri())
    page.wait_for_selector(READY, timeout=30000)
    assert list_titles(page) == titles
    shown = label_titles(page)
    assert shown == [t for t in on_chart if t in shown] and shown  # in order, perhaps fewer
    assert page.problems == []


# -- story mode -------------------------------------------------------------------------------


def test_story_moves_with_keys_and_swipes_and_keeps_a_permalink(chromium, site: Path) -> None:
    context, page = open_page(chromium, PHONE, touch=True)
    page.goto((site / "story.html").as_uri() + "#budget-rejected")
    page.wait_for_selector("#story[data-ready]")
    current = page.locator(".slide.current")
    assert current.get_attribute("id") == "budget-rejected"
    assert page.locator(".slide:visible").count() == 1
    assert page.locator("#story-pos").text_content() == "2 / 6"
    page.keyboard.press("ArrowRight")
    assert current.get_attribute("id") == "workers-strike"
    assert page.url.endswith("story.html#workers-strike")
    fill = page.evaluate("() => document.getElementById('story-fill').style.width")
    assert fill == "50%"
    cdp = context.new_cdp_session(page)
    for kind, x in (("touchStart", 300), ("touchMove", 200), ("touchMove", 80)):
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": [{"x": x, "y": 400}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_function("() => location.hash === '#mayor-concedes'")
    assert "Date uncertain:" in current.locator(".slide-when").text_content()
    page.keyboard.press("Home")
    assert current.get_attribute("id") == "start"
    assert page.locator("#story-title").text_content() == "The Riverton budget standoff"
    page.locator(".slide-start").click()
    assert current.get_attribute("id") == "mediated-talks"
    page.keyboard.press("End")
    assert current.get_attribute("id") == "audit-deadline"
    assert page.problems == []
    context.close()


# -- the embed --------------------------------------------------------------------------------


def test_embed_fills_its_frame_without_site_chrome(chromium, site: Path, tmp_path: Path) -> None:
    host = tmp_path / "host.html"
    host.write_text(
        f'<p>An article.</p><iframe id="frame" src="{(site / "embed.html").as_uri()}" '
        'style="width:640px;height:520px;border:0"></iframe>',
        encoding="utf-8",
    )
    context, page = open_page(chromium, DESKTOP)
    page.goto(host.as_uri())
    frame = page.frame_locator("#frame")
    frame.locator(READY).wait_for(timeout=30000)
    inner = page.frames[1]
    assert inner.locator(".masthead, .site-footer").count() == 0
    size = inner.evaluate(
        "() => [document.documentElement.scrollHeight, innerHeight, innerWidth, "
        "document.documentElement.scrollWidth]"
    )
    assert size[0] <= size[1] + 1 and size[3] <= size[2]  # the frame scrolls nothing: the list does
    chart = inner.locator("#chart").bounding_box()
    assert chart and chart["height"] < 520 * 0.75
    assert inner.evaluate("() => document.querySelector('.embed-list').scrollHeight") > 0
    assert inner.evaluate("() => document.querySelector('base').target") == "_blank"
    page.goto((site / "index.html").as_uri())
    snippet = page.locator("#embed-snippet").text_content()
    assert snippet.startswith('<iframe src="https://') and 'embed.html"' in snippet
    assert page.problems == []
    context.close()


# -- media ------------------------------------------------------------------------------------


def test_media_shows_on_the_page_in_the_card_and_the_story(page, site: Path) -> None:
    image = FIXTURE.parent / "media" / "town-hall.png"
    assert (site / "media" / "budget-passed.png").read_bytes() == image.read_bytes()
    page.goto((site / "events" / "budget-passed.html").as_uri())
    shown = page.locator("figure.media img")
    assert shown.get_attribute("alt") == "A drawing of the Riverton town hall under a blue sky"
    assert shown.get_attribute("loading") == "lazy"
    assert page.locator("figure.media figcaption").text_content() == (
        "The town hall, where the council met. Drawing: timeline test fixture"
    )
    page.wait_for_function("() => document.querySelector('figure.media img').naturalWidth === 48")
    page.goto((site / "events" / "audit-deadline.html").as_uri())
    link = page.locator("figure.media a")
    assert link.get_attribute("href") == "https://example.org/video/riverton-audit"
    assert page.locator("figure.media img, iframe").count() == 0
    open_index(page, site)
    k = page.evaluate("() => window.TIMELINE_DATA.n.indexOf('Council passes an amended budget')")
    spot = mark_of(page, k)
    page.mouse.move(spot["x"], spot["y"])
    card = page.wait_for_selector(".chart-panel .tip:not([hidden])")
    assert card.query_selector("img").get_attribute("src") == "media/budget-passed.png"
    page.goto((site / "story.html").as_uri() + "#budget-passed")
    page.wait_for_selector("#story[data-ready]")
    assert page.locator(".slide.current img").get_attribute("src") == "media/budget-passed.png"
    assert page.problems == []


# -- screenshots ------------------------------------------------------------------------------


def test_screenshots_of_the_shipped_timeline(
    chromium, artifacts: Path, sites: dict[str, Path]
) -> None:
    """For people to look at (test-artifacts/): the index, story mode and the embed."""
    out = sites["shipped"]
    shots = []
    for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context, page = open_page(chromium, viewport, touch=size == "phone")
        open_index(page, out)
        page.screenshot(path=str(artifacts / f"index-{size}.png"))
        page.locator(".chart-panel").screenshot(path=str(artifacts / f"chart-{size}.png"))
        page.goto((out / "story.html").as_uri() + "#white-house-stormed")
        page.wait_for_selector("#story[data-ready]")
        page.screenshot(path=str(artifacts / f"story-{size}.png"))
        shots += [f"index-{size}.png", f"chart-{size}.png", f"story-{size}.png"]
        assert page.problems == []
        context.close()
    context, page = open_page(chromium, {"width": 760, "height": 600})
    page.goto((out / "embed.html").as_uri())
    page.wait_for_selector(READY, timeout=30000)
    page.screenshot(path=str(artifacts / "embed.png"))
    context.close()
    for name in [*shots, "embed.png"]:
        assert (artifacts / name).stat().st_size > 10_000, name


# -- under timeline serve ---------------------------------------------------------------------


def test_serve_gives_no_404_for_the_page_icon(chromium, tmp_path: Path) -> None:
    """Without an icon in the page, Chromium asks the server for /favicon.ico and logs the
    404 as a console error."""
    from timeline.serve import DevServer

    shutil.copytree(FIXTURE.parent, tmp_path / "project")
    with DevServer(tmp_path / "project" / "events.yaml", port=0, poll_timeout=1.0) as dev:
        context = chromium.new_context(viewport=DESKTOP)
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        for name in ("index.html", "events/budget-passed.html", "story.html", "embed.html"):
            page.goto(dev.url + name, wait_until="load")
            page.wait_for_timeout(400)
        icon = page.evaluate("() => document.querySelector('link[rel=icon]').href")
        assert icon == dev.url + "assets/favicon.svg"
        context.close()
    assert errors == []
