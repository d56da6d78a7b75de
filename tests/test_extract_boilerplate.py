"""Page furniture and reader comments never reach the extractor; the rules are data."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract.article import extract_article
from timeline.extract.boilerplate import furniture, rules, shouting, speaker_label
from timeline.extract.sources import article_from_text

CASES = [
    (kind, rule["pattern"], text, should_drop)
    for kind in ("lines", "comments", "stamps", "comment_stamps")
    for rule in rules()[kind]
    for texts, should_drop in ((rule.get("drop", []), True), (rule.get("keep", []), False))
    for text in texts
]


@pytest.mark.parametrize(("kind", "pattern", "text", "dropped"), CASES)
def test_every_rule_drops_its_examples_and_keeps_the_others(kind, pattern, text, dropped):
    body = f"Intro line that stays.\n{text}\nA closing line that stays.\n"
    spans = furniture(body)
    start = body.index(text)
    covered = any(a <= start < b for a, b in spans)
    assert covered == dropped, (pattern, text, spans)


def test_every_rule_has_an_example_to_drop():
    for kind in ("lines", "comments", "stamps", "comment_stamps"):
        assert all(rule.get("drop") for rule in rules()[kind]), kind


def test_reader_comments_and_share_lines_give_no_events():
    body = (
        "Police arrested the opposition leader on Monday.\n"
        "Share this article\n"
        "Comments (3)\n"
        "Posted by Sam: Protesters stormed the parliament on Tuesday, I was there.\n"
    )
    found = extract_article(article_from_text(body, dt.date(2021, 2, 2)))
    assert [e.type for e in found] == ["arrest"]


def test_a_time_stamp_inside_a_line_cuts_the_headline_from_the_story():
    body = (
        "CNN chief quits over remarks Monday 14 February 2005 13.32 GMT Eason Jordan resigned"
        " on Friday, the network said.\n"
    )
    found = extract_article(article_from_text(body, dt.date(2005, 2, 14)))
    assert ("resignation", "2005-02-11") in [(e.type, e.date) for e in found]
    assert not any("GMT" in e.title or "February" in e.title for e in found)


@pytest.mark.parametrize(
    ("text", "dropped"),
    [(rule_text, True) for rule in rules()["speaker_labels"] for rule_text in rule.get("drop", [])]
    + [
        (rule_text, False)
        for rule in rules()["speaker_labels"]
        for rule_text in rule.get("keep", [])
    ],
)
def test_every_speaker_label_rule_drops_its_examples(text, dropped):
    assert (speaker_label(text) > 0) == dropped, text


def test_a_transcript_speaker_is_not_the_subject_of_what_is_said():
    body = (
        "LENA ORTIZ, CNN CORRESPONDENT: The vice president called for dialogue with the"
        " opposition on Monday in a televised address.\n"
    )
    found = extract_article(article_from_text(body, dt.date(2021, 2, 2)))
    assert not any("Ortiz" in e.title or "Ortiz" in e.actors for e in found)


@pytest.mark.parametrize(
    ("text", "dropped"),
    [(text, True) for text in rules()["capitals"]["drop"]]
    + [(text, False) for text in rules()["capitals"]["keep"]],
)
def test_a_sentence_mostly_in_capitals_is_shouting(text, dropped):
    assert shouting(text) == dropped, text


def test_a_shouted_sentence_gives_no_event_but_the_prose_around_it_does():
    body = (
        "The regulator's director resigned on Monday.\n"
        "INCOMPETENT CRONIES APPOINTED TO JOBS THEY CANNOT DO.\n"
    )
    found = extract_article(article_from_text(body, dt.date(2021, 2, 2)))
    assert [(e.type, e.date) for e in found] == [("resignation", "2021-02-01")]
