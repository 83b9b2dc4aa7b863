"""Whom "the two agencies" stands for when the sentence itself has just named the pair:
"CNSA and the Kenya Space Agency confirmed that KenSat-3 will be developed jointly by
the two agencies". The pair is the subject before those words, of China's side and one
partner; "the two" then counts exactly them, so the partner is that one. A subject of two
foreign bodies, or of China and several others, is no pair of China's and gives nothing.
Used by the spacecraft family only: the cooperation reader already reads such a subject
as the partner, and a second group for it would change its reading of the sentence."""

from __future__ import annotations

import re

from graph.grammar import ANAPHORA, Group
from graph.reading import Sentence

_PAIR_WORDS = re.compile(r"^(?:the\s+two|both)\b", re.IGNORECASE)


def pair_named_before(
    sentence: Sentence, groups: list[Group], said: re.Match[str], domestic: frozenset[str]
) -> tuple[str, ...]:
    """The one foreign partner of the subject pair (China's side and it) that the words
    ``said`` ("the two agencies", "both sides") stand for, if the sentence names one."""
    if not _PAIR_WORDS.match(said.group(0)):
        return ()
    subjects = [g for g in groups if g.role == "subject" and g.end <= said.start()]
    if len(subjects) != 1 or len(subjects[0].keys) != 1:
        return ()
    pair = subjects[0]
    inside = [
        m
        for m in sentence.mentions
        if not m.nested and pair.start <= m.start - sentence.start < pair.end
    ]
    if not any(m.key in domestic for m in inside):
        return ()  # no Chinese side in the pair: "the two" may be two foreign bodies
    if len({m.key for m in inside}) != 2:
        return ()
    return pair.keys


def with_pair(sentence: Sentence, groups: list[Group], domestic: frozenset[str]) -> list[Group]:
    """``groups`` with one for "the two agencies" of a pair the sentence has just named,
    when no group stands for those words yet."""
    said = ANAPHORA.search(sentence.text)
    if said is None or any(g.role == "anaphora" for g in groups):
        return groups
    pair = pair_named_before(sentence, groups, said, domestic)
    if not pair:
        return groups
    return sorted(
        [*groups, Group(pair, said.start(), said.end(), "anaphora")], key=lambda g: g.start
    )
