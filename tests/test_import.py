"""`timeline import`: TimelineJS JSON and its spreadsheet template (CSV) into events.yaml."""

from __future__ import annotations

import difflib
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.cli import cli
from timeline.dates import parse_edtf
from timeline.exports import render_export
from timeline.graph import order_timeline
from timeline.imports.htmltext import html_to_text
from timeline.model import Event, Media, Source, SourceRef, Timeline
from timeline.validate import load_timeline

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "golden" / "fixture" / "events.yaml"

HEADER = (
    "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,"
    "Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n"
)


def run(*args: str):
    return CliRunner().invoke(cli, ["import", *args])


def same_events(a: Timeline, b: Timeline) -> None:
    """The same events, whatever their order in the file (the site orders them)."""

    def events(t: Timeline) -> list[Event]:
        return sorted((replace(e, line=0) for e in t.events), key=lambda e: e.id)

    assert events(a) == events(b)


# -- round trip ---------------------------------------------------------------------------


@pytest.mark.parametrize("source", [ROOT / "events.yaml", FIXTURE])
def test_export_then_import_gives_the_same_events(tmp_path: Path, source: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    if (source.parent / "media").is_dir():  # the fixture's image, beside the new file
        shutil.copytree(source.parent / "media", project / "media")
    exported = tmp_path / "timeline.json"
    result = CliRunner().invoke(
        cli, ["export", "--format", "timelinejs", "--events", str(source), "-o", str(exported)]
    )
    assert result.exit_code == 0, result.output
    target = project / "events.yaml"
    result = run(str(exported), "--events", str(target))
    assert result.exit_code == 0, result.output
    original, _ = load_timeline(source)
    imported, warnings = load_timeline(target)
    assert warnings == []
    same_events(original, imported)
    assert imported.sources == original.sources
    assert (imported.title, imported.description) == (original.title, original.description)
    assert result.stdout == f"imported {len(original.events)} events into {target} (new file)\n"
    again = run(str(exported), "--events", str(target))
    assert again.exit_code == 0
    assert (
        again.stdout == f"imported 0 events into {target}; {len(original.events)} already there\n"
    )


def title_text() -> st.SearchStrategy[str]:
    return (
        st.text(
            st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")), min_size=1, max_size=40
        )
        .map(lambda s: " ".join(s.split()))
        .filter(bool)
    )


@st.composite
def timelines(draw: st.DrawFn) -> Timeline:
    count = draw(st.integers(1, 6))
    events = []
    for i in range(count):
        day = draw(st.integers(1, 28))
        shape = draw(st.sampled_from(["day", "month", "span", "window", "undated"]))
        dates: dict[str, object] = {}
        if shape == "day":
            dates["date"] = parse_edtf(f"2021-03-{day:02d}")
        elif shape == "month":
            dates["date"] = parse_edtf(f"2021-0{draw(st.integers(1, 9))}~")
        elif shape == "span":
            dates["date"] = parse_edtf(f"2021-03-{day:02d}/2021-04-{day:02d}")
        elif shape == "window":
            dates["not_before"] = parse_edtf(f"2021-03-{day:02d}")
            dates["not_after"] = parse_edtf("2021-05-01")
        media = None
        if draw(st.booleans()):
            media = Media(alt=draw(title_text()), url="https://example.org/p.jpg",
                          caption=draw(st.sampled_from(["", "A caption"])))  # fmt: skip
        events.append(
            Event(
                id=f"event-{i}",
                title=draw(title_text()),
                type=draw(st.sampled_from(["election", "protest", "court", "other"])),
                summary=draw(st.sampled_from(["", "One paragraph.", "A <b>bold</b> & odd one"])),
                sources=(SourceRef("wire", draw(st.sampled_from([None, "a quote"]))),),
                actors=tuple(draw(st.lists(title_text(), max_size=2, unique=True))),
                key=draw(st.sampled_from([None, True, False])),
                media=media,
                after=(f"event-{i - 1}",) if i and shape == "undated" else (),
                **dates,  # type: ignore[arg-type]
            )
        )
    return Timeline("Generated", sources={"wire": Source("wire", "Wire")}, events=events)


@settings(max_examples=40)
@given(timelines())
def test_round_trip_property(tmp_path_factory: pytest.TempPathFactory, timeline: Timeline) -> None:
    from timeline.imports import import_file

    folder = tmp_path_factory.mktemp("rt")
    exported = folder / "t.json"
    exported.write_text(render_export(order_timeline(timeline), "timelinejs"), encoding="utf-8")
    import_file(exported, folder / "events.yaml")
    back, _ = load_timeline(folder / "events.yaml")
    same_events(timeline, back)


def test_plain_timelinejs_json(tmp_path: Path) -> None:
    """A newsroom's TimelineJS file: no events.yaml extras; HTML text; groups."""
    data = {
        "title": {"text": {"headline": "The <i>crisis</i>", "text": "<p>What happened.</p>"}},
        "events": [
            {
                "start_date": {"year": "2020", "month": "10", "day": "4"},
                "text": {
                    "headline": "Kyrgyzstan votes",
                    "text": "<p>Polls open.</p><p>Turnout low.</p>",
                },
                "media": {"url": "https://example.org/v.jpg", "caption": "<b>Queues</b>",
                          "credit": "Agency"},
                "group": "Election",
                "unique_id": "vote",
            },
            {
                "start_date": {"year": 2020, "month": 10, "day": 5},
                "end_date": {"year": 2020, "month": 10, "day": 6},
                "text": {"headline": "Protesters take over the White House &amp; more"},
                "group": "Unrest",
            },
            {"start_date": {"year": 2020, "month": 11}, "text": {"headline": "A month later"}},
        ],
        "eras": [{"start_date": {"year": 2020}, "end_date": {"year": 2021},
                  "text": {"headline": "Crisis"}}],
    }  # fmt: skip
    source = tmp_path / "crisis.json"
    text = json.dumps(data, indent=2)
    source.write_text(text, encoding="utf-8")
    era_line = text.splitlines().index('  "eras": [') + 2
    target = tmp_path / "events.yaml"
    result = run(str(source), "--events", str(target))
    assert result.exit_code == 0, result.output
    assert "era 'Crisis' is a period, not an event; not imported" in result.stderr
    assert f"{source}:{era_line}:5: warning: era" in result.stderr
    timeline, _ = load_timeline(target)
    assert timeline.title == "The crisis" and timeline.description == "What happened."
    vote, storm, later = timeline.events
    assert (vote.id, vote.type, vote.date.text, vote.summary) == (
        "vote",
        "election",
        "2020-10-04",
        "Polls open.\n\nTurnout low.",
    )
    assert vote.media == Media(alt="Queues", url="https://example.org/v.jpg", caption="Queues",
                               credit="Agency")  # fmt: skip
    assert storm.title == "Protesters take over the White House & more"
    assert storm.date.text == "2020-10-05/2020-10-06"
    assert storm.tags == ("Unrest",)  # not a type: kept as a tag; the type is guessed
    assert later.date.text == "2020-11"
    assert timeline.sources == {
        "crisis-timelinejs": Source("crisis-timelinejs", "The crisis", path="crisis.json")
    }
    assert all(e.sources == (SourceRef("crisis-timelinejs"),) for e in timeline.events)


def test_bad_slides_are_located(tmp_path: Path) -> None:
    source = tmp_path / "bad.json"
    source.write_text(
        '{"events": [\n'
        '  {"start_date": {"year": 2020, "month": 2, "day": 30}, "text": {"headline": "Vote"}},\n'
        '  {"text": {"headline": "No date"}},\n'
        '  {"start_date": {"year": 2020}}\n'
        "]}\n",
        encoding="utf-8",
    )
    result = run(str(source), "--events", str(tmp_path / "events.yaml"))
    assert result.exit_code == 1
    assert result.stderr == (
        f"{source}:2:3: slide 'Vote': start date '2020-02-30' is not a real day "
        "(February 2020 has 29 days)\n"
        f"{source}:3:3: slide 'No date': no start date (Year is empty)\n"
        f"{source}:4:3: a slide: no headline: every event needs a title\n"
        f"Error: {source}: 3 errors; nothing imported (fix these rows, or add --skip-bad to "
        "import the rest)\n"
    )
    assert not (tmp_path / "events.yaml").exists()
    broken = tmp_path / "broken.json"
    broken.write_text('{"events": [\n  {"x": 1,}\n]}', encoding="utf-8")
    result = run(str(broken))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{broken}:2:11: not valid JSON: Expecting property name")


# -- the spreadsheet ------------------------------------------------------------------------


def test_spreadsheet_rows_become_events(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        HEADER
        + ",,,,,,,,,Riverton in <b>2021</b>,An invented <i>story</i>,,,,,title,,\n"
        + "2021,3,2,,,,,,,Council rejects the budget,<p>Seven votes to four.</p>,,,,,,election,\n"
        + '2021,3,8,,2021,3,10,,,Workers strike,"Three days,\nno rubbish collected",'
        "https://example.org/strike.jpg,Photo: Gazette,Pickets,,,Labour,\n"
        + "2021,4,,,,,,,,Talks in April,,,,,,,,\n",
        encoding="utf-8",
    )
    target = tmp_path / "events.yaml"
    result = run(str(sheet), "--events", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"imported 3 events into {target} (new file)\n"
    timeline, _ = load_timeline(target)
    assert timeline.title == "Riverton in 2021"
    rejected, strike, talks = timeline.events
    assert (rejected.id, rejected.type, rejected.summary) == (
        "council-rejects-the-budget",
        "election",
        "Seven votes to four.",
    )
    assert strike.date.text == "2021-03-08/2021-03-10"
    assert strike.summary == "Three days, no rubbish collected"
    assert strike.media == Media(alt="Pickets", url="https://example.org/strike.jpg",
                                 caption="Pickets", credit="Photo: Gazette")  # fmt: skip
    assert strike.tags == ("Labour",)
    assert talks.date.text == "2021-04"
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=events.schema.json\n")
    assert "\n  - id: council-rejects-the-budget\n    title: Council rejects the budget\n" in text


def test_every_bad_row_is_reported_by_line(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        HEADER
        + "2021,3,2,,,,,,,Good row,,,,,,,,\n"
        + "2021,13,2,,,,,,,Bad month,,,,,,,,\n"
        + "2024,2,30,,,,,,,Bad day,,,,,,,,\n"
        + "2021,3,9,,2021,3,1,,,Ends first,,,,,,,,\n"
        + ",,,,,,,,,No year,,,,,,,,\n"
        + "2021,3,4,,,,,,,,headline missing,,,,,,,\n"
        + "2021,3,5,,,,,,,Bad media,,javascript:alert(1),,,,,,\n"
        + "twenty,3,5,,,,,,,Words for a year,,,,,,,,\n"
        + "2020,,,,2021,,,,,The long crisis,,,,,,era,,\n",
        encoding="utf-8",
    )
    target = tmp_path / "events.yaml"
    result = run(str(sheet), "--events", str(target))
    assert result.exit_code == 1
    s = str(sheet)
    assert result.stderr == (
        f"{s}:3:6: start date month '13' is not a month number (1 to 12)\n"
        f"{s}:4:8: start date '2024-02-30' is not a real day (February 2024 has 29 days)\n"
        f"{s}:5:11: the end date (2021-03-01) is before the start date (2021-03-09)\n"
        f"{s}:6:1: no start date (Year is empty)\n"
        f"{s}:7:16: no headline: every event needs a title\n"
        f"{s}:8:27: warning: media 'javascript:alert(1)' is not an http(s) link; "
        "the event is imported without it\n"
        f"{s}:9:1: start date year 'twenty' is not a year from 1 to 9999\n"
        f"{s}:10:39: warning: era 'The long crisis' is a period, not an event; not imported\n"
        f"Error: {s}: 6 errors, 2 warnings; nothing imported (fix these rows, or add "
        "--skip-bad to import the rest)\n"
    )
    assert not target.exists()
    result = run(str(sheet), "--events", str(target), "--skip-bad")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"imported 2 events into {target} (new file); 6 rows skipped\n"
    assert f"{s}:3:6: start date month '13'" in result.stderr
    timeline, _ = load_timeline(target)
    assert [e.title for e in timeline.events] == ["Good row", "Bad media"]
    assert timeline.events[1].media is None


def test_not_the_template(tmp_path: Path) -> None:
    sheet = tmp_path / "other.csv"
    sheet.write_text("date,what\n2021-03-02,Vote\n", encoding="utf-8")
    result = run(str(sheet))
    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"{sheet}:1:1: not TimelineJS's template: no 'Year' or 'Headline' column\n"
    )


def test_importing_into_an_existing_file_keeps_it_and_makes_ids_unique(tmp_path: Path) -> None:
    target = tmp_path / "events.yaml"
    shutil.copy(FIXTURE, target)
    (tmp_path / "media").mkdir()
    shutil.copy(FIXTURE.parent / "media" / "town-hall.png", tmp_path / "media")
    before = target.read_text(encoding="utf-8")
    sheet = tmp_path / "more.csv"
    sheet.write_text(
        HEADER
        + "2021,3,2,,,,,,,Town council rejects the draft budget,,,,,,,election,\n"  # there already
        + "2021,6,1,,,,,,,Audit published,,,,,,,,\n"
        + "2021,6,2,,,,,,,Audit published,,,,,,,,\n",  # same title, another day
        encoding="utf-8",
    )
    result = run(str(sheet), "--events", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"imported 2 events into {target}; 1 already there\n"
    after = target.read_text(encoding="utf-8")
    changes = difflib.ndiff(before.splitlines(), after.splitlines())
    assert not [line for line in changes if line.startswith("- ")]  # only additions
    timeline, _ = load_timeline(target)
    assert [e.id for e in timeline.events[-2:]] == ["audit-published", "audit-published-2"]
    assert timeline.sources["more-timelinejs"].path == "more.csv"


def test_html_to_text_drops_scripts_and_keeps_paragraphs() -> None:
    assert html_to_text("<p>One\nline</p><p>Two &amp; <b>three</b></p><script>x()</script>") == (
        "One line\n\nTwo & three"
    )
    assert html_to_text('<iframe src="https://evil.example"></iframe>Text') == "Text"


def test_import_help_teaches() -> None:
    result = CliRunner().invoke(cli, ["import", "--help"])
    assert result.exit_code == 0
    for words in ("TimelineJS JSON", "--skip-bad", "Examples:", "timeline import sheet.csv"):
        assert words in result.output
