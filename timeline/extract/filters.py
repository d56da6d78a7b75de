"""The named rules that drop a predicate that is not an event that happened.

Each rule is a small function over one predicate in its parsed sentence; it
returns True when the predicate is not an event. :data:`RULES` is the table, in
the order they are tried; the first that fires names the reason in
``Predicate.dropped``. No rule changes an event's type. Rules that need the date
(a future event without one) run after dating.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from timeline.extract.document import Document, Predicate
from timeline.extract.lexicon import cues, word_class

Rule = Callable[[Predicate, Document], bool]


def _cue(name: str) -> frozenset[str]:
    return frozenset(str(w) for w in cues()[name])


def _governors(token: Any, depth: int = 4) -> list[Any]:
    """The verbs and nouns above a token, nearest first, up to the sentence root."""
    out, node = [], token
    while node.head != node and len(out) < depth:
        out.append(node.head)
        node = node.head
    return out


def negated(pred: Predicate, doc: Document) -> bool:
    """'did not resign', 'no elections were held', 'failed to pass the law'."""
    for token in dict.fromkeys([pred.token, pred.anchor]):
        for child in token.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ in ("no", "neither")):
                return True
            if child.dep_ == "advmod" and child.lower_ in ("never", "not"):
                return True
    nobody = _cue("nobody")
    if any(
        p.head.lower() in nobody or p.text.lower() in nobody for p in pred.agents + pred.patients
    ):
        return True  # "None of the ministers resigned", "Nobody was killed"
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in nobody for c in pred.anchor.children):
        return True
    head = pred.anchor.head
    return pred.anchor.dep_ in ("xcomp", "ccomp", "dobj") and (
        head.lemma_.lower() in _cue("negators") or any(c.dep_ == "neg" for c in head.children)
    )


def modal(pred: Predicate, doc: Document) -> bool:
    """'could resign', 'would have stormed', 'could arrest and detain', 'if the court annuls
    ...', 'shutting the company down will be devastating' (an act as the subject of what
    will or would be)."""
    for token in dict.fromkeys([pred.token, pred.anchor, *_conjoined_heads(pred.anchor)]):
        if any(c.dep_ == "aux" and c.lower_ in _cue("modal_auxiliaries") for c in token.children):
            return True
    if pred.anchor.dep_ in ("csubj", "csubjpass") and any(
        c.dep_ == "aux" and c.lower_ in _cue("modal_auxiliaries") | _cue("future_auxiliaries")
        for c in pred.anchor.head.children
    ):
        return True
    for governor in [pred.anchor, *_governors(pred.anchor)]:
        if governor.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _cue("conditional_marks") for c in governor.children
        ):
            return True
    return False


def _conjoined_heads(token: Any) -> list[Any]:
    """The verbs a verb is coordinated with and shares its subject and auxiliaries with:
    'could arrest and detain' (detain's 'could' hangs on arrest)."""
    out = []
    while token.dep_ == "conj" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in token.children
    ):
        token = token.head
        out.append(token)
    return out


def unreal(pred: Predicate, doc: Document) -> bool:
    """'a potential second wave', 'fresh elections': an event noun not (yet) real, undated."""
    if not pred.nominal or pred.timing.date or pred.timing.deadline:
        return False
    return any(
        c.dep_ in ("amod", "det") and c.lower_ in _cue("unreal_modifiers")
        for c in pred.token.children
    )


def question(pred: Predicate, doc: Document) -> bool:
    """A sentence that asks."""
    return pred.sentence.text.rstrip(" \"'”’)").endswith("?")


def _last_time(token: Any) -> bool:
    return token.lemma_.lower() == "time" and any(
        c.lower_ in ("last", "previous", "first") for c in token.lefts
    )


def opinion(pred: Predicate, doc: Document) -> bool:
    """'critics say the president seized power', 'compare the mood to the protests of 2003'."""
    if any(c.dep_ in ("npadvmod", "advmod") and _last_time(c) for c in pred.anchor.children):
        return True  # "The last time protesters stormed the palace, ..."
    for governor in _governors(pred.anchor):
        lemma = governor.lemma_.lower()
        if lemma in _cue("comparison_verbs") or (
            governor.dep_ == "prep" and governor.lower_ in ("like", "unlike")
        ):
            return True
        if _last_time(governor):
            return True  # "it is not the first time the army has seized power"
        if lemma in _cue("opinion_verbs") and governor.pos_ == "VERB":
            return True
        if lemma in _cue("say_verbs"):
            subjects = [c for c in governor.children if c.dep_ == "nsubj"]
            if any(s.lemma_.lower() in _cue("opinion_subjects") for s in subjects):
                return True
    return False


def wish(pred: Predicate, doc: Document) -> bool:
    """'wants the election annulled', 'demanded his resignation', 'calls for elections'."""
    node = pred.anchor
    if node.dep_ in ("amod", "acl") and node.tag_ == "VBN":
        return False  # "his newly appointed prime minister": done, whatever is wished of him
    for governor in _governors(node, depth=3):
        if governor.lemma_.lower() in _cue("wish_verbs") and node.dep_ in (
            "xcomp",
            "ccomp",
            "dobj",
            "pobj",
            "prep",
        ):
            return True
        if governor.pos_ in ("VERB", "NOUN") and governor.dep_ not in ("prep",):
            break
        node = governor
    return False


def habitual(pred: Predicate, doc: Document) -> bool:
    """'have often killed', 'every year', 'whenever they protest', 'presidents are elected
    for five years'."""
    if _present_passive(pred) and pred.sentence.index > 0:
        return True
    for token in dict.fromkeys([pred.token, pred.anchor]):
        for child in token.children:
            if child.dep_ in ("advmod", "mark") and child.lower_ in _cue("habitual_adverbs"):
                return True
            if child.dep_ in ("npadvmod", "prep") and _every(child):
                return True
            if child.dep_ in ("advcl", "ccomp") and any(  # "each time X, Y": Y as often
                c.dep_ == "npadvmod" and _every(c) for c in child.children
            ):
                return True
    return _every_object(pred)


def _present_passive(pred: Predicate) -> bool:
    """'he is elected to manage the country': a passive in the simple present, with no
    date on it, tells how things are done, not what happened (a headline is let be)."""
    token = pred.token
    if token.tag_ != "VBN" or not any(
        c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in token.children
    ):
        return False
    sentence = pred.sentence
    if sentence.entry is not None:
        return False  # a live blog's entry, told in the present: its time dates it
    first = sentence.start + token.left_edge.idx
    last = sentence.start + token.right_edge.idx + len(token.right_edge)
    return not any(x.type in ("DATE", "TIME") and first <= x.start < last for x in sentence.timexes)


def _every_object(pred: Predicate) -> bool:
    """'won every vote', 'boycotted the last two elections': many acts, none told."""
    for child in pred.token.children:
        if child.dep_ not in ("dobj", "nsubjpass"):
            continue
        words = {t.lower_ for t in child.lefts}
        if words & {"every", "each", "all"} or (
            "last" in words and any(t.like_num for t in child.lefts)
        ):
            return True
    return False


def _every(token: Any) -> bool:
    return any(
        t.lower_ in ("every", "each") and t.head.lemma_.lower() in _cue("habitual_periods")
        for t in token.subtree
    )


def intention(pred: Predicate, doc: Document) -> bool:
    """'plans to resign', 'vowed to storm the palace': an intention, undated."""
    if pred.timing.deadline:
        return False
    anchor = pred.anchor
    return anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() in _cue("intention_verbs")


def uncertain(pred: Predicate, doc: Document) -> bool:
    """'rumours that X resigned', 'it is unclear whether ...'."""
    for governor in _governors(pred.anchor):
        if governor.lower_ in _cue("uncertain_words") or governor.lemma_.lower() in _cue(
            "uncertain_words"
        ):
            return True
        if any(
            c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in governor.children
        ) and governor.dep_ in ("ccomp", "advcl"):
            return True
    return any(c.dep_ == "mark" and c.lower_ in ("whether",) for c in pred.anchor.children) or any(
        c.dep_ == "advmod" and c.lower_ in _cue("uncertain_words") for c in pred.anchor.children
    )


def generic(pred: Predicate, doc: Document) -> bool:
    """'anyone who protested', 'whoever attacks': nobody in particular."""
    nobody = _cue("nobody_in_particular")
    if any(party.head.lower() in nobody for party in pred.agents + pred.patients):
        return True
    return pred.anchor.dep_ == "relcl" and pred.anchor.head.lower_ in nobody


def background(pred: Predicate, doc: Document) -> bool:
    """'Lazaro Gonzalez, who is fighting to keep the boy', 'the deposed leader':
    a description of someone, not an event (unless dated, or 'newly appointed')."""
    anchor = pred.anchor
    if pred.timing.timex is not None:
        return False
    if anchor.dep_ == "relcl" and pred.tense == "other":
        return True
    if anchor.dep_ == "amod" and anchor.tag_ == "VBN":
        return not any(c.lower_ in _cue("recent_adverbs") for c in anchor.children)
    if (
        anchor.dep_ == "acl"
        and anchor.tag_ == "VBG"
        and not pred.nominal
        and anchor.head.dep_ != "ROOT"
    ):
        return True  # "a growing movement calling for withdrawal": what it is, not an act
    if anchor.dep_ == "pcomp" and anchor.tag_ == "VBG":
        # "powers for detaining suspects", "interest in resuming talks", "accused of
        # killing": not told as done; "after storming the building", "while fleeing" are
        preposition = anchor.head
        if preposition.lower_ in _cue("after_cues") | _cue("before_cues"):
            return False
        on_a_verb = preposition.head.pos_ in ("VERB", "AUX")
        return not (on_a_verb and preposition.lower_ in _cue("while_cues"))
    return False


def non_political(pred: Predicate, doc: Document) -> bool:
    """'seized drugs', 'killed time', 'heavy rains killed 12': a sense that is not politics."""
    if pred.type == "statement":
        return False
    banned = word_class("not_political")
    if any(p.head.lower() in banned for p in pred.patients):
        return True
    causes = word_class("natural_causes")
    if pred.entry.agent & causes:
        return False  # "a cyclone hit the coast": the entry is about the disaster itself
    return any(p.head.lower() in causes for p in pred.agents)


_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|«[^»]*»|``.*?''")


def quoted(pred: Predicate, doc: Document) -> bool:
    """Inside direct speech: what someone said, not what the report narrates.

    A quotation may run over several sentences: one whose first quote mark closes a
    quotation ('... spreading violence," she told CNN') is quoted up to that mark.
    """
    text, local = pred.sentence.text, pred.token.idx
    if any(m.start() < local < m.end() for m in _QUOTED.finditer(text)):
        return True
    first = _QUOTE_MARK.search(text)
    if first is None or local >= first.start():
        return False
    closes = first.group() in _CLOSING or (
        first.group() == '"'
        and text.count('"') % 2 == 1
        and text[first.start() - 1 : first.start()].strip()
    )
    return bool(closes)


_QUOTE_MARK = re.compile(r"[\"“”]|''|``")
_CLOSING = frozenset(("”", "''"))


def attribution(pred: Predicate, doc: Document) -> bool:
    """'..., he said', 'X said Y' deep in a story: a quote that supports it, not its news."""
    if pred.type != "statement":
        return False
    if pred.entry.key in _cue("commitment_verbs"):
        return not _in_lead(pred)
    if pred.entry.key not in _cue("plain_speech"):
        return False
    if not _in_lead(pred):
        return True
    content = next((c for c in pred.token.children if c.dep_ == "ccomp"), None)
    if content is None:
        return True
    text, local = pred.sentence.text, content.idx
    return any(m.start() <= local < m.end() for m in _QUOTED.finditer(text))


def reported_event(pred: Predicate, doc: Document) -> bool:
    """'Jordan said he was resigning': the saying reports the event, which is the news;
    the statement is its source, not an event of its own."""
    if pred.type != "statement" or pred.entry.key not in _cue("plain_speech"):
        return False
    content = next((c for c in pred.token.children if c.dep_ == "ccomp"), None)
    if content is None:
        return False
    told = {content.i} | {c.i for c in content.children if c.dep_ == "conj"}
    return any(  # what is said to have happened is the clause's own verb, not a detail
        other is not pred
        and not other.dropped
        and other.type != "statement"
        and other.anchor.i in told
        for other in doc.in_sentence(pred.sentence)
    )


def infinitive(pred: Predicate, doc: Document) -> bool:
    """'the authority to seize assets': a verb in the infinitive has not happened."""
    token = pred.token
    if pred.nominal or pred.timing.deadline or token.tag_ != "VB":
        return False
    while token.dep_ == "conj" and token.head.tag_ == "VB":
        token = token.head  # "the authority to freeze or seize assets"
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children):
        return False
    return not (
        token.dep_ in ("xcomp", "advcl") and token.head.lemma_.lower() in _cue("carrying_verbs")
    )


def _in_lead(pred: Predicate) -> bool:
    """The story's opening: its first paragraphs, and at most its first sentences."""
    return pred.sentence.paragraph < _cue_number("lead_paragraphs") and (
        pred.sentence.index < _cue_number("lead_sentences")
    )


def _cue_number(name: str) -> int:
    return int(cues()[name])


def reference(pred: Predicate, doc: Document) -> bool:
    """An event noun with no date, no verb that makes it happen, and no event told after
    it ("after weeks of protests"): a mention of an event, not one of its own."""
    if not pred.nominal or pred.entry.alone:
        return False
    token = pred.token
    if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according":
        return True  # "according to a statement": the source, not an event
    if pred.anchor != pred.token or pred.timing.timex is not None:
        return False
    if not _ordered_by_cue(token) or _bare(token):
        return True  # "before trial": a singular noun without a determiner names no event
    from timeline.extract.ordering import referents

    index = doc.number(pred)
    # "after the verdict" points back to the ruling told before; "after weeks of protests"
    # (plural, indefinite) tells events of its own
    definite = token.tag_ == "NN" and any(
        c.dep_ in ("det", "poss") and c.lower_ in word_class("definite_determiners")
        for c in token.children
    )
    found = referents(doc).find(index, token.lemma_.lower(), by_type=definite)
    if found is None and definite and not (pred.agents or pred.patients):
        return True  # "after the speech": one the reader knows of, too bare to name
    return found not in (None, index)


def _bare(token: Any) -> bool:
    return token.tag_ == "NN" and not any(
        c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in token.children
    )


def _ordered_by_cue(token: Any) -> bool:
    """'after weeks of protests', 'following the elections', 'after protests drew
    millions': a noun the story orders other events by."""
    cues = _cue("after_cues") | _cue("before_cues")
    node = token
    for _ in range(4):
        if node.dep_ == "pobj" and node.head.lower_ in cues:
            return True
        if node.pos_ in ("VERB", "AUX"):
            return any(c.dep_ == "mark" and c.lower_ in cues for c in node.children)
        if node.head == node:
            return False
        node = node.head
    return False


def future(pred: Predicate, doc: Document) -> bool:
    """An event ahead of the report without a date: not an event yet."""
    return pred.tense == "future" and not pred.timing.deadline


def speech_adjunct(pred: Predicate, doc: Document) -> bool:
    """'resigned in a televised address, saying he wanted peace': the saying goes with it."""
    anchor = pred.anchor
    if pred.type != "statement" or anchor.dep_ not in ("advcl", "conj") or anchor.tag_ != "VBG":
        return False
    # "lashed out at them, accusing them of abuse": no event to go with, the saying is it
    return any(other.anchor == anchor.head for other in doc.in_sentence(pred.sentence))


def command(pred: Predicate, doc: Document) -> bool:
    """'Storm the hotel and save yourselves!': an imperative tells someone to act."""
    verb = pred.anchor
    while verb.dep_ == "conj":
        verb = verb.head  # "... and save yourselves"
    first = next((t for t in verb.doc if not t.is_punct), None)
    if verb.dep_ != "ROOT" or verb != first or verb.tag_ in ("VBD", "VBN", "VBZ"):
        return False  # the tagger takes a sentence-first imperative for VB, NN or VBG
    subject = ("nsubj", "nsubjpass", "expl", "aux", "auxpass")
    return "dobj" in {c.dep_ for c in verb.children} and not any(
        c.dep_ in subject for c in verb.children
    )


# Before dating: what the sentence alone shows.
RULES: dict[str, Rule] = {
    "question": question,
    "command": command,
    "negation": negated,
    "modality": modal,
    "opinion": opinion,
    "wish": wish,
    "habit": habitual,
    "uncertainty": uncertain,
    "generic": generic,
    "non-political sense": non_political,
    "direct speech": quoted,
    "speech adjunct": speech_adjunct,
    "quote attribution": attribution,
}
# After dating: what needs the event's date.
DATED_RULES: dict[str, Rule] = {
    "reported intention": intention,
    "background clause": background,
    "infinitive": infinitive,
    "future without a date": future,
    "unreal event noun": unreal,
    "reference to an event": reference,
    "report of an event": reported_event,
}


def apply(doc: Document, rules: dict[str, Rule]) -> None:
    """Mark each predicate with the first rule that drops it; statements last, as a
    statement may be dropped for the event it reports, once that event is judged."""
    for pred in sorted(doc.predicates, key=lambda p: p.type == "statement"):
        if pred.dropped:
            continue
        for name, rule in rules.items():
            if rule(pred, doc):
                pred.dropped = name
                break
