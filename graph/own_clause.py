"""What belongs to a verb's own clause in the parse: the words under it (through a
purpose clause without a subject of its own, not through a coordinated statement), its
subjects (or those of the verb it is coordinated with), and whether a subject is China
and its partner together. Used by ``graph.cooperation_frames``."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from graph.parsing import span_root, verb_above


def in_own_clause(doc: Doc, verb: Token, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` belong to the verb's own clause: the nearest
    verb above them is this one, or a purpose or manner clause of it without a subject
    of its own ("provided imagery to Nepal to support disaster relief")."""
    token = span_root(doc, start, end)
    if token is None:
        return False
    above = token.i if token.pos_ in ("VERB", "AUX") else verb_above(token)
    for _ in range(4):
        if above is None or above == verb.i:
            return above == verb.i
        clause = doc[above]
        if clause.dep_ not in ("xcomp", "advcl") or any("subj" in c.dep_ for c in clause.children):
            return False
        above = verb_above(clause)
    return False


def own_subjects(verb: Token) -> list[Token]:
    """The verb's subjects, or those of the verb it is coordinated with or completes
    ("the two sides will deepen cooperation ... and will train ..."); none for a passive
    ("... and Laotian operators were taught")."""
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return []
        if subjects or verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            return subjects
        verb = verb.head
    return []


# the words for China and its partner together, as the subject of a joint statement
_BOTH_SIDES = re.compile(
    r"(?:the|both)\s+(?:two\s+)?(?:sides|parties|countries|governments)", re.IGNORECASE
)


def both_sides(subject: Token) -> bool:
    """Whether the subject is China and its partner together ("the two sides", "the
    Parties", "both countries")."""
    words = subject.doc[subject.left_edge.i : subject.right_edge.i + 1].text
    return _BOTH_SIDES.fullmatch(words) is not None
