"""The mission a partner's own clause names, as the parse shows it: the subject or object
of the verb that governs the partner ("Chang'e-7 will carry instruments from X"), and
not one the sentence names only in a relative clause the partner is not in. Used by
``graph.relations_cooperation``."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from graph.cooperation_words import INSTRUMENT_NAME
from graph.grammar import Group
from graph.mission_pairing import CARRYING, listed_missions
from graph.model import EntityKind
from graph.parsing import clause_verb, core_argument, in_relative_clause
from graph.prepositional_objects import objects_of
from graph.reading import Sentence
from graph.subject_roles import described_clause


def said_in_passing(sentence: Sentence, group: Group, mission: str) -> bool:
    """Whether the sentence names the mission only in a relative clause the partner is
    not in ("Algeria, for which China built Alcomsat-1, has cooperated on training")."""
    doc = sentence.parse
    if doc is None:
        return False
    spans = [
        (m.start - sentence.start, m.end - sentence.start)
        for m in sentence.mentions
        if m.key == mission and not m.nested
    ]
    if not spans:
        return False
    verb = clause_verb(doc, group.start, group.end)
    if _class_carrier(sentence, verb) == mission:
        return False  # "X is among the payloads that Chang'e-7 will carry": X flies on it
    described = None if verb is None else described_clause(doc[verb])
    if described is not None and any(
        described.left_edge.idx <= a < described.right_edge.idx + len(described.right_edge)
        for a, _ in spans
    ):
        return False  # "Kenya is the latest country to join the ILRS": what Kenya did
    return all(in_relative_clause(doc, a, b, (group.start, group.end)) for a, b in spans)


def mission_in_clause(sentence: Sentence, group: Group) -> str | None:
    """The one mission the parse puts in the partner's clause ("Chang'e-7 will carry
    instruments from X": the mission is the subject of the verb that governs X)."""
    doc = sentence.parse
    if doc is None:
        return None
    # "Chang'e-6 carried ICUBE-Q, a cubesat built by X": the clause hangs on a noun that
    # the verb above carries; "flew payloads, including a detector from X": a participle
    # standing for a preposition hangs on one too
    first = clause_verb(doc, group.start, group.end)
    for token in _clauses_up(doc, first, (*_HANGING, "prep")):
        verb = token.i
        kinds = {
            m.key: m.kind
            for m in sentence.mentions
            if not m.nested
            and m.kind in (EntityKind.MISSION, EntityKind.SPACECRAFT)
            and core_argument(doc, m.start - sentence.start, m.end - sentence.start, verb)
            and not _owned(sentence, m.start - sentence.start)
        }
        kinds = {k: v for k, v in kinds.items() if k not in listed_missions(sentence)}
        if len(kinds) > 1:  # a mission and its instrument: the mission carries it
            names = {m.key: m.text for m in sentence.mentions}
            kinds = {k: v for k, v in kinds.items() if not INSTRUMENT_NAME.search(names[k])}
        if len(kinds) > 1:  # a mission and its part or payload: the mission frames them
            kinds = {k: v for k, v in kinds.items() if v is EntityKind.MISSION}
        if kinds:
            return next(iter(kinds)) if len(kinds) == 1 else None
    return None


_HANGING = ("acl", "relcl")


def _clauses_up(
    doc: Doc, verb: int | None, through: tuple[str, ...], most: int = 12
) -> Iterator[Token]:
    """The verb (by index) and the verbs above it, climbing from a clause that hangs on a
    noun (``through``) to the clause of that noun."""
    for _ in range(most):
        if verb is None:
            return
        token = doc[verb]
        yield token
        if token.dep_ not in through:
            return
        verb = clause_verb(doc, token.head.idx, token.head.idx + len(token.head))


def _owned(sentence: Sentence, start: int) -> bool:
    """ "Russia's LUNA-Resource-1": a partner's own mission, not a shared one (China's own
    is the one the partner's payload flies on: "China's Chang'e-7 mission")."""
    owner = re.search(r"(\w+)(?:'s|\u2019s)\s+$", sentence.text[:start])
    return owner is not None and owner.group(1) not in ("China", "CNSA")


def _class_carrier(sentence: Sentence, verb: int | None) -> str | None:
    """The mission that carries the class of things the partner's clause, or the clause
    its noun is the subject of, puts the partner's work among."""
    doc = sentence.parse
    if doc is None:
        return None
    for token in _clauses_up(doc, verb, _HANGING, most=4):
        carrier = _carrier_of_the_class(sentence, token)
        if carrier is not None:
            return carrier
    return None


def _carrier_of_the_class(sentence: Sentence, verb) -> str | None:
    """ "A camera built by X is among the payloads that Chang'e-7 will carry": being one
    of a class of things a mission carries is flying on that mission. The one mission
    named in the clause on the class, however the parser hung it there."""
    if verb.lemma_.lower() != "be":
        return None
    clauses_on = [
        clause
        for noun in objects_of(verb, ("among", "of"))
        for clause in noun.children
        if clause.dep_ in ("relcl", "acl") and clause.lemma_.lower() in CARRYING
    ]
    keys = {
        m.key
        for clause in clauses_on
        for m in sentence.mentions
        if not m.nested
        and m.kind in (EntityKind.MISSION, EntityKind.SPACECRAFT)
        and any(
            child.idx <= m.start - sentence.start < child.idx + len(child)
            for child in clause.children
            if child.dep_ in ("nsubj", "nsubjpass", "advcl", "npadvmod", "dobj")
        )
    }
    return keys.pop() if len(keys) == 1 else None
