"""The VoID description of the dataset: what it is, how big, where to get it.

Counts come from one streaming pass over the store (``collect_stats``), with the same
"first graph owns a triple" rule the triple-format exports use, so ``void:triples`` is
the number of distinct triples of all graphs: the size of the store's default graph
(their merge, which queries see) and what a user gets when they load any of the dumps
into one graph. The description itself is small (one node per
class, property and named graph) and is built with rdflib for readable Turtle.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, RDF, XSD

from graph.export import FORMATS, GraphName, merged_triples, select_graphs
from graph.vocab import BASE, CSK, ID, PREFIXES, VOID

RDF_TYPE = str(RDF.type)
FORMATS_NS = "http://www.w3.org/ns/formats/"
FORMAT_FEATURE = {
    "nq": "N-Quads",
    "trig": "TriG",
    "jsonld": "JSON-LD",
    "ttl": "Turtle",
    "nt": "N-Triples",
    "rdfxml": "RDF_XML",
}
# Classes whose first instance (by IRI) is offered as void:exampleResource.
EXAMPLE_CLASSES = tuple(
    str(CSK[name])
    for name in (
        "Cooperation",
        "Agreement",
        "Mission",
        "Spacecraft",
        "Country",
        "Organisation",
        "SourceDocument",
    )
)


@dataclass
class Stats:
    """Counts of the merge of all graphs, as VoID states them."""

    triples: int = 0
    quads: int = 0
    subjects: int = 0
    entities: int = 0
    classes: Counter[str] = field(default_factory=Counter)  # class -> instances
    properties: Counter[str] = field(default_factory=Counter)  # property -> triples
    graphs: dict[str, int] = field(default_factory=dict)  # graph name -> quads
    examples: dict[str, str] = field(default_factory=dict)  # class -> first instance


def collect_stats(store: ox.Store, *, uri_space: str = str(ID)) -> Stats:
    """Count the store in one pass, holding only per-class and per-property counters."""
    stats = Stats()
    graphs = select_graphs(store, "all")
    for triple, first_of_subject in merged_triples(store, graphs):
        count_triple(stats, triple, first_of_subject, uri_space)
    count_graphs(stats, store, graphs)
    return stats


def count_triple(stats: Stats, triple: ox.Triple, first_of_subject: bool, uri_space: str) -> None:
    """Add one triple of the merge to ``stats`` (``first_of_subject``: its subject's first)."""
    stats.triples += 1
    subject = triple.subject
    if first_of_subject:
        stats.subjects += 1
        if isinstance(subject, ox.NamedNode) and subject.value.startswith(uri_space):
            stats.entities += 1
    predicate = triple.predicate.value
    stats.properties[predicate] += 1
    if predicate == RDF_TYPE and isinstance(triple.object, ox.NamedNode):
        cls = triple.object.value
        stats.classes[cls] += 1
        if cls in EXAMPLE_CLASSES and isinstance(subject, ox.NamedNode):
            known = stats.examples.get(cls)
            if known is None or subject.value < known:
                stats.examples[cls] = subject.value


def count_graphs(stats: Stats, store: ox.Store, graphs: Iterable[GraphName]) -> None:
    """The quads of each of ``graphs`` (and their total) into ``stats``."""
    for graph in graphs:
        count = sum(1 for _ in store.quads_for_pattern(None, None, None, graph))
        stats.graphs[str(graph) if isinstance(graph, ox.DefaultGraph) else graph.value] = count
        stats.quads += count


@dataclass(frozen=True)
class DatasetMeta:
    """What a person needs to cite and reuse the dataset; the defaults describe this
    project, a deployment can override them."""

    title: str = "china-space-kg: China's space missions and international cooperation"
    description: str = (
        "A knowledge graph of China's space missions and international space cooperation, "
        "extracted from public documents (white papers, news), with the passage and "
        "character offsets that state every fact, validated with SHACL."
    )
    license: str = "https://creativecommons.org/licenses/by/4.0/"
    creator: str = "china-space-kg contributors"
    base_url: str = BASE  # where /dumps/ and /sparql are published


def dataset_iri(base_url: str = BASE) -> str:
    """The dataset is described by, and named after, its well-known VoID document."""
    return f"{base_url}.well-known/void#dataset"


def namespace_of(iri: str) -> str:
    """The vocabulary an IRI belongs to: a known prefix, else everything up to # or /."""
    known = [ns for ns in PREFIXES.values() if iri.startswith(ns)]
    if known:
        return max(known, key=len)
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1] if cut > 0 else iri


def void_graph(
    stats: Stats,
    *,
    issued: date,
    version: str,
    dump_files: Iterable[tuple[str, str]] = (),
    meta: DatasetMeta | None = None,
) -> Graph:
    """The VoID description; ``dump_files`` are (file name, format name) pairs."""
    meta = meta or DatasetMeta()
    g = Graph()
    for prefix in ("void", "csk", "dcterms", "xsd", "rdf", "rdfs", "owl", "skos", "prov", "oa"):
        g.bind(prefix, PREFIXES[prefix])
    g.bind("foaf", FOAF)
    g.bind("formats", FORMATS_NS)
    ds = URIRef(dataset_iri(meta.base_url))
    add = g.add
    add((ds, RDF.type, VOID.Dataset))
    add((ds, DCTERMS.title, Literal(meta.title, lang="en")))
    add((ds, DCTERMS.description, Literal(meta.description, lang="en")))
    add((ds, DCTERMS.license, URIRef(meta.license)))
    creator = BNode("creator")
    add((ds, DCTERMS.creator, creator))
    add((creator, RDF.type, FOAF.Organization))
    add((creator, FOAF.name, Literal(meta.creator)))
    add((ds, DCTERMS.issued, Literal(issued.isoformat(), datatype=XSD.date)))
    add((ds, OWL.versionInfo, Literal(version)))
    add((ds, FOAF.homepage, URIRef(meta.base_url)))
    add((ds, VOID.sparqlEndpoint, URIRef(f"{meta.base_url}sparql")))
    add((ds, VOID.uriSpace, Literal(str(ID))))
    add((ds, VOID.triples, Literal(stats.triples)))
    add((ds, VOID.entities, Literal(stats.entities)))
    add((ds, VOID.distinctSubjects, Literal(stats.subjects)))
    add((ds, VOID.classes, Literal(len(stats.classes))))
    add((ds, VOID.properties, Literal(len(stats.properties))))
    for file_name, fmt in dump_files:
        add((ds, VOID.dataDump, URIRef(f"{meta.base_url}dumps/{file_name}")))
        if fmt in FORMAT_FEATURE:
            add((ds, VOID.feature, URIRef(FORMATS_NS + FORMAT_FEATURE[fmt])))
    for example in sorted(stats.examples.values()):
        add((ds, VOID.exampleResource, URIRef(example)))
    used = set(stats.properties) | set(stats.classes)
    for vocabulary in sorted({namespace_of(iri) for iri in used}):
        add((ds, VOID.vocabulary, URIRef(vocabulary)))
    for cls, count in sorted(stats.classes.items()):
        part = BNode(f"class-{len(g)}")
        add((ds, VOID.classPartition, part))
        add((part, VOID["class"], URIRef(cls)))
        add((part, VOID.entities, Literal(count)))
    for prop, count in sorted(stats.properties.items()):
        part = BNode(f"property-{len(g)}")
        add((ds, VOID.propertyPartition, part))
        add((part, VOID.property, URIRef(prop)))
        add((part, VOID.triples, Literal(count)))
    for name, count in sorted(stats.graphs.items()):
        if "://" not in name:
            continue  # the default graph has no name to describe
        sub = URIRef(name)
        add((ds, VOID.subset, sub))
        add((sub, RDF.type, VOID.Dataset))
        add((sub, VOID.triples, Literal(count)))
    return g


def dump_format_of(file_name: str) -> str | None:
    """The export format of a dump file name such as ``china-space-kg.nq.gz``."""
    stem = file_name.removesuffix(".gz")
    for fmt in FORMATS.values():
        if stem.endswith(f".{fmt.extension}"):
            return fmt.name
    return None
