"""Issue 12, item 10: what the commands print, and how fast a large file's error comes.

`list` and `validate` passed OSC and CSI sequences from the file to the terminal;
messages read "date a date must be text...", "date the date is empty" and showed -44 as
'-044'; a 50 MB file with one bad date took minutes and gigabytes to report it.
"""

from __future__ import annotations

import pytest

from timeline.exceptions import ValidationError
from timeline.store import parse_text
from timeline.validate import check_document, load_timeline

pytestmark = pytest.mark.hostile

OSC = "\x1b]0;pwned\x07\x1b]8;;https://evil.example\x07click\x1b]8;;\x07\x1b[2J\x9b31m\u202e"
SHOWN = (
    "\\x1b]0;pwned\\x07\\x1b]8;;https://evil.example\\x07click\\x1b]8;;\\x07\\x1b[2J\\x9b31m\\u202e"
)


def test_list_shows_control_characters_instead_of_sending_them(project, run):
    text = project.events.read_text().replace(
        "title: Riverton votes for a new council", f'title: "Vote {OSC}"'.replace("\x1b", "\\e")
    )
    project.events.write_text(text.replace("\x07", "\\a").replace("\x9b", "\\x9b"))
    result = run(["list"])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert f"Vote {SHOWN}" in result.stdout


def test_validate_shows_control_characters_instead_of_sending_them(project, run):
    project.events.write_text(project.events.read_text() + '    "x\\e]0;pwned\\a": 1\n')
    result = run(["validate", "--strict"])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "events.yaml:30:5: event 'protests-begin': unknown key 'x\\x1b]0;pwned\\x07'\n"
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("[2020, 10]", "'date' must be a date such as 2020-10-04, not a list"),
        ("''", "date is empty"),
        ("-44", "date '-44' is not an EDTF date"),
        ("true", "'date' must be a date such as 2020-10-04, not true"),
    ],
)
def test_date_messages_read_well(project, run, value, message):
    text = project.events.read_text().replace("date: 2020-10-04", f"date: {value}")
    project.events.write_text(text)
    with project.unchanged():
        result = run(["validate"])
    assert result.exit_code == 1
    first = result.stderr.splitlines()[0]
    assert first == f"events.yaml:17:11: event 'vote-held': {message}"
    assert result.stderr.count("event 'vote-held'") == 1


def large_timeline(events: int, bad: dict[int, str]) -> str:
    """A timeline over the large-file threshold with problems in chosen events."""
    lines = ["title: Large", "sources:", "  wire: {title: Wire}", "events:"]
    for n in range(events):
        fields = {
            "id": f"e{n}",
            "title": f"Event number {n} of a long timeline with room for a summary",
            "date": f"2020-{1 + n % 12:02d}-{1 + n % 28:02d}",
            "type": "other",
            "sources": "[{source: wire}]",
        }
        if n in bad:
            key, value = bad[n].split(": ", 1)
            fields[key] = value
        lines += [
            f"  {'-' if key == 'id' else ' '} {key}: {value}" for key, value in fields.items()
        ]
    return "\n".join(lines) + "\n"


def test_a_large_file_reports_problems_at_the_same_places(tmp_path):
    text = large_timeline(
        3000,
        {
            5: "notes: an unknown key",
            1200: "date: 2020-02-30",
            1800: "after: [e1799, nowhere]",
            2500: "actors: [ok, 12]",
            2999: "id: e5",
        },
    )
    assert len(text) > 256 * 1024  # the fast path, which has no positions
    path = tmp_path / "events.yaml"
    path.write_text(text)
    with pytest.raises(ValidationError) as fast:
        load_timeline(path)
    with pytest.raises(ValidationError) as located:  # every position from the full parse
        check_document(parse_text(text, "events.yaml", editable=False, positions=True))
    assert str(fast.value).replace(str(path), "events.yaml") == str(located.value)
    assert "date '2020-02-30' is not a real day" in str(fast.value)
