"""`timeline add`: one event from a phrase, appended without disturbing the file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from timeline.add import guess_type, parse_phrase, slugify, unique_slug
from timeline.cli import cli
from timeline.exceptions import InputError
from timeline.project import init_project
from timeline.schema import SLUG_PATTERN
from timeline.validate import load_timeline

ROOT = Path(__file__).resolve().parents[1]

SMALL = """\
# My notes.
title: Crisis
sources:
  tass-2020-10-21:   # the seed article
    title: Japarov stresses Russia's part
    published: 2020-10-21
  reporting:
    title: Public reporting

events:
  # The vote.
  - id: elections-held
    title: Kyrgyzstan votes
    date: 2020-10-04
    type: election
    sources:
      - source: tass-2020-10-21   # quote below
        quote: "parliamentary elections on October 4"

  - id: jeenbekov-resigns
    title: Jeenbekov resigns
    date: 2020-10-15
    type: resignation
    sources:
      - source: reporting
"""


@pytest.fixture
def events(tmp_path: Path) -> Path:
    path = tmp_path / "events.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


def add(events: Path, *args: str):
    return CliRunner().invoke(cli, ["add", *args, "--events", str(events)])


# -- the phrase --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "date", "title"),
    [
        (
            "October 15, 2020: President Jeenbekov resigns",
            "2020-10-15",
            "President Jeenbekov resigns",
        ),
        ("15 October 2020: Jeenbekov resigns.", "2020-10-15", "Jeenbekov resigns"),
        ("October 2020: Talks on a new constitution", "2020-10", "Talks on a new constitution"),
        ("2020: A year of crisis", "2020", "A year of crisis"),
        ("2020-10-16?: Isaev declines", "2020-10-16?", "Isaev declines"),
        ("2020-10-05/2020-10-06: Buildings stormed", "2020-10-05/2020-10-06", "Buildings stormed"),
        ("13/10/2020 — Isaev elected speaker", "2020-10-13", "Isaev elected speaker"),
        ("2020/10/13 - Isaev elected speaker", "2020-10-13", "Isaev elected speaker"),
        ("15 октября 2020: Жээнбеков уходит", "2020-10-15", "Жээнбеков уходит"),
        ("Oct. 6, 2020: Results: annulled", "2020-10-06", "Results: annulled"),
    ],
)
def test_phrases_are_read_with_their_precision(phrase: str, date: str, title: str) -> None:
    parsed = parse_phrase(phrase)
    assert (parsed.date.text, parsed.title) == (date, title)


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        (
            "03/04/2020: Talks",
            "'03/04/2020' is ambiguous: day 3 of month 4, or month 3 day 4? "
            "Write it as 2020-04-03 or 2020-03-04",
        ),
        (
            "October 15: Jeenbekov resigns",
            "the date 'October 15' has no year; write the date as YYYY-MM-DD, YYYY-MM or YYYY, "
            "e.g. '2020-10-15: Jeenbekov resigns'",
        ),
        (
            "yesterday: Jeenbekov resigns",
            "the date 'yesterday' has no year; write the date as YYYY-MM-DD, YYYY-MM or YYYY, "
            "e.g. '2020-10-15: Jeenbekov resigns'",
        ),
        (
            "03/04/20: Talks",
            "'03/04/20' has a two-digit year; write the date as YYYY-MM-DD, "
            "e.g. '2020-04-03: Talks'",
        ),
        (
            "Jeenbekov resigns",
            "cannot tell the date from the title in 'Jeenbekov resigns'; write 'DATE: TITLE', "
            "e.g. '2020-10-15: President Jeenbekov resigns'",
        ),
        (
            "Q3 2020: Talks",
            "'Q3 2020' is a quarter, not a day, month or year; write the date as YYYY-MM-DD, "
            "YYYY-MM or YYYY, e.g. '2020-10-15: Talks'",
        ),
        (
            "sometime in 2020: Talks",
            "cannot read 'sometime in 2020' as a date; write the date as YYYY-MM-DD, YYYY-MM or "
            "YYYY, e.g. '2020-10-15: Talks'",
        ),
    ],
)
def test_unclear_dates_ask_for_clarification(phrase: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_phrase(phrase)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("President Jeenbekov resigns", "resignation"),
        ("Prime Minister Boronov steps down", "resignation"),
        ("Kyrgyzstan votes for a new parliament", "election"),
        ("Repeat ballot scheduled", "election"),
        ("Protesters rally in Bishkek", "protest"),
        ("Atambayev is detained again", "arrest"),
        ("Police arrest Atambayev", "arrest"),
        ("Crowds free Atambayev", "release"),
        ("Japarov released from prison", "release"),
        ("Japarov appointed prime minister", "appointment"),
        ("Japarov named prime minister", "appointment"),
        ("Constitutional court ruling on the vote", "court"),
        ("Court annuls the election", "court"),
        ("Voters protest the results", "protest"),
        ("Commission annuls the results", "court"),
        ("Japarov meets the Russian ambassador", "meeting"),
        ("Kozak visits Bishkek for talks", "meeting"),
        ("Jeenbekov declares a state of emergency", "legislation"),
        ("New law on elections", "legislation"),  # the more specific act wins
        ("Parties reach a deal", "agreement"),
        ("Rival groups clash", "violence"),
        ("Protesters storm the White House", "violence"),
        ("Buildings stormed overnight", "violence"),
        ("Parliament must set a date", "deadline"),
        ("Date to be set by December 20", "deadline"),
        ("Buildings seized by the crowd", "violence"),
        ("Documents found by journalists", "other"),
        ("Weather turns cold", "other"),
    ],
)
def test_type_is_guessed_from_the_words(title: str, expected: str) -> None:
    assert guess_type(title) == expected


# -- the id ------------------------------------------------------------------------------


def test_slugs() -> None:
    assert slugify("President Jeenbekov resigns!") == "president-jeenbekov-resigns"
    assert slugify("Жээнбеков уходит") == "zheenbekov-ukhodit"
    assert slugify("Élection annulée") == "election-annulee"
    assert slugify("!!!") == "event"
    assert len(slugify("word " * 40)) <= 60
    assert unique_slug("a", {"a", "a-2"}) == "a-3"


@given(st.text(max_size=200), st.sets(st.from_regex(SLUG_PATTERN, fullmatch=True), max_size=20))
def test_generated_ids_are_slugs_and_unique(title: str, existing: set[str]) -> None:
    base = slugify(title)
    existing |= {base, f"{base}-2"}  # make the collision path run every time
    ident = unique_slug(base, existing)
    assert re.fullmatch(SLUG_PATTERN, ident)
    assert ident not in existing


# -- the file ----------------------------------------------------------------------------


def test_add_prints_the_id_and_appends_only_the_event(events: Path) -> None:
    result = add(
        events,
        "October 21, 2020: Japarov meets the Russian ambassador",
        "--source",
        "tass-2020-10-21",
        "--quote",
        "Japarov said: thanks",
        "--actor",
        "Sadyr Japarov",
        "--actor",
        "Alexei Krivosheyev",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == "japarov-meets-the-russian-ambassador\n"
    assert result.stderr == (
        f"added 2020-10-21 meeting (guessed; use --type to choose) to {events}\n"
    )
    assert events.read_text(encoding="utf-8") == SMALL + (
        "\n"
        "  - id: japarov-meets-the-russian-ambassador\n"
        "    title: Japarov meets the Russian ambassador\n"
        "    date: 2020-10-21\n"
        "    type: meeting\n"
        "    actors: [Sadyr Japarov, Alexei Krivosheyev]\n"
        "    sources:\n"
        "      - source: tass-2020-10-21\n"
        "        quote: 'Japarov said: thanks'\n"
    )
    timeline, _ = load_timeline(events)
    assert timeline.event("japarov-meets-the-russian-ambassador").actors == (
        "Sadyr Japarov",
        "Alexei Krivosheyev",
    )


def test_month_and_year_precision_are_written_as_edtf(events: Path) -> None:
    assert add(events, "October 2020: Talks go on", "--source", "reporting").exit_code == 0
    assert add(events, "2021: Constitution changed", "--source", "reporting").exit_code == 0
    text = events.read_text(encoding="utf-8")
    assert "    date: 2020-10\n" in text
    assert "    date: 2021\n" in text
    timeline, _ = load_timeline(events)
    assert timeline.event("talks-go-on").date.precision == "month"
    assert timeline.event("constitution-changed").date.precision == "year"


def test_given_type_is_used_and_ids_stay_unique(events: Path) -> None:
    first = add(
        events, "2020-10-16: Jeenbekov resigns", "--source", "reporting", "--type", "statement"
    )
    second = add(events, "2020-10-17: Jeenbekov resigns", "--source", "reporting")
    assert first.stdout == "jeenbekov-resigns-2\n"
    assert first.stderr == f"added 2020-10-16 statement to {events}\n"
    assert second.stdout == "jeenbekov-resigns-3\n"
    timeline, _ = load_timeline(events)
    assert timeline.event("jeenbekov-resigns-2").type == "statement"


def test_a_source_is_required_and_the_defined_ones_are_named(events: Path) -> None:
    result = add(events, "2020-10-15: Jeenbekov resigns")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: every event needs a source; add --source ID (defined: reporting, "
        "tass-2020-10-21), or --source-url URL to cite a link (it is added under 'sources:')\n"
    )
    assert events.read_text(encoding="utf-8") == SMALL


def test_an_unknown_source_is_refused_with_how_to_define_it(events: Path) -> None:
    result = add(events, "2020-10-15: Jeenbekov resigns", "--source", "akipress")
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: unknown source 'akipress' (defined: reporting, tass-2020-10-21); "
        f"define it first under 'sources:' in {events}, e.g.\n"
        "  sources:\n"
        "    akipress:\n"
        "      title: Headline of the article\n"
        "      url: https://example.org/article\n"
    )
    assert events.read_text(encoding="utf-8") == SMALL


def test_quote_needs_a_source(events: Path) -> None:
    result = add(events, "2020-10-15: Jeenbekov resigns", "--quote", "he left")
    assert result.exit_code == 2
    assert result.stderr == "Error: --quote needs --source: the quote is from that source\n"


def test_unclear_date_exits_2_and_writes_nothing(events: Path) -> None:
    result = add(events, "03/04/2020: Talks", "--source", "reporting")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Error: '03/04/2020' is ambiguous")
    assert events.read_text(encoding="utf-8") == SMALL


def test_an_invalid_file_is_refused_with_located_errors(events: Path) -> None:
    broken = SMALL.replace("date: 2020-10-15", "date: 2020-02-30")
    events.write_text(broken, encoding="utf-8")
    result = add(events, "2020-10-16: Isaev declines", "--source", "reporting")
    assert result.exit_code == 1
    assert result.stderr == (
        f"{events}:22:11: event 'jeenbekov-resigns': date '2020-02-30' is not a real day "
        "(February 2020 has 29 days)\n"
        f"Error: {events}: 1 error\n"
    )
    assert events.read_text(encoding="utf-8") == broken


def test_a_yaml_syntax_error_is_located(events: Path) -> None:
    broken = SMALL + "  - id: [unclosed\n"
    events.write_text(broken, encoding="utf-8")
    result = add(events, "2020-10-16: Isaev declines", "--source", "reporting")
    assert result.exit_code == 1
    assert re.match(rf"{re.escape(str(events))}:2[5-7]:\d+: YAML syntax error", result.stderr)
    assert events.read_text(encoding="utf-8") == broken


def test_first_event_in_a_new_project(tmp_path: Path) -> None:
    init_project(tmp_path)
    path = tmp_path / "events.yaml"
    result = add(path, "October 15, 2020: Jeenbekov resigns")
    assert result.exit_code == 2
    assert "or --source-url URL to cite a link" in result.stderr
    text = path.read_text(encoding="utf-8").replace(
        "sources: {}\n", "sources:\n  reporting:\n    title: Public reporting\n"
    )
    path.write_text(text, encoding="utf-8")
    result = add(path, "October 15, 2020: Jeenbekov resigns", "--source", "reporting")
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    assert after.startswith(text.split("events: []")[0])  # comments above kept
    assert "events:\n  - id: jeenbekov-resigns\n    title: Jeenbekov resigns\n" in after
    assert "#   - id: jeenbekov-resigns" in after  # the commented example is still there
    load_timeline(path)


def test_the_shipped_events_yaml_keeps_every_line(tmp_path: Path) -> None:
    original = (ROOT / "events.yaml").read_text(encoding="utf-8")
    path = tmp_path / "events.yaml"
    path.write_text(original, encoding="utf-8")
    result = add(path, "October 21, 2020: Japarov meets the ambassador", "--source", "reporting")
    assert result.exit_code == 0, result.output
    after = path.read_text(encoding="utf-8")
    assert after.startswith(original.rstrip("\n"))
    assert after.count("\n  - id: ") == original.count("\n  - id: ") + 1


# -- sources by link, duplicates, impossible days ----------------------------------------


def test_source_url_defines_the_source_once(events: Path) -> None:
    url = "https://www.akipress.example/news/2020/10/15/jeenbekov"
    first = add(events, "2020-10-16: Japarov takes on the powers of the president",
                "--source-url", url, "--source-title", "Japarov acts as president",
                "--quote", "assumed the powers")  # fmt: skip
    assert first.exit_code == 0, first.output
    assert first.stderr.splitlines()[0] == f"defined source 'akipress-example-jeenbekov' for {url}"
    second = add(events, "2020-10-17: Parliament meets", "--source-url", url)
    assert second.exit_code == 0, second.output
    assert "defined source" not in second.stderr
    text = events.read_text(encoding="utf-8")
    assert (
        "  akipress-example-jeenbekov:\n"
        "    title: Japarov acts as president\n"
        "    publisher: akipress.example\n"
        f"    url: {url}\n"
    ) in text
    timeline, _ = load_timeline(events)
    assert timeline.event("parliament-meets").sources[0].source == "akipress-example-jeenbekov"
    assert timeline.event("japarov-takes-on-the-powers-of-the-president").sources[0].quote == (
        "assumed the powers"
    )


def test_source_url_in_a_new_project_titles_the_source_by_its_address(tmp_path: Path) -> None:
    init_project(tmp_path)
    path = tmp_path / "events.yaml"
    result = add(path, "October 15, 2020: Jeenbekov resigns", "--source-url",
                 "https://tass.example/politics/1213841")  # fmt: skip
    assert result.exit_code == 0, result.output
    timeline, _ = load_timeline(path)
    source = timeline.sources["tass-example-1213841"]
    assert (source.title, source.publisher) == ("tass.example/politics/1213841", "tass.example")
    assert "sources:\n  tass-example-1213841:\n" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--source", "reporting", "--source-url", "https://a.example/x"],
            "give --source ID or --source-url URL, not both",
        ),
        (
            ["--source-title", "A title"],
            "--source-title needs --source-url: it is the title of that source",
        ),
        (
            ["--source-url", "ftp://a.example/x"],
            "--source-url 'ftp://a.example/x' is not an http(s) link",
        ),
    ],
)
def test_source_options_are_checked(events: Path, args: list[str], message: str) -> None:
    result = add(events, "2020-10-16: Isaev declines", *args)
    assert result.exit_code == 2
    assert result.stderr == f"Error: {message}\n"
    assert events.read_text(encoding="utf-8") == SMALL


def test_the_same_title_on_the_same_day_is_refused(events: Path) -> None:
    result = add(events, "15 October 2020: Jeenbekov  RESIGNS", "--source", "reporting")
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: 'Jeenbekov RESIGNS' on 15 October 2020 is already in {events} "
        "(event 'jeenbekov-resigns', line 20); nothing added. Edit that event, or give this "
        "one a title that tells them apart\n"
    )
    assert events.read_text(encoding="utf-8") == SMALL
    other_day = add(events, "2020-10-16: Jeenbekov resigns", "--source", "reporting")
    assert other_day.exit_code == 0 and other_day.stdout == "jeenbekov-resigns-2\n"


@pytest.mark.parametrize(
    "phrase", ["2024-02-30: Vote", "February 30, 2024: Vote", "30 February 2024: Vote"]
)
def test_an_impossible_day_gets_the_validator_message(events: Path, phrase: str) -> None:
    result = add(events, phrase, "--source", "reporting")
    assert result.exit_code == 2
    assert "is not a real day (February 2024 has 29 days" in result.stderr
    assert "write the date as" not in result.stderr
    assert events.read_text(encoding="utf-8") == SMALL
    invalid = SMALL.replace("date: 2020-10-15", "date: 2024-02-30")
    events.write_text(invalid, encoding="utf-8")
    validated = CliRunner().invoke(cli, ["validate", str(events)])
    assert "date '2024-02-30' is not a real day (February 2024 has 29 days)" in validated.stderr
