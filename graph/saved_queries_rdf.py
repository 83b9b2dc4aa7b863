"""The saved queries as data in the graph: SHACL-AF ``sh:SPARQLSelectExecutable``s.

This is the convention SPARQL example collections use, so a researcher can discover the
queries with SPARQL itself (``?q a sh:SPARQLSelectExecutable ; sh:select ?text``). Every
node gets an IRI (no blank nodes), so the same queries give the same triples, and the
same build id, on every build.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, SDO, SKOS

from graph.saved_queries import Parameter, SavedQuery, load_queries
from graph.vocab import CSK, ID, PREFIXES, SH

_DATATYPE = {"string": XSD.string, "integer": XSD.integer, "year": XSD.integer}


def query_iri(name: str) -> URIRef:
    return URIRef(f"{ID}query/{name}")


def view_iri(view: str) -> URIRef:
    """The concept of ``csk:ResultViews`` (ontology/schemes.ttl) for a ``#+ view:`` value."""
    return URIRef(f"{ID}view/{view}")


def _list(graph: Graph, head: str, items: Iterable[URIRef | Literal]) -> URIRef:
    """An RDF list whose cells are IRIs derived from ``head`` (stable across builds)."""
    items = list(items)
    first = URIRef(f"{head}/0") if items else RDF.nil
    for i, item in enumerate(items):
        cell = URIRef(f"{head}/{i}")
        graph.add((cell, RDF.first, item))
        graph.add((cell, RDF.rest, URIRef(f"{head}/{i + 1}") if i + 1 < len(items) else RDF.nil))
    return first


def _value(param: Parameter, raw: str) -> URIRef | Literal:
    term = param.term(raw)
    if param.type in ("iri", "concept"):
        return URIRef(term.value)
    return Literal(term.value, datatype=_DATATYPE[param.type])


def add_parameter(graph: Graph, query: URIRef, param: Parameter) -> None:
    """``sh:parameter``: the path's local name is the variable the value is bound to."""
    node = URIRef(f"{query}/parameter/{param.name}")
    graph.add((query, SH.parameter, node))
    graph.add((node, RDF.type, SH.Parameter))
    graph.add((node, SH.path, URIRef(f"{query}/parameter#{param.name}")))
    graph.add((node, SH.name, Literal(param.name)))
    graph.add((node, SH.optional, Literal(True)))  # every parameter has a default
    graph.add((node, SH.defaultValue, _value(param, param.default)))
    if param.description:
        graph.add((node, SH.description, Literal(param.description, lang="en")))
    if param.example:
        graph.add((node, SKOS.example, _value(param, param.example)))
    if param.type == "iri":
        graph.add((node, SH.nodeKind, SH.IRI))
        if len(param.classes) == 1:
            graph.add((node, SH["class"], URIRef(param.classes[0])))
        else:
            shapes = []
            for c in param.classes:
                shape = URIRef(f"{node}/class/{c.rsplit('#', 1)[-1].rsplit('/', 1)[-1]}")
                graph.add((shape, SH["class"], URIRef(c)))
                shapes.append(shape)
            graph.add((node, SH["or"], _list(graph, f"{node}/classes", shapes)))
    elif param.type == "concept":
        graph.add((node, SH.nodeKind, SH.IRI))
        graph.add((node, SH["class"], URIRef(PREFIXES["skos"] + "Concept")))
        graph.add((node, DCTERMS.subject, URIRef(param.classes[0])))
    else:
        graph.add((node, SH.datatype, _DATATYPE[param.type]))
    if param.allowed:
        values = [_value(param, v) for v in param.allowed]
        graph.add((node, SH["in"], _list(graph, f"{node}/allowed", values)))


def add_query(graph: Graph, query: SavedQuery) -> URIRef:
    node = query_iri(query.name)
    graph.add((node, RDF.type, SH.SPARQLSelectExecutable))
    graph.add((node, RDF.type, SH.SPARQLExecutable))
    graph.add((node, RDFS.label, Literal(query.title, lang="en")))
    graph.add((node, RDFS.comment, Literal(query.description, lang="en")))
    graph.add((node, SH.select, Literal(query.sparql)))
    graph.add((node, DCTERMS.identifier, Literal(query.name)))
    for tag in query.tags:
        graph.add((node, SDO.keywords, Literal(tag)))
    if query.view:
        graph.add((node, CSK.resultView, view_iri(query.view)))
    for param in query.parameters:
        add_parameter(graph, node, param)
    return node


def queries_graph(queries_dir: Path) -> Graph:
    """Every saved query of ``queries_dir`` as a SHACL-AF executable.

    :raises QueryError: a query file is invalid.
    """
    graph = Graph()
    for prefix in ("sh", "rdfs", "dcterms", "schema", "xsd", "csk"):
        graph.bind(prefix, PREFIXES[prefix])
    for query in load_queries(queries_dir).values():
        add_query(graph, query)
    return graph
