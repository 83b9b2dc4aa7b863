"""rdflib triples made from a build's N-Quads lines through the engine's parser.

A build that writes lines rather than an rdflib dataset (``graph.rdf_lines``) still hands
pySHACL rdflib graphs: the union for a run on everything, and each document graph not in
the validation cache. rdflib's N-Triples parser took 28 s for the union's 393,000 triples
at 1,000 documents; the engine parses them in well under a second, and each distinct term
is made into an rdflib term once (repeated terms are the same object, as rdflib's own
parser does not manage: less memory too). The terms are those rdflib's parser makes:
blank nodes keep their labels (as ``graph.lines_dataset``), a plain literal has no
datatype. Only an explicit ``^^xsd:string`` differs (the engine reads it as plain), so
the few lines that hold one are read by rdflib's parser.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

_STRING = "http://www.w3.org/2001/XMLSchema#string"
_EXPLICIT_STRING = f"^^<{_STRING}>".encode()
_BLANK = re.compile(rb"_:([A-Za-z0-9_\-.]+)")  # as graph.lines_dataset reads labels

Triple = tuple[Node, Node, Node]


class _Terms(dict):
    """The engine's terms -> rdflib's, each made once."""

    def __missing__(self, term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
        if isinstance(term, ox.NamedNode):
            made: Node = URIRef(term.value)
        elif isinstance(term, ox.BlankNode):
            made = BNode(term.value)
        elif term.language:
            made = Literal(term.value, lang=term.language)
        elif term.datatype.value == _STRING:
            made = Literal(term.value)
        else:
            made = Literal(term.value, datatype=URIRef(term.datatype.value))
        self[term] = made
        return made


def triples(data: bytes, terms: _Terms | None = None) -> list[Triple]:
    """The triples of N-Quads (or N-Triples) ``data``, graph names dropped, as rdflib's
    parser reads them. ``terms``: a table shared between calls (``union``)."""
    terms = _Terms() if terms is None else terms
    rest = b""
    if _EXPLICIT_STRING in data:
        lines = data.splitlines(keepends=True)
        rest = b"".join(line for line in lines if _EXPLICIT_STRING in line)
        data = b"".join(line for line in lines if _EXPLICIT_STRING not in line)
    found = [
        (terms[q.subject], terms[q.predicate], terms[q.object])
        for q in ox.parse(data, format=ox.RdfFormat.N_QUADS)
    ]
    if rest:
        found += _by_rdflib(rest)
    return found


def _by_rdflib(data: bytes) -> list[Triple]:
    """N-Quads lines as rdflib's parser reads them, blank nodes keeping their labels."""
    labels = {m.decode(): BNode(m.decode()) for m in set(_BLANK.findall(data))}
    dataset = Dataset()
    dataset.parse(data=data, format="nquads", bnode_context=labels)
    return [(s, p, o) for s, p, o, _graph in dataset.quads((None, None, None, None))]


def union(graphs: Iterable[bytes], predicates: Collection[bytes] | None = None) -> Graph:
    """One rdflib graph of every triple of the lines of ``graphs``; ``predicates`` (N3):
    only of the lines whose predicate is one of them (``graph.validate_reads``)."""
    graph = Graph()
    terms = _Terms()
    # what Graph.add does once it has checked each term is rdflib's, as these all are:
    # a sixth of the time of making the union at 1,000 documents
    add = graph.store.add
    for data in graphs:
        if predicates is not None:
            data = _with_predicates(data, predicates)
        for triple in triples(data, terms):
            add(triple, graph, False)
    return graph


def _with_predicates(data: bytes, predicates: Collection[bytes]) -> bytes:
    """The lines of ``data`` whose predicate (the second term: no subject or predicate
    holds a space) is one of ``predicates``."""
    return b"".join(
        line + b"\n" for line in data.split(b"\n") if line and line.split(b" ", 2)[1] in predicates
    )
