"""Phenomena beyond the seed article, each on short sentences written for the tests.

Unnamed groups, participles and coordinated verbs, decisions of institutions,
transfers of power, dates carried along the narrative, names in titles, and the
mentions that must stay out (hypothetical, negated, planned, quoted).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.extract.article import Found, extract_article
from timeline.extract.names import NameTable, find_names
from timeline.extract.sources import read_article

PUBLISHED = dt.date(2021, 2, 2)  # a Tuesday
ARTICLES = Path(__file__).parent / "articles"


def events(body: str, published: dt.date = PUBLISHED) -> list[Found]:
    return extract_article(read_article("-", published, stdin_text=body))


def summary(body: str) -> list[tuple[str, str, str | None]]:
    return [(e.type, e.title, e.date) for e in events(body)]


# --- unnamed groups ----------------------------------------------------------------------


def test_police_arresting_an_unnamed_group():
    [event] = events("Police arrested dozens of demonstrators on Sunday.")
    assert (event.type, event.title, event.date) == (
        "arrest",
        "Dozens of demonstrators arrested",
        "2021-01-31",
    )
    assert event.actors == ["Police", "Demonstrators"]


def test_a_present_tense_live_blog_entry_with_groups():
    body = "date 2021-02-02\n\n13:05 - Police arrest dozens of protesters in Omdurman.\n"
    [event] = events(body)
    assert (event.type, event.title, event.date) == (
        "arrest",
        "Dozens of protesters arrested",
        "2021-02-02",
    )


def test_a_group_subject_keeps_its_count_in_the_title():
    [event] = events("Two soldiers were killed on Monday.")
    assert (event.title, event.actors, event.date) == (
        "Two soldiers killed",
        ["Soldiers"],
        "2021-02-01",
    )


def test_group_words_that_modify_a_noun_are_not_actors():
    [event] = events("Demonstrators clashed with police outside the parliament building on Monday.")
    assert event.type == "violence" and "Parliament" not in event.actors


def test_security_forces_firing_tear_gas():
    [event] = events("Riot police fired tear gas at opposition supporters on Saturday.")
    assert (event.type, event.title, event.date) == (
        "violence",
        "Riot police fire tear gas",
        "2021-01-30",
    )


# --- participles and coordination --------------------------------------------------------


def test_a_participle_is_an_event_with_its_clauses_date():
    found = summary(
        "Myanmar's military seized power on Monday, detaining State Counsellor Aung San Suu Kyi"
        " and President Win Myint in early morning raids."
    )
    assert found == [
        ("violence", "Military seizes power", "2021-02-01"),
        ("arrest", "Aung San Suu Kyi and Win Myint detained", "2021-02-01"),
    ]


def test_people_detained_together_are_one_arrest_with_all_of_them():
    [_, arrest] = events(
        "The army seized power on Monday, detaining President Win Myint and Aung San Suu Kyi."
    )
    assert arrest.actors == ["Army", "Win Myint", "Aung San Suu Kyi"]


def test_coordinated_verbs_share_the_date_and_a_transfer_of_power_is_an_appointment():
    found = summary(
        "The army declared a one-year state of emergency on Monday and handed power to"
        " commander-in-chief Min Aung Hlaing."
    )
    assert found == [
        ("legislation", "Army declares one-year state of emergency", "2021-02-01"),
        ("appointment", "Army hands power to Min Aung Hlaing", "2021-02-01"),
    ]


def test_a_participle_does_not_take_a_date_that_comes_before_it():
    found = summary("Troops opened fire on the crowd on Saturday, killing three people.")
    assert found == [
        ("violence", "Troops open fire on crowd", "2021-01-30"),
        ("violence", "Three people killed", "2021-01-30"),
    ]


# --- decisions of institutions -----------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The electoral commission rejected the fraud claims last week.",
            ("court", "Electoral commission rejects fraud claims", "2021-01-25/2021-01-31"),
        ),
        (
            "The Supreme Court upheld the ban on Monday.",
            ("court", "Supreme Court upholds ban", "2021-02-01"),
        ),
        (
            "In January, parliament rejected the budget.",
            ("legislation", "Parliament rejects budget", "2021-01"),
        ),
        (
            "The Constitutional Court dissolved the opposition party on Monday.",
            ("court", "Constitutional Court dissolves opposition party", "2021-02-01"),
        ),
    ],
)
def test_institutions_deciding(body, expected):
    assert summary(body) == [expected]


def test_a_person_rejecting_claims_is_an_opinion_not_a_decision():
    assert summary("The opposition leader rejected the results on Monday.") == []


def test_dismissing_someone_is_their_resignation():
    found = summary("President Kais Saied dismissed Prime Minister Hichem Mechichi on Sunday.")
    assert found == [("resignation", "Mechichi dismissed", "2021-01-31")]


# --- transfers of power ------------------------------------------------------------------


def test_sworn_in_and_taking_office():
    found = summary(
        "Mr Lee was sworn in as president on Wednesday. He took office hours after the vote."
    )
    assert found == [
        ("appointment", "Lee sworn in as president", "2021-01-27"),
        ("appointment", "Lee takes office", "2021-01-27"),
    ]


# --- dates from the narrative ------------------------------------------------------------


def test_a_same_scene_cue_carries_the_date():
    found = summary(
        "Gen. Abdel Fattah al-Burhan dissolved the government on Monday.\n\n"
        "Later that day, al-Burhan declared a state of emergency."
    )
    assert found == [
        ("legislation", "al-Burhan dissolves government", "2021-02-01"),
        ("legislation", "al-Burhan declares state of emergency", "2021-02-01"),
    ]


def test_hours_later_carries_the_date_and_days_later_add_up():
    found = summary(
        "The junta released 500 prisoners on Friday. Hours later, soldiers occupied the city"
        " hall.\n\nTwo days later, troops stormed the parliament."
    )
    assert found == [
        ("release", "500 prisoners released", "2021-01-29"),
        ("violence", "Soldiers occupy city hall", "2021-01-29"),
        ("violence", "Troops storm parliament", "2021-01-31"),
    ]


def test_the_next_sentence_of_a_paragraph_continues_the_scene():
    found = events(
        "Troops stormed the television station on Monday. Soldiers arrested dozens of"
        " journalists.\n\nPolice arrested dozens of activists."
    )
    assert [e.date for e in found] == ["2021-02-01", "2021-02-01", None]
    assert found[2].not_after == PUBLISHED


def test_later_orders_but_does_not_date():
    [first, second] = events(
        "Troops stormed the television station on Monday. Police later arrested dozens of"
        " activists."
    )
    assert first.date == "2021-02-01" and second.date is None
    assert second.not_before == dt.date(2021, 2, 1) and second.after == [first.id]


def test_a_step_back_in_time_is_not_the_same_scene():
    [_, arrest] = events(
        "Troops stormed the television station on Monday. Police had arrested dozens of activists."
    )
    assert arrest.date is None


# --- names -------------------------------------------------------------------------------


def test_titles_use_the_shortest_form_the_article_uses():
    found = summary(
        "The military detained State Counsellor Aung San Suu Kyi on Monday. Suu Kyi's party"
        " won the election on November 8."
    )
    assert found[0] == ("arrest", "Suu Kyi detained", "2021-02-01")


def test_a_name_never_shortened_stays_whole():
    found = summary("The military detained State Counsellor Aung San Suu Kyi on Monday.")
    assert found == [("arrest", "Aung San Suu Kyi detained", "2021-02-01")]


def test_spanish_double_surnames_and_family_name_first():
    text = "Pedro Sánchez Pérez-Castejón won. Mr Sánchez spoke. Park Geun-hye was ousted."
    table = NameTable(find_names(text, 0, len(text)))
    people = {a.name: table.resolve(a).short for a in find_names(text, 0, len(text))}
    assert people["Pedro Sánchez Pérez-Castejón"] == "Sánchez"
    assert people["Park Geun-hye"] == "Park Geun-hye"


def test_honorifics_make_a_one_word_name_a_person():
    [event] = events("Dr Haddad was arrested on Monday.")
    assert event.title == "Haddad arrested" and event.actors == ["Haddad"]


# --- what is not an event ----------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Police could arrest the protest leaders.",
        "The court may reject the appeal.",
        "Police did not arrest anyone.",
        "The government plans to dissolve parliament.",
        "Prosecutors want to arrest the former minister.",
        "Protesters demanded the release of the detained leaders.",
        "The army has threatened to seize power if the results stand.",
        '"We will arrest every traitor," the general said.',
        "The president is expected to dismiss the prime minister.",
        "Officials confirmed the deaths of two protesters.",
    ],
)
def test_hypothetical_planned_negated_and_quoted_mentions(body):
    # each of these mentions no event that happened: nothing at all may come out
    assert [(e.type, e.title) for e in events(body)] == []


def test_a_ruling_on_a_vote_is_not_an_election():
    # the ruling itself may be found (a court event); the vote it rules on is no new event
    kinds = [e.type for e in events("The court ruled on Monday that the vote was valid.")]
    assert kinds in ([], ["court"]), kinds


# --- more political events -------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Thousands of opposition supporters gathered in the capital on Monday.",
            ("protest", "Thousands of opposition supporters protest", "2021-02-01"),
        ),
        (
            "The United States recognised Juan Guaidó as interim president on Monday.",
            (
                "statement",
                "United States recognises Juan Guaidó as interim president",
                "2021-02-01",
            ),
        ),
        (
            "Venezuela broke off diplomatic relations with Colombia on Monday.",
            ("statement", "Venezuela breaks off diplomatic relations with Colombia", "2021-02-01"),
        ),
        (
            "Juan Guaidó swore himself in as interim president on Monday.",
            ("appointment", "Guaidó swears himself in as interim president", "2021-02-01"),
        ),
        (
            "Beijing imposed a national security law on the city on Monday.",
            ("legislation", "Beijing imposes national security law", "2021-02-01"),
        ),
        (
            "Parliament impeached President Pedro Castillo on Wednesday.",
            ("election", "Castillo impeached", "2021-01-27"),
        ),
        (
            "The ruling party was banned by the Supreme Court on Monday.",
            ("court", "Ruling party banned", "2021-02-01"),
        ),
        (
            "Five coup plotters were arrested on Monday.",
            ("arrest", "Five coup plotters arrested", "2021-02-01"),
        ),
        (
            "The court sentenced former president Jacob Zuma to 15 months in prison on Monday.",
            ("court", "Zuma sentenced", "2021-02-01"),
        ),
        (
            "Ms Kovac was elected president with 52 percent of the vote on Sunday.",
            ("appointment", "Kovac elected president", "2021-01-31"),
        ),
    ],
)
def test_more_kinds_of_political_events(body, expected):
    assert summary(body) == [expected]


def test_a_crowd_word_without_a_crowd_is_no_protest():
    assert summary("Ministers gathered in the capital on Monday.") == []


def test_a_day_without_its_year_belongs_to_the_paragraphs_year():
    found = summary(
        "On June 9, 2019, hundreds of thousands of people marched against the bill. Police"
        " fired tear gas at protesters on June 12.\n\nPolice arrested protesters on January 12."
    )
    assert [date for _, _, date in found] == ["2019-06-09", "2019-06-12", "2021-01-12"]


def test_the_letter_dispatch_finds_what_the_single_pattern_finds():
    from timeline.extract.events import _MASTER, trigger_matches

    for path in sorted(ARTICLES.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        every = [(m.start(), m.lastgroup) for m in _MASTER.finditer(text)]
        kept = [(m.start(), m.lastgroup) for m in trigger_matches(text)]
        participles = [
            (start, group)
            for start, group in every
            if text[start:].split()[0].strip(",.").lower().endswith("ing")
        ]
        assert [e for e in every if e not in participles] == [
            e for e in kept if e not in participles
        ]
