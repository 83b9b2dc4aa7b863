"""What the graph says about one resource, read with SPARQL over the backend.

Every value reaches a query as a substitution or as a ``VALUES`` row written from a
pyoxigraph term (which validates and escapes it), never pasted into the query text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from server.backend import Backend
from server.resources_links import curie, evidence_href, href, local_name

PREFIX_LINES = """
PREFIX csk: <https://w3id.org/china-space-kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""

RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"
DCT_TITLE = "http://purl.org/dc/terms/title"
OA_EXACT = "http://www.w3.org/ns/oa#exact"
_LABEL_ORDER = (RDFS_LABEL, SKOS_PREF, DCT_TITLE, OA_EXACT)
QUOTE_LABEL_LENGTH = 80


@dataclass(frozen=True)
class Link:
    """A resource as a person sees it: a name and where it leads."""

    iri: str
    label: str

    @property
    def href(self) -> str:
        return href(self.iri)


@dataclass(frozen=True)
class Value:
    """One object of a triple: a link, or literal text with its datatype or language."""

    text: str
    link: Link | None = None
    note: str | None = None


@dataclass(frozen=True)
class Evidence:
    """A passage that states a fact, and the address of that passage in its document."""

    document: Link
    start: int
    end: int
    exact: str

    @property
    def href(self) -> str:
        return evidence_href(self.document.iri, self.start, self.end)


def values_clause(var: str, iris: Iterable[str]) -> str:
    """``VALUES ?var { <a> <b> }`` from IRIs, each checked and escaped by pyoxigraph."""
    terms = " ".join(str(ox.NamedNode(i)) for i in sorted(set(iris)))
    return f"VALUES ?{var} {{ {terms} }}"


def run(backend: Backend, body: str, **bindings: ox.NamedNode | ox.Literal) -> Any:
    """A page's query, with the project's prefixes, through ``Backend.execute``."""
    return backend.results(PREFIX_LINES + body, bindings or None)


def exists(backend: Backend, iri: str) -> bool:
    """Whether the graph says anything with ``iri`` as subject or object (a string that
    is not a valid IRI names nothing)."""
    try:
        node = ox.NamedNode(iri)
    except ValueError:
        return False
    return bool(run(backend, "ASK { { ?s ?p ?o } UNION { ?x ?q ?s } }", s=node))


def labels(backend: Backend, iris: Iterable[str]) -> dict[str, str]:
    """The best name of each IRI: rdfs:label (English first), skos:prefLabel,
    dcterms:title, for a piece of evidence the start of its quote, else its last segment."""
    wanted = sorted({i for i in iris if i})
    if not wanted:
        return {}
    body = (
        "SELECT ?x ?p ?l WHERE { "
        + values_clause("x", wanted)
        + " { VALUES ?p { rdfs:label skos:prefLabel dcterms:title } ?x ?p ?l }"
        + " UNION { ?x oa:hasSelector/oa:exact ?l BIND(oa:exact AS ?p) } }"
    )
    ranked: dict[str, tuple[int, str]] = {}
    for row in run(backend, body):
        lit = row["l"]
        rank = _LABEL_ORDER.index(row["p"].value) * 2 + (0 if lit.language in ("en", None) else 1)
        iri, text = row["x"].value, lit.value
        if row["p"].value == OA_EXACT and len(text) > QUOTE_LABEL_LENGTH:
            text = text[: QUOTE_LABEL_LENGTH - 1].rstrip() + "…"
        if iri not in ranked or (rank, text) < ranked[iri]:
            ranked[iri] = (rank, text)
    return {i: ranked[i][1] if i in ranked else local_name(i) for i in wanted}


def describe(backend: Backend, iri: str) -> list[ox.Triple]:
    """The triples that describe ``iri``: what it says (with its ``#`` parts, such as an
    evidence node's selectors) and every triple that points at it."""
    body = """
    CONSTRUCT { ?s ?p ?o . ?part ?q ?v . ?x ?r ?s }
    WHERE {
      { ?s ?p ?o }
      UNION { ?s ?p0 ?part . FILTER(isIRI(?part) && STRSTARTS(STR(?part), CONCAT(STR(?s), "#")))
              ?part ?q ?v }
      UNION { ?x ?r ?s }
    }"""
    return list(run(backend, body, s=ox.NamedNode(iri)))


def term_value(term: ox.NamedNode | ox.Literal | ox.BlankNode, names: dict[str, str]) -> Value:
    if isinstance(term, ox.NamedNode):
        return Value(
            names.get(term.value, term.value),
            Link(term.value, names.get(term.value, term.value)),
            curie(term.value),
        )
    if isinstance(term, ox.Literal):
        note = term.language or curie(term.datatype.value)
        if note == "xsd:string":
            note = None
        return Value(term.value, None, note)
    return Value("(anonymous node)")


@dataclass(frozen=True)
class PropertyRow:
    predicate: Link
    values: tuple[Value, ...]


def outgoing(backend: Backend, iri: str) -> list[tuple[str, ox.NamedNode | ox.Literal]]:
    rows = run(backend, "SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }", s=ox.NamedNode(iri))
    return [(row["p"].value, row["o"]) for row in rows]


def incoming(backend: Backend, iri: str) -> list[tuple[str, str]]:
    rows = run(
        backend,
        "SELECT DISTINCT ?s ?x ?p WHERE { ?x ?p ?s FILTER(isIRI(?x)) }",
        s=ox.NamedNode(iri),
    )
    return [(row["p"].value, row["x"].value) for row in rows]


def property_rows(
    pairs: Sequence[tuple[str, ox.NamedNode | ox.Literal]], names: dict[str, str]
) -> list[PropertyRow]:
    """Triples grouped by predicate, predicates and values in a stable, readable order."""
    grouped: dict[str, list[Value]] = {}
    for p, o in pairs:
        grouped.setdefault(p, []).append(term_value(o, names))
    return [
        PropertyRow(Link(p, names.get(p, curie(p))), tuple(sorted(vs, key=lambda v: v.text)))
        for p, vs in sorted(grouped.items(), key=lambda kv: curie(kv[0]))
    ]


def evidence_rows(
    backend: Backend, iri: str, *, own: bool
) -> list[tuple[str, str, str, int, int, str]]:
    """(fact, role, document, start, end, exact) for the facts that mention ``iri`` (or
    a part of it) or, with ``own``, for ``iri`` itself as a fact."""
    # With ``own`` the fact is ?s itself; a substituted variable is not bound inside
    # BIND, so ``BIND(?s AS ?fact)`` would match every fact: the patterns differ instead.
    fact = "?s" if own else "?fact"
    # A mission's facts include those about its parts (CBERS-04A for CBERS, Queqiao
    # for Chang'e-4), as the saved queries count them.
    mentions = "{ ?fact ?role ?s } UNION { ?part csk:partOf+ ?s . ?fact ?role ?part }"
    pattern = "?s rdf:type ?role ." if own else mentions
    body = f"""
    SELECT DISTINCT ?s {"" if own else "?fact"} ?role ?doc ?start ?end ?exact WHERE {{
      {pattern}
      {fact} csk:evidence ?ev .
      ?ev oa:hasSource ?doc ; oa:hasSelector ?q, ?pos .
      ?q oa:exact ?exact .
      ?pos oa:start ?start ; oa:end ?end .
    }}"""
    return [
        (
            row["s" if own else "fact"].value,
            row["role"].value,
            row["doc"].value,
            int(row["start"].value),
            int(row["end"].value),
            row["exact"].value,
        )
        for row in run(backend, body, s=ox.NamedNode(iri))
    ]


FACT_DETAIL_PROPERTIES = (
    "area",
    "mission",
    "partner",
    "party",
    "signedOn",
    "organisation",
    "spacecraft",
    "method",
)


def fact_details(backend: Backend, facts: Iterable[str]) -> dict[str, dict[str, list[str]]]:
    """The properties a fact is grouped and sorted by, as plain strings per local name."""
    wanted = sorted(set(facts))
    out: dict[str, dict[str, list[str]]] = {f: {} for f in wanted}
    if not wanted:
        return out
    props = " ".join(f"csk:{p}" for p in FACT_DETAIL_PROPERTIES)
    body = (
        "SELECT ?fact ?p ?o WHERE { "
        + values_clause("fact", wanted)
        + f" VALUES ?p {{ rdf:type {props} }} ?fact ?p ?o }}"
    )
    for row in run(backend, body):
        name = "type" if row["p"].value.endswith("#type") else local_name(row["p"].value)
        out[row["fact"].value].setdefault(name, []).append(row["o"].value)
    return out
