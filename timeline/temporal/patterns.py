"""Compiled patterns: one master alternation, one detailed pattern per expression kind.

Every pattern is free of nested unbounded quantifiers, so matching is linear in the input.
Month and weekday names are matched case-sensitively (capitalised), which keeps "may",
"march", "sun" and friends out; function words are matched case-insensitively.
"""

from __future__ import annotations

import functools
import re

from .lexicon import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MONTHS,
    NUMBERS,
    ORDINALS,
    REF_WORDS,
    SET_ADVERBS,
    WEEKDAY_NAMES,
    WEEKDAYS,
)


def _words(text: str) -> list[str]:
    return text.split()


def _alt(words: list[str] | tuple[str, ...]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


def _ci(words: list[str] | tuple[str, ...]) -> str:
    return "(?i:" + _alt(words) + ")"


MONTH_FULL = "|".join(MONTH_NAMES)
# "Mar." and "Jun." need their full stop: "Mar" and "Jun" alone are more often names
MONTH_ABBR = "|".join(
    rf"{a.capitalize()}\." if a in ("mar", "jun", "jul", "sep") else rf"{a.capitalize()}\.?"
    for a in MONTH_ABBREVIATIONS
)
MONTH_UP = "|".join(m.upper() for m in MONTH_NAMES if m != "May")
MONTH = rf"(?:{MONTH_FULL}|{MONTH_UP}|{MONTH_ABBR})(?!\w|'(?!s\b))"
WEEKDAY_ALT = "|".join(WEEKDAY_NAMES)
WEEKDAY = rf"(?:{WEEKDAY_ALT}|{WEEKDAY_ALT.upper()})"
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d,.:]\d|[\w%/])"
ORD_WORDS = _ci(
    [w for w in ORDINALS if w not in ("last", "final")]
    + ["twenty-first", "twenty-second", "twenty-third", "thirty-first"]
    + [f"twenty-{w}" for w in ("fourth", "fifth", "sixth", "seventh", "eighth", "ninth")]
)
YEAR = r"(?:1[0-9]\d\d|20\d\d)(?![\w,.%]\d|[\w%])"
YEAR_ANY = r"(?:\d{4})(?![\w%]|[,.]\d)"
SPOKEN_YEAR = (
    r"(?i:nineteen[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|"
    r"eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen)|two\s+thousand(?:\s+and\s+(?:one|"
    r"two|three|four|five|six|seven|eight|nine|ten))?)"
)
TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
UNITS_WORDS = "one|two|three|four|five|six|seven|eight|nine"
NUM_WORD = (
    rf"(?i:(?:{TENS})(?:[\s-](?:{UNITS_WORDS}))?|"
    + _alt([w for w in NUMBERS if w not in ("a", "an")])
    + ")"
)
NUM = rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|{NUM_WORD}(?:\s+and\s+a\s+half)?)"
VAGUE = r"(?i:several|a\s+few|few|many|some|a\s+number\s+of|numerous|a\s+couple\s+of|couple\s+of)"
UNIT = (
    r"(?i:(?:trading\s+|business\s+|calendar\s+)?days?|weeks?|weekends?|"
    r"fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies)|"
    r"millenni(?:um|a)|hours?|minutes?|seconds?|nights?)"
)
UNIT_PL = r"(?i:days|weeks|months|quarters|years|decades|centuries|hours|minutes)"
UNIT_SG = (
    r"(?i:day|week|weekend|fortnight|month|quarter|year|decade|century|hour|minute|night|season)"
)
SEASON = r"(?i:spring|summer|fall|autumn|winter)"
POD = r"(?i:morning|afternoon|evening|night|mid-?\s?afternoon|midday)"
REL = (
    r"(?i:the\s+full|the\s+entire|this\s+past|this\s+coming|the\s+coming|"
    r"this|last|next|past|coming|the\s+past|the\s+last|the\s+next|"
    r"the\s+previous|the\s+following|previous|following|the\s+current|"
    r"current|the\s+same|that|the\s+latest|the\s+preceding|the\s+prior|"
    r"prior)"
)
EDGE = (
    r"(?i:early|late|mid|earlier|later|the\s+end\s+of|the\s+beginning\s+of|"
    r"the\s+start\s+of|the\s+middle\s+of|end\s+of|beginning\s+of|middle\s+of|"
    r"the\s+turn\s+of)"
)
APPROX = (
    r"(?i:about|around|approximately|roughly|nearly|almost|more\s+than|"
    r"over|less\s+than|under|at\s+least|up\s+to|no\s+more\s+than|no\s+less\s+than|"
    r"within|at\s+most|some|just\s+over|just\s+under|only|barely)"
)
QORD = (
    r"(?i:first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|"
    r"current|previous|past|same|comparable|fiscal|year-earlier|year-ago)"
)
CLOCK = (
    r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d){0,2}\s?(?:[aApP]\.\s?[mM](?:\.|"
    r"(?![\w]))|[aApP][mM](?![\w]))|(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])|"
    r"(?i:noon|midnight|midday))"
)
TZ = r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|BST|CET)(?![\w]))?"
HOLIDAY = (
    r"(?:Thanksgiving(?:\s+Day)?|Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|"
    r"Eve))?|Election\s+Day|Labor\s+Day|Memorial\s+Day|Independence\s+Day|"
    r"Valentine's\s+Day|Halloween|Easter(?:\s+(?:Sunday|week))?|Veterans\s+Day|"
    r"Mother's\s+Day|Father's\s+Day)(?![\w])"
)

DATE_MDY = (
    rf"{MONTH}\s*(?:{DAYNUM}|(?:the\s+)?{ORD_WORDS}(?![\w]))(?:(?:,\s*|"
    rf"\s+)(?:{YEAR_ANY}|{SPOKEN_YEAR}))?"
)
DATE_DMY = (
    rf"(?:the\s+)?(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?:\s+of)?\s+{MONTH}(?:,?\s+{YEAR_ANY})?"
)
MONTH_YEAR = (
    rf"{MONTH}(?:,\s*|\s+of\s+|\s+)(?:{YEAR}|{SPOKEN_YEAR}|(?i:this|last|next)\s+year(?![\w-]))"
)

# kind name -> detailed pattern (named groups allowed; each kind compiled on its own)
KINDS: list[tuple[str, str]] = [
    (
        "iso",
        r"(?<![\w-])\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?)?(?![\w-])",
    ),
    (
        "numeric",
        r"(?<![\w/.-])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?:\d{4}|\d{2})(?![\w/])",
    ),
    (
        "clock",
        rf"(?:{APPROX}\s+)?(?:{CLOCK}|(?:[1-9]|1[0-2])\s+(?i:o'clock)|(?:[1-9]|1[0-2])(?=\s+(?i:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)))(?:\s+(?i:in\s+the\s+(?:morning|afternoon|evening)|at\s+night|tonight|this\s+(?:morning|afternoon|evening)))?{TZ}(?:,?\s+(?:(?:on\s+)?{WEEKDAY}(?:,?\s+{DATE_MDY})?|{DATE_MDY}|(?i:today|yesterday|tomorrow|tonight)))?",
    ),
    ("wd_date", rf"(?:{EDGE}\s+)?{WEEKDAY}(?:,\s*|\s+)(?:{DATE_MDY}|{DATE_DMY})"),
    ("date_mdy", rf"(?:{EDGE}\s+|(?i:the\s+week\s+of)\s+)?{DATE_MDY}"),
    ("date_dmy", DATE_DMY),
    ("month_year", rf"(?:{EDGE}[\s-]+)?{MONTH_YEAR}"),
    ("holiday", rf"(?:(?i:last|next|this|this\s+past)\s+)?{HOLIDAY}(?:\s+{YEAR})?"),
    (
        "quarter",
        rf"(?i:the\s+|its\s+|a\s+)?(?:{YEAR}(?:'s)?\s+)?(?:(?i:this|last|next)\s+year's\s+)?(?:(?i:fiscal|calendar)[\s-]+)?(?:{QORD}[\s-]+)?(?:(?i:fiscal)[\s-]+)?(?:{QORD}[\s-]+)?(?i:quarter)(?:\s+(?i:of)\s+(?:(?i:fiscal)\s+)?{YEAR}|\s+{YEAR}|\s+(?i:of\s+(?:this|last|next)\s+year|(?:a|one)\s+year\s+(?:ago|earlier)))?(?![\w-])",
    ),
    (
        "half",
        rf"(?i:the\s+)?(?i:first|second|last|latter|back|final)\s+(?i:half|two\s+quarters)(?:\s+(?i:of)\s+(?:(?i:fiscal\s+)?{YEAR}|(?i:the|this|last|next)\s+year))?(?![\w-])",
    ),
    (
        "decade",
        rf"(?:(?i:the)\s+)?(?:{EDGE}[\s-]+)?(?:(?:1[0-9]|20)\d0'?s|'\d0s|(?i:the\s+)?(?i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))(?![\w])",
    ),
    (
        "century",
        rf"(?:(?i:the)\s+)?(?:{EDGE}[\s-]+)?(?:(?:1\d|2[01]|[1-9])(?:st|nd|rd|th)|{ORD_WORDS}|(?i:twentieth|twenty-first|nineteenth))[\s-](?i:century)(?![\w])",
    ),
    (
        "year",
        rf"(?:(?i:the\s+year|fiscal|calendar|fiscal\s+year|mid|early|late|post|pre|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|end\s+of|the\s+summer\s+of|the\s+spring\s+of|the\s+fall\s+of|the\s+winter\s+of|spring|summer|fall|autumn|winter)[\s-]+)?(?:(?<![\w$£€#.,])(?:(?<=\d{{4}}-)|(?<!\d-)){YEAR}(?!\w|-(?!(?:1[0-9]|20)\d\d(?!\w))|\.\d)|(?<![\w]){SPOKEN_YEAR}(?![\w-]))",
    ),
    (
        "deictic",
        rf"(?:{EDGE}\s+)?(?i:the\s+day\s+(?:before|after)\s+(?:yesterday|tomorrow)|yesterday|today|tomorrow|tonight)(?:\s+{POD})?(?!\w|'(?!s\b))",
    ),
    (
        "pod",
        rf"(?:{EDGE}\s+)?(?i:this|last|yesterday|tomorrow|the\s+next|the\s+following|the\s+previous|that)\s+{POD}(?![\w])|(?i:overnight|mid-?\s?afternoon)(?![\w-])(?:\s+(?i:yesterday|today|tomorrow))?"
        r"|(?<=\b(?:in|In|by|By)\s)(?i:the\s+(?:morning|afternoon|evening))(?![\w])",
    ),
    (
        "weekday",
        rf"(?:(?:{EDGE}|{REL}|(?i:the\s+previous|the\s+following|the\s+next|the\s+last))\s+)?{WEEKDAY}(?:'s)?(?:\s+{POD})?(?![\w'])",
    ),
    ("weekdays", rf"(?:(?i:on|every|each)\s+)?(?:{WEEKDAY_ALT})s(?![\w'])"),
    ("month", rf"(?:(?:{EDGE}|(?i:this\s+past|this|last|next))[\s-]+)?{MONTH}(?!\.?\s*\d)"),
    (
        "season",
        rf"(?:{EDGE}\s+)?(?:(?i:this\s+past|this\s+coming|the|this|last|next|past|coming|early|late|mid)[\s-]+)(?:{EDGE}\s+)?{SEASON}(?![\w])(?!\s+(?i:of)\s+(?!{YEAR}))|{SEASON}\s+{YEAR}",
    ),
    (
        "ago",
        rf"(?:{APPROX}\s+)?(?:{NUM}|{VAGUE}|(?i:a|an))[\s-]+(?:(?i:more|additional|full)\s+)?{UNIT}(?:\s+(?i:or\s+so))?\s+(?i:ago|earlier|later|before|after|from\s+now|hence|back|previously|since)(?![\w])",
    ),
    (
        "period",
        rf"(?i:the\s+)?(?:(?i:latest|current|comparable|same|most\s+recent)|{YEAR})\s+(?i:period)(?![\w-])",
    ),
    (
        "year_adj",
        r"(?i:the\s+)?(?i:comparable\s+|corresponding\s+|same\s+)?(?i:year-earlier|year-ago|year\s+earlier|a\s+year\s+earlier|year-before)(?:\s+(?i:first|second|third|fourth|fiscal))?(?:\s+(?i:quarter|period|nine\s+months|six\s+months|half|month|week|year))?(?![\w-])|(?i:the\s+(?:corresponding|comparable|same)\s+(?:period|quarter|month|week)\s+(?:a|last|of\s+last|one)\s*year(?:\s+(?:ago|earlier))?)(?![\w-])",
    ),
    (
        "relunit",
        r"(?i:the\s+(?:day|week|month|year)\s+(?:before|after|earlier|later))(?=\s*[,.;:!?)]|\s*$)|"
        rf"(?:{EDGE}\s+(?:in\s+)?)?(?:{REL}|(?i:the))\s+(?:(?i:fiscal|calendar|school|financial|academic)\s+)?{UNIT_SG}(?![\w-])|(?i:(?:the\s+)?year[\s-]end|year's\s+end|the\s+end\s+of\s+the\s+(?:year|month|week|quarter)|this\s+century|the\s+turn\s+of\s+the\s+century)(?![\w-])",
    ),
    (
        "duration",
        rf"(?:{APPROX}\s+)?(?:(?i:the|a|an|each\s+of\s+the)\s+)?(?:(?i:past|last|next|first|coming|previous|following|latest|final|remaining|preceding|initial|prior|full|entire|whole|same)\s+)?(?:(?:{NUM}|{VAGUE}|(?i:a|an))(?:\s+(?i:to|or)\s+{NUM})?[\s-]+(?:(?i:more|additional|full|straight|consecutive|successive|long|short)\s+)?{UNIT}(?:\s+(?i:and\s+a\s+half))?(?:[\s-](?i:long))?(?:\s+(?i:or\s+so|or\s+more|or\s+two))?|(?i:decades|centuries)-long|(?i:day|week|month|year|hour|minute|decade|century)-long)(?![\w]|-\w)",
    ),
    (
        "plural",
        rf"{UNIT_PL}(?:\s+(?i:ago)|\s+(?i:later|earlier|after|before)(?=[\s,.;]))|"
        rf"(?i:(?:recent|coming|past|many|for|in|after|over|within|took|take|than|last\s+few|next\s+few|past\s+few)\s+)?{UNIT_PL}(?:\s+(?i:or|and)\s+{UNIT_PL})?(?![\w'-])"
        rf"|(?i:the\s+(?:early\s+|first\s+|last\s+|final\s+)?(?:days|weeks|months|years|hours)(?=\s+(?:before|after|ahead|that\s+followed|following|to\s+come|since|leading)\b)"
        rf"(?:\s+ahead)?)",
    ),
    (
        "set",
        rf"(?i:every|each|per|once\s+a|twice\s+a|(?:three|four|five|six|several)\s+times\s+a)\s+(?i:other\s+)?(?:{NUM_WORD}\s+)?(?:{UNIT}|{WEEKDAY}|{MONTH}|{SEASON})(?![\w'])",
    ),
    ("setadv", r"(?i:" + _alt(list(SET_ADVERBS)) + r")(?![\w-])"),
    ("ref", r"(?i:" + _alt(list(REF_WORDS)) + r")(?![\w'-])"),
]


_GROUP = re.compile(r"\(\?P<(\w+)>")


def _master() -> re.Pattern[str]:
    parts = []
    for name, pat in KINDS:
        if _GROUP.search(pat):
            raise ValueError(f"kind {name} has named groups")
        parts.append(f"(?P<{name}>{pat})")
    # only start at a word start: the first lookbehind saves trying every branch everywhere
    return re.compile(r"(?<![\w])(?=[\w'])(?:" + "|".join(parts) + ")")


MASTER = _master()


# Words that can begin an expression. The tagger tries the master pattern only where a token
# is a digit run or one of these words: a set lookup per word instead of a regex attempt.
TRIGGERS: frozenset[str] = frozenset(
    _words(
        """
        thanksgiving christmas new election labor memorial independence valentine halloween
        easter veterans mother father early late mid earlier later the end beginning start
        middle turn this last next past coming previous following current that prior preceding
        latest same full entire about around approximately roughly nearly almost more over less
        under at up no within some just only barely its a an fiscal calendar quarter first
        second third fourth final latter back twenties thirties forties fifties sixties
        seventies eighties nineties twentieth nineteenth twenty thirty forty fifty sixty seventy
        eighty ninety post pre spring summer fall autumn winter nineteen two yesterday today
        tomorrow tonight overnight midday noon midnight one three four five six seven eight nine
        ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen hundred thousand
        dozen half couple several few many numerous each comparable corresponding year most
        recent for in after took take than days weeks months quarters years decades centuries
        hours minutes every per once twice hourly daily nightly weekly biweekly monthly yearly
        quarterly annually now right currently these nowadays recently formerly previously
        decade day week weekend month fifth
        sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth
        sixteenth seventeenth eighteenth nineteenth thirtieth decades centuries millennium
        millennia trading business
        """
    )
    + list(MONTHS)
    + list(WEEKDAYS)
    + [f"{day}s" for day in WEEKDAYS]
)


# Trigger words that only introduce an expression ("the", "last", "about" ...): the master is
# tried there only if a head word (a unit, a month, a number ...) follows within a few words.
FUNCTION_WORDS: frozenset[str] = frozenset(
    _words(
        """
        the a an this that last next coming early late mid end beginning start middle turn about
        around approximately roughly nearly almost more over less under at up no within some
        just only barely its fiscal calendar for in after took take than many several few each
        every per once twice most comparable corresponding same full entire previous following
        current prior preceding latest recent right these first second third fourth final latter
        back post pre new two
        """
    )
)
HEADS: frozenset[str] = (TRIGGERS - FUNCTION_WORDS) | frozenset(
    _words(
        """
        future present term date period past ago later earlier quarter half century hour minute
        morning afternoon evening night
        """
    )
)
LOOKAHEAD_WORDS = 6

_SUFFIXES = (" ", "-", ".", "'", ",", ":", "/")
_DIGIT_SUFFIXES = ("th", "st", "nd", "rd", "s", "a", "p", "A", "P")
_DIGIT_SAMPLES = {1: "5", 2: "12", 3: "123", 4: "1990", 5: "12345"}


def _digit_key(word: str) -> str:
    return "#" + str(min(len(word), 5))


@functools.lru_cache(maxsize=1)
def _compiled_kinds() -> dict[str, re.Pattern[str]] | None:
    try:
        import regex  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover
        return None
    return {k: regex.compile(p) for k, p in KINDS}


def _forms(key: str) -> list[str]:
    if key == "'":
        return ["'8"]
    if key.startswith("#"):
        return [_DIGIT_SAMPLES[int(key[1:])]]
    return [key, key.capitalize(), key.upper()]


@functools.cache
def pattern_for(key: str) -> re.Pattern[str] | None:
    """The master of just the kinds that can start at a trigger word (lowercased), a
    digit run ("#4": four digits) or an apostrophe ("'"); None when none can.

    Which kinds can start there is decided by partial matching (``regex`` module, a
    dependency of dateparser; without it every trigger uses the full master). Each
    pattern is built the first time a text needs it, so a short text compiles few.
    """
    compiled = _compiled_kinds()
    if compiled is None:  # pragma: no cover
        return MASTER
    suffixes = _SUFFIXES + (_DIGIT_SUFFIXES if key[0] in "#'" else ())
    kinds = tuple(
        name
        for name, _ in KINDS
        if any(compiled[name].match(f + sfx, partial=True) for f in _forms(key) for sfx in suffixes)
    )
    return _master_of(kinds) if kinds else None


@functools.cache
def _master_of(kinds: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(f"(?P<{k}>{p})" for k, p in KINDS if k in kinds)
    return re.compile(r"(?<![\w])(?:" + body + ")")


def master_for(word: str) -> re.Pattern[str] | None:
    """The pattern to try at a token, or None when no expression can start there."""
    if word[0].isdigit():
        return pattern_for(_digit_key(word))
    if word[0] == "'":
        return pattern_for("'")
    return pattern_for(word.lower()) if word.lower() in TRIGGERS else None


@functools.lru_cache(maxsize=1)
def token_table() -> dict[str, tuple[str, bool]]:
    """Exact token -> (pattern key, is a function word), for lower, Capitalised and UPPER
    forms of every trigger and for digit runs of length 1..5 ("#1", "#2", ...: keyed by
    length). :func:`pattern_for` turns a key into its pattern when it is first needed."""
    table: dict[str, tuple[str, bool]] = {}
    for word in TRIGGERS:
        entry = (word, word in FUNCTION_WORDS and word not in HEADS)
        for form in (word, word.capitalize(), word.upper()):
            table[form] = entry
    for n in range(1, 6):
        table["#" + str(n)] = ("#" + str(n), False)
    table["'"] = ("'", False)
    return table


@functools.lru_cache(maxsize=1)
def head_forms() -> frozenset[str]:
    """HEADS in lower, Capitalised and UPPER forms."""
    return frozenset(f for w in HEADS for f in (w, w.capitalize(), w.upper()))
