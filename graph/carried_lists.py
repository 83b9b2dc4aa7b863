"""Payloads a mission carried, listed after a colon: "In 2024 Chang'e-6 carried four
foreign payloads to the far side: France's DORN radon detector, Italy's INRRI
retroreflector and Pakistan's ICUBE-Q cubesat". The parser seldom reads such a list
right, so it is read from the text: a clause that carries payloads on a named mission,
then owners of instruments after its colon, each a payload partner on that mission."""

from __future__ import annotations

import re

from graph.cooperation_words import INSTRUMENT_WORD
from graph.grammar import Group, status_at
from graph.model import Cooperation, EntityKind
from graph.reading import Sentence
from graph.word_gate import WordGated

_CARRYING = re.compile(
    r"\b(?:carr(?:y|ies|ied|ying)|fl(?:y|ies|ew|own)|host(?:s|ed)?|took|takes|will\s+take|"
    r"brought|brings)\b[^:;.]*\b(?:payloads?|instruments?|experiments?|passengers?)\b[^:;.]*:",
    re.IGNORECASE,
)
_CARRIED = WordGated(_CARRYING, (":",))  # (a match ends on the colon)
_CRAFTS = (EntityKind.MISSION, EntityKind.SPACECRAFT)


def colon_payloads(sentence: Sentence, groups: list[Group]) -> list[Cooperation]:
    """The owners listed after a colon that spells out what a mission carried."""
    m = _CARRIED.search(sentence.text)
    if m is None:
        return []
    missions = [
        f.key
        for f in sentence.mentions
        if not f.nested and f.kind in _CRAFTS and f.start - sentence.start < m.end()
    ]
    if len(set(missions)) != 1:
        return []
    status = status_at(sentence, m.start())
    return [
        Cooperation(
            evidence=(sentence.evidence(g.start),),
            status=status,
            partner=partner,
            area="payloads",
            mission=missions[0],
        )
        for g in groups
        if g.role == "owner" and g.start >= m.end() and INSTRUMENT_WORD.search(g.governor or "")
        for partner in g.keys
    ]
