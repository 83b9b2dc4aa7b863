"""The six data dumps and the VoID counts from one walk over the store.

Each dump used to walk the store on its own, and the three triple formats (Turtle,
N-Triples, RDF/XML) and the VoID counts each also asked the store about every subject
to find which graph owns a triple: most of the time a build spent on its dumps. Here the
named graphs are read from the store once, into a scratch N-Quads file, and every dump
is written from that file, which the engine parses far faster than it reads its own
indexes: the same quads in the same order, so the same bytes (gzip included) as
``graph.export`` writes for each format alone.

The triple formats hold the merge, each triple once, in the order of
``graph.export.merged_triples``: graph by graph, a triple written where it is first met.
Here that is found by remembering a 16-byte digest of each triple written (memory a
small fraction of the store's); the merge goes to a second scratch file as N-Triples
while it is counted, and the three formats are written from that.
"""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from graph.dump_fragments import FragmentCache, jsonld_piece, stored_nquads, trig_piece
from graph.errors import InputError
from graph.export import FORMATS, GZIP_LEVEL, ExportFormat
from graph.export_jsonld import DOCUMENT_TAIL, Context, document_head
from graph.vocab import ID, PREFIXES
from graph.void import Stats, count_triple

TRIPLE_FORMATS = tuple(f for f in FORMATS.values() if not f.quads)
QUAD_FORMATS = tuple(f for f in FORMATS.values() if f.quads)


def merged_once(quads: Iterable[ox.Quad]) -> Iterator[tuple[ox.Triple, bool]]:
    """``merged_triples(store, graphs)`` given ``quads_of(store, graphs)``: the same
    triples in the same order (and the same subjects marked first), remembering what was
    written instead of asking the store about each subject."""
    written: set[bytes] = set()
    subjects: set[bytes] = set()
    for quad in quads:
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


def write_data_dumps(
    store: ox.Store,
    graphs: list[ox.NamedNode | ox.BlankNode],
    targets: dict[str, Path],
    *,
    context: Context,
    uri_space: str = str(ID),
    cache: FragmentCache | None = None,
) -> Stats:
    """Write the gzipped dump of every format (``targets``: format name -> file) of the
    named ``graphs`` and return the VoID counts of their merge.

    :raises InputError: the data cannot be written in one of the formats.
    """
    folder = next(iter(targets.values())).parent
    quads_file, triples_file = folder / ".quads.nq.partial", folder / ".merged.nt.partial"
    stats = Stats(graphs={g.value: 0 for g in graphs})

    def read_quads() -> Iterator[ox.Quad]:
        return ox.parse(path=quads_file, format=ox.RdfFormat.N_QUADS)

    def counted() -> Iterator[ox.Triple]:
        def each(quads: Iterator[ox.Quad]) -> Iterator[ox.Quad]:
            for quad in quads:
                stats.graphs[quad.graph_name.value] += 1
                yield quad

        for triple, first in merged_once(each(read_quads())):
            count_triple(stats, triple, first, uri_space)
            yield triple

    try:
        with quads_file.open("wb") as out:
            _write_quad_dumps(store, graphs, targets, out, context, cache or FragmentCache(None))
        with triples_file.open("wb") as out:
            ox.serialize(counted(), out, ox.RdfFormat.N_TRIPLES)
        for fmt in TRIPLE_FORMATS:
            # re-serialised even as N-Triples: gzip's bytes depend on the writes
            triples = (q.triple for q in ox.parse(path=triples_file, format=ox.RdfFormat.N_TRIPLES))
            _gzipped(targets[fmt.name], partial(_triples, triples, fmt=fmt))
    except ValueError as exc:  # what the engine cannot spell in a format (as export.write)
        raise InputError(f"cannot write the dumps: {exc}") from None
    finally:
        quads_file.unlink(missing_ok=True)
        triples_file.unlink(missing_ok=True)
    stats.quads = sum(stats.graphs.values())
    return stats


def _write_quad_dumps(
    store: ox.Store,
    graphs: list[ox.NamedNode | ox.BlankNode],
    targets: dict[str, Path],
    quads_out: IO[bytes],
    context: Context,
    cache: FragmentCache,
) -> None:
    """The three quad formats, graph by graph (``graph.dump_fragments``: the pieces of
    graphs that did not change are the previous build's), and the scratch N-Quads."""
    with (
        _gzip_writer(targets["nq"]) as nquads,
        _gzip_writer(targets["trig"]) as trig,
        _gzip_writer(targets["jsonld"]) as jsonld,
    ):
        jsonld.write(document_head(context))
        header, first = True, True
        for graph in graphs:
            data = stored_nquads(store, graph, cache)
            quads_out.write(data)
            nquads.write(data)
            head, block = trig_piece(data, cache)
            if header and head:
                trig.write(head)
                header = False
            trig.write(block)
            entry = jsonld_piece(graph, data, context, cache)
            if entry:
                jsonld.write((b"\n" if first else b",\n") + entry)
                first = False
        jsonld.write(DOCUMENT_TAIL)
        # the engine's serializer flushes its output once at the end, and a flush marks
        # gzip's stream: the same bytes as export_file need the same flush
        nquads.flush()
        trig.flush()


def _triples(triples: Iterator[ox.Triple], out: IO[bytes], *, fmt: ExportFormat) -> None:
    ox.serialize(triples, out, fmt.rdf_format, prefixes=PREFIXES)


def _gzipped(target: Path, write: Callable[[IO[bytes]], object]) -> None:
    with _gzip_writer(target) as out:
        write(out)


@contextmanager
def _gzip_writer(target: Path) -> Iterator[IO[bytes]]:
    """Write through gzip as ``export.export_file`` does (no timestamp: equal data, equal
    bytes), via a partial file so a failure leaves nothing half-written."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        with (
            partial.open("wb") as raw,
            gzip.GzipFile(
                filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=GZIP_LEVEL
            ) as out,
        ):
            yield out
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
