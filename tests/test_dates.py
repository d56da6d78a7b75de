"""EDTF parsing: precise errors, earliest/latest days, agreement with the `edtf` package."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.dates import DateError, human_range, parse_edtf


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "precision"),
    [
        ("2020-10-04", date(2020, 10, 4), date(2020, 10, 4), "day"),
        ("2020-10", date(2020, 10, 1), date(2020, 10, 31), "month"),
        ("2020", date(2020, 1, 1), date(2020, 12, 31), "year"),
        ("2020-02", date(2020, 2, 1), date(2020, 2, 29), "month"),
        ("2020-10-04?", date(2020, 10, 4), date(2020, 10, 4), "day"),
        ("2020-10~", date(2020, 10, 1), date(2020, 10, 31), "month"),
        ("2020-10-05/2020-10-06", date(2020, 10, 5), date(2020, 10, 6), "day"),
        ("2020-10/2020-11", date(2020, 10, 1), date(2020, 11, 30), "month"),
        ("2020-22", date(2020, 6, 1), date(2020, 8, 31), "season"),
        ("2020-24", date(2020, 12, 1), date(2021, 2, 28), "season"),
        ("202X", date(2020, 1, 1), date(2029, 12, 31), "decade"),
        ("2020-XX", date(2020, 1, 1), date(2020, 12, 31), "year"),
        ("2020-10-XX", date(2020, 10, 1), date(2020, 10, 31), "month"),
        ("2020-10-04T14:30:00Z", date(2020, 10, 4), date(2020, 10, 4), "day"),
    ],
)
def test_valid_dates(text, earliest, latest, precision):
    value = parse_edtf(text)
    assert (value.earliest, value.latest, value.precision) == (earliest, latest, precision)
    assert value.text == text


def test_qualifiers():
    assert parse_edtf("2020-10-04?").uncertain
    assert not parse_edtf("2020-10-04?").approximate
    assert parse_edtf("2020-10~").approximate
    both = parse_edtf("2020%")
    assert both.uncertain and both.approximate


def test_yaml_values_are_accepted():
    assert parse_edtf(date(2020, 10, 4)).text == "2020-10-04"
    assert parse_edtf(2020).precision == "year"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2020-02-30", "'2020-02-30' is not a real day (February 2020 has 29 days)"),
        ("2021-02-29", "'2021-02-29' is not a real day (February 2021 has 28 days)"),
        ("2020-13", "'2020-13': month 13 does not exist (01–12, or 21–24 for seasons)"),
        ("2020-10-32", "'2020-10-32' is not a real day (October 2020 has 31 days)"),
        ("4 October 2020", "'4 October 2020' is not an EDTF date"),
        ("2020/10/04", "'2020/10/04' has more than one '/'; a span is START/END"),
        ("2020-10-06/2020-10-05", "span '2020-10-06/2020-10-05' ends before it starts"),
        (
            "2020-10-05/..",
            "'2020-10-05/..' is an open-ended span; give both ends, or use not_before / not_after",
        ),
        ("0000", "'0000': year 0 cannot be placed on a calendar here"),
        ("", "the date is empty"),
        ("2020-22-01", "'2020-22-01': a season (summer) cannot have a day"),
    ],
)
def test_errors_say_what_is_wrong(text, message):
    with pytest.raises(DateError) as caught:
        parse_edtf(text)
    assert str(caught.value) == message


def test_non_text_values_are_rejected():
    with pytest.raises(DateError, match="not a list"):
        parse_edtf([2020])
    with pytest.raises(DateError, match="not true/false"):
        parse_edtf(True)


@pytest.mark.parametrize(
    ("text", "human"),
    [
        ("2020-10-04", "4 October 2020"),
        ("2020-10~", "October 2020 (approximate)"),
        ("2020-10-04?", "4 October 2020 (uncertain)"),
        ("2020-10-05/2020-10-06", "5–6 October 2020"),
        ("2020-09-30/2020-10-02", "30 September–2 October 2020"),
        ("2020", "2020"),
        ("2020-23", "Autumn 2020"),
        ("199X", "the 1990s"),
    ],
)
def test_human_dates(text, human):
    assert parse_edtf(text).human() == human


def test_human_range():
    assert human_range(date(2020, 10, 4), date(2020, 10, 21)) == "between 4 and 21 October 2020"
    assert human_range(None, date(2020, 10, 21)) == "on or before 21 October 2020"
    assert human_range(date(2020, 10, 4), None) == "on or after 4 October 2020"
    assert human_range(None, None) == "date unknown"
    assert (
        human_range(date(2019, 12, 30), date(2020, 1, 2))
        == "between 30 December 2019 and 2 January 2020"
    )


days = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
qualifier = st.sampled_from(["", "?", "~", "%"])


@st.composite
def edtf_strings(draw) -> str:
    day = draw(days)
    precision = draw(st.sampled_from(["day", "month", "year"]))
    text = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": f"{day.year:04d}"}
    return text[precision] + draw(qualifier)


@given(edtf_strings())
def test_bounds_contain_exactly_the_days_written(text):
    value = parse_edtf(text)
    core = text.rstrip("?~%")
    assert value.earliest.isoformat().startswith(core)
    assert value.latest.isoformat().startswith(core)
    if len(core) == 7:
        year, month = int(core[:4]), int(core[5:])
        assert value.latest.day == calendar.monthrange(year, month)[1]


@given(edtf_strings(), edtf_strings())
def test_spans_cover_both_ends_or_are_rejected(first, second):
    text = f"{first}/{second}"
    try:
        value = parse_edtf(text)
    except DateError as err:
        assert "ends before it starts" in str(err)
        assert parse_edtf(second).latest < parse_edtf(first).earliest
    else:
        assert value.earliest == parse_edtf(first).earliest
        assert value.latest == parse_edtf(second).latest


@given(edtf_strings())
def test_agrees_with_the_edtf_package(text):
    edtf = pytest.importorskip("edtf")
    theirs = edtf.parse_edtf(text)
    ours = parse_edtf(text)
    low, high = theirs.lower_strict(), theirs.upper_strict()
    assert (low.tm_year, low.tm_mon, low.tm_mday) == ours.earliest.timetuple()[:3]
    assert (high.tm_year, high.tm_mon, high.tm_mday) == ours.latest.timetuple()[:3]


@given(st.text(max_size=30))
def test_arbitrary_text_parses_or_raises_date_error(text):
    try:
        value = parse_edtf(text)
    except DateError:
        return
    assert value.earliest <= value.latest
