"""Issue 12, items 5, 7 and 10: `timeline build` and the names it writes.

`build --output LINK` turned the link into a folder and left `.LINK.old-*`; a killed
build's `.output.new-*` stayed forever; CNAME and .git/ in the output were deleted; a
full disk raised OSError; an id of 251 characters passed validate and then crashed
build with "File name too long"; Windows device names were accepted as ids.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.hostile


def built(project, name: str = "output") -> str:
    return (project.root / name / "index.html").read_text(encoding="utf-8")


def test_output_given_as_a_symlink_stays_a_symlink(project, run):
    assert run(["build", "-o", "site"]).exit_code == 0
    (project.root / "current").symlink_to("site")
    project.events.write_text(project.events.read_text().replace("Unrest in", "Trouble in"))
    result = run(["build", "-o", "current"])
    assert result.exit_code == 0, result.output
    assert (project.root / "current").is_symlink()
    assert "Trouble in Riverton" in built(project, "site")
    assert sorted(p.name for p in project.root.iterdir() if p.name.startswith(".")) == []


def test_what_a_published_site_needs_survives_a_rebuild(project, run):
    assert run(["build"]).exit_code == 0
    out = project.root / "output"
    (out / "CNAME").write_text("timeline.example.org\n")
    (out / ".nojekyll").write_text("")
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_text("ref: refs/heads/gh-pages\n")
    (out / ".timeline-keep").write_text("# mine\nrobots.txt\n../escape\n")
    (out / "robots.txt").write_text("User-agent: *\n")
    (out / "stale.html").write_text("from an earlier build")
    assert run(["build"]).exit_code == 0
    assert (out / "CNAME").read_text() == "timeline.example.org\n"
    assert (out / ".git" / "HEAD").read_text() == "ref: refs/heads/gh-pages\n"
    assert (out / ".nojekyll").exists() and (out / "robots.txt").exists()
    assert not (out / "stale.html").exists()


def test_kept_names_do_not_make_a_folder_look_foreign(project, run):
    out = project.root / "output"
    out.mkdir()
    (out / "CNAME").write_text("timeline.example.org\n")
    assert run(["build"]).exit_code == 0
    assert (out / "CNAME").exists()


def test_folders_of_a_killed_build_are_removed(project, run):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    pid = int(dead.stdout)  # a process that has ended
    leftover = project.root / f".output.new-{pid}-x1y2z3"
    leftover.mkdir()
    (leftover / "index.html").write_text("half a site")
    running = project.root / f".output.new-{os.getpid()}-other"  # this process: still running
    running.mkdir()
    assert run(["build"]).exit_code == 0
    assert not leftover.exists()
    assert running.exists()


def test_a_full_disk_keeps_the_old_site(project, run, monkeypatch):
    assert run(["build"]).exit_code == 0
    before = built(project)
    project.events.write_text(project.events.read_text().replace("Unrest in", "Trouble in"))
    from timeline.site import pages

    def full(self, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pages.SiteWriter, "write_all", full)
    result = run(["build"])
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: could not write the site into output (No space left on device); "
        "the previous output is unchanged\n"
    )
    assert built(project) == before
    assert [p.name for p in project.root.iterdir() if p.name.startswith(".output")] == []


# -- item 7: ids that cannot be file names -------------------------------------------------


def with_first_id(project, value: str) -> None:
    text = project.events.read_text().replace("  - id: vote-held\n", f"  - id: {value}\n")
    project.events.write_text(text.replace("after: [vote-held]", "after: []"))


@pytest.mark.parametrize("length", [121, 251, 5000])
@pytest.mark.parametrize("command", ["validate", "build"])
def test_an_id_too_long_for_a_file_name(project, run, length, command):
    ident = "-".join(["a" * 9] * 1000)[:length].rstrip("-")
    with_first_id(project, ident)
    with project.unchanged():
        result = run([command])
    assert result.exit_code == 1
    assert result.stderr == (
        f"events.yaml:15:9: event id '{ident[:60]}…' is {len(ident)} characters long; "
        "the limit is 120\nError: events.yaml: 1 error\n"
    )


def test_an_id_of_120_characters_is_fine(project, run):
    ident = ("abcdefghi-" * 12)[:119] + "x"
    assert len(ident) == 120 and not ident.endswith("-")
    with_first_id(project, ident)
    result = run(["build"])
    assert result.exit_code == 0, result.output
    assert (project.root / "output" / "events" / f"{ident}.html").is_file()


@pytest.mark.parametrize("name", ["con", "nul", "aux", "prn", "com1", "lpt1"])
def test_windows_device_names_as_ids(project, run, name):
    with_first_id(project, name)
    with project.unchanged():
        result = run(["validate"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"events.yaml:15:9: event id '{name}' is a device name on Windows, where "
        f"events/{name}.html cannot be created\n"
        f"  hint: choose another id, e.g. '{name}-event'\n"
        "Error: events.yaml: 1 error\n"
    )


def test_add_never_makes_a_device_name(project, run):
    result = run(["add", "2020-10-18: Con", "--source", "notes", "--type", "other"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "con-event\n"


def test_actors_named_like_devices_get_other_page_names(project, run):
    text = project.events.read_text().replace("[Riverton Election Board]", "[Con, NUL]")
    project.events.write_text(text)
    assert run(["build"]).exit_code == 0
    pages = sorted(p.name for p in (project.root / "output" / "actors").iterdir())
    assert pages == ["con-page.html", "nul-page.html"]


def test_a_source_id_too_long(project, run):
    long_id = "w" * 130
    project.events.write_text(project.events.read_text().replace("  notes:\n", f"  {long_id}:\n"))
    with project.unchanged():
        result = run(["validate"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"events.yaml:10:3: source id '{'w' * 60}…' is 130 characters long; the limit is 120\n"
        "Error: events.yaml: 1 error\n"
    )
