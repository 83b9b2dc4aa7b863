"""Shape ``PartnerPassage``'s two queries answered from the union's lines, in Python.

The build makes a ``csk:PartnerPassage`` node for each partner, fact and passage
(``graph/summary_passages.py``): 11,953 of them on a 10 MB document's graph. pyoxigraph
evaluates the shape's queries a node at a time through about twenty ``EXISTS`` tests:
2 s on that graph in memory, 4 to 6 s on the build's on-disk store (as first written,
with the node's values bound inside one ``NOT EXISTS``, 240 s). Walking the store from
Python is no faster (each quad read costs microseconds), but validation has already read
the union's triples per subject as N3 strings (``graph/validate_lines.py``); each test
compares a node's own few values with its fact's and passage's, and those dictionaries
answer it in a few tens of milliseconds.

Each check answers a superset of the nodes the query finds: two spellings of a term are
taken as two terms, and whatever it does not expect (a node with two facts, a blank
node, an offset that is not a well-formed integer) is flagged. pySHACL then validates
the flagged nodes with the shape's own SPARQL, so the report is pySHACL's as before.
``tests/test_partner_passage_check.py`` holds each check to its query on the fixtures
and on broken copies of a built node.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Collection, Iterable, Mapping

from graph.validate_sparql_empty import known_query

CSK = "https://w3id.org/china-space-kg/ontology#"
OA = "http://www.w3.org/ns/oa#"
XSD = "http://www.w3.org/2001/XMLSchema#"
PASSAGE_IRI = "https://w3id.org/china-space-kg/id/partner-passage/"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
PREF_LABEL = "<http://www.w3.org/2004/02/skos/core#prefLabel>"


def _csk(name: str) -> str:
    return f"<{CSK}{name}>"


def _oa(name: str) -> str:
    return f"<{OA}{name}>"


PARTNER, FACT, EVIDENCE, RANK = map(
    _csk, ("passagePartner", "passageFact", "passageEvidence", "passageRank")
)
FACT_TYPE, FACT_LABEL, STATUS = map(_csk, ("passageFactType", "passageFactLabel", "passageStatus"))
QUOTE, DOCUMENT, START, END = map(
    _csk, ("passageQuote", "passageDocument", "passageStart", "passageEnd")
)
NAMES_PARTNER = tuple(map(_csk, ("partner", "party", "organisation")))
HAS_EVIDENCE, HAS_STATUS = _csk("evidence"), _csk("status")
SELECTOR, EXACT, SOURCE, OA_START, OA_END = map(
    _oa, ("hasSelector", "exact", "hasSource", "start", "end")
)
# a well-formed integer literal as rdflib writes it
_INTEGER = re.compile(rf'"([+-]?[0-9]+)"\^\^<{XSD}(?:integer|nonNegativeInteger)>')

BySubject = Mapping[str, Collection[tuple[str, str]]]  # subject -> (predicate, object), N3
Own = dict[str, list[str]]  # a subject's objects by predicate
Check = Callable[[BySubject], "set[str] | None"]


class _Values:
    """Each subject's objects by predicate, made once per subject (a fact's and a
    passage's are wanted by each of their nodes; a fact may have thousands of values)."""

    def __init__(self, by_subject: BySubject) -> None:
        self.by_subject = by_subject
        self._kept: dict[str, Own] = {}
        self.copied: dict[str, tuple] = {}  # a fact's or passage's values a node copies

    def own(self, subject: str) -> Own:
        if subject not in self._kept:
            own: Own = {}
            for predicate, obj in self.by_subject.get(subject, ()):
                own.setdefault(predicate, []).append(obj)
            self._kept[subject] = own
        return self._kept[subject]

    def of(self, subject: str, predicate: str) -> list[str]:
        return self.own(subject).get(predicate, [])

    def has(self, subject: str, predicate: str, value: str) -> bool:
        return (predicate, value) in self.by_subject.get(subject, ())

    def through(self, subject: str, first: str, then: str) -> set[str]:
        """The values of ``then`` on the values of ``first`` (a property path of two)."""
        return {v for middle in self.of(subject, first) for v in self.of(middle, then)}


def _after_id(n3: str) -> str:
    """``STRAFTER(STR(term), "/id/")`` of an IRI: the text after the first "/id/"."""
    _before, found, rest = n3[1:-1].partition("/id/")
    return rest if found else ""


def _flagged(by_subject: BySubject, wrong: Callable[[_Values, str, Own], bool]) -> set[str] | None:
    """The nodes ``wrong`` flags among the subjects of csk:passagePartner,
    csk:passageFact or csk:passageEvidence; ``None`` when one is a blank node (the
    engine's rows would name no node pySHACL can be aimed at: it validates them all)."""
    # the walk makes no reference cycles, but the facts' and passages' values it keeps
    # would set off full collections of the build's heap (its rdflib dataset): in a
    # 10 MB document's build that tripled the walk's time
    collecting = gc.isenabled()
    gc.disable()
    try:
        values = _Values(by_subject)
        found: set[str] = set()
        for node, outgoing in by_subject.items():
            if not any(p in (PARTNER, FACT, EVIDENCE) for p, _o in outgoing):
                continue
            if not node.startswith("<"):
                return None
            own: Own = {}  # the node's own values, read once (not kept)
            for predicate, obj in outgoing:
                own.setdefault(predicate, []).append(obj)
            if wrong(values, node, own):
                found.add(node)
        return found
    finally:
        if collecting:
            gc.enable()


def _one_each(own: Own) -> tuple[str, str, str] | None:
    """The node's one partner, fact and passage, or ``None``."""
    partners, facts, evidence = own.get(PARTNER, []), own.get(FACT, []), own.get(EVIDENCE, [])
    if len(partners) != 1 or len(facts) != 1 or len(evidence) != 1:
        return None
    return partners[0], facts[0], evidence[0]


def _shape_wrong(values: _Values, node: str, own: Own) -> bool:
    """The first query: one partner, fact and passage, a rank, the IRI made from the
    three, the passage one of the fact's and the fact naming the partner."""
    three = _one_each(own)
    if three is None or not own.get(RANK):
        return True
    partner, fact, evidence = three
    if not all(t.startswith("<") for t in three):
        return True  # STR of a literal or blank node: left to the query
    iri = f"<{PASSAGE_IRI}{_after_id(partner)}/{_after_id(fact)}/{_after_id(evidence)}>"
    return (
        node != iri
        or not values.has(fact, HAS_EVIDENCE, evidence)
        or not any(values.has(fact, p, partner) for p in NAMES_PARTNER)
    )


def _integers(terms: Iterable[str]) -> set[int] | None:
    """The values of well-formed integer literals, ``None`` if a term is another thing
    (SPARQL's ``=`` on those is left to the query)."""
    found = set()
    for term in terms:
        matched = _INTEGER.fullmatch(term)
        if matched is None:
            return None
        found.add(int(matched.group(1)))
    return found


def _fact_copied(values: _Values, fact: str) -> tuple[frozenset[str], ...]:
    """What a node copies of its fact: its classes' labels, its labels, its status's."""
    if fact not in values.copied:
        values.copied[fact] = (
            frozenset(values.through(fact, RDF_TYPE, LABEL)),
            frozenset(values.of(fact, LABEL)),
            frozenset(values.through(fact, HAS_STATUS, PREF_LABEL)),
        )
    return values.copied[fact]


def _passage_copied(values: _Values, evidence: str) -> tuple[frozenset | None, ...]:
    """What a node copies of its passage: its quotes, documents, starts and ends (the
    offsets as numbers, ``None`` if one is not a well-formed integer)."""
    if evidence not in values.copied:
        selectors = values.of(evidence, SELECTOR)

        def on_selectors(predicate: str) -> list[str]:
            return [v for selector in selectors for v in values.of(selector, predicate)]

        starts, ends = _integers(on_selectors(OA_START)), _integers(on_selectors(OA_END))
        values.copied[evidence] = (
            frozenset(on_selectors(EXACT)),
            frozenset(values.of(evidence, SOURCE)),
            None if starts is None else frozenset(starts),
            None if ends is None else frozenset(ends),
        )
    return values.copied[evidence]


def _values_wrong(values: _Values, node: str, own: Own) -> bool:
    """The second query: the values copied from the fact and passage, both ways."""
    if not own.get(FACT) or not own.get(EVIDENCE):
        return False  # the query's first pattern has no match
    three = _one_each(own)
    if three is None:
        return True  # several facts or passages: each pair is left to the query
    _partner, fact, evidence = three
    types, labels, statuses = _fact_copied(values, fact)
    quotes, documents, starts, ends = _passage_copied(values, evidence)
    mine_starts, mine_ends = _integers(own.get(START, [])), _integers(own.get(END, []))
    return not (
        types == set(own.get(FACT_TYPE, []))
        and labels == set(own.get(FACT_LABEL, []))
        and statuses == set(own.get(STATUS, []))
        and quotes == set(own.get(QUOTE, []))
        and documents == set(own.get(DOCUMENT, []))
        and starts is not None
        and starts == mine_starts
        and ends is not None
        and ends == mine_ends
    )


def shape_nodes(by_subject: BySubject) -> set[str] | None:
    """The nodes (N3) the shape's first query may find: a superset."""
    return _flagged(by_subject, _shape_wrong)


def value_nodes(by_subject: BySubject) -> set[str] | None:
    """The nodes (N3) the shape's second query may find: a superset."""
    return _flagged(by_subject, _values_wrong)


# each query's text as in ontology/shapes.ttl (a test holds them to it)
KNOWN: dict[str, Check] = {
    """SELECT DISTINCT $this WHERE {
                $this csk:passagePartner|csk:passageFact|csk:passageEvidence ?any .
                OPTIONAL { $this csk:passagePartner ?partner }
                OPTIONAL { $this csk:passageFact ?fact }
                OPTIONAL { $this csk:passageEvidence ?evidence }
                FILTER (!BOUND(?partner) || !BOUND(?fact) || !BOUND(?evidence)
                    || NOT EXISTS { $this csk:passageRank ?rank }
                    || STR($this) != CONCAT("https://w3id.org/china-space-kg/id/partner-passage/",
                        STRAFTER(STR(?partner), "/id/"), "/", STRAFTER(STR(?fact), "/id/"), "/",
                        STRAFTER(STR(?evidence), "/id/"))
                    || NOT EXISTS { ?fact csk:evidence ?evidence }
                    || NOT EXISTS { { ?fact csk:partner ?partner } UNION {
                        ?fact csk:party ?partner }
                                    UNION { ?fact csk:organisation ?partner } }
                    || EXISTS { $this csk:passagePartner ?p2 . FILTER (?p2 != ?partner) }
                    || EXISTS { $this csk:passageFact ?f2 . FILTER (?f2 != ?fact) }
                    || EXISTS { $this csk:passageEvidence ?e2 . FILTER (?e2 != ?evidence) })
            }""": shape_nodes,
    """SELECT DISTINCT $this WHERE {
                $this csk:passageFact ?fact ; csk:passageEvidence ?evidence .
                FILTER (EXISTS { $this csk:passageFactType ?v . FILTER NOT
                    EXISTS { ?fact a ?class . FILTER EXISTS { ?class rdfs:label
                    ?v } } }
                    || EXISTS { ?fact a ?class . FILTER EXISTS { ?class
                        rdfs:label ?v . FILTER NOT EXISTS { $this
                        csk:passageFactType ?v } } }
                    || EXISTS { $this csk:passageFactLabel ?v . FILTER NOT
                        EXISTS { ?fact rdfs:label ?v } }
                    || EXISTS { ?fact rdfs:label ?v . FILTER NOT EXISTS {
                        $this csk:passageFactLabel ?v } }
                    || EXISTS { $this csk:passageStatus ?v . FILTER NOT
                        EXISTS { ?fact csk:status ?status . FILTER EXISTS {
                        ?status
                        <http://www.w3.org/2004/02/skos/core#prefLabel> ?v }
                        } }
                    || EXISTS { ?fact csk:status ?status . FILTER EXISTS {
                        ?status
                        <http://www.w3.org/2004/02/skos/core#prefLabel> ?v .
                        FILTER NOT EXISTS { $this csk:passageStatus ?v } } }
                    || EXISTS { $this csk:passageQuote ?v . FILTER NOT
                        EXISTS { ?evidence oa:hasSelector ?selector . FILTER
                        EXISTS { ?selector oa:exact ?v } } }
                    || EXISTS { ?evidence oa:hasSelector ?selector . FILTER
                        EXISTS { ?selector oa:exact ?v . FILTER NOT EXISTS {
                        $this csk:passageQuote ?v } } }
                    || EXISTS { $this csk:passageDocument ?v . FILTER NOT
                        EXISTS { ?evidence oa:hasSource ?v } }
                    || EXISTS { ?evidence oa:hasSource ?v . FILTER NOT
                        EXISTS { $this csk:passageDocument ?v } }
                    || EXISTS { $this csk:passageStart ?v . FILTER NOT
                        EXISTS { ?evidence oa:hasSelector ?selector . FILTER
                        EXISTS { ?selector oa:start ?w . FILTER (?w = ?v) }
                        } }
                    || EXISTS { ?evidence oa:hasSelector ?selector . FILTER
                        EXISTS { ?selector oa:start ?v . FILTER NOT EXISTS {
                        $this csk:passageStart ?w . FILTER (?w = ?v) } } }
                    || EXISTS { $this csk:passageEnd ?v . FILTER NOT EXISTS
                        { ?evidence oa:hasSelector ?selector . FILTER EXISTS
                        { ?selector oa:end ?w . FILTER (?w = ?v) } } }
                    || EXISTS { ?evidence oa:hasSelector ?selector . FILTER
                        EXISTS { ?selector oa:end ?v . FILTER NOT EXISTS {
                        $this csk:passageEnd ?w . FILTER (?w = ?v) } } })
            }""": value_nodes,
}


def check_for(query: str) -> Check | None:
    """The check of a query as the engine runs it (its PREFIX lines, then the
    constraint's text), or ``None`` when it is not a known one."""
    return known_query(query, KNOWN)
