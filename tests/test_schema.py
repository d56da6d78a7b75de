"""The JSON Schema, the committed copy editors use, and the loader agree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator
from jsonschema import ValidationError as SchemaError

from timeline.cli import cli
from timeline.schema import json_schema, known_keys, schema_text
from timeline.store import load_document
from timeline.validate import check_document, plain
from timeline.vocabulary import EVENT_TYPES, TYPE_NAMES

ROOT = Path(__file__).resolve().parents[1]


def test_committed_schema_file_is_the_generated_one():
    committed = (ROOT / "timeline" / "events.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "run: make schema"


def test_schema_command_prints_it():
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json_schema()


def test_schema_is_a_valid_json_schema():
    Draft202012Validator.check_schema(json_schema())


def test_type_enum_is_the_vocabulary():
    enum = json_schema()["properties"]["events"]["items"]["properties"]["type"]["enum"]
    assert enum == list(TYPE_NAMES)
    assert len({t.colour for t in EVENT_TYPES}) == len(EVENT_TYPES)
    required = {"election", "protest", "violence", "resignation", "appointment", "legislation"}
    required |= {"court", "arrest", "release", "agreement", "statement", "meeting", "deadline"}
    assert required | {"other"} <= set(TYPE_NAMES)


def test_shipped_file_points_editors_at_the_schema():
    first = (ROOT / "events.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=timeline/events.schema.json"


def test_shipped_file_passes_the_schema_and_the_loader():
    doc = load_document(ROOT / "events.yaml")
    Draft202012Validator(json_schema()).validate(plain(doc.data))
    check_document(doc)


def test_known_keys_come_from_the_schema():
    schema = json_schema()
    event = schema["properties"]["events"]["items"]
    assert known_keys("event") == set(event["properties"])
    assert known_keys("top") == set(schema["properties"])


@pytest.mark.parametrize(
    "mutation",
    [
        lambda d: d["events"][0].pop("title"),
        lambda d: d["events"][0].update(type="riot"),
        lambda d: d["events"][0].update(id="Not A Slug"),
        lambda d: d["events"][0].update(actors="one"),
        lambda d: d["events"][0].update(sources=[]),
        lambda d: d["sources"]["tass-2020-10-21"].update(url="javascript:alert(1)"),
        lambda d: d.pop("events"),
    ],
)
def test_schema_and_loader_reject_the_same_structural_mistakes(mutation):
    doc = load_document(ROOT / "events.yaml")
    mutation(doc.data)
    with pytest.raises(SchemaError):
        Draft202012Validator(json_schema()).validate(plain(doc.data))
    from timeline.exceptions import ValidationError

    with pytest.raises(ValidationError):
        check_document(doc)
