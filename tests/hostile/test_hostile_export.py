"""Issue 12, item 2 (and the export part of item 10): an export never lands on the timeline.

`timeline export --format csv -o events.yaml` used to replace the hand-edited file with
CSV and exit 0.
"""

from __future__ import annotations

import csv
import io
import os

import pytest

pytestmark = pytest.mark.hostile

REFUSED_TIMELINE = (
    "Error: refusing to overwrite {0}: it is the timeline this export reads; "
    "choose another file (or pass --force)\n"
)
REFUSED_LOOKALIKE = (
    "Error: refusing to overwrite {0}: it looks like a timeline (events.yaml); "
    "choose another file (or pass --force)\n"
)


@pytest.mark.parametrize("fmt", ["csv", "json", "ics", "timelinejs", "graphml"])
def test_export_over_the_events_file_is_refused(project, run, fmt):
    with project.unchanged():
        result = run(["export", "--format", fmt, "-o", "events.yaml"])
    assert result.exit_code == 2
    assert result.stderr == REFUSED_TIMELINE.format("events.yaml")


def test_export_over_the_events_file_by_another_name_is_refused(project, run):
    os.link(project.events, project.root / "timeline.txt")  # a hard link: the same file
    with project.unchanged():
        result = run(["export", "-f", "csv", "-o", "timeline.txt"])
    assert result.exit_code == 2
    assert result.stderr == REFUSED_TIMELINE.format("timeline.txt")


def test_export_through_a_symlink_to_the_events_file_is_refused(project, run):
    (project.root / "link.csv").symlink_to("events.yaml")
    with project.unchanged():
        result = run(["export", "-f", "csv", "-o", "link.csv"])
    assert result.exit_code == 2
    assert result.stderr == REFUSED_TIMELINE.format("link.csv")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("other.yml", "anything: at all\n"),
        ("backup.txt", "# a copy\ntitle: Old\nevents: []\n"),
        ("bom.txt", "\ufeffevents: []\n"),
    ],
)
def test_export_over_a_file_that_looks_like_a_timeline_is_refused(project, run, name, text):
    (project.root / name).write_text(text, encoding="utf-8")
    with project.unchanged():
        result = run(["export", "-f", "json", "-o", name])
    assert result.exit_code == 2
    assert result.stderr == REFUSED_LOOKALIKE.format(name)


def test_force_overwrites(project, run):
    (project.root / "old.yaml").write_text("title: x\n")
    result = run(["export", "-f", "csv", "-o", "old.yaml", "--force"])
    assert result.exit_code == 0, result.output
    assert result.stderr == "wrote old.yaml (csv)\n"
    assert (project.root / "old.yaml").read_text().startswith("id,title,type,date,")


def test_an_ordinary_export_file_is_written_and_replaced(project, run):
    (project.root / "out.csv").write_text("stale\n")
    assert run(["export", "-f", "csv", "-o", "out.csv"]).exit_code == 0
    assert (project.root / "out.csv").read_text().startswith("id,title,")


def test_export_into_a_missing_folder(project, run):
    with project.unchanged():
        result = run(["export", "-f", "csv", "-o", "/nonexistent/x.csv"])
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: -o /nonexistent/x.csv: the folder /nonexistent does not exist; "
        "nothing was written\n"
    )


def test_export_onto_a_folder(project, run):
    (project.root / "data").mkdir()
    with project.unchanged():
        result = run(["export", "-f", "csv", "-o", "data"])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: Invalid value for '--output' / '-o': File 'data' is a directory.\n"
    )


def test_export_over_a_read_only_file(project, run):
    target = project.root / "locked.csv"
    target.write_text("kept\n")
    target.chmod(0o444)
    result = run(["export", "-f", "csv", "-o", "locked.csv"])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: locked.csv is read-only (mode 0444); nothing was written "
        "(make it writable, e.g. chmod u+w locked.csv, to let timeline change it)\n"
    )
    assert target.read_text() == "kept\n"


def test_csv_quotes_a_bare_carriage_return(project, run):
    text = project.events.read_text()
    project.events.write_text(
        text.replace("title: Riverton votes for a new council", 'title: "Council vote\\r=1+1"')
    )
    result = run(["export", "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert '"Council vote\n=1+1"' in result.stdout
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert len(rows) == 3  # header and two events: the title did not start a row
    assert all(not row[0].startswith("=") for row in rows)
