"""Issue 12, item 1: input that is not UTF-8 never reaches events.yaml as broken escapes.

The shell hands bytes that are not UTF-8 to Python as lone surrogates (U+DC80-U+DCFF);
written as YAML they became "\\uDCE9", which no YAML reader accepts, so one command
made the file unreadable while exiting 0.
"""

from __future__ import annotations

import logging

import pytest

from timeline.exceptions import SaveError
from timeline.store import edit_document
from timeline.validate import load_timeline

pytestmark = pytest.mark.hostile

STORMED = (
    b"BISHKEK, October 6, 2020 - Protesters stormed the parliament near the caf\xe9, police said.\n"
)


def test_extract_from_stdin_that_is_not_utf8(project, run, caplog):
    with caplog.at_level(logging.WARNING):
        result = run(["extract", "-", "--published", "2020-10-21"], input=STORMED)
    assert result.exit_code == 0, result.output
    assert "new: 1\n" in result.stdout
    assert (
        "standard input: not valid UTF-8 (byte 0xe9 at offset 73); such bytes are read as U+FFFD"
        in caplog.messages
    )
    timeline, _ = load_timeline(project.events)  # still valid YAML, still a valid timeline
    [stormed] = [e for e in timeline.events if e.type == "violence"]
    assert stormed.title == "Protesters storm the parliament"
    assert stormed.sources[0].quote.endswith("near the caf\ufffd, police said.")
    assert "\\udc" not in project.events.read_text(encoding="utf-8").lower()
    assert run(["validate"]).exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["add", "October 18, 2020: Caf\udce9 owner arrested", "--source", "notes"],
            "Error: PHRASE is not UTF-8 text (byte 0xe9 in 'October 18, 2020: Caf\\xe9 owner "
            "arrested'); nothing was written; set your terminal to UTF-8, or type the text again\n",
        ),
        (
            ["add", "2020-10-18: Owner arrested", "--actor", "Jos\udce9", "--source", "notes"],
            "Error: --actor is not UTF-8 text (byte 0xe9 in 'Jos\\xe9'); nothing was written; "
            "set your terminal to UTF-8, or type the text again\n",
        ),
        (
            ["add", "2020-10-18: Owner arrested", "--source", "notes", "--quote", "caf\udce9"],
            "Error: --quote is not UTF-8 text (byte 0xe9 in 'caf\\xe9'); nothing was written; "
            "set your terminal to UTF-8, or type the text again\n",
        ),
        (
            ["add", "2020-10-18: Owner arrested", "--source", "n\udcf6tes"],
            "Error: --source is not UTF-8 text (byte 0xf6 in 'n\\xf6tes'); nothing was written; "
            "set your terminal to UTF-8, or type the text again\n",
        ),
    ],
)
def test_add_refuses_arguments_that_are_not_utf8(project, run, args, message):
    with project.unchanged():
        result = run(args)
    assert result.exit_code == 2
    assert result.stderr == message


def test_init_refuses_a_title_that_is_not_utf8(tmp_path, run):
    result = run(["init", str(tmp_path / "new"), "--title", "Caf\udce9"])
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: --title is not UTF-8 text (byte 0xe9 in 'Caf\\xe9'); nothing was written; "
        "set your terminal to UTF-8, or type the text again\n"
    )
    assert not (tmp_path / "new").exists()


def test_extract_from_a_file_named_in_latin1(project, run, caplog):
    name = "caf\udce9.txt"  # the name's bytes are b"caf\xe9.txt"
    (project.root / name).write_text("date 2020-10-21\n\nThe mayor resigned on Monday.\n")
    with caplog.at_level(logging.WARNING):
        result = run(["extract", name])
    assert result.exit_code == 0, result.output
    assert "caf\\udce9.txt: the file name is not UTF-8 text; its path is not recorded" in (
        m.encode("utf-8", "backslashreplace").decode() for m in caplog.messages
    )
    assert run(["validate"]).exit_code == 0
    assert "path:" not in project.events.read_text(encoding="utf-8")


def test_article_bytes_that_are_not_utf8_are_read_as_replacement(project, run, caplog):
    article = b"date 2020-10-21\n\nThe caf\xe9 owner was arrested.\n"
    (project.root / "latin1.txt").write_bytes(article)
    with caplog.at_level(logging.WARNING):
        result = run(["extract", "latin1.txt"])
    assert result.exit_code == 0, result.output
    assert caplog.messages == [
        "latin1.txt: not valid UTF-8 (byte 0xe9 at offset 24); such bytes are read as U+FFFD"
    ]
    assert run(["validate"]).exit_code == 0


def test_the_store_never_writes_an_escaped_surrogate(project):
    # the last line of defence, whatever a caller puts into the data
    with (
        project.unchanged(),
        pytest.raises(SaveError) as caught,
        edit_document("events.yaml") as doc,
    ):
        doc.data["title"] = "Caf\udce9"
    assert str(caught.value) == (
        "events.yaml: the new text would not read back (an escaped unpaired surrogate, from "
        "input that was not UTF-8); nothing was written"
    )


def test_tag_refuses_stdin_that_is_not_utf8(run):
    result = run(["tag", "-", "--published", "2020-10-21"], input=STORMED)
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: standard input: not valid UTF-8 at byte offset 73 (byte 0xe9); "
        "convert the file to UTF-8\n"
    )
