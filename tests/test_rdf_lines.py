"""A build that makes no rdflib dataset of the corpus (each document graph's lines read
from the quads cache or written afresh) writes the lines the rdflib dataset serialises
to, and validation reads the same graphs from them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from graph import families, pipeline, rdf_lines
from graph.config import Paths
from graph.lines_dataset import LinesDataset
from graph.model import Status
from graph.vocab import ONTOLOGY_GRAPH
from tests.test_incremental import ROOT, load_generator


def sorted_lines(path: Path) -> list[bytes]:
    return sorted(path.read_bytes().splitlines())


def test_lines_from_the_cache_are_the_datasets_lines(tmp_path: Path) -> None:
    work = tmp_path / "synthetic"
    load_generator().generate(work, 4)
    paths = replace(Paths.defaults(ROOT), corpus=work / "corpus", store=tmp_path / "store")
    quads = rdf_lines.QuadsCache(tmp_path / "quads")
    whole, first, again = (tmp_path / f"{n}.nq" for n in ("whole", "first", "again"))

    _docs, _extraction, dataset = pipeline.make_dataset(paths, nquads=whole, quads=quads)
    assert quads.written == 4  # kept from the rdflib dataset, one per document
    made = pipeline.make_dataset(paths, nquads=first, quads=quads, in_memory=False)[2]
    assert quads.written == 4  # all four read back
    fresh = rdf_lines.QuadsCache(tmp_path / "empty")
    pipeline.make_dataset(paths, nquads=again, quads=fresh, in_memory=False)
    assert fresh.written == 4  # written afresh per document, without a dataset

    assert sorted_lines(first) == sorted_lines(whole) == sorted_lines(again)
    assert isinstance(made, LinesDataset)
    # the graphs validation reads, blank nodes (the ontology's lists) under their labels
    assert set(made.graph(ONTOLOGY_GRAPH)) == set(dataset.graph(ONTOLOGY_GRAPH))
    for graph in dataset.graphs():
        assert set(made.graph(graph.identifier)) == set(graph), graph.identifier


def test_a_changed_fact_writes_its_documents_graph_again(tmp_path: Path) -> None:
    work = tmp_path / "synthetic"
    load_generator().generate(work, 3)
    paths = replace(Paths.defaults(ROOT), corpus=work / "corpus", store=tmp_path / "store")
    quads = rdf_lines.QuadsCache(tmp_path / "quads")
    documents, extraction, _made = pipeline.make_dataset(
        paths, nquads=tmp_path / "a.nq", quads=quads, in_memory=False
    )
    fact = extraction.facts[0]
    planned = replace(fact, status=next(s for s in Status if s is not fact.status))
    moved = replace(extraction, facts=(planned, *extraction.facts[1:]))
    again = rdf_lines.QuadsCache(tmp_path / "quads")
    rdf_lines.documents_lines(documents, moved, again)
    # only the graphs of the documents stating that fact are made again
    assert again.written == len({ev.doc_id for ev in fact.evidence}) >= 1


def test_the_ontologys_lines_are_kept_until_its_files_change(tmp_path: Path, monkeypatch) -> None:
    """Parsing and canonicalising the ontology's Turtle is done once: a later build with
    the same files reads the lines it left, the same lines in some order."""
    from graph import saved_queries_rdf
    from graph.model import Extraction

    paths = Paths.defaults(ROOT)
    queries = list(saved_queries_rdf.queries_graph(paths.queries))
    empty = Extraction(facts=(), entities=())
    made = rdf_lines.shared_graphs(empty, paths.ontology_files(), queries)
    first = rdf_lines.shared_graphs(
        empty, paths.ontology_files(), queries, cache=rdf_lines.QuadsCache(tmp_path / "q")
    )

    def not_again(*_args: object) -> None:
        raise AssertionError("the ontology was parsed again")

    monkeypatch.setattr(rdf_lines.rdf, "add_ontology", not_again)
    again = rdf_lines.shared_graphs(
        empty, paths.ontology_files(), queries, cache=rdf_lines.QuadsCache(tmp_path / "q")
    )
    assert list(again) == list(first) == list(made)
    for name in made:
        assert sorted(again[name].splitlines()) == sorted(made[name].splitlines())

    edited = tmp_path / "ontology.ttl"
    edited.write_bytes(paths.ontology_files()[0].read_bytes() + b"\n# a comment\n")
    with pytest.raises(AssertionError, match="parsed again"):
        rdf_lines.shared_graphs(
            empty, [edited], queries, cache=rdf_lines.QuadsCache(tmp_path / "q")
        )


def test_documents_keys_are_the_same_with_each_fact_spelled_once(tmp_path: Path) -> None:
    """A fact stated by several documents, and an entity most documents refer to, is
    spelled (``repr``) once for all the documents' keys, and the keys do not change."""
    work = tmp_path / "synthetic"
    load_generator().generate(work, 6)
    paths = replace(Paths.defaults(ROOT), corpus=work / "corpus", store=tmp_path / "store")
    documents, extraction, _made = pipeline.make_dataset(paths)
    entities = {e.key: e for e in extraction.entities}
    facts, named = rdf_lines._per_document(extraction)

    def keys(spelled: dict[int, bytes] | None) -> list[str]:
        return [
            rdf_lines.document_key(d, facts.get(d.id, []), named.get(d.id, []), entities, spelled)
            for d in documents
        ]

    spelled: dict[int, bytes] = {}
    assert keys(spelled) == keys(None)
    things = {id(f) for f in extraction.facts} | {id(e) for e in extraction.entities}
    assert set(spelled) <= things | {id(None)}  # each once, however many documents ask
    referred = [
        k
        for d in documents
        for k in {k for f in facts.get(d.id, []) for k in families.of(f).referenced(f)}
    ]
    assert len(set(referred)) < len(referred)  # (some entity is referred to by several)
