"""The partner passages' lines as rows kept by fact, so that a build asks the engine only
for the rows of the facts a changed graph states and merges them with the others.

A partner's passage lines (``graph.summary_passages``) are its rows of evidence-for-partner
in the query's order, each node's links and rank at its first row, each value once. An
add-one build at 1,000 documents made China's 1,250 rows again (and those of every other
partner the changed graphs name: 0.36 s of the engine's joins and of spelling) for the
few dozen rows of the facts that changed. A row depends on its fact and passage alone, and
ranks do not renumber (``graph.rank_values``), so a partner's list is its kept rows without
those of the changed facts, merged with their new rows by the query's order, then ranked.

The merge needs the query's ORDER BY in Python (``order_key``): a literal by datatype,
language and text, the document's IRI, the start as a number, then the fact's and the
passage's IRIs. Rows the ORDER BY leaves tied (one node, two statuses or quotes) are put
in the order of those values, which the engine leaves open. Every time the engine sorts
rows here, its order is checked against the key; a row the key cannot read (a start
that is not an integer, a label that is not a literal) or an order it does not mirror
leaves the engine's order as it is (``Unordered``) and nothing is kept.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from typing import NamedTuple

import pyoxigraph as ox

from graph.rank_values import RankValues
from graph.summary_passages import (
    LINK_PROPERTIES,
    RANK_PROPERTY,
    VALUE_PROPERTIES,
    partner_passage_iri,
    passage_values,
    passages_query,
)
from graph.vocab import CSK

Spell = Callable[[ox.NamedNode | ox.Literal], str]
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER = ox.NamedNode(_XSD + "integer")
# the datatypes whose literals the engine orders as integers
_INTEGERS = frozenset(
    _XSD + name
    for name in (
        "integer",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "long",
        "int",
        "short",
        "byte",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
    )
)


# the nodes whose labels a row reads besides its fact's: variable -> label property
_LABELLED = (
    ("factClass", "http://www.w3.org/2000/01/rdf-schema#label"),
    ("statusNode", "http://www.w3.org/2004/02/skos/core#prefLabel"),
)


class Unordered(Exception):
    """The engine's order of these rows is not the one ``order_key`` gives."""


class Row(NamedTuple):
    """One row of a partner's list, as lines: ``head`` (the node's links) and its rank come
    before ``tail`` (the values this row adds) at the node's first row only."""

    key: tuple  # order_key, then the values the ORDER BY leaves tied
    fact: str
    node: str
    first: bool
    head: bytes
    tail: bytes


def _literal(term: object) -> tuple[str, str, str]:
    if not isinstance(term, ox.Literal):
        raise Unordered(f"{term} is not a literal")
    return term.datatype.value, term.language or "", term.value


def _start(term: object) -> int:
    if not isinstance(term, ox.Literal) or term.datatype.value not in _INTEGERS:
        raise Unordered(f"{term} is not an integer")
    try:
        return int(term.value)
    except ValueError:
        raise Unordered(f"{term} is not an integer") from None


def order_key(row: ox.QuerySolution) -> tuple:
    """The ORDER BY of ``summary_passages`` after the partner, as Python compares it.

    :raises Unordered: a value the engine would not order this way.
    """
    document = row["document"]
    if not isinstance(document, ox.NamedNode | ox.Literal):
        raise Unordered(f"{document} has no string")
    return (
        *_literal(row["factType"]),
        *_literal(row["factLabel"]),
        document.value,
        _start(row["start"]),
        row["fact"].value,
        row["evidence"].value,
    )


def _grouped(
    solutions: Iterable[ox.QuerySolution], labelled: set[tuple[str, str]]
) -> dict[str, list[tuple[tuple, ox.QuerySolution]]]:
    """Each partner's solutions with their keys, in Python's order; the engine's checked.
    ``labelled`` is given the (class or status, label property) each row reads.

    :raises Unordered: the engine's order is not the key's.
    """
    found: dict[str, list[tuple[tuple, ox.QuerySolution]]] = {}
    for row in solutions:
        key = order_key(row)
        for variable, predicate in _LABELLED:
            node = row[variable]
            if not isinstance(node, ox.NamedNode):
                raise Unordered(f"{node} is not an IRI: its labels cannot be looked up")
            labelled.add((node.value, predicate))
        rows = found.setdefault(row["partner"].value, [])
        if rows and key < rows[-1][0][: len(key)]:
            raise Unordered(f"the engine puts {key} after {rows[-1][0]}")
        ties = tuple(str(row[name]) for name in ("status", "quote", "end"))
        rows.append(((*key, *ties), row))
    for rows in found.values():
        rows.sort(key=lambda pair: pair[0])  # the ties; already in order otherwise
    return found


def _rows(
    partner: str, solutions: list[tuple[tuple, ox.QuerySolution]], spell: Spell, graph: str
) -> list[Row]:
    """A partner's rows from its solutions in order: each node's links at its first row,
    each of its values once (a value given again by a later row is the same triple)."""
    predicate = {name: f"<{CSK}{name}>" for name in (*LINK_PROPERTIES, RANK_PROPERTY)}
    rows: list[Row] = []
    seen: set[tuple[str, str, ox.NamedNode | ox.Literal]] = set()
    placed: set[str] = set()
    for key, row in solutions:
        fact, evidence = row["fact"], row["evidence"]
        node = partner_passage_iri(partner, fact.value, evidence.value)
        subject = f"<{node}> "
        head = ""
        first = node not in placed
        if first:
            placed.add(node)
            head = (
                f"{subject}{predicate['passagePartner']} {spell(row['partner'])} {graph} .\n"
                f"{subject}{predicate['passageFact']} {spell(fact)} {graph} .\n"
                f"{subject}{predicate['passageEvidence']} {spell(evidence)} {graph} .\n"
            )
        tail = []
        for name, variable in VALUE_PROPERTIES.items():
            value = row[variable]
            if (node, name, value) not in seen:
                seen.add((node, name, value))
                tail.append(f"{subject}{predicate[name]} {spell(value)} {graph} .\n")
        rows.append(Row(key, fact.value, node, first, _encode(head), _encode("".join(tail))))
    return rows


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "replace")


def rows_of(
    store: ox.Store,
    spell: Spell,
    graph: str,
    *,
    facts: Collection[str] | None = None,
) -> tuple[dict[str, list[Row]], set[tuple[str, str]]]:
    """Each partner's rows (of ``facts`` only, unless ``None``) in the list's order, and
    the (class or status, label property) pairs the rows read.

    :raises Unordered: the engine's order is not ``order_key``'s.
    """
    labelled: set[tuple[str, str]] = set()
    if facts is not None and not facts:
        return {}, labelled
    grouped = _grouped(store.query(passages_query(facts=facts)), labelled)
    rows = {partner: _rows(partner, found, spell, graph) for partner, found in grouped.items()}
    return rows, labelled


def merged(kept: Iterable[Row], changed: Collection[str], new: Iterable[Row]) -> list[Row]:
    """A partner's kept rows less those of the ``changed`` facts, with their ``new`` rows,
    in the list's order."""
    return sorted(
        [*(row for row in kept if row.fact not in changed), *new], key=lambda row: row.key
    )


def rank_line(node: str, rank: int, spell: Spell, graph: str) -> bytes:
    value = spell(ox.Literal(str(rank), datatype=_INTEGER))
    return _encode(f"<{node}> <{CSK}{RANK_PROPERTY}> {value} {graph} .\n")


def chunk_parts(rows: Iterable[Row], spell: Spell, graph: str) -> Iterator[bytes]:
    """The lines of a partner's rows, ranked (``RankValues`` at each node's first row):
    head, rank and tail of each row, in turn (``Row`` and its lengths are kept so)."""
    values = RankValues()
    for row in rows:
        if row.first:
            yield row.head
            yield rank_line(row.node, values.next(row.node), spell, graph)
        yield row.tail


def engine_chunks(
    store: ox.Store, spell: Spell, graph: str, facts: Collection[str] | None = None
) -> dict[str, bytes]:
    """Each partner's lines in the engine's own order (``summary_passages``' values), for
    rows ``order_key`` cannot order: what a build made before rows were kept."""
    predicate = {name: f"<{CSK}{name}>" for name in (*LINK_PROPERTIES, RANK_PROPERTY)}
    chunks: dict[str, list[str]] = {}
    lines: list[str] = []
    for iri, name, value in passage_values(store, facts):
        if name == "passagePartner":
            lines = chunks.setdefault(value.value, [])
        lines.append(f"<{iri}> {predicate[name]} {spell(value)} {graph} .\n")
    return {partner: _encode("".join(found)) for partner, found in chunks.items()}


def partner_passage_lines(store: ox.Store, spell: Spell, graph: str) -> list[bytes]:
    """Every partner's passage lines in ``graph`` (N3), partner by partner (IRI order),
    each value spelled by ``spell``, without making the triples."""
    try:
        found, _labelled = rows_of(store, spell, graph)
    except Unordered:
        chunks = engine_chunks(store, spell, graph)
        return [chunks[partner] for partner in sorted(chunks)]
    return [b"".join(chunk_parts(found[partner], spell, graph)) for partner in sorted(found)]
