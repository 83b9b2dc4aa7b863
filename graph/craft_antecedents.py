"""What a word pointing back at one spacecraft stands for, in a sentence that names
none: "it", "the satellite", "its in-orbit delivery".

The nearest antecedent wins. A craft the sentence itself introduces before a pronoun
comes first ("China built an imaging satellite for Peru and launched it": "it" is that
new, unnamed satellite, whatever the sentences before named), so the pronoun stands for
no named craft; else the one craft of the nearest of the few sentences before (under the
same heading) that names any. Used by ``graph.spacecraft_syntax``.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from spacy.tokens import Token

from graph.craft_triggers import HELD
from graph.model import EntityKind
from graph.parsing import span_root
from graph.reading import Sentence
from graph.recognise import Found
from graph.spacecraft_partners import sentences_before

# "the satellite would be built in China for Uzbekcosmos", "It was handed over in orbit
# to X", "its in-orbit delivery to X"
_POINTER = re.compile(
    r"\b[Tt]he\s+(?:new\s+)?(?:satellite|spacecraft|probe)\b(?!\s+[A-Z0-9])"
    r"|\b[Ii]ts?\b(?!['\u2019]s)"
)
_CRAFT_NOUNS = frozenset({"satellite", "spacecraft", "probe", "cubesat", "microsatellite"})
_INDEFINITE = frozenset({"a", "an", "another", "one"})
# how many sentences back a craft is still the one meant
_REACH = 3


def pointed_craft(sentence: Sentence, verbs: Collection[str]) -> list[Found]:
    """The spacecraft a pointer in ``sentence`` stands for, read at the pointer's place,
    when the pointer is what one of ``verbs`` (building, launching...) acts on."""
    if sentence.parse is None:
        return []
    for m in _POINTER.finditer(sentence.text):
        noun = _acted_on(sentence, m.start(), m.end(), verbs)
        if noun is None:
            continue
        if _introduced_before(sentence, noun):
            return []  # "built an imaging satellite for Peru and launched it"
        named = _last_named(sentence)
        if len(named) != 1:
            return []
        at = sentence.start + m.start()
        return [Found(named[0], EntityKind.SPACECRAFT, at, sentence.start + m.end(), m.group(0))]
    return []


def _acted_on(sentence: Sentence, start: int, end: int, verbs: Collection[str]) -> Token | None:
    """The pointer's token when a verb (or nominal trigger) of ``verbs`` acts on it."""
    noun = span_root(sentence.parse, start, end)
    if noun is None:
        return None
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        # "Control of the spacecraft will be handed over to X": what is handed over is it
        held = noun.head.head
        noun = held if held.lemma_.lower() in HELD else noun
    if noun.dep_ == "poss":
        # "its in-orbit delivery to X": the craft is the owner of its delivery (of its
        # launch, the launcher may be: "CGWIC and its launch of X")
        owner = noun.head
        done = owner.lemma_.lower() == "delivery" and owner.lemma_.lower() in verbs
        return noun if done and not any(c.lower_ == "of" for c in owner.children) else None
    if noun.dep_ in ("nsubjpass", "dobj", "nsubj") and noun.head.lemma_.lower() in verbs:
        return noun
    # "The satellite, which was designed and built by X for Y, was put into orbit": the
    # clause on the description says what was done to it (a pronoun with a clause of its
    # own, "..., both built by X", describes what its own sentence named before it)
    if noun.pos_ != "PRON" and any(
        clause.dep_ in ("relcl", "acl") and clause.lemma_.lower() in verbs
        for child in noun.children
        for clause in (child, *(c for c in child.children if c.dep_ == "conj"))
        if child.dep_ in ("relcl", "acl")
    ):
        return noun
    return None  # "the satellite control centre", "it runs the satellite"


def _introduced_before(sentence: Sentence, pointer: Token) -> bool:
    """Whether the sentence, before a pronoun, introduces a craft of its own that the
    pronoun is nearer to: a craft noun with an indefinite article ("an imaging
    satellite") or a proper name the recogniser did not know ("the Andina imaging
    satellite"); a bare "the satellite" points back itself."""
    if pointer.pos_ != "PRON":
        return False
    for token in pointer.doc[: pointer.i]:
        if token.lemma_.lower() not in _CRAFT_NOUNS or token.tag_ != "NN":
            continue
        words = [c for c in token.children if c.i < token.i]
        if any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in words):
            return True
        if any(c.pos_ == "PROPN" and not _recognised(sentence, c) for c in words):
            return True
    return False


def _recognised(sentence: Sentence, token: Token) -> bool:
    """Whether a word lies inside a name the recogniser found (a country, a body)."""
    at = sentence.start + token.idx
    return any(m.start <= at < m.end for m in sentence.mentions)


def _last_named(sentence: Sentence) -> list[str]:
    """The crafts of the nearest sentence before (under the same heading) naming any."""
    for before in sentences_before(sentence, _REACH):
        named = list(
            dict.fromkeys(
                m.key for m in before.mentions if not m.nested and m.kind is EntityKind.SPACECRAFT
            )
        )
        if named:
            return named
    return []
