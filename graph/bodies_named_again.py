"""A body named again by its country's adjective and a common noun: "the Ecuadorian
agency" after "the Ecuadorian Civilian Space Agency" is that agency, not Ecuador. Used by
``graph.partner_lists``: the partner is the body the document named before, when it
named exactly one of that country's bodies with that noun."""

from __future__ import annotations

import re
from dataclasses import replace

from graph.gazetteer import Gazetteer
from graph.grammar import Group
from graph.model import EntityKind
from graph.reading import Sentence

_BODY_NOUN = re.compile(
    r"\s+(?:space\s+|national\s+)?(agency|institute|commission|administration|company|"
    r"operator|centre|center|organi[sz]ation|office|council|ministry|university)\b",
    re.IGNORECASE,
)
_LOOKBACK = 40  # sentences: a body named again is named within a few paragraphs


def named_again(sentence: Sentence, group: Group, gazetteer: Gazetteer) -> Group:
    """``group``, or the body it names again ("for the Ecuadorian agency")."""
    if not group.adjectival or len(group.keys) != 1:
        return group
    noun = _BODY_NOUN.match(sentence.text, group.end)
    if noun is None:
        return group
    demonym = sentence.text[group.start : group.end].lower()
    head = noun.group(1).lower()
    bodies: set[str] = set()
    earlier, seen = sentence.previous, 0
    while earlier is not None and seen < _LOOKBACK:
        for m in earlier.mentions:
            if m.nested or m.kind is not EntityKind.ORGANISATION:
                continue
            label = gazetteer.entities[m.key].label.lower()
            if label.startswith(f"{demonym} ") and head[:5] in label:
                bodies.add(m.key)
        earlier, seen = earlier.previous, seen + 1
    if len(bodies) != 1:
        return group
    return replace(group, keys=(bodies.pop(),), end=noun.end(), adjectival=False)
