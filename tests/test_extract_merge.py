"""Merging into events.yaml: re-runs, hand edits, deletions, several reports of one event."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from timeline.extract import run_extract
from timeline.validate import load_timeline

FIRST = """date 2021-03-03

VALDORIA, March 3 (Newswire) - Prime Minister Anna Berg resigned on Tuesday after a week of
protests over fuel prices. Later, parliament speaker Tomas Lind was appointed acting prime
minister.
"""

SECOND = """date 2021-03-05

Anna Berg stepped down as head of government this week, the Valdorian Herald reports. The
central bank governor Petra Holm was detained on Thursday.
"""

HAND_WRITTEN = """# Our notes on the Valdorian crisis.
title: Valdoria 2021   # keep this title
sources:
  notes:
    title: Editors' notes
events:
  # written by hand before any extraction
  - id: fuel-protests
    title: Fuel protests begin
    date: 2021-02-23
    type: protest
    sources:
      - source: notes
"""


@pytest.fixture
def articles(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    paths = {}
    for name, text in (("first", FIRST), ("second", SECOND)):
        paths[name] = folder / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def events_of(path: Path) -> dict[str, dict]:
    data = YAML(typ="safe").load(path.read_text("utf-8"))
    return {e["id"]: e for e in data["events"]}


def test_a_new_file_is_created_and_valid(tmp_path, articles):
    target = tmp_path / "events.yaml"
    summary = run_extract([str(articles["first"])], target)
    assert summary.written and summary.articles_read == 1
    events = events_of(target)
    berg = events["berg-resigns-as-prime-minister"]
    assert berg["date"] == dt.date(2021, 3, 2)
    assert berg["sources"] == [
        {"source": "newswire-2021-03-03", "quote": berg["sources"][0]["quote"], "paragraph": 0}
    ]
    lind = events["lind-appointed-acting-prime-minister"]
    assert lind["not_before"] == dt.date(2021, 3, 2) and berg["id"] in lind["after"]
    load_timeline(target)


def test_rerun_changes_nothing_byte_for_byte(tmp_path, articles):
    target = tmp_path / "events.yaml"
    target.write_text(HAND_WRITTEN, encoding="utf-8")
    run_extract([str(articles["first"]), str(articles["second"])], target)
    before = target.read_bytes()
    summary = run_extract([str(articles["first"]), str(articles["second"])], target)
    assert target.read_bytes() == before
    assert not summary.written and not summary.new and not summary.merged


def test_comments_and_hand_written_events_stay(tmp_path, articles):
    target = tmp_path / "events.yaml"
    target.write_text(HAND_WRITTEN, encoding="utf-8")
    run_extract([str(articles["first"])], target)
    text = target.read_text("utf-8")
    assert text.startswith(HAND_WRITTEN.split("events:")[0])
    assert "# written by hand before any extraction" in text
    assert events_of(target)["fuel-protests"]["title"] == "Fuel protests begin"


def test_hand_edits_win(tmp_path, articles):
    target = tmp_path / "events.yaml"
    run_extract([str(articles["first"])], target)
    text = target.read_text("utf-8")
    text = text.replace("title: Berg resigns as prime minister", "title: Anna Berg quits")
    text = text.replace("date: 2021-03-02", "date: 2021-03-01")
    text = text.replace("type: resignation", "type: statement")
    text = text.replace("actors: [Anna Berg]", "actors: [Anna Berg, Cabinet of Valdoria]")
    target.write_text(text, encoding="utf-8")
    summary = run_extract([str(articles["first"])], target)
    assert target.read_text("utf-8") == text
    assert not summary.new
    berg = events_of(target)["berg-resigns-as-prime-minister"]
    assert berg["title"] == "Anna Berg quits" and berg["type"] == "statement"
    assert berg["date"] == dt.date(2021, 3, 1)


def test_a_deleted_event_is_remembered_and_not_added_again(tmp_path, articles):
    target = tmp_path / "events.yaml"
    run_extract([str(articles["first"])], target)
    yaml = YAML()
    data = yaml.load(target)
    data["events"] = [e for e in data["events"] if e["id"] != "berg-resigns-as-prime-minister"]
    for event in data["events"]:
        if "after" in event:
            del event["after"]
    yaml.dump(data, target)
    summary = run_extract([str(articles["first"])], target)
    assert (
        "berg-resigns-as-prime-minister",
        "deleted by hand; added to 'rejected'",
    ) in summary.skipped
    assert "berg-resigns-as-prime-minister" not in events_of(target)
    rejected = YAML(typ="safe").load(target.read_text("utf-8"))["rejected"]
    assert rejected == ["berg-resigns-as-prime-minister"]
    before = target.read_bytes()
    again = run_extract([str(articles["first"])], target)
    assert target.read_bytes() == before
    assert again.skipped == [
        ("berg-resigns-as-prime-minister", "rejected earlier (listed under 'rejected')")
    ]


def test_one_event_from_two_articles_gets_both_sources_and_narrower_bounds(tmp_path, articles):
    target = tmp_path / "events.yaml"
    run_extract([str(articles["second"])], target)
    berg = events_of(target)["berg-resigns-as-head-of-government"]
    assert berg["not_after"] == dt.date(2021, 3, 5)
    summary = run_extract([str(articles["first"])], target)
    assert "berg-resigns-as-head-of-government" in summary.merged
    berg = events_of(target)["berg-resigns-as-head-of-government"]
    assert [s["source"] for s in berg["sources"]] == ["second-2021-03-05", "newswire-2021-03-03"]
    assert berg["date"] == dt.date(2021, 3, 2)
    assert "berg-resigns-as-prime-minister" not in events_of(target)


def test_dry_run_prints_a_diff_and_writes_nothing(tmp_path, articles):
    target = tmp_path / "events.yaml"
    target.write_text(HAND_WRITTEN, encoding="utf-8")
    summary = run_extract([str(articles["first"])], target, dry_run=True)
    assert target.read_text("utf-8") == HAND_WRITTEN
    assert not summary.written
    assert summary.diff.startswith(f"--- {target} (now)\n+++ {target} (after extract)\n")
    assert "+  - id: berg-resigns-as-prime-minister" in summary.diff
    assert "+  newswire-2021-03-03:" in summary.diff


def test_a_document_without_a_date_is_skipped_and_the_rest_processed(tmp_path, articles):
    undated = articles["first"].parent / "undated.txt"
    undated.write_text("The minister resigned.\n", encoding="utf-8")
    target = tmp_path / "events.yaml"
    summary = run_extract([str(articles["first"].parent)], target)
    assert summary.articles_read == 2
    assert [what for what, _ in summary.skipped] == [str(undated)]
    assert "no publication date" in summary.skipped[0][1]
    assert events_of(target)


def test_a_hand_written_source_is_not_taken_for_an_earlier_extraction(tmp_path, articles):
    target = tmp_path / "events.yaml"
    target.write_text(
        "title: Valdoria\nsources:\n  newswire-2021-03-03:\n    title: Berg quits\n"
        "    published: 2021-03-03\nevents:\n  - id: berg-quits\n    title: Anna Berg quits as"
        " prime minister\n    date: 2021-03-02\n    type: resignation\n    actors: [Anna Berg]\n"
        "    sources:\n      - source: newswire-2021-03-03\n        quote: resigned on Tuesday\n",
        encoding="utf-8",
    )
    summary = run_extract([str(articles["first"])], target)
    assert summary.skipped == [] and summary.unchanged == ["berg-quits"]
    assert "lind-appointed-acting-prime-minister" in summary.new
    assert "rejected" not in target.read_text("utf-8")


def test_deleting_every_event_of_an_article_rejects_them_all(tmp_path, articles):
    target = tmp_path / "events.yaml"
    run_extract([str(articles["first"])], target)
    yaml = YAML()
    data = yaml.load(target)
    ids = [e["id"] for e in data["events"]]
    data["events"] = []
    yaml.dump(data, target)
    run_extract([str(articles["first"])], target)
    data = YAML(typ="safe").load(target.read_text("utf-8"))
    assert data["events"] == [] and data["rejected"] == ids
