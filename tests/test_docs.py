"""The README's promises: its example validates, its commands are the ones CI runs."""

from __future__ import annotations

import re
from pathlib import Path

from timeline.store import parse_text
from timeline.validate import check_document

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_example_is_a_valid_events_yaml():
    section = README.split("## The events.yaml format", 1)[1]
    example = re.search(r"```yaml\n(.*?)```", section, re.S)
    assert example
    timeline, warnings = check_document(parse_text(example.group(1), "README.md"))
    assert [e.id for e in timeline.events] == ["jeenbekov-resigns", "clashes"]
    assert warnings == []


def test_readme_opens_with_the_two_commands_and_ci_runs_the_test_one():
    blocks = re.findall(r"```sh\n(.*?)\n```", README, re.S)
    build, test = blocks[0], blocks[1]
    assert "timeline build" in build
    assert "pytest" in test
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines()


def test_every_command_is_documented_in_the_readme():
    from timeline.cli import cli

    for name in cli.commands:
        assert f"timeline {name}" in README or f"`{name}`" in README, name
