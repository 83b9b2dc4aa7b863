"""Joint developments a craft's wording tells of: "X-Sat, jointly developed by China and
Y" (the passive's second agent), and a craft whose own name opens with "Sino-" or
"China-" in a sentence about cooperation ("the China-Brazil Earth Resources Satellite"),
developed with the partners its name holds."""

from __future__ import annotations

import re

from graph.gazetteer import Gazetteer
from graph.grammar import Group
from graph.model import EntityKind
from graph.reading import Sentence
from graph.relations_cooperation import has_cue
from graph.spacecraft_partners import named_in

# (activity, craft key, partner key, local offset, method)
Joint = tuple[str, str, str, int, str]

_BY_CHINA_AND = re.compile(r"\s+(?:jointly\s+|co-)developed\s+by\s+China\s+and\s+(?:the\s+)?")
_JOINT_NAME = re.compile(r"(?:Sino|China)-", re.IGNORECASE)


def joint_developments(
    sentence: Sentence, groups: list[Group], gazetteer: Gazetteer
) -> list[Joint]:
    """The crafts the sentence says were developed by China and a partner, by a passive
    or by the craft's own name."""
    out: list[Joint] = []
    for p in _BY_CHINA_AND.finditer(sentence.text):
        before = [
            f for f in sentence.mentions if not f.nested and f.end - sentence.start == p.start()
        ]
        after = [g for g in groups if g.start == p.end()]
        if before and after and before[0].kind is EntityKind.SPACECRAFT:
            out += [
                ("jointly-developed", before[0].key, k, p.start(), "spacecraft-trigger")
                for k in after[0].keys
            ]
    if has_cue(sentence):
        for f in sentence.mentions:
            if f.nested or f.kind is not EntityKind.SPACECRAFT or not _JOINT_NAME.match(f.text):
                continue
            at = f.start - sentence.start
            out += [
                ("jointly-developed", f.key, k, at, "spacecraft-name")
                for k in named_in(sentence, f, gazetteer)
            ]
    return out
