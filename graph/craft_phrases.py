"""Phrases around a spacecraft that say who launched or made it: the rocket a launch
names ("by a Long March 2C", "on a European Vega-C rocket") and the participle that
describes the craft in an apposition ("SVOM, a satellite built jointly with France, was
launched ..."). Used by ``graph.spacecraft_syntax``."""

from __future__ import annotations

import re

from spacy.tokens import Token

from graph.launch_context import REFERRED_ROCKET, chinese_launch
from graph.reading import Sentence

_ROCKETS = frozenset({"rocket", "launcher", "vehicle", "booster"})
_CHINESE_ROCKET = re.compile(r"\b(?:Chin(?:a|ese)|Long\s+March|CZ-\d|Kuaizhou|Kinetica|Jielong)")


def _phrase(sentence: Sentence, token: Token) -> str:
    return sentence.text[token.left_edge.idx : token.right_edge.idx + len(token.right_edge)]


def chinese_rocket(sentence: Sentence, prep: Token) -> bool:
    """Whether a launch's "by/on" names one of China's rockets ("by a Long March 2C")."""
    return any(
        _CHINESE_ROCKET.search(_phrase(sentence, o)) for o in prep.children if o.dep_ == "pobj"
    )


def others_rocket(sentence: Sentence, prep: Token) -> bool:
    """Whether a launch's "on/by/aboard" names a rocket that is not China's."""
    if prep.lower_ not in ("on", "by", "aboard", "with"):
        return False
    rockets = [o for o in prep.children if o.dep_ == "pobj" and o.lemma_.lower() in _ROCKETS]
    named = [_phrase(sentence, r) for r in rockets]
    # "launched on the same rocket": the one the report named before, China's or not
    referred = [p for p in named if REFERRED_ROCKET.match(p)]
    if referred and len(referred) == len(named) and chinese_launch(sentence):
        return False
    return any(not _CHINESE_ROCKET.search(p) for p in named)


def made_jointly(prep: Token) -> bool:
    """Whether "with" hangs on a participle of making done jointly ("built jointly with")."""
    verb = prep.head if prep.head.pos_ == "VERB" else prep.head.head
    return (
        verb.tag_ == "VBN"
        and verb.lemma_.lower() in ("build", "develop", "design", "make")
        and any(c.dep_ == "advmod" and c.lower_ in ("jointly", "together") for c in verb.children)
    )


def described_by(noun: Token) -> list[Token]:
    """The participles on the apposition of ``noun`` ("X, a satellite built ..."), also
    where the parser hangs one on a noun of the apposition's own phrases ("a satellite
    for gamma-ray bursts built jointly with France")."""
    found = []
    todo = [c for c in noun.children if c.dep_ == "appos"]
    while todo:
        word = todo.pop()
        for c in word.children:
            if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN":
                found.append(c)
            elif c.dep_ in ("prep", "pobj"):
                todo.append(c)
    return found
