"""The default graph every query sees is the merge of the document graphs, a set: a
triple stated by two documents is in it once, so counts over it are right, while GRAPH
still tells which document states what (ontology contract, "Graphs")."""

from __future__ import annotations

import io
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph import export
from graph import store as store_files
from graph.export_jsonld import Context
from graph.vocab import CSK

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT_GRAPH = "https://w3id.org/china-space-kg/graph/document/"
PREFIXES = f"PREFIX csk: <{CSK}>\n"


@pytest.fixture(scope="module")
def store(built, built_paths) -> ox.Store:
    return store_files.open_store(built_paths.store)


def number(backend, sparql: str) -> int:
    return int(next(iter(backend.results(PREFIXES + sparql)))["n"].value)


def named_triples(store: ox.Store) -> set[ox.Triple]:
    return {
        q.triple
        for q in store.quads_for_pattern(None, None, None, None)
        if not isinstance(q.graph_name, ox.DefaultGraph)
    }


def test_count_over_the_default_graph_is_the_number_of_distinct_triples(backend, built, store):
    distinct = named_triples(store)
    quads = number(backend, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert len(distinct) < quads, "the corpus states some triples in two documents"
    assert number(backend, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == len(distinct)
    assert built.info.triples == len(distinct)


def test_the_cooperation_count_is_the_number_of_cooperation_facts(backend, built) -> None:
    facts = built.info.facts_by_type["Cooperation"]
    assert number(backend, "SELECT (COUNT(*) AS ?n) WHERE { ?c a csk:Cooperation }") == facts


def test_a_fact_stated_by_two_documents_counts_once_but_is_in_both_graphs(backend) -> None:
    rows = backend.results(PREFIXES + """
        SELECT ?c (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?c a csk:Cooperation } }
        GROUP BY ?c HAVING (COUNT(DISTINCT ?g) >= 2) ORDER BY ?c LIMIT 1""")
    row = next(iter(rows))
    fact = row["c"]
    assert int(row["graphs"].value) >= 2
    assert number(backend, f"SELECT (COUNT(*) AS ?n) WHERE {{ {fact} a csk:Cooperation }}") == 1


def test_graph_queries_still_see_each_document_graph(backend, built) -> None:
    rows = backend.results(
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
        f'FILTER(STRSTARTS(STR(?g), "{DOCUMENT_GRAPH}")) }}'
    )
    graphs = {row["g"].value for row in rows}
    assert graphs == {DOCUMENT_GRAPH + doc for doc in built.info.facts_by_document}


def test_exports_leave_the_derived_default_graph_out(store) -> None:
    graphs = export.select_graphs(store, "all")
    assert ox.DefaultGraph() not in graphs
    out = io.BytesIO()
    context = Context.load(ROOT / "ontology" / "context.jsonld")
    export.write(store, out, export.FORMATS["nq"], graphs, context=context)
    lines = out.getvalue().decode().splitlines()
    in_named = sum(1 for g in graphs for _ in store.quads_for_pattern(None, None, None, g))
    assert len(lines) == in_named
