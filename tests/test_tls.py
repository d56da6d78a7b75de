"""Timeline summarisation scoring (news-tls's Date-F1) and the extraction cache."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline import tls
from timeline.corpora import CorpusArticle
from timeline.extract.article import Found
from timeline.extract.merge import Extracted
from timeline.extract.sources import SourceInfo

D = dt.date(2011, 1, 25)


def day(n: int) -> dt.date:
    return D + dt.timedelta(days=n)


def window(*gold: int) -> tls.Window:
    days = frozenset(day(n) for n in gold)
    return tls.Window("t", "tl", days, min(days), max(days))


def test_date_f1_is_the_f1_of_mean_precision_and_mean_recall() -> None:
    first = tls.date_scores([day(0), day(1), day(5)], frozenset({day(0), day(1)}))
    second = tls.date_scores([day(2)], frozenset({day(3), day(4)}))
    assert first == (2 / 3, 1.0) and second == (0.0, 0.0)
    p, r, f = tls.f1_of_means([first, second])
    assert (p, r) == (pytest.approx(1 / 3), 0.5)
    assert f == pytest.approx(2 * (1 / 3) * 0.5 / (1 / 3 + 0.5))
    assert tls.f1_of_means([]) == (0.0, 0.0, 0.0)


def test_top_days_keep_k_days_inside_the_window_ties_to_the_earlier_day() -> None:
    counts = {day(-1): 9.0, day(0): 2.0, day(1): 5.0, day(2): 2.0, day(3): 0.0}
    assert tls.top_days(counts, window(0, 3)) == [day(1), day(0)]


def test_baselines_count_mentions_and_publications() -> None:
    def extracted(published: int, days: dict[int, int]) -> Extracted:
        info = SourceInfo(f"s{published}", "T", None, day(published))
        return Extracted(info, [], {day(n): c for n, c in days.items()})

    batch = [extracted(1, {0: 2, 1: 1}), extracted(1, {0: 1}), extracted(2, {})]
    assert tls.mention_counts(batch) == {day(0): 3, day(1): 1}
    assert tls.publication_counts(batch) == {day(1): 2, day(2): 1}


def test_the_cache_gives_back_what_was_extracted(tmp_path) -> None:
    article = CorpusArticle("x-1", "wire", D, "Protesters marched on Tuesday.")
    found = Found(
        id="protesters-march",
        title="Protesters march",
        type="protest",
        source="x-1",
        quote="Protesters marched on Tuesday.",
        not_before=day(-3),
        not_after=D,
        actors=["Protesters"],
        predicate="march",
        paragraph=0,
    )
    extracted = Extracted(SourceInfo("x-1", "T", "Wire", D), [found], {D: 2})
    cache = tls.Cache(tmp_path)
    assert cache.get(article) is None
    cache.put(article, extracted)
    assert cache.get(article) == extracted
    changed = CorpusArticle("x-1", "wire", D, "Protesters marched on Monday.")
    assert cache.get(changed) is None  # keyed by the text too
    assert tls.Cache(None).get(article) is None


def test_corpus_text_is_a_dated_file_with_one_paragraph_per_sentence() -> None:
    article = CorpusArticle("x", "wire", D, "First sentence.\nSecond one.\n")
    assert tls.corpus_text(article) == "date 2011-01-25\n\nFirst sentence.\n\nSecond one.\n"
