"""Cooperation totals: a number a document states, e.g. "136 space cooperation documents"."""

from __future__ import annotations

from collections.abc import Mapping

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from graph import partitive_totals, relations_totals
from graph.families.base import Family, Reading
from graph.model import CooperationTotal, Entity
from graph.reading import Sentence
from graph.vocab import CSK, date_literal, en


def properties(fact: CooperationTotal, entities: Mapping[str, Entity]) -> list[tuple[URIRef, Node]]:
    out: list[tuple[URIRef, Node]] = [
        (CSK.quantity, Literal(fact.quantity, datatype=XSD.integer)),
        (CSK.countedItem, en(fact.counted)),
        (CSK.measure, Literal(fact.measure)),
    ]
    if fact.as_of:
        out.append((CSK.asOf, date_literal(fact.as_of)))
    return out


def label(fact: CooperationTotal, entities: Mapping[str, Entity]) -> str:
    return f"{fact.quantity} {fact.counted}"


def read(sentence: Sentence, reading: Reading) -> list:
    """The facts of this family one sentence states."""
    return [*relations_totals.extract(sentence), *partitive_totals.extract(sentence)]


FAMILY = Family(
    name="cooperation-total",
    fact_type=CooperationTotal,
    rdf_class=CSK.CooperationTotal,
    properties=properties,
    label=label,
    entity_fields=(),
    read=read,
    method="numeric-total",
)
