"""The incremental reading of events.yaml under `timeline serve` equals a full read.

Same data, same line and column for every node, same errors; only changed
events are parsed again. Also: the polling watcher sees every kind of save.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.exceptions import ValidationError
from timeline.serve.loader import IncrementalLoader, InputChanged
from timeline.serve.watcher import Watcher, signature
from timeline.store import load_document
from timeline.validate import check_document, plain

ROOT = Path(__file__).resolve().parents[1]

EVENT = """\
  - id: event-{n}
    title: Event {n}   # a comment
    date: 2020-10-{day:02d}
    type: meeting
    sources:
      - source: wire
"""


def document(count: int = 4) -> str:
    head = "# notes\ntitle: T\nsources:\n  wire:\n    title: W\n\nevents:\n"
    body = "\n".join(EVENT.format(n=n, day=n + 1) for n in range(count))
    return head + body + "\nrejected: []\n"


def positions(data: Any) -> list[tuple]:
    found: list[tuple] = []

    def walk(node: Any, path: tuple) -> None:
        lc = getattr(node, "lc", None)
        if lc is not None:
            found.append((path, lc.line, lc.col, dict(lc.data or {})))
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, (*path, key))
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, (*path, index))

    walk(data, ())
    return found


def outcome(doc: Any) -> Any:
    try:
        timeline, warnings = check_document(doc)
    except ValidationError as err:
        return ("errors", [str(p) for p in err.problems])
    return ("ok", [str(w) for w in warnings], [(e.id, e.line) for e in timeline.events])


def assert_same_as_full_read(loader: IncrementalLoader, path: Path) -> None:
    try:
        full = load_document(path)
    except ValidationError as err:
        with pytest.raises(ValidationError) as caught:
            loader.load()
        assert [str(p) for p in caught.value.problems] == [str(p) for p in err.problems]
        return
    fast = loader.load()
    assert plain(fast.data) == plain(full.data)
    assert positions(fast.data) == positions(full.data)
    assert outcome(fast) == outcome(full)


def test_the_shipped_timeline_reads_the_same(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text((ROOT / "events.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    loader = IncrementalLoader(path)
    assert_same_as_full_read(loader, path)
    assert loader.parsed_last == 19
    assert_same_as_full_read(loader, path)
    assert loader.parsed_last == 0  # nothing changed: nothing parsed


def test_only_the_changed_event_is_parsed_and_the_rest_move(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(document(5), encoding="utf-8")
    loader = IncrementalLoader(path)
    loader.load()
    path.write_text(document(5).replace("title: Event 1 ", "title: Event one\n    # more\n"))
    assert_same_as_full_read(loader, path)
    assert loader.parsed_last == 1  # events 2-4 moved down a line, reused


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("    date: 2020-10-02\n", "    date: 2020-02-30\n"),  # not a real day
        ("    title: Event 2", "    title: [Event 2"),  # YAML syntax error inside an event
        ("  - id: event-3\n", "  - id: event-3\n  bad: indent\n"),  # breaks the list
        ("title: T\n", "title: T\ntitle: again\n"),  # duplicate key in the head
        ("- id: event-1\n", "- id: event-0\n"),  # duplicate id
    ],
)
def test_errors_are_the_same_with_the_same_locations(tmp_path: Path, old: str, new: str) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(document(), encoding="utf-8")
    loader = IncrementalLoader(path)
    loader.load()
    path.write_text(document().replace(old, new), encoding="utf-8")
    assert_same_as_full_read(loader, path)


@pytest.mark.parametrize(
    "text",
    [
        "title: T\nsources: {wire: {title: W}}\nevents: [{id: a, title: A, type: other, "
        "date: 2020, sources: [{source: wire}]}]\n",
        document()
        .replace("    type: meeting\n", "    type: &kind meeting\n", 1)
        .replace("    type: meeting\n", "    type: *kind\n", 1),
        "---\n" + document(),
        "title: T\nsources: {wire: {title: W}}\nevents:\n- id: a\n  title: A\n  type: other\n"
        "  sources: [{source: wire}]\n",
        "title: T\nevents:\n  - just text\n",
    ],
)
def test_unusual_layouts_fall_back_or_agree(tmp_path: Path, text: str) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    assert_same_as_full_read(IncrementalLoader(path), path)


EDITS = st.lists(
    st.tuples(
        st.sampled_from(["retitle", "blank", "comment", "drop", "copy", "swap"]),
        st.integers(0, 10_000),
    ),
    min_size=1,
    max_size=6,
)


def apply(text: str, operation: str, where: int) -> str:
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith("  - id: ")]
    at = starts[where % len(starts)] if starts else 0
    end = next((s for s in starts if s > at), len(lines))
    if operation == "retitle":
        lines[at + 1] = f"    title: Retitled {where}\n"
    elif operation == "blank":
        lines.insert(where % len(lines), "\n")
    elif operation == "comment":
        lines.insert(at, "  # a comment\n")
    elif operation == "drop" and len(starts) > 1:
        del lines[at:end]
    elif operation == "copy":
        lines[end:end] = [line.replace("event-", "copy-", 1) for line in lines[at:end]]
    elif operation == "swap" and len(starts) > 1:
        block = lines[at:end]
        del lines[at:end]
        lines[starts[0] : starts[0]] = block
    return "".join(lines)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(EDITS)
def test_any_sequence_of_edits_reads_like_a_full_read(tmp_path: Path, edits: list) -> None:
    path = tmp_path / "events.yaml"
    text = document()
    path.write_text(text, encoding="utf-8")
    loader = IncrementalLoader(path)
    loader.load()
    for operation, where in edits:
        text = apply(text, operation, where)
        path.write_text(text, encoding="utf-8")
        assert_same_as_full_read(loader, path)


def test_a_half_written_file_is_not_reported(tmp_path: Path, monkeypatch) -> None:
    import timeline.serve.loader as loader_module

    path = tmp_path / "events.yaml"
    path.write_text(document(), encoding="utf-8")
    loader = IncrementalLoader(path)
    loader.load()
    path.write_text(document()[:-60], encoding="utf-8")  # the editor has written part of it
    # ...and finishes while the loader waits to be sure:
    monkeypatch.setattr(loader_module.time, "sleep", lambda _: path.write_text(document()))
    with pytest.raises(InputChanged):
        loader.load()
    monkeypatch.undo()
    assert_same_as_full_read(loader, path)


def test_a_file_that_stays_broken_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(document()[:-60], encoding="utf-8")
    assert_same_as_full_read(IncrementalLoader(path), path)


# -- the watcher -------------------------------------------------------------------------


def test_signature_sees_content_size_and_replacement(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text("a", encoding="utf-8")
    before = signature([path])
    replacement = tmp_path / "new.yaml"
    replacement.write_text("a", encoding="utf-8")
    replacement.replace(path)  # an editor's atomic save: same size, new inode
    assert signature([path]) != before
    path.unlink()
    assert signature([path]) == {}


def test_folders_are_walked_and_hidden_files_skipped(tmp_path: Path) -> None:
    templates = tmp_path / "site_templates"
    (templates / "partials").mkdir(parents=True)
    (templates / "partials" / "x.html").write_text("x")
    (templates / ".x.html.swp").write_text("swap")
    assert list(signature([templates])) == [str(templates / "partials" / "x.html")]


def test_watcher_reports_changes_from_its_thread(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text("one", encoding="utf-8")
    seen: list[list[str]] = []
    watcher = Watcher(lambda: [path], seen.append, interval=0.01)
    watcher.start()
    try:
        path.write_text("two!", encoding="utf-8")
        deadline = time.monotonic() + 10
        while not seen and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        watcher.stop()
    assert seen and seen[0] == [str(path)]
