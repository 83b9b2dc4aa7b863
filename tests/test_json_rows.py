"""Rows of pyoxigraph's SPARQL JSON counted and cut where they meet (server/json_rows.py)
agree with reading the answer back, whatever its literals hold; a body that may hold an
empty row is left to be read back."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from server.json_rows import json_cut, json_rows

JSON = ox.QueryResultsFormat.JSON
AWKWARD = [
    "plain",
    '},{"o":{"type":"uri","value":"x"}}',  # a row's boundary, written inside a literal
    '\\"},{\\"',
    "]}}",
    "line\nbreak\ttab",
    "中国 and Brazil",
]


def _store() -> ox.Store:
    store = ox.Store()
    p = ox.NamedNode("http://example.org/p")
    for i, text in enumerate(AWKWARD):
        subject = ox.NamedNode(f"http://example.org/s{i}")
        store.add(ox.Quad(subject, p, ox.Literal(text)))
        store.add(ox.Quad(subject, p, ox.Literal(text, language="en")))
        store.add(
            ox.Quad(
                subject,
                p,
                ox.Literal(
                    str(i), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
                ),
            )
        )
    return store


QUERIES = [
    "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s ?o",
    "SELECT ?o WHERE { ?s ?p ?o FILTER(false) }",
    "SELECT ?s ?x WHERE { ?s ?p ?o OPTIONAL { ?o ?q ?x } } ORDER BY ?s",  # ?x never bound
    "SELECT ?t WHERE { ?s ?p ?o BIND(<<( ?s ?p ?o )>> AS ?t) } ORDER BY ?t",
    "SELECT ?o WHERE { ?s ?p ?o } LIMIT 1",
]


def _read(body: bytes) -> list[tuple[str | None, ...]]:
    solutions = ox.parse_query_results(body, JSON)
    names = [v.value for v in solutions.variables]
    return [tuple(None if s[n] is None else str(s[n]) for n in names) for s in solutions]


@pytest.mark.parametrize("query", QUERIES)
def test_the_rows_counted_are_the_rows_read(query: str) -> None:
    body = _store().query(query).serialize(format=JSON)
    rows = json_rows(body)
    if b"{}" in body:
        assert rows is None
    else:
        assert rows == len(_read(body))


@pytest.mark.parametrize("query", [q for q in QUERIES if "?x" not in q])
@pytest.mark.parametrize("keep", [1, 2, 5, 17, 100])
def test_a_cut_keeps_the_first_rows_read(query: str, keep: int) -> None:
    body = _store().query(query).serialize(format=JSON)
    if not json_rows(body):
        return
    cut = json_cut(body, keep)
    assert _read(cut) == _read(body)[:keep]
    assert json_rows(cut) == min(keep, len(_read(body)))


def test_a_row_without_bindings_is_not_counted() -> None:
    body = ox.Store().query("SELECT * WHERE {}").serialize(format=JSON)
    assert json_rows(body) is None
