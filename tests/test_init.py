"""`timeline init`: a new project that validates, explains itself and never overwrites."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import cli
from timeline.project import events_text, init_project
from timeline.schema import EVENT, SOURCE, json_schema, schema_text
from timeline.store import parse_text
from timeline.validate import check_document, load_timeline

FILES = ["events.yaml", "events.schema.json", "site_templates/README.md", ".gitignore"]


def run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args))


def test_init_creates_the_project_and_lists_what_it_wrote(tmp_path: Path) -> None:
    target = tmp_path / "crisis"
    result = run("init", str(target), "--title", "Kyrgyzstan's October 2020 crisis")
    assert result.exit_code == 0, result.output
    assert result.stdout == "".join(f"created {target / name}\n" for name in FILES)
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*")) == sorted(
        [*FILES, "site_templates"]
    )


def test_new_events_yaml_validates_through_the_cli(tmp_path: Path) -> None:
    init_project(tmp_path, "Crisis")
    result = run("validate", str(tmp_path / "events.yaml"))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"{tmp_path / 'events.yaml'}: OK, 0 events (0 dated), 0 sources\n"
    assert result.stderr == ""


def test_new_events_yaml_points_editors_at_the_schema_beside_it(tmp_path: Path) -> None:
    init_project(tmp_path)
    text = (tmp_path / "events.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=events.schema.json"
    schema = (tmp_path / "events.schema.json").read_text(encoding="utf-8")
    assert schema == schema_text()
    assert json.loads(schema) == json_schema()


def test_every_field_is_explained_in_a_comment(tmp_path: Path) -> None:
    text = events_text("T")
    comments = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    for name, spec in [*EVENT["properties"].items(), *SOURCE["properties"].items()]:
        assert re.search(rf"^#\s+{name}\s+\S", comments, re.MULTILINE), name
        if name != "type":
            first_words = " ".join(spec["description"].split()[:3])
            assert first_words in comments, name
    assert "resignation" in comments and "election" in comments  # the types are listed


def test_the_commented_example_event_validates_once_uncommented() -> None:
    text = events_text("T")
    source = re.search(r"^# sources:\n((?:#   .*\n)+)", text, re.MULTILINE)
    event = re.search(r"^# events:\n((?:#   .*\n)+)", text, re.MULTILINE)
    assert source and event
    uncomment = lambda block: re.sub(r"^# ", "", block, flags=re.MULTILINE)  # noqa: E731
    example = "title: T\nsources:\n" + uncomment(source.group(1))
    example += "events:\n" + uncomment(event.group(1))
    timeline, warnings = check_document(parse_text(example, "example"))
    assert [e.id for e in timeline.events] == ["jeenbekov-resigns"]
    assert warnings == []


def test_title_with_quotes_and_colons_survives(tmp_path: Path) -> None:
    init_project(tmp_path, "Kyrgyzstan: 'October' crisis # 2020")
    timeline, _ = load_timeline(tmp_path / "events.yaml")
    assert timeline.title == "Kyrgyzstan: 'October' crisis # 2020"


def test_templates_readme_shows_block_overriding(tmp_path: Path) -> None:
    init_project(tmp_path)
    readme = (tmp_path / "site_templates" / "README.md").read_text(encoding="utf-8")
    assert '{% extends "default:base.html" %}' in readme
    assert "{% block" in readme
    assert "- `base.html`: " in readme  # the installed defaults are listed with their blocks
    assert "|tojson" in readme


def test_gitignore_ignores_the_output_and_the_lock(tmp_path: Path) -> None:
    init_project(tmp_path)
    lines = (tmp_path / ".gitignore").read_text().splitlines()
    assert lines == ["output/", ".events.yaml.lock"]


@pytest.mark.parametrize("existing", ["events.yaml", ".gitignore", "site_templates/README.md"])
def test_refuses_to_overwrite_and_writes_nothing(tmp_path: Path, existing: str) -> None:
    path = tmp_path / existing
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("mine\n")
    before = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    result = run("init", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"Error: '{tmp_path}' already has {existing}; nothing was written "
        "(move them away, or run 'timeline init' in another folder)\n"
    )
    assert path.read_text() == "mine\n"
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == before


def test_refusal_names_every_existing_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("events.yaml").write_text("x")
    Path(".gitignore").write_text("x")
    result = run("init")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: this folder already has events.yaml, .gitignore;")


def test_an_existing_empty_site_templates_folder_is_fine(tmp_path: Path) -> None:
    (tmp_path / "site_templates").mkdir()
    assert len(init_project(tmp_path)) == len(FILES)
