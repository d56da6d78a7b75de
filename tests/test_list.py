"""`timeline list`: the events in graph order, with inferred dates, fitted to the terminal."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import cli

ROOT = Path(__file__).resolve().parents[1]

TIMELINE = """\
title: Crisis
sources:
  wire:
    title: Wire story
events:
  - id: resigns
    title: President Jeenbekov resigns
    date: 2020-10-15
    type: resignation
    actors: [Sooronbay Jeenbekov]
    sources:
      - source: wire
    after: [talks]
  - id: vote
    title: Kyrgyzstan votes for a new parliament
    date: 2020-10-04
    type: election
    actors: [Central Election Commission]
    sources:
      - source: wire
  - id: talks
    title: Talks behind closed doors
    type: meeting
    actors: [Sadyr Japarov, Sooronbay Jeenbekov]
    sources:
      - source: wire
    after: [vote]
  - id: rerun
    title: Repeat election
    date: 2021-01
    type: election
    sources:
      - source: wire
"""


@pytest.fixture
def events(tmp_path: Path) -> Path:
    path = tmp_path / "events.yaml"
    path.write_text(TIMELINE, encoding="utf-8")
    return path


def run(events: Path, *args: str, columns: int | None = None):
    env = {"COLUMNS": str(columns)} if columns else {}
    return CliRunner().invoke(cli, ["list", "--events", str(events), *args], env=env)


def test_full_table_in_graph_order_with_inferred_dates(events: Path) -> None:
    result = run(events)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "#  When                           Type         Id       Title\n"
        "1  4 October 2020                 election     vote     "
        "Kyrgyzstan votes for a new parliament\n"
        "2  between 4 and 15 October 2020  meeting      talks    Talks behind closed doors\n"
        "3  15 October 2020                resignation  resigns  President Jeenbekov resigns\n"
        "4  January 2021                   election     rerun    Repeat election\n"
    )
    assert result.stderr == "4 events\n"


def test_columns_fit_the_terminal_title_first(events: Path) -> None:
    result = run(events, columns=72)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert all(len(line) <= 72 for line in lines)
    assert lines[1] == "1  4 October 2020                 election     vote     Kyrgyzstan vote…"
    assert lines[4] == "4  January 2021                   election     rerun    Repeat election"
    narrow = run(events, columns=50).stdout.splitlines()
    assert all(len(line) <= 50 for line in narrow)
    assert narrow[2] == "2  between 4 an…  meeting      talks    Talks beh…"  # ids are cut last


@pytest.mark.parametrize(
    ("args", "ids", "summary"),
    [
        (["--type", "election"], ["vote", "rerun"], "2 of 4 events"),
        (["--actor", "jeenbekov"], ["talks", "resigns"], "2 of 4 events"),
        (["--from", "2020-10-10"], ["talks", "resigns", "rerun"], "3 of 4 events"),
        (["--to", "October 2020"], ["vote", "talks", "resigns"], "3 of 4 events"),
        (["--from", "2020-10-05", "--to", "2020-10-14"], ["talks"], "1 of 4 events"),
        (["--type", "election", "--from", "2020-11"], ["rerun"], "1 of 4 events"),
        (["--type", "election", "--actor", "Commission"], ["vote"], "1 of 4 events"),
    ],
)
def test_filters_combine(events: Path, args: list[str], ids: list[str], summary: str) -> None:
    result = run(events, *args)
    assert result.exit_code == 0, result.output
    rows = result.stdout.splitlines()[1:]
    assert [_id(row) for row in rows] == ids
    assert result.stderr == summary + "\n"


def _id(row: str) -> str:
    for word in row.split():
        if word in {"vote", "talks", "resigns", "rerun"}:
            return word
    raise AssertionError(row)


def test_no_match_prints_no_table(events: Path) -> None:
    result = run(events, "--type", "arrest")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == "0 of 4 events match\n"


def test_bad_dates_are_explained(events: Path) -> None:
    result = run(events, "--from", "03/04/2020")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: --from: '03/04/2020' is ambiguous: day 3 of month 4, or month 3 day 4? "
        "Write it as 2020-04-03 or 2020-03-04\n"
    )
    result = run(events, "--from", "2020-11", "--to", "2020-10")
    assert result.exit_code == 2
    assert result.stderr == "Error: --from 2020-11 is after --to 2020-10; nothing can match\n"


def test_unknown_type_is_a_usage_error(events: Path) -> None:
    result = run(events, "--type", "riot")
    assert result.exit_code == 2
    assert "Invalid value for '--type': 'riot' is not one of 'election'" in result.stderr


def test_an_invalid_file_gives_located_errors(events: Path) -> None:
    events.write_text(TIMELINE.replace("after: [vote]", "after: [votes]"), encoding="utf-8")
    result = run(events)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"{events}:27:13: event 'talks': 'after' names unknown event 'votes'\n"
        "  hint: did you mean 'vote'?\n"
        f"Error: {events}: 1 error\n"
    )


def test_the_shipped_timeline_lists_every_event(tmp_path: Path) -> None:
    result = run(ROOT / "events.yaml", columns=120)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1 + 19
    assert lines[1].split()[:5] == ["1", "4", "October", "2020", "election"]
    assert result.stderr == "19 events\n"
