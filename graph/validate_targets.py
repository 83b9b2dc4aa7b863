"""Shapes re-aimed at chosen nodes, for validating part of a graph as pySHACL would.

A whole-graph shape validated again only on some nodes (``graph.validate_whole``) is
given them as ``sh:targetNode``s, those of them its own targets select, in place of its
targets: pySHACL then runs as on the whole graph, on those nodes alone. The engine runs
the shapes it can (``graph.validate_engine``) over every node first, and pySHACL is
aimed at the nodes it found a row for.
"""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from graph.validate_engine import (
    engine_queries,
    found_nodes,
    store_of,
    store_predicates,
    term_of,
)
from graph.validate_lines import QuadLines
from graph.vocab import SH

TARGETS = (SH.targetClass, SH.targetNode, SH.targetObjectsOf, SH.targetSubjectsOf, SH.target)


def targets_among(union: Graph, shapes: Graph, shape: Node, nodes: set[Node]) -> set[Node]:
    """Which of ``nodes`` the targets of ``shape`` select in ``union`` (SHACL's target
    declarations: a class and its subclasses, subjects or objects of a property, named
    nodes, and SHACL-AF SPARQL targets)."""
    found: set[Node] = set()
    for kind, value in ((t, o) for t in TARGETS for o in shapes.objects(shape, t)):
        if kind == SH.targetNode:
            found |= {value} & nodes
        elif kind == SH.targetClass:
            classes = set(union.transitive_subjects(RDFS.subClassOf, value))
            found |= {n for n in nodes if set(union.objects(n, RDF.type)) & classes}
        elif kind == SH.targetSubjectsOf:
            found |= {n for n in nodes if (n, value, None) in union}
        elif kind == SH.targetObjectsOf:
            found |= {n for n in nodes if (None, value, n) in union}
        else:  # a SPARQL target
            query = shapes.value(value, SH.select)
            prefixes = {
                str(shapes.value(d, SH.prefix)): str(shapes.value(d, SH.namespace))
                for p in shapes.objects(value, SH.prefixes)
                for d in shapes.objects(p, SH.declare)
            }
            rows = union.query(str(query), initNs=prefixes)
            found |= {row[0] for row in rows} & nodes  # type: ignore[index]
    return found


def targeted_shapes(union: Graph, shapes: Graph, nodes: dict[str, set[Node]]) -> Graph:
    """The shapes with every target replaced: each shape named in ``nodes`` targets those
    of its nodes its own targets select (as ``sh:targetNode``), the others nothing.
    pySHACL then runs as on the whole graph, on those nodes alone (its own focus-node
    option also filters the values its nested shapes check, and scans a list per
    target)."""
    copy = Graph()
    for prefix, ns in shapes.namespaces():
        copy.bind(prefix, ns)
    for s, p, o in shapes:
        if p not in TARGETS:
            copy.add((s, p, o))
    for name, among in nodes.items():
        shape = URIRef(name)
        for node in targets_among(union, shapes, shape, among):
            copy.add((shape, SH.targetNode, node))
    return copy


def engine_first(lines: QuadLines, shapes: Graph, use: Sequence[str]) -> dict[str, set[str]]:
    """For each shape of ``use`` the engine can run (``graph.validate_engine``), the nodes
    of the union its queries find a row for (N3): pySHACL need validate only those."""
    runnable = {n: q for n in use if (q := engine_queries(shapes, n)) is not None}
    if not runnable:
        return {}
    flagged = {}
    try:
        # in memory: on disk the load and queries took twice the CPU (4.4 against 2.2 s at
        # 1,000 documents) for 80 MiB less, and the store is gone before the union pySHACL
        # reads is made
        # only the triples the queries answered by the engine read (at 10 MB, not the
        # partner passages' 140,000 values, which Python checks)
        read = store_predicates(q for queries in runnable.values() for q in queries)
        store = store_of(
            f"{s} {p} {o} .\n"
            for s, outgoing in lines.by_subject.items()
            for p, o in outgoing
            if read is None or p in read
        )
        for name, queries in runnable.items():
            found = found_nodes(store, queries, lines.by_subject)
            if found is not None:
                flagged[name] = found
        del store
    except (SyntaxError, ValueError, OSError):  # not read or not run: pySHACL does it all
        flagged = {}
    return flagged


def retargeted(union: Graph, shapes: Graph, flagged: dict[str, set[str]]) -> Graph:
    """The shapes with each shape of ``flagged`` targeting only those of its nodes its own
    targets select; the others as they are."""
    copy = Graph()
    for prefix, ns in shapes.namespaces():
        copy.bind(prefix, ns)
    names = {URIRef(n) for n in flagged}
    for s, p, o in shapes:
        if not (s in names and p in TARGETS):
            copy.add((s, p, o))
    for name, nodes in flagged.items():
        shape = URIRef(name)
        for node in targets_among(union, shapes, shape, {term_of(n) for n in nodes}):
            copy.add((shape, SH.targetNode, node))
    return copy
