"""Participation: China taking part in an organisation or cooperation mechanism."""

from __future__ import annotations

from collections.abc import Mapping

from rdflib import URIRef
from rdflib.term import Node

from graph import relations_participation
from graph.families.base import Family, Reading, name, ref
from graph.model import Entity, Participation
from graph.reading import Sentence
from graph.vocab import CSK, en


def properties(fact: Participation, entities: Mapping[str, Entity]) -> list[tuple[URIRef, Node]]:
    out: list[tuple[URIRef, Node]] = [(CSK.organisation, ref(fact.organisation, entities))]
    if fact.role:
        out.append((CSK.role, en(fact.role)))
    return out


def label(fact: Participation, entities: Mapping[str, Entity]) -> str:
    return f"China in {name(fact.organisation, entities)}"


def read(sentence: Sentence, reading: Reading) -> list:
    """The facts of this family one sentence states."""
    return relations_participation.extract(sentence, reading.groups, reading.gazetteer)


FAMILY = Family(
    name="participation",
    fact_type=Participation,
    rdf_class=CSK.Participation,
    properties=properties,
    label=label,
    entity_fields=("organisation",),
    read=read,
    method="participation-phrase",
)
