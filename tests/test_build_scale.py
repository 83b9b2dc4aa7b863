"""The faster paths of a build write what the slower ones wrote (issue 18).

- the dumps written from one walk over the store are, byte for byte, what exporting
  each format on its own writes, and the VoID counts are the same;
- the store's merged default graph, copied by the engine, is the merge of its graphs,
  and the staged store counts its triples and quads;
- documents validated by worker processes report what one process reports;
- whether the default graph holds a triple of its own is answered the same way.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from types import SimpleNamespace

import pyoxigraph as ox
import pytest
from rdflib import Literal
from rdflib.namespace import XSD

from graph import dump, export, store_load, validate, validate_parallel, validate_split
from graph import store as store_files
from graph.dump_fragments import FragmentCache, graph_nquads
from graph.dump_merged import write_data_dumps
from graph.dump_triples import MergeLines
from graph.export_jsonld import Context
from graph.vocab import ID, OA
from graph.void import Stats, collect_stats

EX = "http://example.org/"


@pytest.fixture(scope="module")
def store(built, built_paths) -> ox.Store:
    return store_files.open_store(built_paths.store)


def test_dumps_from_one_walk_are_the_text_of_each_export(
    store, built_paths, tmp_path: Path
) -> None:
    graphs = export.select_graphs(store, "all")
    assert ox.DefaultGraph() not in graphs  # a build's default graph is only the merge
    context = Context.load(built_paths.ontology / dump.CONTEXT_FILE)
    targets = {f: tmp_path / f"one-walk.{f}.gz" for f in export.FORMATS}
    stats = write_data_dumps(store, graphs, targets, context=context)
    for fmt in export.FORMATS.values():
        # the same text, compressed piece by piece (graph/dump_members.py)
        written = gzip.decompress(targets[fmt.name].read_bytes())
        assert written == _dumped_alone(store, graphs, context, fmt, tmp_path), fmt.name
        assert written  # not two empty files
    assert stats == collect_stats(store)
    assert not list(tmp_path.glob(".*"))  # no scratch file left behind


def test_the_merge_of_the_lines_is_the_merge_the_store_walk_writes(store) -> None:
    graphs = export.select_graphs(store, "all")
    merge = MergeLines(Stats(), str(ID))
    lines = [line for g in graphs for line in merge.first_met(g, graph_nquads(store, g))]
    expected = list(export.merged_triples(store, graphs))
    assert lines == [f"{t} .\n".encode() for t, _first in expected]
    assert merge.finish() == collect_stats(store)


def two_graph_store() -> ox.Store:
    s = ox.Store()
    a, b, p = ox.NamedNode(EX + "a"), ox.NamedNode(EX + "b"), ox.NamedNode(EX + "p")
    g1, g2 = ox.NamedNode(EX + "g1"), ox.NamedNode(EX + "g2")
    s.add(ox.Quad(a, p, b, g1))
    s.add(ox.Quad(a, p, b, g2))  # the same triple in two graphs: merged once
    s.add(ox.Quad(b, p, ox.BlankNode("x"), g2))
    return s


def test_the_merged_default_graph_holds_each_triple_once() -> None:
    s = two_graph_store()
    store_files.write_merged_default_graph(s)
    assert store_files.default_graph_size(s) == 2
    assert not export.has_own_default_graph(s)
    # the blank node of g2 is the same blank node in the merge
    assert ox.Quad(ox.NamedNode(EX + "b"), ox.NamedNode(EX + "p"), ox.BlankNode("x")) in s
    s.add(ox.Quad(ox.NamedNode(EX + "c"), ox.NamedNode(EX + "p"), ox.Literal("own")))
    assert export.has_own_default_graph(s)


def test_a_staged_build_counts_its_triples_and_quads(tmp_path: Path) -> None:
    s = two_graph_store()
    nquads = s.dump(format=ox.RdfFormat.N_QUADS)
    staged = store_files.stage_build(tmp_path, nquads, store_files.content_id(nquads))
    assert (staged.triples, staged.quads) == (2, 3)
    assert staged.path.is_dir() and not store_files.has_store(tmp_path)
    store_files.discard_build(staged)
    assert not staged.path.exists()


def test_documents_validated_by_workers_report_what_one_process_reports(
    built, project_paths, monkeypatch
) -> None:
    shapes = validate.load_shapes(project_paths.shapes)
    split = validate_split.split_shapes(shapes)
    names = validate_split.document_graphs(_documents(built))
    graphs = [list(built.dataset.graph(n)) for n in names]
    end = next(t for t in graphs[0] if t[1] == OA.end)
    broken = [t for t in graphs[0] if t != end]
    broken.append((end[0], OA.end, Literal(10**7, datatype=XSD.nonNegativeInteger)))
    graphs = [broken, *graphs[1:]] * 2
    alone, _ = validate_parallel.validate_graphs(
        graphs, shapes, split.per_document, alongside=lambda: None, workers=0
    )
    monkeypatch.setattr(validate_parallel, "_POOL_FROM", 2)
    monkeypatch.setattr(validate_parallel, "_CHUNK", 3)
    pooled, beside = validate_parallel.validate_graphs(
        graphs, shapes, split.per_document, alongside=lambda: "ran here", workers=1
    )
    assert pooled == alone and beside == "ran here"
    assert alone[0] and any(v.shape.endswith("#EvidenceWithinDocument") for v in alone[0])


def _documents(built) -> list[SimpleNamespace]:
    return [SimpleNamespace(id=doc_id) for doc_id in built.info.facts_by_document]


def test_a_file_loaded_in_slices_keeps_each_blank_node_one_node(
    tmp_path: Path, monkeypatch
) -> None:
    lines = [f'<{EX}s{i}> <{EX}p> "{i}" <{EX}g{i % 3}> .\n' for i in range(7)]
    lines[1] = f"_:b <{EX}p> <{EX}o> <{EX}g1> .\n"
    lines[5] = f"<{EX}s> <{EX}p> _:b <{EX}g2> .\n"  # the same blank node, slices apart
    path = tmp_path / "data.nq"
    path.write_text("".join(lines), encoding="utf-8")
    monkeypatch.setattr(store_load, "LOAD_LINES", 2)
    s = ox.Store()
    store_load.bulk_load_file(s, path)
    assert len(s) == 7
    blanks = {q.subject for q in s if isinstance(q.subject, ox.BlankNode)}
    blanks |= {q.object for q in s if isinstance(q.object, ox.BlankNode)}
    assert len(blanks) == 1


def test_the_build_id_of_a_file_is_that_of_its_bytes(tmp_path: Path) -> None:
    import hashlib

    data = b"".join(f'<{EX}s{i % 4}> <{EX}p> "{i}" <{EX}g> .\n'.encode() for i in (3, 1, 2, 10))
    path = tmp_path / "data.nq"
    path.write_bytes(data)
    joined = hashlib.sha256(b"\n".join(sorted(data.splitlines()))).hexdigest()[:16]
    assert store_files.content_id(path) == store_files.content_id(data) == joined


def test_dumps_from_kept_pieces_are_the_bytes_of_dumps_made_afresh(
    store, built_paths, tmp_path: Path
) -> None:
    """A graph's TriG and JSON-LD pieces are kept under a digest of its quads, and each
    stretch of the merge's Turtle and RDF/XML under a digest of its lines: a build that
    changes one graph writes that graph's pieces again and reuses the rest."""
    context = Context.load(built_paths.ontology / dump.CONTEXT_FILE)
    changed = ox.Store(str(tmp_path / "changed"))
    changed.bulk_load(store.dump(format=ox.RdfFormat.N_QUADS), ox.RdfFormat.N_QUADS)
    graphs = export.select_graphs(changed, "all")
    document = next(g for g in graphs if g.value.startswith(export.DOCUMENT_GRAPHS))
    changed.add(
        ox.Quad(ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p"), ox.Literal("new"), document)
    )
    pieces = tmp_path / "pieces"

    def dumps(source: ox.Store, name: str, cache: FragmentCache | None) -> list[bytes]:
        folder = tmp_path / name
        folder.mkdir()
        targets = {f: folder / f"{f}.gz" for f in export.FORMATS}
        write_data_dumps(
            source, export.select_graphs(source, "all"), targets, context=context, cache=cache
        )
        return [gzip.decompress(targets[f].read_bytes()) for f in export.FORMATS]

    first = FragmentCache(pieces)
    dumps(store, "previous", first)
    assert first.written > 2 * len(graphs)  # two per graph, two per stretch of the merge
    again = FragmentCache(pieces)
    kept = dumps(changed, "kept", again)
    # the changed graph and the ontology (whose blank nodes the new store named anew),
    # and the one or two stretches of the merge that hold them
    assert again.written in (6, 8)
    assert kept == dumps(changed, "afresh", None)
    assert all(b"new" in data for data in kept)


def test_the_pieces_of_a_graph_whose_lines_are_known_are_keyed_by_them(
    store, built_paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document graph's N-Quads are a function of the build's lines of it, whose digest
    validation has already taken: its TriG and JSON-LD pieces are keyed by that digest,
    so the text of a graph the build knows is never hashed (hashing each graph's text
    once per piece took most of a second at 1,000 documents)."""
    from graph import dump_fragments

    context = Context.load(built_paths.ontology / dump.CONTEXT_FILE)
    graphs = export.select_graphs(store, "all")
    documents = [g for g in graphs if g.value.startswith(export.DOCUMENT_GRAPHS)]
    hashed: list[bytes | str] = []
    digest = dump_fragments.digest
    monkeypatch.setattr(
        dump_fragments, "digest", lambda *parts: hashed.extend(parts) or digest(*parts)
    )
    cache = FragmentCache(
        tmp_path / "pieces", lines={g.value: f"lines of {g.value}" for g in documents}
    )
    targets = {f: tmp_path / f"{f}.gz" for f in export.FORMATS}
    write_data_dumps(store, graphs, targets, context=context, cache=cache)
    assert documents and hashed
    texts = {graph_nquads(store, g) for g in documents}
    assert not texts & {part for part in hashed if isinstance(part, bytes)}
    for fmt in export.FORMATS.values():
        written = gzip.decompress(targets[fmt.name].read_bytes())
        assert written == _dumped_alone(store, graphs, context, fmt, tmp_path), fmt.name


def _dumped_alone(store, graphs, context, fmt, tmp_path: Path) -> bytes:
    """The text ``export.export_file`` writes for the graphs in one format, alone."""
    alone = export.export_file(
        store, tmp_path / f"alone.{fmt.extension}.gz", fmt, graphs, context=context, compress=True
    )
    return gzip.decompress(alone.read_bytes())
