"""Validation split per document and whole graph gives the report validating the whole
graph at once gives, and an unchanged document is not validated again.

The session's build is copied and broken in three ways: an evidence offset past the end
of its document and a quote that no longer fits its offsets (shapes of document-owned
nodes, checked per document), and one fact given two statuses by two documents' graphs
(visible only in the union, checked on the whole graph).
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import XSD

from graph import corpus, validate, validate_split
from graph.config import Paths
from graph.evidence_check import check_evidence, passages, texts_of
from graph.vocab import CSK, OA

STATUS = "https://w3id.org/china-space-kg/id/status/"


@pytest.fixture(scope="module")
def shapes(project_paths: Paths):
    return validate.load_shapes(project_paths.shapes)


def copy_of(dataset: Dataset) -> Dataset:
    copy = Dataset()
    for s, p, o, g in dataset.quads((None, None, None, None)):
        copy.graph(g).add((s, p, o))
    return copy


def test_every_targeted_shape_runs_in_exactly_one_part(shapes) -> None:
    split = validate_split.split_shapes(shapes)
    assert not set(split.per_document) & set(split.whole_graph)
    reportable = set(validate.reportable_shapes(shapes))
    targeted = set(split.per_document) | set(split.whole_graph)
    assert targeted <= reportable
    names = {s.rsplit("#", 1)[-1] for s in split.per_document}
    # the SPARQL constraints that scan a document's evidence run per document
    assert {"PositionOrder", "QuoteFitsOffsets", "EvidenceWithinDocument"} <= names
    # a fact may be stated by several documents; a copy names another document
    assert "FactStatus" not in names and "DocumentAlternateOf" not in names


def test_split_validation_reports_what_whole_graph_validation_reports(
    built, shapes, tmp_path: Path
) -> None:
    data = copy_of(built.dataset)
    names = validate_split.document_graphs(built_documents(built))
    stating = [n for n in names if (None, CSK.status, None) in data.graph(n)]
    first, last = data.graph(stating[0]), data.graph(stating[-1])
    position = next(first.subjects(OA.end, None))
    first.set((position, OA.end, Literal(10**7, datatype=XSD.nonNegativeInteger)))
    fact = next(last.subjects(CSK.status, None))
    first.add((fact, CSK.status, URIRef(STATUS + "planned")))
    last.add((fact, CSK.status, URIRef(STATUS + "achieved")))

    whole = validate.validate_graph(data, shapes)
    cache = validate_split.ValidationCache(tmp_path)
    split = validate_split.validate_dataset(data, shapes, names, cache=cache)
    found = {(v.shape.rsplit("#", 1)[-1], v.component) for v in whole.violations}
    assert ("FactStatus", "MaxCountConstraintComponent") in found
    assert ("EvidenceWithinDocument", "SPARQLConstraintComponent") in found
    assert set(split.violations) == set(whole.violations)
    assert not split.conforms
    assert cache.validated == len(names)

    again = validate_split.ValidationCache(tmp_path)
    assert set(validate_split.validate_dataset(data, shapes, names, cache=again).violations) == (
        set(whole.violations)
    )
    assert again.validated == 0


def test_only_a_changed_document_is_validated_again(built, shapes, tmp_path: Path) -> None:
    data = copy_of(built.dataset)
    names = validate_split.document_graphs(built_documents(built))
    validate_split.validate_dataset(
        data, shapes, names, cache=validate_split.ValidationCache(tmp_path)
    )
    graph = data.graph(next(n for n in names if (None, OA.exact, None) in data.graph(n)))
    quote = next(graph.subjects(OA.exact, None))
    graph.set((quote, OA.exact, Literal("not what the offsets span")))
    cache = validate_split.ValidationCache(tmp_path)
    report = validate_split.validate_dataset(data, shapes, names, cache=cache)
    assert cache.validated == 1
    assert any(v.shape.endswith("#QuoteFitsOffsets") for v in report.violations)


def test_quotes_are_checked_per_document_as_against_the_whole_corpus(
    built, shapes, project_paths: Paths, tmp_path: Path
) -> None:
    """Each document's quotes are checked against its file with its shapes and cached
    with them; a changed file is checked again though its graph is the same."""
    names = validate_split.document_graphs(built_documents(built))
    texts = texts_of(corpus.read_corpus(project_paths.corpus))
    moved = passages(built.dataset)[0].document
    texts[moved] = " " + texts[moved]  # every quote of that file one character off
    whole = check_evidence(built.dataset, texts)
    assert whole and {v.component for v in whole} == {"QuoteInFileComponent"}

    cache = validate_split.ValidationCache(tmp_path)
    split = validate_split.validate_dataset(built.dataset, shapes, names, cache=cache, texts=texts)
    assert set(split.violations) == set(whole) and not split.conforms
    texts[moved] = texts[moved][1:]
    again = validate_split.ValidationCache(tmp_path)
    mended = validate_split.validate_dataset(built.dataset, shapes, names, cache=again, texts=texts)
    assert mended.conforms and again.validated == 1


def test_the_real_build_conforms_split_as_whole(built, shapes) -> None:
    names = validate_split.document_graphs(built_documents(built))
    report = validate_split.validate_dataset(built.dataset, shapes, names)
    assert report.conforms and report.violations == ()


def built_documents(built) -> list[SimpleNamespace]:
    """The session build's documents (their ids are what ``document_graphs`` needs)."""
    return [SimpleNamespace(id=doc_id) for doc_id in built.info.facts_by_document]


def test_shapes_read_from_a_file_are_keyed_by_its_bytes(project_paths: Paths,
                                                         tmp_path: Path) -> None:
    copy = tmp_path / "shapes.ttl"
    copy.write_bytes(project_paths.shapes.read_bytes())
    assert validate_split.file_key(copy) == validate_split.file_key(project_paths.shapes)
    copy.write_bytes(copy.read_bytes() + b"\n# an edit: every document is validated again\n")
    assert validate_split.file_key(copy) != validate_split.file_key(project_paths.shapes)


def test_a_lines_datasets_graphs_are_handed_over_as_their_lines(
    built, shapes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build holds each graph as its N-Quads lines: each document's graph reaches
    per-document validation as those lines, to be parsed by the process that validates
    it, and the report is the one the same graphs get as an rdflib dataset."""
    from graph import validate_lines, validate_parallel
    from graph.lines_dataset import LinesDataset

    names = validate_split.document_graphs(built_documents(built))
    data = copy_of(built.dataset)
    alone = Dataset()  # the document graphs only
    lines = {}
    for n in names:
        graph = Dataset()
        for triple in data.graph(n):
            graph.graph(n).add(triple)
            alone.graph(n).add(triple)
        lines[n.n3()] = graph.serialize(format="nquads", encoding="utf-8")
    made = LinesDataset(lines)
    read = validate_lines.read(b"".join(lines.values()).decode().splitlines(keepends=True))
    given: list = []
    real = validate_split.validate_graphs

    def noted(graphs, *args, **kwargs):
        given.extend(graphs)
        return real(graphs, *args, **kwargs)

    monkeypatch.setattr(validate_split, "validate_graphs", noted)
    report = validate_split.validate_dataset(made, shapes, names, lines=read)
    assert len(given) == len(names) and all(isinstance(g, bytes) for g in given)
    assert [len(validate_parallel.triples_of(g)) for g in given] == [
        len(data.graph(n)) for n in names
    ]
    monkeypatch.undo()
    assert report.violations == validate_split.validate_dataset(alone, shapes, names).violations
