"""Hostile text in every field of events.yaml is shown as text and never runs.

Each payload, if it ever executed, would set ``window.__xss`` or the page title.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.site.build import build_site

PAYLOADS = [
    "<script>window.__xss=1;document.title='pwned'</script>",
    "<img src=x onerror=\"window.__xss=2;document.title='pwned'\">",
    "</script><script>window.__xss=3;document.title='pwned'</script>",
    "javascript:window.__xss=4",
    '"><svg onload="window.__xss=5;document.title=\'pwned\'">',
    "'-alert(6)-'</title><script>window.__xss=6</script>",
    '<a href="javascript:window.__xss=7">click</a> {{ 7*7 }}',
]


def hostile(n: int) -> str:
    return f"X{n} " + PAYLOADS[n % len(PAYLOADS)]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("xss")
    data = {
        "title": hostile(0),
        "description": hostile(1),
        "sources": {
            "evil": {
                "title": hostile(2),
                "publisher": hostile(3),
                "published": "2021-03-01",
                "url": "https://example.org/?q=<script>window.__xss=8</script>",
                "path": hostile(4),
            },
        },
        "events": [
            {
                "id": f"e{i}",
                "title": hostile(i + 5),
                "type": ["protest", "statement", "arrest"][i % 3],
                **({"date": f"2021-03-0{i + 1}"} if i != 2 else {"after": ["e1"]}),
                "actors": [hostile(i + 6), hostile(i + 7)],
                "places": [hostile(i + 8)],
                "summary": hostile(i + 9),
                "tags": [hostile(i + 10)],
                "sources": [{"source": "evil", "quote": hostile(i + 11)}],
                **({"after": ["e0"]} if i == 3 else {}),
            }
            for i in range(4)
        ],
    }
    events = folder / "events.yaml"
    events.write_text(json.dumps(data, indent=1), encoding="utf-8")
    out = folder / "output"
    build_site(events, out)
    return out


def test_payloads_are_escaped_in_the_html(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for bad in (
            "<script>window.__xss",
            "<img src=x",
            "<svg onload",
            'href="javascript:',
            "</script><script>",
            '<a href="javascript',
        ):
            assert bad not in text, (page.name, bad)
        assert "{{" not in text or "{{ 7*7 }}" in text  # shown literally, never evaluated
        assert "49" not in text.replace("2049", "")
    index = (site / "index.html").read_text(encoding="utf-8")
    data = index.split("window.TIMELINE_DATA = ", 1)[1].split(";</script>", 1)[0]
    assert "</" not in data and "<" not in data  # |tojson escapes them
    assert "&lt;script&gt;window.__xss=1" in index


def test_nothing_executes_in_a_browser(chromium, site: Path) -> None:
    context = chromium.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (errors.append("dialog: " + d.message), d.dismiss()))
    for html in sorted(site.rglob("*.html")):
        page.goto(html.as_uri())
        page.wait_for_load_state("load")
        if html.name == "index.html":
            page.wait_for_selector("#chart[data-ready='1']", timeout=15000)
            hover = []
            spots = page.evaluate(
                """() => { const gd = document.getElementById('chart'); const out = [];
                const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis;
                const box = gd.querySelector('.nsewdrag').getBoundingClientRect();
                gd._fullData.forEach(t => { if (!t.customdata || t.mode !== 'markers') return;
                  t.x.forEach((x, j) => out.push([box.left + xa.l2p(xa.d2l(x)),
                                                  box.top + ya.l2p(t.y[j])])); });
                return out; }"""
            )
            for x, y in spots:
                page.mouse.move(5, 5)
                page.mouse.move(x, y)
                tip = page.wait_for_selector(".chart-panel .tip:not([hidden])", timeout=5000)
                hover.append(tip.text_content())
            assert len(hover) == 4
            assert any("<script>window.__xss" in text for text in hover), hover  # shown as text
            page.locator("#actor-filter").select_option(index=1)
            page.wait_for_timeout(300)
        state = page.evaluate(
            "() => [window.__xss, document.title, "
            "document.querySelectorAll('img, iframe, object, embed, svg [onload]').length, "
            "[...document.querySelectorAll('script')].filter(s => !s.src && "
            "!s.textContent.startsWith('window.TIMELINE_DATA = ')).length]"
        )
        assert state[0] is None, html
        assert state[1] != "pwned" and "pwned" not in state[1].split("·")[0][:5]
        assert state[2:] == [0, 0], html
        hrefs = page.evaluate(
            "() => [...document.querySelectorAll('[href]')].map(a => a.getAttribute('href'))"
        )
        assert not [
            h for h in hrefs if h.strip().lower().startswith(("javascript:", "data:", "vbscript:"))
        ]
    assert errors == []
    context.close()
