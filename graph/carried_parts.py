"""A craft the sentence names as a small satellite that a mission carries (a cubesat),
or as a part a mission owns ("Chang'e-4's Yutu-2 rover"), is not the mission of a
partner's payload: the mission is the one that carries it.

Why: cubesats have the shape of spacecraft names ("ICUBE-Q"), so the reader took one in
a list of payloads for the mission of them all: "the DORN detector from CNES, ..., and
the ICUBE-Q cubesat of IST" is four payloads on one carrier, and "supplied an analyser
for Chang'e-4's Yutu-2 rover" is a payload on Chang'e-4. The words around the name say
it is such a part: "cubesat" after it ("ICUBE-Q cubesat"), in apposition to it
("ICUBE-Q, a small cubesat built by X"), or a mission owning it. Instruments in
apposition ("POLAR-2, the successor instrument") were tried too and lost matches on the
confirmation sets; a named instrument's carrier is ``mission_pairing.carrier``'s."""

from __future__ import annotations

import re

from graph.cooperation_words import INSTRUMENT_NAME
from graph.coordinated_clauses import OPENER
from graph.gazetteer import Gazetteer
from graph.model import EntityKind
from graph.reading import Sentence
from graph.recognise import Found

_CRAFT_KINDS = (EntityKind.MISSION, EntityKind.SPACECRAFT)
# the small satellites a mission carries and releases (a rover or a relay satellite
# carries payloads itself: "a spectrometer on the Zhurong rover" is on Zhurong; a named
# instrument's carrier is found by ``mission_pairing.carrier``; a telescope may be a
# mission of its own)
_PART = r"(?:cube-?sat|nano-?satellite|pico-?satellite)"
# "the ICUBE-Q cubesat": a kind of small satellite right after the name (with other part
# nouns the name may be the carrier's: "the CBERS-4 camera" is a camera on CBERS-4)
_NOUN_AFTER = re.compile(
    r"\s+(?:[A-Za-z-]+\s+)?(?:cube-?sat|nano-?satellite|pico-?satellite)\b(?!-)", re.IGNORECASE
)
# "ICUBE-Q, a small Pakistani cubesat", "POLAR-2, the successor instrument"
# (its head noun: not "a satellite with a camera", "a camera satellite")
_APPOSITION = re.compile(
    r"\s*(?:\([^()]{1,40}\)\s*)?,\s*(?:a|an|the|its|their)\s+"
    rf"(?:(?!(?:with|for|of|on|carrying)\b)[\w'-]+\s+){{0,3}}?{_PART}\b"
    r"(?!-|\s+(?:satellite|mission|probe|spacecraft|platform)s?\b)",
    re.IGNORECASE,
)
_OWNER = re.compile(r"(?:'s|\u2019s)\s+(?:the\s+)?$")


def _is_part(sentence: Sentence, mention: Found) -> bool:
    """Whether the words around this naming of a craft call it a part."""
    text = sentence.text
    end = mention.end - sentence.start
    return (
        _NOUN_AFTER.match(text, end) is not None
        or (_APPOSITION.match(text, end) is not None and not _opening(sentence, mention))
        or _owning_mission(sentence, mention) is not None
    )


def _opening(sentence: Sentence, mention: Found) -> bool:
    """Whether the name opens the sentence after a preposition, so that the comma after
    it ends the opening phrase ("On Tiangong-2, the POLAR detector was built by X")."""
    return OPENER.match(sentence.text[: mention.start - sentence.start]) is not None


def _owning_mission(sentence: Sentence, mention: Found) -> str | None:
    """The mission named as the owner of this one: "Chang'e-4's Yutu-2 rover"."""
    start = mention.start - sentence.start
    glue = _OWNER.search(sentence.text, 0, start)
    if glue is None:
        return None
    for m in sentence.mentions:
        if m.kind in _CRAFT_KINDS and not m.nested and m.end - sentence.start == glue.start():
            return m.key
    return None


def _crafts(sentence: Sentence) -> list[Found]:
    return [m for m in sentence.mentions if m.kind in _CRAFT_KINDS and not m.nested]


def carried_part(sentence: Sentence, key: str) -> bool:
    """Whether every naming of the spacecraft ``key`` in the sentence calls it a part (a
    mission, "the Chang'e-6 lander", is never one)."""
    named = [m for m in _crafts(sentence) if m.key == key]
    if any(m.kind is EntityKind.MISSION for m in named):
        return False
    return bool(named) and all(_is_part(sentence, m) for m in named)


def part_carrier(sentence: Sentence, gazetteer: Gazetteer, key: str) -> str | None:
    """What carries the part ``key``: the mission owning it in the sentence, its recorded
    parent, else the one other craft the sentence names that is not a part itself; None
    when the sentence names no carrier (the caller may look to the context)."""
    for m in _crafts(sentence):
        if m.key == key and (owner := _owning_mission(sentence, m)) is not None:
            return owner
    entity = gazetteer.entities.get(key)
    if entity is not None and entity.part_of:
        return entity.part_of[0]
    others = {
        m.key
        for m in _crafts(sentence)
        if m.key != key and not INSTRUMENT_NAME.search(m.text) and not _is_part(sentence, m)
    }
    return others.pop() if len(others) == 1 else None


def names_other_crafts(sentence: Sentence, key: str) -> bool:
    """Whether the sentence names a mission or spacecraft besides the part ``key``."""
    return any(m.key != key for m in _crafts(sentence))
