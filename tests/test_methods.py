"""How each fact was found (csk:method) and where each entity comes from
(csk:curationStatus), in the ontology and in what graph.rdf writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS

from graph import methods, rdf
from graph.config import Paths
from graph.model import (
    Cooperation,
    Document,
    DocumentMeta,
    Entity,
    EntityKind,
    Evidence,
    Extraction,
)
from graph.validate import load_ontology, load_shapes, union_graph, validate_graph
from graph.vocab import (
    CSK,
    REFERENCE_GRAPH,
    document_graph,
    document_iri,
    entity_iri,
    evidence_iri,
    fact_iri,
    method_iri,
)

ROOT = Path(__file__).resolve().parent.parent
PATHS = Paths.defaults(ROOT)
ONTOLOGY = load_ontology(PATHS.ontology_files())


def test_the_scheme_holds_one_concept_per_method() -> None:
    concepts = set(ONTOLOGY.subjects(SKOS.inScheme, CSK.ExtractionMethods))
    assert concepts == {URIRef(method_iri(name)) for name in methods.METHODS}
    assert (CSK.ExtractionMethods, RDF.type, SKOS.ConceptScheme) in ONTOLOGY


@pytest.mark.parametrize("name", list(methods.METHODS))
def test_each_method_reads_the_same_in_code_and_graph(name: str) -> None:
    concept = URIRef(method_iri(name))
    assert ONTOLOGY.value(concept, SKOS.prefLabel).language == "en"
    assert ONTOLOGY.value(concept, SKOS.notation) == Literal(name)
    definition = ONTOLOGY.value(concept, SKOS.definition)
    assert " ".join(str(definition).split()) == " ".join(methods.METHODS[name].split())


def test_curated_is_a_method_and_wins() -> None:
    assert "curated" in methods.METHODS
    assert methods.preferred("cooperation-syntax", "curated") == "curated"


def test_curation_statuses_are_declared() -> None:
    for status in (CSK.Curated, CSK.Discovered):
        assert (status, SKOS.inScheme, CSK.CurationStatuses) in ONTOLOGY
        assert ONTOLOGY.value(status, SKOS.prefLabel) is not None
    for prop in (CSK.method, CSK.curationStatus):
        assert ONTOLOGY.value(prop, SKOS.prefLabel) is None  # a property, not a concept
        assert (prop, RDF.type, URIRef("http://www.w3.org/2002/07/owl#FunctionalProperty")) in (
            ONTOLOGY
        )


# --- what graph.rdf writes -------------------------------------------------------------

TEXT = "China and Sweden cooperated on Fengyun-3D payloads. The Fengyun-3D satellite flew."
DOC = Document(
    DocumentMeta("doc", "doc.txt", "A document", "Someone", "2021", "news-article"),
    Path("doc.txt"),
    TEXT,
)
SENTENCE = Evidence("doc", 0, 51, TEXT[0:51])
NAMED = Evidence("doc", 31, 41, TEXT[31:41])
SWEDEN = Entity("sweden", EntityKind.COUNTRY, "Sweden", iso2="SE")
ESA = Entity("esa", EntityKind.ORGANISATION, "European Space Agency")
FENGYUN = Entity(
    "fengyun-3d", EntityKind.SPACECRAFT, "Fengyun-3D", discovered=True, evidence=(NAMED,)
)


def build(*facts: Cooperation):
    entities = (SWEDEN, ESA, FENGYUN)
    return rdf.build_dataset([DOC], Extraction(facts, entities), PATHS.ontology_files())


def test_every_fact_has_its_method() -> None:
    fact = Cooperation((SENTENCE,), partner="sweden", area="payloads", method="cooperation-syntax")
    ds = build(fact)
    graph = ds.graph(URIRef(document_graph("doc")))
    assert graph.value(URIRef(fact_iri(fact)), CSK.method) == URIRef(
        method_iri("cooperation-syntax")
    )


def test_a_fact_without_method_gets_none_and_the_shape_reports_it() -> None:
    fact = Cooperation((SENTENCE,), partner="sweden", area="payloads")
    union = union_graph(build(fact))
    assert union.value(URIRef(fact_iri(fact)), CSK.method) is None
    report = validate_graph(union, load_shapes(PATHS.shapes))
    assert {v.shape.rsplit("#", 1)[1] for v in report.violations} == {"FactMethod"}


def test_entities_say_whether_curated_or_discovered() -> None:
    reference = build().graph(REFERENCE_GRAPH)
    esa = URIRef(entity_iri(EntityKind.ORGANISATION, "esa"))
    fengyun = URIRef(entity_iri(EntityKind.SPACECRAFT, "fengyun-3d"))
    sweden = URIRef(entity_iri(EntityKind.COUNTRY, "sweden"))
    assert reference.value(esa, CSK.curationStatus) == CSK.Curated
    assert reference.value(fengyun, CSK.curationStatus) == CSK.Discovered
    assert reference.value(sweden, CSK.curationStatus) is None  # ISO states: neither
    assert reference.value(fengyun, CSK.evidence) is None  # evidence is the document's


def test_a_discovered_entity_has_its_evidence_in_the_document_graph() -> None:
    ds = build()
    graph = ds.graph(URIRef(document_graph("doc")))
    fengyun = URIRef(entity_iri(EntityKind.SPACECRAFT, "fengyun-3d"))
    evidence = URIRef(evidence_iri("doc", 31, 41))
    assert graph.value(fengyun, CSK.evidence) == evidence
    assert graph.value(fengyun, PROV.wasDerivedFrom) == URIRef(document_iri("doc"))
    assert (evidence, RDF.type, URIRef("http://www.w3.org/ns/oa#SpecificResource")) in graph
    assert graph.value(fengyun, CSK.status) is None  # not a fact: no status


def test_a_build_with_methods_and_discovered_entities_conforms() -> None:
    fact = Cooperation(
        (SENTENCE,), partner="sweden", area="payloads", mission="fengyun-3d", method="curated"
    )
    report = validate_graph(union_graph(build(fact)), load_shapes(PATHS.shapes))
    assert report.conforms, [(v.shape, v.focus, v.message) for v in report.violations]
