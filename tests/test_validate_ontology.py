"""The ontology implements the vocabulary contract, declares every term the RDF mapping
emits, and what ``graph.rdf`` makes of each kind of fact conforms to the shapes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from cli.validate import validate_data
from graph import families, rdf
from graph.config import Paths
from graph.corpus import read_corpus
from graph.model import (
    Agreement,
    Cooperation,
    CooperationTotal,
    Entity,
    EntityKind,
    Evidence,
    Extraction,
    GroundStation,
    Participation,
    SpacecraftActivity,
    Status,
)
from graph.validate import load_ontology, load_shapes, union_graph
from graph.vocab import CSK

ROOT = Path(__file__).resolve().parent.parent
PATHS = Paths.defaults(ROOT)
ONTOLOGY = load_ontology(PATHS.ontology_files())
ORG = Namespace("http://www.w3.org/ns/org#")
SDO = Namespace("https://schema.org/")

# The contract (design/ontology-contract.md): these names exist and keep their meaning.
CONTRACT_CLASSES = [
    "Mission",
    "Spacecraft",
    "Agreement",
    "Country",
    "Organisation",
    "Cooperation",
    "SourceDocument",
]
CONTRACT_PROPERTIES = [
    "iso3166Alpha2",
    "partner",
    "area",
    "mission",
    "party",
    "signedOn",
    "validFrom",
    "validUntil",
    "partOf",
    "evidence",
]
CONTRACT_AREAS = [
    "payloads",
    "engineering technology",
    "TT&C",
    "launch services",
    "in-orbit delivery",
    "satellite development",
    "data exchange",
    "space science",
    "satellite navigation",
    "earth observation applications",
    "training and education",
]


def english(graph: Graph, node: URIRef, predicate: URIRef) -> list[Literal]:
    return [o for o in graph.objects(node, predicate) if getattr(o, "language", None) == "en"]


@pytest.mark.parametrize("name", CONTRACT_CLASSES)
def test_contract_classes_are_documented_owl_classes(name: str) -> None:
    term = CSK[name]
    assert (term, RDF.type, OWL.Class) in ONTOLOGY
    assert len(english(ONTOLOGY, term, RDFS.label)) == 1
    assert english(ONTOLOGY, term, RDFS.comment)


@pytest.mark.parametrize("name", CONTRACT_PROPERTIES)
def test_contract_properties_have_domain_range_label_comment(name: str) -> None:
    term = CSK[name]
    kinds = set(ONTOLOGY.objects(term, RDF.type))
    assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}
    assert ONTOLOGY.value(term, RDFS.domain) is not None
    assert ONTOLOGY.value(term, RDFS.range) is not None
    assert len(english(ONTOLOGY, term, RDFS.label)) == 1
    assert english(ONTOLOGY, term, RDFS.comment)


def union_members(node: URIRef) -> set[URIRef]:
    members = ONTOLOGY.value(node, OWL.unionOf)
    return set(ONTOLOGY.items(members)) if members is not None else set()


@pytest.mark.parametrize("name", ["partner", "party"])
def test_country_or_organisation_ranges_are_unions(name: str) -> None:
    rng = ONTOLOGY.value(CSK[name], RDFS.range)
    assert union_members(rng) == {CSK.Country, CSK.Organisation}


def test_cooperation_mission_is_a_mission_or_a_spacecraft() -> None:
    assert union_members(ONTOLOGY.value(CSK.mission, RDFS.range)) == {
        CSK.Mission,
        CSK.Spacecraft,
    }


def test_alignment_to_standard_vocabularies() -> None:
    subclass = {(s, o) for s, o in ONTOLOGY.subject_objects(RDFS.subClassOf)}
    assert (CSK.Fact, PROV.Entity) in subclass
    assert (CSK.SourceDocument, PROV.Entity) in subclass
    assert (CSK.Organisation, ORG.Organization) in subclass
    assert (CSK.Organisation, SDO.Organization) in subclass
    assert (CSK.Country, SDO.Country) in subclass
    for fact_class in rdf.FACT_CLASS.values():
        assert (fact_class, CSK.Fact) in subclass, fact_class
    assert (CSK.partOf, RDFS.subPropertyOf, DCTERMS.isPartOf) in ONTOLOGY


def test_ontology_metadata() -> None:
    ontology = next(ONTOLOGY.subjects(RDF.type, OWL.Ontology))
    assert str(ontology) == "https://w3id.org/china-space-kg/ontology"
    for predicate in (
        DCTERMS.title,
        DCTERMS.description,
        DCTERMS.license,
        DCTERMS.creator,
        DCTERMS.issued,
        OWL.versionIRI,
    ):
        assert ONTOLOGY.value(ontology, predicate) is not None, predicate


def test_cooperation_areas_include_the_contracts_areas() -> None:
    labels = {
        str(ONTOLOGY.value(c, SKOS.prefLabel))
        for c in ONTOLOGY.subjects(SKOS.inScheme, CSK.CooperationAreas)
    }
    assert set(CONTRACT_AREAS) <= labels, set(CONTRACT_AREAS) - labels


# --- the RDF mapping against the ontology and the shapes ------------------------------


@pytest.fixture(scope="module")
def every_kind_of_fact() -> tuple[Graph, list]:
    """One fact of each type, every optional field filled, quoting the 2021 white paper."""
    documents = read_corpus(PATHS.corpus)
    text = next(d for d in documents if d.id == "white-paper-2021").text
    quote = "Sweden, Germany, the Netherlands and Saudi Arabia on payloads"
    start = text.index(quote)
    evidence = (Evidence("white-paper-2021", start, start + len(quote), quote),)
    entities = (
        Entity("china", EntityKind.COUNTRY, "China", iso2="CN"),
        Entity("sweden", EntityKind.COUNTRY, "Sweden", ("Kingdom of Sweden",), iso2="SE"),
        Entity(
            "esa",
            EntityKind.ORGANISATION,
            "European Space Agency",
            ("ESA",),
            match_forms=("European",),
            category="space agency",
            comment="An agency.",
        ),
        Entity("change-4", EntityKind.MISSION, "Chang'e-4"),
        Entity("queqiao", EntityKind.SPACECRAFT, "Queqiao", part_of=("change-4",)),
    )
    facts = (
        Cooperation(evidence, partner="sweden", area="payloads", mission="change-4"),
        Agreement(
            evidence,
            Status.PLANNED,
            parties=("china", "sweden"),
            agreement_kind="outline",
            title="Outline of Cooperation 2013-2017",
            signed_on="2013-05-12",
            valid_from=2013,
            valid_until=2017,
            subject="space science",
        ),
        Agreement(
            evidence, parties=("china", "esa"), agreement_kind="letter-of-intent", signed_on="2015"
        ),
        SpacecraftActivity(
            evidence,
            activity="launched",
            partner="sweden",
            spacecraft="queqiao",
            description="relay satellite",
        ),
        Participation(evidence, organisation="esa", role="member"),
        GroundStation(evidence, partner="sweden", location="Kiruna", purpose="data receiving"),
        CooperationTotal(
            evidence,
            quantity=4,
            counted="payload partners",
            measure="payload-partners",
            as_of="2021-12",
        ),
    )
    facts = tuple(replace(f, method=families.of(f).method) for f in facts)  # as extraction
    dataset = rdf.build_dataset(documents, Extraction(facts, entities), PATHS.ontology_files())
    return union_graph(dataset), documents


def test_every_csk_term_the_mapping_emits_is_in_the_ontology(every_kind_of_fact) -> None:
    graph, _ = every_kind_of_fact
    used = {p for p in graph.predicates() if str(p).startswith(str(CSK))}
    used |= {o for o in graph.objects(None, RDF.type) if str(o).startswith(str(CSK))}
    for term in used:
        assert english(ONTOLOGY, term, RDFS.label), f"{term} is emitted but not in ontology.ttl"
        assert english(ONTOLOGY, term, RDFS.comment), f"{term} needs an rdfs:comment"
    assert len(used) >= 35  # every fact type and every optional field was exercised


def test_every_kind_of_fact_conforms_to_the_shapes(every_kind_of_fact) -> None:
    graph, _ = every_kind_of_fact
    report = validate_data(graph, load_shapes(PATHS.shapes), ontology=None, corpus_dir=PATHS.corpus)
    assert report.conforms, [(v.shape, v.focus, v.message) for v in report.violations]
