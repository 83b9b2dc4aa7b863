"""Partners that join after another: "Peru joined the International Lunar Research
Station in 2031. Chile and Bolivia followed in 2032. Uruguay signed up in 2033." A
sentence whose partners join, follow or sign up without naming what they join takes the
mission (and its area) that a partner of the sentence before joined.
"""

from __future__ import annotations

from graph.gazetteer import CHINA, Gazetteer
from graph.grammar import Group, status_at
from graph.model import Cooperation, EntityKind
from graph.negation import negated
from graph.reading import Sentence

_JOINING = frozenset({"join", "follow", "accede"})
_MISSION_KINDS = (EntityKind.MISSION, EntityKind.SPACECRAFT)


def remember_joined(sentence: Sentence, groups: list[Group], facts: list[Cooperation]) -> None:
    """Note the mission a partner of the sentence joined, for the sentences after it."""
    joiners = {k for g in groups if g.governor in _JOINING for k in g.keys}
    for fact in facts:
        if fact.mission and fact.partner in joiners:
            sentence.notes["joined"] = (fact.mission, fact.area)
            return


def joined_after(
    sentence: Sentence, groups: list[Group], gazetteer: Gazetteer, found: set[str]
) -> list[Cooperation]:
    """Cooperation of the partners that join what the sentence before says was joined
    (``found``: partners the sentence's other readings already gave)."""
    before = sentence.previous
    joined = before.notes.get("joined") if before is not None else None
    if joined is None or any(m.kind in _MISSION_KINDS for m in sentence.mentions):
        return []
    mission, area = joined  # type: ignore[misc]
    out = []
    for group in groups:
        if group.role not in ("agent", "subject") or group.governor not in _JOINING:
            continue
        if negated(sentence, group.end + 12):
            continue  # "Chile has not followed"
        out += [
            Cooperation(
                evidence=(sentence.evidence(group.start),),
                status=status_at(sentence, group.end),
                partner=key,
                area=area,
                mission=mission,
                method="cooperation-anaphora",
            )
            for key in group.keys
            if key not in found and key != CHINA and key not in gazetteer.domestic
        ]
    if out:
        sentence.notes["joined"] = joined  # "... followed in 2032. Uruguay signed up."
    return out
