"""Event detection: triggers per type, their actors, objects and places.

Each sentence is scanned for the trigger words of :mod:`timeline.extract.lexicon`.
The text between two triggers is split into the object of the first and the
subject of the second ("Jeenbekov stepped down and Japarov assumed the
presidency"); an empty subject is shared with the previous trigger ("provoked
unrest, stormed buildings and released ..."). Coordinated people who each leave
or take an office become one event each. Direct speech, negated and
hypothetical mentions ("could resign", "a potential second wave") are left out;
an event noun ("elections", "clashes") is an event only when the text dates it
or a verb makes it happen ("saw clashes"), otherwise it is a reference to an
event the article reports elsewhere.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from timeline.extract.lexicon import (
    FUTURE,
    HYPOTHETICAL,
    LIGHT_VERBS,
    ROLE_HEADS,
    TRIGGERS,
    Trigger,
)
from timeline.extract.names import Actor, NameTable, find_names, find_places
from timeline.extract.sentences import Sentence, quoted_spans, split_clauses

# One pass over the text finds every trigger; a group per trigger says which one matched.
_MASTER = re.compile(
    "(?i)(?<![\\w-])(?:"
    + "|".join(f"(?P<t{n}>{t.pattern})" for n, t in enumerate(TRIGGERS))
    + ")(?![\\w-])"
)
_BY_GROUP = {f"t{n}": t for n, t in enumerate(TRIGGERS)}
_HYPO = re.compile(rf"(?i)(?:^|\W)(?:{HYPOTHETICAL})\W+(?:\w+\W+){{0,1}}$")
_MAYBE_NOUN = re.compile(
    r"(?i)\b(?:potential|possible|proposed|any|no|without|threat\s+of|risk\s+of|calls?\s+for"
    r"|demands?\s+for|fears?\s+of)\s+(?:\w+\s+){0,2}$"
)
_HYPO_NOUN = re.compile(
    r"(?i)\b(?:future|new|next|upcoming|planned|rerun\s+of(?:\s+the)?|repeat|second|further"
    r"|more|fresh)\s+(?:\w+\s+){0,2}$"
)
_FUTURE = re.compile(rf"(?i)(?<![\w-])(?:{FUTURE})(?![\w-])")
_LIGHT_BEFORE = re.compile(rf"(?i)(?:{LIGHT_VERBS})\s+(?:\w+\s+){{0,3}}$")
_LIGHT_AFTER = re.compile(
    rf"(?i)^\s+(?:(?:have|has|had)\s+|(?:will|would|shall|should|must|is\s+to|are\s+to)\s+be\s+)?"
    rf"(?:{LIGHT_VERBS})\b"
)
_SPLIT = re.compile(r",\s+and\s+|\s+and\s+|,\s+")
_PHRASE_END = re.compile(
    r"(?i),|;|\.|\s(?:and|from|after|before|since|following|amid|when|while|who|which|that|on|in"
    r"|at|by|during|over|until|despite|because)\s"
)
# Where the people acted upon end: "released A as well as others, including B, from ..."
_OBJECT_END = re.compile(
    r"(?i);|\.(?:\s|$)|,(?!\s+(?:including|among|such\s+as|as\s+well\s+as)\b)(?=\s+(?:and\s+)?(?-i:[a-z]))"
    r"|\s(?:after|before|since|following|amid|when|while|who|which|on|at|by|during|until"
    r"|despite|because|from|over|in)\s|\sand\s(?=[a-z]+ed\s)"
)
_PREPOSITION = re.compile(r"(?i)(?:into|from|on|in|to|after|at|by|for|with)\b")
_NOBODY = re.compile(r"(?i)(?:none|no\s+one|nobody|no\s+\w+)$")
_OWNER = re.compile(r"['’]s\s+[a-z]")
_RELATIVE = re.compile(r"(?i)^(?:who|which|that)$")
_ADJECTIVAL = re.compile(
    r"(?i)\b(?:the|a|an|its|their|his|her|newly|democratically|freely|popularly|duly|legally"
    r"|illegally|recently|previously|formerly|jointly)\s+$"
)
_VOTES = ("election", "court")  # "voted to remove President X": X takes part
_PRONOUN = re.compile(r"(?i)^(?:he|she)$")
_FILLER = re.compile(r"(?i)^[\s,]*(?:(?:and|also|then|later|subsequently|eventually)\b[\s,]*)*$")
_DATE_AFTER = re.compile(r"(?i)\s+(?:(?:on|in|of|held\s+on|held\s+in)\s+(?:the\s+)?)?")
_DATE_BEFORE = re.compile(r"(?:['’]s)?\s+")


@dataclass
class Mention:
    """One event found in an article, before it is dated and titled."""

    type: str
    trigger: Trigger
    start: int
    end: int
    sentence: int
    clause: tuple[int, int]
    matched: str
    subject: list[Actor] = field(default_factory=list)
    objects: list[Actor] = field(default_factory=list)
    subject_text: str = ""
    object_text: str = ""
    object_span: tuple[int, int] = (0, 0)
    places: list[str] = field(default_factory=list)
    region: tuple[int, int] = (0, 0)  # from the subject to the end of the object
    groupless_object: bool = False  # the trigger's pattern holds its own object
    licensed: bool = True  # False: a noun that only refers to an event ("the elections")
    future: bool = False

    @property
    def actors(self) -> list[Actor]:
        seen: dict[str, Actor] = {}
        for actor in [*self.subject, *self.objects]:
            if actor.kind in ("person", "org", "other") and actor.name not in seen:
                seen[actor.name] = actor
        return list(seen.values())


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


def _find_triggers(
    matches: list[re.Match[str]], sentence: Sentence, masked: list[tuple[int, int]]
) -> list:
    """The sentence's triggers outside direct speech and names, longest first where they overlap."""
    kept: list = []
    for match in matches:
        if sentence.start <= match.start() < sentence.end and not _overlaps(match.span(), masked):
            kept.append((match, _BY_GROUP[match.lastgroup or ""]))
    return kept


def _clause_of(clauses: list[tuple[int, int]], position: int) -> tuple[int, int]:
    for clause in clauses:
        if clause[0] <= position < clause[1]:
            return clause
    return clauses[-1]


def _names_in(names: list[Actor], start: int, end: int) -> list[Actor]:
    return [n for n in names if start <= n.start and n.end <= end]


def _subject_text(text: str) -> str:
    tail = re.split(r",\s", text)[-1]
    tail = re.sub(
        r"(?i)^\s*(?:(?:and|but|also|then|later|hours|days|soon|meanwhile)\s+)+", "", tail
    )
    tail = re.split(
        r"(?i)\b(?:after|before|when|while|because|since|following|as|once|until)\s", tail
    )[-1]
    tail = re.split(r"(?i)\s(?:who|which|that|whose)\s", tail)[0]
    words = tail.split()
    return " ".join(words) if 0 < len(words) <= 6 else ""


def _phrase(text: str, start: int, end: int) -> tuple[str, int]:
    """The words right after a trigger up to the end of its phrase, and where it ends."""
    match = _PHRASE_END.search(text, start, end)
    stop = match.start() if match else end
    return text[start:stop].strip(), stop


def detect(
    text: str,
    sentences: list[Sentence],
    body_start: int,
    timexes: list[tuple[int, int]] = (),  # type: ignore[assignment]
) -> list[Mention]:
    """Every event mention in the article body, in text order.

    ``timexes`` are the spans of the article's dates: an event noun next to one
    ("the elections on October 4") is an event of its own.
    """
    all_names = find_names(text, body_start, len(text))
    all_matches = list(_MASTER.finditer(text, body_start))
    name_starts = [n.start for n in all_names]
    match_starts = [m.start() for m in all_matches]
    table = NameTable(all_names)
    mentions: list[Mention] = []
    for index, sentence in enumerate(sentences):
        if sentence.end <= body_start:
            continue
        lo, hi = (bisect.bisect_left(match_starts, x) for x in (sentence.start, sentence.end))
        if lo == hi:
            continue  # no trigger word in this sentence
        quotes = quoted_spans(sentence.text)
        quotes = [(a + sentence.start, b + sentence.start) for a, b in quotes]
        first, last = (bisect.bisect_left(name_starts, x) for x in (sentence.start, sentence.end))
        names_here = all_names[first:last]
        masked = quotes + [(n.start, n.end) for n in names_here if n.kind in ("org", "person")]
        triggers = _find_triggers(all_matches[lo:hi], sentence, masked)
        if not triggers:
            continue
        names = [table.resolve(n) for n in names_here if not _overlaps((n.start, n.end), quotes)]
        places = [
            p
            for p in find_places(text, sentence.start, sentence.end)
            if not _overlaps(p[1:], quotes)
        ]
        place_names = {p[0] for p in places}
        names = [n for n in names if n.name not in place_names]
        clauses = split_clauses(sentence)
        mentions.extend(
            _sentence_mentions(text, index, triggers, names, places, clauses, list(timexes))
        )
    _resolve_pronouns(mentions)
    return mentions


def _resolve_pronouns(mentions: list[Mention]) -> None:
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


def _sentence_mentions(
    text: str,
    index: int,
    triggers: list,
    names: list[Actor],
    places: list[tuple[str, int, int]],
    clauses: list[tuple[int, int]],
    timexes: list[tuple[int, int]],
) -> list[Mention]:
    out: list[Mention] = []
    previous: Mention | None = None
    for position, (match, trigger) in enumerate(triggers):
        clause = _clause_of(clauses, match.start())
        if previous is not None and previous.clause != clause:
            previous = None
        begin = previous.end if previous else clause[0]
        gap = text[begin : match.start()]
        subject_begin = begin
        if previous is not None and trigger.kind != "nominal":
            cuts = list(_SPLIT.finditer(gap))
            if cuts:
                subject_begin = begin + cuts[-1].end()
                _set_object(text, previous, names, begin, begin + cuts[-1].start(), timexes)
            elif previous.trigger.kind != "intrans":
                subject_begin = match.start()
                _set_object(text, previous, names, begin, match.start(), timexes)
        subject_span = text[subject_begin : match.start()]
        mention = Mention(
            trigger.type, trigger, match.start(), match.end(), index, clause, match.group()
        )
        subject = [
            n
            for n in _names_in(names, subject_begin, match.start())
            if not _OWNER.match(text, n.end)  # "Myanmar's military": the military acts
        ]
        after_comma = subject_begin + subject_span.rfind(",") + 1
        if subject and any(n.start >= after_comma for n in subject):
            subject = [n for n in subject if n.start >= after_comma]
        if not subject and previous is not None and _FILLER.match(subject_span):
            mention.subject = previous.subject
            mention.subject_text = previous.subject_text
        else:
            mention.subject = subject
            mention.subject_text = _subject_text(subject_span) if not subject else ""
        if not mention.subject and _RELATIVE.match(mention.subject_text):
            before_it = [n for n in names if n.end <= subject_begin and n.kind == "person"]
            if before_it:  # "Suu Kyi, who was detained": who is the person just named
                mention.subject, mention.subject_text = [before_it[-1]], ""
        before = text[clause[0] : match.start()]
        mention.future = bool(_FUTURE.search(before)) or bool(
            _FUTURE.search(text, match.end(), min(clause[1], match.end() + 30))
            and trigger.kind == "nominal"
        )
        if trigger.kind == "nominal":
            dated = _dated(text, match, timexes)
            mention.licensed = dated or _licensed(text, match, trigger, clause, names)
            window = max(clause[0], match.start() - 60)
            if _MAYBE_NOUN.search(text, window, match.start()) or (
                not dated and _HYPO_NOUN.search(text, window, match.start())
            ):
                mention.licensed = False  # "a potential second wave", "a rerun of the elections"
            if not _LIGHT_BEFORE.search(text, max(clause[0], match.start() - 40), match.start()):
                mention.subject, mention.subject_text = [], ""  # nobody made it happen
            if trigger.type == "meeting" and not mention.subject and subject:
                mention.subject = subject
        elif _HYPO.search(text, max(clause[0], match.start() - 40), match.start()):
            continue
        elif trigger.kind == "trans" and _ADJECTIVAL.search(
            text, max(0, match.start() - 20), match.start()
        ):
            continue  # "the democratically elected government": a description, not an event
        if _NOBODY.match(mention.subject_text):
            continue  # "none were killed"
        later_verbs = [m.start() for m, t in triggers[position + 1 :] if t.kind != "nominal"]
        following = triggers[position + 1][0].start() if position + 1 < len(triggers) else clause[1]
        end = min(later_verbs[0] if later_verbs else clause[1], clause[1])
        if trigger.kind == "nominal":
            end = min(following, clause[1])
        _set_object(text, mention, names, match.end(), end, timexes)
        if match.groupdict().get("obj"):
            mention.object_text = match.group("obj")
            mention.object_span = match.span("obj")
            mention.groupless_object = True
        mention.region = (subject_begin, end)
        mention.places = [p for p, s, _ in places if subject_begin <= s < end]
        if not _acceptable(mention):
            previous = mention
            continue
        out.extend(_split_coordination(mention))
        previous = mention
    return out


def _set_object(
    text: str,
    mention: Mention,
    names: list[Actor],
    start: int,
    end: int,
    timexes: list[tuple[int, int]] = (),  # type: ignore[assignment]
) -> None:
    masked = _without_dates(text, start, end, timexes)
    phrase, _stop = _phrase(masked, 0, len(masked))
    mention.object_text = " ".join(_TALLY.sub("", phrase).split())
    mention.object_span = (start, end)
    stop_at = _OBJECT_END.search(masked)
    stop = start + stop_at.start() if stop_at else end
    found = _names_in(names, start, stop)
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


def _dated(text: str, match: re.Match[str], timexes: list[tuple[int, int]]) -> bool:
    """A date right next to the noun: 'the elections on October 4', 'the 2019 election'."""
    for start, end in timexes:
        if match.end() <= start <= match.end() + 16 and _DATE_AFTER.fullmatch(
            text, match.end(), start
        ):
            return True
        if match.start() - 4 <= end <= match.start() and _DATE_BEFORE.fullmatch(
            text, end, match.start()
        ):
            return True
    return False


def _licensed(
    text: str,
    match: re.Match[str],
    trigger: Trigger,
    clause: tuple[int, int],
    names: list[Actor],
) -> bool:
    """A verb makes the noun happen ('saw clashes', 'protests broke out'); a meeting names who."""
    if trigger.type == "meeting":
        return any(match.end() <= n.start < match.end() + 60 for n in names)
    if _LIGHT_BEFORE.search(text, max(clause[0], match.start() - 40), match.start()):
        return True
    return bool(_LIGHT_AFTER.match(text[match.end() : match.end() + 40]))


def _acceptable(mention: Mention) -> bool:
    trigger = mention.trigger
    if trigger.needs_name and not mention.objects:
        return False
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


def _split_coordination(mention: Mention) -> list[Mention]:
    """'Boronov and Dzhumabekov stepped down' -> one resignation each."""
    people = [a for a in mention.subject if a.kind == "person"]
    if mention.type not in ("resignation", "appointment") or len(people) < 2:
        return [mention]
    out = []
    for person in people:
        single = Mention(**{**mention.__dict__, "subject": [person]})
        out.append(single)
    return out
