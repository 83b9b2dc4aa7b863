"""Partners that join after another: "Peru joined the International Lunar Research
Station in 2031. Chile and Bolivia followed in 2032. Uruguay signed up in 2033." A
sentence whose partners join, follow or sign up without naming what they join takes the
mission (and its area) that a partner of the sentence before joined.
"""

from __future__ import annotations

import re

from graph.gazetteer import CHINA, Gazetteer
from graph.grammar import Group, status_at
from graph.line_kinds import BULLET
from graph.model import Cooperation, EntityKind
from graph.negation import negated
from graph.reading import Sentence

_JOINING = frozenset({"join", "follow", "accede"})
_MISSION_KINDS = (EntityKind.MISSION, EntityKind.SPACECRAFT)
_JOINED_UNNAMED = re.compile(
    r"\b(?:countries|states|nations|partners|members|following)\s+(?:\w+\s+){0,2}?"
    r"(?:have|has|had)\s+(?:since\s+|also\s+|now\s+)?(?:joined|signed\s+(?:up|on))"
    # "... have joined the programme:", the list of who did under it
    r"(?:\s+(?:it|the\s+(?:programme|program|project|station|initiative|mission)))?\s*[.;,:]"
)
# a list's line that opens on the partners it names: "- Kenya and Ghana, by memoranda ..."
_AFTER_MARK = re.compile(r"(?:the\s+)?")


def remember_joined(
    sentence: Sentence, groups: list[Group], facts: list[Cooperation], gazetteer: Gazetteer
) -> None:
    """Note the mission a partner of the sentence joined, for the sentences after it."""
    joiners = {k for g in groups if g.governor in _JOINING for k in g.keys}
    for fact in facts:
        if fact.mission and fact.partner in joiners:
            sentence.notes["joined"] = (fact.mission, fact.area)
            return
    # "Besides its founders, more than a dozen countries have joined." under a title
    # naming the one mission they joined
    mission = sentence.title_mission or sentence.section_mission
    unnamed = not any(m.kind in _MISSION_KINDS for m in sentence.mentions)
    if mission is not None and unnamed and _JOINED_UNNAMED.search(sentence.text):
        sentence.notes["joined"] = (mission, gazetteer.default_areas.get(mission))


def _joins(sentence: Sentence, group: Group) -> bool:
    """Whether the partners join as those before did: they join, follow or sign up ("Chile
    followed in 2032"), come first or follow in a line ("X was the first, followed by A
    and B"), do so too ("So did APSCO"), or open a line of the list of those who joined."""
    if group.role in ("agent", "subject") and group.governor in _JOINING:
        return True
    if group.role == "by" and group.governor == "follow":
        return True
    if group.role in ("item", "other") and _line_opening(sentence.text[: group.start]):
        return True  # a line of the list under "the following partners have joined:"
    after = sentence.text[group.end : group.end + 20]
    if group.role == "agent" and group.governor == "be" and _FIRST.match(after):
        return True
    return (
        group.role == "agent"
        and group.governor == "do"
        and _SO_DID.search(sentence.text[: group.start]) is not None
    )


_FIRST = re.compile(r"\s+was\s+the\s+first\b")
_SO_DID = re.compile(r"^\W*(?:[Ss]o|[Aa]s)\s+(?:did|has|have|had|does)\s+(?:the\s+)?$")


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
        if not _joins(sentence, group):
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


def _line_opening(before: str) -> bool:
    """Whether the words before a partner list are only a list item's mark (and "the")."""
    line = before.lstrip()
    mark = BULLET.match(line)
    return mark is not None and _AFTER_MARK.fullmatch(line[mark.end() :]) is not None
