"""`timeline extract` through the real command line."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from timeline.cli import cli

ARTICLES = Path(__file__).parent / "articles"
REPORT = "date 2021-03-03\n\nThe interior minister resigned on Tuesday.\n"


def test_extract_writes_and_summarises(tmp_path):
    events = tmp_path / "events.yaml"
    result = CliRunner().invoke(cli, ["extract", str(ARTICLES), "--events", str(events)])
    assert result.exit_code == 0, result.output
    count = len(list(ARTICLES.rglob("*.txt")))
    assert result.stdout.startswith(f"articles read: {count}\nevents found: ")
    assert "\nskipped: 0\n" in result.stdout
    assert "Extracting" not in result.output  # no progress bar when not a terminal
    assert events.is_file()
    again = CliRunner().invoke(cli, ["extract", str(ARTICLES), "--events", str(events), "-j", "2"])
    assert again.exit_code == 0 and "\nnew: 0\n" in again.stdout
    assert "wrote" not in again.output


def test_dry_run_prints_a_diff(tmp_path):
    events = tmp_path / "events.yaml"
    result = CliRunner().invoke(
        cli, ["extract", "-", "--events", str(events), "--dry-run"], input=REPORT
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"--- {events} (now)\n+++ {events} (after extract)\n")
    assert "+  title: Interior minister resigns" in result.stdout
    assert not events.exists()


def test_published_option_is_checked(tmp_path):
    result = CliRunner().invoke(
        cli, ["extract", "-", "--events", str(tmp_path / "e.yaml"), "--published", "March"]
    )
    assert result.exit_code == 2
    assert "Error: --published: 'March' is not a date (YYYY-MM-DD)" in result.output


def test_undated_input_is_reported_as_skipped(tmp_path):
    events = tmp_path / "e.yaml"
    result = CliRunner().invoke(
        cli, ["extract", "-", "--events", str(events)], input="The minister resigned.\n"
    )
    assert "skipped: 1\n  stdin: no publication date found" in result.stdout
    # nothing could be read: a failure, and no file is made
    assert result.exit_code == 2
    assert result.stderr.endswith(
        f"Error: no source could be read (1 skipped); {events} is unchanged\n"
    )
    assert not events.exists()
