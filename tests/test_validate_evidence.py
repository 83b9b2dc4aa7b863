"""The evidence check reads the corpus files the documents name and compares each quote
with the characters at its offsets."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from graph.evidence_check import check_evidence, passages, texts_from_corpus
from graph.vocab import CSK, OA

DOC = URIRef("https://w3id.org/china-space-kg/id/document/note")
EVIDENCE = URIRef("https://w3id.org/china-space-kg/id/evidence/note/0-5")


def graph_quoting(exact: str, start: int, end: int, file_iri: str) -> Graph:
    graph = Graph()
    quote, position = URIRef(f"{EVIDENCE}#quote"), URIRef(f"{EVIDENCE}#position")
    graph.add((DOC, RDF.type, CSK.SourceDocument))
    graph.add((DOC, DCTERMS.source, URIRef(file_iri)))
    graph.add((EVIDENCE, RDF.type, OA.SpecificResource))
    graph.add((EVIDENCE, OA.hasSource, DOC))
    graph.add((EVIDENCE, OA.hasSelector, quote))
    graph.add((EVIDENCE, OA.hasSelector, position))
    graph.add((quote, OA.exact, Literal(exact)))
    graph.add((position, OA.start, Literal(start, datatype=XSD.nonNegativeInteger)))
    graph.add((position, OA.end, Literal(end, datatype=XSD.nonNegativeInteger)))
    return graph


CORPUS_IRI = "https://w3id.org/china-space-kg/corpus/"


def test_offsets_count_characters_of_the_file_as_it_is(tmp_path: Path) -> None:
    """No newline translation: a CRLF file keeps its carriage returns."""
    (tmp_path / "note.txt").write_bytes("Ch\u00e1ng\r\nQueqiao relay".encode())
    graph = graph_quoting("Queqiao", 7, 14, CORPUS_IRI + "note.txt")
    assert check_evidence(graph, texts_from_corpus(graph, tmp_path)) == []


def test_a_quote_that_is_not_at_its_offsets_is_reported(tmp_path: Path) -> None:
    (tmp_path / "note.txt").write_text("Queqiao relay satellite", encoding="utf-8")
    graph = graph_quoting("relay", 7, 12, CORPUS_IRI + "note.txt")
    [problem] = check_evidence(graph, texts_from_corpus(graph, tmp_path))
    assert problem.focus == str(EVIDENCE)
    assert problem.component == "QuoteInFileComponent"
    assert "' rela' at 7-12, not the quoted 'relay'" in problem.message


def test_a_missing_file_is_reported_not_passed(tmp_path: Path) -> None:
    graph = graph_quoting("relay", 8, 13, CORPUS_IRI + "gone.txt")
    [problem] = check_evidence(graph, texts_from_corpus(graph, tmp_path))
    assert problem.component == "FileAvailableComponent"
    assert "--corpus" in problem.message


def test_files_outside_the_corpus_are_never_read(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (tmp_path / "secret.txt").write_text("a secret!", encoding="utf-8")
    graph = graph_quoting("a sec", 0, 5, CORPUS_IRI + "../secret.txt")
    assert texts_from_corpus(graph, corpus) == {}
    [problem] = check_evidence(graph, texts_from_corpus(graph, corpus))
    assert "secret" not in problem.message.replace("secret.txt", "")


def test_passages_that_shacl_already_rejects_are_left_to_it(tmp_path: Path) -> None:
    """Reversed offsets or a quote of the wrong length are reported once, by SHACL."""
    (tmp_path / "note.txt").write_text("Queqiao relay satellite", encoding="utf-8")
    reversed_offsets = graph_quoting("relay", 13, 8, CORPUS_IRI + "note.txt")
    wrong_length = graph_quoting("relay", 8, 14, CORPUS_IRI + "note.txt")
    for graph in (reversed_offsets, wrong_length):
        assert [p.coherent for p in passages(graph)] == [False]
        assert check_evidence(graph, texts_from_corpus(graph, tmp_path)) == []
