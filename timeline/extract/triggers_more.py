"""More trigger words (data only): election results, unrest, justice, state acts.

These come before :data:`timeline.extract.triggers.TRIGGERS` in the search, so
where two patterns start at the same word the more specific one here wins
("won the presidential runoff" is a result, not a noun after a light verb).
Each phrase pattern holds its own object in a group ``obj`` where the title needs
it ("Boric wins presidential runoff").
"""

from __future__ import annotations

from timeline.extract.triggers import Trigger

_ART = r"(?:an?\s+|the\s+)?"
_RACE = (
    r"(?:(?:re-?)?elections?|vote|votes|runoff|run-off|presidency|ballot|referendum|polls"
    r"|(?:first|second|final)\s+round|race|primary|primaries|plebiscite|leadership\s+contest"
    r"|landslide|(?:absolute\s+|outright\s+|parliamentary\s+)?majority)"
)
# "won Chile's presidential runoff", "won a second term", "won the 2019 election"
_RACE_OBJECT = (
    rf"(?P<obj>(?:[\w-]+['’]s\s+|the\s+|an?\s+)?(?:[\w-]+\s+){{0,3}}?(?:{_RACE}|(?:second|third"
    r"|fourth|fifth|new|another)\s+(?:consecutive\s+|straight\s+)?(?:\w+-year\s+)?term)(?:(?:(?<=landslide)|(?<=majority))\s+in\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:elections?|vote|polls|runoff|ballot))?)"
)
_SHARE = r"(?:about\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|just\s+(?:over|under)\s+)?"
_ROAD = (
    r"(?:(?:a|the|main|major|several|key|many|some|two|three|all)\s+)*(?:[\w-]+\s+)?"
    r"(?:roads?|highways?|streets?|bridges?|railways?|rail\s+lines?|motorways?|border\s+crossings?"
    r"|access|entrances?|traffic|ports?|junctions?|intersections?)"
)
_HOUSE = (
    r"(?:the\s+)?(?:(?:national|federal|constituent|legislative|state)\s+)?(?:parliament|assembly"
    r"|congress|legislature|knesset|duma|sejm|bundestag|majlis|senate|chamber|lower\s+house"
    r"|house\s+of\s+representatives|national\s+assembly)"
)

MORE_TRIGGERS: tuple[Trigger, ...] = (
    # election results: wins, shares of the vote, concessions and victory claims
    Trigger(
        rf"(?:won|wins|has\s+won|had\s+won|clinched|secured|swept)\s+{_RACE_OBJECT}",
        "election",
        "trans",
        "win",
        "won",
    ),
    Trigger(
        rf"(?:beat|beats|defeated|defeats)(?=\s+(?:[\w-]+\s+){{1,5}}?in\s+{_ART}"
        rf"(?:[\w-]+\s+){{0,2}}?{_RACE})",
        "election",
        "trans",
        "beat",
        "beat",
    ),
    Trigger(
        rf"(?:took|takes|won|wins|received|receives|got|gets|garnered|secured)\s+{_SHARE}"
        r"(?P<obj>\d[\d.,]*\s*(?:percent|per\s+cent|%))\s+of\s+the\s+(?:vote|votes|ballots)",
        "election",
        "trans",
        "win",
        "won",
    ),
    Trigger(
        r"(?:conceded|concedes|has\s+conceded|admitted|admits|acknowledged|acknowledges)\s+"
        r"(?:(?:his|her|their|its|the)\s+)?(?:defeat|the\s+(?:election|race|vote)|victory\s+to)"
        r"|(?:conceded|concedes)(?=\s*[.,;]|\s+(?:to|on|in|after|late|early|within|hours|overnight)\b)",
        "statement",
        "intrans",
        "concede defeat",
        "conceded defeat",
    ),
    Trigger(
        r"(?:declared|declares|claimed|claims|proclaimed|proclaims)\s+(?:an?\s+)?(?:\w+\s+)?victory",
        "statement",
        "intrans",
        "declare victory",
        "declared victory",
    ),
    Trigger(
        r"(?:was|were|is|are|has\s+been|had\s+been)\s+(?:declared|proclaimed)\s+(?:the\s+)?"
        r"(?:winner|victor)",
        "election",
        "passive",
        "declare winner",
        "declared winner",
    ),
    Trigger(
        r"(?:certified|certifies)\s+(?:the\s+)?(?:[\w-]+\s+)?results"
        r"|(?:confirmed|confirms|announced|announces|published|publishes)"
        r"\s+(?:the\s+)?(?:(?:final|official|preliminary)\s+(?:(?:election|vote|poll|runoff)\s+)?"
        r"|(?:election|vote|poll|runoff|referendum)\s+)results",
        "election",
        "trans",
        "announce results",
        "announced results",
    ),
    # a round of voting named on its own ("the first round on November 21", "the runoff")
    Trigger(
        r"(?:(?:presidential|parliamentary)\s+)?(?:(?:first|second|final)[\s-]+round(?:\s+of"
        r"\s+(?:voting|the\s+(?:\w+\s+)?(?:election|vote)))?|run-?offs?)",
        "election",
        "nominal",
        noun="Runoff",
    ),
    # unrest
    Trigger(
        rf"(?:blocked|blocks|block|blockaded|blockades|barricaded|barricades)\s+{_ROAD}",
        "protest",
        "trans",
        "block",
        "blocked",
        crowd=True,
    ),
    Trigger(
        r"(?:boycotted|boycotts|boycott)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:elections?|vote|polls"
        r"|runoff|referendum|session|talks|parliament|ballot)",
        "protest",
        "trans",
        "boycott",
        "boycotted",
    ),
    Trigger(
        r"(?:went|go|goes)\s+on\s+(?:an?\s+)?(?:\w+\s+)?strike(?<!hunger\sstrike)",
        "protest",
        "intrans",
        "go on strike",
        "went on strike",
    ),
    Trigger(
        r"(?:struck|strike)(?=\s+(?:on|for|over|against|in\s+protest)\b)",
        "protest",
        "intrans",
        "strike",
        "struck",
        crowd=True,
    ),
    Trigger(
        r"(?:walked|walks|walk)\s+out(?:\s+of)?|(?:went|go|goes)\s+on\s+hunger\s+strike"
        r"|(?:staged|stage|stages)\s+(?:a\s+)?(?:walkout|sit-in|strike)",
        "protest",
        "intrans",
        "walk out",
        "walked out",
    ),
    Trigger(
        r"(?:surrounded|surrounds|besieged|besieges|encircled|encircles)(?!\s+by\b)",
        "violence",
        "trans",
        "surround",
        "surrounded",
    ),
    Trigger(
        r"(?:dispersed|disperses|disperse|tear-gassed|teargassed|charged\s+at|beat\s+back)",
        "violence",
        "trans",
        "disperse",
        "dispersed",
    ),
    Trigger(
        r"(?:raided|stormed\s+into)",
        "violence",
        "trans",
        "raid",
        "raided",
    ),
    Trigger(
        r"(?:shot|shoots)(?!\s+dead)(?=\s+(?:at\s+)?(?:\w+\s+){0,3}(?:protesters|demonstrators"
        r"|people|civilians|students|crowds?|supporters|him|her|them|a\s|an\s|two|three|\d))",
        "violence",
        "trans",
        "shoot",
        "shot",
        patient=True,
    ),
    Trigger(
        r"(?:wounded|injured)(?=\s+(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+)?(?:\d|one"
        r"|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|hundreds|several|many)\b)",
        "violence",
        "trans",
        "wound",
        "wounded",
        patient=True,
    ),
    Trigger(
        r"(?:was|were|had\s+been|have\s+been|has\s+been)\s+shot(?!\s+dead)(?:\s+and\s+(?:wounded"
        r"|injured|killed))?",
        "violence",
        "passive",
        "shoot",
        "shot",
        patient=True,
    ),
    Trigger(
        r"(?:was|were|had\s+been|have\s+been|has\s+been)\s+(?:set\s+(?:on\s+fire|ablaze)"
        r"|looted|vandalised|vandalized|raided)",
        "violence",
        "passive",
        "attack",
        "attacked",
    ),
    Trigger(
        r"(?:fled|flees|has\s+fled)\s+(?:the\s+country|abroad|into\s+exile|to\s+(?:the\s+)?(?-i:[A-Z])\w+"
        r"|the\s+capital)|went\s+into\s+exile",
        "other",
        "intrans",
        "flee",
        "fled",
    ),
    Trigger(
        r"(?:recalled|recalls|withdrew|withdraws|expelled|expels|summoned|summons)\s+"
        r"(?:(?:its|their|his|her|the)\s+)?(?:[\w-]+\s+)?(?:ambassadors?|envoys?|diplomats?)",
        "statement",
        "trans",
        "recall ambassador",
        "recalled ambassador",
    ),
    # justice
    Trigger(
        r"(?:have\s+been|are\s+being|were\s+being|had\s+been)\s+(?:arrested|detained|rounded\s+up)",
        "arrest",
        "passive",
        "arrest",
        "arrested",
        patient=True,
    ),
    Trigger(
        r"(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:deported|expelled|extradited"
        r"|exiled)",
        "arrest",
        "passive",
        "deport",
        "deported",
        patient=True,
    ),
    Trigger(
        r"indicted|indicts|charged(?=\s+(?:[\w.'’-]+\s+){1,5}?(?:with|over|for|in)\b)"
        r"|extradited|extradites|deported|deports|expelled|expels",
        "arrest",
        "trans",
        "charge",
        "charged",
        patient=True,
        needs_name=True,
    ),
    Trigger(
        r"(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:found\s+not\s+guilty|cleared\s+of)",
        "release",
        "passive",
        "acquit",
        "acquitted",
        patient=True,
    ),
    Trigger(
        r"(?:found|finds)(?=\s+(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+){0,3}\s+guilty)",
        "court",
        "trans",
        "convict",
        "convicted",
        patient=True,
        needs_name=True,
    ),
    Trigger(
        r"(?:turned|turns)\s+(?:himself|herself|themselves)\s+in",
        "arrest",
        "intrans",
        "surrender",
        "surrendered",
    ),
    # removal from office by someone else ("the Senate removed Lugo from office")
    Trigger(
        r"(?:removed|removes|deposed|deposes|toppled|topples|overthrew|overthrows)",
        "resignation",
        "trans",
        "remove",
        "removed",
        patient=True,
        needs_name=True,
    ),
    # parliaments, early elections, postponements
    Trigger(
        r"(?:government|coalition|cabinet)\s+(?:collapsed|collapses|fell\s+apart|broke\s+up|fell"
        r"|has\s+collapsed)",
        "resignation",
        "intrans",
        "collapse",
        "collapsed",
    ),
    Trigger(
        rf"(?:voted|votes)\s+(?:(?:on\s+)?\w+day\s+)?to\s+dissolve\s+(?:itself|{_HOUSE})",
        "legislation",
        "intrans",
        "vote to dissolve",
        "voted to dissolve",
    ),
    Trigger(
        rf"(?:dissolved|dissolves)(?=\s+{_HOUSE})",
        "legislation",
        "trans",
        "dissolve",
        "dissolved",
    ),
    Trigger(
        r"(?:called|calls|announced|announces)\s+(?:an?\s+|the\s+)?(?:(?:snap|early|fresh|new"
        r"|general|parliamentary|presidential)\s+(?:\w+\s+)?)?(?:elections?|polls|vote)",
        "election",
        "trans",
        "call early elections",
        "called early elections",
    ),
    Trigger(
        r"(?:postponed|postpones|delayed|delays|put\s+off|puts\s+off|suspended|suspends)\s+"
        r"(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?(?:elections?|vote|polls|runoff|referendum|ballot)",
        "election",
        "trans",
        "postpone",
        "postponed",
    ),
    Trigger(
        r"(?:elections?|vote|polls|runoff|referendum|ballot)\s+(?:was|were|has\s+been|had\s+been"
        r"|have\s+been)\s+(?:postponed|delayed|put\s+off|called\s+off)",
        "election",
        "intrans",
        "be postponed",
        "postponed",
    ),
    # diplomacy and state acts
    Trigger(
        r"(?:imposed|imposes|announced|announces|slapped|lifted|lifts)\s+(?:new\s+|fresh\s+)?"
        r"(?:[\w-]+\s+){0,2}?sanctions",
        "legislation",
        "trans",
        "impose sanctions",
        "imposed sanctions",
    ),
    Trigger(
        r"(?:ratified|ratifies|ratify)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?(?:agreement|deal"
        r"|accord|treaty|pact|convention|constitution|amendments?)",
        "agreement",
        "trans",
        "ratify",
        "ratified",
    ),
    Trigger(
        r"vetoed|vetoes(?=\s+(?:a|an|the|his|her|its|their)\b)",
        "legislation",
        "trans",
        "veto",
        "vetoed",
    ),
    Trigger(
        r"be\s+(?:sworn\s+in|inaugurated)(?:\s+as)?|take\s+the\s+oath(?:\s+of\s+office)?",
        "appointment",
        "passive",
        "swear in",
        "sworn in as",
    ),
    Trigger(
        r"take\s+over\s+as",
        "appointment",
        "copula",
        "take over as",
        "took over as",
    ),
)
