"""Partners named through their people: "Egyptian engineers were trained in China",
"the training of Algerian engineers in Beijing", "Argentine astronomers worked with
Chinese colleagues", "China has trained engineers for Kenya". The adjective or the
"for" names the partner; what its people did, and with whom, makes it cooperation.
Apart from ``graph.cooperation_roles`` because these frames read people, not bodies.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from graph.cooperation_words import PEOPLE, TRAINING_VERBS
from graph.grammar import Group
from graph.reading import Sentence
from graph.token_lookup import token_at

# an adjective, a name in a compound or a possessive before the noun it qualifies
_QUALIFYING = frozenset({"amod", "compound", "poss"})


def qualified_noun(doc: Doc, group: Group) -> Token | None:
    """The noun a partner's adjective qualifies ("Thai institutes", "Egyptian engineers")."""
    token = token_at(doc, group.start)
    # ("ESA's stations": an owner's noun, as an adjective's)
    while token is not None and token.dep_ in _QUALIFYING and token.head.i != token.i:
        token = token.head
    return token


def trained_in_china(sentence: Sentence, group: Group) -> bool:
    """Whether a partner's adjective qualifies people a passive says were trained in China
    ("Hundreds of Venezuelan engineers were trained in China"), or whose training in China
    a noun names ("the training of Algerian engineers in Beijing")."""
    doc = sentence.parse
    token = None if doc is None else qualified_noun(doc, group)
    if token is None or token.lemma_.lower() not in _PEOPLE:
        return False
    if (
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and token.head.head.lemma_.lower() in ("training", "education")
    ):
        # "further training of Algerian engineers in Beijing": training named as a noun
        return re.search(r"\b(?:Chin(?:a|ese)|Beijing)\b", sentence.text) is not None
    if (
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and token.head.head.pos_ in ("NOUN", "NUM")
    ):
        token = token.head.head  # "hundreds of ... engineers", "a group of ... students"
    verb = token.head
    # "first Sudanese engineers trained in Beijing", a chronology's line without "were":
    # the participle on the noun, or a training verb with no object of its own
    participle = [
        c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() in TRAINING_VERBS
    ]
    intransitive = token.dep_ == "nsubj" and not any(c.dep_ == "dobj" for c in verb.children)
    if participle:
        verb = participle[0]
    elif token.dep_ != "nsubjpass" and not intransitive:
        return False
    if verb.lemma_.lower() not in TRAINING_VERBS:
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("in", "at", "by")
        and any(o.lower_ in ("china", "chinese", "beijing") for o in c.subtree)
        for c in verb.children
    )


def people_beside_chinese(sentence: Sentence, group: Group) -> bool:
    """Whether a partner's adjective qualifies people who work with China's own
    ("Egyptian engineers worked alongside Chinese engineers", "Argentine astronomers
    carried out joint observations with Chinese colleagues"): their country's work."""
    doc = sentence.parse
    if trained_in_china(sentence, group):
        return True
    token = None if doc is None else qualified_noun(doc, group)
    if token is None or token.lemma_.lower() not in _PEOPLE or token.dep_ != "nsubj":
        return False
    verb = token.head
    if any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children):
        return False
    if verb.lemma_ == "be" and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(o.lemma_ == "training" for o in c.children)
        for c in verb.children
    ):
        # "Two Pakistani candidates are in training at the Astronaut Center of China"
        return re.search(r"\bChin(?:a|ese)\b", sentence.text) is not None
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "alongside")]
    preps += [  # "carried out joint observations with ...": the object's own "with"
        p
        for o in verb.children
        if o.dep_ == "dobj"
        for p in o.children
        if p.dep_ == "prep" and p.lower_ in ("with", "alongside")
    ]
    return any(
        o.dep_ == "pobj"
        and o.lemma_.lower() in _PEOPLE
        and any(a.lower_ in ("chinese", "china", "china's") for a in o.subtree if a.i < o.i)
        for p in preps
        for o in p.children
    )


# those who work beside China's own, besides the people trained in China
_PEOPLE = PEOPLE | {"colleague", "counterpart", "planetologist"}


# the verb a few words before the people "for" follows: "trained engineers for X"
_TRAINED_PEOPLE = re.compile(r"\btrain(?:s|ed|ing)?\s+(?:[\w,-]+\s+){0,3}?$", re.IGNORECASE)


def trained_for(sentence: Sentence, group: Group) -> bool:
    """ "China has trained engineers for Kenya": the people China trained were the
    partner's (the verb within a few words before the people "for" follows)."""
    before_for = sentence.text.rfind(" for ", 0, group.start) + 1
    return (
        group.governor in PEOPLE
        and _TRAINED_PEOPLE.search(sentence.text, 0, before_for) is not None
    )
