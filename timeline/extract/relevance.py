"""Which of a sentence's mentions a political timeline keeps.

Applied to the mentions of one sentence after detection:

* accidents are not political violence: "a building collapsed, killing two
  workers", "a bus crash killed 12" (unless the sentence also names an attack,
  an armed group or security forces);
* business and sports news is not a political event: "the club sacked its
  coach", "the company named a new chief executive";
* the injured of a killing are the same event: "18 were killed and 748 were
  injured" is one violent event;
* a reporting verb whose clause holds the event is not news itself: "the
  commission announced that X won the election" is X's win;
* how someone came to a role, told in a relative clause dated by a year, is not news:
  "Hasina, who first became prime minister in 1996, ...";
* a record is not one event: "has won every vote since", "boycotted the last two
  elections";
* a share of the vote repeats a win the sentence's subject already has:
  "Boric won the runoff ... Boric took 55.9 percent of the vote" is one result.
"""

from __future__ import annotations

import logging
import re

from timeline.extract.mention import Mention

log = logging.getLogger(__name__)

_ACCIDENT = re.compile(
    r"(?i)\b(?:crash(?:ed|es)?|collaps(?:e|ed|es|ing)|accidents?|accidental(?:ly)?|floods?"
    r"|flooding|flooded|earthquakes?|quake|landslides?|mudslides?|avalanche|derail(?:ed|ment)?"
    r"|blaze|wildfires?|fire\s+broke\s+out|caught\s+fire|tropical\s+storm|cyclone|hurricane"
    r"|typhoon|tornado|tsunami|stampede|heavy\s+rains?|torrential|downpours?|rainstorms?"
    r"|thunderstorms?|snowstorms?|blizzards?|lightning|drought|monsoon|gas\s+(?:explosion|leak|blast)|heatwave|drowned"
    r"|capsized|sank|shipwreck|boiler|short\s+circuit|(?:the|a)\s+(?:[\w-]+\s+)?(?:fire|blaze)"
    r"|(?:explosion|blast|fire)\s+at\s+(?:an?|the)"
    r"\s+(?:[\w-]+\s+)?(?:plant|factory|mine|warehouse|refinery|depot|hospital|market))\b"
)
_INTENT = re.compile(
    r"(?i)\b(?:attack(?:s|ed|ers)?|bomb(?:s|ed|ing|ings)?|gunmen|militants|rebels|insurgents"
    r"|troops|soldiers|police|security\s+forces|protesters|demonstrators|clash(?:es|ed)?"
    r"|shot|shooting|assassinat\w+|arson|set\s+fire|torched|sabotage|terror\w*)\b"
)
# Roles and words of companies and sports teams: their hirings and firings are not politics.
_BUSINESS = re.compile(
    r"(?i)\b(?:coach(?:es)?|head\s+coach|manager|chief\s+executive|ceo|chief\s+operating"
    r"|executives?|striker|goalkeeper|midfielder|defender|players?|squad|shareholders"
    r"|board\s+of\s+directors|shares|stock|share\s+price|trading|airline|carrier|club"
    r"|franchise|company|firm|corporation|conglomerate|subsidiary|brand|retailer|automaker"
    r"|carmaker|tournament|season|league)\b"
)
# "the dollar rallied", "shares slumped": markets, not crowds.
_MARKET = re.compile(
    r"(?i)\b(?:dollar|yen|euro|pound|sterling|currency|currencies|shares|stocks|markets?|prices"
    r"|index|bonds|futures|oil|gold|investors|traders|shilling|rupee|rand|naira|peso|lira|rouble"
    r"|ruble|yuan|franc|cedi|ringgit|baht|rupiah|dinar|dirham|rial|bourse)\b"
)
_GOVERNMENT = re.compile(
    r"(?i)\b(?:government|ministry|minister|regulator|president|parliament|court|prosecutors?"
    r"|authorities|state|police|central\s+bank|nationali[sz]ed)\b"
)
_CASUALTY = re.compile(r"(?i)\b(?:injured|wounded|hurt)\b")
_KILLING = re.compile(r"(?i)\b(?:killed|kills?|killing|shot\s+dead|died|dead)\b")
_BREAK = re.compile(r"[;.]|\bbut\b")
_SHARE = re.compile(r"(?i)\d\s*(?:percent|per\s+cent|%)")
# "has won every vote since", "boycotted the last two elections": a record, not one event.
_MANY = re.compile(
    r"(?i)(?:the\s+)?(?:every|each|all|both|several|many|numerous|successive|consecutive"
    r"|(?:last|past|previous)\s+(?:two|three|four|five|six|\d+|few|several))\b"
)
# ", who was elected in 2016,": a description of someone the sentence is about.
_RELATIVE = re.compile(r"(?i),\s+(?:who|whose|which)\s+[^,;.]*?(?=,|;|\.(?:\s|$)|$)")
_YEAR_ONLY = re.compile(r"(?i)\b(?:in|since|the)\s+(?:19|20)\d{2}\b")
_DAY_WORD = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\b\w+day\b"
    r"|\b(?:today|yesterday|tonight|hours|week|month)\b"
)


def relative_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The non-restrictive relative clauses (", who ...,") in ``text[start:end]``."""
    return [m.span() for m in _RELATIVE.finditer(text, start, end)]


def _background(text: str, mention: Mention, spans: list[tuple[int, int]]) -> bool:
    """How someone came to a role, in a ", who ..." clause dated by a year: background.

    Only roles and wins ("who was elected in 2016", "who became premier in 1996"): a
    jailing told that way ("who was jailed in 2018") is still an event of its own.
    """
    if mention.type not in ("appointment", "election"):
        return False
    for a, b in spans:
        if a <= mention.start < b:
            clause = text[a:b]
            return bool(_YEAR_ONLY.search(clause)) and not _DAY_WORD.search(clause)
    return False


def _record(mention: Mention) -> bool:
    """Its object counts many events: "won every vote", "boycotted the last two elections"."""
    own = mention.matched.split(None, 1)[-1] if mention.trigger.kind == "trans" else ""
    return any(_MANY.match(words) for words in (mention.object_text, own) if words)


def _accident(sentence: str) -> bool:
    return bool(_ACCIDENT.search(sentence)) and not _INTENT.search(sentence)


def _business(mention: Mention, region: str) -> bool:
    if mention.type == "protest" and mention.trigger.kind != "nominal":
        subject = " ".join([mention.subject_text, *(a.name for a in mention.subject)])
        return bool(_MARKET.search(subject or region))
    if mention.type in ("violence", "protest", "arrest", "court", "election"):
        return False
    return bool(_BUSINESS.search(region)) and not _GOVERNMENT.search(region)


def keep_political(text: str, span: tuple[int, int], mentions: list[Mention]) -> list[Mention]:
    """The mentions of one sentence (``text[span[0]:span[1]]``) a political timeline keeps."""
    sentence = text[span[0] : span[1]]
    kept: list[Mention] = []
    relatives = relative_spans(text, span[0], span[1])
    for mention in mentions:
        region = text[mention.region[0] : mention.region[1]] or sentence
        if relatives and _background(text, mention, relatives):
            log.debug("background in a relative clause: %s", mention.matched)
            continue
        if mention.type == "violence" and _accident(sentence):
            log.debug("an accident, not political violence: %s", mention.matched)
            continue
        if mention.type in ("election", "protest") and _record(mention):
            log.debug("many events at once, not one: %s", mention.matched)
            continue
        if _business(mention, region):
            log.debug("business or sports news: %s", mention.matched)
            continue
        if (
            mention.type == "violence"
            and _CASUALTY.search(mention.matched)
            and not _KILLING.search(mention.matched)
            and any(m.type == "violence" and _KILLING.search(m.matched) for m in kept)
        ):
            continue  # "18 were killed and 748 were injured": one event
        kept.append(mention)
    wins = [m for m in kept if m.type == "election" and m.trigger.verb in ("win", "beat")]
    kept = [
        m
        for m in kept
        if not (
            m.type == "election"
            and m.trigger.kind == "nominal"
            and any(w.end <= m.start and not _BREAK.search(text, w.end, m.start) for w in wins)
        )
    ]  # "beat Stam in the runoff on Sunday": the runoff is the win's, not another event
    later = [m.start for m in kept if m.trigger.kind != "nominal" and m.type != "statement"]
    kept = [
        m
        for m in kept
        if not (m.matched.lower().endswith("that") and any(s > m.start for s in later))
    ]
    return kept


def drop_repeated_shares(mentions: list[Mention]) -> list[Mention]:
    """A vote share whose subject already has a win in the article repeats that result."""
    winners = {
        token
        for m in mentions
        if m.type == "election"
        and m.trigger.verb in ("win", "beat")
        and not _SHARE.search(m.matched)
        for a in m.subject
        for token in a.name.split()
    }

    def repeats(m: Mention) -> bool:
        if m.type != "election" or not _SHARE.search(m.matched):
            return False
        words = {t for a in m.subject for t in a.name.split()} or set(m.subject_text.split())
        return bool(words & winners)

    return [m for m in mentions if not repeats(m)]
