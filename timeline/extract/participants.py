"""Who takes part in an event mention: subjects, objects, and whether it is an event at all.

The words after a trigger up to the end of its phrase are its object; the
people and groups named there are acted upon (arrests, releases) or take part.
A mention is kept only when its trigger's conditions hold: a name where one is
needed ("met Putin"), an institution for a decision ("the court rejected"), a
role for "became". Coordinated people who each leave or take an office become
one mention each; "he" is the person the previous events were about.
"""

from __future__ import annotations

import re

from timeline.extract.lexicon import INSTITUTIONS, JUDICIAL, ROLE_HEADS, words
from timeline.extract.mention import Mention
from timeline.extract.names import Actor

_PHRASE_END = re.compile(
    r"(?i),|;|\.|\s(?:and|from|after|before|since|following|amid|when|while|who|which|that|on|in"
    r"|at|by|during|over|until|despite|because|but)\s"
)
# Where the people acted upon end: "released A as well as others, including B, from ..."
_OBJECT_END = re.compile(
    r"(?i);|\.(?:\s|$)|,(?!\s+(?:including|among|such\s+as|as\s+well\s+as)\b)(?=\s+(?:and\s+)?(?-i:[a-z]))"
    r"|\s(?:after|before|since|following|amid|when|while|who|which|on|at|by|during|until"
    r"|despite|because|from|over|in)\s|\sand\s(?=[a-z]+ed\s)"
)
_PREPOSITION = re.compile(r"(?i)(?:into|from|on|in|to|after|at|by|for|with)\b")
NOBODY = re.compile(
    r"(?i)(?:none|no\s+one|nobody|neither|no\s+(?:\w+\s+){0,2}\w+)(?:\s+of\s+(?:\S+\s+){0,4}\S+)?$"
)
_VOTES = ("election", "court")  # "voted to remove President X": X takes part
_PRONOUN = re.compile(r"(?i)^(?:he|she)$")


def names_in(names: list[Actor], start: int, end: int) -> list[Actor]:
    return [n for n in names if start <= n.start and n.end <= end]


def subject_text(text: str) -> str:
    tail = re.split(r",\s", text)[-1]
    tail = re.sub(
        r"(?i)^\s*(?:(?:and|but|also|then|later|hours|days|soon|meanwhile)\s+)+", "", tail
    )
    tail = re.split(
        r"(?i)\b(?:after|before|when|while|because|since|following|as|once|until)\s", tail
    )[-1]
    tail = re.split(
        r"(?i)\b(?:said|says|say|told|added|reported|showed|shows|show|announced|announces"
        r"|confirmed|confirms|indicated|found)\b(?:\s+that)?\s",
        tail,
    )[-1]
    tail = re.split(r"(?i)\s(?:who|which|that|whose)\s", tail)[0]
    tail = re.sub(r"(?i)^\s*(?:which|whom|that)\s+(?=\S+\s)", "", tail)  # "which the army"
    tail = _AUXILIARY_END.sub("", tail)
    tail = re.split(r"(?i)\band\s+(?=(?:his|her|their|its|the|a|an)\s)", tail)[
        -1
    ]  # "... and his wife"
    tail = _WEEKDAY.sub(" ", tail)
    tail = re.sub(r"^\s*\d{1,2}[:.]\d{2}\s*[-–—:]\s*", "", tail)  # "18:30 - Five people"
    tail = re.sub(r"(?i)^\s*(?:in|on|by|since|during|until)\s+\d{4}\b\s*,?\s*", "", tail)
    tail = _OWN_VERB.split(tail)[0]  # "militants threw a grenade and": the militants
    tail = _COLLECTIVE.sub("", tail)  # "a group of militants": the militants
    words = tail.split()
    return " ".join(words) if 0 < len(words) <= 8 else ""


# A subject that holds a verb of its own ("a group of militants threw a grenade and").
_OWN_VERB = re.compile(
    r"(?i)(?<=\w)\s+(?=(?:threw|hurled|fired|opened|attacked|killed|stormed|burned|torched"
    r"|entered|broke|seized|took|set|shot|blocked|marched|gathered|surrounded|clashed|fled"
    r"|detonated|planted|ambushed|raided|hit|struck)\s)"
)
_COLLECTIVE = re.compile(r"(?i)^\s*(?:an?\s+)?(?:group|band|gang|unit|squad|team)\s+of\s+")
_WEEKDAY = re.compile(r"(?i)\s(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
_AUXILIARY_END = re.compile(
    r"(?i)(?:\s+(?:has|have|had|was|were|is|are|also|later|then|reportedly|allegedly|will|would"
    r"|shall|must))+\s*$"
)


def _phrase(text: str, start: int, end: int) -> tuple[str, int]:
    """The words right after a trigger up to the end of its phrase, and where it ends."""
    match = _PHRASE_END.search(text, start, end)
    stop = match.start() if match else end
    return text[start:stop].strip(), stop


def resolve_pronouns(mentions: list[Mention]) -> None:
    """'He was released': he is the last person the article's events were about."""
    last: Actor | None = None
    for mention in mentions:
        if not mention.subject and _PRONOUN.match(mention.subject_text) and last is not None:
            mention.subject, mention.subject_text = [last], ""
        people = [
            a for a in (mention.objects if mention.trigger.patient else []) if a.kind == "person"
        ]
        people += [a for a in mention.subject if a.kind == "person"]
        if people:
            last = people[0]


def set_object(
    text: str,
    mention: Mention,
    names: list[Actor],
    start: int,
    end: int,
    timexes: list[tuple[int, int]] = (),  # type: ignore[assignment]
) -> None:
    masked = _without_dates(text, start, end, timexes)
    # "killed at least 12 protesters": a count, not a place (same length, same offsets)
    masked = _AT_LEAST.sub(lambda m: m.group().replace(" ", "-"), masked)
    phrase, _stop = _phrase(masked, 0, len(masked))
    mention.object_text = " ".join(_TALLY.sub("", phrase).split())
    mention.object_span = (start, end)
    stop_at = _OBJECT_END.search(masked)
    stop = start + stop_at.start() if stop_at else end
    found = names_in(names, start, stop)
    if any(a.kind == "person" for a in found):  # "the head of the tribunal, Maria Choque"
        found = [a for a in found if a.kind != "group"]
    if found and all(a.kind == "group" for a in found):
        mention.group_words = " ".join(text[start : found[-1].end].split())
    trigger = mention.trigger
    if trigger.kind == "nominal" and trigger.type != "meeting":
        head = re.match(r"(?i)\s*(?:between|against|with)\s", text[start:end])
        mention.objects = found if head else []
    elif trigger.kind == "passive":
        mention.objects = []  # "was detained along with ...": the subject is the one detained
    elif trigger.kind in ("trans", "nominal") or trigger.patient or trigger.type in _VOTES:
        mention.objects = found
    else:
        mention.objects = []


_DATE_LEAD = re.compile(r"(?i)(?:\s(?:on|in|at|by|since|last|this|early|late))?\s*$")
_TALLY = re.compile(r"\b\d+\s*-\s*\d+\b")
_AT_LEAST = re.compile(r"(?i)\bat least\b")


def _without_dates(text: str, start: int, end: int, timexes: list[tuple[int, int]]) -> str:
    """``text[start:end]`` with its dates (and 'on', 'in' before them) blanked out."""
    chars = list(text[start:end])
    for a, b in timexes:
        if start <= a < end:
            lead = _DATE_LEAD.search(text, start, a)
            first = lead.start() if lead else a
            for k in range(first - start, min(b, end) - start):
                chars[k] = " "
    return "".join(chars)


_STRICT_APPOINT = words("confirmed installed nominated")
_BODIES = words(
    "party parties group groups movement organisation organization newspaper paper union "
    "alliance coalition candidate candidates opposition media channel website front broadcaster"
)


def _banned_body(mention: Mention) -> bool:
    """A party, a group, a newspaper: what a court or a government bans or suspends."""
    if any(a.kind in ("org", "group") for a in mention.subject):
        return True
    return bool(set(mention.subject_text.lower().split()) & _BODIES)


_CLAUSE_OBJECT = re.compile(r"(?i)^\s*(?:that|whether|if)\b")
_COUNTED = re.compile(
    r"(?i)\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|hundreds"
    r"|thousands|several|many|at\s+least|some)\b"
)
_CROWDS = words(
    "supporters protesters protestors demonstrators people students workers activists crowds "
    "drivers farmers miners truckers dockworkers residents villagers rioters teachers doctors "
    "nurses unions employees staff"
)
_GROUPS_COUNT = ("arrest", "release", "violence")  # "police arrested demonstrators"
_DECREE = re.compile(r"(?i)(?:banned|bans|suspended|suspends|dissolved|dissolves|outlaw)")
_LEGISLATIVE = words("parliament congress senate assembly legislature duma")


def _institution(mention: Mention) -> str | None:
    """The deciding institution's head word: 'the electoral commission' -> 'commission'."""
    heads = [a.name.split()[-1].lower() for a in mention.subject if a.kind in ("org", "group")]
    if not mention.subject:
        heads = mention.subject_text.lower().split()[-1:]
    return next((h for h in heads if h in INSTITUTIONS), None)


def _in_office(mention: Mention) -> bool:
    """Someone whose role can decree: a president, a premier, a chief executive."""
    roles = " ".join((a.role or "").lower() for a in mention.subject if a.kind == "person")
    return any(w in _DECREEING for w in roles.split())


_DECREEING = words("president premier minister chancellor governor executive king emir")


def acceptable(mention: Mention) -> bool:
    trigger = mention.trigger
    if trigger.needs_name and not mention.objects:
        return False
    if trigger.kind != "nominal" and _CLAUSE_OBJECT.match(mention.object_text):
        return False  # "the poll confirmed that most people ...": not a person acted upon
    if trigger.type in ("violence", "release") and trigger.kind == "trans":
        if trigger.patient and not (mention.objects or _COUNTED.search(mention.object_text)):
            return False  # "kills a motion", "released a survey"
        single = " " not in mention.matched.strip()  # "fired tear gas" holds its object
        if single and not trigger.patient and not mention.object_text and not mention.objects:
            return False  # "Kinshasa captures": nothing taken
    banned = trigger.type == "court" and trigger.kind == "passive" and trigger.verb == "ban"
    if banned and " from " not in mention.matched and not _banned_body(mention):
        return False  # "DeBates was suspended", "traffic was banned": not a party or group
    if trigger.verb == "capture" and not any(a.kind in ("other", "org") for a in mention.objects):
        return False  # "captured Kisangani", not "captured 100 soldiers" or "captured alive"
    strict = trigger.type == "appointment" and mention.matched.lower() in _STRICT_APPOINT
    if strict and not any(a.kind == "person" for a in mention.objects):
        return False  # "the embassy confirmed that ..."
    if trigger.needs_name and trigger.type not in _GROUPS_COUNT:
        if not any(a.kind != "group" for a in mention.objects):
            return False  # "confirmed the deaths of protesters" names no one appointed
        if trigger.type == "resignation" and not any(a.kind == "person" for a in mention.objects):
            return False  # "fired rubber bullets at ..."
    if trigger.crowd:
        heads = {a.name.split()[-1].lower() for a in mention.subject if a.kind == "group"}
        return bool(heads & _CROWDS)
    if trigger.needs_institution:
        head = _institution(mention)
        if head is None and _DECREE.match(mention.matched) and _in_office(mention):
            head = "government"  # "Mrs Lam suspended the bill"
        if head is None:
            return False  # a person rejecting claims is an opinion, not a decision
        if head in _LEGISLATIVE or (head not in JUDICIAL and _DECREE.match(mention.matched)):
            mention.type = "legislation"  # "the government banned all gatherings"
        elif head not in JUDICIAL:
            mention.type = "statement"
        return bool(mention.object_text or mention.objects)
    if trigger.kind == "copula" and trigger.verb == "become":
        words = set(re.findall(r"[a-z-]+", mention.object_text.lower()))
        return bool(words & ROLE_HEADS)
    if trigger.patient and trigger.kind == "trans" and not mention.objects:
        return bool(mention.object_text) and not _PREPOSITION.match(mention.object_text)
    if trigger.kind != "nominal" and not trigger.noun:  # someone or something must be named
        return bool(
            mention.subject or mention.subject_text or mention.objects or mention.object_text
        )
    return True


def split_coordination(mention: Mention) -> list[Mention]:
    """'Boronov and Dzhumabekov stepped down' -> one resignation each."""
    people = [a for a in mention.subject if a.kind == "person"]
    if mention.type not in ("resignation", "appointment") or len(people) < 2:
        return [mention]
    out = []
    for person in people:
        single = Mention(**{**mention.__dict__, "subject": [person]})
        out.append(single)
    return out
