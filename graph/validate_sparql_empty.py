"""SPARQL constraints of the shapes, shown to have no solution without SPARQL.

Seven SPARQL constraints (``shape:PositionOrder`` ... ``shape:CopyStatesNoFacts``) take
a document as their focus node and scan its evidence. rdflib evaluates each as a
generic query (a binding object per triple pattern, every ``FILTER`` operand
evaluated): on a 10 MB document's graph of 62,000 triples that was two thirds of its
validation. ``shape:TotalPassage`` runs once per passage of a cooperation total (1,750
on that document's union: most of the whole graph's shapes' time). In a graph that
conforms they have no solution, and that can be shown by
walking the graph's indexes directly. For each known query text there is a check that
answers "no solution" only when SPARQL would give none; whenever it meets anything it
does not expect (a literal that is not a well-formed integer or string, a row that
would match) it answers "not shown", and pySHACL evaluates the query with rdflib as
before, so every report, failing ones included, is pySHACL's own.

A query is known by its text (whitespace aside) and its prefixes' namespaces, so a
changed constraint in ``ontology/shapes.ttl`` is simply evaluated by rdflib again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD
from rdflib.term import Node

from graph.vocab import CSK, OA

Check = Callable[[Graph, Node], bool]  # True: shown to have no solution
_INTEGERS = frozenset({XSD.integer, XSD.nonNegativeInteger})
_STRINGS = frozenset({None, XSD.string})
_PREFIX = re.compile(r"PREFIX\s+(\w*):\s*<([^>]*)>")
# the namespaces the known queries' prefixes must name
NAMESPACES = {"oa": str(OA), "csk": str(CSK), "prov": str(PROV), "rdfs": str(RDFS)}


def _integer(node: Node) -> int | None:
    """The value of a well-formed integer literal (xsd:integer, xsd:nonNegativeInteger)."""
    if (
        isinstance(node, Literal)
        and node.datatype in _INTEGERS
        and not node.ill_typed
        and type(node.value) is int
    ):
        return node.value
    return None


class _Reader(Protocol):
    """What the checks of positions read: a ``Graph``, or ``_Selectors`` of one."""

    def subjects(self, predicate: Node, object: Node) -> Iterable[Node]: ...
    def objects(self, subject: Node, predicate: Node) -> Iterable[Node]: ...


class _Selectors:
    """The evidence's sources, selectors and facts of a graph, read once into maps: the
    checks then look each evidence and selector up in a dict, not through rdflib's
    generic ``triples`` (422,000 calls on a 10 MB document's graph; its validation in
    the helper: 1.7 to 1.9 CPU s before, 1.6 after)."""

    _FORWARD = (OA.hasSelector, OA.start, OA.end, OA.exact)  # read from their subject
    _BACKWARD = (OA.hasSource, CSK.evidence)  # read from their object

    def __init__(self, graph: Graph) -> None:
        self._forward: dict[Node, dict[Node, list[Node]]] = {}
        self._backward: dict[Node, dict[Node, list[Node]]] = {}
        for predicate in self._FORWARD + self._BACKWARD:
            forward: dict[Node, list[Node]] = {}
            backward: dict[Node, list[Node]] = {}
            for s, o in graph.subject_objects(predicate):
                if predicate in self._FORWARD:
                    forward.setdefault(s, []).append(o)
                else:
                    backward.setdefault(o, []).append(s)
            self._forward[predicate], self._backward[predicate] = forward, backward

    def subjects(self, predicate: Node, object: Node) -> Iterable[Node]:
        return self._backward[predicate].get(object, ())

    def objects(self, subject: Node, predicate: Node) -> Iterable[Node]:
        return self._forward[predicate].get(subject, ())


# graphs declared unchanged (``unchanged``), by id, with their maps once made
_UNCHANGED: dict[int, tuple[Graph, _Selectors | None]] = {}


@contextmanager
def unchanged(graph: Graph) -> Iterator[None]:
    """Within the block, ``graph`` does not change (one pySHACL run over a document's
    graph): the checks read its selectors from maps made once (``_Selectors``)."""
    _UNCHANGED[id(graph)] = (graph, None)
    try:
        yield
    finally:
        del _UNCHANGED[id(graph)]


def _reader(graph: Graph) -> _Reader:
    """``graph``'s ``_Selectors`` if it is declared unchanged, else the graph itself."""
    held = _UNCHANGED.get(id(graph))
    if held is None or held[0] is not graph:
        return graph
    if held[1] is None:
        held = _UNCHANGED[id(graph)] = (graph, _Selectors(graph))
    return held[1]


def _positions(graph: _Reader, this: Node) -> Iterator[tuple[Node, Node]]:
    """(evidence, selector) for each selector of each evidence whose source is ``this``."""
    for value in graph.subjects(OA.hasSource, this):
        for selector in graph.objects(value, OA.hasSelector):
            yield value, selector


def _order_empty(graph: Graph, this: Node) -> bool:
    """``?end <= ?start`` never holds."""
    read = _reader(graph)
    for _value, position in _positions(read, this):
        for start in read.objects(position, OA.start):
            for end in read.objects(position, OA.end):
                s, e = _integer(start), _integer(end)
                if s is None or e is None or e <= s:
                    return False
    return True


def _fits_empty(graph: Graph, this: Node) -> bool:
    """``?span > 0 && STRLEN(?exact) != ?span`` never holds (every quote and position
    selector of an evidence paired, as the query pairs them)."""
    read = _reader(graph)
    for value in read.subjects(OA.hasSource, this):
        selectors = list(read.objects(value, OA.hasSelector))
        exacts = [x for q in selectors for x in read.objects(q, OA.exact)]
        if not exacts:
            continue
        for position in selectors:
            for start in read.objects(position, OA.start):
                for end in read.objects(position, OA.end):
                    s, e = _integer(start), _integer(end)
                    if s is None or e is None:
                        return False
                    span = e - s
                    for exact in exacts:
                        if not (
                            isinstance(exact, Literal)
                            and exact.datatype in _STRINGS
                            and not exact.ill_typed
                        ):
                            return False
                        if span > 0 and len(str(exact)) != span:
                            return False
    return True


def _within_empty(graph: Graph, this: Node) -> bool:
    """``?end > ?count`` never holds."""
    counts = list(graph.objects(this, CSK.characterCount))
    if not counts:
        return True  # no document length: the query's first pattern has no match
    read = _reader(graph)
    for count in counts:
        c = _integer(count)
        if c is None:
            return False
        for _value, position in _positions(read, this):
            for end in read.objects(position, OA.end):
                e = _integer(end)
                if e is None or e > c:
                    return False
    return True


def _from_source_empty(graph: Graph, this: Node) -> bool:
    """Every fact citing this document's evidence is derived from the document."""
    read = _reader(graph)
    derived = set(graph.subjects(PROV.wasDerivedFrom, this))  # (one walk, not one a fact)
    for value in read.subjects(OA.hasSource, this):
        for fact in read.subjects(CSK.evidence, value):
            if fact not in derived:
                return False
    return True


def _status_from_source_empty(graph: Graph, this: Node) -> bool:
    """Everything planned or achieved in this document is derived from it."""
    derived = set(graph.subjects(PROV.wasDerivedFrom, this))
    for stated in (CSK.plannedIn, CSK.achievedIn):
        for value in graph.subjects(stated, this):
            if value not in derived:
                return False
    return True


def _is_fact_class(graph: Graph, cls: Node) -> bool:
    """``cls rdfs:subClassOf* csk:Fact`` in ``graph`` (zero steps included)."""
    seen, todo = {cls}, [cls]
    while todo:
        node = todo.pop()
        if node == CSK.Fact:
            return True
        for parent in graph.objects(node, RDFS.subClassOf):
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return False


def _states_status_empty(graph: Graph, this: Node) -> bool:
    """Every fact derived from this document says it is planned or achieved there."""
    classes: dict[Node, bool] = {}
    stated = set(graph.subjects(CSK.plannedIn, this)) | set(graph.subjects(CSK.achievedIn, this))
    for value in graph.subjects(PROV.wasDerivedFrom, this):
        if value in stated:
            continue
        for cls in graph.objects(value, RDF.type):
            if cls not in classes:
                classes[cls] = _is_fact_class(graph, cls)
            if classes[cls]:
                return False
    return True


def _copy_empty(graph: Graph, this: Node) -> bool:
    """A copy states no fact (or this is no copy)."""
    if next(graph.objects(this, PROV.alternateOf), None) is None:
        return True
    return next(graph.subjects(PROV.wasDerivedFrom, this), None) is None


_TOTAL_PASSAGE = "https://w3id.org/china-space-kg/id/total-passage/"


def _after_id(node: Node) -> str:
    """``STRAFTER(STR(node), "/id/")``: the text after the first "/id/", else empty."""
    _before, found, rest = str(node).partition("/id/")
    return rest if found else ""


def _total_passage_empty(graph: Graph, this: Node) -> bool:
    """A total's passage has one total (a csk:CooperationTotal) and one of its evidence,
    a rank, and the IRI made from the two."""
    totals = set(graph.objects(this, CSK.ofTotal))
    evidence = set(graph.objects(this, CSK.ofEvidence))
    if len(totals) != 1 or len(evidence) != 1:
        return False
    (total,), (passage,) = totals, evidence
    return (
        isinstance(total, URIRef)
        and isinstance(passage, URIRef)
        and next(graph.objects(this, CSK.totalRank), None) is not None
        and (total, RDF.type, CSK.CooperationTotal) in graph
        and (total, CSK.evidence, passage) in graph
        and str(this) == f"{_TOTAL_PASSAGE}{_after_id(total)}/{_after_id(passage)}"
    )


# each query's text as in ontology/shapes.ttl (a test holds them to it)
KNOWN: dict[str, Check] = {
    """SELECT $this ?value ?start ?end WHERE {
                ?value oa:hasSource $this ; oa:hasSelector ?position .
                ?position oa:start ?start ; oa:end ?end .
                FILTER (?end <= ?start)
            }""": _order_empty,
    """SELECT $this ?value ?length ?span WHERE {
                ?value oa:hasSource $this ; oa:hasSelector ?quote , ?position .
                ?quote oa:exact ?exact .
                ?position oa:start ?start ; oa:end ?end .
                BIND (STRLEN(?exact) AS ?length)
                BIND (?end - ?start AS ?span)
                FILTER (?span > 0 && ?length != ?span)
            }""": _fits_empty,
    """SELECT $this ?value ?end ?count WHERE {
                $this csk:characterCount ?count .
                ?value oa:hasSource $this ; oa:hasSelector ?position .
                ?position oa:end ?end .
                FILTER (?end > ?count)
            }""": _within_empty,
    """SELECT $this ?value ?fact WHERE {
                ?value oa:hasSource $this .
                ?fact csk:evidence ?value .
                FILTER NOT EXISTS { ?fact prov:wasDerivedFrom $this }
            }""": _from_source_empty,
    """SELECT $this ?value WHERE {
                ?value csk:plannedIn|csk:achievedIn $this .
                FILTER NOT EXISTS { ?value prov:wasDerivedFrom $this }
            }""": _status_from_source_empty,
    """SELECT $this ?value WHERE {
                ?value prov:wasDerivedFrom $this ; a/rdfs:subClassOf* csk:Fact .
                FILTER NOT EXISTS { ?value csk:plannedIn|csk:achievedIn $this }
            }""": _states_status_empty,
    """SELECT $this ?value WHERE {
                $this prov:alternateOf ?original .
                ?value prov:wasDerivedFrom $this .
            }""": _copy_empty,
    """SELECT $this WHERE {
                FILTER (NOT EXISTS {
                    $this csk:ofTotal ?total ; csk:ofEvidence ?evidence .
                    $this csk:totalRank ?rank .
                    ?total a csk:CooperationTotal ; csk:evidence ?evidence .
                    FILTER (STR($this) = CONCAT("https://w3id.org/china-space-kg/id/total-passage/",
                        STRAFTER(STR(?total), "/id/"), "/", STRAFTER(STR(?evidence), "/id/")))
                }
                || EXISTS { $this csk:ofTotal ?t1, ?t2 . FILTER (?t1 != ?t2) }
                || EXISTS { $this csk:ofEvidence ?e1, ?e2 . FILTER (?e1 != ?e2) })
            }""": _total_passage_empty,
}


def _words(text: str) -> str:
    return " ".join(text.split())


T = TypeVar("T")


def known_query(query: str, known: Mapping[str, T]) -> T | None:
    """``known``'s entry for a query as pySHACL or the engine runs it (a PREFIX line for
    each prefix, then the constraint's text, whitespace aside), or None when the text is
    not a key of ``known`` or a prefix it uses names another namespace."""
    by_words = _by_words(known)
    lines = query.split("\n")
    start = next((i for i, line in enumerate(lines) if not line.startswith("PREFIX ")), 0)
    entry = by_words.get(_words("\n".join(lines[start:])))
    prefixes = dict(_PREFIX.findall("\n".join(lines[:start])))
    if entry is None or any(prefixes.get(p) != ns for p, ns in NAMESPACES.items()):
        return None
    return entry


_WORDS: dict[int, dict[str, Any]] = {}


def _by_words(known: Mapping[str, T]) -> dict[str, T]:
    """``known`` keyed by its texts' words (made once per table)."""
    if id(known) not in _WORDS:
        _WORDS[id(known)] = {_words(text): entry for text, entry in known.items()}
    return _WORDS[id(known)]


def check_for(query: str) -> Check | None:
    """The check of a query as pySHACL runs it, or None (``known_query``)."""
    return known_query(query, KNOWN)


def shown_empty(query: str, bindings: Mapping[str, Any], graph: Any) -> bool:
    """Whether ``query`` with ``bindings`` (``this`` only) is shown to have no solution
    in ``graph``: a plain rdflib graph, or pySHACL's wrapper of one, whose queries go to
    it (a dataset's default graph would mean something else)."""
    this = bindings.get("this")
    plain = getattr(graph, "impl", graph)
    if type(plain) is not Graph or not isinstance(this, URIRef) or set(bindings) != {"this"}:
        return False
    check = check_for(query)
    return check is not None and check(plain, this)
