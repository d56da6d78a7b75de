"""Event predicates: lexicon words in the parse whose parties fit their entry.

A verb or noun whose lemma heads a lexicon entry is a candidate. The entry's other
words must go with it ("step down", "hunger strike"), its voice must fit, and its
parties must meet its constraints (a named agent, a building stormed, a law
passed). The first entry that fits names the event; a token names at most one
event. An event noun hangs on the verb that makes it happen ("saw clashes",
"protests broke out"), which is where its date and tense are read.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from timeline.extract.arguments import (
    noun_parties,
    party_allowed,
    resolve_anaphors,
    slots,
    verb_parties,
    voice,
)
from timeline.extract.document import Document, Party, Predicate, Sentence, Timing
from timeline.extract.lexicon import Entry, candidates, cues, lemma_of, word_class
from timeline.extract.names import NameTable, phrase

_POS = {"VERB": "verb", "NOUN": "noun", "PROPN": "noun", "ADJ": "adj"}
_NEAR = 6  # how far to the right a verb's particle or object word may stand
_OTHER_CLAUSES = ("relcl", "ccomp", "advcl", "conj", "parataxis", "xcomp", "acl")


def find_predicates(doc: Document) -> None:
    """Add every event predicate of the parsed sentences to ``doc.predicates``."""
    names = NameTable(doc)
    doc.names = dict(names.full)
    pronouns: dict[str, Party] = {}
    for sentence in doc.sentences:
        if sentence.parse is None:
            continue
        dated = frozenset(_date_tokens(sentence))
        for token in sentence.parse:
            if token.i in dated:
                continue  # "March 11" is no march
            found = _predicate(sentence, token, names, pronouns, dated)
            if found is not None:
                for one in _each(found):
                    doc.predicates.append(one)
                _remember(found, pronouns)
            elif token.pos_ == "PROPN" and token.dep_ in ("nsubj", "nsubjpass"):
                _remember_token(token, names, pronouns)


def _date_tokens(sentence: Sentence) -> set[int]:
    out = set()
    for timex in sentence.timexes:
        start, end = timex.start - sentence.start, timex.end - sentence.start
        out |= {t.i for t in sentence.parse if start <= t.idx < end}
    return out


def _each(found: Predicate) -> list[Predicate]:
    """'Boronov and Dzhumabekov stepped down': one resignation each, each with its role."""
    role = found.entry.each
    parties = found.agents if role == "agent" else found.patients if role == "patient" else []
    if len(parties) < 2:
        return [found]
    out = []
    for one in parties:
        copy = replace(found, slots=dict(found.slots), timing=Timing())
        alone = replace(one, plural=False)
        if role == "agent":
            copy.agents = [alone]
        else:
            copy.patients = [alone]
        out.append(copy)
    return out


def _remember(found: Predicate, pronouns: dict[str, Party]) -> None:
    for party in found.agents + found.patients:
        if party.kind == "person" and not party.plural:
            pronouns["he"] = pronouns["she"] = pronouns["him"] = pronouns["her"] = party


def _remember_token(token: Any, names: NameTable, pronouns: dict[str, Party]) -> None:
    from timeline.extract.names import party

    found = party(token, names)
    if found.kind == "person":
        pronouns["he"] = pronouns["she"] = pronouns["him"] = pronouns["her"] = found


def _predicate(
    sentence: Sentence,
    token: Any,
    names: NameTable,
    pronouns: dict[str, Party],
    dated: frozenset[int],
) -> Predicate | None:
    pos = _POS.get(token.pos_)
    if pos is None:
        return None
    if pos == "adj":
        if token.tag_ != "VBN":
            return None
        pos = "verb"
    deps = {c.dep_ for c in token.children}
    if pos == "noun" and {"nsubj", "dobj"} <= deps:
        pos = "verb"  # "Security forces fire tear gas": a verb the tagger took for a noun
    if token.dep_ == "amod" and token.tag_ == "VBG":
        return None  # "the ruling party", "the governing coalition": a description
    if pos == "noun" and token.dep_ in ("compound", "amod", "npadvmod", "nmod"):
        return None  # "a protest camp", "election-related violence": no event of its own
    found_entries = (
        candidates(_hyphen_lemma(token), pos)
        or candidates(token.lemma_, pos)
        or candidates(lemma_of(token.lower_, pos), pos)  # spaCy's "instal" is "install"
    )
    for entry in found_entries:
        if not _has_words(token, entry) or not _with(token, entry):
            continue
        found = _fit(sentence, token, entry, names, pronouns, dated)
        if found is not None:
            return found
    return None


def _hyphen_lemma(token: Any) -> str:
    """'swearing-in', 're-elected' -> 're-elect': a word the tokenizer split at a hyphen."""
    doc, i = token.doc, token.i
    joined_after = i + 2 < len(doc) and doc[i + 1].text == "-"
    tight = joined_after and not token.whitespace_ and not doc[i + 1].whitespace_
    if tight and doc[i + 2].lower_ in cues()["hyphen_particles"]:
        return f"{token.lower_}-{doc[i + 2].lower_}"  # "sit-in", "swearing-in"
    joined_before = i >= 2 and doc[i - 1].text == "-"
    if joined_before and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        return f"{doc[i - 2].lower_}-{token.lemma_.lower()}"
    return token.lemma_


def _has_words(token: Any, entry: Entry) -> bool:
    if not entry.words:
        return True
    if entry.pos == "noun":
        near = {t.lemma_.lower() for t in token.lefts}
        near |= {token.head.lemma_.lower(), token.head.head.lemma_.lower()}
        return all(w in near for w in entry.words)
    right = [t for t in token.subtree if token.i < t.i <= token.i + _NEAR]
    lemmas = [t.lemma_.lower() for t in right] + [t.lower_ for t in right]
    return all(w in lemmas for w in entry.words)


def _clause_lemmas(token: Any) -> set[str]:
    """Lemmas and words of the token's own clause, not of clauses inside it."""
    out: set[str] = set()
    stack = list(token.children)
    while stack:
        node = stack.pop()
        if node.dep_ in _OTHER_CLAUSES and node.pos_ in ("VERB", "AUX"):
            continue
        out.add(node.lemma_.lower())
        out.add(node.lower_)
        stack.extend(node.children)
    return out


def _with(token: Any, entry: Entry) -> bool:
    if entry.not_with and {w for c in token.children for w in (c.lemma_.lower(), c.lower_)} & (
        entry.not_with
    ):
        return False
    if not entry.with_words:
        return True
    clause = _clause_lemmas(token)
    return all(clause & group for group in entry.with_words)


def _fit(
    sentence: Sentence,
    token: Any,
    entry: Entry,
    names: NameTable,
    pronouns: dict[str, Party],
    dated: frozenset[int],
) -> Predicate | None:
    kind = voice(token) if entry.pos != "noun" else "nominal"
    if kind == "passive" and token.dep_ == "acl" and entry.voice == "active":
        kind = "active"  # "Thousands of students protested": a misparse as a reduced relative
    if entry.voice != "any" and kind != entry.voice:
        return None
    if kind == "nominal":
        agents, patients = noun_parties(token, entry, names, pronouns)
        anchor = support(token)
        if not agents and anchor != token and token.dep_ in ("dobj", "attr"):
            agents, _ = verb_parties(anchor, voice(anchor) == "active", names, pronouns)
    else:
        agents, patients = verb_parties(token, kind == "active", names, pronouns, entry.words)
        anchor = token
        if _headline_passive(token, entry, kind, patients):  # "Buildings stormed overnight"
            kind = "passive"
            agents, patients = verb_parties(token, False, names, pronouns, entry.words)
    agents = resolve_anaphors(agents, token, entry.agent, names)
    patients = resolve_anaphors(patients, token, entry.patient, names)
    found = Predicate(sentence, token, entry, anchor, kind, agents, patients)
    # "heavy gunfire reverberated in central Cairo": where the verb of an event noun
    # that is its subject happened, the event did
    scene = token.head if kind == "nominal" and _subject_of_a_verb(token, anchor) else anchor
    found.slots = slots(token, scene, dated)
    if kind == "passive" and "role" not in found.slots:  # "Japarov named prime minister"
        office = [c for c in token.children if c.dep_ == "dobj"]
        if office and office[0].lemma_.lower() in word_class("role_heads"):
            found.slots["role"] = phrase(office[0]).lower()
    _named_slots(found, names)
    if not _meets(found):
        return None
    found.tense = tense(anchor if anchor != token or kind != "nominal" else token)
    found.places = _places(token, scene)
    return found


def _subject_of_a_verb(token: Any, anchor: Any) -> bool:
    return anchor == token and token.dep_ == "nsubj" and token.head.pos_ == "VERB"


def _named_slots(found: Predicate, names: NameTable) -> None:
    """People and bodies named in a slot are parties too: 'met with Ambassador X'."""
    from timeline.extract.names import party

    for head in dict.fromkeys([found.token, found.anchor]):
        for child in head.children:
            if child.dep_ not in ("prep", "dative") or child.lower_ not in cues()["party_slots"]:
                continue
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ == "PROPN":
                    one = party(obj, names)
                    found.others.append(one)
                    if one.kind == "person":
                        found.slots[child.lower_] = f"{one.role} {one.text}".strip()


def _headline_passive(token: Any, entry: Entry, kind: str, patients: list[Party]) -> bool:
    """A verb that needs an object, has a subject and none, and no auxiliary: a headline's
    passive without its 'was' ("Japarov released from prison")."""
    roles = word_class("role_heads")
    if any(p.head.lower() not in roles for p in patients):
        return False
    if kind != "active" or "patient" not in entry.needs or entry.voice == "active":
        return False
    if token.doc.text.rstrip(" \"'”’)").endswith((".", "!", "?")):
        return False  # a sentence, not a headline
    objects = [c for c in token.children if c.dep_ == "dobj"]
    office = all(o.lemma_.lower() in word_class("role_heads") for o in objects)
    deps = {c.dep_ for c in token.children}
    return token.tag_ in ("VBD", "VBN") and "nsubj" in deps and "aux" not in deps and office


def support(noun: Any) -> Any:
    """The verb that makes an event noun happen, or the noun itself."""
    head = noun.head
    support_verbs = set(cues()["support_verbs"])
    happen = set(cues()["happen_verbs"])
    lemmas = {head.lemma_.lower(), lemma_of(head.lower_, "verb")}
    if noun.dep_ in ("dobj", "attr") and lemmas & support_verbs:
        return head
    if noun.dep_ in ("nsubj", "nsubjpass") and lemmas & happen:
        return head  # "protests broke out"; not "the law gives prosecutors the power"
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and _supports(noun, child, happen | support_verbs):
            return child
    if noun.dep_ == "pobj" and head.lower_ in cues()["support_prepositions"]:
        verb = head.head
        if verb.lemma_.lower() in support_verbs | set(cues()["preposition_support_verbs"]):
            return verb
    return noun


def _supports(noun: Any, clause: Any, verbs: set[str]) -> bool:
    """A clause on an event noun makes it happen when the noun is what the verb acts on
    ("the elections held on Sunday", "the talks that he chaired"), or when it is the
    subject of a verb of its own unfolding ("protests spreading across the country");
    not "a treaty calling for demarcation", "a trial that led to a verdict"."""
    lemma = clause.lemma_.lower()
    if lemma not in verbs:
        return False
    relative = [c for c in clause.children if c.lower_ in ("that", "which", "who")]
    as_subject = (clause.dep_ == "acl" and clause.tag_ == "VBG") or any(
        c.dep_ == "nsubj" for c in relative
    )
    return not as_subject or lemma in cues()["unfolding_verbs"]


def _meets(found: Predicate) -> bool:
    entry, agents, patients = found.entry, found.agents, found.patients
    needs = entry.needs
    if "agent" in needs and not agents:
        return False
    if "patient" in needs and not patients:
        return False
    if "party" in needs and not (patients or found.slots.get("with")):
        return False
    if "role" in needs and not (found.slots.get("role") or any(p.role for p in patients)):
        return False
    if entry.from_only and any(
        g.lemma_.lower() not in entry.from_only
        for c in found.token.children
        if c.dep_ == "prep" and c.lower_ == "from"
        for g in c.children
        if g.dep_ == "pobj"
    ):
        return False
    if "office" in needs and not set(found.slots.get("role", "").split()) & word_class(
        "role_heads"
    ):
        return False
    if "clause" in needs and not found.slots.get("ccomp"):
        return False
    if "named" in needs and not any(p.name for p in agents + patients):
        return False
    for parties, allowed, banned in (
        (agents, entry.agent, entry.agent_not),
        (patients, entry.patient, entry.patient_not),
    ):
        if allowed and parties and not any(party_allowed(p, allowed) for p in parties):
            return False
        if banned and any(party_allowed(p, banned) for p in parties):
            return False
    return True


def tense(verb: Any) -> str:
    """past (simple past), back (past perfect), perfect (present perfect), future or other
    (present, unknown), from the verb's auxiliaries."""
    if verb.pos_ not in ("VERB", "AUX"):
        return "other"
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxiliaries}
    if any(a.lemma_ == "have" and a.tag_ == "VBD" for a in auxiliaries):
        return "back"
    ahead = set(cues()["future_auxiliaries"]) | set(cues()["obligation_auxiliaries"])
    if words & ahead or _scheduled(verb):
        return "future"
    if any(a.lemma_ == "have" for a in auxiliaries):
        return "perfect"
    if any(a.tag_ in ("VBP", "VBZ") for a in auxiliaries):
        return "other"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries):
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "ROOT", "conj") and not auxiliaries:
        return "past"
    return "other"


def _scheduled(verb: Any) -> bool:
    """'is to resign', 'is due to vote', 'plans to hold': an event ahead."""
    if verb.lemma_.lower() in cues()["scheduling_verbs"] and verb.tag_ == "VBN":
        if verb.dep_ == "acl" and any(c.lower_ == "for" for c in verb.children):
            return True  # "a summit set for April", "elections scheduled for May"
        return any(  # "are scheduled for", not "was set up in 1996"
            c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in verb.children
        ) and not any(c.dep_ == "prt" for c in verb.children)
    if verb.dep_ != "xcomp":
        return False
    head = verb.head
    if head.lemma_.lower() in set(cues()["intention_verbs"]):
        return True
    return head.lemma_ == "be" and any(c.lower_ == "to" for c in verb.children)


def _places(token: Any, anchor: Any) -> list[str]:
    """The countries, cities and sites named where the event happened: "outside the
    embassy in London" is in London, "across the United States" in the United States."""
    found: list[str] = []
    prepositions = set(cues()["place_prepositions"])
    for head in dict.fromkeys([token, anchor]):
        for child in head.children:
            if child.dep_ != "prep" or child.lower_ not in prepositions:
                continue
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                for t in obj.subtree:
                    if t.ent_type_ in ("GPE", "LOC", "FAC") and t.ent_iob_ == "B":
                        found.append(_entity_text(t))
    return list(dict.fromkeys(found))


def _entity_text(first: Any) -> str:
    doc, end = first.doc, first.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    words = [t.text for t in doc[first.i : end]]
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words)
