"""Whom a causative "have" says the work was done for: "Peru had its satellite launched by
China", "the agency will have its first two satellites built in China". The subject of
"have" is the one the craft was made or launched for; the participle after the craft
names the work, and whoever did it ("by China") is the doer, not the partner. Used by
``graph.spacecraft_syntax``."""

from __future__ import annotations

from spacy.tokens import Token

from graph.gazetteer import Gazetteer
from graph.grammar import Group
from graph.model import EntityKind

_PARTNER_ROLES = ("subject", "agent", "anaphora", "modifier", "item", "owner")
_PARTNERS = (EntityKind.COUNTRY, EntityKind.ORGANISATION)


def _causative_have(verb: Token) -> Token | None:
    """The "have" whose object's state the participle ``verb`` tells, if any: the parser
    hangs the participle on the craft ("had [its X] launched": acl) or on "have" itself
    ("had [X satellites] built": ccomp, xcomp, oprd)."""
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "built and launched": the first participle's place
    if first.tag_ != "VBN":
        return None
    head = first.head
    if first.dep_ == "acl" and head.dep_ == "dobj":
        head = head.head
    elif first.dep_ not in ("ccomp", "xcomp", "oprd"):
        return None
    if head.lemma_.lower() != "have" or head.i == first.i:
        return None
    return head if any(c.dep_ == "nsubj" for c in head.children) else None


def had_done_for(verb: Token, groups: list[Group], gazetteer: Gazetteer) -> list[str]:
    """The partners among the subject of a causative "have" over ``verb``; none when
    there is no such "have"."""
    have = _causative_have(verb)
    if have is None:
        return []
    keys: list[str] = []
    for subject in (c for c in have.children if c.dep_ == "nsubj"):
        left = subject.left_edge.idx
        right = subject.right_edge.idx + len(subject.right_edge)
        keys += [
            k
            for g in groups
            if g.role in _PARTNER_ROLES and left <= g.start < right
            for k in g.keys
            if k not in gazetteer.domestic and gazetteer.kind(k) in _PARTNERS
        ]
    return list(dict.fromkeys(keys))
