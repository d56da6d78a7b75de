"""Sentences, names, event detection and titles, on short sentences written for the tests."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extract.article import extract_article
from timeline.extract.names import NameTable, find_names
from timeline.extract.sentences import split_clauses, split_sentences
from timeline.extract.sources import read_article
from timeline.extract.titles import present, slugify

PUBLISHED = dt.date(2021, 3, 5)


def events(body: str):
    article = read_article("-", PUBLISHED, stdin_text=body)
    return extract_article(article)


def titles(body: str) -> list[str]:
    return [e.title for e in events(body)]


# --- sentences -------------------------------------------------------------------------


def test_sentences_respect_abbreviations_and_paragraphs():
    text = "Mr. Smith met U.S. envoys on Jan. 5. He left.\n\nA new paragraph starts here."
    found = split_sentences(text)
    assert [s.text for s in found] == [
        "Mr. Smith met U.S. envoys on Jan. 5.",
        "He left.",
        "A new paragraph starts here.",
    ]
    assert [s.paragraph for s in found] == [0, 0, 1]


def test_clauses_split_at_while_and_semicolons():
    [sentence] = split_sentences(
        "Isaev was elected speaker, while Japarov became premier; it ended."
    )
    assert [sentence.text[a:b] for a, b in split_clauses(sentence)] == [
        "Isaev was elected speaker",
        "while Japarov became premier",
        "it ended.",
    ]


text_strategy = st.text(
    alphabet=st.sampled_from(list("aZ .!?\n\"'”“,;:Mr")) | st.characters(), max_size=300
)


@settings(max_examples=300, deadline=None)
@given(text_strategy)
def test_sentence_offsets_always_index_the_text(text):
    last_end = 0
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text
        assert sentence.start >= last_end
        last_end = sentence.end
        for start, end in split_clauses(sentence):
            assert sentence.start <= start < end <= sentence.end


@settings(max_examples=200, deadline=None)
@given(text_strategy)
def test_names_are_spans_of_the_text(text):
    for actor in find_names(text, 0, len(text)):
        assert 0 <= actor.start < actor.end <= len(text)
        assert actor.name.split()[-1] in text


# --- names -----------------------------------------------------------------------------


def test_roles_are_split_from_names_and_surnames_resolved():
    text = "Prime Minister Anna Berg met former President Karl Stam. Later Berg left."
    table = NameTable(find_names(text, 0, len(text)))
    found = [table.resolve(a) for a in find_names(text, 0, len(text))]
    assert [(a.name, a.role, a.kind) for a in found] == [
        ("Anna Berg", "Prime Minister", "person"),
        ("Karl Stam", "former President", "person"),
        ("Anna Berg", "Prime Minister", "person"),
    ]


def test_organisations_and_adjectives():
    text = "The Supreme Electoral Council said the Valdorian government fell."
    names = [(a.name, a.kind) for a in find_names(text, 0, len(text))]
    assert names == [("Supreme Electoral Council", "org")]


# --- events ----------------------------------------------------------------------------


def test_coordinated_people_each_resign():
    assert titles("Interior Minister Ola Dahl and Defence Minister Eva Lund stepped down.") == [
        "Dahl resigns as interior minister",
        "Lund resigns as defence minister",
    ]


def test_two_clauses_two_events_sharing_a_fronted_date():
    found = events("On March 2, President Karl Stam resigned and Anna Berg assumed the presidency.")
    assert [(e.title, e.type, e.date) for e in found] == [
        ("Stam resigns as president", "resignation", "2021-03-02"),
        ("Berg assumes the presidency", "appointment", "2021-03-02"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "The minister could resign if the vote fails.",
        "Protesters demanded that the president resign.",
        "Officials are preparing for a potential second wave of protests.",
        "The opposition called for new elections.",
        "The president did not resign.",
        '"We stormed nothing," the leader said.',
        "The minister will resign.",
    ],
)
def test_hypothetical_generic_and_quoted_mentions_are_not_events(body):
    assert events(body) == []


def test_a_planned_date_is_a_deadline():
    [event] = events("Parliament must approve the budget by March 20.")
    assert event.type == "deadline" and event.date == "2021-03-20"


def test_following_and_later_give_bounds():
    body = (
        "Following the elections on February 21, crowds stormed the parliament. "
        "Later, police arrested opposition leader Ivan Roos."
    )
    stormed, arrest = events(body)[1:]
    assert stormed.not_before == dt.date(2021, 2, 21) and stormed.not_after == PUBLISHED
    assert arrest.title == "Roos arrested" and arrest.not_before == dt.date(2021, 2, 21)
    assert arrest.after == [stormed.id]


def test_meetings_name_both_sides():
    [event] = events("On Tuesday, Foreign Minister Ola Dahl held talks with Ambassador Mei Lin.")
    assert event.type == "meeting" and event.date == "2021-03-02"
    assert event.actors == ["Ola Dahl", "Mei Lin"]


# --- titles ----------------------------------------------------------------------------


def test_present_and_slugs():
    assert [present(v) for v in ("resign", "clash", "vote", "deny")] == [
        "resigns",
        "clashes",
        "votes",
        "denies",
    ]
    assert slugify("Jeenbekov resigns as president") == "jeenbekov-resigns-as-president"
    assert slugify("Élection annulée à Bichkek, 2020") == "election-annulee-a-bichkek-2020"
    assert slugify("Deadline to set the date for a rerun of the") == "deadline-to-set-the-date"


def test_after_between_clauses_orders_the_events():
    resigned, killed = events(
        "The defence minister resigned on Friday after two soldiers were killed."
    )
    assert resigned.date == "2021-03-05" and resigned.after == [killed.id]
    assert killed.title == "Two soldiers killed" and killed.not_after == dt.date(2021, 3, 5)


def test_an_object_naming_a_later_dated_event_links_to_it():
    annulled, vote = events(
        "On Friday the Supreme Court annulled the results of the January 10 presidential election."
    )
    assert annulled.title == "Supreme Court annuls results of presidential election"
    assert vote.date == "2021-01-10" and annulled.after == [vote.id]


def test_plural_unnamed_subjects_and_verb_phrases():
    assert titles("Security forces opened fire on demonstrators in the capital.") == [
        "Security forces open fire on demonstrators"
    ]
    assert titles("The two sides signed a ceasefire agreement on Monday.") == [
        "Two sides sign ceasefire agreement"
    ]


def test_the_month_may_is_not_the_modal_may():
    [event] = events("In May, the governor resigned.")
    assert event.type == "resignation" and event.date == "2020-05"


def test_possessives_relative_pronouns_and_adjectival_participles():
    found = events(
        "Valdoria's army seized power on Monday, ousting the democratically elected government "
        "of Prime Minister Anna Berg, who was detained at her home."
    )
    assert [(e.title, e.actors) for e in found] == [
        ("Army seizes power", ["Army"]),
        ("Berg detained", ["Anna Berg"]),
    ]


def test_a_dated_second_round_is_an_event_but_a_potential_one_is_not():
    [event] = events(
        "Turnout was low in the second round of the presidential election on February 14."
    )
    assert (event.type, event.date) == ("election", "2021-02-14")
    assert events("Officials discussed a potential snap election in the spring.") == []
