"""Key events: the importance score, pins, `list --key`, `export` and `timeline digest`."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import cli
from timeline.importance import (
    COUNTS,
    Scorer,
    default_scorer,
    importance,
    key_events,
    load_scorer,
    rank_days,
    signals,
)
from timeline.learn import Model, fit_logistic, sigmoid
from timeline.validate import load_timeline

TIMELINE = """\
title: Valdoria
sources:
  a: {title: Wire A, published: 2021-03-03, mentions: {2021-03-02: 3, 2021-03-01: 1}}
  b: {title: Wire B, published: 2021-03-03, mentions: {2021-03-02: 2}}
  c: {title: Wire C, published: 2021-03-04, mentions: {2021-03-02: 1, 2021-03-05: 4}}
events:
  - id: berg-resigns
    title: Berg resigns
    date: 2021-03-02
    type: resignation
    sources:
      - {source: a, quote: Berg resigned on Tuesday., paragraph: 0}
      - {source: b, quote: Berg stepped down., paragraph: 0}
      - {source: c, quote: Berg quit on Monday., paragraph: 1, date: 2021-03-01}
  - id: lind-appointed
    title: Lind appointed
    date: 2021-03-01
    type: appointment
    sources: [{source: a, quote: Lind was appointed., paragraph: 5}]
  - id: talks
    title: Talks
    not_before: 2021-03-01
    type: meeting
    sources: [{source: b}]
  - id: holm-arrested
    title: Holm arrested
    date: 2021-03-03
    type: arrest
    key: true
    sources: [{source: c}]
  - id: rumour
    title: A rumour
    date: 2021-03-02
    type: statement
    key: false
    sources: [{source: c}]
"""


@pytest.fixture
def events(tmp_path: Path) -> Path:
    path = tmp_path / "events.yaml"
    path.write_text(TIMELINE, encoding="utf-8")
    return path


def scale(count: int, largest: int) -> float:
    return round(math.log1p(count) / math.log1p(largest), 6)


def test_signals_are_the_documented_counts_scaled_to_the_file(events: Path) -> None:
    timeline, _ = load_timeline(events)
    found = signals(timeline)
    assert found.events["berg-resigns"] == {
        "sources": 1.0,
        "lead": 1.0,
        "type:resignation": 1.0,
        "mentioned_by": 1.0,  # all three articles mention 2 March
        "mentioned_later": 1.0,  # all published after it
        "published": 0.0,
        "day_reports": 1.0,  # three articles report an event that day
    }
    assert found.events["lind-appointed"] == {
        "sources": scale(1, 3),
        "lead": 0.0,
        "type:appointment": 1.0,
        "mentioned_by": scale(1, 3),
        "mentioned_later": scale(1, 3),
        "published": 0.0,
        "day_reports": scale(1, 3),
    }
    assert found.events["talks"] == {"sources": scale(1, 3), "lead": 0.0, "type:meeting": 1.0}
    assert list(found.days) == [__import__("datetime").date(2021, 3, 5)]  # no event that day
    assert found.days[next(iter(found.days))]["no_event"] == 1.0
    assert set(COUNTS) <= set(found.events["berg-resigns"]) | {"published"}


def test_pins_win_and_scores_follow_the_weights(events: Path) -> None:
    timeline, _ = load_timeline(events)
    scorer = Scorer(Model(-2.0, {"sources": 3.0, "mentioned_by": 1.0}), threshold=0.5)
    scores = importance(timeline, scorer)
    assert scores["holm-arrested"] == 1.0 and scores["rumour"] == 0.0
    assert scores["berg-resigns"] == round(sigmoid(-2.0 + 3.0 + 1.0), 6)
    assert scores["talks"] == round(sigmoid(-2.0 + 3.0 * scale(1, 3)), 6)
    ranked = [e.id for e in key_events(timeline, scorer=scorer)]
    assert ranked == ["holm-arrested", "berg-resigns", "lind-appointed"]  # talks: 0.38
    assert [e.id for e in key_events(timeline, top=2, scorer=scorer)] == [
        "holm-arrested",
        "berg-resigns",
    ]
    strict = Scorer(scorer.model, threshold=0.8)
    assert [e.id for e in key_events(timeline, scorer=strict)] == ["holm-arrested", "berg-resigns"]


def test_days_rank_by_their_best_event_and_gaps_are_days_without_events(events: Path) -> None:
    timeline, _ = load_timeline(events)
    scorer = Scorer(Model(-2.0, {"sources": 3.0, "mentioned_by": 1.0, "no_event": -5.0}))
    days = rank_days(timeline, scorer)
    assert [(d.day.isoformat(), [e.id for e in d.events]) for d in days] == [
        ("2021-03-03", ["holm-arrested"]),
        ("2021-03-02", ["berg-resigns"]),  # the pinned-out rumour is left out
        ("2021-03-01", ["lind-appointed"]),
        ("2021-03-05", []),
    ]
    assert (days[-1].mentions, days[-1].mentioned_by) == (4, 1)


def test_the_shipped_weights_load_and_rise_with_reports_and_mentions() -> None:
    scorer = default_scorer()
    assert scorer.model.weights["sources"] > 0 and scorer.model.weights["mentioned_by"] > 0
    assert 0 < scorer.threshold < 1
    assert set(scorer.model.weights) <= {*COUNTS, "no_event"} | {
        f"type:{t}"
        for t in json.loads(Path("timeline/events.schema.json").read_text())["properties"][
            "events"
        ]["items"]["properties"]["type"]["enum"]
    }
    assert load_scorer(Path("timeline/importance.json")) == scorer


def test_logistic_regression_recovers_the_log_odds() -> None:
    # x=1: 3 of 4 positive; x=0: 1 of 4 positive. Unpenalised, the fit is exact.
    rows = [{"x": 1.0}] * 4 + [{}] * 4
    labels = [True, True, True, False, True, False, False, False]
    model = fit_logistic(rows, labels, l2=0.0)
    assert model.bias == pytest.approx(math.log(1 / 3), abs=1e-6)
    assert model.weights["x"] == pytest.approx(math.log(3) - math.log(1 / 3), abs=1e-6)
    weighted = fit_logistic(rows, labels, [2.0, 2, 2, 1, 1, 1, 1, 1], l2=0.0)
    assert weighted.weights["x"] > model.weights["x"]


# -- the commands ------------------------------------------------------------------------------


def test_list_key_shows_key_events_in_timeline_order_with_their_importance(events: Path) -> None:
    result = CliRunner().invoke(cli, ["list", "--events", str(events), "--key", "--top", "2"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["#", "When", "Type", "Id", "Title", "Importance"]
    assert [line.split()[-1] for line in lines[1:]] == [
        f"{importance(load_timeline(events)[0])['berg-resigns']:.2f}",
        "1.00",
    ]
    assert [line.split()[5] for line in lines[1:]] == ["berg-resigns", "holm-arrested"]
    assert result.stderr == "2 of 5 events\n"


def test_list_key_never_shows_an_event_pinned_false(events: Path) -> None:
    result = CliRunner().invoke(cli, ["list", "--events", str(events), "--key"])
    assert result.exit_code == 0
    assert "holm-arrested" in result.stdout and "rumour" not in result.stdout


def test_list_top_must_be_positive(events: Path) -> None:
    result = CliRunner().invoke(cli, ["list", "--events", str(events), "--top", "0"])
    assert result.exit_code == 2
    assert result.stderr == "Error: --top must be 1 or more, not 0\n"


def test_export_json_carries_importance_and_key(events: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "--events", str(events), "--format", "json"])
    assert result.exit_code == 0
    data = {e["id"]: e for e in json.loads(result.stdout)["events"]}
    expected = importance(load_timeline(events)[0])
    assert {i: e["importance"] for i, e in data.items()} == expected
    assert (data["holm-arrested"]["key"], data["rumour"]["key"]) == (True, False)
    threshold = default_scorer().threshold
    assert data["berg-resigns"]["key"] == (expected["berg-resigns"] >= threshold)
    claim = data["berg-resigns"]["sources"][2]
    assert (claim["source"], claim["date"], claim["paragraph"]) == ("c", "2021-03-01", 1)


def test_digest_markdown_lists_the_top_days_one_line_per_event(events: Path) -> None:
    result = CliRunner().invoke(cli, ["digest", str(events), "--top", "2"])
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "# Valdoria: the 2 key days\n"
        "\n"
        "| day | event | sources |\n"
        "|---|---|---:|\n"
        "| 2021-03-03 | Holm arrested | 1 |\n"
        "| 2021-03-02 | Berg resigns | 3 |\n"
    )


def test_digest_json_and_days_without_events(events: Path) -> None:
    result = CliRunner().invoke(cli, ["digest", str(events), "--top", "10", "-f", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [d["day"] for d in data["days"]][:2] == ["2021-03-03", "2021-03-02"]
    assert sorted(d["day"] for d in data["days"]) == [
        "2021-03-01",
        "2021-03-02",
        "2021-03-03",
        "2021-03-05",
    ]
    gap = next(d for d in data["days"] if d["day"] == "2021-03-05")
    assert (gap["events"], gap["mentions"], gap["mentioned_by"]) == ([], 4, 1)
    berg = next(d for d in data["days"] if d["day"] == "2021-03-02")["events"][0]
    assert berg == {
        "id": "berg-resigns",
        "title": "Berg resigns",
        "type": "resignation",
        "sources": 3,
        "importance": importance(load_timeline(events)[0])["berg-resigns"],
    }
    markdown = CliRunner().invoke(cli, ["digest", str(events), "--top", "10"]).stdout
    assert "| 2021-03-05 | *no event extracted; mentioned 4 times in 1 articles* | |" in markdown


def test_digest_of_an_invalid_file_reports_located_errors(tmp_path: Path) -> None:
    path = tmp_path / "events.yaml"
    path.write_text("title: X\nevents:\n  - id: a\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["digest", str(path)])
    assert result.exit_code == 1
    assert f"{path}:3:5: event 'a': missing required field 'title'" in result.stderr


def test_the_event_page_shows_the_disagreement(events: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = CliRunner().invoke(cli, ["build", "--events", str(events), "--output", str(out)])
    assert result.exit_code == 0, result.output
    page = (out / "events" / "berg-resigns.html").read_text("utf-8")
    assert (
        '<p class="date-claims">Sources disagree on the date: 2 sources say 2 March 2021, '
        "1 says 1 March 2021.</p>" in page
    )
    assert '<span class="claim">gives the date as 1 March 2021</span>' in page
    assert "date-claims" not in (out / "events" / "lind-appointed.html").read_text("utf-8")
