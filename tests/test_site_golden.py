"""Golden output: the site built from tests/golden/fixture/ must match tests/golden/expected/.

When a change to the templates or the site code is intended, regenerate with::

    python -m pytest tests/test_site_golden.py --update-golden     # or UPDATE_GOLDEN=1

and review the diff of tests/golden/expected/ before committing (see tests/golden/README.md).
Assets are not copied: they must equal their sources in site_templates/assets/ and
Plotly's package; media must equal the fixture's files; the data downloads are pinned
by the exports tests.
"""

from __future__ import annotations

import difflib
import hashlib
import shutil
from pathlib import Path

import pytest

from timeline.site.build import build_site
from timeline.site.pages import plotly_js

GOLDEN = Path(__file__).parent / "golden"
EXPECTED = GOLDEN / "expected"
SKIP = ("assets/", "data/", "media/")
ASSETS = Path(__file__).parents[1] / "site_templates" / "assets"


def pinned(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.relative_to(folder).as_posix().startswith(SKIP)
    }


def test_site_matches_golden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, update_golden: bool
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    out = tmp_path / "output"
    build_site(GOLDEN / "fixture" / "events.yaml", out)
    actual = pinned(out)
    if update_golden:
        shutil.rmtree(EXPECTED, ignore_errors=True)
        for name, text in actual.items():
            (EXPECTED / name).parent.mkdir(parents=True, exist_ok=True)
            (EXPECTED / name).write_text(text, encoding="utf-8", newline="\n")
        pytest.skip(f"golden files rewritten in {EXPECTED}; review the diff")
    assert EXPECTED.is_dir(), "no golden files yet: run with --update-golden"
    expected = pinned(EXPECTED)
    assert sorted(actual) == sorted(expected), "a page was added or removed"
    for name in expected:
        if actual[name] != expected[name]:
            diff = "".join(
                difflib.unified_diff(
                    expected[name].splitlines(True),
                    actual[name].splitlines(True),
                    f"expected/{name}",
                    f"built/{name}",
                    n=2,
                )
            )
            pytest.fail(f"{name} differs from the golden file:\n{diff[:4000]}")
    copied = hashlib.sha256((out / "assets/plotly.min.js").read_bytes()).hexdigest()
    assert copied == hashlib.sha256(plotly_js().read_bytes()).hexdigest()
    ours = sorted(p.name for p in ASSETS.iterdir() if p.is_file())
    assert sorted(p.name for p in (out / "assets").iterdir()) == sorted([*ours, "plotly.min.js"])
    for name in ours:
        assert (out / "assets" / name).read_bytes() == (ASSETS / name).read_bytes(), name
    fixture_image = (GOLDEN / "fixture" / "media" / "town-hall.png").read_bytes()
    assert [p.name for p in (out / "media").iterdir()] == ["budget-passed.png"]
    assert (out / "media" / "budget-passed.png").read_bytes() == fixture_image
    assert sorted(p.name for p in (out / "data").iterdir()) == [
        "events.csv",
        "events.ics",
        "events.json",
        "graph.graphml",
        "timelinejs.json",
    ]
