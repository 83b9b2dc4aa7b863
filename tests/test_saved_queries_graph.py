"""The saved queries are published in the graph as SHACL-AF executables, so they can be
found with SPARQL; the publication is stable from build to build."""

from __future__ import annotations

from pathlib import Path

from rdflib import RDF, RDFS, BNode, Literal, URIRef

from graph.saved_queries import load_queries
from graph.saved_queries_rdf import queries_graph, query_iri
from graph.vocab import SH

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "queries"


def test_every_query_file_is_one_select_executable_with_label_comment_and_text():
    graph = queries_graph(QUERIES)
    queries = load_queries(QUERIES)
    executables = set(graph.subjects(RDF.type, SH.SPARQLSelectExecutable))
    assert executables == {query_iri(name) for name in queries}
    for name, query in queries.items():
        node = query_iri(name)
        assert graph.value(node, RDFS.label) == Literal(query.title, lang="en")
        assert graph.value(node, RDFS.comment) == Literal(query.description, lang="en")
        assert str(graph.value(node, SH.select)) == query.sparql


def test_parameters_carry_their_variable_default_and_class():
    graph = queries_graph(QUERIES)
    node = query_iri("countries-on-mission-payloads")
    (param,) = graph.objects(node, SH.parameter)
    path = graph.value(param, SH.path)
    assert str(path).endswith("#mission")
    assert graph.value(param, SH.defaultValue) == URIRef(
        "https://w3id.org/china-space-kg/id/mission/change-4"
    )
    assert graph.value(param, SH["class"]) == URIRef(
        "https://w3id.org/china-space-kg/ontology#Mission"
    )
    status = URIRef(f"{query_iri('areas-and-missions')}/parameter/status")
    allowed = graph.value(status, SH["in"])
    values = []
    while allowed != RDF.nil:
        values.append(str(graph.value(allowed, RDF.first)))
        allowed = graph.value(allowed, RDF.rest)
    assert values == ["any", "achieved", "planned"]


def test_the_publication_has_no_blank_nodes_and_is_the_same_every_time():
    first, second = queries_graph(QUERIES), queries_graph(QUERIES)
    assert not [t for t in first if any(isinstance(term, BNode) for term in t)]
    assert sorted(first) == sorted(second)


def test_the_built_graph_lists_the_queries_in_their_named_graph(backend):
    rows = backend.results(
        "PREFIX sh: <http://www.w3.org/ns/shacl#> "
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?q ?title WHERE { GRAPH <https://w3id.org/china-space-kg/graph/queries> "
        "{ ?q a sh:SPARQLSelectExecutable ; rdfs:label ?title ; sh:select ?text } }"
    )
    titles = {row["title"].value for row in rows}
    assert titles == {q.title for q in load_queries(QUERIES).values()}


def test_the_shapes_accept_the_published_queries(built):
    about_queries = [
        v for v in built.report.violations if "/id/query/" in str(getattr(v, "focus", ""))
    ]
    assert about_queries == []


def test_a_query_found_in_the_graph_runs_with_the_defaults_the_graph_gives(backend):
    """Everything needed to run a saved query is in the graph: its text and parameters."""
    rows = backend.results(
        "PREFIX sh: <http://www.w3.org/ns/shacl#> "
        "SELECT ?text ?name ?default WHERE { "
        "?q sh:select ?text ; sh:parameter [ sh:name ?name ; sh:defaultValue ?default ] "
        "FILTER(STRENDS(STR(?q), '/query/countries-on-mission-payloads')) }"
    )
    ((text, name, default),) = [(r["text"].value, r["name"].value, r["default"]) for r in rows]
    answer = backend.results(text, substitutions={name: default})
    assert {row["iso"].value for row in answer} == {"DE", "NL", "SA", "SE"}
