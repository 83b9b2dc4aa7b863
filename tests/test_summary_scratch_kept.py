"""A build keeps each graph's counted triples for the next, under a digest of the graph's
text: the next build picks triples only out of graphs whose text changed, and its
summaries' scratch store holds what picking out of every graph gives
(graph/summary_scratch_kept.py, issue 18)."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox

from graph import summaries
from graph.summary_scratch_kept import FILE, PickedCache, picked, text_digests

EX = "https://example.org/"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
ONLY = frozenset({LABEL.encode(), f"<{EX}p>".encode()})


def _graphs(extra: str = "") -> dict[str, bytes]:
    """Three graphs: labels (counted), a predicate not counted, a triple two graphs share
    and, in the last, a blank node; ``extra``: one more label in the first graph."""
    out = {}
    for g in range(3):
        name = f"<{EX}graph/{g}>"
        lines = [f'<{EX}s{i}> {LABEL} "label {i}"@en {name} .\n' for i in range(g, 9)]
        lines += [f'<{EX}s{i}> <{EX}skipped> "x" {name} .\n' for i in range(4)]
        lines.append(f"<{EX}shared> <{EX}p> <{EX}o> {name} .\n")
        if g == 2:
            lines.append(f"_:b1 <{EX}p> <{EX}o> {name} .\n")
        if g == 0 and extra:
            lines.append(f'<{EX}new> {LABEL} "{extra}" {name} .\n')
        out[name] = "".join(lines).encode()
    return out


def _loaded(graphs: dict[str, bytes], kept: PickedCache | None) -> list[str]:
    store = ox.Store()
    summaries.bulk_load_graphs(
        store, graphs, only=ONLY, kept=kept, texts=text_digests(graphs) if kept else None
    )
    # a load names blank nodes afresh: one node, whatever its name
    return sorted(re.sub(r"_:\w+", "_:b", str(q)) for q in store)


def test_a_graph_s_picked_triples_are_its_counted_ones_apart_from_blank_nodes() -> None:
    name = f"<{EX}graph/2>"
    found = picked(name, _graphs()[name], ONLY)
    assert found.lines == 8  # seven labels and the shared triple
    assert found.blank == f"_:b1 <{EX}p> <{EX}o> .\n".encode()
    assert b"skipped" not in found.plain and name.encode() not in found.plain


def test_the_next_build_picks_only_from_graphs_whose_text_changed(tmp_path: Path) -> None:
    first = PickedCache(tmp_path)
    assert _loaded(_graphs(), first) == _loaded(_graphs(), None)
    assert first.picked == 3
    edited = _graphs(extra="a new name")
    second = PickedCache(tmp_path)
    assert _loaded(edited, second) == _loaded(edited, None)
    assert second.picked == 1
    assert any('"a new name"' in line for line in _loaded(edited, PickedCache(tmp_path)))


def test_a_full_build_picks_from_every_graph_and_still_keeps_them(tmp_path: Path) -> None:
    _loaded(_graphs(), PickedCache(tmp_path))
    full = PickedCache(tmp_path, read=False)
    _loaded(_graphs(), full)
    assert full.picked == 3
    after = PickedCache(tmp_path)
    _loaded(_graphs(), after)
    assert after.picked == 0


def test_other_predicates_or_an_unreadable_file_mean_picking_afresh(tmp_path: Path) -> None:
    _loaded(_graphs(), PickedCache(tmp_path))
    other = PickedCache(tmp_path)
    other.all_of(_graphs(), frozenset({LABEL.encode()}))
    assert other.picked == 3
    (tmp_path / FILE).write_bytes(b"not a pickle")
    torn = PickedCache(tmp_path)
    assert _loaded(_graphs(), torn) == _loaded(_graphs(), None)
    assert torn.picked == 3
