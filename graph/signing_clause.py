"""Whose signing a sentence's document is: the verb of signing the parse ties it to, and
the partners of that verb's own clause. Used by ``graph.agreement_parties``."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from graph.grammar import Group
from graph.parsing import clause_verb, span_root
from graph.reading import Sentence

# verbs by which a document comes into being between its parties
SIGNING = frozenset({"sign", "conclude", "issue", "ink", "initial", "renew", "enter", "exchange"})
# a name right before "signed a/the ..." (after "has", "jointly"): its signer
SIGNS_NEXT = re.compile(
    r"\s+(?:(?:have|has|had|jointly|also|formally)\s+)*(?:signed|inked|concluded)\s+"
    r"(?:an?|the)\b"
)
# "CNSA and the Kenya Space Agency signed a ...": a body and the one beside it that signs
SIGNS_BESIDE = re.compile(
    r"\s+(?:and|&|\+)\s+(?:the\s+)?[A-Z][\w'\u2019.&-]*"
    r"(?:\s+(?:(?:of|for|and|the)\s+)?[A-Z][\w'\u2019.&-]*){0,7}" + SIGNS_NEXT.pattern
)
_CLAUSE_ROLES = frozenset({"subject", "with", "agent"})


def _signing_verb(doc: Doc, noun: tuple[int, int]) -> Token | None:
    """The verb of signing the parse ties the document to: the one it is the object of
    ("X signed *an agreement*") or its relative clause ("an agreement that X and Y
    signed")."""
    token = span_root(doc, *noun)
    if token is None:
        return None
    while token.dep_ in ("compound", "amod") and token.head.i != token.i:
        token = token.head
    if token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_ in SIGNING:
        return token.head
    return next(
        (c for c in token.children if c.dep_ in ("relcl", "acl") and c.lemma_ in SIGNING), None
    )


def _subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def of_its_signing(sentence: Sentence, groups: list[Group], noun: tuple[int, int]) -> list[Group]:
    """The groups without the subjects and "with" partners of another clause's verb, when
    the parse shows who signed: "Serbia signed a document with CNSA, and X followed suit",
    "built with CONAE under an agreement that China and Argentina signed"."""
    doc = sentence.parse
    verb = _signing_verb(doc, noun) if doc is not None else None
    if verb is None:
        return groups
    # verbs sharing its subject ("drafted and signed"), not a clause of their own ("...,
    # and X followed suit")
    verbs = {verb.i} | {
        c.i for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and not _subject(c)
    }
    if verb.dep_ == "conj" and not _subject(verb):
        verbs.add(verb.head.i)

    def elsewhere(g: Group) -> bool:
        if g.role not in _CLAUSE_ROLES:
            return False
        at = clause_verb(doc, g.start, g.end)
        return at is not None and at not in verbs

    kept = [g for g in groups if not elsewhere(g)]
    if not any(g.role in _CLAUSE_ROLES for g in kept):
        return groups  # the parse names no signer of its own: read the sentence as before
    return kept
