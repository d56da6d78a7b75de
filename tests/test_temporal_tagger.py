"""Behaviour of timeline.temporal.tag on small made-up sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.exceptions import InputError
from timeline.temporal import Timex, tag

DCT = "2020-10-21"  # a Wednesday


def values(text: str, published: str = DCT) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, published)]


def one(text: str, published: str = DCT) -> Timex:
    found = tag(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vote was held on October 4.", [("October 4", "2020-10-04")]),
        ("It should be set before November 6.", [("November 6", "2020-11-06")]),
        ("He was born on March 5, 1946.", [("March 5, 1946", "1946-03-05")]),
        ("They met on 21 October 2019.", [("21 October 2019", "2019-10-21")]),
        ("The deal closed in July 1997.", [("July 1997", "1997-07")]),
        ("Sales rose in 1998.", [("1998", "1998")]),
        ("It happened yesterday.", [("yesterday", "2020-10-20")]),
        ("It happens today.", [("today", "2020-10-21")]),
        ("It will happen tomorrow.", [("tomorrow", "2020-10-22")]),
        ("Prices fell last week.", [("last week", "2020-W42")]),
        ("Talks resume next month.", [("next month", "2020-11")]),
        ("Profit fell last year.", [("last year", "2019")]),
        ("Results for the third quarter were weak.", [("the third quarter", "2020-Q3")]),
        ("The 1990s were calm.", [("The 1990s", "199")]),
        ("Rates are high now.", [("now", "PRESENT_REF")]),
        ("Prices recently rose.", [("recently", "PAST_REF")]),
        ("It is a risk in the future.", [("the future", "FUTURE_REF")]),
        ("It lasted three years.", [("three years", "P3Y")]),
        ("It took several weeks.", [("several weeks", "PXW")]),
        ("The paper is published weekly.", [("weekly", "P1W")]),
        ("He visits each week.", [("each week", "P1W")]),
        ("The plan dates from the summer of 2018.", [("the summer of 2018", "2018-SU")]),
        ("They left two years ago.", [("two years ago", "2018")]),
        ("The blast came at 10:35 a.m. Friday.", [("10:35 a.m. Friday", "2020-10-16T10:35")]),
        ("The ISO date is 2020-10-04.", [("2020-10-04", "2020-10-04")]),
        ("Growth slowed in the first half of 2019.", [("the first half of 2019", "2019-H1")]),
        ("Trading resumed this morning.", [("this morning", "2020-10-21TMO")]),
    ],
)
def test_values(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


def test_earliest_and_latest_cover_the_days() -> None:
    t = one("Sales rose in 1998.")
    assert (t.earliest, t.latest) == (dt.date(1998, 1, 1), dt.date(1998, 12, 31))
    week = one("Prices fell last week.")
    assert (week.earliest, week.latest) == (dt.date(2020, 10, 12), dt.date(2020, 10, 18))
    quarter = one("Results for the third quarter were weak.")
    assert (quarter.earliest, quarter.latest) == (dt.date(2020, 7, 1), dt.date(2020, 9, 30))
    assert one("It lasted three years.").earliest is None
    assert one("Rates are high now.").latest is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The summit was held on Friday.", "2020-10-16"),
        ("The summit will be held on Friday.", "2020-10-23"),
        ("Elections took place on January 20.", "2020-01-20"),
        ("Elections will take place on January 20.", "2021-01-20"),
        ("The vote should be set before November 6.", "2020-11-06"),
        ("Elections will take place on October 4.", "2020-10-04"),
        ("The talks ended in December.", "2019-12"),
        ("The talks will end in December.", "2020-12"),
        ("The office opened in March.", "2020-03"),
        ("The office is scheduled to open in March.", "2021-03"),
    ],
)
def test_direction_from_tense(text: str, value: str) -> None:
    assert one(text).value == value


@pytest.mark.parametrize(
    "text",
    [
        "You may go now if you like, he said.",  # "now" is fine, "may" is not a date
        "They march on the capital.",
        "We sat in the sun.",
        "We agreed.",
        "It was the second attempt.",
        "They ate at TGI Friday's in town.",
        "It costs $27 a share.",
        "Turnout was 50%.",
        "About 1,000 people came.",
        "The court ruled by a 10-4 vote.",
        "Call 555-1234 or +1 212 555 1990.",
        "The home side won 3-2 after a 2-2 draw.",
        "May I ask a question?",
        "Theresa May spoke.",
        "About 2000 soldiers took part.",
        "Trading closed at 1430 GMT.",
        "Thousands joined the annual March for Life.",
        "He watched 60 Minutes and This Week.",
        "The chip runs 15 million instructions per second.",
    ],
)
def test_false_friends(text: str) -> None:
    found = [t for t in tag(text, DCT) if t.type in ("DATE", "TIME") and t.earliest is not None]
    assert found == []


def test_false_friends_list_has_no_calendar_dates() -> None:
    text = "You may march on. We sat in the sun for a second. $27, 50%, 1,000, a 10-4 vote."
    assert [t for t in tag(text, DCT) if t.earliest is not None] == []


def test_narrative_anchor() -> None:
    found = values("The strike began on March 3, 2015. Two days later it ended.")
    assert found == [("March 3, 2015", "2015-03-03"), ("Two days", "P2D")]
    assert values("Talks began on March 3, 2015. The next day they stalled.") == [
        ("March 3, 2015", "2015-03-03"),
        ("The next day", "2015-03-04"),
    ]


def test_windows_line_endings_keep_offsets() -> None:
    text = "date 2020-10-21\r\nBISHKEK, October 21.\r\nThe vote was on October 4.\r\n"
    found = tag(text, DCT)
    assert [t.text for t in found] == ["2020-10-21", "October 21", "October 4"]
    for t in found:
        assert text[t.start : t.end] == t.text


def test_empty_input() -> None:
    assert tag("", DCT) == []
    assert tag("   \n\r\n", dt.date(2020, 1, 1)) == []


def test_publication_date_forms() -> None:
    assert values("It happened yesterday.", "2020-10-21T14:00:00") == [("yesterday", "2020-10-20")]
    assert values("It happened yesterday.", dt.datetime(2020, 10, 21, 3)) == [
        ("yesterday", "2020-10-20")
    ]
    with pytest.raises(InputError, match="not a publication date"):
        tag("text", "not a date")


def test_to_dict() -> None:
    d = one("The vote was held on October 4.").to_dict()
    assert d == {
        "start": 21,
        "end": 30,
        "text": "October 4",
        "type": "DATE",
        "value": "2020-10-04",
        "earliest": "2020-10-04",
        "latest": "2020-10-04",
        "mod": None,
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The summit, set for Dec. 10-11, was postponed.",
            [("Dec. 10", "2020-12-10"), ("11", "2020-12-11")],
        ),
        ("Elections are held every four years.", [("every four years", "P4Y")]),
        ("The forum meets annually in Davos.", [("annually", "P1Y")]),
        ("It pays a quarterly dividend.", []),
        ("The report covers 2019-2020.", [("2019", "2019"), ("2020", "2020")]),
        ("It took a minute and a half.", [("a minute and a half", "PT1M30S")]),
        ("Sales fell in the first nine months.", [("the first nine months", "P9M")]),
        ("He has lived there since the early 2000s.", [("the early 2000s", "200")]),
        ("The 19th century saw great change.", [("The 19th century", "18")]),
        (
            "The ceasefire began at midnight on Saturday.",
            [("midnight on Saturday", "2020-10-17T24:00")],
        ),
        ("Talks were postponed until Tuesday morning.", [("Tuesday morning", "2020-10-27")]),
        ("It had been due to expire Friday evening.", [("Friday evening", "2020-10-16")]),
        ("Prices rose in the weeks before the vote.", [("the weeks", "PXW")]),
        ("Turnout in next Sunday's vote", [("next Sunday", "2020-10-25")]),
        ("The 10-day ceasefire expired.", [("10-day", "P10D")]),
        ("Hours later, the curfew was lifted.", [("Hours", "PTXH")]),
        (
            "It rained on Oct. 3, 2015. The day after, it snowed.",
            [("Oct. 3, 2015", "2015-10-03"), ("The day after", "2015-10-04")],
        ),
        (
            "The deadline is 5 p.m. EST on Friday, Oct. 23.",
            [("5 p.m. EST on Friday, Oct. 23", "2020-10-23T17:00")],
        ),
    ],
)
def test_more_phenomena(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


def test_long_text_is_tagged_across_segments() -> None:
    sentence = "The vote was held on October 4, and the past two months were calm.\n"
    text = sentence * 6000  # about 400 KB: several internal segments
    found = tag(text, DCT)
    assert len(found) == 12000
    assert {t.value for t in found} == {"2020-10-04", "P2M"}
    assert all(text[t.start : t.end] == t.text for t in found)
