"""The three triple-format dumps and the VoID counts from one pass over the merge.

Turtle, N-Triples and RDF/XML hold the merge of all graphs, each triple once, in the
order ``graph.export.merged_triples`` gives: graph by graph, a triple written where it
is first met. Asking the store about every subject once per format (and once more for
the VoID counts) was most of the time a build spent on its dumps; here the merge is
walked once, remembering a 16-byte digest of each triple written (memory a small
fraction of the store's), written as N-Triples to a scratch file while being counted,
and the other two formats are read back from that file: the same triples in the same
order, so the same bytes as exporting each format on its own.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox

from graph.errors import InputError
from graph.export import FORMATS, GraphName
from graph.vocab import ID, PREFIXES
from graph.void import Stats, count_graphs, count_triple

TRIPLE_FORMATS = tuple(f for f in FORMATS.values() if not f.quads)


def merged_once(store: ox.Store, graphs: list[GraphName]) -> Iterator[tuple[ox.Triple, bool]]:
    """``merged_triples(store, graphs)`` with the same triples in the same order (and
    the same subjects marked first), remembering what was written instead of asking the
    store about each subject."""
    written: set[bytes] = set()
    subjects: set[bytes] = set()
    for graph in graphs:
        for quad in store.quads_for_pattern(None, None, None, graph):
            triple = quad.triple
            key = _digest(str(triple))
            if key in written:
                continue
            written.add(key)
            subject = _digest(str(triple.subject))
            first = subject not in subjects
            if first:
                subjects.add(subject)
            yield triple, first


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def write_triple_dumps(
    store: ox.Store,
    graphs: list[GraphName],
    targets: dict[str, Path],
    *,
    uri_space: str = str(ID),
) -> Stats:
    """Write the gzipped triple-format dumps (``targets``: format name -> file) and
    return the VoID counts of the merge of ``graphs``."""
    stats = Stats()
    scratch = next(iter(targets.values())).with_name(".merged.nt.partial")

    def counted() -> Iterator[ox.Triple]:
        for triple, first in merged_once(store, graphs):
            count_triple(stats, triple, first, uri_space)
            yield triple

    try:
        _write_all(counted(), scratch, targets)
    except ValueError as exc:  # what the engine cannot spell in a format (as export.write)
        raise InputError(f"cannot write the triple-format dumps: {exc}") from None
    finally:
        scratch.unlink(missing_ok=True)
    count_graphs(stats, store, graphs)
    return stats


def _write_all(triples: Iterator[ox.Triple], scratch: Path, targets: dict[str, Path]) -> None:
    """N-Triples to ``scratch`` first, then each format from it, gzipped like
    ``export.export_file`` does (no timestamp: equal data, equal bytes)."""
    with scratch.open("wb") as out:
        ox.serialize(triples, out, ox.RdfFormat.N_TRIPLES)
    for fmt in TRIPLE_FORMATS:
        target = targets[fmt.name]
        partial = target.with_name(f".{target.name}.partial")
        try:
            with partial.open("wb") as raw, gzip.GzipFile(
                filename="", mode="wb", fileobj=raw, mtime=0
            ) as out:
                # re-serialised even as N-Triples: gzip's bytes depend on the writes
                parsed = ox.parse(path=scratch, format=ox.RdfFormat.N_TRIPLES)
                ox.serialize((q.triple for q in parsed), out, fmt.rdf_format, prefixes=PREFIXES)
            partial.replace(target)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
