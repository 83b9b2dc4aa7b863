"""Lettered or bulleted items that name only a field, under a lead-in that says a partner
will cooperate: "The Parties may cooperate in the following areas:" / "(a) space science;"
/ "(b) satellite navigation;". Each item is the lead-in's cooperation in its own area, with
the lead-in's partners and status. The lead-in's partners are remembered when it is read
(``remember_cooperating``)."""

from __future__ import annotations

import re

from graph.area_cues import area_cues
from graph.gazetteer import Gazetteer
from graph.grammar import Group, status_at
from graph.model import Cooperation, Status
from graph.reading import Sentence
from graph.relations_cooperation import has_cue

_MODAL = re.compile(r"\b(?:may|shall|will|would|can)\b", re.IGNORECASE)
_ROLES = frozenset({"subject", "anaphora", "agent", "with"})


def remember_cooperating(sentence: Sentence, groups: list[Group]) -> None:
    """Note the partners of a lead-in that states cooperation ("... areas:")."""
    if sentence.text.rstrip().endswith(":") and has_cue(sentence):
        keys = tuple(dict.fromkeys(k for g in groups if g.role in _ROLES for k in g.keys))
        if keys:
            sentence.notes["cooperating"] = keys


def extract(sentence: Sentence, groups: list[Group], gazetteer: Gazetteer) -> list[Cooperation]:
    """Cooperation in the area an item names, with its lead-in's partners."""
    lead = sentence.lead_in
    if lead is None or groups:
        return []
    partners: tuple[str, ...] = lead.notes.get("cooperating", ())  # type: ignore[assignment]
    areas = [c.area for c in area_cues(sentence, gazetteer)]
    if not partners or not areas:
        return []
    # "The Parties may cooperate in the following areas:": what a text provides for
    # ("the following key areas for future cooperation:": the item's section is planned)
    planned = _MODAL.search(lead.text) or sentence.section_planned
    status = Status.PLANNED if planned else status_at(lead, len(lead.text) - 1)
    return [
        Cooperation(
            evidence=(sentence.evidence(0),),
            status=status,
            partner=p,
            area=area,
            mission=None,
            method="cooperation-list-item",
        )
        for p in partners
        for area in dict.fromkeys(areas)
    ]
