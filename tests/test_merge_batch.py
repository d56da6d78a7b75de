"""Merging many articles at once: one event from many reports, dissenting dates kept,
and no run failing on its own inferences (any order of any subset gives a valid file)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from timeline.extract.article import Found
from timeline.extract.merge import Extracted, MergeReport, MergeRun, merge_batch
from timeline.extract.signature import Signature, content_words, similarity, topic_words
from timeline.extract.sources import SourceInfo
from timeline.graph import order_timeline
from timeline.store import dump_yaml, parse_text
from timeline.validate import check_document

DAY = dt.date(2021, 3, 1)


def source(name: str, published: dt.date = DAY + dt.timedelta(days=20)) -> SourceInfo:
    return SourceInfo(name, f"Report {name}", "Wire", published)


def found(ident: str, **fields) -> Found:
    fields.setdefault("title", ident.replace("-", " ").capitalize())
    fields.setdefault("type", "resignation")
    fields.setdefault("quote", f"Quote of {ident}.")
    return Found(id=ident, source="", **fields)


def fresh() -> CommentedMap:
    data = CommentedMap()
    data["title"] = "Valdoria"
    data["sources"] = CommentedMap()
    data["events"] = CommentedSeq()
    return data


def valid(data: CommentedMap):
    """The merged data, written as text and read back, validates and orders like `build`."""
    doc = parse_text(dump_yaml(data), "events.yaml", editable=False)
    timeline, _ = check_document(doc)
    order_timeline(timeline)
    return timeline


def merged(articles: list[Extracted], data: CommentedMap | None = None):
    data = fresh() if data is None else data
    report = MergeReport()
    merge_batch(data, articles, set(data["sources"]), report)
    return valid(data), report, data


# -- one event from many reports --------------------------------------------------------------


def berg(name: str, day: dt.date, *, quote: str, published: dt.date | None = None) -> Extracted:
    event = found(
        f"berg-resigns-{name}",
        title=f"Berg resigns ({name})",
        quote=quote,
        date=day.isoformat(),
        predicate="resign",
        agents=["Anna Berg"],
        actors=["Anna Berg"],
        paragraph=0,
    )
    return Extracted(source(name, published or day), [event])


def test_reports_of_one_event_merge_without_sharing_title_words():
    articles = [
        Extracted(
            source("a"),
            [
                found(
                    "berg-quits",
                    title="Berg quits",
                    quote="Prime Minister Anna Berg stepped down on Tuesday.",
                    date="2021-03-02",
                    predicate="step down",
                    agents=["Anna Berg"],
                    actors=["Anna Berg"],
                )
            ],
        ),
        Extracted(
            source("b"),
            [
                found(
                    "premier-leaves-office",
                    title="Premier leaves office",
                    quote="Berg resigned after a week of fuel protests.",
                    date="2021-03-02",
                    predicate="resign",
                    agents=["Berg"],
                    actors=["Berg"],
                )
            ],
        ),
    ]
    timeline, report, _ = merged(articles)
    assert len(timeline.events) == 1
    event = timeline.events[0]
    assert [r.source for r in event.sources] == ["a", "b"]
    assert [r.quote for r in event.sources] == [
        "Prime Minister Anna Berg stepped down on Tuesday.",
        "Berg resigned after a week of fuel protests.",
    ]
    assert report.new == ["berg-quits"] and report.merged == ["berg-quits"]


def test_the_same_words_with_other_parties_stay_apart():
    one = found(
        "x-arrested",
        type="arrest",
        predicate="arrest",
        agents=["Police"],
        patients=["Petra Holm"],
        actors=["Petra Holm"],
        date="2021-03-04",
        quote="Police arrested Petra Holm on Thursday.",
    )
    two = found(
        "x-arrested",
        type="arrest",
        predicate="arrest",
        agents=["Police"],
        patients=["Tomas Lind"],
        actors=["Tomas Lind"],
        date="2021-03-04",
        quote="Police arrested Tomas Lind on Thursday.",
    )
    timeline, _, _ = merged([Extracted(source("a"), [one]), Extracted(source("b"), [two])])
    assert sorted(e.id for e in timeline.events) == ["x-arrested", "x-arrested-2"]


def alone(name: str, ident: str, **fields) -> Extracted:
    """An article of one report."""
    return Extracted(source(name), [found(ident, **fields)])


def meeting(name: str, quote: str, **fields) -> Extracted:
    berg = {"agents": ["Anna Berg"], "actors": ["Anna Berg"]}
    return alone(
        name, f"berg-meets-{name}", type="meeting", predicate="meet", quote=quote, **berg, **fields
    )


def test_role_words_and_the_act_itself_do_not_make_two_meetings_one():
    week = meeting(
        "a",
        "Chief executive Anna Berg leaving a government meeting in Valdor last week.",
        date="2021-03-01/2021-03-07",
        places=["Valdor"],
    )
    undated = meeting(
        "b",
        "Chief executive Anna Berg said after meeting the governor at the harbour that the "
        "worst was over.",
        not_after=DAY + dt.timedelta(days=20),
    )
    timeline, _, _ = merged([week, undated])
    assert len(timeline.events) == 2


def test_undated_reports_of_a_one_off_act_need_a_word_in_common():
    def elected(name: str, quote: str) -> Extracted:
        berg = {"patients": ["Anna Berg"], "actors": ["Anna Berg"]}
        after = DAY + dt.timedelta(days=20)
        return alone(
            name,
            f"berg-elected-{name}",
            type="appointment",
            predicate="elect",
            quote=quote,
            not_after=after,
            **berg,
        )

    apart = [
        elected("a", "Voters elected Berg to run the country, not to run a fishing fleet."),
        elected("b", "The harbour strike will test whether Berg deserves to be elected again."),
    ]
    assert len(merged(apart)[0].events) == 2
    together = [
        elected("a", "Berg was elected on a promise to end the harbour strike."),
        elected("b", "Berg, elected on a promise to end the harbour strike, faces a test."),
    ]
    assert len(merged(together)[0].events) == 1


def test_one_shared_word_is_not_enough_when_a_report_has_few():
    def killing(name: str, quote: str, **fields) -> Extracted:
        return alone(
            name, f"blast-{name}", type="violence", predicate="kill", quote=quote, **fields
        )

    old = killing("a", "A blast there in 2005 killed 15 people.", date="2005")
    vague = killing(
        "b",
        "The first effect was that it killed 11 people and injured others.",
        not_after=DAY + dt.timedelta(days=20),
    )
    assert len(merged([old, vague])[0].events) == 2


def statement(name: str, quote: str, day: str) -> Extracted:
    port = {"agents": ["Port Authority"], "actors": ["Port Authority"]}
    return alone(
        name, f"port-says-{name}", type="statement", predicate="say", quote=quote, date=day, **port
    )


def test_what_a_party_says_is_one_event_only_when_it_says_the_same():
    same = [
        statement("a", "The Port Authority said the strike had cost ten million.", "2021-03-02"),
        statement("b", "The strike had cost ten million, the Port Authority said.", "2021-03-02"),
    ]
    assert len(merged(same)[0].events) == 1
    other = [
        statement("a", "The Port Authority said the strike had cost ten million.", "2021-03-02"),
        statement("b", "The Port Authority said ferries would sail again.", "2021-03-02"),
    ]
    assert len(merged(other)[0].events) == 2


def test_a_statement_on_another_day_is_another_statement():
    days = [
        statement("a", "The Port Authority said the strike had cost ten million.", "2021-03-02"),
        statement("b", "The Port Authority said the strike had cost ten million.", "2021-03-03"),
    ]
    assert len(merged(days)[0].events) == 2


def test_the_story_s_own_words_say_nothing_about_which_event():
    quotes = [f"The harbour strike entered day {n} as talk number {n} failed." for n in range(90)]
    quotes += [f"Fishing boats stayed in port, report {n} said." for n in range(30)]
    topic = topic_words(quotes)
    assert {"harbour", "strik", "fish", "boat"} <= topic  # stems
    assert "ferr" not in topic
    left = content_words("The harbour strike stopped the ferries.", topic=topic)
    assert left == {"stopp", "ferr"}
    assert topic_words(quotes[:99]) == frozenset()  # too few reports to tell


def test_a_report_naming_no_party_is_as_close_to_a_named_one_on_the_same_day():
    day = dt.date(2021, 3, 2)

    def sig(parties: frozenset[str], low: dt.date, high: dt.date) -> Signature:
        return Signature("violence", "kill", parties, frozenset({"tanker", "harbour"}), low, high)

    unnamed = sig(frozenset(), day, day)
    named = sig(frozenset({"valdor star"}), day, day)
    assert similarity(unnamed, named) == similarity(unnamed, sig(frozenset(), day, day))
    week = day + dt.timedelta(days=6)
    assert similarity(sig(frozenset(), day, week), named) < similarity(
        sig(frozenset(), day, week), sig(frozenset(), day, day)
    )


def test_a_place_named_as_a_party_is_where_not_who():
    def visit(name: str, quote: str, **fields) -> Extracted:
        return alone(
            name,
            f"visit-{name}",
            type="meeting",
            predicate="visit",
            date="2021-03-05",
            quote=quote,
            **fields,
        )

    reports = [
        visit("a", "The president will visit the coast on Friday.", patients=["the coast"]),
        visit("b", "Duarte tours the coast on Friday.", agents=["Ana Duarte"]),
    ]
    assert len(merged(reports)[0].events) == 1


def blast(name: str, parties: list[str], quote: str) -> Extracted:
    return alone(
        name,
        f"blast-{name}",
        type="violence",
        predicate="explode",
        date="2021-03-02",
        quote=quote,
        agents=parties,
        actors=parties,
    )


def test_events_formed_apart_on_one_day_are_joined_when_their_reports_agree(monkeypatch):
    articles = [
        blast(
            "a", ["Valdor Star"], "The Valdor Star exploded off the harbour, killing nine sailors."
        ),
        blast("b", ["Harbour Board"], "The tanker exploded off the harbour; nine sailors died."),
        blast(
            "c",
            ["Valdor Star", "Harbour Board"],
            "The Valdor Star exploded off the harbour, the Harbour Board said; sailors died.",
        ),
    ]
    timeline, report, _ = merged(articles)
    assert [len(e.sources) for e in timeline.events] == [3]
    assert report.new == ["blast-a"] and len(report.merged) == 2
    monkeypatch.setattr(MergeRun, "consolidate", lambda self: [])
    assert len(merged(articles)[0].events) == 2  # placed one report at a time: two events


def test_the_best_title_comes_from_the_most_precise_report():
    vague = found(
        "berg-resigns",
        title="Berg resigns",
        not_before=DAY,
        not_after=DAY.replace(day=5),
        predicate="resign",
        agents=["Berg"],
        actors=["Berg"],
        quote="Berg has resigned.",
    )
    precise = found(
        "berg-resigns-as-prime-minister",
        title="Berg resigns as prime minister",
        date="2021-03-02",
        predicate="resign",
        agents=["Anna Berg"],
        actors=["Anna Berg"],
        quote="Anna Berg resigned as prime minister on Tuesday.",
    )
    timeline, _, _ = merged([Extracted(source("a"), [vague]), Extracted(source("b"), [precise])])
    assert len(timeline.events) == 1
    event = timeline.events[0]
    assert event.title == "Berg resigns as prime minister"
    assert event.date is not None and event.date.text == "2021-03-02"
    assert {r.source for r in event.sources} == {"a", "b"}


def test_bounds_are_the_intersection_of_compatible_reports():
    reports = [
        found(
            "berg-resigns",
            not_before=DAY,
            not_after=DAY.replace(day=10),
            predicate="resign",
            agents=["Berg"],
            actors=["Berg"],
            quote="Berg resigned earlier this month.",
        ),
        found(
            "berg-resigns",
            not_before=DAY.replace(day=4),
            not_after=DAY.replace(day=20),
            predicate="resign",
            agents=["Berg"],
            actors=["Berg"],
            quote="Since Berg resigned, nothing has moved.",
        ),
    ]
    articles = [Extracted(source(n), [r]) for n, r in zip("ab", reports, strict=True)]
    timeline, _, _ = merged(articles)
    (event,) = timeline.events
    assert (event.own_earliest, event.own_latest) == (DAY.replace(day=4), DAY.replace(day=10))


def test_a_report_of_another_day_is_kept_with_its_own_claim():
    articles = [
        berg("a", DAY.replace(day=15), quote="Berg resigned on Monday, her office said."),
        berg("b", DAY.replace(day=15), quote="Berg resigned on Monday in a televised address."),
        berg(
            "c",
            DAY.replace(day=14),
            quote="Berg resigned on Sunday, her office said.",
            published=DAY.replace(day=16),
        ),
    ]
    timeline, report, _ = merged(articles)
    (event,) = timeline.events
    assert event.date is not None and event.date.text == "2021-03-15"
    claims = {r.source: r.date.text if r.date else None for r in event.sources}
    assert claims == {"a": None, "b": None, "c": "2021-03-14"}
    assert report.disputed == [event.id]
    from timeline.site.views import date_claims

    assert (
        date_claims(event, "15 March 2021") == "2 sources say 15 March 2021, 1 says 14 March 2021"
    )


def test_reports_too_far_apart_are_two_events():
    articles = [
        berg("a", DAY.replace(day=15), quote="Berg resigned on Monday, her office said."),
        berg("b", DAY.replace(day=25), quote="Berg resigned on Thursday, her office said."),
    ]
    timeline, report, _ = merged(articles)
    assert len(timeline.events) == 2 and report.disputed == []


def test_an_event_a_person_wrote_keeps_its_date_and_gains_a_dissenting_source():
    data = parse_text(
        "title: Valdoria\nsources:\n  notes:\n    title: Notes\nevents:\n"
        "  - id: berg-quits\n    title: Anna Berg quits\n    date: 2021-03-15\n"
        "    type: resignation\n    actors: [Anna Berg]\n    sources:\n      - source: notes\n",
        "events.yaml",
    ).data
    timeline, _, _ = merged(
        [berg("x", DAY.replace(day=14), quote="Berg resigned on Sunday.")], data
    )
    (event,) = timeline.events
    assert event.title == "Anna Berg quits" and event.date.text == "2021-03-15"
    assert [(r.source, r.date.text if r.date else None) for r in event.sources] == [
        ("notes", None),
        ("x", "2021-03-14"),
    ]


def test_an_articles_own_events_are_never_merged_with_each_other():
    one = found(
        "protests",
        type="protest",
        predicate="protest",
        date="2021-03-02",
        quote="Thousands protested in the capital.",
    )
    two = found(
        "protests-2",
        type="protest",
        predicate="protest",
        date="2021-03-02",
        quote="Thousands protested in the capital and the port.",
    )
    timeline, _, _ = merged([Extracted(source("a"), [one, two])])
    assert len(timeline.events) == 2


# -- the run's own inferences never fail it ------------------------------------------------------


def test_a_link_that_contradicts_dates_is_dropped_and_reported():
    """The Egypt failure: an inferred 'after' from one article meets dates from another."""
    first = Extracted(
        source("a"),
        [
            found(
                "demonstrations",
                type="protest",
                predicate="protest",
                date="2021-03-26",
                quote="Demonstrations filled the square.",
                places=["Cairo"],
            ),
            found(
                "cnn-arrested",
                type="arrest",
                predicate="arrest",
                patients=["CNN crew"],
                actors=["CNN crew"],
                not_before=DAY,
                not_after=DAY.replace(day=28),
                after=["demonstrations"],
                quote="A CNN crew was arrested.",
            ),
        ],
    )
    second = Extracted(
        source("b"),
        [
            found(
                "cnn-crew-arrested",
                type="arrest",
                predicate="arrest",
                patients=["CNN crew"],
                actors=["CNN crew"],
                date="2021-03-25",
                quote="A CNN crew was arrested on Monday.",
            )
        ],
    )
    timeline, report, _ = merged([first, second])
    arrested = timeline.event("cnn-crew-arrested")  # the exactly dated report names it
    assert [r.source for r in arrested.sources] == ["b", "a"]
    assert arrested.date.text == "2021-03-25" and arrested.after == ()
    assert report.dropped == [
        "event 'cnn-crew-arrested': dropped 'after: demonstrations' (inferred): "
        "'cnn-crew-arrested' (25 March 2021) would come after 'demonstrations' (26 March 2021)"
    ]


def test_a_cycle_of_inferred_links_loses_its_weakest_link():
    def article(name: str, first: str, second: str) -> Extracted:
        return Extracted(
            source(name),
            [
                found(
                    first,
                    type="meeting",
                    predicate="meet",
                    agents=[first.title()],
                    actors=[first.title()],
                    quote=f"{first.title()} met the envoy over the port dispute.",
                ),
                found(
                    second,
                    type="meeting",
                    predicate="meet",
                    agents=[second.title()],
                    actors=[second.title()],
                    after=[first],
                    quote=f"{second.title()} met them over the port dispute.",
                ),
            ],
        )

    timeline, report, _ = merged(
        [article("a", "berg", "lind"), article("b", "berg", "lind"), article("c", "lind", "berg")]
    )
    assert timeline.event("lind").after == ("berg",)
    assert timeline.event("berg").after == ()
    assert report.dropped == [
        "event 'berg': dropped 'after: lind' (inferred): events 'lind' → 'berg' → 'lind' would "
        "form a cycle"
    ]


HAND_WRITTEN = """title: Valdoria
sources:
  notes:
    title: Notes
events:
  - id: vote
    title: Parliament votes
    date: 2021-03-10
    type: election
    sources: [{source: notes}]
  - id: talks
    title: Talks
    type: meeting
    after: [vote]
    sources: [{source: notes}]
"""

TYPES = ("protest", "violence", "resignation", "arrest", "meeting")
PREDICATES = ("protest", "clash", "resign", "arrest", "meet", "")
PARTIES = ("Anna Berg", "Tomas Lind", "Petra Holm", "Police")
IDS = ("protests", "clashes", "berg-resigns", "lind-arrested", "talks", "vote")


@st.composite
def synthetic_found(draw, index: int) -> Found:
    first = draw(st.integers(0, 24))
    kind = draw(st.sampled_from(("day", "bounds", "low", "high", "month", "none")))
    fields: dict = {}
    if kind == "day":
        fields["date"] = (DAY + dt.timedelta(days=first)).isoformat()
    elif kind == "month":
        fields["date"] = "2021-03"
    elif kind != "none":
        width = draw(st.integers(0, 10))
        low, high = DAY + dt.timedelta(days=first), DAY + dt.timedelta(days=first + width)
        fields["not_before"] = low if kind in ("bounds", "low") else None
        fields["not_after"] = high if kind in ("bounds", "high") else None
    parties = draw(st.lists(st.sampled_from(PARTIES), max_size=2, unique=True))
    return found(
        f"{draw(st.sampled_from(IDS))}-{index}"
        if draw(st.booleans())
        else draw(st.sampled_from(IDS)),
        type=draw(st.sampled_from(TYPES)),
        predicate=draw(st.sampled_from(PREDICATES)),
        agents=parties[:1],
        patients=parties[1:],
        actors=parties,
        places=draw(st.lists(st.sampled_from(("Cairo", "Suez")), max_size=1)),
        paragraph=draw(st.integers(0, 6)),
        quote=draw(st.sampled_from(("Thousands marched.", "It happened.", "Berg quit."))),
        **fields,
    )


@st.composite
def synthetic_article(draw, number: int) -> Extracted:
    events = []
    for index in range(draw(st.integers(0, 5))):
        event = draw(synthetic_found(index))
        if all(e.id != event.id for e in events):
            events.append(event)
    ids = [e.id for e in events]
    for event in events:  # 'after' links in any direction: they may contradict the dates
        event.after = draw(st.lists(st.sampled_from(ids), max_size=2, unique=True)) if ids else []
    published = DAY + dt.timedelta(days=draw(st.integers(0, 30)))
    return Extracted(source(f"article-{number}", published), events)


@st.composite
def article_batches(draw) -> list[Extracted]:
    articles = [draw(synthetic_article(n)) for n in range(draw(st.integers(1, 8)))]
    chosen = draw(st.lists(st.sampled_from(range(len(articles))), unique=True, min_size=1))
    return [articles[i] for i in draw(st.permutations(chosen))]


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(article_batches(), st.booleans())
def test_any_order_of_any_subset_of_articles_gives_a_valid_file(articles, onto_a_file):
    data = parse_text(HAND_WRITTEN, "events.yaml").data if onto_a_file else None
    timeline, _, written = merged(articles, data)
    reports = sum(len(a.events) for a in articles)
    cited = sum(len(e.sources) for e in timeline.events) - (2 if onto_a_file else 0)
    assert cited == reports  # every report is in the file, as a source of one event
    if onto_a_file:
        assert timeline.event("talks").after == ("vote",)
    rerun = parse_text(dump_yaml(written), "events.yaml").data
    again, second, _ = merged(articles, rerun)
    assert second.new == [] and len(again.events) == len(timeline.events)


# -- real articles -------------------------------------------------------------------------


def _shared() -> Path:
    root = Path(__file__).resolve().parents[1]
    folder = Path(os.environ.get("TIMELINE_SHARED", root.parent / "shared"))
    egypt = folder / "corpora" / "t17-dev" / "egypt"
    if not egypt.is_dir():
        reason = f"Timeline17 'egypt' not found at {egypt} (set TIMELINE_SHARED)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return egypt


@pytest.mark.slow
def test_the_egypt_batch_extracts_in_one_run_with_nothing_dropped_silently(tmp_path):
    from timeline.corpora import t17_articles
    from timeline.extract import run_extract
    from timeline.tls import corpus_text
    from timeline.validate import load_timeline

    folder = tmp_path / "egypt"
    folder.mkdir()
    articles = list(t17_articles(_shared()))
    assert len(articles) == 273
    for article in articles:
        (folder / f"{article.id}.txt").write_text(corpus_text(article), encoding="utf-8")
    target = tmp_path / "events.yaml"
    summary = run_extract([str(folder)], target, jobs=2)
    assert summary.written and summary.articles_read == 273 and summary.skipped == []
    timeline, _ = load_timeline(target)
    order_timeline(timeline)
    refs = sum(len(e.sources) for e in timeline.events)
    assert refs == summary.events_found  # every report is cited by exactly one event
    text = summary.text()
    assert f"inferences dropped: {len(summary.dropped)}" in text
    assert all(f"  {why}" in text for why in summary.dropped)
