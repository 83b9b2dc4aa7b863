"""Which whole-graph shapes read a subject's summary properties, and how.

Adding one article to a thousand moves the ranks of thousands of facts
(``csk:corroborationRank``: a new fact takes a place and every later one moves down) and
changes nothing else about them. Validating those facts again with every shape cost most
of an add-one build (about 30 s at 1,000 documents). A shape that never reads the
summary properties (``subject_digests.OWN_ONLY``) gives such a fact the result it gave
before; one that reads only whether a subject has them (``RankedRow``: which class
carries a rank) gives the same result while the same properties are there; only a shape
that reads their values (``SummaryCount``) must see the new values, and it reads nothing
but its focus node's own triples. Even that shape's SPARQL, run by pySHACL once per node
(about 2.5 s for 6,900 facts), is first run once over all of them by the engine
(:func:`may_report`): the nodes it finds no row for get no result from it, and pySHACL
sees only the others (none, in a build that conforms). Finding this from the shapes,
rather than listing shape names, keeps it true when a shape changes: a shape read in a
way this module cannot follow makes :func:`own_readers` answer ``None``, and the build
validates such subjects with every shape, as before. The engine (pyoxigraph) and rdflib
(pySHACL's) must agree on a query for the shortcut to hold: ``tests/test_summary_readers.py``
runs it on every fixture of those shapes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.paths import AlternativePath, InvPath, MulPath, NegatedPath, SequencePath
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Node

from graph.validate_engine import engine_queries, found_nodes
from graph.vocab import SH

# parts of a shape whose results may name another shape (a nested one) than itself
_NESTED = (SH.property, SH.node, SH["or"], SH["and"], SH.xone, SH["not"], SH.qualifiedValueShape)
_PRESENCE_TARGETS = (SH.targetSubjectsOf,)  # a target that reads only that the property is there
_THIS = Variable("this")


@dataclass(frozen=True)
class OwnReaders:
    """The shapes (IRIs) whose results on a node may change when only its summary
    properties change: ``present`` when which of them the node has changes, ``valued``
    (a subset) when only their values do. ``valued_alone``: the valued ones read their
    focus node's own triples and nothing else."""

    present: frozenset[str]
    valued: frozenset[str]
    valued_alone: bool


@dataclass
class _Reading:
    reads: bool = False  # the presence of an own property (or every predicate)
    values: bool = False  # their values
    elsewhere: bool = False  # a pattern whose subject is not the focus node
    unknown: bool = False  # read in a way not followed here


def own_readers(shapes: Graph, use: Sequence[str], own: Iterable[URIRef]) -> OwnReaders | None:
    """How the shapes ``use`` read the properties ``own``; ``None`` when one of them
    reads them in a way not followed here (a nested shape, another node's, a path not
    from the focus node)."""
    own = frozenset(own)
    present, valued, alone = set(), set(), True
    for name in use:
        reading = _shape_reading(shapes, URIRef(name), own)
        if reading.unknown:
            return None
        if not reading.reads:
            continue
        if any((URIRef(name), p, None) in shapes for p in _NESTED):
            return None  # its results would name the nested shapes, not it
        present.add(name)
        if reading.values:
            valued.add(name)
            alone = alone and not reading.elsewhere
    return OwnReaders(frozenset(present), frozenset(valued), alone)


def may_report(shapes: Graph, names: Iterable[str], triples: str) -> set[str] | None:
    """Of the subjects of ``triples`` (N-Triples text: the nodes' own triples), those the
    SPARQL constraints of the shapes ``names`` find a row for, run once over all of them
    by the engine rather than once per node by pySHACL (``graph.validate_engine``);
    ``None`` when a shape cannot be checked this way."""
    queries = []
    for name in names:
        found = engine_queries(shapes, name)
        if found is None:
            return None
        queries += found
    try:
        store = ox.Store()
        store.load(triples.encode("utf-8"), ox.RdfFormat.N_TRIPLES)
        return found_nodes(store, queries)
    except (SyntaxError, ValueError, OSError):  # not read or not run: pySHACL does it all
        return None


def _shape_reading(shapes: Graph, shape: URIRef, own: frozenset[URIRef]) -> _Reading:
    reading = _Reading()
    for s, p, o in _closure(shapes, shape):
        if o in own:
            if p in _PRESENCE_TARGETS and s == shape:
                reading.reads = True
            elif p == SH.path and s == shape:  # its values, and what they lead to
                reading.reads = reading.values = reading.elsewhere = True
            else:  # objects of it, nested paths, lists: not followed
                reading.unknown = True
        if p == SH.select and isinstance(o, Literal):
            _sparql_reading(shapes, s, str(o), own, reading)
    return reading


def _closure(shapes: Graph, shape: URIRef) -> list[tuple[Node, Node, Node]]:
    """The shape's triples and those of the blank nodes (constraints, lists) below it."""
    found, todo, seen = [], [shape], {shape}
    while todo:
        node = todo.pop()
        for s, p, o in shapes.triples((node, None, None)):
            found.append((s, p, o))
            if isinstance(o, BNode) and o not in seen:
                seen.add(o)
                todo.append(o)
    return found


def _sparql_reading(
    shapes: Graph, constraint: Node, text: str, own: frozenset[URIRef], reading: _Reading
) -> None:
    prefixes = {
        str(shapes.value(d, SH.prefix)): str(shapes.value(d, SH.namespace))
        for p in shapes.objects(constraint, SH.prefixes)
        for d in shapes.objects(p, SH.declare)
    }
    try:
        algebra = prepareQuery(text, initNs=prefixes).algebra
    except Exception:  # a query not parsed here is one not followed
        reading.unknown = True
        return
    patterns = list(_patterns(algebra))
    mentioned = any(isinstance(t, URIRef) and t in own for t in _terms(algebra))
    in_patterns = False
    bound: dict[Variable, int] = {}  # a variable an own property binds -> how many times
    for subject, predicate, obj in patterns:
        reads_own = isinstance(predicate, Variable) or bool(_path_iris(predicate) & own)
        if not reads_own:
            if subject != _THIS:
                reading.elsewhere = True
            continue
        in_patterns = in_patterns or not isinstance(predicate, Variable)
        if subject != _THIS:
            reading.unknown = True  # another node's summaries
            return
        reading.reads = True
        if not isinstance(predicate, URIRef) or not isinstance(obj, Variable):
            reading.values = True  # every predicate, a path, or a value compared
        else:
            bound[obj] = bound.get(obj, 0) + 1
    # a value is read unless its variable is named only where an own property binds it
    # (not selected, filtered, bound or joined on)
    for variable, times in bound.items():
        if len(re.findall(rf"[?$]{re.escape(str(variable))}\b", text)) > times:
            reading.values = True
    if mentioned and not in_patterns:
        reading.unknown = True  # named in an expression only


def _patterns(node) -> Iterable[tuple[Node, Node, Node]]:
    """Every triple pattern of a query's algebra, ``EXISTS`` groups included."""
    if isinstance(node, CompValue):
        if node.name in ("BGP", "TriplesBlock") and node.get("triples") is not None:
            for group in node["triples"]:
                terms = list(group)
                for i in range(0, len(terms) - 2, 3):
                    yield terms[i], terms[i + 1], terms[i + 2]
        for key in node:
            if key != "triples":
                yield from _patterns(node[key])
    elif isinstance(node, (list, tuple)):
        for item in node:
            yield from _patterns(item)


def _terms(node) -> Iterable[Node]:
    """Every IRI anywhere in a query's algebra (expressions included)."""
    if isinstance(node, CompValue):
        for key in node:
            yield from _terms(node[key])
    elif isinstance(node, (list, tuple, set, frozenset)):
        for item in node:
            yield from _terms(item)
    elif isinstance(node, URIRef):
        yield node
    elif isinstance(node, (AlternativePath, SequencePath, MulPath, InvPath, NegatedPath)):
        yield from _path_iris(node)


def _path_iris(path) -> set[URIRef]:
    if isinstance(path, URIRef):
        return {path}
    if isinstance(path, (AlternativePath, SequencePath)):
        return {iri for arg in path.args for iri in _path_iris(arg)}
    if isinstance(path, MulPath):
        return _path_iris(path.path)
    if isinstance(path, InvPath):
        return _path_iris(path.arg)
    if isinstance(path, NegatedPath):
        return {iri for arg in path.args for iri in _path_iris(arg)}
    return set()
