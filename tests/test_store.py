"""Saving events.yaml: round trips, comments, atomic writes, the writer's lock."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap

from timeline.exceptions import SaveError, ValidationError
from timeline.store import (
    dump_yaml,
    edit_document,
    guess_style,
    load_document,
    parse_text,
    save_document,
)
from timeline.validate import plain

COMMENTED = """\
# yaml-language-server: $schema=timeline/events.schema.json
# My notes on the crisis.
title: "Quoted title"   # kept quoted
description: >-
  Folded text
  over two lines.
sources:
  wire: {title: Wire story, published: 2020-10-21}
events:
  # The vote itself.
  - id: vote
    title: 'Vote held'
    type: election
    date: 2020-10-04
    actors: [Central Election Commission]
    sources:
      - source: wire
        quote: "the vote"   # trailing comment
"""


def test_unchanged_document_is_not_rewritten(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text(COMMENTED)
    before = path.stat().st_mtime_ns
    doc = load_document(path)
    assert save_document(doc) is False
    assert path.read_text() == COMMENTED
    assert path.stat().st_mtime_ns == before


def test_edit_keeps_comments_order_and_quoting(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text(COMMENTED)
    with edit_document(path) as doc:
        doc.data["events"][0]["tags"] = ["parliament"]
    text = path.read_text()
    assert text == COMMENTED.replace(
        '        quote: "the vote"   # trailing comment\n',
        '        quote: "the vote"   # trailing comment\n    tags:\n      - parliament\n',
    )


def test_edit_that_raises_writes_nothing(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text(COMMENTED)
    with pytest.raises(RuntimeError), edit_document(path) as doc:
        doc.data["title"] = "changed"
        raise RuntimeError("boom")
    assert path.read_text() == COMMENTED


def test_failed_write_leaves_the_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "events.yaml"
    path.write_text(COMMENTED)
    doc = load_document(path)
    doc.data["title"] = "changed"

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(SaveError, match="could not write \\(No space left on device\\)"):
        save_document(doc)
    assert path.read_text() == COMMENTED
    assert sorted(p.name for p in tmp_path.iterdir()) == [".events.yaml.lock", "events.yaml"]


def test_file_mode_is_kept(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text(COMMENTED)
    path.chmod(0o640)
    with edit_document(path) as doc:
        doc.data["title"] = "changed"
    assert path.stat().st_mode & 0o777 == 0o640


def _append_events(path: str, worker: int, count: int) -> None:
    for n in range(count):
        with edit_document(path) as doc:
            doc.data["events"].append(
                CommentedMap(id=f"w{worker}-{n}", title="t", type="other", sources=[])
            )


def test_concurrent_writers_do_not_lose_updates(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text(COMMENTED)
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_append_events, args=(str(path), w, 10)) for w in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    ids = [e["id"] for e in load_document(path).data["events"]]
    assert len(ids) == 31
    assert path.read_text().startswith("# yaml-language-server")


@pytest.mark.parametrize(
    ("text", "style"),
    [
        ("a:\n  b: 1\nl:\n  - x\n", (2, 4, 2)),
        ("a:\n    b: 1\nl:\n- x\n", (4, 2, 0)),
        ("l:\n    -   x\n", (2, 8, 4)),
        ("a: 1\n", (2, 2, 0)),
    ],
)
def test_guess_style(text, style):
    assert guess_style(text) == style


# -- properties -------------------------------------------------------------------------

text_value = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufeff"),
    max_size=40,
)
slug = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
event = st.fixed_dictionaries(
    {
        "id": slug,
        "title": text_value,
        "type": st.sampled_from(["election", "protest", "other"]),
        "date": st.dates().map(lambda d: d.isoformat()[:7]) | st.dates(),
        "actors": st.lists(text_value, max_size=3),
        "summary": text_value,
        "sources": st.lists(
            st.fixed_dictionaries({"source": slug, "quote": text_value}), max_size=2
        ),
    }
)
timeline = st.fixed_dictionaries(
    {"title": text_value, "description": text_value, "events": st.lists(event, max_size=4)}
)
styles = st.sampled_from([(2, 2, 0), (2, 4, 2), (4, 4, 0), (4, 6, 2)])


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(timeline, styles)
def test_load_save_load_gives_the_same_data(data, style):
    text = dump_yaml(data, style)
    doc = parse_text(text, "events.yaml")
    assert plain(doc.data) == plain(data)
    again = parse_text(doc.dump(), "events.yaml")
    assert plain(again.data) == plain(data)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(timeline, styles)
def test_saving_an_unchanged_file_gives_the_same_bytes(data, style):
    text = dump_yaml(data, style)
    doc = parse_text(text, "events.yaml")
    assert not doc.changed


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(timeline, text_value)
def test_changed_title_round_trips_and_keeps_comments(tmp_path, data, title):
    path = tmp_path / "events.yaml"
    path.write_text("# keep me\n" + dump_yaml(data))
    with edit_document(path) as doc:
        doc.data["title"] = title
    reloaded = load_document(path)
    assert plain(reloaded.data) == plain({**data, "title": title})
    assert path.read_text().startswith("# keep me\n")


def test_bom_is_accepted(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + COMMENTED.encode())
    assert load_document(path).data["title"] == "Quoted title"


def test_a_folder_is_not_a_file(tmp_path):
    with pytest.raises(ValidationError, match="is a folder, not a file"):
        load_document(tmp_path)


def test_missing_file(tmp_path):
    with pytest.raises(ValidationError) as caught:
        load_document(tmp_path / "nope.yaml", "nope.yaml")
    assert str(caught.value).startswith("nope.yaml:1:1: no such file")
    assert Path(tmp_path / "nope.yaml").exists() is False


def test_flow_mappings_in_flow_lists_keep_their_braces(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text("title: x\nevents:\n  - id: a\n    sources: [{source: wire}]\n")
    with edit_document(path) as doc:
        doc.data["title"] = "y"
    assert path.read_text() == "title: y\nevents:\n  - id: a\n    sources: [{source: wire}]\n"
