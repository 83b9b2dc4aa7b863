"""Loading N-Quads into the engine's store in slices, with the merged default graph.

The engine's bulk loader grows its buffers with its input and names the blank nodes of
each call afresh, so lines go in by slices with every line holding a blank node in one
last call; the merge (every triple once in the default graph) is loaded beside the named
graphs rather than copied graph by graph afterwards. Kept apart from ``graph.store``,
which owns the builds' folders, locks and the atomic flip.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path

import pyoxigraph as ox

LOAD_LINES = 40_000  # N-Quads lines per bulk load: the loader's memory grows with its input


def bulk_load_file(store: ox.Store, path: Path) -> None:
    """Bulk-load an N-Quads file a slice at a time, so the loader's buffers stay small
    (in one call they grew by a quarter of a gigabyte for 250,000 quads). The engine
    names the blank nodes of each call afresh, so every line with a blank node goes in
    one last call together: a blank node is then the same node wherever it occurs."""
    with path.open("rb") as lines:
        bulk_load_lines(store, lines, ox.RdfFormat.N_QUADS)


def bulk_load_lines(store: ox.Store, lines: Iterable[bytes], fmt: ox.RdfFormat) -> None:
    """Bulk-load N-Quads or N-Triples lines as ``bulk_load_file`` does: in slices, the
    lines with blank nodes last and together."""
    blank: list[bytes] = []
    batch: list[bytes] = []
    for line in lines:
        (blank if b"_:" in line else batch).append(line)
        if len(batch) >= LOAD_LINES:
            store.bulk_load(b"".join(batch), fmt)
            batch.clear()
    for rest in (batch, blank):
        if rest:
            store.bulk_load(b"".join(rest), fmt)


def bulk_load_with_merge(store: ox.Store, lines: Iterable[bytes]) -> set[str]:
    """Bulk-load N-Quads lines as ``bulk_load_lines`` does, and each line without a blank
    node into the default graph too (the merge, without copying it graph by graph after
    the load: 1,000 SPARQL updates, the larger part of a cold build's load). Returns the
    names (N-Triples) of the graphs with a line holding a blank node, which the store
    names afresh: ``write_merged_default_graph`` copies those graphs from the store."""
    blank: list[bytes] = []
    batch: list[bytes] = []
    merged: list[bytes] = []
    graphs: set[str] = set()
    for line in lines:
        if not line.endswith(b"\n"):
            line += b"\n"
        if b"_:" in line:
            blank.append(line)
            if (named := _graph_of(line)) is not None:
                graphs.add(named[1].decode("utf-8"))
            continue
        batch.append(line)
        if (named := _graph_of(line)) is not None:
            merged.append(named[0])
        if len(batch) >= LOAD_LINES:
            store.bulk_load(b"".join(batch), ox.RdfFormat.N_QUADS)
            batch.clear()
        if len(merged) >= LOAD_LINES:
            store.bulk_load(b"".join(merged), ox.RdfFormat.N_TRIPLES)
            merged.clear()
    for rest, fmt in ((batch, ox.RdfFormat.N_QUADS), (merged, ox.RdfFormat.N_TRIPLES)):
        if rest:
            store.bulk_load(b"".join(rest), fmt)
    if blank:
        store.bulk_load(b"".join(blank), ox.RdfFormat.N_QUADS)
    return graphs


def _graph_of(line: bytes) -> tuple[bytes, bytes] | None:
    """An N-Quads line in a named graph as its triple's line and the graph's name; None
    for a line of the default graph, a comment or an empty line. Only an object holds a
    space, and only if it is a literal (quoted: its closing quote is the line's last)."""
    body = line.rstrip()
    if not body.endswith(b".") or body.startswith(b"#"):
        return None
    body = body[:-1].rstrip()
    terms = body.split(maxsplit=2)
    if len(terms) < 3:
        return None
    last = terms[2]
    if last.startswith(b'"'):
        tail = last[last.rfind(b'"') + 1 :]  # a language tag or datatype, a graph's name
        words = tail.split()
        named = len(words) == 2 or (len(words) == 1 and tail[:1].isspace())
    else:
        named = len(last.split()) == 2
    if not named:
        return None
    cut = max(body.rfind(b" "), body.rfind(b"\t"))
    return body[:cut].rstrip() + b" .\n", body[cut + 1 :]


def default_graph_size(store: ox.Store) -> int:
    """Triples in the store's default graph (counted by the engine)."""
    [row] = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    return int(row["n"].value)


def write_merged_default_graph(store: ox.Store, *, only: Collection[str] | None = None) -> None:
    """Write the merge of the store's named graphs into its default graph (a set: a
    triple in several graphs is stored once). Reads the named graphs back from the store
    rather than from the input so blank nodes keep the labels the store gave them.
    ``only``: the names (N-Triples) of the graphs to copy, and those named by a blank
    node; the others are in the default graph already (``bulk_load_with_merge``)."""
    # The engine copies them itself (a Python loop over every quad took seconds per
    # 10,000), one graph at a time so memory stays the size of the largest graph;
    # variables bound to blank nodes keep naming the store's own blank nodes.
    for graph in list(store.named_graphs()):
        if only is not None and isinstance(graph, ox.NamedNode) and str(graph) not in only:
            continue
        if isinstance(graph, ox.NamedNode):
            store.update(f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
        else:  # a blank-node graph name cannot be written in a query
            quads = store.quads_for_pattern(None, None, None, graph)
            store.bulk_extend([ox.Quad(q.subject, q.predicate, q.object) for q in quads])
