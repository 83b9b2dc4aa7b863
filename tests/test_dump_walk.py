"""The merge's walk over the graphs is kept for the next build: graphs that are the same
as there, after graphs that are all the same, add the lines and VoID counts they added
then, and the first graph that changed is walked afresh with every graph after it. The
dumps and the counts are those of a walk from nothing (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph import dump, export
from graph import store as store_files
from graph.dump_fragments import FragmentCache, digest, graph_nquads
from graph.dump_merged import write_data_dumps
from graph.dump_triples import MergeLines
from graph.export_jsonld import Context
from graph.vocab import ID
from graph.void import Stats

EX = "http://example.org/"


def walk(store: ox.Store, previous=()) -> tuple[list[bytes], Stats, MergeLines]:
    merge = MergeLines(Stats(), str(ID), previous=list(previous))
    lines = []
    for graph in export.select_graphs(store, "all"):
        data = graph_nquads(store, graph)
        lines += merge.first_met(graph, data, digest("data", data))
    return lines, merge.finish(), merge


def small_store(extra: bool = False) -> ox.Store:
    s = ox.Store()
    p, t = ox.NamedNode(EX + "p"), ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    cls = ox.NamedNode("https://w3id.org/china-space-kg/ontology#Country")
    for i in range(4):
        g = ox.NamedNode(f"{EX}g{i}")
        a = ox.NamedNode(f"{ID}a{i}")
        s.add(ox.Quad(a, p, ox.Literal(str(i)), g))
        s.add(ox.Quad(a, t, cls, g))
        s.add(ox.Quad(ox.NamedNode(f"{ID}shared"), p, ox.Literal("x"), g))  # met in every graph
    if extra:  # a change in the second graph: a triple the graphs after it hold too
        s.add(ox.Quad(ox.NamedNode(f"{ID}a3"), p, ox.Literal("3"), ox.NamedNode(f"{EX}g1")))
    return s


def test_a_walk_kept_gives_the_same_lines_and_counts() -> None:
    store = small_store()
    lines, stats, merge = walk(store)
    again, stats_again, merge_again = walk(store, merge.walked)
    assert again == lines and stats_again == stats
    assert [w is b for w, b in zip(merge_again.walked, merge.walked, strict=True)] == [True] * 4


def test_a_changed_graph_walks_itself_and_the_graphs_after_it_afresh() -> None:
    before = walk(small_store())[2].walked
    changed = small_store(extra=True)
    lines, stats, merge = walk(changed, before)
    fresh_lines, fresh_stats, _ = walk(changed)
    assert lines == fresh_lines and stats == fresh_stats
    reused = [w is b for w, b in zip(merge.walked, before, strict=True)]
    assert reused == [True, False, False, False]


@pytest.fixture(scope="module")
def built_store(built, built_paths) -> ox.Store:
    return store_files.open_store(built_paths.store)


def test_dumps_written_with_the_last_walk_are_the_same_bytes(
    built_store, built_paths, tmp_path: Path
) -> None:
    graphs = export.select_graphs(built_store, "all")
    context = Context.load(built_paths.ontology / dump.CONTEXT_FILE)
    cache = FragmentCache(tmp_path / "pieces")
    first = {f: tmp_path / f"first.{f}.gz" for f in export.FORMATS}
    stats = write_data_dumps(built_store, graphs, first, context=context, cache=cache)
    assert (tmp_path / "pieces" / "merge-walk").is_file()
    second = {f: tmp_path / f"second.{f}.gz" for f in export.FORMATS}
    again = write_data_dumps(
        built_store, graphs, second, context=context, cache=FragmentCache(tmp_path / "pieces")
    )
    assert again == stats
    for fmt in export.FORMATS:
        assert first[fmt].read_bytes() == second[fmt].read_bytes(), fmt
