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
    r"|typhoon|tornado|tsunami|stampede|gas\s+(?:explosion|leak|blast)|heatwave|drowned"
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
    r"|index|bonds|futures|oil|gold|investors|traders)\b"
)
_GOVERNMENT = re.compile(
    r"(?i)\b(?:government|ministry|minister|regulator|president|parliament|court|prosecutors?"
    r"|authorities|state|police|central\s+bank|nationali[sz]ed)\b"
)
_CASUALTY = re.compile(r"(?i)\b(?:injured|wounded|hurt)\b")
_KILLING = re.compile(r"(?i)\b(?:killed|kills?|killing|shot\s+dead|died|dead)\b")
_BREAK = re.compile(r"[;.]|\bbut\b")
_SHARE = re.compile(r"(?i)\d\s*(?:percent|per\s+cent|%)")


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
    for mention in mentions:
        region = text[mention.region[0] : mention.region[1]] or sentence
        if mention.type == "violence" and _accident(sentence):
            log.debug("an accident, not political violence: %s", mention.matched)
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
