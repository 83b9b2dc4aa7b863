"""Launches of crafts a sentence describes without naming them, by whose they are: "three
Kenyan satellites rode Chinese rockets into orbit", "a Long March 6 carried two Omani
cubesats to orbit". The words of launching are those of ``graph.craft_triggers`` other
than "launch" itself (whose unnamed objects ``graph.relations_spacecraft`` reads); the
partner is the country or body an adjective or a possessive on the craft noun names."""

from __future__ import annotations

from graph.craft_triggers import activity_of, triggers
from graph.grammar import Group
from graph.launch_context import chinese_launch
from graph.model import EntityKind
from graph.negation import verb_denied
from graph.reading import Sentence
from graph.spacecraft_named import RIDING
from graph.spacecraft_partners import CRAFT_NOUNS

# (activity, description, partner key, local offset of the verb)
Unnamed = tuple[str, str, str, int]


def unnamed_launches(sentence: Sentence, groups: list[Group]) -> list[Unnamed]:
    """Every launch of an unnamed craft of a partner's the sentence's parse states."""
    doc = sentence.parse
    if doc is None or any(
        not m.nested and m.kind in (EntityKind.SPACECRAFT, EntityKind.MISSION)
        for m in sentence.mentions
    ):
        return []  # a sentence naming a craft tells of it ("two Saudi satellites, A and B")
    out: list[Unnamed] = []
    for verb in triggers(doc, chinese_launch(sentence)):
        lemma = verb.lemma_.lower()
        if lemma == "launch" or activity_of(verb) != "launched":
            continue
        if verb_denied(sentence, verb):
            continue
        roles = ("dobj", "nsubjpass") + (("nsubj",) if lemma in RIDING else ())
        for noun in (c for c in verb.children if c.dep_ in roles):
            if noun.lemma_.lower() not in CRAFT_NOUNS:
                continue
            left, end = noun.left_edge.idx, noun.idx + len(noun)
            description = doc.text[left:end]
            for g in groups:
                if g.role in ("modifier", "owner", "from") and left <= g.start and g.end <= end:
                    out += [("launched", description, k, verb.idx) for k in g.keys]
    return out
