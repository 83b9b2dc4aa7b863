"""What a partner joins when its sentence names nothing to join: the mission the
document's title or heading names ("Explainer: what is the ILRS?" over "Serbia and
Kazakhstan signed on last year", "Fiji joined the project in 2031")."""

from __future__ import annotations

from graph.grammar import Group
from graph.model import EntityKind
from graph.parsing import clause_verb
from graph.reading import Sentence

# what one joins when it is the mission the document is about: "joined the project"
_GENERIC_JOINED = frozenset(
    {"project", "programme", "program", "station", "initiative", "mission", "effort", "base"}
)


def joins_the_documents_mission(sentence: Sentence, group: Group) -> bool:
    """Whether the partner joins, with no object or a generic one ("joined last year",
    "joined the project"), in a sentence naming no mission, under a title or heading that
    names one: it joins that mission."""
    if sentence.title_mission is None and sentence.section_mission is None:
        return False
    crafts = (EntityKind.MISSION, EntityKind.SPACECRAFT)
    before = sentence.previous.mentions if sentence.previous is not None else []
    if any(m.kind in crafts for m in [*sentence.mentions, *before]):
        return False  # (one the sentence before names is the one joined: "followed")
    doc = sentence.parse
    verb_at = None if doc is None else clause_verb(doc, group.start, group.end)
    if verb_at is None:
        return False
    objects = [c for c in doc[verb_at].children if c.dep_ in ("dobj", "attr")]
    return all(o.lemma_.lower() in _GENERIC_JOINED for o in objects)
