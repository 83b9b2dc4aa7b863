"""The query lexer: keywords only where the engine reads keywords, and a row cap written
where SPARQL puts solution modifiers."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from server.sparql_scan import bind_values, inspect, with_row_limit


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "select * where { service silent <http://x/> { ?s ?p ?o } }",
        "SELECT * WHERE { SERVICE ?endpoint { ?s ?p ?o } VALUES ?endpoint { <http://x/> } }",
        "SELECT * WHERE {SERVICE<http://x/>{?s ?p ?o}}",
        "SELECT * WHERE { # a comment\n SeRvIcE <http://x/> { ?s ?p ?o } }",
        "SELECT * WHERE { \\u0053ERVICE <http://x/> { ?s ?p ?o } }",
        "SELECT * WHERE { { SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } } } }",
    ],
)
def test_service_is_found_wherever_the_engine_would_read_it(query: str) -> None:
    assert inspect(query).uses_service


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?service WHERE { ?service ?p ?o }",
        "SELECT * WHERE { ?s ?p 'SERVICE <http://x/> { }' }",
        'SELECT * WHERE { ?s ?p """a\nSERVICE <http://x/>""" }',
        "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/> { }",
        "PREFIX service: <http://x/> SELECT * WHERE { ?s service:p ?o }",
        "SELECT * WHERE { <http://x/SERVICE> ?p ?o }",
        "SELECT * WHERE { ?s ?p 'x'@service }",
        "SELECT * WHERE { _:service ?p ?o }",
    ],
)
def test_words_that_only_look_like_service_are_left_alone(query: str) -> None:
    assert not inspect(query).uses_service


@pytest.mark.parametrize(
    ("query", "form"),
    [
        ("PREFIX ex: <http://x/> SELECT * WHERE { ?s ?p ?o }", "SELECT"),
        ("# SELECT in a comment\nASK { ?s ?p ?o }", "ASK"),
        ("BASE <http://x/> CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
        ("describe <http://x/a>", "DESCRIBE"),
    ],
)
def test_the_query_form_is_read_after_the_prologue(query: str, form: str) -> None:
    shape = inspect(query)
    assert shape.form == form and not shape.is_update


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <http://x/a> <http://x/b> 1 }",
        "PREFIX ex: <http://x/> DELETE WHERE { ?s ex:p ?o }",
        "WITH <http://x/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "DROP ALL",
        "LOAD <http://x/data.ttl>",
    ],
)
def test_updates_are_recognised(update: str) -> None:
    shape = inspect(update)
    assert shape.is_update and shape.form is None


def _store(n: int) -> ox.Store:
    store = ox.Store()
    for i in range(n):
        store.add(ox.Quad(ox.NamedNode(f"http://x/{i}"), ox.NamedNode("http://x/p"), ox.Literal(i)))
    return store


@pytest.mark.parametrize(
    ("query", "expected_rows"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", 6),
        ("SELECT * WHERE { ?s ?p ?o } LIMIT 50", 6),
        ("SELECT * WHERE { ?s ?p ?o } OFFSET 2 LIMIT 50", 6),
        ("SELECT * WHERE { ?s ?p ?o } ORDER BY ?o  # sorted\n", 6),
        ("SELECT * WHERE { ?s ?p ?o } VALUES ?p { <http://x/p> }", 6),
        ("SELECT * WHERE { { SELECT * WHERE { ?s ?p ?o } LIMIT 30 } }", 6),
        ("SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p", 1),
    ],
)
def test_the_row_cap_becomes_the_outermost_limit(query: str, expected_rows: int) -> None:
    limited = with_row_limit(query, inspect(query), 6)
    assert limited is not None
    assert len(list(_store(20).query(limited))) == expected_rows


def test_a_subquery_keeps_its_own_limit() -> None:
    query = "SELECT * WHERE { { SELECT * WHERE { ?s ?p ?o } LIMIT 3 } }"
    limited = with_row_limit(query, inspect(query), 6)
    assert limited is not None and "LIMIT 3 }" in limited and limited.rstrip().endswith("LIMIT 6")


def test_a_query_asking_for_fewer_rows_than_the_cap_is_not_rewritten() -> None:
    query = "SELECT * WHERE { ?s ?p ?o } LIMIT 5"
    assert with_row_limit(query, inspect(query), 6) is None


_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_CONDITIONS = (
    "SELECT ?m ?s (COUNT(*) AS ?n) WHERE { ?s ?p ?o . FILTER(?o >= ?m) "
    "FILTER NOT EXISTS { ?s ?q ?m } FILTER regex(STR(?s), STR(?m)) } "
    "GROUP BY ?m ?s HAVING (COUNT(*) >= ?m)"
)


def test_a_parameter_is_written_as_its_term_where_a_filter_or_having_reads_it() -> None:
    text = bind_values(_CONDITIONS, {"m": ox.Literal("2", datatype=_INTEGER)})
    term = '"2"^^<http://www.w3.org/2001/XMLSchema#integer>'
    assert f"VALUES (?m) {{ ({term}) }}" in text  # still bound for the patterns
    assert f"FILTER(?o >= {term})" in text and f"regex(STR(?s), STR({term}))" in text
    assert f"HAVING (COUNT(*) >= {term})" in text
    assert "SELECT ?m ?s" in text and "GROUP BY ?m ?s" in text  # projected as before
    assert "FILTER NOT EXISTS { ?s ?q ?m }" in text  # a group of patterns, not a condition


def test_conditions_with_the_term_answer_as_with_the_bound_variable() -> None:
    store = ox.Store()
    for s, o in [("a", 1), ("a", 3), ("b", 2), ("b", 5), ("c", 2)]:
        store.add(
            ox.Quad(
                ox.NamedNode(f"http://x/{s}"),
                ox.NamedNode("http://x/p"),
                ox.Literal(str(o), datatype=_INTEGER),
            )
        )
    query = "SELECT ?m ?s WHERE { ?s <http://x/p> ?o FILTER(?o >= ?m) } ORDER BY ?s ?o"
    value = {"m": ox.Literal("2", datatype=_INTEGER)}
    with_block_only = query.replace("WHERE {", "WHERE { VALUES (?m) { (2) } ", 1)
    rows = [[str(t) for t in r] for r in store.query(bind_values(query, value))]
    assert rows == [[str(t) for t in r] for r in store.query(with_block_only)]
    assert [r[1] for r in rows] == ["<http://x/a>", "<http://x/b>", "<http://x/b>", "<http://x/c>"]


def test_a_value_written_into_a_condition_cannot_add_query_text() -> None:
    evil = ox.Literal('x") } ASK { ?a ?b ?c FILTER("')
    text = bind_values("SELECT ?s WHERE { ?s ?p ?v FILTER(?v = ?name) }", {"name": evil})
    assert len(list(ox.Store().query(text))) == 0  # one SELECT, parsed whole
    assert text.count("ASK") == 2 and '\\") } ASK' in text  # inside two escaped strings
