"""Event detection: triggers per type, their actors, objects and places.

Each sentence is scanned for the trigger words of :mod:`timeline.extract.triggers`.
The text between two triggers is split into the object of the first and the
subject of the second ("Jeenbekov stepped down and Japarov assumed the
presidency"); an empty subject is shared with the previous trigger ("provoked
unrest, stormed buildings and released ..."), and so is a participle's
("seized power, detaining X"). Names and unnamed groups ("police", "dozens of
demonstrators") take part; who counts, and when a mention is kept, is in
:mod:`timeline.extract.participants`. Direct speech, negated and
hypothetical mentions ("could resign", "a potential second wave") are left out, and
so are questions, habits ("have often killed"), wishes ("wants the election
annulled"), opinions ("critics say ...") and uncertain clauses ("rumours that ...");
an event noun ("elections", "clashes") is an event only when the text dates it
or a verb makes it happen ("saw clashes"), otherwise it is a reference to an
event the article reports elsewhere.
"""

from __future__ import annotations

import bisect
import functools
import re
import string

from timeline.extract.lexicon import (
    FUTURE,
    HYPOTHETICAL,
    LIGHT_VERBS,
    TRIGGERS,
    Trigger,
)
from timeline.extract.mention import Mention
from timeline.extract.names import Actor, NameTable, find_groups, find_names, find_places
from timeline.extract.participants import (
    NOBODY,
    acceptable,
    names_in,
    resolve_pronouns,
    set_object,
    split_coordination,
    subject_text,
)
from timeline.extract.relevance import drop_repeated_shares, keep_political
from timeline.extract.sentences import Sentence, quoted_spans, split_clauses

# One pass over the text finds every trigger; a group per trigger says which one matched.
_MASTER = re.compile(
    "(?i)(?<![\\w-])(?:"
    + "|".join(f"(?P<t{n}>{t.pattern})" for n, t in enumerate(TRIGGERS))
    + ")(?![\\w-])"
)
_BY_GROUP = {f"t{n}": t for n, t in enumerate(TRIGGERS)}
_WORD_START = re.compile(r"(?<![\w-])[A-Za-z]")
# "seized power, detaining X": a participle continues the clause before it.
_CONTINUED = re.compile(r"(?i)(?:,|\sand|\safter|\swhile|\sbefore)\s$")


@functools.lru_cache(maxsize=1)
def _by_letter() -> dict[str, re.Pattern[str]]:
    """Per first letter, a master of just the triggers that can start with it.

    The same matches as ``_MASTER`` (the first trigger in order wins at a place),
    but each word start tries a few patterns instead of all of them. Which
    triggers can start with a letter is decided by partial matching (``regex``).
    """
    try:
        import regex  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover
        return {}
    table: dict[str, re.Pattern[str]] = {}
    for letter in string.ascii_lowercase:
        numbers = [
            n
            for n, t in enumerate(TRIGGERS)
            if regex.match(f"(?i)(?:{t.pattern})", letter, partial=True)
        ]
        if numbers:
            table[letter] = re.compile(
                "(?i)(?:"
                + "|".join(f"(?P<t{n}>{TRIGGERS[n].pattern})" for n in numbers)
                + ")(?![\\w-])"
            )
    return table


def trigger_matches(text: str, start: int = 0) -> list[re.Match[str]]:
    """Every trigger in ``text[start:]``, left to right, without overlaps."""
    table = _by_letter()
    if not table:  # pragma: no cover
        found = list(_MASTER.finditer(text, start))
    else:
        found, end = [], start
        for word in _WORD_START.finditer(text, start):
            position = word.start()
            if position < end:
                continue
            pattern = table.get(word.group().lower())
            match = pattern.match(text, position) if pattern else None
            if match:
                found.append(match)
                end = match.end()
    return [
        m
        for m in found
        if _BY_GROUP[m.lastgroup or ""].kind == "nominal"
        or not m.group().lower().endswith("ing")
        or " " in m.group()
        or _CONTINUED.search(text, max(0, m.start() - 7), m.start())
    ]


_HYPO = re.compile(rf"(?i)(?:^|\W)(?:{HYPOTHETICAL})\W+(?:\w+\W+){{0,1}}$")
_MAYBE_NOUN = re.compile(
    r"(?i)\b(?:potential|possible|proposed|any|no|without|threat\s+of|risk\s+of|calls?\s+for"
    r"|called|calls|announced|announces|promised|promises|proposed|proposes"
    r"|demands?\s+for|fears?\s+of|never(?:\s+(?:had|seen|saw|known))?"
    r"|compar(?:e|ed|es|ing|isons?)\s+(?:[\w-]+\s+){0,4}?(?:to|with))\s+(?:\w+\s+){0,2}$"
)
# "52 percent of the vote": a share, not a vote held.
_SHARE = re.compile(r"(?i)(?:percent|per\s+cent|%|share|majority|half|third)\s+of\s+(?:the\s+)?$")
_HYPO_NOUN = re.compile(
    r"(?i)\b(?:future|new|next|upcoming|planned|rerun\s+of(?:\s+the)?|repeat|second|further"
    r"|more|fresh)\s+(?:\w+\s+){0,2}$"
)
_FUTURE = re.compile(rf"(?i)(?<![\w-])(?:{FUTURE})(?![\w-])")
_LIGHT_BEFORE = re.compile(rf"(?i)(?<![\w-])(?:{LIGHT_VERBS})\s+(?:\w+\s+){{0,3}}$")
_LIGHT_AFTER = re.compile(
    rf"(?i)^\s+(?:(?:have|has|had)\s+|(?:will|would|shall|should|must|is\s+to|are\s+to)\s+be\s+)?"
    rf"(?:{LIGHT_VERBS})\b"
)
_SPLIT = re.compile(r",\s+and\s+|\s+and\s+|,\s+")
_OWNER = re.compile(r"['’]s\s+\w")
_AFTER_PREPOSITION = re.compile(r"(?i)\b(?:by|of|for|with|from|against|to)\s+$")
_RELATIVE = re.compile(r"(?i)^(?:who|which|that)$")
_ADJECTIVAL = re.compile(
    r"(?i)(?:['’]s\s+$)|\b(?:the|a|an|its|their|his|her|newly|democratically|freely|popularly|duly|legally"
    r"|illegally|recently|previously|formerly|jointly)\s+$"
)
# Between an unnamed group and its verb: "police later arrested", "troops on Sunday fired".
_GROUP_GAP = re.compile(
    r"(?i)(?:\s+(?:later|then|also|again|soon|quickly|reportedly|allegedly|themselves|all|both"
    r"|\w+ly|(?:on\s+)?\w+day|(?:have|has|had)(?:\s+been)?))*\s*"
)
# "called elections for May 5": the elections are ahead
_CALLED_FOR = re.compile(r"(?i)\s+(?:to\s+be\s+held\s+)?for\s+(?:\w+\s+)?\d")
_WHO_END = re.compile(r"\s+(?:who|which)\s+$")
_SUBORDINATE = re.compile(
    r"(?i)\b(?:after|before|when|while|because|since|once|until|although|though"
    r"|(?:said|says|showed|shows|show|announced|announces|confirmed|confirms|indicated"
    r"|reported|found)\s+that)\s"
)
_FILLER = re.compile(r"(?i)^[\s,]*(?:(?:and|also|then|later|subsequently|eventually)\b[\s,]*)*$")
_DATE_AFTER = re.compile(
    r"(?i)\s+(?:(?:(?:was|were|is|are|has\s+been)\s+(?:called|set|scheduled|fixed|planned)\s+)?"
    r"(?:on|in|of|for|held\s+on|held\s+in)\s+(?:the\s+)?)?"
)
_DATE_BEFORE = re.compile(r"(?:['’]s)?\s+")
# "arrested more than a dozen times": many events, none of them told.
_TIMES = re.compile(
    r"(?i)\s+(?:[\w-]+\s+){0,2}?(?:more\s+than\s+|at\s+least\s+|over\s+|about\s+)?(?:a\s+dozen"
    r"|dozens\s+of|\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|numerous"
    r"|countless)\s+times\b|\s+(?:[\w-]+\s+){0,2}?(?:twice|thrice)\b"
)
# Polls that are surveys, not votes: "opinion polls", "polls had predicted a close race".
_SURVEY_BEFORE = re.compile(r"(?i)\b(?:opinion|exit|pre-election|latest|recent|independent)\s+$")
_SURVEY_AFTER = re.compile(
    r"(?i)\s+(?:(?:had|have|has)\s+)?(?:predicted|predict|predicts|suggested|suggest|suggests"
    r"|showed|show|shows|shown|forecast|forecasts|indicated|indicate|indicates|gave|give|gives"
    r"|put|puts|found|find|finds)\b"
)
# A clause that is reported as uncertain or denied: "rumours that X resigned".
_UNSURE = re.compile(
    r"(?i)\b(?:rumou?rs?|speculation|unconfirmed\s+reports?|(?:denied|denies|deny|denying)"
    r"(?:\s+\w+)?)\s+that\b|\b(?:unclear|uncertain|not\s+clear|not\s+known|unknown)\s+(?:whether"
    r"|if)\b"
)
# An opinion about an event, not the event: "critics say the president seized power".
_OPINION = re.compile(
    r"(?i)\b(?:critics|opponents|analysts|observers|commentators|sceptics|skeptics|detractors"
    r"|experts)\s+(?:have\s+)?(?:say|said|argue|argued|believe|believed|claim|claimed|contend"
    r"|contended|insist|insisted|allege|alleged|suggest|suggested)\b"
    r"|\b(?:not\s+the\s+first|the\s+(?:last|previous))\s+time\b"
)
# What happens as a rule, not once: "have often killed", "usually end with".
_HABITUAL = re.compile(
    r"(?i)\b(?:often|usually|typically|frequently|regularly|sometimes|rarely|seldom|routinely"
    r"|traditionally|historically|in\s+the\s+past|whenever|(?:each|every)\s+time)\b"
)
_EVERY = re.compile(
    r"(?i)\b(?:almost\s+|nearly\s+)?(?:every|each)\s+(?:single\s+)?(?:day|night|week|weekend"
    r"|month|year|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
)
# A wish, not a deed: "wants the election annulled", "demanded the ministers dismissed".
_WISH = re.compile(
    r"(?i)\b(?:wants?|wanted|wanting|demands?|demanded|hopes?|hoped|expects?|would\s+like"
    r"|asked\s+for|seeks?|sought)\s+(?:[\w'’-]+\s+){1,5}$"
)
# Sentences that ask; people nobody in particular: "anyone who protested".
_QUESTION = re.compile(r"\?[\s\"'”’)]*$")
_ANYONE = re.compile(
    r"(?i)\b(?:anyone|anybody|everyone|everybody|whoever)\s+(?:who\s+|that\s+)?"
    r"(?:(?:has|have|had|was|were|is|are)\s+)?$"
)


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
    all_matches = trigger_matches(text, body_start)
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
        if _QUESTION.search(sentence.text):
            continue  # "Has the army seized power?": asked, not told
        quotes = quoted_spans(sentence.text)
        quotes = [(a + sentence.start, b + sentence.start) for a, b in quotes]
        first, last = (bisect.bisect_left(name_starts, x) for x in (sentence.start, sentence.end))
        names_here = all_names[first:last]
        masked = quotes + [(n.start, n.end) for n in names_here if n.kind in ("org", "person")]
        triggers = _find_triggers(all_matches[lo:hi], sentence, masked)
        if not triggers:
            continue
        spans = [m.span() for m, _t in triggers]
        names = [
            table.resolve(n)
            for n in names_here
            if not _overlaps((n.start, n.end), quotes)
            and not (n.kind == "other" and _overlaps((n.start, n.end), spans))  # "Protest leaders"
        ]
        taken = [(n.start, n.end) for n in names_here] + quotes
        groups = [
            g
            for g in find_groups(text, sentence.start, sentence.end)
            if not _overlaps((g.start, g.end), taken)
        ]
        if groups:
            names = sorted(names + groups, key=lambda n: n.start)
        places = [
            p
            for p in find_places(text, sentence.start, sentence.end)
            if not _overlaps(p[1:], quotes)
        ]
        place_names = {p[0] for p in places}
        names = [n for n in names if n.name not in place_names]
        clauses = split_clauses(sentence)
        found = _sentence_mentions(text, index, triggers, names, places, clauses, list(timexes))
        mentions.extend(keep_political(text, (sentence.start, sentence.end), found))
    mentions = drop_repeated_shares(mentions)
    resolve_pronouns(mentions)
    return mentions


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
            if previous.matched.lower().endswith("that"):
                pass  # "announced that X won": what follows "that" is the next verb's subject
            elif cuts:
                subject_begin = begin + cuts[-1].end()
                set_object(text, previous, names, begin, begin + cuts[-1].start(), timexes)
            elif previous.trigger.kind == "nominal":
                subject_begin = clause[0]  # "five coup plotters were arrested"
            elif previous.trigger.kind != "intrans":
                subject_begin = match.start()
                set_object(text, previous, names, begin, match.start(), timexes)
        subject_span = text[subject_begin : match.start()]
        mention = Mention(
            trigger.type, trigger, match.start(), match.end(), index, clause, match.group()
        )
        subject = [
            n
            for n in names_in(names, subject_begin, match.start())
            if not _OWNER.match(text, n.end)  # "Myanmar's military": the military acts
            and (n.kind != "group" or _GROUP_GAP.fullmatch(text, n.end, match.start()))
        ]
        after_comma = subject_begin + subject_span.rfind(",") + 1
        if subject and any(n.start >= after_comma for n in subject):
            subject = [n for n in subject if n.start >= after_comma]
        joint = list(_SUBORDINATE.finditer(subject_span))
        if subject and joint:  # "ERC abstained after the Socialists agreed": the Socialists
            cut = subject_begin + joint[-1].end()
            subject = [n for n in subject if n.start >= cut] or subject
        if not subject and previous is not None and _FILLER.match(subject_span):
            mention.subject = previous.subject
            mention.subject_text = previous.subject_text
            mention.continues = previous.trigger.kind != "nominal"
        else:
            mention.subject = subject
            unnamed = all(a.kind == "group" for a in subject)  # "two soldiers": keep the words
            mention.subject_text = subject_text(subject_span) if unnamed else ""
        if not mention.subject and _RELATIVE.match(mention.subject_text):
            before_it = [
                n for n in names if n.end <= subject_begin and n.kind in ("person", "group")
            ]
            # "Suu Kyi, who was detained": who is the person (or group) just named
            mention.subject = [before_it[-1]] if before_it else []
            mention.subject_text = ""
        relative = _WHO_END.search(text, begin, match.start()) if previous is not None else None
        if relative:  # "fired tear gas at supporters who blocked a road": the supporters
            near = [
                n
                for n in names
                if begin <= n.start and n.end <= relative.start() and n.kind in ("person", "group")
            ]
            if near:
                mention.subject, mention.subject_text, mention.continues = [near[-1]], "", False
        before = text[clause[0] : match.start()]
        mention.future = bool(_CALLED_FOR.match(text, match.end()) and trigger.type == "election")
        mention.future = (
            mention.future
            or bool(_FUTURE.search(before[-60:]))
            or bool(
                _FUTURE.search(text, match.end(), min(clause[1], match.end() + 30))
                and trigger.kind == "nominal"
            )
        )
        if trigger.kind == "nominal" and _SHARE.search(
            text, max(0, match.start() - 20), match.start()
        ):
            continue
        if trigger.kind == "nominal":
            dated = _dated(text, match, timexes)
            mention.licensed = dated or _licensed(text, match, trigger, clause, names)
            window = max(clause[0], match.start() - 60)
            if _MAYBE_NOUN.search(text, window, match.start()) or (
                not dated and _HYPO_NOUN.search(text, window, match.start())
            ):
                mention.licensed = False  # "a potential second wave", "a rerun of the elections"
            if trigger.type == "election" and (
                _SURVEY_BEFORE.search(text, window, match.start())
                or _SURVEY_AFTER.match(text, match.end())
            ):
                mention.licensed = False  # "opinion polls", "polls had predicted": surveys
            if not _LIGHT_BEFORE.search(text, max(clause[0], match.start() - 40), match.start()):
                mention.subject, mention.subject_text = [], ""  # nobody made it happen
            if trigger.type == "meeting" and not mention.subject and subject:
                mention.subject = subject
        elif _HYPO.search(text, max(clause[0], match.start() - 40), match.start()):
            continue
        elif _UNSURE.search(text, clauses[0][0], match.start()) or _OPINION.search(
            text, clauses[0][0], match.start()
        ):
            continue  # "rumours that the minister had resigned", "unclear whether he fled"
        elif _HABITUAL.search(text, clause[0], match.start()) or _TIMES.match(
            text, match.end(), min(clause[1], match.end() + 50)
        ):
            continue  # "soldiers have often killed protesters", "arrested a dozen times"
        elif _EVERY.search(text, match.end(), clause[1]):
            continue  # "police fire tear gas almost every week"
        elif _WISH.search(text, max(clause[0], match.start() - 50), match.start()):
            continue  # "the opposition wants the election annulled"
        elif trigger.kind == "trans" and _ADJECTIVAL.search(
            text, max(0, match.start() - 20), match.start()
        ):
            continue  # "the democratically elected government": a description, not an event
        elif trigger.kind == "trans" and _AFTER_PREPOSITION.search(
            text, max(0, match.start() - 12), match.start()
        ):
            continue  # "led by sacked prime minister X": an adjective after a preposition
        if NOBODY.match(mention.subject_text) or _ANYONE.search(
            text, max(clause[0], match.start() - 40), match.start()
        ):
            continue  # "none were killed"
        later_verbs = [m.start() for m, t in triggers[position + 1 :] if t.kind != "nominal"]
        following = triggers[position + 1][0].start() if position + 1 < len(triggers) else clause[1]
        end = min(later_verbs[0] if later_verbs else clause[1], clause[1])
        if trigger.kind == "nominal":
            end = min(following, clause[1])
        set_object(text, mention, names, match.end(), end, timexes)
        own = next((g for g, v in match.groupdict().items() if v and g.startswith("obj")), None)
        if own:
            mention.object_text = match.group(own)
            mention.object_span = match.span(own)
            mention.groupless_object = True
        mention.region = (subject_begin, end)
        mention.places = [p for p, s, _ in places if subject_begin <= s < end]
        if not acceptable(mention):
            previous = mention
            continue
        out.extend(split_coordination(mention))
        previous = mention
    return out


def _dated(text: str, match: re.Match[str], timexes: list[tuple[int, int]]) -> bool:
    """A date right next to the noun: 'the elections on October 4', 'the 2019 election'."""
    for start, end in timexes:
        if match.end() <= start <= match.end() + 36 and _DATE_AFTER.fullmatch(
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
