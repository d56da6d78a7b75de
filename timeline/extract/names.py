"""Parties as titles show them: names with their roles, groups and things, from the parse.

A noun in an argument position becomes a :class:`Party`. A proper name is the
run of proper nouns around it ("Kyrgyz President Sooronbay Jeenbekov"), its role
the office words before it ("president"), and its kind the entity recogniser's
label, voted over every mention of the name in the article (the small model often
disagrees with itself). A common noun is a group ("police", "thousands of
protesters"), an institution ("the court") or a thing ("the government
headquarters"). Names are normalised to the fullest form the article uses, and
titles show the short form: the surname, or the shortest form the article uses.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import Any

from timeline.extract.document import Document, Party
from timeline.extract.lexicon import word_class

_KINDS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place"}
_KINDS["NORP"] = "group"
_KEEP_LEFT = {"det", "amod", "compound", "poss", "nummod", "quantmod", "nmod", "case", "advmod"}
_MAX_WORDS = 7
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}")


def name_tokens(token: Any) -> list[Any]:
    """The proper-noun run a token belongs to, without role words or honorifics.

    'Samsung heir Lee Jae-yong' -> Lee Jae-yong; 'Akufo-Addo' stays one name.
    """
    doc = token.doc
    head = token
    while head.dep_ in ("compound", "flat") and head.head.pos_ == "PROPN" and head.head.i > head.i:
        head = head.head
    start = head.i
    organisation = head.lower_ in word_class("organisation_heads")
    while start > 0:
        before = doc[start - 1]
        if before.pos_ == "PROPN" and before.dep_ in ("compound", "flat", "nmod", "conj"):
            start -= 1
        elif (
            organisation
            and before.lower_ in ("and", "&")
            and start >= 2
            and doc[start - 2].pos_ == "PROPN"
        ):
            start -= 1  # "Securities and Exchange Commission"
        elif (
            before.text == "-"
            and start >= 2
            and doc[start - 2].is_alpha
            and not doc[start - 2].whitespace_
            and not before.whitespace_
        ):
            start -= 2
        else:
            break
    run = list(doc[start : head.i + 1])
    roles = word_class("role_heads") | word_class("honorifics")
    titled = [n for n, t in enumerate(run[:-1]) if t.lower_.rstrip(".") in roles]
    if titled:  # "Kyrgyz President Sooronbay Jeenbekov": the name after the office
        run = run[titled[-1] + 1 :]
    words = roles | word_class("role_words")
    while len(run) > 1 and (run[0].lower_.rstrip(".") in words or run[0].text == "-"):
        run = run[1:]
    return run


def name_text(run: list[Any]) -> str:
    """The name as written: 'Lee Jae-yong', not 'Lee Jae - yong'."""
    return "".join(t.text_with_ws for t in run).strip()


def role_of(token: Any) -> str:
    """The office words before a name: 'Prime Minister Kubatbek Boronov' -> 'prime minister'."""
    words = word_class("role_heads") | word_class("role_words")
    heads = word_class("role_heads")
    found: list[str] = []
    left = [t for t in token.subtree if t.i < token.i and t.dep_ in ("compound", "amod", "flat")]
    for word in left:
        if word.lower_.rstrip(".") in words:
            found.append(word.lower_.rstrip("."))
        elif found and word.pos_ == "PROPN":
            break
    while found and found[-1] not in heads:
        found.pop()
    honorifics = word_class("honorifics")
    return " ".join(w for w in found if w not in honorifics)


def entity_label(token: Any) -> str | None:
    return token.ent_type_ or None


def _plural(token: Any) -> bool:
    if any(c.dep_ == "conj" for c in token.children):
        return True
    if token.lemma_.lower() in word_class("always_plural"):
        return True
    return token.tag_ in ("NNS", "NNPS")


def phrase(token: Any, limit: int = _MAX_WORDS) -> str:
    """A short noun phrase for a title: the noun with its modifiers and one 'of' phrase.

    Relative clauses and everything to the right of a noun but its 'of' phrase are
    left out; when the phrase is still longer than ``limit`` words the 'of' phrase goes.
    """
    own = _left_part(token)
    extra: list[Any] = []
    for right in token.rights:
        if right.dep_ in ("compound", "flat", "nummod"):
            own.extend(right.subtree)
        elif right.dep_ == "prep" and not extra:
            objects = [g for g in right.children if g.dep_ == "pobj"]
            placed = objects and objects[0].ent_type_ in ("GPE", "LOC", "FAC")
            if objects and (right.lower_ == "of" or placed):
                extra = [right, *_left_part(objects[0])]
    tokens = sorted({t.i: t for t in own}.values(), key=lambda t: t.i)
    if extra and len(tokens) + len(extra) <= limit:
        tokens = sorted({t.i: t for t in [*tokens, *extra]}.values(), key=lambda t: t.i)
    tokens = _trim(tokens, token)
    text = "".join(t.text_with_ws for t in tokens).strip()
    words = text.split()
    return " ".join(words[:limit]) if len(words) > limit else text


def _left_part(token: Any) -> list[Any]:
    """A noun with what stands before it: determiners, adjectives, compounds, owners."""
    keep = [token]
    for left in token.lefts:
        if left.dep_ in _KEEP_LEFT and left.pos_ != "PUNCT":
            keep.extend(
                t
                for t in left.subtree
                if t.dep_ not in ("relcl", "acl", "punct") or t.tag_ == "HYPH"
            )
    return keep


def _trim(tokens: list[Any], head: Any) -> list[Any]:
    """No leading or trailing punctuation or conjunctions; no clause inside."""
    while tokens and (
        (tokens[0].pos_ in ("PUNCT", "CCONJ", "ADP") and not _quantity(tokens))
        or tokens[0].dep_ == "mark"
        or _CLOCK.fullmatch(tokens[0].text)
    ):
        tokens = tokens[1:]
    while tokens and tokens[-1].pos_ in ("PUNCT", "CCONJ", "ADP", "DET"):
        tokens = tokens[:-1]
    return tokens or [head]


def _quantity(tokens: list[Any]) -> bool:
    """'at least one man', 'up to 300 people': the preposition belongs to the count."""
    return len(tokens) > 1 and tokens[1].lower_ in word_class("quantity_words")


class _Words:
    """The article's words in order, indexed, to ask whether (and next to what) a name
    occurs: asking the whole text with a regular expression for each name was quadratic."""

    _TOKEN = re.compile(r"[\w-]+|[^\w\s-]")

    def __init__(self, text: str) -> None:
        self.tokens = self._TOKEN.findall(text)
        self.at: dict[str, list[int]] = {}
        for i, token in enumerate(self.tokens):
            self.at.setdefault(token, []).append(i)

    def has(self, word: str) -> bool:
        return word in self.at

    def find(
        self,
        words: list[str],
        *,
        before: str | None = None,
        not_before: str | None = None,
        not_after: str | None = None,
    ) -> bool:
        """Do ``words`` occur in a row, with the given word right before them or without
        it, or without the given word right after?"""
        wanted = [t for w in words for t in self._TOKEN.findall(w)]
        if not wanted:
            return False
        prior = self._TOKEN.findall(before or not_before or "")[-1:]
        after = self._TOKEN.findall(not_after or "")[:1]
        n = len(wanted)
        for i in self.at.get(wanted[0], ()):
            if self.tokens[i : i + n] != wanted:
                continue
            previous = self.tokens[i - 1 : i] if i else []
            if before is not None and previous != prior:
                continue
            if not_before is not None and previous == prior:
                continue
            if not_after is not None and self.tokens[i + n : i + n + 1] == after:
                continue
            return True
        return False


class NameTable:
    """Every name of the article: kinds by vote, short forms and fullest forms."""

    def __init__(self, doc: Document):
        self.kinds: dict[str, Counter[str]] = {}
        self.full: dict[str, str] = {}
        self.text = doc.text
        self.sentences = doc.sentences  # for pronouns that point back a sentence
        self.sentence_of = {id(s.parse): s.index for s in doc.sentences if s.parse is not None}
        self._words: _Words | None = None
        for sentence in doc.sentences:
            if sentence.parse is None:
                continue
            for ent in sentence.parse.ents:
                kind = _KINDS.get(ent.label_)
                if kind:
                    for word in ent.text.split():
                        self.kinds.setdefault(word, Counter())[kind] += 1
            for token in sentence.parse:
                if token.pos_ == "PROPN" and token.dep_ not in ("compound", "flat"):
                    run = name_tokens(token)
                    self._remember(name_text(run))
                    if _titled(run):  # "astronaut Bertalan Farkas", "Mr Annan": a person
                        for word in run:
                            self.kinds.setdefault(word.text, Counter())["person"] += 5

    def _remember(self, name: str) -> None:
        words = name.split()
        for start in range(len(words)):
            short = " ".join(words[start:])
            if len(name) > len(self.full.get(short, "")):
                self.full[short] = name

    @property
    def words(self) -> _Words:
        if self._words is None:
            self._words = _Words(self.text)
        return self._words

    def fullest(self, name: str) -> str:
        return self.full.get(name, name)

    def kind(self, tokens: list[Any]) -> str:
        last = tokens[-1]
        if last.lower_ in word_class("organisation_heads"):
            return "org"
        if last.lower_ in word_class("place_heads"):
            return "place"
        label = _one_entity(tokens)
        if label is None and len(tokens) > 1:
            return "person"  # the recogniser split the name: no single place or body
        votes: Counter[str] = Counter()
        for token in tokens:
            votes.update(self.kinds.get(token.text, Counter()))
        votes["person"] *= 2  # the small model often mistakes a surname for a place or body
        if votes:
            return votes.most_common(1)[0][0]
        if tokens[0].lower_ in word_class("place_first") and len(tokens) > 1:
            return "place"
        return "person"

    def acronym(self, name: str) -> str | None:
        """'Securities and Exchange Commission' is 'SEC' where the article says so."""
        letters = "".join(w[0] for w in name.split() if w[:1].isupper())
        if len(letters) < 2:
            return None
        return letters if self.words.has(letters) else None

    def short(self, name: str, kind: str) -> str:
        """A person's short form: the shortest tail the article uses alone, else the surname."""
        words = name.split()
        if kind == "org":
            return self.acronym(name) or name
        if kind != "person" or len(words) < 2:
            return name
        said = self.words
        for start in range(len(words) - 1, 0, -1):
            tail, before = words[start:], words[start - 1]
            if said.find(tail, before=before) and said.find(tail, not_before=before):
                return " ".join(tail)
        for i in range(1, len(words) - 1):  # "Pablo Iglesias Turrión" is "Iglesias" alone
            if said.find([words[i]], not_before=words[i - 1], not_after=words[i + 1]):
                return words[i]
        if words[0].lower() in word_class("family_first") or "-" in words[-1]:
            return name
        particles = word_class("name_particles")
        tail = [words[-1]]
        for word in reversed(words[:-1]):
            if word.lower() in particles:
                tail.insert(0, word)
            else:
                break
        return " ".join(tail)


def _titled(run: list[Any]) -> bool:
    """A role, a person noun or an honorific stands right before the name."""
    first = run[0]
    if first.i == 0:
        return False
    before = first.doc[first.i - 1]
    words = word_class("role_heads") | word_class("people") | word_class("honorifics")
    return before.lower_.rstrip(".") in words and before.pos_ in ("NOUN", "PROPN")


def _one_entity(tokens: list[Any]) -> str | None:
    """The label of the one entity covering every token of a name, if there is one."""
    doc = tokens[0].doc
    for ent in doc.ents:
        if ent.start <= tokens[0].i and tokens[-1].i < ent.end:
            return ent.label_
    return None


def party(token: Any, names: NameTable) -> Party:
    """The party a noun (or pronoun) stands for."""
    lemma = token.lemma_.lower()
    known = token.is_title and token.text in names.full  # "Morales" tagged a plural noun
    if token.pos_ == "PROPN" or known or (token.ent_type_ in _KINDS and token.pos_ != "PRON"):
        run = name_tokens(token)
        written = name_text(run)
        kind = names.kind(run)
        full = names.fullest(written)
        if kind == "person":
            text = names.short(full, kind)
        elif kind == "org" and names.acronym(full):
            text = names.acronym(full) or written
        else:
            text = _with_article(run, written)
        plural = any(c.dep_ == "conj" for c in token.children) or (  # "Morales" is one man,
            token.tag_ in ("NNS", "NNPS") and kind not in ("person", "org")  # "Spaniards" are many
        )
        return Party(text, run[-1].text, kind, full, plural, role_of(run[-1]))
    named = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if named and lemma in word_class("role_heads"):  # "elected Kanat Isaev speaker"
        found = party(named[-1], names)
        if found.kind == "person" and len(name_tokens(named[-1])) > 1:
            return replace(found, role=found.role or lemma)
    text = phrase(token)
    if lemma in word_class("containers"):
        inner = _of_object(token)
        lemma = inner.lemma_.lower() if inner is not None else lemma
    if lemma in word_class("groups") or lemma in word_class("crowds") or _counted(token):
        kind = "group"
    elif lemma in word_class("institutions"):
        kind = "org"
    else:
        kind = "thing"
    owner = next(
        (
            names.fullest(name_text(name_tokens(c)))
            for c in token.children
            if c.dep_ == "poss" and c.pos_ == "PROPN"
        ),
        "",
    )
    return Party(text, lemma, kind, None, _plural(token), owner=owner)


def _of_object(token: Any) -> Any:
    for right in token.rights:
        if right.dep_ == "prep" and right.lower_ == "of":
            return next((g for g in right.children if g.dep_ == "pobj"), None)
    return None


def _counted(token: Any) -> bool:
    """'thousands of demonstrators', '23 protesters': people counted."""
    people = word_class("people") | word_class("groups")
    for right in token.rights:
        if right.dep_ == "prep" and right.lower_ == "of":
            return any(t.lemma_.lower() in people for t in right.subtree)
    return False


def _with_article(run: list[Any], written: str) -> str:
    det = [t for t in run[-1].lefts if t.dep_ == "det" and t.lower_ == "the"]
    return f"the {written}" if det else written
