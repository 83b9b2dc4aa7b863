"""The predicates of the data graph that pySHACL can read when it runs some shapes.

A cold build validates its whole-graph shapes on an rdflib union of every triple it made
(``graph.validate_whole``). On a 10 MB document's graph most of those triples are never
read there: 140,000 of its 200,000 are the ``csk:PartnerPassage`` nodes' values, and
30,000 more the evidence's selectors, which only the per-document shapes and the engine's
first pass look at. Making the union (a term and an index entry per triple) was most of
that validation (2.3 s for a pySHACL run of 0.4 s).

What a shape reads of the data is a function of the predicates it names: its targets
(``rdf:type`` and ``rdfs:subClassOf`` for a class), its paths, the values it compares
(``sh:class`` reads types), and the triple patterns of its SPARQL (parsed by rdflib). So
a union of the triples whose predicate is one of those gives pySHACL the same answers
and the same report. Whatever is not followed here gives ``None`` (the union is made
whole, as before): a SHACL parameter not listed in ``_FOLLOWED``, a custom constraint
component, a rule, a SPARQL pattern whose predicate is a variable or a negated path, a
``GRAPH`` or ``SERVICE`` pattern, a query rdflib cannot parse.
``tests/test_validate_reads.py`` holds the trimmed union's report to the whole union's.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.paths import AlternativePath, InvPath, MulPath, SequencePath
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Node

from graph.vocab import SH

# what pySHACL reads for every shape: a target class's instances and their subclasses,
# and the same for sh:class
ALWAYS = frozenset({RDF.type, RDFS.subClassOf})
# the SHACL parameters whose reading of the data is the predicates and classes they name
# (objects of theirs that are IRIs are kept as predicates: sh:equals names one)
_FOLLOWED = frozenset(
    SH[name]
    for name in (  # noqa: SIM905 (a list of 55 words, one a line, says less)
        "targetClass targetNode targetSubjectsOf targetObjectsOf target select prefixes "
        "declare prefix namespace path inversePath alternativePath zeroOrMorePath "
        "oneOrMorePath zeroOrOnePath property node not and or xone class datatype nodeKind "
        "minCount maxCount minExclusive minInclusive maxExclusive maxInclusive minLength "
        "maxLength pattern flags languageIn uniqueLang equals disjoint lessThan "
        "lessThanOrEquals hasValue in qualifiedValueShape qualifiedMinCount "
        "qualifiedMaxCount sparql message severity name description deactivated order "
        "group defaultValue"
    ).split()
)
# anywhere in the shapes, these change what pySHACL does beyond the shapes it starts from
_ANYWHERE = (SH.rule, SH.parameter, SH.validator, SH.nodeValidator, SH.propertyValidator)
_UNFOLLOWED_PATTERNS = frozenset({"Graph", "GraphGraphPattern", "ServiceGraphPattern"})


class _NotFollowed(Exception):
    """A shape reads the data in a way not worked out here."""


def read_predicates(shapes: Graph, names: Iterable[str]) -> frozenset[URIRef] | None:
    """The predicates whose triples pySHACL can read when it validates with the shapes
    ``names`` of ``shapes`` (``use_shapes``); ``None`` when that is not known."""
    if any((None, p, None) in shapes for p in _ANYWHERE):
        return None
    found: set[URIRef] = set(ALWAYS)
    seen: set[Node] = set()
    todo: list[Node] = [URIRef(name) for name in names]
    try:
        while todo:
            node = todo.pop()
            if node in seen:
                continue
            seen.add(node)
            for p, o in shapes.predicate_objects(node):
                if str(p).startswith(str(SH)) and p not in _FOLLOWED:
                    raise _NotFollowed(p)
                if isinstance(o, URIRef):
                    found.add(o)
                if p == SH.select:
                    found |= _query_predicates(shapes, node, str(o))
                if not isinstance(o, Literal):
                    todo.append(o)  # a shape, a list, a query, or what names a class
    except _NotFollowed:
        return None
    return frozenset(found)


def _query_predicates(shapes: Graph, holder: Node, text: str) -> frozenset[URIRef]:
    """The predicates of every triple pattern of a SPARQL query (``sh:select`` of
    ``holder``), with its ``sh:prefixes``, as pySHACL prefixes it."""
    prefixes = {
        str(shapes.value(d, SH.prefix)): str(shapes.value(d, SH.namespace))
        for p in shapes.objects(holder, SH.prefixes)
        for d in shapes.objects(p, SH.declare)
    }
    found = text_predicates(text, tuple(sorted(prefixes.items())))
    if found is None:
        raise _NotFollowed(text)
    return found


@functools.lru_cache(maxsize=256)
def text_predicates(text: str, prefixes: tuple[tuple[str, str], ...]) -> frozenset[URIRef] | None:
    """The predicates of every triple pattern of a SPARQL query's text (``prefixes``:
    (prefix, namespace) pairs declared beside it), once per process (rdflib's parser
    takes tens of milliseconds a query); ``None`` when a pattern is not followed."""
    try:
        query = prepareQuery(text, initNs=dict(prefixes))
    except Exception:  # (pyparsing's and rdflib's own errors)
        return None
    found: set[URIRef] = set()
    try:
        _walk(query.algebra, found)
    except _NotFollowed:
        return None
    return frozenset(found)


def _walk(part: Any, found: set[URIRef]) -> None:
    """Add the predicates of the triple patterns under ``part`` (a query's algebra, with
    its ``EXISTS`` groups as parsed) to ``found``."""
    if isinstance(part, CompValue):
        if part.name in _UNFOLLOWED_PATTERNS:
            raise _NotFollowed(part.name)
        if part.name in ("BGP", "TriplesBlock"):
            for triples in part.get("triples") or ():
                if len(triples) % 3:
                    raise _NotFollowed(triples)
                for predicate in list(triples)[1::3]:
                    _path(predicate, found)
        for value in part.values():
            _walk(value, found)
    elif isinstance(part, list | tuple | set | frozenset):
        for value in part:
            _walk(value, found)


def _path(predicate: Any, found: set[URIRef]) -> None:
    """The IRIs of a pattern's predicate: an IRI or a path of them (not a variable, nor a
    negated path, which read any predicate)."""
    if isinstance(predicate, URIRef):
        found.add(predicate)
    elif isinstance(predicate, SequencePath | AlternativePath):
        for arg in predicate.args:
            _path(arg, found)
    elif isinstance(predicate, MulPath):
        _path(predicate.path, found)
    elif isinstance(predicate, InvPath):
        _path(predicate.arg, found)
    else:
        raise _NotFollowed(predicate)


def evaluated(use: Iterable[str], flagged: dict[str, set[str]]) -> list[str]:
    """The shapes of ``use`` pySHACL validates any node with: not those the engine found
    no node for (``validate_targets.retargeted`` leaves them no target)."""
    return [name for name in use if name not in flagged or flagged[name]]
