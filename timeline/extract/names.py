"""People, organisations and places, found without a gazetteer.

A name is a run of capitalised words ("Sadyr Japarov", "Central Election
Commission"). Role titles in front of a person's name are split off ("Prime
Minister Kubatbek Boronov" -> role 'Prime Minister', name 'Kubatbek Boronov');
a run ending in an organisation word is an organisation; a capitalised word after
"in"/"at" is a place. A lone surname is resolved to the full name used elsewhere
in the article, so "Japarov" and "Sadyr Japarov" are one actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.extract.lexicon import (
    GROUP_MODIFIERS,
    GROUP_NOT_BEFORE,
    GROUP_NOUNS,
    NOT_NAMES,
    ORG_HEADS,
    PLACE_PREPOSITIONS,
    ROLE_HEADS,
    ROLE_WORDS,
    words,
)

_TOKEN = (
    r"(?:(?:Sen|Gov|Rep|Gen|Col|Lt|Adm|[A-Z])\.(?=\s+[A-Z])|(?:(?:al|el|ad|as|ash|an|ar|az)-)?"
    r"[A-Z][\w-]*(?:['’](?!s\b)[\w-]+)*)"
)
_PARTICLE = r"(?:\s+(?:de|da|del|van|von|der|la|le|al|el|bin|ibn|of|for)(?=\s+[A-Z]))"
_NAME = re.compile(rf"(?<![\w'’-]){_TOKEN}(?:{_PARTICLE}?[ \t]+{_TOKEN})*")
_PLACE = re.compile(
    rf"\b(?:{PLACE_PREPOSITIONS})\s+(?:the\s+)?(?:(?:downtown|central|northern|southern|eastern"
    rf"|western|capital|city\s+of)\s+)?({_TOKEN}(?:\s+{_TOKEN})*)"
)
_GROUP = re.compile(
    rf"(?i)(?<![\w-])(?:(?:{GROUP_MODIFIERS})\s+)?(?:{GROUP_NOUNS})(?![\w-])(?!['’]s\b)"
    r"(?:\s+(?P<next>[a-z]+))?"
)
_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")
# Surname endings across languages: Slavic, Central Asian, Armenian, Georgian, Romanian,
# Italian, Turkish, Spanish and Portuguese patronymics, Nordic and English -son.
_SURNAME_ENDING = re.compile(
    r"(?:[oe]va?|y?ev|enko|[sc]k[iy]|ska|son|sen|e[zs]|ian|yan|i[cć]|ovich|ovic|escu|ini|elli"
    r"|o[gğ]lu|shvili|idze|dze|uly|kyzy|ov)$"
)
# Syllables of romanised Burmese names, which have no surname to cut to.
_BURMESE = re.compile(
    r"(?:(?:Hl|Ht|Hm|Hn)[a-z]{1,5}|Ky(?:aw|i|in|aing)|Ny[aeiu][a-z]{0,3}|Gy[a-z]{1,3}"
    r"|[A-Z][a-z]{0,2}(?:aung|aing|yint|yunt|yaw|hwe)|Th[ae]i?n|Thant|Kh[ai]n|[MS]we|Soe|Suu|Oo)"
)
# Common East Asian family names, written first: "Xi Jinping", "Moon Jae-in", "Nguyen Phu Trong".
_FAMILY_FIRST = frozenset(
    [
        "Xi",
        "Li",
        "Wang",
        "Zhang",
        "Liu",
        "Chen",
        "Yang",
        "Huang",
        "Zhao",
        "Wu",
        "Zhou",
        "Xu",
        "Sun",
        "Ma",
        "Zhu",
        "Hu",
        "Guo",
        "He",
        "Lin",
        "Luo",
        "Gao",
        "Hun",
        "Kim",
        "Park",
        "Lee",
        "Moon",
        "Yoon",
        "Choi",
        "Jung",
        "Kang",
        "Cho",
        "Nguyen",
        "Tran",
        "Le",
        "Pham",
        "Vo",
        "Ngo",
        "Abe",
        "Kishida",
    ]
)
# Two-word places that look like a first name and a surname: "North Korea", "Sri Lanka".
_PLACE_FIRST = words("north south east west new upper lower central greater")
_PLACES = frozenset(
    (
        "Sri Lanka", "Saudi Arabia", "Costa Rica", "El Salvador", "Burkina Faso",
        "Sierra Leone", "Hong Kong", "Puerto Rico", "Ivory Coast", "Cape Verde",
        "San Marino", "Papua New Guinea", "Trinidad and Tobago", "Bosnia and Herzegovina",
        "Timor-Leste", "Equatorial Guinea", "Marshall Islands", "Solomon Islands",
    )
)  # fmt: skip
_POSSESSIVE = re.compile(r"[’']s$")
_DEMONYM = re.compile(r"(?:ian|ean|can|ese|ish|ic|i)$")


@dataclass(frozen=True)
class Actor:
    """Someone or something that takes part in an event."""

    name: str
    role: str | None = None
    kind: str = "other"  # "person", "org" or "other"
    start: int = 0
    end: int = 0
    alias: str = ""  # a person's shortest form in the article ("Suu Kyi", "Japarov")

    @property
    def short(self) -> str:
        """The name for titles: the shortest form the article uses for a person.

        A name the article never shortens stays whole ("Aung San Suu Kyi", "Min
        Aung Hlaing"). A two-word name is cut to its last word (the given-name +
        surname default, "Ola Dahl" -> "Dahl") when that word carries a surname
        ending common across languages ("Sooronbay Jeenbekov" -> "Jeenbekov",
        "Gabriel Boric" -> "Boric") or when neither word has the shape of a
        Burmese syllable ("Win Myint", "Myint Swe", "Thein Sein" stay whole:
        their last word is not a surname); a family-name-first pair with a
        hyphenated given name ("Park Geun-hye") stays whole.
        """
        if self.kind != "person":
            return self.name
        if self.alias:
            return self.alias
        tokens = self.name.split()
        if len(tokens) != 2 or (len(tokens[0]) <= 5 and _GIVEN.fullmatch(tokens[1])):
            return self.name
        if tokens[0] in _FAMILY_FIRST:
            return self.name
        if _SURNAME_ENDING.search(tokens[1]):
            return tokens[1]
        if any(_BURMESE.fullmatch(t) for t in tokens):
            return self.name
        return tokens[1]


def _words(text: str) -> list[str]:
    return text.split()


def _role_split(tokens: list[str]) -> tuple[str | None, list[str]]:
    """Split 'Kyrgyz President Sooronbay Jeenbekov' into ('President', [Sooronbay, Jeenbekov])."""
    last_head = -1
    for index, token in enumerate(tokens):
        if token.lower().rstrip(".") in ROLE_HEADS:
            last_head = index
    if last_head < 0:
        return None, tokens
    first = last_head
    while first > 0 and tokens[first - 1].lower() in ROLE_WORDS:
        first -= 1
    end = last_head + 1
    if end + 2 < len(tokens) and tokens[end] == "of":  # "Chief of Staff John Sununu"
        end += 2
    return " ".join(tokens[first:end]), tokens[end:]


def _classify(tokens: list[str]) -> str:
    lowered = [t.lower().rstrip(".") for t in tokens]
    if any(t in ORG_HEADS for t in lowered):
        return "org"
    if len(tokens) >= 2 and (lowered[0] in _PLACE_FIRST or " ".join(tokens) in _PLACES):
        return "other"  # a country or region, not a person
    if len(tokens) >= 2 and all(t[:1].isupper() for t in tokens):
        return "person"
    return "other"


def find_names(text: str, start: int, end: int) -> list[Actor]:
    """Every name in ``text[start:end]`` with its role and kind (before coreference)."""
    found: list[Actor] = []
    for match in _NAME.finditer(text, start, end):
        tokens = _words(match.group())
        offset = match.start()
        # leading sentence words ("The", "Following") are not part of the name
        honorific = False  # "Mr Lee", "Dr Haddad": a person, even in one word
        while tokens and tokens[0].lower().rstrip(".") in NOT_NAMES:
            honorific = honorific or tokens[0].lower().rstrip(".") in _HONORIFICS
            offset = text.index(tokens[0], offset) + len(tokens[0])
            tokens = tokens[1:]
        date_words = [i for i, t in enumerate(tokens) if t[:1].isupper() and t.lower() in NOT_NAMES]
        if date_words:  # "Lima on Saturday": a name never runs into a date word
            tokens = tokens[: date_words[0]]
        if not tokens:
            continue
        follower = _FOLLOW.match(text, match.end())
        if len(tokens) == 1 and follower and follower.group(1) in ROLE_HEADS | ORG_HEADS | _CROWD:
            continue  # "Opposition lawmaker ...", "Electoral commission": part of a noun phrase
        if len(tokens) == 1 and follower and tokens[0].lower() in ROLE_WORDS - ROLE_HEADS:
            continue  # "Former student leader Gabriel Boric": a role word, not a name
        if len(tokens) == 1 and follower and follower.group(1) in _GROUPS:
            name = f"{tokens[0]} {follower.group(1)}"  # "Security forces"
            found.append(Actor(name, None, "org", offset, follower.end()))
            continue
        if _POSSESSIVE.search(tokens[-1]):
            tokens[-1] = _POSSESSIVE.sub("", tokens[-1])
        role, name_tokens = _role_split(tokens)
        before = text[max(start, offset - 40) : offset].split()
        if role is None and len(tokens) >= 2 and before and before[-1].lower() in ROLE_HEADS:
            words = []
            for word in reversed(before):  # "opposition lawmaker Nikol Pashinyan"
                if word.lower() not in ROLE_WORDS or len(words) == 3:
                    break
                words.insert(0, word)
            role, name_tokens = " ".join(words), tokens
        elif role and before and before[-1].lower() in ("former", "acting", "interim", "ousted"):
            role = f"{before[-1].lower()} {role}"
        if role and name_tokens:
            name = " ".join(name_tokens)
            kind = "org" if _classify(name_tokens) == "org" else "person"
            found.append(Actor(name, role, kind, offset, match.end()))
            continue
        if role:  # a bare role ("the President said") or an office ("Parliament Speaker")
            kind = "org" if _classify(tokens) == "org" else "role"
            found.append(Actor(" ".join(tokens), None, kind, offset, match.end()))
            continue
        kind = _classify(tokens)
        if honorific and kind == "other":
            kind = "person"
        if kind != "org" and _modifies(text, offset, match.end(), tokens[-1]):
            continue  # an adjective: "Russian investment", "Central Asian republic"
        found.append(Actor(" ".join(tokens), None, kind, offset, match.end()))
    return found


_HONORIFICS = words("mr mrs ms dr miss sir")
# Crowd nouns after a capitalised sentence opener: "Truck drivers", "Student protesters".
_CROWD = words(
    "drivers farmers miners truckers workers protesters demonstrators students supporters "
    "residents villagers rioters teachers doctors nurses activists militants rebels soldiers "
    "results figures sources media reports tallies counts data estimates returns"
)
_GROUPS = words("forces troops police authorities officials services militias guards")
_FOLLOW = re.compile(r"[ \t]+([a-z]+)")
_FUNCTION = words(
    "and or on in at to from for with after before since where which who that when while "
    "as but during amid over under last this yesterday today by of is was were has had "
    "have will said says"
)


_DETERMINER = re.compile(r"(?:^|\s)(?:the|a|an|its|his|her|their|this|that|downtown|whose)\s+$")


def _modifies(text: str, start: int, end: int, last: str) -> bool:
    """True when the name is an adjective before a noun ('the Kyrgyz capital')."""
    follower = _FOLLOW.match(text, end)
    if not follower or follower.group(1) in _FUNCTION:
        return False
    return bool(_DEMONYM.search(last)) or bool(_DETERMINER.search(text, max(0, start - 12), start))


def find_places(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """Places named after 'in', 'at', 'near' ...: (name, start, end)."""
    places = []
    for match in _PLACE.finditer(text, start, end):
        tokens = _words(match.group(1))
        while tokens and tokens[0].lower() in NOT_NAMES:
            tokens = tokens[1:]
        if not tokens or _classify(tokens) == "org" or _role_split(tokens)[0]:
            continue
        if _modifies(text, match.start(1), match.end(1), tokens[-1]):
            continue
        places.append((" ".join(tokens), match.start(1), match.end(1)))
    return places


def find_groups(text: str, start: int, end: int) -> list[Actor]:
    """Unnamed groups in ``text[start:end]``: 'police', 'dozens of demonstrators', 'the army'.

    Each becomes an actor of kind "group" with a capitalised label ("Police",
    "Opposition supporters"); a group word that modifies a noun ("the parliament
    building", "army headquarters") is not one.
    """
    found = []
    for match in _GROUP.finditer(text, start, end):
        if match.group("next") in GROUP_NOT_BEFORE:
            continue
        stop = match.start("next") if match.group("next") else match.end()
        while text[stop - 1].isspace():
            stop -= 1
        label = " ".join(text[match.start() : stop].split()).lower()
        found.append(Actor(label[:1].upper() + label[1:], None, "group", match.start(), stop))
    return found


class NameTable:
    """The article's people by full name, to resolve shorter forms and keep roles.

    A lone word or a shorter run of a longer name ("Japarov", "Suu Kyi") is the
    same person as the one full name it belongs to; titles use the shortest form
    the article itself uses ("Aung San Suu Kyi" stays whole if never shortened).
    """

    def __init__(self, actors: list[Actor]):
        self.people: dict[str, Actor] = {}
        self.by_part: dict[str, set[str]] = {}
        for actor in actors:
            if actor.kind == "person" and len(actor.name.split()) >= 2:
                known = self.people.get(actor.name)
                if known is None or (known.role is None and actor.role):
                    self.people[actor.name] = actor
                for part in actor.name.split():
                    self.by_part.setdefault(part, set()).add(actor.name)
        self.full: dict[str, str] = {}  # a shorter run of words -> the one full name
        for name in sorted(self.people, key=len, reverse=True):
            longer = self._longer(name)
            if longer:
                self.full[name] = longer
        for name in self.full:
            del self.people[name]
        self.by_part = {}
        for name in self.people:
            for part in name.split():
                self.by_part.setdefault(part, set()).add(name)
        self.alias: dict[str, str] = dict.fromkeys(self.people, "")
        for actor in actors:
            full = None if actor.kind == "org" else self._full_name(actor.name)
            if full and len(actor.name) < len(self.alias[full] or full):
                self.alias[full] = actor.name

    def _longer(self, name: str) -> str | None:
        """The one longer name whose words contain ``name``'s words in a row."""
        padded = f" {name} "
        found = {
            other
            for other in self.by_part.get(name.split()[0], set())
            if other != name and padded in f" {other} "
        }
        if len(found) != 1:
            return None
        longer = next(iter(found))
        return self._longer(longer) or longer

    def _full_name(self, name: str) -> str | None:
        if name in self.full:
            return self.full[name]
        matches = self.by_part.get(name, set())
        if len(matches) == 1 and " " not in name:
            return next(iter(matches))
        return None

    def resolve(self, actor: Actor) -> Actor:
        """The article's fullest form of the same person ('Japarov' -> 'Sadyr Japarov')."""
        if actor.kind == "org":
            return actor
        full = actor.name if actor.name in self.people else self._full_name(actor.name)
        if full is None or full not in self.people:
            return actor
        role = actor.role or self.people[full].role
        alias = self.alias.get(full, "")
        return Actor(full, role, "person", actor.start, actor.end, alias)

    def is_place(self, name: str) -> bool:
        return name not in self.by_part
