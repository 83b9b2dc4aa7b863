"""Work between two other parties: "Bahrain's first satellite, a CubeSat built with Khalifa
University", "Senegal, whose satellite was built with a French university". A sentence
that names no Chinese side (China, a Chinese body, a mission, a curated spacecraft) and
sets the partner beside another foreign party who acts or owns is about their work, not
China's cooperation. Used by ``graph.relations_cooperation``."""

from __future__ import annotations

from graph.chinese_side import names_chinese_side
from graph.gazetteer import Gazetteer
from graph.grammar import Group, owns_named_body
from graph.model import EntityKind
from graph.reading import Sentence

# roles in which another party does or owns the work: acting or owning it; and, beside
# a partner who does so itself, working with it
_ACTING = frozenset({"owner", "agent"})
_ALONGSIDE = frozenset({"with", "by"})


def chinese_side_named(sentence: Sentence, gazetteer: Gazetteer) -> bool:
    """Whether the sentence names China, a Chinese body, a mission or one of the
    spacecraft of the reference data (China's, or joint: "Einstein Probe", "SMILE")."""
    return names_chinese_side(sentence, gazetteer) or any(
        _curated_craft(gazetteer, m.key) for m in sentence.mentions
    )


def _curated_craft(gazetteer: Gazetteer, key: str) -> bool:
    """A mission (curated or found: "the Tianwen-3 mission"), or a curated spacecraft; a
    satellite only the text names may be anyone's ("Light-1, a CubeSat")."""
    entity = gazetteer.entities.get(key)
    return entity is not None and (
        entity.kind is EntityKind.MISSION
        or (entity.kind is EntityKind.SPACECRAFT and not entity.discovered)
    )


def between_others(
    sentence: Sentence, groups: list[Group], group: Group, gazetteer: Gazetteer
) -> bool:
    """Whether ``group``'s partners work with another foreign party and no Chinese side
    is named (a list item's label is the partner itself, not another party)."""
    if group.role == "item":
        return False  # "- France: IRFU built ...": the line's label and its body are one
    others = {
        key
        for g in groups
        if g is not group
        and (g.role in _ACTING or (group.role in _ACTING and g.role in _ALONGSIDE))
        # "Italy's National Institute ...": the country whose body acts is no other party
        and not (g.role == "owner" and owns_named_body(sentence, g))
        for key in g.keys
        if key not in group.keys
    }
    return bool(others) and not chinese_side_named(sentence, gazetteer)
