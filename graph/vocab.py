"""Namespaces and the IRI scheme: the one place that says how a key becomes an IRI, and
how a value becomes a literal.

Resource IRIs are derived from curated keys or slugs, never from counters or build
hashes, so the same entity or fact has the same IRI on every build.
"""

from __future__ import annotations

from rdflib import Literal, Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from graph.model import EntityKind, Fact

BASE = "https://w3id.org/china-space-kg/"
CSK = Namespace(BASE + "ontology#")
ONTOLOGY_IRI = BASE + "ontology"
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")
OA = Namespace("http://www.w3.org/ns/oa#")
ORG = Namespace("http://www.w3.org/ns/org#")
SDO = Namespace("https://schema.org/")
VOID = Namespace("http://rdfs.org/ns/void#")
SH = Namespace("http://www.w3.org/ns/shacl#")

# Named graphs that are not documents.
ONTOLOGY_GRAPH = GRAPH["ontology"]  # OWL ontology and concept schemes
REFERENCE_GRAPH = GRAPH["reference"]  # curated entities and countries
QUERIES_GRAPH = GRAPH["queries"]  # saved queries as SHACL-AF executables
META_GRAPH = GRAPH["meta"]  # dataset description, build information

PREFIXES: dict[str, str] = {
    "csk": str(CSK),
    "id": str(ID),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "oa": str(OA),
    "org": str(ORG),
    "schema": str(SDO),
    "void": str(VOID),
    "sh": str(SH),
}

_ENTITY_SEGMENT = {
    EntityKind.MISSION: "mission",
    EntityKind.SPACECRAFT: "spacecraft",
    EntityKind.COUNTRY: "country",
    EntityKind.ORGANISATION: "organisation",
}


def entity_iri(kind: EntityKind, key: str) -> str:
    return f"{ID}{_ENTITY_SEGMENT[kind]}/{key}"


def fact_iri(fact: Fact) -> str:
    return f"{ID}{fact.kind_segment}/{fact.key}"


def document_iri(doc_id: str) -> str:
    return f"{ID}document/{doc_id}"


def document_graph(doc_id: str) -> str:
    """The named graph holding the facts and evidence one document states."""
    return f"{GRAPH}document/{doc_id}"


def evidence_iri(doc_id: str, start: int, end: int) -> str:
    return f"{ID}evidence/{doc_id}/{start}-{end}"


def area_iri(key: str) -> str:
    """A concept of the csk:CooperationAreas scheme."""
    return f"{ID}area/{key}"


def concept_iri(scheme_segment: str, key: str) -> str:
    """A concept of one of the other schemes (status, activity, agreement-kind)."""
    return f"{ID}{scheme_segment}/{key}"


def method_iri(name: str) -> str:
    """A concept of the csk:ExtractionMethods scheme (graph/methods.py METHODS)."""
    return concept_iri("method", name)


def en(text: str) -> Literal:
    return Literal(text, lang="en")


def date_literal(value: str) -> Literal:
    """A date exactly as precise as written: YYYY -> gYear, YYYY-MM -> gYearMonth."""
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}[len(value)]
    return Literal(value, datatype=datatype)
