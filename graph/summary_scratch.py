"""The scratch store the summaries are counted on, loaded with the build's merge.

The counts' queries read only the merged default graph and only some predicates, so
the store is given each line's triple once (not every named graph loaded and copied
into the default graph), from an N-Quads file or from the graphs' lines in memory (each
graph's triples kept from the previous build when its text did not change:
``graph.summary_scratch_kept``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox

from graph.store_load import LOAD_LINES, bulk_load_lines
from graph.summary_scratch_kept import PickedCache, picked


def bulk_load_merged(store: ox.Store, path: Path, *, only: frozenset[bytes] | None = None) -> None:
    """Bulk-load the triples of an N-Quads file as rdflib writes it (every line but the
    default graph's ends with its graph's name) into the default graph only: the merge
    of its graphs, without loading each graph and copying it (a third of the time), for
    a store that only answers queries on the merge. Slices as ``store_load.bulk_load_file``.
    ``only``: the predicates (in N-Triples) of the triples to load, the others skipped."""
    with path.open("rb") as lines:
        kept = lines if only is None else (line for line in lines if _predicate(line) in only)
        bulk_load_lines(store, (_triple(line) for line in kept), ox.RdfFormat.N_TRIPLES)


def bulk_load_graphs(
    store: ox.Store,
    graphs: Mapping[str, bytes],
    *,
    only: frozenset[bytes],
    kept: PickedCache | None = None,
    texts: Mapping[str, bytes] | None = None,
) -> None:
    """``bulk_load_merged`` of the file the graphs' lines are written to, one after
    another, from the lines in memory: the same triples, the plain ones in slices of about
    ``LOAD_LINES`` (whole graphs), those naming a blank node in one go last. ``kept``: the
    triples of graphs whose text the previous build had (by ``texts``, each graph's
    ``text_digest`` when made already) are its, not picked again."""
    found = (
        [picked(name, data, only) for name, data in graphs.items()]
        if kept is None
        else kept.all_of(graphs, only, texts)
    )
    batch: list[bytes] = []
    lines = 0
    for part in found:
        if part.plain:
            batch.append(part.plain)
            lines += part.lines
        if lines >= LOAD_LINES:
            store.bulk_load(b"".join(batch), ox.RdfFormat.N_TRIPLES)
            batch, lines = [], 0
    if batch:
        store.bulk_load(b"".join(batch), ox.RdfFormat.N_TRIPLES)
    blank = b"".join(part.blank for part in found)
    if blank:
        store.bulk_load(blank, ox.RdfFormat.N_TRIPLES)


def _predicate(line: bytes) -> bytes:
    """An N-Quads line's predicate (a subject holds no space); empty for a blank line."""
    start = line.find(b" ") + 1
    return line[start : line.find(b" ", start)] if start else b""


def _triple(line: bytes) -> bytes:
    """An N-Quads line without its graph's name."""
    if line.endswith(b"  .\n"):  # the default graph's: a triple already
        return line
    return line[: line.rstrip(b" .\n").rindex(b" ")] + b" .\n"
