"""Issue 12, items 3 and 4: YAML that explodes, loops, nests or confuses the loaders.

A few hundred bytes of nested aliases made `validate` reach 1.5 GB; a padded one (read
by the large-file loader) 18.9 GB; `tags: &t [x, *t]` raised RecursionError; ids that
are not text raised KeyError; `-_` and a 5,000-digit number raised ValueError.
"""

from __future__ import annotations

import itertools

import pytest

from timeline.serve import DevServer

pytestmark = pytest.mark.hostile


def bomb(levels: int = 8, width: int = 9, padding: int = 0) -> str:
    """'a: &a [x, ...]' and ``levels`` levels of ``width`` aliases of the level below."""
    names = "abcdefghijklmnop"
    lines = ["a: &a [" + ", ".join(["x"] * width) + "]"]
    for below, name in itertools.pairwise(names[: levels + 1]):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{below}"] * width) + "]")
    return "#" * padding + ("\n" if padding else "") + "\n".join(lines) + "\n"


BOMB_MESSAGE = (
    "aliases repeat this value 48,427,561 times: the document would hold 490,329,036 more "
    "values than it spells out (the limit is 100,000)\n"
    "  hint: write the values out, or use fewer aliases (*name) of this anchor (&name)\n"
)


def test_a_few_hundred_bytes_of_aliases(project, run_bounded):
    project.events.write_text(bomb())
    with project.unchanged():
        done = run_bounded(["validate"])
    assert done.returncode == 1
    assert done.stderr == "events.yaml:1:4: " + BOMB_MESSAGE + "Error: events.yaml: 1 error\n"


def test_a_padded_alias_bomb_read_by_the_large_file_loader(project, run_bounded):
    project.events.write_text(bomb(padding=300_000))  # over the 256 KB of the fast path
    with project.unchanged():
        done = run_bounded(["validate"])
    assert done.returncode == 1
    assert done.stderr == "events.yaml:2:4: " + BOMB_MESSAGE + "Error: events.yaml: 1 error\n"


def test_add_to_an_alias_bomb(project, run_bounded):
    project.events.write_text(bomb())
    with project.unchanged():
        done = run_bounded(["add", "2020-10-18: Talks", "--source", "x"])
    assert done.returncode == 1
    assert done.stderr == "events.yaml:1:4: " + BOMB_MESSAGE + "Error: events.yaml: 1 error\n"


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["export", "-f", "json"],
        ["build"],
        ["extract", "-", "--published", "2020-10-21"],
    ],
)
def test_every_reader_refuses_the_bomb(project, run, args):
    project.events.write_text(bomb())
    with project.unchanged():
        result = run(args, input="The mayor resigned on Monday.\n")
    assert result.exit_code == 1
    assert result.stderr == "events.yaml:1:4: " + BOMB_MESSAGE + "Error: events.yaml: 1 error\n"


def test_serve_shows_the_bomb_as_an_error(project):
    project.events.write_text(bomb())
    shown: list[str] = []
    with DevServer("events.yaml", port=0, say=shown.append, warn=shown.append) as server:
        assert server.site_dir is None
    assert shown[0] == "events.yaml:1:4: " + BOMB_MESSAGE.rstrip("\n")
    assert shown[1] == "1 error: nothing to serve yet; fix and save to rebuild"


def test_aliases_within_the_budget_still_work(project, run):
    # one source reference, anchored in the first event and reused in the second
    text = project.events.read_text().replace(
        "    sources:\n      - source: wire-2020-10-21\n",
        "    sources:\n      - &wire\n        source: wire-2020-10-21\n",
    )
    text = text.replace("    sources: [{source: wire-2020-10-21}]\n", "    sources: [*wire]\n")
    project.events.write_text(text)
    result = run(["validate"])
    assert result.exit_code == 0, result.output
    assert result.stdout == "events.yaml: OK, 2 events (2 dated), 2 sources\n"


RECURSIVE = "title: Loop\nevents: []\ntags: &t [x, *t]\n"


@pytest.mark.parametrize("args", [["validate"], ["add", "2020-10-18: Talks", "--source", "x"]])
def test_a_value_that_contains_itself(project, run, args):
    project.events.write_text(RECURSIVE)
    with project.unchanged():
        result = run(args)
    assert result.exit_code == 1
    assert result.stderr == (
        "events.yaml:3:7: an alias refers to the value that contains it, so the value would "
        "contain itself without end\n"
        "  hint: replace the alias (*name) inside its own anchor (&name)\n"
        "Error: events.yaml: 1 error\n"
    )


@pytest.mark.parametrize("depth", [150, 5000])
@pytest.mark.parametrize("args", [["validate"], ["add", "2020-10-18: Talks", "--source", "x"]])
def test_nesting_too_deep(project, run, args, depth):
    project.events.write_text("title: Deep\nevents: []\nnotes: " + "[" * depth + "]" * depth)
    with project.unchanged():
        result = run(args)
    assert result.exit_code == 1
    assert result.stderr == (
        "events.yaml:3:107: the YAML is nested more than 100 levels deep\n"
        "  hint: events.yaml needs a handful of levels; flatten this value\n"
        "Error: events.yaml: 1 error\n"
    )


# -- item 4: values the loaders did not expect ---------------------------------------------


def with_first_id(project, value: str) -> None:
    text = project.events.read_text().replace("  - id: vote-held\n", f"  - id: {value}\n")
    project.events.write_text(text.replace("after: [vote-held]", "after: []"))


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("12345", "'12345'"),
        ("true", "true"),
        ("null", "an empty value"),
        ("1.5", "'1.5'"),
        ("[a, b]", "a list"),
        ("{a: b}", "a mapping"),
    ],
)
@pytest.mark.parametrize(
    "args",
    [
        ["validate"],
        ["build"],
        ["export", "-f", "csv"],
        ["list"],
        ["add", "2020-10-18: Talks", "--source", "notes"],
    ],
)
def test_an_id_that_is_not_text(project, run, value, shown, args):
    with_first_id(project, value)
    with project.unchanged():
        result = run(args)
    assert result.exit_code == 1
    # ruamel (add's loader) places an empty value where the next key starts
    where = "16:5" if value == "null" and args[0] == "add" else "15:9"
    assert result.stderr == (
        f"events.yaml:{where}: event #1: 'id' must be text, not {shown}\n"
        "Error: events.yaml: 1 error\n"
    )


def test_an_id_written_as_a_date_is_its_text(project, run):
    with_first_id(project, "2020-10-04")
    result = run(["list"])
    assert result.exit_code == 0, result.output
    assert "2020-10-04" in result.stdout


@pytest.mark.parametrize("scalar", ["_", "-_", "+_", "0x_", "0o_", "._", "0x", "-"])
@pytest.mark.parametrize("args", [["validate"], ["add", "2020-10-18: Talks", "--source", "notes"]])
def test_plain_scalars_that_look_like_numbers(project, run, scalar, args):
    project.events.write_text(project.events.read_text() + f"    tags: [{scalar}, x]\n")
    result = run(args)
    assert result.exit_code == 0, result.output


def test_a_5000_digit_number(project, run):
    digits = "9" * 5000
    text = project.events.read_text().replace("date: 2020-10-04", f"date: {digits}")
    project.events.write_text(text)
    with project.unchanged():
        result = run(["validate"])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"events.yaml:17:11: event 'vote-held': date '{'9' * 60}…' is not an EDTF date\n"
    )


def test_a_5000_digit_title_is_text(project, run):
    text = project.events.read_text().replace(
        "title: Riverton votes for a new council", "title: " + "9" * 5000
    )
    project.events.write_text(text)
    assert run(["add", "2020-10-18: Talks", "--source", "notes"]).exit_code == 0
    # kept as the text it is; quoted now, so that it reads back as text
    assert "title: '" + "9" * 5000 + "'\n" in project.events.read_text()
    assert run(["validate"]).exit_code == 0
