"""The scratch store the summaries are counted on, loaded with the build's merge.

The counts' queries read only the merged default graph and only some predicates, so
the store is given each line's triple once (not every named graph loaded and copied
into the default graph), from an N-Quads file or from the graphs' lines in memory.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pyoxigraph as ox

from graph.store_load import LOAD_LINES, bulk_load_lines


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
    store: ox.Store, graphs: Mapping[str, bytes], *, only: frozenset[bytes]
) -> None:
    """``bulk_load_merged`` of the file the graphs' lines are written to, one after
    another, from the lines in memory: each graph's name taken off all its lines at once
    and the predicates read by one comprehension, not a call per line (most of a second
    at 1,000 documents); the same triples, loaded in the same slices."""
    plain: list[bytes] = []
    blank: list[bytes] = []
    for name, data in graphs.items():
        # a line ends " <graph> .\n", and only a line's end can (a literal's newline is
        # escaped): the triples, each without its " .\n"
        triples = data.replace(f" {name} .\n".encode(), b" .\n").split(b" .\n")[:-1]
        kept = [t for t in triples if t.split(b" ", 2)[1] in only]
        if b"_:" in data:
            blank += [t for t in kept if b"_:" in t]
            kept = [t for t in kept if b"_:" not in t]
        plain += kept
    end = b" .\n"
    for start in range(0, len(plain), LOAD_LINES):
        batch = plain[start : start + LOAD_LINES]
        store.bulk_load(end.join(batch) + end, ox.RdfFormat.N_TRIPLES)
    if blank:
        store.bulk_load(end.join(blank) + end, ox.RdfFormat.N_TRIPLES)


def _predicate(line: bytes) -> bytes:
    """An N-Quads line's predicate (a subject holds no space); empty for a blank line."""
    start = line.find(b" ") + 1
    return line[start : line.find(b" ", start)] if start else b""


def _triple(line: bytes) -> bytes:
    """An N-Quads line without its graph's name."""
    if line.endswith(b"  .\n"):  # the default graph's: a triple already
        return line
    return line[: line.rstrip(b" .\n").rindex(b" ")] + b" .\n"
