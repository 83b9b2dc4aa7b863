"""Turn documents, entities and facts into an RDF dataset.

Layout of the dataset:
- one named graph per source document (``graph/document/<id>``): the document's
  description, every fact it states (with ``prov:wasDerivedFrom`` it) and that
  document's evidence for it. A fact stated by two documents is the same node in both
  graphs, so the union shows it with two sources and two pieces of evidence;
- ``graph/reference``: the entities the facts mention (labels, names, ISO codes);
- ``graph/ontology``: the OWL ontology and concept schemes, loaded from ``ontology/``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from graph.model import (
    Agreement,
    Cooperation,
    CooperationTotal,
    Document,
    Entity,
    EntityKind,
    Evidence,
    Extraction,
    Fact,
    GroundStation,
    Participation,
    SpacecraftActivity,
    Status,
)
from graph.vocab import (
    BASE,
    CSK,
    OA,
    ONTOLOGY_GRAPH,
    PREFIXES,
    REFERENCE_GRAPH,
    area_iri,
    concept_iri,
    document_graph,
    document_iri,
    entity_iri,
    evidence_iri,
    fact_iri,
)

FACT_CLASS = {
    Cooperation: CSK.Cooperation,
    Agreement: CSK.Agreement,
    SpacecraftActivity: CSK.SpacecraftActivity,
    Participation: CSK.Participation,
    GroundStation: CSK.GroundStationCooperation,
    CooperationTotal: CSK.CooperationTotal,
}


def date_literal(value: str) -> Literal:
    """A date exactly as precise as written: YYYY -> gYear, YYYY-MM -> gYearMonth."""
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}[len(value)]
    return Literal(value, datatype=datatype)


def en(text: str) -> Literal:
    return Literal(text, lang="en")


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
    for doc in docs:
        add_document(ds.graph(URIRef(document_graph(doc.id))), doc)
    for fact in extraction.facts:
        for doc_id in sorted({ev.doc_id for ev in fact.evidence}):
            graph = ds.graph(URIRef(document_graph(doc_id)))
            add_fact(graph, fact, entities, doc_id)
    reference = ds.graph(REFERENCE_GRAPH)
    for entity in extraction.entities:
        add_entity(reference, entity)
    ontology = ds.graph(ONTOLOGY_GRAPH)
    vocabulary = Graph()
    for path in ontology_files:
        vocabulary.parse(path, format="turtle")
    # Canonical blank-node labels (owl:unionOf lists...) keep the build id the same on
    # every build of the same content.
    for triple in to_canonical_graph(vocabulary):
        ontology.add(triple)
    return ds


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


def add_evidence(graph: Graph, fact_node: URIRef, ev: Evidence) -> None:
    node = URIRef(evidence_iri(ev.doc_id, ev.start, ev.end))
    quote, position = URIRef(f"{node}#quote"), URIRef(f"{node}#position")
    graph.add((fact_node, CSK.evidence, node))
    graph.add((node, RDF.type, OA.SpecificResource))
    graph.add((node, OA.hasSource, URIRef(document_iri(ev.doc_id))))
    graph.add((node, OA.hasSelector, quote))
    graph.add((node, OA.hasSelector, position))
    graph.add((quote, RDF.type, OA.TextQuoteSelector))
    graph.add((quote, OA.exact, Literal(ev.exact)))
    graph.add((position, RDF.type, OA.TextPositionSelector))
    graph.add((position, OA.start, Literal(ev.start, datatype=XSD.nonNegativeInteger)))
    graph.add((position, OA.end, Literal(ev.end, datatype=XSD.nonNegativeInteger)))


def add_fact(graph: Graph, fact: Fact, entities: Mapping[str, Entity], doc_id: str) -> None:
    """One fact as stated by one document: its description, source and evidence."""
    node = URIRef(fact_iri(fact))
    graph.add((node, RDF.type, FACT_CLASS[type(fact)]))
    graph.add((node, RDFS.label, en(fact_label(fact, entities))))
    graph.add((node, CSK.status, URIRef(concept_iri("status", fact.status.value))))
    graph.add((node, PROV.wasDerivedFrom, URIRef(document_iri(doc_id))))
    for ev in fact.evidence:
        if ev.doc_id == doc_id:
            add_evidence(graph, node, ev)
            planned = (ev.status or fact.status) is Status.PLANNED
            stated = CSK.plannedIn if planned else CSK.achievedIn
            graph.add((node, stated, URIRef(document_iri(doc_id))))
    for p, o in fact_properties(fact, entities):
        graph.add((node, p, o))


def _ref(key: str, entities: Mapping[str, Entity]) -> URIRef:
    entity = entities[key]
    return URIRef(entity_iri(entity.kind, entity.key))


def fact_properties(fact: Fact, entities: Mapping[str, Entity]) -> list[tuple[URIRef, object]]:
    """The type-specific triples of a fact, as (predicate, object) pairs."""
    out: list[tuple[URIRef, object]] = []
    match fact:
        case Cooperation():
            out.append((CSK.partner, _ref(fact.partner, entities)))
            out.append((CSK.area, URIRef(area_iri(fact.area))))
            if fact.mission:
                out.append((CSK.mission, _ref(fact.mission, entities)))
        case Agreement():
            out.extend((CSK.party, _ref(p, entities)) for p in fact.parties)
            out.append(
                (CSK.agreementKind, URIRef(concept_iri("agreement-kind", fact.agreement_kind)))
            )
            if fact.title:
                out.append((DCTERMS.title, en(fact.title)))
            if fact.signed_on:
                out.append((CSK.signedOn, date_literal(fact.signed_on)))
            if fact.valid_from is not None:
                out.append((CSK.validFrom, date_literal(f"{fact.valid_from:04d}")))
            if fact.valid_until is not None:
                out.append((CSK.validUntil, date_literal(f"{fact.valid_until:04d}")))
            if fact.subject:
                out.append((CSK.subject, en(fact.subject)))
        case SpacecraftActivity():
            out.append((CSK.activity, URIRef(concept_iri("activity", fact.activity))))
            out.append((CSK.partner, _ref(fact.partner, entities)))
            if fact.spacecraft:
                out.append((CSK.spacecraft, _ref(fact.spacecraft, entities)))
            if fact.description:
                out.append((CSK.description, en(fact.description)))
        case Participation():
            out.append((CSK.organisation, _ref(fact.organisation, entities)))
            if fact.role:
                out.append((CSK.role, en(fact.role)))
        case GroundStation():
            out.append((CSK.partner, _ref(fact.partner, entities)))
            if fact.location:
                out.append((CSK.location, en(fact.location)))
            if fact.purpose:
                out.append((CSK.purpose, en(fact.purpose)))
        case CooperationTotal():
            out.append((CSK.quantity, Literal(fact.quantity, datatype=XSD.integer)))
            out.append((CSK.countedItem, en(fact.counted)))
            out.append((CSK.measure, Literal(fact.measure)))
            if fact.as_of:
                out.append((CSK.asOf, date_literal(fact.as_of)))
    return out


def fact_label(fact: Fact, entities: Mapping[str, Entity]) -> str:
    """A short readable name for a fact node, for resource pages and result tables."""

    def name(key: str | None) -> str:
        return entities[key].label if key and key in entities else (key or "")

    match fact:
        case Cooperation():
            on = f" on {name(fact.mission)}" if fact.mission else ""
            return f"Cooperation with {name(fact.partner)}: {fact.area.replace('-', ' ')}{on}"
        case Agreement():
            if fact.title:
                return fact.title
            parties = ", ".join(name(p) for p in fact.parties)
            when = f" ({fact.signed_on})" if fact.signed_on else ""
            return f"{fact.agreement_kind.replace('-', ' ').capitalize()}: {parties}{when}"
        case SpacecraftActivity():
            what = name(fact.spacecraft) if fact.spacecraft else (fact.description or "spacecraft")
            return f"{what} {fact.activity.replace('-', ' ')} with/for {name(fact.partner)}"
        case Participation():
            return f"China in {name(fact.organisation)}"
        case GroundStation():
            return f"Ground station with {name(fact.partner)}"
        case CooperationTotal():
            return f"{fact.quantity} {fact.counted}"
    return fact.key
