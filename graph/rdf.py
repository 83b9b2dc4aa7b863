"""Turn documents, entities and facts into an RDF dataset.

What is particular to each kind of fact (its class, label and own properties) is
declared by its family in ``graph/families/``; this module writes what all facts share.

Layout of the dataset:
- one named graph per source document (``graph/document/<id>``): the document's
  description, every fact it states (with ``prov:wasDerivedFrom`` it) and that
  document's evidence for it. A fact stated by two documents is the same node in both
  graphs, so the union shows it with two sources and two pieces of evidence. An entity
  discovered in the documents (not curated) has its source and the passage where it
  was first named in that document's graph too;
- ``graph/reference``: the entities the facts mention (labels, names, ISO codes, and
  whether each was curated or discovered);
- ``graph/ontology``: the OWL ontology and concept schemes, loaded from ``ontology/``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from graph import families
from graph.model import (
    Document,
    Entity,
    EntityKind,
    Evidence,
    Extraction,
    Fact,
    Status,
)
from graph.vocab import (
    BASE,
    CSK,
    OA,
    ONTOLOGY_GRAPH,
    PREFIXES,
    REFERENCE_GRAPH,
    concept_iri,
    date_literal,
    document_graph,
    document_iri,
    en,
    entity_iri,
    evidence_iri,
    fact_iri,
    method_iri,
)

__all__ = [
    "FACT_CLASS",
    "add_document",
    "add_entity",
    "add_entity_evidence",
    "add_evidence",
    "add_fact",
    "add_ontology",
    "build_dataset",
    "date_literal",
    "en",
    "fact_label",
    "fact_properties",
    "new_dataset",
]

FACT_CLASS = {f.fact_type: f.rdf_class for f in families.FAMILIES}


def new_dataset() -> Dataset:
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    return ds


def build_dataset(
    documents: Iterable[Document],
    extraction: Extraction,
    ontology_files: Iterable[Path] = (),
) -> Dataset:
    """The whole dataset of a build: documents, facts, entities and the ontology."""
    ds = new_dataset()
    docs = list(documents)
    entities = {e.key: e for e in extraction.entities}
    # the passages each document graph describes already: a passage stating several facts
    # is described once (a long document's passages are cited some three times each)
    described: dict[str, set[tuple[str, int, int, str]]] = {}
    for doc in docs:
        add_document(ds.graph(URIRef(document_graph(doc.id))), doc)
    for fact in extraction.facts:
        for doc_id in sorted({ev.doc_id for ev in fact.evidence}):
            graph = ds.graph(URIRef(document_graph(doc_id)))
            add_fact(graph, fact, entities, doc_id, described=described.setdefault(doc_id, set()))
    reference = ds.graph(REFERENCE_GRAPH)
    for entity in extraction.entities:
        add_entity(reference, entity)
        for doc_id in sorted({ev.doc_id for ev in entity.evidence}):
            add_entity_evidence(
                ds.graph(URIRef(document_graph(doc_id))),
                entity,
                doc_id,
                described=described.setdefault(doc_id, set()),
            )
    add_ontology(ds.graph(ONTOLOGY_GRAPH), ontology_files)
    return ds


def add_ontology(ontology: Graph, ontology_files: Iterable[Path]) -> None:
    vocabulary = Graph()
    for path in ontology_files:
        vocabulary.parse(path, format="turtle")
    # Canonical blank-node labels (owl:unionOf lists...) keep the build id the same on
    # every build of the same content.
    for triple in to_canonical_graph(vocabulary):
        ontology.add(triple)


def add_document(graph: Graph, doc: Document) -> None:
    meta = doc.meta
    node = URIRef(document_iri(doc.id))
    graph.add((node, RDF.type, CSK.SourceDocument))
    graph.add((node, RDFS.label, en(meta.title)))
    graph.add((node, DCTERMS.title, en(meta.title)))
    graph.add((node, DCTERMS.publisher, Literal(meta.publisher)))
    graph.add((node, DCTERMS.issued, date_literal(meta.issued)))
    graph.add((node, DCTERMS.source, URIRef(f"{BASE}corpus/{meta.file}")))
    graph.add((node, DCTERMS.language, Literal(meta.language, datatype=XSD.language)))
    graph.add((node, CSK.documentKind, Literal(meta.kind)))
    graph.add((node, CSK.characterCount, Literal(len(doc.text), datatype=XSD.integer)))
    if meta.alternate_of:
        graph.add((node, PROV.alternateOf, URIRef(document_iri(meta.alternate_of))))
    if meta.url:
        graph.add((node, DCTERMS.identifier, URIRef(meta.url)))
    if meta.note:
        graph.add((node, RDFS.comment, en(meta.note)))


def add_entity(graph: Graph, entity: Entity) -> None:
    node = URIRef(entity_iri(entity.kind, entity.key))
    graph.add((node, RDF.type, CSK[entity.kind.value]))
    graph.add((node, RDFS.label, en(entity.label)))
    for alt in entity.alt_labels:
        graph.add((node, SKOS.altLabel, en(alt)))
    for form in entity.match_forms:
        graph.add((node, SKOS.hiddenLabel, en(form)))
    if entity.iso2:
        graph.add((node, CSK.iso3166Alpha2, Literal(entity.iso2)))
    if entity.category:
        graph.add((node, CSK.category, Literal(entity.category)))
    if entity.comment:
        graph.add((node, RDFS.comment, en(entity.comment)))
    for parent in entity.part_of:
        graph.add((node, CSK.partOf, URIRef(entity_iri(EntityKind.MISSION, parent))))
    # Countries are ISO 3166 states, neither curated nor discovered (the contract's domain).
    if entity.kind is not EntityKind.COUNTRY:
        graph.add((node, CSK.curationStatus, CSK.Discovered if entity.discovered else CSK.Curated))


def add_entity_evidence(
    graph: Graph,
    entity: Entity,
    doc_id: str,
    *,
    described: set[tuple[str, int, int, str]] | None = None,
) -> None:
    """Where a discovered entity was named in one document: the passage and its source,
    in that document's graph, like a fact's."""
    node = URIRef(entity_iri(entity.kind, entity.key))
    graph.add((node, PROV.wasDerivedFrom, URIRef(document_iri(doc_id))))
    for ev in entity.evidence:
        if ev.doc_id == doc_id:
            add_evidence(graph, node, ev, described=described)


def add_evidence(
    graph: Graph,
    fact_node: URIRef,
    ev: Evidence,
    *,
    described: set[tuple[str, int, int, str]] | None = None,
) -> None:
    """``fact_node``'s evidence ``ev``, and the passage's own description unless
    ``described`` (the passages ``graph`` describes already) holds it: the same triples,
    which the graph would hold once however often they were added."""
    node = URIRef(evidence_iri(ev.doc_id, ev.start, ev.end))
    graph.add((fact_node, CSK.evidence, node))
    if described is not None:
        passage = (ev.doc_id, ev.start, ev.end, ev.exact)
        if passage in described:
            return
        described.add(passage)
    quote, position = URIRef(f"{node}#quote"), URIRef(f"{node}#position")
    graph.add((node, RDF.type, OA.SpecificResource))
    graph.add((node, OA.hasSource, URIRef(document_iri(ev.doc_id))))
    graph.add((node, OA.hasSelector, quote))
    graph.add((node, OA.hasSelector, position))
    graph.add((quote, RDF.type, OA.TextQuoteSelector))
    graph.add((quote, OA.exact, Literal(ev.exact)))
    graph.add((position, RDF.type, OA.TextPositionSelector))
    graph.add((position, OA.start, Literal(ev.start, datatype=XSD.nonNegativeInteger)))
    graph.add((position, OA.end, Literal(ev.end, datatype=XSD.nonNegativeInteger)))


def add_fact(
    graph: Graph,
    fact: Fact,
    entities: Mapping[str, Entity],
    doc_id: str,
    *,
    described: set[tuple[str, int, int, str]] | None = None,
) -> None:
    """One fact as stated by one document: its description, source and evidence
    (``described``: as ``add_evidence``)."""
    family = families.of(fact)
    node = URIRef(fact_iri(fact))
    graph.add((node, RDF.type, family.rdf_class))
    graph.add((node, RDFS.label, en(family.label(fact, entities))))
    graph.add((node, CSK.status, URIRef(concept_iri("status", fact.status.value))))
    # No method is a bug of extraction: left out, so that shape:FactMethod reports it.
    if fact.method:
        graph.add((node, CSK.method, URIRef(method_iri(fact.method))))
    graph.add((node, PROV.wasDerivedFrom, URIRef(document_iri(doc_id))))
    for ev in fact.evidence:
        if ev.doc_id == doc_id:
            add_evidence(graph, node, ev, described=described)
            planned = (ev.status or fact.status) is Status.PLANNED
            stated = CSK.plannedIn if planned else CSK.achievedIn
            graph.add((node, stated, URIRef(document_iri(doc_id))))
    for p, o in family.properties(fact, entities):
        graph.add((node, p, o))


def fact_properties(fact: Fact, entities: Mapping[str, Entity]) -> list[tuple[URIRef, Node]]:
    """The type-specific triples of a fact, as (predicate, object) pairs."""
    return families.of(fact).properties(fact, entities)


def fact_label(fact: Fact, entities: Mapping[str, Entity]) -> str:
    """A short readable name for a fact node, for resource pages and result tables."""
    return families.of(fact).label(fact, entities)
