"""`timeline validate`: every error case with its exact message and exit code."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import cli
from timeline.validate import load_timeline

HEAD = """\
title: Test timeline
sources:
  wire:
    title: A wire story
    publisher: Wire
    published: 2020-10-21
events:
"""

EVENT = """\
  - id: {id}
    title: {title}
    type: {type}
    date: {date}
    sources:
      - source: wire
"""


def events_yaml(*events: str) -> str:
    return HEAD + "".join(events)


def event(id: str = "vote", title: str = "Vote held", type: str = "election", date="2020-10-04"):
    return EVENT.format(id=id, title=title, type=type, date=date)


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def run(tmp_path: Path, text: str | bytes, *args: str):
    path = tmp_path / "events.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return CliRunner().invoke(cli, ["validate", *args], catch_exceptions=False)


def errors(result) -> list[str]:
    """The located problem lines (hints left out)."""
    return [line for line in result.stderr.splitlines() if line.startswith("events.yaml:")]


def test_valid_file_passes(tmp_path):
    result = run(tmp_path, events_yaml(event()))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "events.yaml: OK, 1 events (1 dated), 1 sources\n"
    assert result.stderr == ""


def test_shipped_events_yaml_is_valid():
    timeline, warnings = load_timeline(Path(__file__).parents[1] / "events.yaml")
    assert warnings == []
    assert 15 <= len(timeline.events) <= 25
    assert all(e.sources for e in timeline.events)


def test_yaml_syntax_error_keeps_the_parsers_location(tmp_path):
    text = events_yaml(event()) + '    summary: "unclosed\n'
    result = run(tmp_path, text)
    assert result.exit_code == 1
    lines = errors(result)
    assert len(lines) == 1
    assert lines[0].startswith("events.yaml:15:1: YAML syntax error: while scanning a quoted")
    assert result.stderr.endswith("Error: events.yaml: 1 error\n")


def test_tab_indentation_gets_a_hint(tmp_path):
    result = run(tmp_path, "title: x\nevents:\n\t- id: a\n")
    assert result.exit_code == 1
    assert "hint: YAML does not allow tabs for indentation; use spaces" in result.stderr


def test_duplicate_key_is_a_syntax_error(tmp_path):
    result = run(tmp_path, "title: a\ntitle: b\nevents: []\n")
    assert result.exit_code == 1
    assert errors(result)[0].startswith("events.yaml:2:1: YAML syntax error:")
    assert 'found duplicate key "title"' in errors(result)[0]


def test_missing_required_field(tmp_path):
    text = events_yaml(event()).replace("    title: Vote held\n", "")
    result = run(tmp_path, text)
    assert result.exit_code == 1
    assert errors(result) == ["events.yaml:8:5: event 'vote': missing required field 'title'"]
    assert "hint: a short line such as 'Jeenbekov resigns as president'" in result.stderr


def test_missing_top_level_events(tmp_path):
    result = run(tmp_path, "title: Only a title\n")
    assert result.exit_code == 1
    assert errors(result) == ["events.yaml:1:1: missing required field 'events' in the file"]


def test_duplicate_id(tmp_path):
    result = run(tmp_path, events_yaml(event(), event(title="Another")))
    assert result.exit_code == 1
    assert errors(result) == [
        "events.yaml:14:9: duplicate event id 'vote' (first used on line 8)",
    ]


def test_id_that_is_not_a_slug(tmp_path):
    result = run(tmp_path, events_yaml(event(id="Vote Held!")))
    assert result.exit_code == 1
    assert errors(result) == ["events.yaml:8:9: event id 'Vote Held!' is not a slug"]
    assert "e.g. 'vote-held'" in result.stderr


def test_impossible_day(tmp_path):
    result = run(tmp_path, events_yaml(event(date="2020-02-30")))
    assert result.exit_code == 1
    assert errors(result) == [
        "events.yaml:11:11: event 'vote': date '2020-02-30' is not a real day "
        "(February 2020 has 29 days)"
    ]


def test_malformed_edtf_date(tmp_path):
    result = run(tmp_path, events_yaml(event(date="4 October 2020")))
    assert result.exit_code == 1
    assert errors(result) == [
        "events.yaml:11:11: event 'vote': date '4 October 2020' is not an EDTF date"
    ]
    assert "hint: write dates as YYYY-MM-DD" in result.stderr


def test_not_before_later_than_not_after(tmp_path):
    text = events_yaml(event()).replace(
        "    date: 2020-10-04\n", "    not_before: 2020-10-10\n    not_after: 2020-10-05\n"
    )
    result = run(tmp_path, text)
    assert result.exit_code == 1
    assert errors(result) == [
        "events.yaml:11:17: event 'vote': not_before (2020-10-10) is later than "
        "not_after (2020-10-05)"
    ]


def test_after_names_unknown_event(tmp_path):
    text = events_yaml(event(), event(id="count", title="Count")) + "    after: [vot]\n"
    result = run(tmp_path, text)
    assert result.exit_code == 1
    assert errors(result) == ["events.yaml:20:13: event 'count': 'after' names unknown event 'vot'"]
    assert "hint: did you mean 'vote'?" in result.stderr


def test_cycle_of_after_names_the_events(tmp_path):
    text = events_yaml(
        event(id="a", title="A") + "    after: [c]\n",
        event(id="b", title="B") + "    after: [a]\n",
        event(id="c", title="C") + "    after: [b]\n",
    )
    result = run(tmp_path, text)
    assert result.exit_code == 1
    assert errors(result) == [
        "events.yaml:21:13: events 'a' → 'b' → 'c' → 'a' form a cycle of 'after'"
    ]


def test_event_dated_before_an_event_it_comes_after(tmp_path):
    text = events_yaml(
        event(id="vote", date="2020-10-04"),
        event(id="protest", title="Protest", type="protest", date="2020-10-01")
        + "    after: [vote]\n",
    )
    result = run(tmp_path, text)
    assert result.exit_code == 1
    assert errors(result) == [
        "events.yaml:20:13: event 'protest' (1 October 2020) is dated before 'vote' "
        "(4 October 2020), which it comes after"
    ]


def test_unknown_source_id(tmp_path):
    text = events_yaml(event()).replace("- source: wire", "- source: wires")
    result = run(tmp_path, text)
    assert result.exit_code == 1
    assert errors(result) == ["events.yaml:13:17: event 'vote': unknown source 'wires'"]
    assert "hint: did you mean 'wire'?" in result.stderr


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://example.org/a", "//x.org"]
)
def test_non_http_url(tmp_path, url):
    text = events_yaml(event()).replace("    published: 2020-10-21\n", f'    url: "{url}"\n')
    result = run(tmp_path, text)
    assert result.exit_code == 1
    assert errors(result) == [
        f"events.yaml:6:10: source 'wire': url '{url}' is not an http(s) link"
    ]


def test_empty_file(tmp_path):
    result = run(tmp_path, "  \n")
    assert result.exit_code == 1
    assert errors(result) == ["events.yaml:1:1: the file is empty"]
    assert "hint: start with 'title:' and 'events:', or run 'timeline init'" in result.stderr


def test_file_that_is_not_utf8(tmp_path):
    text = events_yaml(event()).encode("utf-8").replace(b"Vote held", b"Vot\xe9 held")
    result = run(tmp_path, text)
    assert result.exit_code == 1
    assert errors(result) == [
        "events.yaml:9:15: the file is not UTF-8 text (byte 0xe9 at offset 143)"
    ]


def test_top_level_that_is_not_a_mapping(tmp_path):
    result = run(tmp_path, "- id: a\n- id: b\n")
    assert result.exit_code == 1
    assert errors(result) == [
        "events.yaml:1:1: the top level must be a mapping (title:, events:, ...), not a list"
    ]


def test_unknown_type_suggests_the_vocabulary(tmp_path):
    result = run(tmp_path, events_yaml(event(type="electoin")))
    assert result.exit_code == 1
    assert errors(result) == ["events.yaml:10:11: event 'vote': unknown type 'electoin'"]
    assert "hint: did you mean 'election'? types: election, protest," in result.stderr


def test_wrong_shape_of_a_field(tmp_path):
    text = events_yaml(event()) + "    actors: Sadyr Japarov\n"
    result = run(tmp_path, text)
    assert result.exit_code == 1
    assert errors(result) == [
        "events.yaml:14:13: event 'vote': 'actors' must be a list, not text 'Sadyr Japarov'"
    ]


def test_every_problem_is_reported_at_once(tmp_path):
    text = events_yaml(
        event(id="a", date="2020-02-30"),
        event(id="b", type="riot"),
        event(id="b"),
    )
    result = run(tmp_path, text)
    assert result.exit_code == 1
    assert errors(result) == [
        "events.yaml:11:11: event 'a': date '2020-02-30' is not a real day "
        "(February 2020 has 29 days)",
        "events.yaml:16:11: event 'b': unknown type 'riot'",
        "events.yaml:20:9: duplicate event id 'b' (first used on line 14)",
    ]
    assert result.stderr.endswith("Error: events.yaml: 3 errors\n")


def test_unknown_key_is_a_warning_and_strict_makes_it_an_error(tmp_path):
    text = events_yaml(event()) + "    colour: red\n"
    result = run(tmp_path, text)
    assert result.exit_code == 0
    assert errors(result) == ["events.yaml:14:5: warning: event 'vote': unknown key 'colour'"]
    assert result.stdout == "events.yaml: OK, 1 events (1 dated), 1 sources, 1 warnings\n"

    strict = run(tmp_path, text, "--strict")
    assert strict.exit_code == 1
    assert errors(strict) == ["events.yaml:14:5: event 'vote': unknown key 'colour'"]


def test_misspelt_key_gets_a_suggestion(tmp_path):
    text = events_yaml(event()) + "    summmary: typo\n"
    result = run(tmp_path, text)
    assert result.exit_code == 0
    assert "hint: did you mean 'summary'?" in result.stderr


def test_missing_file(tmp_path):
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 1
    assert errors(result) == ["events.yaml:1:1: no such file"]


def test_undated_event_with_nothing_to_place_it_warns(tmp_path):
    text = events_yaml(event()).replace("    date: 2020-10-04\n", "")
    result = run(tmp_path, text)
    assert result.exit_code == 0
    assert errors(result) == [
        "events.yaml:8:5: warning: event 'vote' has no date, bounds or 'after'; "
        "it cannot be placed in time"
    ]


def test_span_date_and_end_conflict(tmp_path):
    text = events_yaml(event(date="2020-10-05/2020-10-06")) + "    end: 2020-10-07\n"
    result = run(tmp_path, text)
    assert result.exit_code == 1
    assert errors(result) == [
        "events.yaml:14:10: event 'vote': has both a span in 'date' and an 'end'"
    ]


# -- what extract writes for the importance score and for dissenting sources --------------------

EXTRACTED = """\
title: Test timeline
sources:
  wire:
    title: A wire story
    published: 2020-10-21
    mentions: {2020-10-04: 2, 2020-02-30: 1, soon: 1, 2020-10-05: 0}
events:
  - id: vote
    title: Vote held
    type: election
    date: 2020-10-04
    sources:
      - source: wire
        paragraph: -1
        date: 2020-13-01
"""


def test_mentions_paragraphs_and_claims_are_checked(tmp_path):
    result = run(tmp_path, EXTRACTED)
    assert result.exit_code == 1
    assert errors(result) == [
        "events.yaml:6:15: source 'wire': mentions: 'soon' is not a day",
        "events.yaml:6:31: source 'wire': mentions: '2020-02-30' is not a real day",
        "events.yaml:6:67: source 'wire': mentions: 2020-10-05 is mentioned 0 times; give 1 "
        "or more, or leave the day out",
        "events.yaml:14:20: event 'vote': paragraph -1 is negative; the lead is 0",
        "events.yaml:15:15: event 'vote': date '2020-13-01': month 13 does not exist "
        "(01–12, or 21–24 for seasons)",
    ]


def test_mentions_paragraphs_and_claims_load_into_the_model(tmp_path):
    text = EXTRACTED.replace(", 2020-02-30: 1, soon: 1, 2020-10-05: 0", "")
    text = text.replace("paragraph: -1", "paragraph: 0").replace("2020-13-01", "2020-10-03")
    (tmp_path / "events.yaml").write_text(text, encoding="utf-8")
    timeline, warnings = load_timeline(tmp_path / "events.yaml")
    assert warnings == []
    import datetime as dt

    assert timeline.sources["wire"].mentions == ((dt.date(2020, 10, 4), 2),)
    ref = timeline.events[0].sources[0]
    assert (ref.paragraph, ref.date.text) == (0, "2020-10-03")
