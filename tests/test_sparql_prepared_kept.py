"""A build keeps the SPARQL constraints as rdflib translated them, so the next build
parses none of them again: the kept queries answer as freshly parsed ones do, a
constraint whose PREFIX lines come in another order (pySHACL's order changes from
process to process) is the same kept query, and a full build reads nothing kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from graph import corpus, sparql_prepared, validate, validate_split

EX = "https://example.org/"
QUERY = """PREFIX ex: <https://example.org/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>

SELECT ?s WHERE {
    ?s ex:p ?o .
    FILTER (?o > 1 && !BOUND(?none) && NOT EXISTS { ?s ex:q ?other }
            && STRSTARTS(STR(?s), CONCAT("https://", "example")))
} ORDER BY ?s"""


@pytest.fixture
def graph() -> Graph:
    g = Graph()
    for name, value in (("a", 1), ("b", 2), ("c", 3)):
        g.add((URIRef(EX + name), URIRef(EX + "p"), Literal(value)))
    g.add((URIRef(EX + "c"), URIRef(EX + "q"), Literal("x")))
    return g


def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts rdflib is asked to parse from now on."""
    seen: list[str] = []
    real = sparql_prepared.prepareQuery
    monkeypatch.setattr(
        sparql_prepared, "prepareQuery", lambda text, *a: seen.append(text) or real(text, *a)
    )
    return seen


def answer(graph: Graph, text: str) -> list:
    return [tuple(row) for row in graph.query(text)]


def test_a_kept_query_is_not_parsed_again_and_answers_the_same(
    graph: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sparql_prepared.install()
    with sparql_prepared.kept_in(tmp_path):
        fresh = answer(graph, QUERY)
    assert fresh == [(URIRef(EX + "b"),)]
    seen = parses(monkeypatch)
    reordered = QUERY.replace(
        "PREFIX ex: <https://example.org/>\nPREFIX xsd: <http://www.w3.org/2001/XMLSchema#>",
        "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\nPREFIX ex: <https://example.org/>",
    )
    with sparql_prepared.kept_in(tmp_path):
        assert answer(graph, QUERY) == fresh
        assert answer(graph, reordered) == fresh
    assert seen == []
    with sparql_prepared.kept_in(tmp_path, read=False):  # a full build
        assert answer(graph, QUERY) == fresh
    assert seen == [QUERY]


def test_an_unreadable_kept_file_means_parsing_again(
    graph: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sparql_prepared.install()
    (tmp_path / sparql_prepared.KEPT_FILE).write_bytes(b"not a pickle")
    seen = parses(monkeypatch)
    with sparql_prepared.kept_in(tmp_path):
        assert answer(graph, QUERY) == [(URIRef(EX + "b"),)]
    assert seen == [QUERY]


def test_the_built_graph_validates_the_same_with_the_kept_constraints(
    built, built_paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def report():
        return validate_split.validate_dataset(
            built.dataset,
            validate.load_shapes(built_paths.shapes),
            validate_split.document_graphs(corpus.read_corpus(built_paths.corpus)),
        )

    seen = parses(monkeypatch)
    with sparql_prepared.kept_in(tmp_path):
        fresh = report()
    assert seen  # the constraints the engine did not answer, parsed once each
    seen.clear()
    with sparql_prepared.kept_in(tmp_path):
        again = report()
    assert seen == []
    assert (again.conforms, again.violations) == (fresh.conforms, fresh.violations)
