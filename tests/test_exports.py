"""Data exports: each format read back by the tool that would consume it."""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from dataclasses import replace
from datetime import date, datetime, timezone
from pathlib import Path

import icalendar
import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from timeline.cli import cli
from timeline.exceptions import InputError
from timeline.exports import FORMATS, export_timeline, render_export
from timeline.exports.common import json_text
from timeline.exports.ical import fold_line
from timeline.exports.tabular import safe_cell
from timeline.graph import OrderedTimeline, order_timeline
from timeline.importance import default_scorer
from timeline.validate import load_timeline

# A tiny invented timeline: a day, a span, an undated event between two dated
# ones, an approximate month, an upper bound only, a formula-looking event and
# one that cannot be placed.
FIXTURE = """\
title: Harbour town council crisis
description: How the budget vote went wrong.
sources:
  gazette:
    title: Council rejects the budget
    publisher: Harbour Gazette
    published: 2021-03-05
    url: https://gazette.example/budget
  notes:
    title: Editors' notes
events:
  - id: budget-vote
    title: Council votes down the budget
    date: 2021-03-02
    type: election
    actors: [Town council, Mayor Ilse Varga]
    places: [Harbour]
    summary: The council rejects the mayor’s budget by one vote.
    sources:
      - source: gazette
        quote: rejected by a single vote
    tags: [budget]
  - id: sit-in
    title: Residents hold a sit-in
    date: 2021-03-03/2021-03-04
    type: protest
    after: [budget-vote]
    sources: [{source: notes}]
  - id: talks
    title: Mayor meets the opposition
    type: meeting
    after: [budget-vote]
    sources: [{source: notes}]
  - id: new-vote
    title: A second vote passes the budget
    date: 2021-03-20
    type: election
    after: [talks]
    sources: [{source: gazette}]
  - id: audit
    title: Auditors review the accounts
    date: 2021-04~
    type: other
    sources: [{source: notes}]
  - id: deadline
    title: Budget must be filed
    not_after: 2021-05-31
    type: deadline
    sources: [{source: notes}]
  - id: formula
    title: "=HYPERLINK(\\"https://evil.example\\")"
    date: 2021-03-21
    type: statement
    actors: ["+cmd", "@sum", "-2"]
    summary: "<b>bold</b> & <script>x</script>"
    sources: [{source: notes}]
  - id: rumour
    title: A rumoured resignation
    type: other
    sources: [{source: notes}]
"""


@pytest.fixture
def events_file(tmp_path: Path) -> Path:
    path = tmp_path / "events.yaml"
    path.write_text(FIXTURE, encoding="utf-8")
    return path


@pytest.fixture
def ordered(events_file: Path) -> OrderedTimeline:
    timeline, _ = load_timeline(events_file)
    return order_timeline(timeline)


@pytest.fixture(autouse=True)
def no_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


# 'talks' may be as early as 2 March, so it sorts before the sit-in on the 3rd.
ORDER = ["budget-vote", "talks", "sit-in", "new-vote", "formula", "audit", "deadline", "rumour"]


# -- json ------------------------------------------------------------------------------------


def test_json(ordered: OrderedTimeline) -> None:
    text = render_export(ordered, "json")
    assert text.endswith("}\n")
    assert "mayor’s" in text  # not \u2019
    data = json.loads(text)
    assert list(data) == ["description", "events", "sources", "title"]
    assert data["title"] == "Harbour town council crisis"
    assert [e["id"] for e in data["events"]] == ORDER
    first = data["events"][0]
    score = first.pop("importance")
    assert 0 <= score <= 1 and first.pop("key") == (score >= default_scorer().threshold)
    assert first == {
        "id": "budget-vote",
        "title": "Council votes down the budget",
        "type": "election",
        "date": "2021-03-02",
        "earliest": "2021-03-02",
        "latest": "2021-03-02",
        "order": 0,
        "actors": ["Town council", "Mayor Ilse Varga"],
        "places": ["Harbour"],
        "summary": "The council rejects the mayor’s budget by one vote.",
        "sources": [
            {
                "source": "gazette",
                "quote": "rejected by a single vote",
                "paragraph": None,
                "date": None,
                "title": "Council rejects the budget",
                "publisher": "Harbour Gazette",
                "published": "2021-03-05",
                "url": "https://gazette.example/budget",
            }
        ],
        "after": [],
        "tags": ["budget"],
    }
    by_id = {e["id"]: e for e in data["events"]}
    assert by_id["talks"]["date"] == ""
    assert (by_id["talks"]["earliest"], by_id["talks"]["latest"]) == ("2021-03-02", "2021-03-20")
    assert by_id["sit-in"]["date"] == "2021-03-03/2021-03-04"
    assert (by_id["deadline"]["earliest"], by_id["deadline"]["latest"]) == (None, "2021-05-31")
    assert (by_id["rumour"]["earliest"], by_id["rumour"]["latest"]) == (None, None)
    assert data["sources"]["notes"] == {
        "title": "Editors' notes",
        "publisher": None,
        "published": None,
        "url": None,
    }


# -- csv -------------------------------------------------------------------------------------


def test_csv(ordered: OrderedTimeline) -> None:
    text = render_export(ordered, "csv")
    assert "\r" not in text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == [
        "id",
        "title",
        "type",
        "date",
        "earliest",
        "latest",
        "order",
        "actors",
        "places",
        "after",
        "sources",
        "summary",
    ]
    assert [r["id"] for r in rows] == ORDER
    assert rows[0]["actors"] == "Town council; Mayor Ilse Varga"
    assert rows[0]["order"] == "0"
    talks = rows[1]
    assert (talks["date"], talks["earliest"], talks["latest"]) == ("", "2021-03-02", "2021-03-20")
    assert talks["after"] == "budget-vote"


def test_csv_guards_against_formula_injection(ordered: OrderedTimeline) -> None:
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(render_export(ordered, "csv")))}
    assert rows["formula"]["title"] == '\'=HYPERLINK("https://evil.example")'
    assert rows["formula"]["actors"] == "'+cmd; @sum; -2"
    for cell in ("=1+1", "+1", "-1", "@SUM(A1)", "\t=1"):
        assert safe_cell(cell) == "'" + cell
    assert safe_cell("\r=1") == "'\n=1"  # a bare CR becomes a line break the csv module quotes
    assert safe_cell("plain – text") == "plain – text"


# -- ics -------------------------------------------------------------------------------------


def _vevents(text: str) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    return {str(e["uid"]): e for e in calendar.walk("VEVENT")}


def test_ics(ordered: OrderedTimeline) -> None:
    text = render_export(ordered, "ics")
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    events = _vevents(text)
    assert sorted(events) == sorted(f"{i}@timeline" for i in ORDER if i != "rumour")
    vote = events["budget-vote@timeline"]
    assert vote.decoded("dtstart") == date(2021, 3, 2)
    assert vote.decoded("dtend") == date(2021, 3, 3)
    assert str(vote["summary"]) == "Council votes down the budget"
    assert str(vote["url"]) == "https://gazette.example/budget"
    assert vote["categories"].cats == ["election"]
    description = str(vote["description"])
    assert description.startswith("The council rejects the mayor’s budget by one vote.")
    assert "Date: 2 March 2021" in description
    assert "Council rejects the budget (Harbour Gazette, 2021-03-05)" in description
    talks = events["talks@timeline"]
    assert (talks.decoded("dtstart"), talks.decoded("dtend")) == (
        date(2021, 3, 2),
        date(2021, 3, 21),
    )
    assert "between 2 and 20 March 2021" in str(talks["description"])
    assert "url" not in talks
    deadline = events["deadline@timeline"]
    assert deadline.decoded("dtstart") == date(2021, 5, 31)
    assert "on or before 31 May 2021" in str(deadline["description"])


def test_ics_stamp_comes_from_the_data_or_source_date_epoch(
    ordered: OrderedTimeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    stamps = {e.decoded("dtstamp") for e in _vevents(render_export(ordered, "ics")).values()}
    assert stamps == {datetime(2021, 5, 31, tzinfo=timezone.utc)}  # the latest day in the data
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    stamps = {e.decoded("dtstamp") for e in _vevents(render_export(ordered, "ics")).values()}
    assert stamps == {datetime(2023, 11, 14, 22, 13, 20, tzinfo=timezone.utc)}


# -- TimelineJS ------------------------------------------------------------------------------


def test_timelinejs(ordered: OrderedTimeline) -> None:
    data = json.loads(render_export(ordered, "timelinejs"))
    assert data["title"] == {
        "text": {
            "headline": "Harbour town council crisis",
            "text": "How the budget vote went wrong.",
        }
    }
    slides = {s["unique_id"]: s for s in data["events"]}
    assert sorted(slides) == sorted(i for i in ORDER if i != "rumour")
    for slide in data["events"]:
        assert set(slide) <= {
            "start_date",
            "end_date",
            "text",
            "group",
            "unique_id",
            "display_date",
            "media",
            "timeline",  # the event as events.yaml has it, for timeline import
        }
        assert isinstance(slide["start_date"]["year"], int)
        assert set(slide["text"]) == {"headline", "text"}
    vote = slides["budget-vote"]
    assert vote["start_date"] == {"year": 2021, "month": 3, "day": 2}
    assert "end_date" not in vote
    assert vote["group"] == "election"
    assert vote["display_date"] == "2 March 2021"
    assert (
        '<a href="https://gazette.example/budget">Council rejects the budget</a>'
        in (vote["text"]["text"])
    )
    assert slides["sit-in"]["end_date"] == {"year": 2021, "month": 3, "day": 4}
    assert slides["sit-in"]["display_date"] == "3–4 March 2021"
    assert slides["talks"]["start_date"] == {"year": 2021, "month": 3, "day": 2}
    assert slides["talks"]["end_date"] == {"year": 2021, "month": 3, "day": 20}
    assert slides["audit"]["start_date"] == {"year": 2021, "month": 4}
    assert slides["audit"]["display_date"] == "April 2021 (approximate)"
    assert slides["deadline"]["start_date"] == {"year": 2021, "month": 5, "day": 31}
    assert slides["deadline"]["display_date"] == "on or before 31 May 2021"


def test_timelinejs_escapes_html(ordered: OrderedTimeline) -> None:
    slide = next(
        s
        for s in json.loads(render_export(ordered, "timelinejs"))["events"]
        if s["unique_id"] == "formula"
    )
    assert "<script>" not in slide["text"]["text"]
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;" in slide["text"]["text"]


# -- GraphML ---------------------------------------------------------------------------------


def test_graphml(ordered: OrderedTimeline) -> None:
    text = render_export(ordered, "graphml")
    assert text.startswith("<?xml version='1.0' encoding='utf-8'?>\n<graphml")
    graph = nx.read_graphml(io.BytesIO(text.encode("utf-8")))
    assert isinstance(graph, nx.DiGraph)
    assert list(graph.nodes) == ORDER
    assert sorted(graph.edges) == [
        ("budget-vote", "sit-in"),
        ("budget-vote", "talks"),
        ("talks", "new-vote"),
    ]
    assert graph.nodes["talks"] == {
        "title": "Mayor meets the opposition",
        "type": "meeting",
        "date": "",
        "earliest": "2021-03-02",
        "latest": "2021-03-20",
    }
    assert graph.nodes["sit-in"]["date"] == "2021-03-03/2021-03-04"


# -- all formats -----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_exports_are_deterministic(events_file: Path, fmt: str) -> None:
    first = export_timeline(str(events_file), fmt)
    assert first == export_timeline(str(events_file), fmt)
    assert first.endswith("\n")


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_shipped_timeline_exports(fmt: str) -> None:
    shipped = Path(__file__).resolve().parent.parent / "events.yaml"
    assert export_timeline(str(shipped), fmt)


def test_an_unknown_format_is_an_input_error(ordered: OrderedTimeline) -> None:
    with pytest.raises(InputError, match="unknown export format 'xml'"):
        render_export(ordered, "xml")


# -- the command -----------------------------------------------------------------------------


def test_cli_export_to_stdout(events_file: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--events", str(events_file), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert result.stdout == export_timeline(str(events_file), "json")


def test_cli_export_to_a_file(events_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    result = CliRunner().invoke(
        cli, ["export", "--events", str(events_file), "--format", "csv", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == f"wrote {target} (csv)\n"
    assert target.read_text(encoding="utf-8") == export_timeline(str(events_file), "csv")


def test_cli_export_of_an_invalid_file(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text(
        "title: Broken\nevents:\n  - id: vote\n    title: Vote\n    type: election\n"
        "    date: 2021-02-30\n    sources: [{source: nowhere}]\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["export", "--events", str(path), "--format", "json"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{path}:6:11: event 'vote': date '2021-02-30' is not a real day" in result.stderr
    assert result.stderr.splitlines()[-1].startswith(f"Error: {path}: ")


# -- the fast writers agree with the slow ones -------------------------------------------------

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(JSON_VALUES)
def test_json_text_is_json_dumps_with_indent(value: object) -> None:
    expected = json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    assert json_text(value) == expected


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_folded_lines_unfold_to_the_original_and_stay_short(text: str) -> None:
    line = "DESCRIPTION:" + text.replace("\r", "").replace("\n", "\\n")
    line += "\\\\n" * 30  # escaped backslashes next to escapes
    folded = fold_line(line)
    pieces = folded.split("\r\n ")
    assert "".join(pieces) == line
    assert all(len(piece.encode()) <= 74 for piece in pieces)
    escapes = {m.end() for m in re.finditer(r"\\.", line, re.DOTALL)} - {len(line)}
    cuts = set(itertools.accumulate(len(piece) for piece in pieces))
    assert not {cut + 1 for cut in cuts} & escapes  # never between '\\' and what it escapes


def test_a_long_non_ascii_description_round_trips(ordered: OrderedTimeline) -> None:
    summary = "Жапаров «назначен» премьер-министром; \\ и, ещё — " * 8
    ordered.placed[0] = replace(
        ordered.placed[0], event=replace(ordered.placed[0].event, summary=summary)
    )
    text = render_export(ordered, "ics")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    vote = _vevents(text)["budget-vote@timeline"]
    assert str(vote["description"]).startswith(summary)
