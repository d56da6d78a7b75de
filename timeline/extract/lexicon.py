"""Word lists for event detection (data only): roles, organisations, groups, cues.

The trigger words per event type are in :mod:`timeline.extract.triggers`
(re-exported here).
"""

from __future__ import annotations

import dataclasses
import re

from timeline.extract.triggers import TRIGGERS as _BASE_TRIGGERS
from timeline.extract.triggers import Trigger
from timeline.extract.triggers_more import MORE_TRIGGERS

__all__ = ["TRIGGERS", "Trigger", "words"]


def _numbered(triggers: tuple[Trigger, ...]) -> tuple[Trigger, ...]:
    """Give each trigger's ``obj`` group a name of its own, so all fit in one pattern."""
    return tuple(
        dataclasses.replace(t, pattern=re.sub(r"\(\?P<obj>", f"(?P<obj{n}>", t.pattern))
        for n, t in enumerate(triggers)
    )


# The specific patterns first: where two start at the same word, the earlier one wins.
TRIGGERS: tuple[Trigger, ...] = _numbered(MORE_TRIGGERS + _BASE_TRIGGERS)


def words(text: str) -> frozenset[str]:
    """A set of words written as one string."""
    return frozenset(text.split())


# Light verbs that make an event noun an event ("provoked unrest", "saw clashes").
LIGHT_VERBS = (
    r"(?:is|are|was|were)\s+(?:scheduled|set|due|planned|expected)|provoked|sparked|triggered|staged|held|saw|see|erupted|broke\s+out|began|started|led"
    r"|organi[sz]ed|fuelled|fueled|caused|took\s+place|followed|continued|resumed|won|lost"
    r"|ended|escalated|spread|turned|were\s+held|was\s+held|had|hosted|died|killed|wounded"
    r"|injured|drew|swept|rocked|gripped|grew"
)

ROLE_WORDS = words(
    "president vice prime minister premier speaker chancellor governor mayor general "
    "senator judge king queen prince emir sultan chairman chairwoman chair "
    "secretary-general secretary envoy ambassador commander leader head chief prosecutor "
    "prosecutor-general attorney lawmaker mp spokesman spokeswoman spokesperson "
    "president-elect ombudsman deputy foreign defence defense interior finance justice "
    "economy health parliament parliamentary acting interim former special opposition "
    "army supreme first state minister-president colonel captain lieutenant major marshal "
    "admiral sheikh archbishop"
)
# Of those, the words that end a role ("Prime Minister", "Parliament Speaker").
ROLE_HEADS = words(
    "sen gov rep gen col lt adm laureate "
    "president minister premier speaker chancellor governor mayor general senator judge "
    "king queen prince emir sultan chairman chairwoman chair secretary-general secretary "
    "envoy ambassador commander leader head chief prosecutor prosecutor-general lawmaker "
    "mp spokesman spokeswoman spokesperson president-elect ombudsman colonel captain "
    "lieutenant major marshal admiral sheikh archbishop presidency premiership "
    "counsellor counselor councillor commander-in-chief adviser advisor candidate heir "
    "activist lawyer journalist cleric dissident executive"
)

# Unnamed groups that take part in events ("police arrested dozens of demonstrators"):
# the words that may come first, and the group nouns themselves.
GROUP_MODIFIERS = (
    r"opposition|government|anti-government|pro-government|pro-democracy|riot|security"
    r"|student|armed|unidentified|masked|plainclothes|military|army|police|party|election"
    r"|electoral|constitutional|supreme|high|central|national|transitional|interim|protest"
)
# Nouns after a group word that make it a modifier ("the parliament building").
GROUP_NOT_BEFORE = words(
    "building buildings headquarters station stations chief chiefs officer spokesman "
    "spokeswoman spokesperson statement source sources member members session speaker "
    "election elections vote camp office offices gates compound post posts base bases "
    "vehicles van vans car cars truck trucks unit units commander commanders ruling rulings "
    "decision order orders line lines cordon barricades custody leader leadership head "
    "crackdown violence brutality raid raids majority seat seats"
)
GROUP_NOUNS = (
    r"police(?:\s+officers)?|troops|soldiers|protest(?:e|o)rs|demonstrators|activists"
    r"|security\s+forces|forces|supporters|students|military|army|militants|rebels|gunmen"
    r"|workers|people|civilians|journalists|officers|lawmakers|deputies|prosecutors|judges"
    r"|justices|voters|leaders|junta|government|authorities|officials|parliament|congress"
    r"|drivers|farmers|miners|truckers|dockworkers|residents|villagers|rioters|teachers"
    r"|legislature|court|commission|cabinet|council|senate|assembly|tribunal|regulator"
)

ORG_HEADS = words(
    "commission committee council court parliament party ministry assembly congress "
    "senate government union front movement agency service police army forces bank "
    "organization organisation office bureau department administration cabinet tribunal "
    "authority alliance coalition league guard board institute corporation company group "
    "federation chamber secretariat directorate brigade militia junta duma kremlin "
    "nations opposition states kingdom emirates republic"
)

# Capitalised words that open sentences or are dates, never names.
NOT_NAMES = words(
    "more about none nobody like unlike ah oh yes well only just even still already each every few "
    "thousands hundreds dozens millions scores tens crowds "
    "the a an on in at after following later earlier meanwhile but and however he she "
    "they it we i you his her their its this that these those according when while as "
    "since before today yesterday tomorrow then also there here if one two three some "
    "many most all both several other another no not our my your what who which where why "
    "how mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday january "
    "february march april may june july august september october november december update "
    "breaking by for from to with of under over amid despite during until within without "
    "once now so thus yet four five six seven eight nine ten eleven twelve twenty fifty "
    "hundred last next week weekend month year"
)

PLACE_PREPOSITIONS = r"in|at|near|outside|across|throughout|inside|into|around"

# Words just before a trigger that make it not (yet) an event.
HYPOTHETICAL = (
    r"could|might|(?-i:may)|would|if|unless|whether|potential|possible|possibly|threatened\s+to"
    r"|refused\s+to|failed\s+to|did\s+not|didn't|does\s+not|doesn't|not|never|no|demanded"
    r"|demanding|called\s+for|calling\s+for|urged|wants?\s+to|wanted\s+to|sought\s+to"
    r"|seeking|tried\s+to|attempt(?:ed)?\s+to|fear(?:s|ed)?|rumou?rs?|denied|deny"
    r"|avoid|prevent|to|against|any|ban\s+on|bans?|banned|prohibit(?:ed)?"
)

# Future or obligation: with a date these are deadlines or scheduled events.
FUTURE = (
    r"will|shall|should|must|is\s+to|are\s+to|is\s+due\s+to|are\s+due\s+to|is\s+expected\s+to"
    r"|are\s+expected\s+to|(?:is|are)\s+(?:widely|still|now|also|generally)\s+expected\s+to"
    r"|(?:is|are)\s+(?:un)?likely\s+to|is\s+scheduled\s+to|are\s+scheduled\s+to|is\s+set\s+to|are\s+set\s+to"
    r"|plans?\s+to|intends?\s+to|has\s+to|have\s+to|is\s+planned|are\s+planned|scheduled\s+for"
    r"|due\s+(?:on|by)|deadline|no\s+later\s+than|(?:was|were|is|are|has\s+been)\s+(?:called"
    r"|set|fixed)\s+for"
)

# Who can decide (a court, a commission, a parliament ...), and which of them judge.
JUDICIAL = words("court courts tribunal judge judges justices commission prosecutors prosecutor")
INSTITUTIONS = JUDICIAL | words(
    "parliament congress senate assembly legislature government cabinet ministry junta "
    "military army authorities party committee regulator council board duma"
)
