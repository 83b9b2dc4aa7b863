"""The graphs pySHACL validates write nodes as rdflib would, without recording each new
namespace first (graph/validate.py, ``data_graph``): that recording took time in the
square of a large document's evidence (issue 17)."""

from __future__ import annotations

from rdflib import Graph, URIRef, Variable

from graph.validate import data_graph

TERMS = [
    URIRef("https://w3id.org/china-space-kg/ontology#Cooperation"),  # csk: is not bound
    URIRef("http://www.w3.org/2000/01/rdf-schema#label"),  # rdfs: is
    URIRef("https://w3id.org/china-space-kg/id/evidence/large/10-20"),
    URIRef("urn:x"),  # no namespace to split off
    Variable("value"),
]


def test_nodes_are_written_as_rdflib_writes_them() -> None:
    ours, rdflibs = data_graph().namespace_manager, Graph().namespace_manager
    for term in TERMS:
        assert ours.normalizeUri(term) == rdflibs.normalizeUri(term)


def test_a_node_in_a_namespace_without_a_prefix_is_written_whole() -> None:
    manager = data_graph().namespace_manager
    for i in range(3):
        iri = URIRef(f"https://w3id.org/china-space-kg/id/evidence/doc-{i}/1-2")
        assert manager.normalizeUri(iri) == f"<{iri}>"


def test_the_graph_holds_the_triples_given() -> None:
    triple = (TERMS[2], TERMS[1], TERMS[0])
    assert set(data_graph([triple])) == {triple}
