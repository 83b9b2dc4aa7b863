"""Whether the body a "from" or "of" names is where a mission's instrument comes from,
read from the noun phrase the preposition hangs on rather than from its head word alone.

The cooperation rules know "instruments from X" and "a seismometer from X" by the head
noun; an instrument is often named otherwise: by its own name after the class word ("the
neutron dosimeter LND from X", "the radio instrument NCLE of X"), by a noun the class
word qualifies ("detector modules from X"), by a participle ("a radon detector called
DORN from X"), by a second "from" coordinated with the first ("instruments from A and B,
as well as from X"), or by a verb of coming whose subject is the instrument ("that
sensor came from X"). Each counts only where the sentence, the one before it or its
section names the mission or craft that carries it. Used by
``graph.relations_cooperation``.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from graph.cooperation_words import CARRYING, COMING, INSTRUMENT, INSTRUMENT_WORD
from graph.grammar import Group
from graph.model import EntityKind
from graph.reading import Sentence
from graph.token_lookup import token_at

_ORIGIN = frozenset({"from", "of"})
# the words of "as well as from X", "and also from X": a "from" said again
_LINKS = frozenset({"as", "well", "and", "also", "or", "but", "plus"})
# a participle that names the instrument before it: "a detector called DORN"
_NAMING = frozenset({"call", "name", "dub", "know", "label"})
# the modifiers through which a noun phrase names its class word
_QUALIFIERS = frozenset({"compound", "amod", "appos", "nmod", "nn"})
# the links inside a partner list's words: a name's parts, a possessive, later items
_WITHIN_NAME = frozenset({"compound", "poss", "case", "conj", "cc", "amod", "nmod", "flat"})
# what a mission does with the instruments it takes
_CARRYING = CARRYING | frozenset({"fly", "deliver", "accommodate"})
# a craft of its own, not an instrument: what "of X" owns outright
_CRAFT = re.compile(r"(?:rover|cubesat|satellite|lander|orbiter|probe|spacecraft)s?$")


def instrument_origin(sentence: Sentence, group: Group) -> bool:
    """Whether the partner list is what a named mission's instrument comes from."""
    if group.role not in ("from", "other") or not _mission_in_view(sentence):
        return False
    doc = sentence.parse
    token = None if doc is None else token_at(doc, group.start)
    # up from a name's first word, or a list's later name, to the preposition's object
    # (not from a place after the name: "University of X, Lima, Peru")
    while token is not None and token.dep_ in _WITHIN_NAME and token.head.i != token.i:
        token = token.head
    if token is None or token.dep_ != "pobj" or token.head.lower_ not in _ORIGIN:
        return False
    if not group.start <= token.idx < group.end:
        return False  # the object is another name the list only stands beside
    prep = token.head
    governor = _said_again(prep).head
    if governor.pos_ in ("NOUN", "PROPN"):
        if prep.lower_ == "of" and _CRAFT.search(governor.lower_):
            return False  # "the Rashid 2 rover of X", "a cubesat of X": its own craft
        return _names_instrument(governor) or (
            governor.dep_ == "appos" and _names_instrument(governor.head)
        )
    lemma = governor.lemma_.lower()
    if lemma in _NAMING and governor.dep_ == "acl":
        return _names_instrument(governor.head)  # "a radon detector called DORN from X"
    if lemma in COMING and prep.lower_ == "from":
        subjects = [c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")]
        # "that one came from X", "it came from X": the instrument the clause before named
        before = sentence.text[: group.start]
        return any(
            _names_instrument(s)
            or ((s.pos_ == "PRON" or s.lower_ == "one") and INSTRUMENT.search(before) is not None)
            for s in subjects
        )
    # "carry instruments from A, as well as from X": the instrument the mission carries
    # (not optics "purchased from" a supplier)
    return lemma in _CARRYING and any(
        c.dep_ in ("dobj", "nsubjpass") and _names_instrument(c) for c in governor.children
    )


def _said_again(prep: Token) -> Token:
    """The first "from" of "from A and also from X" or "from A and B, as well as from X"
    for the second; else the preposition itself."""
    if prep.dep_ == "conj" and prep.head.lower_ in _ORIGIN:
        return prep.head
    token = prep.head
    if token.lower_ not in _LINKS:
        return prep
    while token.lower_ in _LINKS and token.head.i != token.i:
        token = token.head
    earlier = [
        c for c in token.children if c.dep_ == "prep" and c.lower_ == prep.lower_ and c.i < prep.i
    ]
    return earlier[0] if earlier else prep


def _names_instrument(noun: Token) -> bool:
    """Whether a noun, or a word qualifying it, is an instrument's class word ("detector
    modules", "the neutron dosimeter LND", "NCLE, a radio instrument")."""
    words = [noun, *(c for c in noun.children if c.dep_ in _QUALIFIERS)]
    return any(
        INSTRUMENT.fullmatch(w.text) is not None or INSTRUMENT_WORD.search(w.lower_) is not None
        for w in words
    )


def _mission_in_view(sentence: Sentence) -> bool:
    """A mission or craft named in the sentence or its section (the one the sentence
    before names may be another instrument's: "b. X flew on Chang'e-6. c. The sensor
    comes from Y")."""
    return (
        any(m.kind in (EntityKind.MISSION, EntityKind.SPACECRAFT) for m in sentence.mentions)
        or sentence.section_mission is not None
    )
