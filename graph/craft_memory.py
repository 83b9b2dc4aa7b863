"""A craft keeps its partner through the sentences that follow: "Uruguay's AUIE and CNSA
will jointly develop UruSat-1. ... China will launch UruSat-1 on a Long March 6 rocket
in 2034." A launch by China of a craft the text has already tied to a partner, in a
sentence that names no partner of its own for it, is a launch for that partner.
"""

from __future__ import annotations

import re

from graph.craft_phrases import CHINESE_LAUNCH
from graph.grammar import status_at
from graph.model import EntityKind, SpacecraftActivity
from graph.negation import negated
from graph.reading import Sentence

_LAUNCH = re.compile(r"\blaunch(?:ed|es|ing)?\b|\blifted\s+off\b|\blofted\b", re.IGNORECASE)
# China's own launch: "China will launch X", "China launched X"
_CHINA_LAUNCHES = re.compile(r"\bChina\s+(?:\w+\s+){0,3}?launch(?:ed|es)?\b")


def remembered_launches(
    sentence: Sentence, found: list[SpacecraftActivity]
) -> list[SpacecraftActivity]:
    """Launches of crafts whose partner an earlier sentence gave; remembers the partners
    of this sentence's crafts for the sentences after it."""
    before = sentence.previous.notes.get("craft_partners") if sentence.previous else None
    memory: dict[str, str] = before or {}  # type: ignore[assignment]
    added = {}
    for fact in found:
        if fact.spacecraft and fact.spacecraft not in memory:
            added.setdefault(fact.spacecraft, fact.partner)
    if added:  # a new dict only when this sentence ties a new craft: sentences share it
        memory = {**memory, **added}
    sentence.notes["craft_partners"] = memory
    text = sentence.text
    launch = _LAUNCH.search(text)
    if launch is None or not (CHINESE_LAUNCH.search(text) or _CHINA_LAUNCHES.search(text)):
        return []
    if negated(sentence, launch.end()):
        return []
    others = sentence.notes.get("made_by_others", set())
    named = {f.spacecraft for f in found}
    out = []
    for m in sentence.mentions:
        if m.nested or m.kind is not EntityKind.SPACECRAFT or m.key not in memory:
            continue
        if m.key in named or m.key in others:  # type: ignore[operator]
            continue
        at = m.start - sentence.start
        out.append(
            SpacecraftActivity(
                evidence=(sentence.evidence(at),),
                status=status_at(sentence, max(at, launch.start())),
                activity="launched",
                partner=memory[m.key],
                spacecraft=m.key,
                method="spacecraft-trigger",
            )
        )
    return out
