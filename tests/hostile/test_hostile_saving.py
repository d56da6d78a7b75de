"""Issue 12, items 5 and 9 (and the saving part of item 10): saving keeps what the file is.

A symlinked events.yaml became a regular file (the target untouched), hard links were
broken, a 0444 file was rewritten, a CRLF file lost blank lines and got mixed line
endings, the BOM was dropped, temporary files of killed runs stayed forever, and a
lock that could not be created raised PermissionError.
"""

from __future__ import annotations

import difflib
import errno
import os
import stat
import time

import pytest
from filelock import FileLock

from timeline.exceptions import SaveError
from timeline.store import atomic_write

pytestmark = pytest.mark.hostile

ADD = ["add", "2020-10-18: Talks held in the capital", "--source", "notes"]
ADDED = """
  - id: talks-held-in-the-capital
    title: Talks held in the capital
    date: 2020-10-18
    type: meeting
    sources:
      - source: notes
"""
REPORT = b"date 2020-10-21\n\nThe mayor of Riverton resigned on Monday.\n"


# -- links and protections -----------------------------------------------------------------


def test_add_through_a_symlink_writes_the_target(project, run):
    (project.root / "real").mkdir()
    target = project.root / "real" / "events.yaml"
    project.events.rename(target)
    project.events.symlink_to(target)
    result = run(ADD)
    assert result.exit_code == 0, result.output
    assert project.events.is_symlink()
    assert target.read_text().endswith(ADDED)
    assert not list(project.root.glob(".events.yaml*"))  # nothing left beside the link


def test_extract_through_a_symlink_writes_the_target(project, run):
    target = project.root / "timeline-data.yaml"
    project.events.rename(target)
    project.events.symlink_to(target.name)
    result = run(["extract", "-"], input=REPORT)
    assert result.exit_code == 0, result.output
    assert project.events.is_symlink()
    assert "type: resignation" in target.read_text()


def test_a_hard_linked_file_stays_one_file(project, run):
    other = project.root / "copy.yaml"
    os.link(project.events, other)
    result = run(ADD)
    assert result.exit_code == 0, result.output
    assert os.path.samefile(project.events, other)
    assert other.read_text().endswith(ADDED)
    assert not list(project.root.glob(".events.yaml.*.tmp"))


@pytest.mark.parametrize("args", [ADD, ["extract", "-"]])
def test_a_read_only_file_is_refused(project, run, args):
    project.events.chmod(0o444)  # refused even for root, who could write it anyway
    with project.unchanged():
        result = run(args, input=REPORT)
    assert result.exit_code == 1
    assert result.stderr.endswith(
        "Error: events.yaml is read-only (mode 0444); nothing was written "
        "(make it writable, e.g. chmod u+w events.yaml, to let timeline change it)\n"
    )
    assert stat.S_IMODE(project.events.stat().st_mode) == 0o444


def test_the_mode_is_kept(project, run):
    project.events.chmod(0o640)
    assert run(ADD).exit_code == 0
    assert stat.S_IMODE(project.events.stat().st_mode) == 0o640


def test_a_lock_that_cannot_be_created(project, run, monkeypatch):
    # as root, chmod cannot make a folder read-only: make creating the lock fail instead
    def refuse(self, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", self.lock_file)

    monkeypatch.setattr(FileLock, "acquire", refuse)
    with project.unchanged():
        result = run(ADD)
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: events.yaml: cannot create the lock file .events.yaml.lock (Permission denied); "
        "nothing was written (is the folder read-only?)\n"
    )


def test_a_full_disk_while_saving(project, run, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with project.unchanged():
        result = run(ADD)
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: events.yaml: could not write (No space left on device); the file is unchanged\n"
    )


def test_temporary_files_of_killed_runs_are_removed(project, run):
    left = project.root / ".events.yaml.k1ll3d.tmp"
    left.write_text("half a file")
    assert run(ADD).exit_code == 0
    assert not left.exists()


def test_an_export_removes_only_old_temporary_files(project):
    out = project.root / "out.csv"
    fresh = project.root / ".out.csv.fresh.tmp"  # may belong to a run still writing
    stale = project.root / ".out.csv.stale.tmp"
    fresh.write_text("x")
    stale.write_text("x")
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    atomic_write(out, "id\n")
    assert fresh.exists() and not stale.exists()


def test_text_that_cannot_be_encoded_is_refused(project):
    with project.unchanged(), pytest.raises(SaveError) as caught:
        atomic_write(project.root / "out.csv", "\ud800")
    assert str(caught.value).endswith(
        "out.csv: the text holds an unpaired surrogate (U+D800), which is not Unicode text; "
        "nothing was written"
    )


# -- line endings and byte-order marks -------------------------------------------------------


def test_crlf_file_keeps_crlf_and_changes_only_where_the_data_did(project, run):
    original = project.events.read_text().replace("\n", "\r\n")
    project.events.write_bytes(original.encode())
    result = run(ADD)
    assert result.exit_code == 0, result.output
    after = project.events.read_bytes().decode()
    assert after == original + ADDED.replace("\n", "\r\n")


def test_bom_is_kept(project, run):
    original = "\ufeff" + project.events.read_text()
    project.events.write_text(original, encoding="utf-8")
    assert run(ADD).exit_code == 0
    assert project.events.read_bytes().startswith(b"\xef\xbb\xbf# Notes kept by hand")
    assert project.events.read_text(encoding="utf-8") == original + ADDED


def test_crlf_and_bom_with_extract(project, run):
    original = "\ufeff" + project.events.read_text().replace("\n", "\r\n")
    project.events.write_text(original, encoding="utf-8", newline="")
    assert run(["extract", "-"], input=REPORT).exit_code == 0
    after = project.events.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf# Notes")
    assert after.count(b"\n") == after.count(b"\r\n")
    # every line is still there, in order: extract only added lines
    before, now = original.split("\r\n"), after.decode("utf-8").split("\r\n")
    opcodes = difflib.SequenceMatcher(a=before, b=now, autojunk=False).get_opcodes()
    assert {op for op, *_ in opcodes} == {"equal", "insert"}
