"""The fact-family registry: one module per family, and nothing matched on types elsewhere."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import RDFS

from graph import curation, families, rdf
from graph.config import Paths
from graph.methods import METHODS
from graph.model import (
    FACT_TYPES,
    Agreement,
    Cooperation,
    CooperationTotal,
    Entity,
    EntityKind,
    GroundStation,
    Participation,
    SpacecraftActivity,
)
from graph.validate import load_ontology
from graph.vocab import CSK

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = load_ontology(Paths.defaults(ROOT).ontology_files())

ENTITIES = {
    e.key: e
    for e in (
        Entity("china", EntityKind.COUNTRY, "China", iso2="CN"),
        Entity("sweden", EntityKind.COUNTRY, "Sweden", iso2="SE"),
        Entity("esa", EntityKind.ORGANISATION, "European Space Agency"),
        Entity("change-4", EntityKind.MISSION, "Chang'e-4"),
        Entity("queqiao", EntityKind.SPACECRAFT, "Queqiao"),
    )
}
# One fact of each family, with the entity keys it names.
SAMPLES = [
    (Cooperation(partner="sweden", area="payloads", mission="change-4"), {"sweden", "change-4"}),
    (Cooperation(partner="sweden", area="payloads"), {"sweden"}),
    (Agreement(parties=("china", "esa"), agreement_kind="outline"), {"china", "esa"}),
    (
        SpacecraftActivity(activity="launched", partner="sweden", spacecraft="queqiao"),
        {"sweden", "queqiao"},
    ),
    (SpacecraftActivity(activity="built", partner="sweden", description="satellite"), {"sweden"}),
    (Participation(organisation="esa", role="member"), {"esa"}),
    (GroundStation(partner="sweden", purpose="data receiving"), {"sweden"}),
    (CooperationTotal(quantity=4, counted="partners", measure="partners"), set()),
]


def test_every_fact_type_has_exactly_one_family() -> None:
    assert sorted(f.fact_type.__name__ for f in families.FAMILIES) == sorted(
        t.__name__ for t in FACT_TYPES
    )
    assert len({f.name for f in families.FAMILIES}) == len(families.FAMILIES)
    assert len({f.rdf_class for f in families.FAMILIES}) == len(families.FAMILIES)


@pytest.mark.parametrize("family", families.FAMILIES, ids=lambda f: f.name)
def test_lookups_find_the_family(family: families.Family) -> None:
    assert families.by_name(family.name) is family
    assert families.of(family.fact_type) is family


def test_unknown_names_and_types_are_key_errors() -> None:
    with pytest.raises(KeyError):
        families.by_name("launch")
    with pytest.raises(KeyError):
        families.of(object)  # type: ignore[arg-type]


@pytest.mark.parametrize("family", families.FAMILIES, ids=lambda f: f.name)
def test_family_declares_what_the_pipeline_needs(family: families.Family) -> None:
    fields = {f.name for f in dataclasses.fields(family.fact_type)}
    assert set(family.entity_fields) <= fields, "entity fields must be fields of the fact"
    assert callable(family.read), "a family reads sentences"
    assert family.method in METHODS, "a family's facts say how they were found"
    assert (URIRef(family.rdf_class), RDFS.subClassOf, CSK.Fact) in ONTOLOGY
    assert ONTOLOGY.value(family.rdf_class, RDFS.label) is not None


def test_curation_types_are_the_family_names() -> None:
    assert list(curation.FACT_TYPES) == [f.name for f in families.FAMILIES]
    assert all(curation.FACT_TYPES[f.name] is f.fact_type for f in families.FAMILIES)


@pytest.mark.parametrize(("fact", "keys"), SAMPLES, ids=lambda x: type(x).__name__)
def test_referenced_lists_the_entities_a_fact_names(fact, keys) -> None:
    assert families.of(fact).referenced(fact) == keys


@pytest.mark.parametrize(("fact", "keys"), SAMPLES, ids=lambda x: type(x).__name__)
def test_rdf_mapping_names_exactly_the_referenced_entities(fact, keys) -> None:
    family = families.of(fact)
    objects = {o for _p, o in family.properties(fact, ENTITIES) if isinstance(o, URIRef)}
    entity_iris = {o for o in objects if "/id/" in o and "/area/" not in o}
    entity_iris = {o for o in entity_iris if o.split("/id/")[1].split("/")[0] in _SEGMENTS}
    assert {o.rsplit("/", 1)[1] for o in entity_iris} == keys
    assert rdf.fact_properties(fact, ENTITIES) == family.properties(fact, ENTITIES)
    assert rdf.fact_label(fact, ENTITIES) == family.label(fact, ENTITIES)
    assert rdf.FACT_CLASS[type(fact)] == family.rdf_class


_SEGMENTS = {"country", "organisation", "mission", "spacecraft"}


def test_labels_read_as_before() -> None:
    """The labels moved from graph/rdf.py unchanged: saved queries and pages show them."""
    labels = [families.of(f).label(f, ENTITIES) for f, _ in SAMPLES]
    assert labels == [
        "Cooperation with Sweden: payloads on Chang'e-4",
        "Cooperation with Sweden: payloads",
        "Outline: China, European Space Agency",
        "Queqiao launched with/for Sweden",
        "satellite built with/for Sweden",
        "China in European Space Agency",
        "Ground station with Sweden",
        "4 partners",
    ]
