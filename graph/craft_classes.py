"""Crafts named as members of a class China's side worked on: "Satellites launched by
China for other countries include Venezuela's VRSS-2 (2017), Pakistan's PRSS-1 (2018) and
Ethiopia's ETRSS-1". The class's participle says what was done (launched, built,
delivered) and by whom; each member named with its owner's possessive was done for that
owner. Used by ``graph.relations_spacecraft``."""

from __future__ import annotations

from spacy.tokens import Token

from graph.chinese_side import names_chinese_side
from graph.gazetteer import Gazetteer
from graph.grammar import Group
from graph.model import EntityKind
from graph.reading import Sentence
from graph.spacecraft_partners import CRAFT_NOUNS, owner_of

_MEMBERSHIP = frozenset({"include", "be", "comprise"})
_DONE = {"launch": "launched", "build": "built", "deliver": "delivered", "develop": "built"}


def class_members(
    sentence: Sentence, groups: list[Group], gazetteer: Gazetteer
) -> list[tuple[str, str, str, int]]:
    """(activity, spacecraft, partner, offset) for each owned member of such a class."""
    doc = sentence.parse
    # a member is a spacecraft named at the top level: without one, no verb need be read
    # (most sentences; each verb's lemma is a lookup)
    if doc is None or not any(
        not m.nested and m.kind is EntityKind.SPACECRAFT for m in sentence.mentions
    ):
        return []
    out = []
    for verb in doc:
        if verb.lemma_.lower() not in _MEMBERSHIP:
            continue
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            activity = _done_by_china(sentence, gazetteer, subject)
            if activity is None:
                continue
            for m in sentence.mentions:
                local = m.start - sentence.start
                if m.nested or m.kind is not EntityKind.SPACECRAFT or local <= verb.idx:
                    continue
                for partner in owner_of(sentence, m, groups, appositive=False):
                    out.append((activity, m.key, partner, local))
    return out


def _done_by_china(sentence: Sentence, gazetteer: Gazetteer, subject: Token) -> str | None:
    """What a class of crafts had done to it by China's side ("satellites launched by
    China"), if the class says so."""
    if subject.lemma_.lower() not in CRAFT_NOUNS:
        return None
    for participle in (c for c in subject.children if c.dep_ == "acl"):
        activity = _DONE.get(participle.lemma_.lower())
        agents = [o for a in participle.children if a.dep_ == "agent" for o in a.children]
        if activity and any(
            names_chinese_side(sentence, gazetteer, o.idx, o.idx + len(o.text)) for o in agents
        ):
            return activity
    return None
