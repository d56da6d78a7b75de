"""The filter table: each named rule drops what did not happen, and only that.

Every rule has sentences it must drop (naming itself as the reason) and sentences
it must leave alone. No rule changes a predicate's type.
"""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract import filters
from timeline.extract.document import Predicate
from timeline.extract.sources import article_from_text
from timeline.extract.stages import run

PUBLISHED = dt.date(2021, 2, 2)


def predicates(text: str) -> list[Predicate]:
    return run(article_from_text(text, PUBLISHED)).predicates


def reasons(text: str, key: str) -> list[str]:
    return [p.dropped for p in predicates(text) if p.entry.key == key]


DROPPED = [
    ("question", "Did the army storm the palace?", "storm"),
    ("command", "Release the detained students now!", "release"),
    ("command", "Storm the palace and free the prisoners!", "free"),
    ("negation", "Police did not arrest the opposition leader on Monday.", "arrest"),
    ("negation", "None of the ministers resigned.", "resign"),
    ("negation", "Senegal has never had a coup.", "coup"),
    ("modality", "Police could arrest the protest leaders.", "arrest"),
    ("modality", "If the court annuls the vote, protests will follow.", "annul"),
    ("modality", "Shutting the port down will be devastating for the town.", "shut"),
    ("modality", "Police could arrest and detain the opposition leaders.", "detain"),
    ("opinion", "Critics say the president seized power illegally.", "seize"),
    ("opinion", "Observers compare the mood to the demonstrations of 2003.", "demonstration"),
    ("wish", "Protesters demanded the release of the detained leaders.", "release"),
    ("wish", "The opposition wants the court to annul the vote.", "annul"),
    ("habit", "Police often arrest protesters in the capital.", "arrest"),
    ("habit", "Duarte won every vote in parliament.", "win"),
    ("habit", "The vote was close. Presidents are elected for five years.", "elect"),
    ("uncertainty", "Rumours that the minister resigned spread on Monday.", "resign"),
    ("uncertainty", "It is unclear whether the general was arrested.", "arrest"),
    ("generic", "Police arrested anyone who protested.", "arrest"),
    ("non-political sense", "Police seized drugs worth millions on Monday.", "seize"),
    ("non-political sense", "Heavy rains killed 12 people in the north on Monday.", "kill"),
    ("direct speech", '"We arrested the traitors," General Ali Musa said.', "arrest"),
    ("speech adjunct", "President Evo Morales resigned on Sunday, saying he wanted peace.", "say"),
    ("quote attribution", '"We stand with the people," General Ali Musa said on Monday.', "say"),
    ("reported intention", "The government plans to dissolve parliament.", "dissolve"),
    ("reported intention", "The army has vowed to storm the rebel town.", "storm"),
    ("infinitive", "The law gives prosecutors the power to seize assets.", "seize"),
    ("background clause", "Lazaro Gonzalez, who is fighting to keep the boy, spoke.", "fight"),
    ("background clause", "The army faced a militia attacking its bases.", "attack"),
    ("background clause", "The law gives police powers for detaining suspects.", "detain"),
    ("report of an event", "Governor Ali Musa said on Friday that he had resigned.", "say"),
    ("future without a date", "The president will resign.", "resign"),
    ("unreal event noun", "Fresh elections could calm the country.", "election"),
    ("reference to an event", "The protests had little effect.", "protest"),
]

KEPT = [
    ("Police arrested dozens of activists on Monday.", "arrest"),
    ("Why did they do it? Police arrested Karl Stam on Monday.", "arrest"),
    ("Parliament was dissolved on Monday, and analysts say the move was legal.", "dissolve"),
    ("Police confirmed that protesters stormed the palace on Monday.", "storm"),
    ("The army seized power on Monday.", "seize"),
    ("Officials said the minister resigned on Monday.", "resign"),
    ("The court convicted the former president on Monday.", "convict"),
    ("His newly appointed prime minister, Ahmed Shafiq, met the cabinet on Monday.", "appoint"),
    ("Following the elections on October 4, protesters stormed the parliament.", "election"),
    ("Sagasti is expected to be sworn in as president on Friday.", "swear in"),
    ("After storming the building on Monday, protesters set it on fire.", "storm"),
    ("Governor Ali Musa said on Friday that he had resigned.", "resign"),
    ("Governor Ali Musa said on Friday that the talks would continue.", "say"),
    ("The vote was close. The speaker is elected on Friday, officials said.", "elect"),
    ("Parliament is dissolved. Analysts say the move was legal.", "dissolve"),
    ("09:10 - Crowds gather.\n\n17:40 - Ana Duarte is sworn in as president.", "swear in"),
]


@pytest.mark.parametrize(("rule", "text", "key"), DROPPED)
def test_each_rule_drops_what_did_not_happen(rule, text, key):
    assert rule in filters.RULES or rule in filters.DATED_RULES
    assert rule in reasons(text, key), [(p.entry.key, p.dropped) for p in predicates(text)]


@pytest.mark.parametrize(("text", "key"), KEPT)
def test_what_happened_passes_every_rule(text, key):
    found = reasons(text, key)
    assert found and "" in found, [(p.entry.key, p.dropped) for p in predicates(text)]


def test_every_rule_has_a_test():
    tested = {rule for rule, _text, _key in DROPPED}
    assert tested == set(filters.RULES) | set(filters.DATED_RULES)


def test_no_rule_changes_a_type():
    for _rule, text, _key in DROPPED:
        for pred in predicates(text):
            assert pred.type == pred.entry.type
