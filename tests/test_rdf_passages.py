"""A passage that states several facts is described once in its document's graph
(``graph.rdf``): the same triples and the same lines as when it was added for each fact,
without adding its description again (a long document cites its passages some three
times each)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from graph import rdf, rdf_lines
from graph.model import (
    Cooperation,
    Document,
    DocumentMeta,
    Entity,
    EntityKind,
    Evidence,
    Extraction,
)
from graph.vocab import OA, document_graph

TEXT = "China and Brazil built CBERS-4 together. Brazil and China fly CBERS-4 now."


def _extraction() -> tuple[Document, Extraction]:
    meta = DocumentMeta(
        id="d", file="d.txt", title="D", publisher="P", issued="2020-01-01", kind="white-paper"
    )
    document = Document(meta=meta, path=Path("d.txt"), text=TEXT)
    first = Evidence("d", 0, 40, TEXT[0:40])
    second = Evidence("d", 41, len(TEXT), TEXT[41:])
    facts = (
        Cooperation(evidence=(first, second), partner="brazil", area="satellites", method="m"),
        Cooperation(evidence=(first,), partner="brazil", area="remote-sensing", method="m"),
        Cooperation(evidence=(second, first), partner="brazil", area="data", method="m"),
    )
    entities = (Entity("brazil", EntityKind.COUNTRY, "Brazil"),)
    return document, Extraction(facts=facts, entities=entities)


def _described_each_time(document: Document, extraction: Extraction) -> Graph:
    """The document's graph with each passage added for every fact citing it."""
    graph = Graph(identifier=URIRef(document_graph(document.id)))
    rdf.add_document(graph, document)
    entities = {e.key: e for e in extraction.entities}
    for fact in extraction.facts:
        rdf.add_fact(graph, fact, entities, document.id)
    return graph


def test_a_passage_is_described_once(monkeypatch: pytest.MonkeyPatch) -> None:
    document, extraction = _extraction()
    added: list[tuple] = []
    original = Graph.add

    def counted(self: Graph, triple: tuple) -> Graph:
        added.append(triple)
        return original(self, triple)

    monkeypatch.setattr(Graph, "add", counted)
    rdf.build_dataset([document], extraction)
    described = [t for t in added if t[1:] == (RDF.type, OA.SpecificResource)]
    assert len(described) == 2  # two passages, cited five times


def test_the_graph_and_its_lines_are_the_same() -> None:
    document, extraction = _extraction()
    expected = _described_each_time(document, extraction)
    made = rdf.build_dataset([document], extraction).graph(URIRef(document_graph("d")))
    assert set(made) == set(expected)
    assert rdf_lines.graph_lines(made) == rdf_lines.graph_lines(expected)
    entities = {e.key: e for e in extraction.entities}
    lines = rdf_lines.document_lines(document, extraction.facts, (), entities)
    assert lines == rdf_lines.graph_lines(expected)
