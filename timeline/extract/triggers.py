"""Trigger words per event type (data only), one :class:`Trigger` each.

A trigger's ``kind`` says how its actors and title are found:

``intrans``  the subject acts alone: "Boronov stepped down" -> "Boronov resigns"
``trans``    the subject acts on an object: "protesters stormed the parliament"
``passive``  the subject undergoes it: "Isaev was elected speaker"
``copula``   the subject takes a role: "Japarov became prime minister"
``nominal``  a noun names the event: "the parliamentary elections on October 4"

``patient`` marks types whose actors are the people acted upon (arrests, releases).
Where two patterns match at the same place, the earlier one in :data:`TRIGGERS`
wins ("dissolved parliament" is legislation before "dissolved" is a decision).
Present tense ("arrest", "opens fire") serves live blogs; a participle ("seized
power, detaining X") is a trigger only where it continues a clause (after a
comma, "and", "after", "while" or "before": see :mod:`timeline.extract.events`).
"""

from __future__ import annotations

from dataclasses import dataclass


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
    # only an event when an institution acts ("the court rejected the appeal")
    needs_institution: bool = False
    # only an event when a crowd is the subject ("thousands of supporters gather")
    crowd: bool = False


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
        r"(?:was|were|has\s+been|had\s+been|have\s+been|being)\s+(?:dismissed|sacked|fired|ousted"
        r"|removed\s+from"
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
        r"(?:was|were|is|are|has\s+been|had\s+been)\s+(?:sworn\s+in|inaugurated)(?:\s+as)?"
        r"|(?:took|takes)\s+the\s+oath"
        r"(?:\s+of\s+office)?",
        "appointment",
        "passive",
        "swear in",
        "sworn in as",
    ),
    Trigger(r"became|becomes|took\s+over\s+as", "appointment", "copula", "become", "became"),
    Trigger(
        r"(?:swore|swears)\s+(?:himself|herself)\s+in", "appointment", "copula", "swear", "swore"
    ),
    Trigger(
        r"(?:assumed|assumes|took|takes)\s+(?:over\s+)?(?:the\s+)?(?:presidency|premiership"
        r"|office|power|powers|post|leadership|helm)(?:\s+of\s+(?:the\s+)?\w+)?",
        "appointment",
        "copula",
        "assume",
        "assumed",
    ),
    Trigger(
        r"(?:handed|hands|transferred|transfers|ceded|cedes)\s+(?:over\s+)?(?:(?:all\s+|full\s+)?"
        r"(?:power|powers|control|authority)|(?:[\w-]+,?\s+){1,4}powers)\s+to",
        "appointment",
        "trans",
        "hand power to",
        "handed power to",
        needs_name=True,
    ),
    Trigger(
        r"appointed|named|elected|appoints|names|elects|confirmed|installed|nominated",
        "appointment",
        "trans",
        "appoint",
        "appointed",
        needs_name=True,
    ),
    # votes
    Trigger(
        r"(?:(?:parliamentary|presidential|general|local|municipal|snap|early|legislative"
        r"|regional|national|mid-?term|repeat|run-?off|district|council|provincial|state)\s+)*"
        r"(?:(?:re-?)?elections?|polls|referendum"
        r"|plebiscite|vote|ballot)",
        "election",
        "nominal",
        noun="Elections",
    ),
    Trigger(r"voted|went\s+to\s+the\s+polls", "election", "intrans", "vote", "voted"),
    Trigger(
        r"(?:was|were|has\s+been|had\s+been)\s+impeached",
        "election",
        "passive",
        "impeach",
        "impeached",
        patient=True,
    ),
    Trigger(r"impeached", "election", "trans", "impeach", "impeached", patient=True),
    # protest and unrest
    Trigger(
        r"(?:(?:mass|street|anti-government|opposition|violent|large|nationwide|peaceful)\s+)*"
        r"(?:unrest|protests?|demonstrations?|riots?|rallies|sit-ins?|general\s+strike)",
        "protest",
        "nominal",
        noun="Protests",
    ),
    Trigger(
        r"protested|took\s+to\s+the\s+streets|went\s+on\s+strike|marched|rioted|rallied"
        r"|take\s+to\s+the\s+streets|go\s+on\s+strike",
        "protest",
        "intrans",
        "protest",
        "protested",
    ),
    # a crowd gathering is a protest only when a crowd gathers ("opposition supporters gather")
    Trigger(
        r"gathered|gather|gathers|rally|rallies|march|marches|protest|protests|massed",
        "protest",
        "intrans",
        "protest",
        "protested",
        crowd=True,
    ),
    # violence
    Trigger(
        r"(?:(?:violent|deadly|armed|fierce|heavy)\s+)*(?:clashes|fighting|gunfire|shootings?"
        r"|bombings?|explosions?|skirmishes)",
        "violence",
        "nominal",
        noun="Clashes",
    ),
    Trigger(
        r"(?:was|were|has\s+been|had\s+been|have\s+been|being)\s+(?:seized|stormed"
        r"|occupied|overrun|attacked|retaken|ransacked|torched|shelled|bombed)",
        "violence",
        "passive",
        "attack",
        "attacked",
    ),
    Trigger(r"stormed|storms?|storming", "violence", "trans", "storm", "stormed"),
    Trigger(
        r"seized|seizes|occupied|ransacked|torched|set\s+fire\s+to|broke\s+into|seizing"
        r"|took\s+control\s+of",
        "violence",
        "trans",
        "seize",
        "seized",
    ),
    Trigger(r"captured|recaptured|retook", "violence", "trans", "capture", "captured"),
    Trigger(r"clashed", "violence", "intrans", "clash", "clashed"),
    Trigger(
        r"(?:(?:military|army|attempted|failed|bloodless|palace)\s+)*(?:coup(?:\s+d['’]\S+tat)?"
        r"|putsch|uprising|mutiny|insurrection)",
        "violence",
        "nominal",
        noun="Coup",
    ),
    Trigger(
        r"(?:opened|opens?)\s+fire(?:\s+on)?", "violence", "trans", "open fire on", "opened fire on"
    ),
    Trigger(r"attacked|shelled|bombed", "violence", "trans", "attack", "attacked"),
    Trigger(
        r"(?:was|were|had\s+been|have\s+been|has\s+been|are|is)\s+(?:killed|shot\s+dead|wounded"
        r"|injured|assassinated)",
        "violence",
        "passive",
        "kill",
        "killed",
        patient=True,
    ),
    Trigger(
        r"killed|kills|shot\s+dead|assassinated|(?:killing|wounding|injuring)",
        "violence",
        "trans",
        "kill",
        "killed",
        patient=True,
    ),
    # arrests and releases
    Trigger(
        r"(?:was|were|had\s+been|has\s+been)\s+(?:re-?)?(?:arrested|detained|jailed|imprisoned"
        r"|taken\s+into\s+custody|charged|indicted|extradited)",
        "arrest",
        "passive",
        "arrest",
        "arrested",
        patient=True,
    ),
    Trigger(
        r"(?:re-?)?(?:arrested|detained|jailed)|arrests?|detains?|(?:detaining|arresting)",
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
    Trigger(
        r"released|freed|pardoned|releases|frees|(?:releasing|freeing)",
        "release",
        "trans",
        "free",
        "freed",
        patient=True,
    ),
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
    Trigger(
        r"sentenced|convicted",
        "court",
        "trans",
        "sentence",
        "sentenced",
        patient=True,
        needs_name=True,
    ),
    Trigger(
        r"acquitted|acquits",
        "release",
        "trans",
        "acquit",
        "acquitted",
        patient=True,
        needs_name=True,
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
        r"(?:signed|passed|adopted|approved|vetoed|enacted|imposed|introduced|issued|promulgated"
        r"|repealed|scrapped|withdrew|suspended|signs|passes|adopts|approves|imposes)\s+"
        rf"{_ART}(?:[\w-]+\s+){{0,3}}?(?:law|decree|bill|constitution|amendments?|resolution"
        r"|budget|legislation)",
        "legislation",
        "trans",
        "pass",
        "passed",
    ),
    Trigger(
        r"(?:dissolved|dissolves|suspended|suspends)\s+(?:the\s+)?(?:parliament|government|cabinet"
        r"|assembly|congress|legislature|constitution)",
        "legislation",
        "trans",
        "dissolve",
        "dissolved",
    ),
    Trigger(
        r"(?:fired|fires|fire|used|uses|use)\s+(?:tear\s*gas|rubber\s+bullets|live\s+(?:rounds|ammunition)"
        r"|water\s+cannons?|stun\s+grenades|warning\s+shots|shots|plastic\s+bullets)",
        "violence",
        "trans",
        "fire",
        "fired",
    ),
    Trigger(
        r"cracked\s+down\s+on|cracks\s+down\s+on",
        "violence",
        "trans",
        "crack down on",
        "cracked down on",
    ),
    # someone removes someone else from office ("the president dismissed the prime minister")
    Trigger(
        r"dismissed|dismisses|sacked|sacks|fired|fires|ousted|ousts",
        "resignation",
        "trans",
        "dismiss",
        "dismissed",
        patient=True,
        needs_name=True,
    ),
    Trigger(
        r"(?:was|were|has\s+been|had\s+been)\s+(?:banned|dissolved|suspended|disqualified|barred"
        r"|outlawed)(?:\s+from\s+(?:running|standing|contesting|the\s+(?:election|race|ballot"
        r"|vote|polls)|office|politics|parliament))?",
        "court",
        "passive",
        "ban",
        "banned",
        patient=True,
    ),
    # decisions of courts, commissions and other institutions ("the court upheld the ban")
    Trigger(
        r"rejected|rejects|upheld|upholds|dissolved|dissolves|suspended"
        r"|suspends|banned|bans|disqualified|disqualifies|barred|bars|overruled|overrules"
        r"|reinstated|reinstates|outlawed|outlaws",
        "court",
        "trans",
        "rule",
        "ruled",
        needs_institution=True,
    ),
    # agreements
    Trigger(
        r"formed\s+(?:a|the)\s+(?:new\s+)?(?:coalition\s+|unity\s+|caretaker\s+|transitional\s+)?"
        r"(?:government|cabinet|coalition)",
        "agreement",
        "trans",
        "form",
        "formed",
    ),
    Trigger(
        rf"(?:signed|reached|struck|agreed|signs|reaches|strikes)\s+{_ART}(?:[\w-]+\s+){{0,3}}?"
        r"(?:agreement|deal|accord|treaty"
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
    # diplomacy that is news in itself
    Trigger(
        r"recogni[sz](?:ed|es)(?=\s+(?:the\s+)?(?-i:[A-Z]))",
        "statement",
        "trans",
        "recognise",
        "recognised",
        needs_name=True,
    ),
    Trigger(
        r"(?:broke|breaks|cut|cuts|severed|severs)\s+(?:off\s+)?(?:all\s+)?(?:diplomatic\s+)?"
        r"(?:relations|ties)",
        "statement",
        "trans",
        "break off relations",
        "broke off relations",
    ),
    # statements that are news in themselves
    Trigger(
        r"(?:announced|announces)\s+that|(?:declared|declares)\s+victory",
        "statement",
        "trans",
        "announce",
        "announced",
    ),
)
