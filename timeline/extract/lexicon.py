"""Word lists for event detection (data only): triggers per event type, roles, organisations.

A trigger's ``kind`` says how its actors and title are found:

``intrans``  the subject acts alone: "Boronov stepped down" -> "Boronov resigns"
``trans``    the subject acts on an object: "protesters stormed the parliament"
``passive``  the subject undergoes it: "Isaev was elected speaker"
``copula``   the subject takes a role: "Japarov became prime minister"
``nominal``  a noun names the event: "the parliamentary elections on October 4"

``patient`` marks types whose actors are the people acted upon (arrests, releases).
"""

from __future__ import annotations

from dataclasses import dataclass


def words(text: str) -> frozenset[str]:
    """A set of words written as one string."""
    return frozenset(text.split())


@dataclass(frozen=True)
class Trigger:
    pattern: str
    type: str
    kind: str
    verb: str = ""  # base form for titles: "resign", "storm"
    participle: str = ""  # "resigned", "stormed"
    noun: str = ""  # fallback title when nobody is named: "Resignation"
    patient: bool = False
    # only an event when a name follows ("met Putin", not "met resistance")
    needs_name: bool = False


_ART = r"(?:an?\s+|the\s+)?"
_POSS = r"(?:his|her|their|its)\s+"

TRIGGERS: tuple[Trigger, ...] = (
    # resignations
    Trigger(r"stepped\s+down|steps\s+down", "resignation", "intrans", "resign", "resigned"),
    Trigger(r"resign(?:ed|s)|quit|left\s+office", "resignation", "intrans", "resign", "resigned"),
    Trigger(
        rf"(?:announced|tendered|submitted|handed\s+in)\s+{_POSS}resignation",
        "resignation",
        "intrans",
        "resign",
        "resigned",
    ),
    Trigger(
        r"(?:was|were|has\s+been|had\s+been)\s+(?:dismissed|sacked|fired|ousted|removed\s+from"
        r"\s+(?:office|power|(?:his|her)\s+post))",
        "resignation",
        "passive",
        "dismiss",
        "dismissed",
    ),
    # appointments and elections to office
    Trigger(
        r"(?:was|were|has\s+been|had\s+been|is)\s+(?:(?:first|later|then|formally|unanimously)\s+)?"
        r"(?:re-?)?(?:elected|appointed|named|confirmed|nominated|chosen|installed)(?:\s+as)?",
        "appointment",
        "passive",
        "appoint",
        "appointed",
    ),
    Trigger(
        r"(?:was|were|has\s+been|had\s+been)\s+sworn\s+in(?:\s+as)?|took\s+the\s+oath"
        r"(?:\s+of\s+office)?",
        "appointment",
        "passive",
        "swear in",
        "sworn in as",
    ),
    Trigger(r"became|becomes|took\s+over\s+as", "appointment", "copula", "become", "became"),
    Trigger(
        r"(?:assumed|assumes|took|takes)\s+(?:over\s+)?(?:the\s+)?(?:presidency|premiership"
        r"|office|power|powers|post|leadership|helm)(?:\s+of\s+(?:the\s+)?\w+)?",
        "appointment",
        "copula",
        "assume",
        "assumed",
    ),
    Trigger(
        r"appointed|named|elected|appoints|names|elects",
        "appointment",
        "trans",
        "appoint",
        "appointed",
        needs_name=True,
    ),
    # votes
    Trigger(
        r"(?:(?:parliamentary|presidential|general|local|municipal|snap|early|legislative"
        r"|regional|national|mid-?term|repeat|run-?off)\s+)*(?:elections?|polls|referendum"
        r"|plebiscite|vote|ballot)",
        "election",
        "nominal",
        noun="Elections",
    ),
    Trigger(r"voted|went\s+to\s+the\s+polls", "election", "intrans", "vote", "voted"),
    # protest and unrest
    Trigger(
        r"(?:(?:mass|street|anti-government|opposition|violent|large|nationwide|peaceful)\s+)*"
        r"(?:unrest|protests?|demonstrations?|riots?|rallies|sit-ins?|general\s+strike)",
        "protest",
        "nominal",
        noun="Protests",
    ),
    Trigger(
        r"protested|took\s+to\s+the\s+streets|went\s+on\s+strike|marched|rioted|rallied",
        "protest",
        "intrans",
        "protest",
        "protested",
    ),
    # violence
    Trigger(
        r"(?:(?:violent|deadly|armed|fierce|heavy)\s+)*(?:clashes|fighting|gunfire|shootings?"
        r"|bombings?|explosions?|skirmishes)",
        "violence",
        "nominal",
        noun="Clashes",
    ),
    Trigger(r"stormed|storm", "violence", "trans", "storm", "stormed"),
    Trigger(
        r"seized|occupied|ransacked|torched|set\s+fire\s+to|broke\s+into",
        "violence",
        "trans",
        "seize",
        "seized",
    ),
    Trigger(r"clashed", "violence", "intrans", "clash", "clashed"),
    Trigger(r"opened\s+fire(?:\s+on)?", "violence", "trans", "open fire on", "opened fire on"),
    Trigger(r"attacked|shelled|bombed", "violence", "trans", "attack", "attacked"),
    Trigger(
        r"(?:was|were|had\s+been|have\s+been)\s+(?:killed|shot\s+dead|wounded|injured)",
        "violence",
        "passive",
        "kill",
        "killed",
        patient=True,
    ),
    Trigger(r"killed|shot\s+dead", "violence", "trans", "kill", "killed", patient=True),
    # arrests and releases
    Trigger(
        r"(?:was|were|had\s+been|has\s+been)\s+(?:re-?)?(?:arrested|detained|jailed|imprisoned"
        r"|taken\s+into\s+custody|charged)",
        "arrest",
        "passive",
        "arrest",
        "arrested",
        patient=True,
    ),
    Trigger(
        r"(?:re-?)?(?:arrested|detained|jailed)|arrests?|detains?",
        "arrest",
        "trans",
        "arrest",
        "arrested",
        patient=True,
        needs_name=True,
    ),
    Trigger(
        r"(?:was|were|had\s+been|has\s+been)\s+(?:released|freed|pardoned|acquitted)",
        "release",
        "passive",
        "release",
        "released",
        patient=True,
    ),
    Trigger(r"released|freed|pardoned", "release", "trans", "free", "freed", patient=True),
    # courts and annulments
    Trigger(
        r"declared\s+(?P<obj>[^.;:]{3,90}?)\s+(?:null\s+and\s+void|invalid|void|illegitimate"
        r"|unconstitutional)",
        "court",
        "trans",
        "annul",
        "annulled",
    ),
    Trigger(
        r"annulled|invalidated|overturned|struck\s+down|cancell?ed\s+the\s+results",
        "court",
        "trans",
        "annul",
        "annulled",
    ),
    Trigger(
        r"(?:was|were)\s+(?:sentenced|convicted|found\s+guilty)",
        "court",
        "passive",
        "sentence",
        "sentenced",
        patient=True,
    ),
    Trigger(r"ruled\s+that|ruled\s+(?:in\s+favou?r|against)", "court", "intrans", "rule", "ruled"),
    # legal acts
    Trigger(
        r"(?:declared|imposed|introduced|announced|lifted|extended)\s+(?:an?\s+|the\s+)?"
        r"(?:[\w-]+\s+){0,2}?(?:state\s+of\s+emergency|curfew|martial\s+law)",
        "legislation",
        "trans",
        "declare",
        "declared",
        noun="State of emergency",
    ),
    Trigger(
        rf"(?:signed|passed|adopted|approved|vetoed|enacted)\s+{_ART}(?:new\s+)?(?:law|decree"
        r"|bill|constitution|amendments?|resolution|budget)",
        "legislation",
        "trans",
        "pass",
        "passed",
    ),
    Trigger(
        r"dissolved\s+(?:the\s+)?(?:parliament|government|cabinet|assembly)",
        "legislation",
        "trans",
        "dissolve",
        "dissolved",
    ),
    # agreements
    Trigger(
        rf"(?:signed|reached|struck|agreed)\s+{_ART}(?:\w+\s+)?(?:agreement|deal|accord|treaty"
        r"|ceasefire|truce|memorandum|pact)|agreed\s+(?:on|to)\s+(?:an?\s+|the\s+)?\w+",
        "agreement",
        "trans",
        "agree",
        "agreed",
    ),
    # meetings
    Trigger(
        r"(?:a|the|his|her|their)\s+(?:meeting|talks|summit|visit)\s+(?:with|between)",
        "meeting",
        "nominal",
        noun="Meeting",
    ),
    Trigger(
        r"met\s+with|met|held\s+talks\s+with", "meeting", "trans", "meet", "met", needs_name=True
    ),
    Trigger(r"visited|arrived\s+in", "meeting", "trans", "visit", "visited", needs_name=True),
    # statements that are news in themselves
    Trigger(r"announced\s+that|declared\s+victory", "statement", "trans", "announce", "announced"),
)

# Light verbs that make an event noun an event ("provoked unrest", "saw clashes").
LIGHT_VERBS = (
    r"(?:is|are|was|were)\s+(?:scheduled|set|due|planned|expected)|provoked|sparked|triggered|staged|held|saw|see|erupted|broke\s+out|began|started|led"
    r"|organi[sz]ed|fuelled|fueled|caused|took\s+place|followed|continued|resumed|won|lost"
    r"|ended|escalated|spread|turned|were\s+held|was\s+held|had|hosted"
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
    "lieutenant major marshal admiral sheikh archbishop presidency premiership"
)

ORG_HEADS = words(
    "commission committee council court parliament party ministry assembly congress "
    "senate government union front movement agency service police army forces bank "
    "organization organisation office bureau department administration cabinet tribunal "
    "authority alliance coalition league guard board institute corporation company group "
    "federation chamber secretariat directorate brigade militia junta duma kremlin "
    "nations opposition"
)

# Capitalised words that open sentences or are dates, never names.
NOT_NAMES = words(
    "more about none ah oh yes well only just even still already each every few "
    "thousands hundreds dozens millions scores tens crowds "
    "the a an on in at after following later earlier meanwhile but and however he she "
    "they it we i you his her their its this that these those according when while as "
    "since before today yesterday tomorrow then also there here if one two three some "
    "many most all both several other another no not our my your what who which where why "
    "how mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday january "
    "february march april may june july august september october november december update "
    "breaking by for from to with of under over amid despite during until within without "
    "once now so thus yet"
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
    r"|are\s+expected\s+to|is\s+scheduled\s+to|are\s+scheduled\s+to|is\s+set\s+to|are\s+set\s+to"
    r"|plans?\s+to|intends?\s+to|has\s+to|have\s+to|is\s+planned|are\s+planned|scheduled\s+for"
    r"|due\s+(?:on|by)|deadline|no\s+later\s+than"
)
