"""Ground stations built with or for another country."""

from __future__ import annotations

from collections.abc import Mapping

from rdflib import URIRef
from rdflib.term import Node

from graph import relations_ground_station
from graph.families.base import Family, Reading, name, ref
from graph.model import Entity, GroundStation
from graph.reading import Sentence
from graph.vocab import CSK, en


def properties(fact: GroundStation, entities: Mapping[str, Entity]) -> list[tuple[URIRef, Node]]:
    out: list[tuple[URIRef, Node]] = [(CSK.partner, ref(fact.partner, entities))]
    if fact.location:
        out.append((CSK.location, en(fact.location)))
    if fact.purpose:
        out.append((CSK.purpose, en(fact.purpose)))
    return out


def label(fact: GroundStation, entities: Mapping[str, Entity]) -> str:
    return f"Ground station with {name(fact.partner, entities)}"


def read(sentence: Sentence, reading: Reading) -> list:
    """The facts of this family one sentence states."""
    return relations_ground_station.extract(sentence, reading.groups, reading.gazetteer)


FAMILY = Family(
    name="ground-station",
    fact_type=GroundStation,
    rdf_class=CSK.GroundStationCooperation,
    properties=properties,
    label=label,
    entity_fields=("partner",),
    read=read,
    method="ground-station-phrase",
)
