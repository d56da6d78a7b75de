"""Short titles that read like timeline entries, and the ids made from them.

"Kyrgyz President Sooronbay Jeenbekov stepped down" -> "Jeenbekov resigns as
president"; "Kanat Isaev was elected parliament speaker" -> "Isaev elected
parliament speaker"; nouns stand alone: "Parliamentary elections held".
"""

from __future__ import annotations

import re
import unicodedata

from timeline.extract.events import Mention
from timeline.extract.names import Actor

MAX_WORDS = 9
_IRREGULAR = {
    "became": "becomes",
    "took": "takes",
    "met": "meets",
    "quit": "quits",
    "left": "leaves",
    "won": "wins",
    "held": "holds",
    "assumed": "assumes",
    "assumes": "assumes",
    "becomes": "becomes",
    "swore": "swears",
    "swears": "swears",
    "takes": "takes",
    "veto": "vetoes",
    "flee": "flees",
}
_PAST = {"shot": "shot", "shoot": "shot", "shoots": "shot", "beat": "beat", "beats": "beat"}
_DROP = re.compile(
    r"(?i)\b(?:the|a|an|various|several|some|recent|recently|also|his|her|their|its|other)\s+"
)
# Past forms of the trigger verbs and their base forms, for present-tense titles.
_BASE = {
    "signed": "sign", "reached": "reach", "struck": "strike", "agreed": "agree",
    "declared": "declare", "imposed": "impose", "introduced": "introduce",
    "announced": "announce", "lifted": "lift", "extended": "extend", "passed": "pass",
    "adopted": "adopt", "approved": "approve", "vetoed": "veto", "enacted": "enact",
    "seized": "seize", "occupied": "occupy", "ransacked": "ransack", "torched": "torch",
    "attacked": "attack", "shelled": "shell", "bombed": "bomb", "dissolved": "dissolve",
    "opened": "open", "set": "set", "broke": "break", "stormed": "storm",
    "released": "release", "freed": "free", "pardoned": "pardon", "arrested": "arrest",
    "detained": "detain", "jailed": "jail", "appointed": "appoint", "named": "name",
    "elected": "elect", "met": "meet", "visited": "visit", "held": "hold",
    "annulled": "annul", "invalidated": "invalidate", "overturned": "overturn",
    "cancelled": "cancel", "canceled": "cancel", "killed": "kill", "shot": "shoot",
    "rallied": "rally", "marched": "march", "protested": "protest", "rioted": "riot",
    "rejected": "reject", "upheld": "uphold", "dismissed": "dismiss", "suspended": "suspend",
    "banned": "ban", "disqualified": "disqualify", "barred": "bar", "overruled": "overrule",
    "reinstated": "reinstate", "confirmed": "confirm", "installed": "install",
    "nominated": "nominate", "sacked": "sack", "fired": "fire", "ousted": "oust",
    "seizes": "seize", "storms": "storm", "kills": "kill", "signs": "sign",
    "reaches": "reach", "strikes": "strike", "opens": "open", "releases": "release",
    "frees": "free", "detains": "detain", "arrests": "arrest", "upholds": "uphold",
    "rejects": "reject", "dissolves": "dissolve", "suspends": "suspend", "bans": "ban",
    "disqualifies": "disqualify", "bars": "bar", "overrules": "overrule",
    "reinstates": "reinstate", "announces": "announce", "declares": "declare",
    "used": "use", "uses": "use", "fires": "fire", "captured": "capture",
    "recaptured": "recapture", "retook": "retake", "formed": "form", "outlawed": "outlaw",
    "assassinated": "assassinate", "impeached": "impeach", "wounded": "wound",
    "injured": "injure", "sentenced": "sentence", "acquitted": "acquit", "issued": "issue",
    "promulgated": "promulgate", "repealed": "repeal", "scrapped": "scrap",
    "withdrew": "withdraw",
    "expelled": "expel", "recalled": "recall", "summoned": "summon", "surrounded": "surround",
    "besieged": "besiege", "blocked": "block", "boycotted": "boycott", "dispersed": "disperse",
    "raided": "raid", "certified": "certify", "ratified": "ratify", "charged": "charge",
    "indicted": "indict", "deported": "deport", "extradited": "extradite", "removed": "remove",
    "deposed": "depose", "toppled": "topple", "overthrew": "overthrow", "postponed": "postpone",
    "delayed": "delay", "won": "win", "defeated": "defeat", "beat": "beat",
    "blockaded": "blockade", "barricaded": "barricade", "encircled": "encircle",
    "tear-gassed": "tear-gas", "found": "convict",
    "published": "publish", "confirms": "confirm", "certifies": "certify",
    "recalls": "recall", "expels": "expel", "ratifies": "ratify", "vetoes": "veto",
    "wins": "win", "beats": "beat", "defeats": "defeat", "removes": "remove",
}  # fmt: skip
_OWNER = re.compile(r"^\s*\S+['’]s\s+")
_ALONG = re.compile(r"(?i)\s(?:as\s+well\s+as|including|along\s+with|together\s+with)\s")
_LEADING_PREPOSITION = re.compile(r"(?i)^(?:for|to|in|at|from|by|of|into|over)\b")
_PLURALS = frozenset(("people", "police", "men", "women", "children"))
_PURPOSE = re.compile(r"(?i)^to\s+\w+.*$")  # "used tear gas to disperse them"
_TRAILING = frozenset(("for", "to", "of", "at", "by", "with", "and", "or", "the", "a", "on"))
_ROLE_QUALIFIERS = re.compile(r"(?i)^(?:former|acting|interim|ousted|late)\s+")


def present(verb: str) -> str:
    """Third person singular of a base verb: 'resign' -> 'resigns', 'clash' -> 'clashes'."""
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if " " in verb:
        first, rest = verb.split(" ", 1)
        return f"{present(first)} {rest}"
    if verb.endswith(("s", "sh", "ch", "x", "z")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def _join(actors: list[Actor]) -> str:
    shorts = list(dict.fromkeys(a.short for a in actors))
    if len(shorts) <= 1:
        return "".join(shorts)
    return ", ".join(shorts[:-1]) + " and " + shorts[-1]


def _tidy(phrase: str, limit: int = 6) -> str:
    phrase = _DROP.sub("", phrase + " ").strip()
    return " ".join(phrase.split()[:limit])


_ABBREVIATED = {
    "sen.": "senator",
    "gov.": "governor",
    "rep.": "representative",
    "gen.": "general",
    "col.": "colonel",
    "lt.": "lieutenant",
    "adm.": "admiral",
}


def _role(actor: Actor) -> str:
    if not actor.role:
        return ""
    words = _ROLE_QUALIFIERS.sub("", actor.role).lower().split()
    return " ".join(_ABBREVIATED.get(w, w) for w in words)


_PARTICLE_NAME = re.compile(r"^(?:al|el|ad|as|ash|an|ar|az)-[A-Z]")


def _capital(text: str) -> str:
    if _PARTICLE_NAME.match(text):
        return text  # "al-Burhan dissolves government"
    return text[:1].upper() + text[1:] if text else text


def _cap_words(words: str, limit: int = MAX_WORDS) -> str:
    return " ".join(words.split()[:limit])


def title_for(m: Mention) -> str:
    """The timeline title of one mention."""
    trigger = m.trigger
    who = _join(m.subject)
    if m.subject and all(a.kind == "group" for a in m.subject):
        words = _tidy(_OWNER.sub("", m.subject_text))
        if 0 < len(words.split()) <= 4:
            who = _capital(words)  # "Two soldiers", "Dozens of demonstrators"
    if trigger.kind == "nominal":
        title = _nominal(m)
    elif trigger.kind == "intrans":
        title = _intrans(m, who)
    elif trigger.kind in ("passive", "copula"):
        title = _passive(m, who)
    else:
        title = _trans(m, who)
    return _capital(_trim(_cap_words(_TIME_TAIL.sub("", title.strip()))))


# "Franco sworn in as president hours later": the time cue dates the event, not the title
_TIME_TAIL = re.compile(
    r"(?i)\s+(?:(?:(?:a\s+few|few|two|three|several|\d+)\s+)?(?:hours|minutes|days|weeks|moments)\s+later|within\s+(?:hours|minutes"
    r"|days)|later(?:\s+that\s+(?:day|night|evening))?|the\s+next\s+day|overnight)$"
)


def _nominal(m: Mention) -> str:
    noun = _tidy(m.matched)
    if m.type == "election":
        return f"{noun} held"
    if m.type == "meeting":
        who = _join(m.subject)
        other = m.objects[0] if m.objects else None
        if other is None:
            return f"{who} holds talks" if who else "Talks held"
        role = _role(other).split()[-1] if _role(other) else ""
        target = f"{role} {other.short}".strip()
        return f"{who} meets {target}" if who else f"Meeting with {target}"
    place = f" in {m.places[0]}" if m.places else ""
    detail = (
        m.object_text if re.match(r"(?i)(?:between|against|over|with)\s", m.object_text) else ""
    )
    if detail:
        return f"{noun} {_tidy(detail)}"
    return f"{noun}{place}"


def _many(actor: Actor, who: str) -> bool:
    """'Police arrest', 'Security forces fire', but 'United States recognises'."""
    if actor.kind == "person":
        return False
    if actor.kind == "org":
        return who.split()[-1].lower() in ("forces", "troops", "police", "militias")
    return _plural(who)


def _plural(subject: str) -> bool:
    last = subject.split()[-1].lower() if subject.split() else ""
    return (last.endswith("s") and not last.endswith("ss")) or last in _PLURALS


def _intrans(m: Mention, who: str) -> str:
    if m.trigger.verb == "collapse":  # "the coalition collapsed": the trigger holds its subject
        return f"{m.matched.split()[0].lower()} collapses"
    if m.trigger.verb == "be postponed":  # "the vote was postponed"
        return f"{m.matched.split()[0].lower()} postponed"
    verb = _BASE.get(m.matched.lower(), m.trigger.verb)
    if not who:
        subject = _tidy(m.subject_text)
        if not subject:
            return m.trigger.noun or m.trigger.participle
        return f"{subject} {verb if _plural(subject) else present(verb)}"
    role = _role(m.subject[0]) if len(m.subject) == 1 else ""
    stated = re.match(r"(?i)as\s+(?:the\s+)?(.+)", m.object_text)
    if m.type == "resignation" and stated:
        return f"{who} {present(verb)} as {_tidy(stated.group(1), 4)}"
    if m.type == "resignation" and role:
        return f"{who} {present(verb)} as {role}"
    if m.object_text and m.type in ("election", "court"):
        many = _plural(who) and not any(a.kind == "person" for a in m.subject)
        return f"{who} {verb if many else present(verb)} {_tidy(m.object_text)}"
    single = len(m.subject) == 1 and not (m.subject[0].kind in ("other", "group") and _plural(who))
    return f"{who} {present(verb)}" if single else f"{who} {verb}"


def _passive(m: Mention, who: str) -> str:
    words = m.matched.split()
    if m.trigger.kind == "copula":
        verb = present(words[0].lower())
        rest = " ".join(words[1:])
        if m.trigger.verb == "assume":  # "took office": the office is in the trigger
            complement = " ".join(rest.split()[:6])
        else:
            complement = " ".join(f"{rest} {m.object_text}".split()[:6])
        subject = who or _tidy(m.subject_text)
        return f"{subject} {verb} {complement}".strip()
    if "from" in words:  # "was barred from running": the participle comes before
        words = words[: words.index("from")]
    participle = next(
        (w for w in reversed(words) if w.lower() not in ("as", "in", "was", "were", "been")),
        m.trigger.participle,
    )
    if m.matched.lower().endswith("shot dead"):
        participle = "shot dead"
    if m.trigger.verb == "declare winner":
        participle = "declared winner"
    if "sworn" in m.matched.lower():
        participle = "sworn in as" if words[-1].lower() == "as" else "sworn in"
    subject = who or _tidy(m.subject_text)
    complement = _tidy(m.object_text) if m.type in ("appointment", "court", "election") else ""
    if m.trigger.verb == "declare winner":
        complement = ""
    complement = re.split(r"\s(?:with|after|amid|despite)\s", f" {complement} ")[0].strip()
    return f"{subject} {participle.lower()} {complement}".strip()


def _trans(m: Mention, who: str) -> str:
    objects = _join(m.objects)
    patient = m.trigger.patient or m.type == "appointment"
    obj = (
        objects if patient and objects else _tidy(_ALONG.split(_PURPOSE.sub("", m.object_text))[0])
    )
    if " " in m.matched.strip() and not patient and _LEADING_PREPOSITION.match(obj):
        obj = ""  # "approved a draft budget for the next fiscal year": the trigger holds it
    if m.trigger.patient and m.group_words and len(_tidy(m.group_words).split()) <= 4:
        obj = _tidy(m.group_words)  # "dozens of demonstrators", "three people"
    last = m.matched.split()[-1].lower()
    participle = _participle_of(last) or m.trigger.participle
    if m.trigger.verb == "beat" and objects:  # "beat Stam in the runoff"
        return f"{who} {'beat' if len(m.subject) > 1 else 'beats'} {objects}"
    if m.trigger.verb == "hand power to":
        if not who:
            return f"Power handed to {objects}"
        plural = _many(m.subject[0], who)
        return f"{who} {'hand' if plural else 'hands'} power to {objects}"
    if m.type == "appointment" and objects:
        tokens = "|".join(re.escape(t) for t in m.objects[-1].name.split())
        role = re.split(rf"(?i)\b(?:{tokens})\b", m.object_text)
        rest = _tidy(re.sub(r"(?i)^\s*(?:as\s+)?", "", role[-1])) if len(role) > 1 else ""
        return f"{obj} {participle} {rest}".strip()
    short_subject = 0 < len(_tidy(m.subject_text).split()) <= 2 or not obj
    if not who and not m.trigger.patient and m.subject_text and short_subject:
        subject = _tidy(m.subject_text)
        return _trim(f"{subject} {_verb_phrase(m, _plural(subject))} {obj}")
    if m.trigger.patient or not who:
        if not obj:
            return m.trigger.noun or participle
        return f"{obj} {participle}"
    count = len({a.short for a in m.subject})
    plural = count > 1 or (count == 1 and _many(m.subject[0], who))
    return _trim(f"{who} {_verb_phrase(m, plural)} {obj}")


def _participle_of(word: str) -> str | None:
    """'detained', 'detaining', 'detains' -> 'detained' (None for other words)."""
    if word in _PAST:
        return _PAST[word]
    if word.endswith("ed"):
        return word
    base = _BASE.get(word)
    if base is None and word.endswith("ing"):
        stem = word[:-3]
        base = next((b for b in (stem, stem + "e") if b in _BASE.values()), None)
    if base is None:
        return None
    past = next((p for p, b in _BASE.items() if b == base and p.endswith("ed")), None)
    return past or (base + "d" if base.endswith("e") else base + "ed")


def _verb_phrase(m: Mention, plural: bool) -> str:
    """'signed a ceasefire agreement' -> 'sign(s) ceasefire agreement'."""
    words = m.matched.split()
    base = _BASE.get(words[0].lower(), m.trigger.verb.split()[0])
    if m.groupless_object or len(words) == 1:
        single = _BASE.get(words[0].lower()) if len(words) == 1 else None
        base, rest = single or m.trigger.verb, ""
    else:
        rest = _tidy(" ".join(words[1:]), 5)
    verb = base if plural else present(base)
    return f"{verb} {rest}".strip()


def _trim(title: str) -> str:
    """No title ends on a function word ('... to Nestle for')."""
    words = title.split()
    while len(words) > 2 and words[-1].lower() in _TRAILING:
        words.pop()
    return " ".join(words)


def deadline_title(
    subject: str, verb: str, rest: str = "", passive: bool = True, participle: str = ""
) -> str:
    """'The date for a rerun ...' + 'set' -> 'Deadline to set date for rerun ...'."""
    if passive and subject[:1].isupper() and not subject.lower().startswith(("the ", "a ")):
        return _capital(_cap_words(f"{subject} to be {participle} {rest.strip()}".strip()))
    if passive:
        return _capital(_cap_words(f"Deadline to {verb} {_tidy(subject, 8)}".strip()))
    phrase = f"Deadline for {_tidy(subject, 4)} to {verb} {_tidy(rest, 4)}"
    return _capital(_cap_words(phrase.strip()))


def slugify(title: str, limit: int = 7) -> str:
    """An events.yaml id from a title: 'Isaev elected speaker' -> 'isaev-elected-speaker'."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())[:limit]
    while len(words) > 1 and words[-1] in ("of", "the", "a", "an", "to", "for", "as", "in", "and"):
        words.pop()
    return "-".join(words) or "event"
