"""A mission named in a later clause of an "and" coordination, one with a subject of its
own, does not belong to the partner whose cooperation the earlier clause states.

Why: "X and China cooperate on deep-space tracking, and the station supported
Chang'e-4" makes two statements; the tracking is not work on Chang'e-4. The guidelines
record a mission only where the sentence pairs it with the cooperation; two clauses with
two subjects do not, unless the second speaks of the first's things again ("and it will
fly on Chang'e-7", "and the mission carried it"). A mission named before the partner's
clause is left alone: it may frame what follows (measured: reading both ways lost
matches on the confirmation sets)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from graph.grammar import Group
from graph.parsing import clause_verb
from graph.reading import Sentence

_SUBJECTS = ("nsubj", "nsubjpass")
# words by which a clause speaks again of what the other names
_BACK = frozenset(
    {"it", "its", "they", "their", "them", "this", "these", "there", "which", "that"}
    | {"aboard", "onboard", "same"}
)


def separate_statement(sentence: Sentence, group: Group, mission: str) -> bool:
    """Whether every naming of ``mission`` lies in a clause coordinated with the
    partner's own clause, both clauses with subjects of their own, neither pointing back
    to the other."""
    doc = sentence.parse
    if doc is None:
        return False
    named = [
        (m.start - sentence.start, m.end - sentence.start)
        for m in sentence.mentions
        if m.key == mission and not m.nested
    ]
    own = clause_verb(doc, group.start, group.end)
    if not named or own is None:
        return False
    return all(_apart(doc, doc[own], start, end) for start, end in named)


def _apart(doc: Doc, own: Token, start: int, end: int) -> bool:
    verb_at = clause_verb(doc, start, end)
    if verb_at is None:
        return False
    own, other = _statement(own), _statement(doc[verb_at])
    if other.i == own.i:
        return False
    # a mission named after the partner's statement, in one of its own: "X cooperates on
    # tracking, and the station supported M" (one named first may frame what follows)
    first, second = own, other
    if not (second.dep_ == "conj" and second.head.i == first.i):
        return False
    subjects = [_subject(first), _subject(second)]
    if any(s is None for s in subjects):
        return False  # "X built ... and launched M": one subject, one statement
    return not any(t.lower_ in _BACK or _named_again(t) for t in second.subtree)


def _named_again(token: Token) -> bool:
    """ "the mission", "this programme": a craft named again by its class word."""
    return token.lemma_.lower() in _CRAFT_NOUNS and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children
    )


_CRAFT_NOUNS = frozenset(
    {"mission", "programme", "program", "project", "probe", "spacecraft", "satellite"}
    | {"lander", "rover", "orbiter", "constellation", "telescope"}
)


def _statement(verb: Token) -> Token:
    """The verb of the statement a clause belongs to: up from clauses that hang on it
    ("to bring the images down", "is to provide") and from predicates that share its
    subject ("built and launched M")."""
    for _ in range(8):
        if verb.head.i == verb.i:
            break
        if verb.dep_ in _HANGING or (verb.dep_ == "conj" and _subject(verb) is None):
            verb = verb.head
        else:
            break
    return verb


_HANGING = frozenset({"advcl", "xcomp", "acl", "relcl"})


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
