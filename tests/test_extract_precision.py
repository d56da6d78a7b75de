"""Precision: sentences that look like events but are not, each next to one that is.

Negated nouns ("has never had a coup"), historical comparisons, how someone came to
a role told in a relative clause (and a date inside such a clause), "nobody" and "none
of" as subjects, currencies that rally, uncertain or denied clauses, habits, opinion
polls, weather deaths, records of many votes, questions, wishes and opinions; and
dates: "widely expected to", a past month without its year that is still ahead, a
holiday that names an event, this month in a report of this month.
"""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract.article import extract_article
from timeline.extract.sources import read_article

PUBLISHED = dt.date(2021, 2, 2)  # a Tuesday


def summary(body: str) -> list[tuple[str, str, str | None]]:
    found = extract_article(read_article("-", PUBLISHED, stdin_text=body))
    return [(e.type, e.title, e.date) for e in found]


def test_a_noun_after_never_is_not_an_event():
    assert summary("Analysts say the country has never had a coup.") == []


def test_a_historical_comparison_is_not_an_event():
    assert summary("Observers compare the mood to the demonstrations of 2003.") == []


def test_a_dated_relative_clause_is_an_event_of_its_own():
    found = summary("Speaker Ana Duarte, who was elected to the post in 2016, resigned on Monday.")
    assert ("resignation", "Duarte resigns as speaker", "2021-02-01") in found
    assert ("appointment", "Duarte elected speaker", "2016") in found


def test_a_jailing_in_a_relative_clause_is_still_an_event():
    found = summary("Karl Stam, who was jailed in 2018, was released on Monday.")
    assert ("release", "Stam released", "2021-02-01") in found


def test_a_date_in_a_relative_clause_dates_only_that_clause():
    found = summary(
        "President Ana Duarte, who has led the country since 2012, postponed the vote on Saturday."
    )
    assert found == [("election", "Duarte postpones the vote", "2021-01-30")]


def test_nobody_killed_is_not_an_event():
    assert summary("Nobody was killed, a police spokesman said.") == []


def test_a_currency_rallying_is_not_a_protest():
    assert summary("The shilling rallied against the dollar on Monday.") == []


def test_capturing_oil_is_not_violence_but_capturing_a_town_is():
    assert summary("The company captured 10,000 barrels of oil on Tuesday.") == []
    assert summary("Officials said 8,000 barrels were captured on Tuesday.") == []
    assert summary("Rebels captured the border town on Tuesday.") == [
        ("violence", "Rebels capture the border town", "2021-02-02")
    ]


def test_a_fourth_consecutive_term_is_a_win():
    found = summary("Ana Duarte won a fourth consecutive term on Sunday.")
    assert found == [("election", "Duarte wins a fourth consecutive term", "2021-01-31")]


@pytest.mark.parametrize(
    "body",
    [
        "Rumours that the minister had resigned spread on Monday.",
        "The minister denied that he had resigned.",
        "It was unclear whether the president had fled the country.",
    ],
)
def test_an_uncertain_or_denied_clause_is_not_an_event(body):
    assert summary(body) == []


def test_what_happens_as_a_rule_is_not_an_event():
    assert summary("In the past, soldiers have often killed protesters.") == []
    assert summary("Protesters usually gather outside the ministry.") == []


@pytest.mark.parametrize(
    "body",
    ["Polls had predicted a narrow race.", "Opinion polls show the president trailing."],
)
def test_polls_that_are_surveys_are_not_votes(body):
    assert summary(body) == []


def test_none_of_a_group_is_nobody():
    assert summary("None of the ministers resigned.") == []


def test_weather_deaths_are_not_political_violence():
    assert summary("Heavy rains killed 12 people in the north on Monday.") == []


def test_widely_expected_is_ahead():
    found = summary("The incumbent is widely expected to win the runoff on December 12.")
    assert found == [("deadline", "Runoff scheduled", "2021-12-12")]


@pytest.mark.parametrize(
    "body",
    [
        "Ana Duarte has won every vote since.",
        "The opposition boycotted the last two elections.",
    ],
)
def test_a_record_of_many_votes_is_not_one_event(body):
    assert summary(body) == []


def test_a_past_month_without_its_year_still_ahead_is_last_years():
    found = summary("Protests began in the suburbs in March.")  # published in February
    assert found == [("protest", "Protests", "2020-03")]


def test_a_holiday_naming_an_event_does_not_date_the_sentence():
    found = summary(
        "Duarte won the 2019 election promising security after the Easter bombings, and his"
        " brother became prime minister."
    )
    assert "2020-04-12" not in [date for _type, _title, date in found]


def test_fled_to_the_country_is_a_flight_not_a_name():
    found = summary("Ana Duarte fled to the Maldives on Monday and resigned the next day.")
    assert found == [
        ("other", "Duarte flees to the Maldives", "2021-02-01"),
        ("resignation", "Duarte resigns", "2021-02-02"),
    ]


@pytest.mark.parametrize(
    "body",
    [
        "He has been arrested more than a dozen times since 2015.",
        "Parliament had twice tried to remove him, and he was impeached twice.",
    ],
)
def test_many_times_is_no_one_event(body):
    assert summary(body) == []


def test_this_month_in_a_report_of_this_month_bounds_the_event():
    found = extract_article(
        read_article(
            "-", PUBLISHED, stdin_text="His party won the most seats in February's election."
        )
    )
    assert [(e.type, e.date, e.not_before, e.not_after) for e in found] == [
        ("election", None, dt.date(2021, 2, 1), PUBLISHED)
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Has the army seized power? Not yet, officials insist.",
        "He warned he would arrest anyone who protested.",
        "Each time the army has seized power, it has promised elections.",
        "Whenever protesters gather, police fire tear gas.",
        "Police fire tear gas at protesters almost every week.",
        "The opposition wants the election annulled.",
    ],
)
def test_questions_generic_people_habits_and_wishes_are_not_events(body):
    assert summary(body) == []


def test_a_told_event_next_to_a_question_is_kept():
    found = summary("Why did they do it? Police arrested Karl Stam on Monday.")
    assert found == [("arrest", "Police arrest Stam", "2021-02-01")]


@pytest.mark.parametrize(
    "body",
    [
        "Critics say the president seized power illegally.",
        "It is not the first time the army has seized power.",
        "Like his predecessor, who was ousted in a coup, he faces growing protests.",
    ],
)
def test_opinions_and_comparisons_are_not_events(body):
    assert summary(body) == []


def test_a_comparison_clause_is_left_out_but_its_main_clause_kept():
    found = summary("The last time protesters stormed the palace, in 2015, the president fled.")
    assert found == [("other", "President flees", "2015")]


def test_an_event_that_analysts_explain_is_kept():
    found = summary("Parliament was dissolved on Monday, and analysts say the move was legal.")
    assert [date for _type, _title, date in found] == ["2021-02-01"]


def test_a_date_after_coordinated_verbs_dates_the_event_among_them():
    assert summary("The navy tanker exploded and sank on Sunday.") == [
        ("violence", "Navy tanker explodes", "2021-01-31")
    ]


def test_a_date_of_another_subject_s_verb_does_not_date_the_event():
    found = summary("Protesters stormed the palace and police said on Monday that they had left.")
    assert [(t, d) for t, _title, d in found] == [("violence", None)]


def test_a_closing_participle_tells_the_event_before_it_not_the_main_verb():
    found = summary("Fuel leaked after the tanker that exploded on Sunday, killing nine sailors.")
    assert found == [("violence", "Tanker explodes", "2021-01-31")]


def test_a_date_closing_a_coordination_dates_the_verb_before_it_too():
    found = summary("The army stormed the square and arrested dozens of activists on Monday.")
    assert [(t, d) for t, _title, d in found] == [
        ("violence", "2021-02-01"),
        ("arrest", "2021-02-01"),
    ]
    found = summary("The army stormed the square last week and arrested activists on Monday.")
    assert ("arrest", "2021-02-01") in [(t, d) for t, _title, d in found]
    assert ("violence", "2021-02-01") not in [(t, d) for t, _title, d in found]
