"""Who did what to whom: a predicate's agent, patient, role and prepositional slots.

For a verb, the agent is the subject of an active clause or the ``by`` phrase of
a passive one; the patient is the object, or the subject of a passive. A verb
without a subject of its own takes it from the clause it continues ("seized power,
detaining X"), a relative clause from the noun it describes ("supporters who
blocked the road"), and a participle after a noun is that noun's passive ("23
protesters killed in clashes"). For an event noun, ``of`` and the possessive are
the agent or the patient as its entry says ("the president's resignation", "the
storming of parliament"). Coordinated names are each a party ("Atambayev and
Japarov"), and an apposition names its noun ("the leader, Sadyr Japarov").
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from timeline.extract.document import Party
from timeline.extract.lexicon import Entry, cues, word_class
from timeline.extract.names import NameTable, name_tokens, party, phrase

_SUBJECTS = ("nsubj", "csubj")
_PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
_OBJECTS = ("dobj", "obj")
_SLOT_WORDS = 10
_WH = ("WDT", "WP", "WP$")  # "in which", "by whom"
_OBJECT_SLOTS = ("from", "to", "into")  # "seized documents from the office"


def voice(token: Any) -> str:
    """active, passive or nominal."""
    if token.pos_ in ("NOUN", "PROPN") and not {"nsubj", "dobj"} <= {
        c.dep_ for c in token.children
    }:
        return "nominal"
    deps = {c.dep_ for c in token.children}
    if deps & {"nsubjpass", "auxpass", "csubjpass"}:
        return "passive"
    if token.tag_ == "VBN" and "agent" in deps and not deps & {"aux", "nsubj"}:
        return "passive"  # "cited by police in December, Farkas ...": a 'by' phrase
    if token.dep_ in ("acl", "amod") and token.tag_ in ("VBN", "VBD") and "dobj" in deps:
        return "active"  # a misparse of "the military seized power" as a noun phrase
    if token.dep_ in ("acl", "amod") and token.tag_ == "VBN":
        return "passive"  # "protesters killed in clashes", "the detained leader"
    if token.dep_ == "acl" and token.tag_ == "VBD":
        return "active"  # "Thousands of students protested": the noun is its subject
    if token.tag_ == "VBN" and not deps & {"aux", "nsubj"} and token.dep_ in ("ROOT", "conj"):
        return "passive"  # a headline: "Six arrested in Leeds"
    return "active"


def _expand(token: Any) -> list[Any]:
    """A noun and the nouns coordinated with it; an apposition's name replaces a role noun.

    "other politicians, including Japarov": the names a common noun includes stand for it.
    """
    out = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            out.extend(_expand(child))
    out[:0] = _leading_name(token)
    if token.pos_ == "NOUN":
        included = [
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == "including"
            for g in c.children
            if g.dep_ == "pobj" and g.pos_ == "PROPN"
        ]
        if included:
            out = [*out[1:], *[n for g in included for n in _expand(g)]]
    named = []
    for noun in out:
        appos = _apposition(noun)
        role = noun.lower_ in word_class("role_heads")
        named.append(appos if appos is not None and (noun.pos_ != "PROPN" or role) else noun)
    return named


def _leading_name(token: Any) -> list[Any]:
    """'Sánchez and Podemos leader Pablo Iglesias signed': the parser hangs Sánchez on
    'leader' as a modifier; a name that opens the phrase and is joined by 'and' to the
    rest is a party of its own."""
    first = token.left_edge
    if first.pos_ != "PROPN" or first.dep_ != "nmod" or first.i >= token.i:
        return []
    if not any(c.dep_ == "cc" and c.lower_ == "and" for c in first.children):
        return []
    return [first]


def _apposition(noun: Any) -> Any:
    """'the head of the tribunal, Maria Choque': the name set beside the phrase."""
    for token in [noun, *(g for c in noun.children if c.dep_ == "prep" for g in c.children)]:
        for child in token.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                return child
    return None


def _parties(tokens: list[Any], names: NameTable, pronouns: dict[str, Party]) -> list[Party]:
    out: list[Party] = []
    runs = {token.i: {t.i for t in name_tokens(token)} for token in tokens if token.pos_ == "PROPN"}
    for token in tokens:
        if (token.ent_type_ in ("DATE", "TIME") and token.pos_ in ("NUM", "PROPN")) or (
            token.pos_ == "PUNCT"
        ):
            continue  # "the demonstrations of 2003"
        mine = runs.get(token.i, {token.i})
        if any(mine < other for other in runs.values()):
            continue  # "al" and "-" of "al-Burhan", parsed as subjects of their own
        for noun in _expand(token):
            if noun.lower_ in word_class("reflexive_pronouns"):
                out.append(Party(noun.lower_, noun.lower_, "thing"))
                continue
            if noun.lower_ in ("who", "which", "that") and noun.head.dep_ == "relcl":
                described = noun.head.head
                if described.dep_ == "appos":  # "Lugo, a former bishop who was elected"
                    described = described.head
                out.extend(_parties([described], names, pronouns))
                continue
            if noun.lower_ == "whose":  # "Rice, whose appointment was approved"
                clause = next((a for a in noun.ancestors if a.dep_ == "relcl"), None)
                if clause is not None:
                    out.extend(_parties([clause.head], names, pronouns))
                continue
            if noun.lower_ in cues()["nobody_in_particular"]:
                out.append(Party(noun.lower_, noun.lower_, "group"))  # "anyone who protested"
                continue
            if noun.pos_ == "PRON":
                speaker = _speaker(noun, names)
                if speaker is False:
                    continue  # "a journalist says she quit": someone unnamed
                resolved = speaker or pronouns.get(noun.lower_) or _cataphor(noun, names)
                if resolved is not None:
                    out.append(resolved)
                elif noun.lower_ in word_class("anaphors"):  # "closed it": resolved later
                    out.append(
                        Party(noun.lower_, noun.lower_, "pronoun", plural=noun.lower_ != "it")
                    )
                continue
            found = party(noun, names)
            if not found.name and not found.owner:  # "his brother": the owner a pronoun names
                owner = next(
                    (c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PRON"), None
                )
                resolved = pronouns.get(owner.lower_) if owner is not None else None
                if resolved is not None and resolved.name:
                    found = replace(found, owner=resolved.name)
            out.append(found)
    return out


def _host_subject(noun: Any) -> list[Any]:
    """'In a speech last month, Mordechai said ...', 'during talks with Clarke, Davis
    made his offer': the speaker of an unowned speech is the subject of the clause the
    phrase belongs to."""
    node = noun
    if noun.head.lower_ in cues()["after_cues"] and noun.head.head.pos_ in ("VERB", "AUX"):
        return []  # "after the speech, a student told CNN": the speech was someone else's
    for _ in range(4):  # "in their statement issued after the talks, X and Y called"
        if node.dep_ != "pobj" or node.head.dep_ != "prep":
            return []
        verb = node.head.head
        if verb.pos_ in ("VERB", "AUX") and voice(verb) == "active":
            return [s for s in _subject_of(verb) if s.pos_ in ("PROPN", "PRON")]
        if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":
            node = verb.head  # the noun the participle describes
        elif verb.pos_ in ("NOUN", "PROPN"):
            node = verb
        else:
            return []
    return []


def resolve_anaphors(
    parties: list[Party], token: Any, allowed: frozenset[str], names: NameTable
) -> list[Party]:
    """'MindSpring closed it', 'accusing them of abuse': 'it' and 'them' stand for the
    nearest noun before them, in their sentence or the one before, that agrees in number
    and is a party the event allows (the site can be closed; the policy cannot)."""
    out = []
    for one in parties:
        if one.kind != "pronoun":
            out.append(one)
            continue
        for noun in _nouns_before(token, names):
            if _plural_noun(noun) != one.plural:
                continue
            candidate = party(noun, names)
            if not allowed or party_allowed(candidate, allowed):
                out.append(candidate)
                break
    return out


def party_allowed(party: Party, allowed: frozenset[str]) -> bool:
    """Is the party one of ``allowed`` (lemmas, $classes, $named, $kind)?"""
    persons = word_class("people") | word_class("role_heads")
    if "$named" in allowed and (party.name or (party.owner and party.head.lower() in persons)):
        return True  # "Gonzalez's father"; not "Gonzalez's comments"
    if f"${party.kind}" in allowed:
        return True
    if party.head.replace(",", "").isdigit() and "people" in allowed:
        return True  # "639 were wounded": a count of people
    words = {party.head.lower(), *(party.name or "").lower().split()[-1:]}
    return bool(words & allowed)


def _nouns_before(token: Any, names: NameTable) -> list[Any]:
    """Candidates for a pronoun, most likely first: the subjects of its sentence and of the
    one before (the topic), then the other nouns, nearest first."""
    here = [t for t in reversed(token.doc[: token.i]) if t.pos_ in ("NOUN", "PROPN")]
    index = names.sentence_of.get(id(token.doc), 0)
    before: list[Any] = []
    if index > 0:
        previous = names.sentences[index - 1].parse
        if previous is not None:
            before = [t for t in reversed(previous) if t.pos_ in ("NOUN", "PROPN")]
    nouns = [t for t in here + before if t.dep_ not in ("compound", "poss", "npadvmod")]
    nouns = [t for t in nouns if t.ent_type_ not in ("DATE", "TIME", "CARDINAL", "MONEY")]
    subjects = [t for t in nouns if t.dep_ in ("nsubj", "nsubjpass")]
    return subjects + [t for t in nouns if t not in subjects]


def _plural_noun(noun: Any) -> bool:
    return noun.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in noun.children)


def _subject_of(token: Any) -> list[Any]:
    """The verb's own subject, or the one of the clause it continues."""
    own = [c for c in token.children if c.dep_ in _SUBJECTS]
    if own:
        return own
    if token.dep_ in ("relcl", "acl", "amod"):
        return [token.head]
    if token.dep_ == "pcomp" and token.tag_ == "VBG" and token.head.head.pos_ in ("VERB", "AUX"):
        return _subject_of(token.head.head)  # "retained the share after selling its stake"
    if token.dep_ in ("conj", "xcomp", "advcl") and token.head.pos_ in ("VERB", "AUX"):
        infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children)
        if token.dep_ == "advcl" and token.tag_ != "VBG" and not infinitive:
            return []
        if voice(token.head) == "active":
            return _subject_of(token.head)
        if token.dep_ == "conj" and token.tag_ == "VBD":
            # "Farkas was ordered home and retired": the one the first verb was done to
            return [c for c in token.head.children if c.dep_ in _PASSIVE_SUBJECTS]
        return []
    return []


def _speaker(pronoun: Any, names: NameTable) -> Party | bool | None:
    """'A journalist says she quit', 'As for Obama, he arrived': a personal pronoun in
    what someone says is the speaker; one after a person named earlier in its own sentence
    is that person. False when the speaker is someone unnamed (no name to give), None
    when the sentence does not say."""
    if pronoun.lower_ not in word_class("personal_pronouns"):
        return None
    clause = next((a for a in pronoun.ancestors if a.dep_ == "ccomp"), None)
    if clause is not None and clause.head.lemma_.lower() in cues()["say_verbs"]:
        subject = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ != "PRON":
            found = party(subject, names)
            if found.kind == "person":
                return found
            if subject.lemma_.lower() in word_class("people") | word_class("role_heads"):
                return False
    earlier = [
        t
        for t in pronoun.doc[: pronoun.i]
        if t.pos_ == "PROPN"
        and t.dep_ not in ("compound", "flat")
        and t.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "ORG", "NORP")
    ]
    for token in reversed(earlier):
        found = party(token, names)
        if found.kind == "person":
            return found
    return None


def _cataphor(pronoun: Any, names: NameTable) -> Party | None:
    """'Farkas is leaving ..., he said': a personal pronoun's name in its own sentence."""
    if pronoun.lower_ not in word_class("personal_pronouns"):
        return None
    people = [
        t for t in pronoun.doc if t.pos_ == "PROPN" and t.dep_ in ("nsubj", "nsubjpass", "dobj")
    ]
    for token in sorted(people, key=lambda t: abs(t.i - pronoun.i)):
        found = party(token, names)
        if found.kind == "person":
            return found
    return None


def verb_parties(
    token: Any,
    active: bool,
    names: NameTable,
    pronouns: dict[str, Party],
    particles: tuple[str, ...] = (),
) -> tuple[list[Party], list[Party]]:
    """(agents, patients) of a verb; ``particles`` are the words of a phrasal verb."""
    children = list(token.children)
    if active:
        agents = _subject_of(token)
        patients = [c for c in children if c.dep_ in _OBJECTS]
        if not patients and particles:  # "breaks off relations" parsed with "off" a preposition
            patients = [
                g
                for c in children
                if c.dep_ in ("prep", "prt") and c.lower_ in particles
                for g in c.children
                if g.dep_ == "pobj"
            ]
        patients += [
            p for c in children if c.dep_ == "dative" for p in ([c] if c.pos_ != "ADP" else [])
        ]
        if not patients:  # "declared the war illegal": the subject of a small clause
            patients = [
                s
                for c in children
                if c.dep_ == "ccomp" and c.pos_ in ("ADJ", "NOUN")
                for s in c.children
                if s.dep_ == "nsubj"
            ]
    else:
        agents = [g for c in children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        patients = [c for c in children if c.dep_ in _PASSIVE_SUBJECTS]
        if not patients and token.dep_ in ("acl", "amod"):
            head = token.head
            while head.dep_ in ("compound", "flat") and head.head.pos_ == "PROPN":
                head = head.head  # "his newly appointed Prime Minister Ahmed Shafiq"
            patients = [head]
        if not patients and token.dep_ in ("ROOT", "conj"):
            patients = [c for c in children if c.dep_ in _SUBJECTS]  # a headline's passive
        if not patients and token.dep_ in ("conj", "xcomp"):
            # "Sagasti is expected to be sworn in": the subject of the verb it depends on
            patients = [
                c for c in token.head.children if c.dep_ in (*_PASSIVE_SUBJECTS, *_SUBJECTS)
            ]
        if not patients and token.dep_ == "advcl" and token.tag_ == "VBN":
            # "Cited by police in December, Farkas was ordered home": the main subject
            patients = [
                c for c in token.head.children if c.dep_ in (*_PASSIVE_SUBJECTS, *_SUBJECTS)
            ]
    return _parties(agents, names, pronouns), _parties(patients, names, pronouns)


def noun_parties(
    token: Any, entry: Entry, names: NameTable, pronouns: dict[str, Party]
) -> tuple[list[Party], list[Party]]:
    """(agents, patients) of an event noun."""
    parts = [token]
    if token.i >= 2 and token.doc[token.i - 1].text == "-":  # "Maduro's re-election"
        parts.append(token.doc[token.i - 2])
    owners = [c for part in parts for c in part.children if c.dep_ == "poss"]
    of = [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    by = [
        g
        for c in token.children
        if c.dep_ in ("prep", "agent") and c.lower_ == "by"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    named = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if entry.of == "agent":
        agents, patients = owners + of + by + named, []
        if not agents:
            agents = _host_subject(token)
    else:
        agents, patients = by + [o for o in owners if not of], of
        if not of and owners and not by:
            # "Rice's appointment", "Navalny's arrest": what is done to the owner, for a
            # noun whose 'of' names the one it is done to; else the owner did it
            agents, patients = ([], owners) if entry.of == "patient" else (owners, [])
    return _parties(agents, names, pronouns), _parties(patients, names, pronouns)


def slots(token: Any, anchor: Any, dated: frozenset[int] = frozenset()) -> dict[str, str]:
    """Prepositional phrases, role words and clauses a title may use (dates stay out)."""
    out: dict[str, str] = {}
    objects_of = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    for head in dict.fromkeys([token, anchor, *objects_of[:1]]):
        for child in head.children:
            if child.dep_ == "prep" and (head in (token, anchor) or child.lower_ in _OBJECT_SLOTS):
                objects = [
                    g
                    for g in child.children
                    if g.dep_ in ("pobj", "pcomp") and g.i not in dated and g.tag_ not in _WH
                ]
                if objects and child.lower_ not in out:
                    out[child.lower_] = _short(objects[0])
            elif child.dep_ == "dative" and child.lower_ == "to" and "to" not in out:
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if objects:
                    out["to"] = _short(objects[0])
            elif "role" not in out and (
                child.dep_ in ("oprd", "attr")
                or (child.dep_ == "xcomp" and child.pos_ in ("NOUN", "PROPN"))
            ):
                out["role"] = _role_phrase(child)
            elif child.dep_ == "ccomp" and child.pos_ == "ADJ" and "role" not in out:
                out["role"] = child.lower_  # "declared the war illegal"
            elif child.dep_ == "ccomp" and "ccomp" not in out:
                out["ccomp"] = clause(child, dated)
            elif child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX") and "xcomp" not in out:
                out["xcomp"] = _infinitive(child, dated)
    where = _where(token, anchor, dated)
    if where:
        out["where"] = where
    if "as" in out and "role" not in out:
        out["role"] = out.pop("as")
    if "favor" not in out and "in" in out and out["in"].startswith("favo"):
        out["favor"] = out.pop("in").split(" of ", 1)[-1]
    return out


def _where(token: Any, anchor: Any, dated: frozenset[int]) -> str:
    """'across the United States', 'outside the consulate in Montreal': where it happened."""
    for head in dict.fromkeys([token, anchor]):
        for child in head.children:
            if child.dep_ != "prep" or child.lower_ not in cues()["place_prepositions"]:
                continue
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.i not in dated and _placelike(obj):
                    return f"{child.lower_} {phrase(obj)}"
    for noun in token.subtree:  # "took to the streets of Minsk": in Minsk
        if noun.lower_ == "of" and noun.head.lemma_.lower() in word_class("scene_nouns"):
            places = [
                g for g in noun.children if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC")
            ]
            if places:
                return f"in {phrase(places[0])}"
    return ""


def _placelike(token: Any) -> bool:
    if token.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    return token.lemma_.lower() in word_class("buildings") | word_class("place_heads") or any(
        t.ent_type_ in ("GPE", "LOC", "FAC") for t in token.subtree
    )


def _role_phrase(token: Any) -> str:
    text = phrase(token, limit=5)
    words = text.split()
    if words and words[0].lower() in word_class("determiners"):
        words = words[1:]
    return (
        " ".join(w if w.isupper() else w.lower() for w in words)
        if token.pos_ != "PROPN"
        else (" ".join(words))
    )


def _short(token: Any) -> str:
    return phrase(token, limit=6)


def _infinitive(token: Any, dated: frozenset[int] = frozenset()) -> str:
    words = [t for t in token.subtree if t.dep_ not in ("punct",) and not _in_date(t, dated)]
    text = "".join(t.text_with_ws for t in words[:_SLOT_WORDS]).strip()
    return text if text.lower().startswith("to ") else f"to {text}"


def _in_date(token: Any, dated: frozenset[int]) -> bool:
    """The token is part of a date, or a preposition that only introduces one."""
    if token.i in dated:
        return True
    return (
        token.dep_ == "prep"
        and all(c.i in dated for c in token.children)
        and any(True for _ in token.children)
    )


def clause(token: Any, dated: frozenset[int] = frozenset()) -> str:
    """A reported clause, short: its subject, verb and object ('Israel is ready to leave')."""
    inner = {
        s.i
        for t in token.subtree
        if t.dep_ in ("relcl", "advcl", "parataxis") and t != token
        for s in t.subtree
    }
    keep = [
        t
        for t in token.subtree
        if t.i not in inner
        and not (t.dep_ == "mark" and t.head == token)
        and not _in_date(t, dated)
    ]
    words = "".join(t.text_with_ws for t in keep).strip().rstrip(".,;:").split()
    return " ".join(words[:_SLOT_WORDS])


def say_verbs() -> frozenset[str]:
    return frozenset(cues()["say_verbs"])


def is_group(p: Party) -> bool:
    return p.kind == "group" or p.head in word_class("groups")
