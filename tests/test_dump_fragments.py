"""A graph's pieces of the quad dumps (N-Quads, TriG, JSON-LD) are made from its quads read
once: the TriG and JSON-LD pieces of a changed graph read the quads the N-Quads piece was
written from, and a graph whose N-Quads piece was kept parses it once for the others.
Either way the pieces are those made from the graph's N-Quads text (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from graph import dump
from graph.config import Paths
from graph.dump_fragments import (
    FragmentCache,
    graph_nquads,
    jsonld_piece,
    stored_nquads,
    trig_piece,
)
from graph.export_jsonld import Context, graph_entry
from graph.vocab import PREFIXES

EX = "http://example.org/"
GRAPH = ox.NamedNode(EX + "g")


def store_with_a_graph() -> ox.Store:
    store = ox.Store()
    p = ox.NamedNode(EX + "p")
    for i in range(20):
        s = ox.NamedNode(f"{EX}s{i % 7}")
        store.add(ox.Quad(s, p, ox.Literal(f'quote {i} with "marks"\n', language="en"), GRAPH))
        store.add(ox.Quad(s, p, ox.Literal(str(i), datatype=ox.NamedNode(EX + "n")), GRAPH))
    return store


def context() -> Context:
    return Context.load(Paths.defaults(Path(__file__).parent.parent).ontology / dump.CONTEXT_FILE)


def test_a_graph_read_from_the_store_gives_its_pieces_from_the_quads_read(tmp_path) -> None:
    store = store_with_a_graph()
    cache = FragmentCache(tmp_path, lines={GRAPH.value: "digest-of-its-lines"})
    stored = stored_nquads(store, GRAPH, cache)
    text = graph_nquads(store, GRAPH)
    assert stored.data == text
    assert stored.quads() == list(ox.parse(text, format=ox.RdfFormat.N_QUADS))
    trig = b"".join(trig_piece(stored, cache))
    assert trig == ox.serialize(
        store.quads_for_pattern(None, None, None, GRAPH),
        format=ox.RdfFormat.TRIG,
        prefixes=PREFIXES,
    )
    made = jsonld_piece(GRAPH, stored, context(), cache)
    assert made == graph_entry(GRAPH, store.quads_for_pattern(None, None, None, GRAPH), context())


def test_a_kept_piece_is_parsed_once_for_the_other_pieces(tmp_path) -> None:
    store = store_with_a_graph()
    lines = {GRAPH.value: "digest-of-its-lines"}
    first = stored_nquads(store, GRAPH, FragmentCache(tmp_path, lines=lines))
    cache = FragmentCache(tmp_path, lines=lines)
    store.remove_graph(GRAPH)  # the kept piece is read, not the store
    kept = stored_nquads(store, GRAPH, cache)
    assert kept.data == first.data and kept.key == first.key
    assert kept.quads() == first.quads()
    assert kept.quads() is kept.quads()
    fresh = FragmentCache(tmp_path / "fresh")
    assert trig_piece(kept, fresh) == trig_piece(first, FragmentCache(None))
