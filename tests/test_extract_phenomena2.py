"""More phenomena, each on short sentences written for the tests.

Election results (wins, vote shares, concessions, victory claims, results
certified), verbs of unrest, justice and state acts, names in titles (Burmese
names, surname endings, countries that look like people), accidents and
business news that are not political events, and subjects that hold a verb of
their own.
"""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract.article import Found, extract_article
from timeline.extract.names import Actor, find_names
from timeline.extract.sources import read_article

PUBLISHED = dt.date(2021, 2, 2)  # a Tuesday


def events(body: str, published: dt.date = PUBLISHED) -> list[Found]:
    return extract_article(read_article("-", published, stdin_text=body))


def summary(body: str) -> list[tuple[str, str, str | None]]:
    return [(e.type, e.title, e.date) for e in events(body)]


# --- election results ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Opposition leader Ana Duarte won the presidential election on Sunday.",
            ("election", "Duarte wins presidential election", "2021-01-31"),
        ),
        (
            "Duarte won a second term on Sunday.",
            ("election", "Duarte wins second term", "2021-01-31"),
        ),
        (
            "Duarte beat Karl Stam in the runoff on Sunday.",
            ("election", "Duarte beats Stam", "2021-01-31"),
        ),
        (
            "Duarte took 53 percent of the vote on Sunday.",
            ("election", "Duarte wins 53 percent", "2021-01-31"),
        ),
        ("Stam conceded defeat on Monday.", ("statement", "Stam concedes defeat", "2021-02-01")),
        (
            "Duarte declared victory on Sunday night.",
            ("statement", "Duarte declares victory", "2021-01-31"),
        ),
        (
            "Duarte was declared the winner on Monday.",
            ("election", "Duarte declared winner", "2021-02-01"),
        ),
        (
            "The electoral commission certified the results on Monday.",
            ("election", "Electoral commission certifies results", "2021-02-01"),
        ),
    ],
)
def test_election_results(body, expected):
    assert summary(body) == [expected]


def test_a_win_and_its_share_of_the_vote_are_one_result():
    found = summary(
        "Ana Duarte won the presidential runoff on Sunday.\n\n"
        "Duarte took 55 percent of the vote against 45 percent for Karl Stam."
    )
    assert found == [("election", "Duarte wins presidential runoff", "2021-01-31")]


def test_the_commission_announcing_a_win_is_the_win():
    found = summary(
        "On Monday, electoral commission chairwoman Jean Mensa announced that"
        " President Nana Akufo-Addo won the presidential election."
    )
    assert found == [("election", "Akufo-Addo wins presidential election", "2021-02-01")]


def test_a_concession_within_hours_is_the_same_day():
    found = summary(
        "Ana Duarte won the presidential runoff on Sunday.\n\n"
        "Karl Stam conceded defeat within hours."
    )
    assert found[1] == ("statement", "Stam concedes defeat", "2021-01-31")


@pytest.mark.parametrize(
    "body",
    [
        "Turnout was 64 percent on Sunday.",
        "A poll published on Monday showed Duarte ahead.",
        "Stam never conceded defeat.",
        "Stam refused to concede.",
        "Duarte could win the election.",
    ],
)
def test_turnout_polls_and_denials_are_not_events(body):
    assert events(body) == []


def test_the_elected_stay_appointments():
    # a person elected to an office is an appointment; a won vote is an election
    assert summary("Lund was elected speaker on Monday.") == [
        ("appointment", "Lund elected speaker", "2021-02-01")
    ]


# --- unrest, justice, state acts -----------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Protesters surrounded the parliament building on Monday.",
            ("violence", "Protesters surround parliament building", "2021-02-01"),
        ),
        (
            "Truck drivers blocked the main highway on Monday.",
            ("protest", "Truck drivers block main highway", "2021-02-01"),
        ),
        ("Karl Stam fled the country on Monday.", ("other", "Stam flees", "2021-02-01")),
        (
            "The opposition boycotted the vote on Sunday.",
            ("protest", "Opposition boycotts vote", "2021-01-31"),
        ),
        (
            "Police shot two protesters on Monday.",
            ("violence", "Two protesters shot", "2021-02-01"),
        ),
        (
            "Protesters torched police cars on Monday.",
            ("violence", "Protesters torch police cars", "2021-02-01"),
        ),
        (
            "Police raided the offices of the newspaper on Monday.",
            ("violence", "Police raid offices of newspaper", "2021-02-01"),
        ),
        (
            "Police dispersed the crowd with tear gas on Monday.",
            ("violence", "Police disperse crowd with tear gas", "2021-02-01"),
        ),
        (
            "Dockworkers went on strike on Monday.",
            ("protest", "Dockworkers go on strike", "2021-02-01"),
        ),
        (
            "Opposition lawmakers walked out of parliament on Monday.",
            ("protest", "Opposition lawmakers walk out", "2021-02-01"),
        ),
        (
            "Prosecutors indicted former minister Eva Lund on Monday.",
            ("arrest", "Lund indicted", "2021-02-01"),
        ),
        (
            "Prosecutors charged Eva Lund with fraud on Monday.",
            ("arrest", "Lund charged", "2021-02-01"),
        ),
        (
            "A court found Eva Lund guilty of bribery on Monday.",
            ("court", "Lund convicted", "2021-02-01"),
        ),
        (
            "Eva Lund was extradited to Spain on Monday.",
            ("arrest", "Lund extradited", "2021-02-01"),
        ),
        (
            "The government expelled the French ambassador on Monday.",
            ("statement", "Government expels French ambassador", "2021-02-01"),
        ),
        (
            "Valdoria recalled its ambassador on Monday.",
            ("statement", "Valdoria recalls ambassador", "2021-02-01"),
        ),
        (
            "The European Union imposed sanctions on Valdoria on Monday.",
            ("legislation", "European Union imposes sanctions", "2021-02-01"),
        ),
        (
            "The president vetoed the bill on Monday.",
            ("legislation", "President vetoes bill", "2021-02-01"),
        ),
        (
            "Parliament ratified the treaty on Monday.",
            ("agreement", "Parliament ratifies treaty", "2021-02-01"),
        ),
        (
            "The president dissolved the National Assembly on Monday.",
            ("legislation", "President dissolves National Assembly", "2021-02-01"),
        ),
        (
            "Parliament voted on Monday to dissolve itself.",
            ("legislation", "Parliament votes to dissolve", "2021-02-01"),
        ),
        (
            "The electoral commission postponed the vote on Monday.",
            ("election", "Electoral commission postpones vote", "2021-02-01"),
        ),
        ("The election was postponed on Monday.", ("election", "Election postponed", "2021-02-01")),
        (
            "The coalition collapsed on Monday.",
            ("resignation", "Coalition collapses", "2021-02-01"),
        ),
        (
            "The Senate removed President Ivan Roos from office on Monday.",
            ("resignation", "Roos removed", "2021-02-01"),
        ),
    ],
)
def test_more_verbs(body, expected):
    assert summary(body) == [expected]


def test_dissolution_and_early_elections_are_two_events():
    assert summary("The president dissolved parliament on Monday and called early elections.") == [
        ("legislation", "President dissolves parliament", "2021-02-01"),
        ("election", "President calls early elections", "2021-02-01"),
    ]


def test_an_election_called_for_a_yearless_day_is_ahead():
    [event] = events("An early election was called for November 1.", dt.date(2022, 6, 30))
    assert (event.type, event.date) == ("deadline", "2022-11-01")
    [event] = events("An early election was called for January 9.", dt.date(2022, 12, 20))
    assert (event.type, event.date) == ("deadline", "2023-01-09")


def test_a_future_swearing_in_is_a_deadline():
    [event] = events("Duarte will be sworn in on March 11.")
    assert (event.type, event.title, event.date) == (
        "deadline",
        "Duarte sworn in (scheduled)",
        "2021-03-11",
    )


def test_killed_and_injured_in_one_sentence_are_one_event():
    found = events("Eighteen officers were killed and 748 were injured on Monday, officials said.")
    assert [e.type for e in found] == ["violence"]


def test_coordinated_verbs_share_a_later_date():
    found = summary(
        "President Ivan Roos declared a state of emergency across the country on Wednesday"
        " and dismissed the government of Prime Minister Askar Mamin."
    )
    assert [date for _t, _title, date in found] == ["2021-01-27", "2021-01-27"]


@pytest.mark.parametrize(
    "body",
    [
        "A building collapsed in the capital on Monday, killing two workers.",
        "A bus crash killed 12 people on Monday.",
        "A fire broke out in a market on Monday, killing five people.",
        "Floods killed 30 people on Monday.",
        "An explosion at a chemical plant killed eight workers on Monday.",
        "The club sacked its coach on Monday.",
        "The airline named a new chief executive on Monday.",
        "The dollar rallied on Monday.",
        "Her home has been besieged by reporters since Monday.",
        "Prosecutors said corruption charges against Eva Lund would be dropped.",
        "Egypt's deposed King Faruq died in 1965.",
    ],
)
def test_accidents_business_and_look_alikes_are_not_political_events(body):
    assert events(body) == []


# --- titles and names ----------------------------------------------------------------------


def test_a_subject_holding_its_own_verb_gives_one_act():
    assert summary("A group of militants threw a grenade and opened fire on Monday.") == [
        ("violence", "Militants open fire", "2021-02-01")
    ]


def test_live_blog_clock_times_stay_out_of_titles():
    found = events("18:30 - Five people have been killed in clashes since Sunday, police say.")
    assert found and not any(e.title.startswith("18") for e in found)


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Win Myint", "Win Myint"),  # Burmese: no surname to cut to
        ("Myint Swe", "Myint Swe"),
        ("Thein Sein", "Thein Sein"),
        ("Htin Kyaw", "Htin Kyaw"),
        ("Sooronbay Jeenbekov", "Jeenbekov"),  # a surname ending
        ("Gabriel Boric", "Boric"),
        ("Ola Dahl", "Dahl"),  # the given-name + surname default
        ("Moon Jae-in", "Moon Jae-in"),
    ],
)
def test_two_word_names_in_titles(name, short):
    assert Actor(name, kind="person").short == short


def test_a_burmese_name_stays_whole_in_a_title():
    [event] = events("Police arrested President Win Myint on Monday.")
    assert event.title == "Win Myint arrested"


def test_an_article_that_shortens_a_name_is_followed():
    found = events("Police arrested President Win Myint on Monday. Myint was freed on Tuesday.")
    assert [e.title for e in found] == ["Myint arrested", "Myint freed"]


def test_countries_are_not_people():
    text = "North Korea, South Sudan and Sri Lanka voted against, said Kim Jong Un."
    kinds = {a.name: a.kind for a in find_names(text, 0, len(text))}
    assert kinds["North Korea"] == kinds["South Sudan"] == kinds["Sri Lanka"] == "other"
    assert kinds["Kim Jong Un"] == "person"


def test_a_capitalised_opener_is_not_a_name():
    text = "Former student leader Gabriel Boric won. Electoral commission officials met."
    names = [a.name for a in find_names(text, 0, len(text))]
    assert "Former" not in names and "Electoral" not in names


def test_a_time_cue_dates_the_event_and_stays_out_of_its_title():
    found = summary(
        "Ivan Roos resigned on Monday. Vice President Eva Lund was sworn in as president"
        " hours later."
    )
    assert found[1] == ("appointment", "Lund sworn in as president", "2021-02-01")


def test_family_name_first_names_stay_whole():
    from timeline.extract.names import Actor

    assert Actor("Xi Jinping", kind="person").short == "Xi Jinping"
    assert Actor("Hun Sen", kind="person").short == "Hun Sen"
    assert Actor("Sooronbay Jeenbekov", kind="person").short == "Jeenbekov"


# --- the floor of a recap told in order ----------------------------------------------------

RECAP = (
    "Following the general election on January 10, opposition supporters staged protests"
    " in the capital. "
)
JAN_10 = dt.date(2021, 1, 10)


def bounds_of(body: str, kind: str, word: str) -> tuple[str | None, dt.date | None, dt.date | None]:
    [event] = [e for e in events(body) if e.type == kind and word in e.title]
    return event.date, event.not_before, event.not_after


def test_a_forward_recap_keeps_its_floor_without_a_link():
    found = events(
        RECAP + "Interior Minister Tomas Varga resigned. Parliament Speaker Lena Ortiz stepped"
        " down, and Paul Amari was elected speaker."
    )
    later = [e for e in found if e.type in ("resignation", "appointment")]
    assert [e.title for e in later] == [
        "Varga resigns as interior minister",
        "Ortiz resigns as parliament speaker",
        "Amari elected speaker",
    ]
    for event in later:
        assert (event.date, event.not_before, event.not_after) == (None, JAN_10, PUBLISHED)
        assert event.after == []  # a bound only: no cue word orders it


def test_past_perfect_steps_back_and_ends_the_recap():
    body = RECAP + "Interior Minister Tomas Varga had resigned. Lena Ortiz stepped down."
    assert bounds_of(body, "resignation", "Varga") == (None, None, PUBLISHED)
    assert bounds_of(body, "resignation", "Ortiz") == (None, None, PUBLISHED)


def test_a_new_paragraph_starts_without_a_floor():
    body = RECAP.strip() + "\n\nInterior Minister Tomas Varga resigned."
    assert bounds_of(body, "resignation", "Varga") == (None, None, PUBLISHED)


def test_a_date_of_its_own_wins_over_the_floor():
    body = RECAP + "Interior Minister Tomas Varga resigned on January 5."
    assert bounds_of(body, "resignation", "Varga") == ("2021-01-05", None, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "Earlier, Interior Minister Tomas Varga resigned.",
        "Before that, Interior Minister Tomas Varga resigned.",
        "Interior Minister Tomas Varga previously resigned.",
    ],
)
def test_a_backward_cue_takes_no_floor(sentence):
    assert bounds_of(RECAP + sentence, "resignation", "Varga") == (None, None, PUBLISHED)


@pytest.mark.parametrize(
    "sentence",
    ["Interior Minister Tomas Varga resigns.", "Interior Minister Tomas Varga has resigned."],
)
def test_the_present_takes_no_floor(sentence):
    assert bounds_of(RECAP + sentence, "resignation", "Varga") == (None, None, PUBLISHED)


def test_the_event_of_an_after_clause_takes_no_floor():
    body = RECAP + "Prime Minister Tomas Varga resigned after Lena Ortiz stepped down."
    assert bounds_of(body, "resignation", "Varga")[1] == JAN_10
    assert bounds_of(body, "resignation", "Ortiz") == (None, None, PUBLISHED)


def test_the_event_of_an_after_clause_without_its_main_event_takes_no_floor():
    body = RECAP + "Green deputies abstained after the Socialists agreed to open talks on taxes."
    assert bounds_of(body, "agreement", "talks") == (None, None, PUBLISHED)


def test_a_date_elsewhere_in_the_sentence_keeps_the_floor_away():
    body = RECAP + "Minister Tomas Varga resigned, and police arrested Lena Ortiz on January 5."
    assert bounds_of(body, "resignation", "Varga") == (None, None, PUBLISHED)
    assert bounds_of(body, "arrest", "Ortiz") == ("2021-01-05", None, None)
