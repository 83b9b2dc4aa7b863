"""Export the store in the standard RDF formats with memory that does not grow with it.

Everything here iterates the store's indexes (``quads_for_pattern``) and writes as it
goes; nothing builds the graph in memory. Quad formats (N-Quads, TriG, JSON-LD) keep the
named graph of each source document, so a reader can tell which document states which
triples. Triple formats (Turtle, N-Triples, RDF/XML) merge the selected graphs into one;
a triple stated in several graphs is written once, by the first of those graphs in the
export's graph order, decided by looking at that subject's quads in the store (one
subject's description in memory at a time).

A built store's default graph is the merge of its named graphs (``graph.store``): it is
derived, so exporting "all" leaves it out, and a store whose default graph holds a triple
of its own exports that graph too.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from graph.errors import InputError
from graph.export_jsonld import Context, write_jsonld
from graph.vocab import GRAPH, ONTOLOGY_GRAPH, PREFIXES, REFERENCE_GRAPH

GraphName = ox.NamedNode | ox.BlankNode | ox.DefaultGraph


@dataclass(frozen=True)
class ExportFormat:
    name: str
    label: str
    extension: str
    media_type: str
    quads: bool  # keeps named graphs
    rdf_format: ox.RdfFormat | None  # None: the project's own JSON-LD writer


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("nq", "N-Quads", "nq", "application/n-quads", True, ox.RdfFormat.N_QUADS),
        ExportFormat("trig", "TriG", "trig", "application/trig", True, ox.RdfFormat.TRIG),
        ExportFormat("jsonld", "JSON-LD", "jsonld", "application/ld+json", True, None),
        ExportFormat("ttl", "Turtle", "ttl", "text/turtle", False, ox.RdfFormat.TURTLE),
        ExportFormat(
            "nt", "N-Triples", "nt", "application/n-triples", False, ox.RdfFormat.N_TRIPLES
        ),
        ExportFormat(
            "rdfxml", "RDF/XML", "rdf", "application/rdf+xml", False, ox.RdfFormat.RDF_XML
        ),
    )
}

GRAPH_CHOICES = ("all", "document", "reference", "ontology")
# zlib's default: level 9 took twice as long over a build's six dumps (3.5 s at 1,000
# documents) for files a few per cent smaller. Exports and dumps alike, so equal bytes.
GZIP_LEVEL = 6
DOCUMENT_GRAPHS = f"{GRAPH}document/"


def get_format(name: str) -> ExportFormat:
    """:raises InputError: not one of ``FORMATS``."""
    try:
        return FORMATS[name]
    except KeyError:
        raise InputError(
            f"unknown export format {name!r}; choose one of {', '.join(FORMATS)}"
        ) from None


def select_graphs(store: ox.Store, which: str = "all") -> list[GraphName]:
    """The graphs an export covers, in a stable order (by name, default graph first).

    ``which`` is ``all``, ``document`` (one graph per source document), ``reference``,
    ``ontology`` or the IRI of one named graph. ``all`` covers the default graph only
    when it holds a triple that no named graph holds (it is not just their merge).

    :raises InputError: ``which`` is neither a choice nor a graph of the store.
    """
    names = sorted(store.named_graphs(), key=lambda g: str(g))
    if which == "all":
        return ([ox.DefaultGraph()] if has_own_default_graph(store) else []) + names
    if which == "document":
        return [
            g for g in names if isinstance(g, ox.NamedNode) and g.value.startswith(DOCUMENT_GRAPHS)
        ]
    iri = {"ontology": str(ONTOLOGY_GRAPH), "reference": str(REFERENCE_GRAPH)}.get(which, which)
    if "://" not in iri:
        raise InputError(
            f"unknown graph {which!r}; choose one of {', '.join(GRAPH_CHOICES)} or a graph IRI"
        )
    node = ox.NamedNode(iri)
    if node not in names:
        raise InputError(
            f"the store has no graph <{iri}>; `spacekg export --graph all` shows everything"
        )
    return [node]


def has_own_default_graph(store: ox.Store) -> bool:
    """Whether the default graph holds a triple that is in no named graph (so it is more
    than the merge the build writes there). One query the engine answers itself, stopping
    at the first such triple (a lookup per triple from Python took seconds per export)."""
    return bool(store.query(_OWN_DEFAULT_TRIPLE))


# in the store's queries the default graph is its own graph, not the union of the others
_OWN_DEFAULT_TRIPLE = "ASK { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }"


def quads_of(store: ox.Store, graphs: Iterable[GraphName]) -> Iterator[ox.Quad]:
    for graph in graphs:
        yield from store.quads_for_pattern(None, None, None, graph)


def merged_triples(store: ox.Store, graphs: list[GraphName]) -> Iterator[tuple[ox.Triple, bool]]:
    """The distinct triples of the selected graphs, each with whether it is the first
    triple written for its subject (so callers can count subjects without a set).

    A triple belongs to the first selected graph, in ``graphs`` order, that holds it.
    A subject is marked at one triple chosen the same way wherever the subject is seen
    (the first quad of its lowest graph in the store's lookup order), so neither rule
    depends on the order of the scan. The store is asked about one subject at a time; an
    on-disk store yields each subject's quads together, so that is once per subject (an
    in-memory store gives no such order: still correct, only slower).
    """
    rank = {graph: i for i, graph in enumerate(graphs)}
    for position, graph in enumerate(graphs):
        quads = store.quads_for_pattern(None, None, None, graph)
        for subject, group in groupby(quads, key=lambda q: q.subject):
            owner: dict[tuple[Any, Any], int] = {}
            lowest, marker = len(graphs), None
            for quad in store.quads_for_pattern(subject, None, None, None):
                where = rank.get(quad.graph_name)
                if where is None:
                    continue
                key = (quad.predicate, quad.object)
                if where < owner.get(key, len(graphs)):
                    owner[key] = where
                if where < lowest:
                    lowest, marker = where, key
            for quad in group:
                key = (quad.predicate, quad.object)
                if owner.get(key, position) == position:
                    yield quad.triple, key == marker


def write(
    store: ox.Store,
    output: IO[bytes],
    fmt: ExportFormat,
    graphs: list[GraphName],
    *,
    context: Context,
    context_ref: str | None = None,
) -> None:
    """Serialize ``graphs`` of ``store`` to a binary stream, streaming.

    :raises InputError: the data cannot be written in this format (e.g. a predicate
        that RDF/XML cannot spell).
    """
    # graphs[0] is the default graph only when the caller chose it: then the whole store
    named = sorted(store.named_graphs(), key=lambda g: str(g))
    everything = graphs[:1] == [ox.DefaultGraph()] and graphs[1:] == named
    try:
        if fmt.rdf_format is None:
            pairs = ((g, store.quads_for_pattern(None, None, None, g)) for g in graphs)
            write_jsonld(pairs, output, context, context_ref=context_ref)
        elif fmt.quads and everything:
            store.dump(output, fmt.rdf_format, prefixes=PREFIXES)
        elif fmt.quads:
            ox.serialize(quads_of(store, graphs), output, fmt.rdf_format, prefixes=PREFIXES)
        elif len(graphs) == 1:
            store.dump(output, fmt.rdf_format, from_graph=graphs[0], prefixes=PREFIXES)
        else:
            triples = (triple for triple, _first in merged_triples(store, graphs))
            ox.serialize(triples, output, fmt.rdf_format, prefixes=PREFIXES)
    except ValueError as exc:
        raise InputError(f"cannot write {fmt.label}: {exc}") from None


def export_file(
    store: ox.Store,
    target: Path,
    fmt: ExportFormat,
    graphs: list[GraphName],
    *,
    context: Context,
    compress: bool = False,
    context_ref: str | None = None,
) -> Path:
    """Write an export to ``target`` (through a temporary file, so a failed export never
    leaves a truncated file behind). gzip output has no timestamp: equal data gives
    equal bytes, and so equal checksums and ETags."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        with partial.open("wb") as raw:
            if compress:
                with gzip.GzipFile(
                    filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=GZIP_LEVEL
                ) as out:
                    write(store, out, fmt, graphs, context=context, context_ref=context_ref)
            else:
                write(store, raw, fmt, graphs, context=context, context_ref=context_ref)
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target
