"""Phenomena of news text, each on short sentences written for the tests.

Each case is extracted through the whole pipeline. An expected event names its type,
words its title (or actors) must contain, and its date or bounds; titles themselves are
checked by the lexicon's examples (tests/test_extract_lexicon.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract.article import Found, extract_article
from timeline.extract.sources import article_from_text

PUBLISHED = dt.date(2021, 2, 2)  # a Tuesday
JAN_10 = dt.date(2021, 1, 10)
RECAP = (
    "Following the general election on January 10, opposition supporters staged protests"
    " in the capital. "
)


def events(body: str, published: dt.date = PUBLISHED) -> list[Found]:
    return extract_article(article_from_text(body, published))


def one(found: list[Found], kind: str, *words: str) -> Found:
    hits = [
        e
        for e in found
        if e.type == kind
        and all(w.lower() in f"{e.title} {' '.join(e.actors)}".lower() for w in words)
    ]
    assert len(hits) == 1, (kind, words, [(e.type, e.title) for e in found])
    return hits[0]


def bounds(event: Found) -> tuple[str | None, dt.date | None, dt.date | None]:
    return event.date, event.not_before, event.not_after


# --- who did what to whom ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "kind", "words", "date"),
    [
        (
            "Police arrested dozens of demonstrators on Sunday.",
            "arrest",
            ("Police", "dozens"),
            "2021-01-31",
        ),
        (
            "Two soldiers were killed on Monday.",
            "violence",
            ("Two soldiers", "killed"),
            "2021-02-01",
        ),
        (
            "The military detained Aung San Suu Kyi and Win Myint on Monday.",
            "arrest",
            ("Suu Kyi", "Win Myint"),
            "2021-02-01",
        ),
        (
            "Protesters stormed the parliament building on Monday.",
            "violence",
            ("Protesters", "storm", "parliament"),
            "2021-02-01",
        ),
        (
            "Police seized documents from the party's office on Monday.",
            "violence",
            ("Police", "seize", "office"),
            "2021-02-01",
        ),
        (
            "The Supreme Court upheld the ban on Monday.",
            "court",
            ("Court", "upholds", "ban"),
            "2021-02-01",
        ),
        (
            "Parliament rejected the budget in January.",
            "legislation",
            ("Parliament", "rejects", "budget"),
            "2021-01",
        ),
        (
            "The junta released 500 prisoners on Friday.",
            "release",
            ("500 prisoners",),
            "2021-01-29",
        ),
        (
            "President Kais Saied dismissed Prime Minister Hichem Mechichi on Sunday.",
            "resignation",
            ("Mechichi",),
            "2021-01-31",
        ),
        (
            "The United States recognised Juan Guaidó as interim president on Monday.",
            "agreement",
            ("Guaidó", "interim president"),
            "2021-02-01",
        ),
        (
            "Venezuela broke off diplomatic relations with Colombia on Monday.",
            "statement",
            ("Venezuela", "relations"),
            "2021-02-01",
        ),
        (
            "Juan Guaidó swore himself in as interim president on Monday.",
            "appointment",
            ("Guaidó", "swears himself in"),
            "2021-02-01",
        ),
        (
            "Beijing imposed a national security law on the city on Monday.",
            "legislation",
            ("Beijing", "imposes", "law"),
            "2021-02-01",
        ),
        (
            "Parliament impeached President Pedro Castillo on Wednesday.",
            "election",
            ("Castillo", "impeach"),
            "2021-01-27",
        ),
        (
            "Five coup plotters were arrested on Monday.",
            "arrest",
            ("coup plotters", "arrested"),
            "2021-02-01",
        ),
        (
            "The court sentenced former president Jacob Zuma to 15 months in prison on Monday.",
            "court",
            ("Zuma", "sentence"),
            "2021-02-01",
        ),
        (
            "Ms Kovac was elected president with 52 percent of the vote on Sunday.",
            "appointment",
            ("Kovac", "elected president"),
            "2021-01-31",
        ),
        (
            "Thousands of opposition supporters gathered in the capital on Monday.",
            "protest",
            ("supporters", "capital"),
            "2021-02-01",
        ),
        ("Dr Haddad was arrested on Monday.", "arrest", ("Haddad",), "2021-02-01"),
        (
            "Security forces fire tear gas at demonstrators in Catia.",
            "violence",
            ("Security forces", "tear gas"),
            None,
        ),
        (
            "Maduro breaks off diplomatic relations with the United States.",
            "statement",
            ("Maduro", "relations"),
            None,
        ),
    ],
)
def test_parties_and_acts(body, kind, words, date):
    event = one(events(body), kind, *words)
    assert event.date == date


def test_names_are_the_article_s_fullest_and_titles_its_shortest():
    found = events(
        "The military detained State Counsellor Aung San Suu Kyi on Monday. Suu Kyi's party"
        " had won the election on November 8."
    )
    arrest = one(found, "arrest", "Suu Kyi")
    assert arrest.actors == ["Aung San Suu Kyi"] and "Aung" not in arrest.title


def test_coordinated_resignations_are_one_event_each_with_its_role():
    found = events(
        "Prime Minister Kubatbek Boronov and Speaker Dastan Dzhumabekov resigned on Monday."
    )
    assert one(found, "resignation", "Boronov").title == "Boronov resigns as prime minister"
    assert one(found, "resignation", "Dzhumabekov").title == "Dzhumabekov resigns as speaker"


def test_people_detained_together_are_one_arrest():
    [event] = events("Police detained Ana Ruiz and Marco Diaz on Monday.")
    assert set(event.actors) == {"Ana Ruiz", "Marco Diaz"}


def test_killed_and_injured_in_one_sentence_are_one_event():
    found = events("Three people were killed and 40 were injured in clashes on Monday.")
    assert [e.type for e in found] == ["violence"]


def test_one_act_told_twice_is_one_event():
    found = events("The court convicted Najib Razak on Tuesday and sentenced him to 12 years.")
    assert [e.type for e in found] == ["court"]


def test_a_vote_carried_out_is_the_act_it_carries_out():
    [event] = events("The Knesset voted on Thursday to dissolve itself.")
    assert (event.type, event.date) == ("legislation", "2021-01-28")


def test_a_participle_takes_its_clause_s_date_and_subject():
    found = events("The army seized power on Monday, detaining the president.")
    assert one(found, "arrest", "president").date == "2021-02-01"


def test_an_apposition_names_the_party():
    found = events("Police detained the head of the tribunal, Maria Choque, on Monday.")
    assert "Maria Choque" in one(found, "arrest", "Choque").actors


def test_a_relative_clause_takes_the_noun_it_describes():
    found = events("Lugo, a former bishop who was elected in 2008, left office on Friday.")
    assert one(found, "appointment", "Lugo").date == "2008"


# --- dates from syntax and the narrative -------------------------------------------------


def test_a_fronted_date_dates_both_coordinated_verbs():
    found = events("On January 15, Jeenbekov stepped down and Japarov assumed the presidency.")
    assert one(found, "resignation", "Jeenbekov").date == "2021-01-15"
    assert one(found, "appointment", "Japarov").date == "2021-01-15"


def test_a_date_in_a_relative_clause_stays_there():
    found = events("Hasina, who first became prime minister in 1996, won a fourth term in January.")
    assert one(found, "election", "Hasina", "term").date == "2021-01"
    assert one(found, "appointment", "Hasina").date == "1996"


def test_a_date_under_a_verb_that_is_no_event_dates_nothing():
    found = events("Police said on Monday that protesters had stormed the palace.")
    assert one(found, "violence", "storm").date is None


def test_a_same_scene_cue_carries_the_date():
    found = events(
        "Gen. Abdel Fattah al-Burhan dissolved the government on Monday.\n\n"
        "Later that day, al-Burhan declared a state of emergency."
    )
    assert one(found, "legislation", "emergency").date == "2021-02-01"


def test_hours_later_carries_the_date_and_days_later_add_up():
    found = events(
        "The junta released 500 prisoners on Friday. Hours later, soldiers occupied the city"
        " hall.\n\nTwo days later, troops stormed the parliament."
    )
    assert one(found, "violence", "city hall").date == "2021-01-29"
    assert one(found, "violence", "parliament").date == "2021-01-31"


def test_the_next_sentence_of_a_paragraph_continues_the_scene():
    found = events(
        "Troops stormed the television station on Monday. Soldiers arrested dozens of"
        " journalists.\n\nPolice arrested dozens of activists."
    )
    assert one(found, "arrest", "journalists").date == "2021-02-01"
    assert bounds(one(found, "arrest", "activists")) == (None, None, PUBLISHED)


def test_later_orders_but_does_not_date():
    found = events(
        "Troops stormed the television station on Monday. Police later arrested dozens of"
        " activists."
    )
    storm, arrest = one(found, "violence", "storm"), one(found, "arrest", "activists")
    assert bounds(arrest) == (None, dt.date(2021, 2, 1), PUBLISHED)
    assert arrest.after == [storm.id]


def test_a_step_back_in_time_is_not_the_same_scene():
    found = events(
        "Troops stormed the television station on Monday. Police had arrested dozens of activists."
    )
    assert one(found, "arrest", "activists").date is None


def test_a_day_without_its_year_belongs_to_the_paragraphs_year():
    found = events(
        "On June 9, 2019, hundreds of thousands of people marched against the bill. Police"
        " fired tear gas at protesters on June 12.\n\nPolice arrested protesters on January 12."
    )
    assert one(found, "violence", "tear gas").date == "2019-06-12"
    assert one(found, "arrest", "protesters").date == "2021-01-12"


def test_a_forward_recap_keeps_its_floor_without_a_link():
    found = events(
        RECAP + "Interior Minister Tomas Varga resigned. Parliament Speaker Lena Ortiz stepped"
        " down, and Paul Amari was elected speaker."
    )
    for event in (
        one(found, "resignation", "Varga"),
        one(found, "resignation", "Ortiz"),
        one(found, "appointment", "Amari"),
    ):
        assert bounds(event) == (None, JAN_10, PUBLISHED)
        assert event.after == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Interior Minister Tomas Varga had resigned.",
        "Earlier, Interior Minister Tomas Varga resigned.",
        "Interior Minister Tomas Varga previously resigned.",
        "Interior Minister Tomas Varga has resigned.",
    ],
)
def test_a_step_back_or_the_present_takes_no_floor(sentence):
    assert bounds(one(events(RECAP + sentence), "resignation", "Varga")) == (None, None, PUBLISHED)


def test_a_new_paragraph_starts_without_a_floor():
    body = RECAP.strip() + "\n\nInterior Minister Tomas Varga resigned."
    assert bounds(one(events(body), "resignation", "Varga")) == (None, None, PUBLISHED)


def test_a_date_of_its_own_wins_over_the_floor():
    body = RECAP + "Interior Minister Tomas Varga resigned on January 5."
    assert bounds(one(events(body), "resignation", "Varga")) == ("2021-01-05", None, None)


def test_following_puts_the_events_after_and_bounds_them():
    found = events(
        "Following the parliamentary elections on October 4, protesters stormed the parliament.",
        dt.date(2020, 10, 21),
    )
    storm = one(found, "violence", "storm")
    assert bounds(storm) == (None, dt.date(2020, 10, 4), dt.date(2020, 10, 21))
    assert storm.after == [one(found, "election", "elections").id]


def test_an_event_after_the_verdict_follows_the_ruling():
    found = events(
        "The Constitutional Court upheld the impeachment on Friday. Thousands of supporters"
        " rallied outside the court after the verdict."
    )
    rally = one(found, "protest", "supporters")
    assert rally.after == [one(found, "court", "upholds").id]
    assert rally.date == "2021-01-29"  # the next sentence goes on with the scene


def test_live_blog_entry_times_date_their_entries():
    body = "date 2021-02-02\n\n09:40 - Police detain the head of the electoral tribunal.\n"
    event = one(events(body), "arrest", "Police")
    assert event.date == "2021-02-02" and "09:40" not in event.title


# --- what lies ahead ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "words", "date"),
    [
        ("General elections are scheduled for April 11.", ("elections",), "2021-04-11"),
        ("An early election was called for November 1.", ("election",), "2021-11-01"),
        (
            "Sagasti is expected to be sworn in as president on Friday.",
            ("Sagasti", "sworn"),
            "2021-02-05",
        ),
        ("An election must be held by May 9.", ("election",), "2021-05-09"),
        (
            "The date for a rerun of the elections should be set before March 6.",
            ("rerun",),
            "2021-03-06",
        ),
    ],
)
def test_a_future_date_is_a_deadline(body, words, date):
    assert one(events(body), "deadline", *words).date == date


def test_a_future_event_without_a_date_is_not_an_event_yet():
    assert events("The president will resign.") == []


# --- what is not an event ----------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Police could arrest the protest leaders.",
        "The court may reject the appeal.",
        "Police did not arrest anyone on Monday.",
        "The government plans to dissolve parliament.",
        "Prosecutors want to arrest the former minister.",
        "Protesters demanded the release of the detained leaders.",
        "The army has threatened to seize power if the results stand.",
        '"We will arrest every traitor," the general said.',
        "Critics say the president seized power illegally.",
        "Did the army storm the palace?",
        "Police often arrest protesters in the capital.",
        "Rumours that the minister resigned spread on Monday.",
        "Police seized drugs worth millions on Monday.",
        "Locals are resigned to shortages.",
        "Ministers gathered in the capital on Monday.",
        "Anyone who protested was detained.",
        "The president is expected to dismiss the prime minister.",
    ],
)
def test_what_did_not_happen_is_no_event(body):
    assert events(body) == []


@pytest.mark.parametrize(
    ("published", "bounds"),
    [
        # a Wednesday: the ISO week (Monday to Sunday) or the week from Sunday
        (dt.date(2021, 2, 3), "2021-01-24/2021-01-31"),
        # a Sunday starts a Sunday week: last week may be the seven days before it
        (dt.date(2021, 2, 7), "2021-01-25/2021-02-06"),
    ],
)
def test_last_week_holds_both_ways_of_counting_weeks(published, bounds):
    found = events("Last week, rebels killed three soldiers near the border.", published)
    assert one(found, "violence", "soldiers").date == bounds
