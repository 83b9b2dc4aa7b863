"""SPARQL constraints run once over all their nodes by the engine before pySHACL.

pySHACL evaluates a SPARQL constraint once per focus node, through rdflib: on the union of
1,000 documents ``SummaryCount``, ``DocumentList``, ``RankedRow`` and ``PartnerAreaKey``
took most of a cold build's whole-graph validation (tens of seconds), and on a graph that
conforms every one of those queries answers nothing. pyoxigraph answers each query once,
for every node at once, in a fraction of a second. So a shape that is only SPARQL
constraints whose query starts by binding ``$this`` in a triple pattern is first run by
the engine over the union with ``$this`` unbound: its rows there are the rows of each
node alone, put together, so a node found in no row has no result from it. pySHACL then
validates with that shape only the nodes found (none when the graph conforms), and its
results are the report, as before.

This holds while pyoxigraph and rdflib answer the queries alike; ``tests/test_validate_engine.py``
runs every such shape's fixtures through both (each node pySHACL reports must be found).
A node found that is a blank node (whose label the engine may not keep) makes the shape
run in pySHACL on every node.

Given the union's triples per subject too, a query ``graph/partner_passage_check.py`` or
``graph/validate_count_check.py`` knows is answered there instead (a superset of its
nodes; pySHACL decides on each), and the store holds only the triples of the predicates
the other queries read (``store_predicates``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import pyoxigraph as ox
from rdflib import BNode, Graph, URIRef

from graph import partner_passage_check, validate_count_check
from graph.validate_reads import text_predicates
from graph.vocab import SH

RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
# a shape's parameters the engine's run covers (its targets are applied afterwards)
_COVERED = frozenset(
    {
        RDF_TYPE,
        SH.sparql,
        SH.message,
        SH.severity,
        SH.name,
        SH.description,
        SH.targetClass,
        SH.targetNode,
        SH.targetSubjectsOf,
        SH.targetObjectsOf,
    }
)
# what pySHACL binds or replaces in a query besides $this
_PRE_BOUND = re.compile(r"[?$](PATH|currentShape|shapesGraph)\b")
# a query whose group opens with a pattern on $this (its rows: each node's, together)
_OPENS_ON_THIS = re.compile(r"\bWHERE\s*\{\s*(\{\s*)?\$this\s", re.IGNORECASE)


def engine_queries(shapes: Graph, name: str) -> list[str] | None:
    """The queries of shape ``name``'s SPARQL constraints, with their prefixes, when the
    engine can stand in for pySHACL on them; else ``None``."""
    shape = URIRef(name)
    if set(shapes.predicates(shape)) - _COVERED or (shape, SH.deactivated, None) in shapes:
        return None
    queries = []
    for constraint in shapes.objects(shape, SH.sparql):
        if set(shapes.predicates(constraint)) - {RDF_TYPE, SH.message, SH.prefixes, SH.select}:
            return None
        text = str(shapes.value(constraint, SH.select))
        if _PRE_BOUND.search(text) or not _OPENS_ON_THIS.search(text):
            return None
        prefixes = "".join(
            f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n"
            for p in shapes.objects(constraint, SH.prefixes)
            for d in shapes.objects(p, SH.declare)
        )
        queries.append(prefixes + text)
    return queries or None


def store_predicates(queries: Iterable[str]) -> set[str] | None:
    """The predicates (N3) of the triples the engine's store must hold to answer those of
    ``queries`` that have no check in Python; ``None``: every triple (a query reads
    any predicate, or is not followed by ``graph.validate_reads``)."""
    found: set[str] = set()
    for query in queries:
        if python_check(query) is not None:
            continue
        read = text_predicates(query, ())
        if read is None:
            return None
        found |= {p.n3() for p in read}
    return found


def store_of(lines: Iterable[str], folder: str | None = None) -> ox.Store:
    """An engine store of N-Triples lines, in ``folder`` (on disk: for the union, whose
    memory would add to pySHACL's) or in memory."""
    store = ox.Store(folder) if folder is not None else ox.Store()
    batch: list[str] = []
    for line in lines:
        batch.append(line)
        if len(batch) >= 50_000:
            store.bulk_load("".join(batch).encode("utf-8"), ox.RdfFormat.N_TRIPLES)
            batch = []
    if batch:
        store.bulk_load("".join(batch).encode("utf-8"), ox.RdfFormat.N_TRIPLES)
    return store


def found_nodes(
    store: ox.Store,
    queries: Sequence[str],
    by_subject: partner_passage_check.BySubject | None = None,
) -> set[str] | None:
    """The nodes (N3) the queries find a row for; ``None`` when one is a blank node.
    ``by_subject``: the union's triples per subject in N3 (``QuadLines.by_subject``),
    from which a query with a check in Python (``python_check``) is answered instead (a
    superset of its nodes: pySHACL decides on each)."""
    found: set[str] = set()
    for query in queries:
        check = None if by_subject is None else python_check(query)
        if check is not None and by_subject is not None:
            nodes = check(by_subject)
            if nodes is None:
                return None
            found |= nodes
            continue
        for row in store.query(query):
            this = row["this"]
            if not isinstance(this, ox.NamedNode):
                return None
            found.add(f"<{this.value}>")
    return found


def python_check(query: str) -> partner_passage_check.Check | None:
    """The check in Python of a query the engine would run, when one is known
    (``graph.partner_passage_check``, ``graph.validate_count_check``)."""
    return partner_passage_check.check_for(query) or validate_count_check.check_for(query)


def term_of(n3: str) -> URIRef | BNode:
    return BNode(n3[2:]) if n3.startswith("_:") else URIRef(n3[1:-1])
