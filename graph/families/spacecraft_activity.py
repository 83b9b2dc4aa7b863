"""Spacecraft activities: China built, delivered, launched or jointly developed a
spacecraft for or with a partner."""

from __future__ import annotations

from collections.abc import Mapping

from rdflib import URIRef
from rdflib.term import Node

from graph import relations_spacecraft
from graph.craft_memory import remembered_launches
from graph.families.base import Family, Reading, name, ref
from graph.model import Entity, SpacecraftActivity
from graph.pair_anaphora import with_pair
from graph.reading import Sentence
from graph.vocab import CSK, concept_iri, en


def properties(
    fact: SpacecraftActivity, entities: Mapping[str, Entity]
) -> list[tuple[URIRef, Node]]:
    out: list[tuple[URIRef, Node]] = [
        (CSK.activity, URIRef(concept_iri("activity", fact.activity))),
        (CSK.partner, ref(fact.partner, entities)),
    ]
    if fact.spacecraft:
        out.append((CSK.spacecraft, ref(fact.spacecraft, entities)))
    if fact.description:
        out.append((CSK.description, en(fact.description)))
    return out


def label(fact: SpacecraftActivity, entities: Mapping[str, Entity]) -> str:
    what = (
        name(fact.spacecraft, entities) if fact.spacecraft else (fact.description or "spacecraft")
    )
    return f"{what} {fact.activity.replace('-', ' ')} with/for {name(fact.partner, entities)}"


def read(sentence: Sentence, reading: Reading) -> list:
    """The facts of this family one sentence states, and the launches of crafts an
    earlier sentence tied to a partner."""
    # "CNSA and X said ... by the two agencies": the pair the sentence names
    groups = with_pair(sentence, reading.groups, reading.gazetteer.domestic)
    found = relations_spacecraft.extract(sentence, groups, reading.gazetteer)
    return found + remembered_launches(sentence, found, groups)


FAMILY = Family(
    name="spacecraft-activity",
    fact_type=SpacecraftActivity,
    rdf_class=CSK.SpacecraftActivity,
    properties=properties,
    label=label,
    entity_fields=("partner", "spacecraft"),
    read=read,
    method="spacecraft-trigger",
)
