"""Hypothesis properties of timeline.temporal.tag: it never raises and spans are sound."""

from __future__ import annotations

import datetime as dt
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.temporal import tag

# words that exercise the patterns, mixed with arbitrary text
VOCAB = [
    "May", "March", "Friday", "Friday's", "Oct.", "Sept. 30", "1998", "'80s", "1990s", "the",
    "last", "next", "week", "year", "years", "ago", "later", "earlier", "two", "twenty-four",
    "third", "quarter", "first", "half", "of", "early", "late", "mid-", "10:35", "a.m.", "p.m.",
    "noon", "today", "yesterday", "tomorrow", "tonight", "now", "recently", "each", "every",
    "daily", "summer", "fall", "century", "20th", "Christmas", "Thanksgiving", "2020-10-04",
    "10/21/2020", "$27", "50%", "1,000", ",", ".", "\r\n", "\n\n", "-", "'", "(", ")", "—",
]  # fmt: skip

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(VOCAB), st.text(max_size=5)), max_size=60).map(" ".join),
)
dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, published=dates)
def test_never_raises_and_spans_are_sound(text: str, published: dt.date) -> None:
    found = tag(text, published)
    previous_end = 0
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert t.start >= previous_end  # sorted and non-overlapping
        assert t.text == text[t.start : t.end]
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value
        if t.earliest is not None and t.latest is not None:
            assert t.earliest <= t.latest
        previous_end = t.end


@settings(max_examples=50, deadline=None)
@given(published=dates)
def test_extreme_publication_dates(published: dt.date) -> None:
    text = (
        "Last year, a year ago, next week, the next day, two days later, Friday, "
        "on December 31, in January, the third quarter, the 1990s, last fall, tomorrow."
    )
    for t in tag(text, published):
        assert t.text == text[t.start : t.end]


def test_adversarial_input_is_linear() -> None:
    """1 MB of digits, month names, spaces and punctuation: generous bound, no blow-up."""
    unit = (
        "1" * 3000 + " " * 3000 + "May " * 500 + "March 12, " * 300 + "-" * 2000
        + "., " * 500 + "20 20 20 " * 300 + "Jan. Feb. Mar. " * 200 + "'" * 1000
        + "the last next " * 200 + "\r\n" * 500
    )  # fmt: skip
    small = (unit * 2)[:100_000]
    big = (unit * 20)[:1_000_000]
    t0 = time.perf_counter()
    tag(small, "2020-10-21")
    t_small = time.perf_counter() - t0
    t0 = time.perf_counter()
    tag(big, "2020-10-21")
    t_big = time.perf_counter() - t0
    assert t_big < 10.0  # the benchmark target is 1 s; this guards against blow-ups
    assert t_big < 25 * max(t_small, 0.01)  # ten times the input, not a hundred times the time
