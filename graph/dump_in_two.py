"""The data dumps written by two processes: the quad formats here, the triple formats
and the VoID counts in a forked child.

After the staged store comes, an add-one build at 1,000 documents waited 2.1 to 2.5 CPU s
for its dumps' worker, one process, while the build process idled (the twenty-ninth
session's account). The quad family (N-Quads, TriG, JSON-LD) and the triple family
(N-Triples, Turtle, RDF/XML, with the counts) share only their inputs: each graph's
N-Quads and the summaries' range pieces (``dump_merged.data_inputs``). So this process
reads each input once (a kept piece, or from the store) and writes the quad formats,
and tells the child, graph by graph, where in the pieces' pack the same input lies (its
bytes only when it lies nowhere); the child reads it there and writes the triple
formats. The child never opens the store. Both put the pieces they make into the one pack,
each put under a lock (``PiecePack.share``). The dumps are the bytes one process writes
(``dump_merged.write_data_dumps``).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Iterator
from contextlib import ExitStack, suppress
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from graph.dump_fragments import FragmentCache
from graph.dump_members import member_writer
from graph.dump_merged import (
    QUAD_FORMATS,
    TRIPLE_FORMATS,
    QuadDumps,
    Ranged,
    TripleDumps,
    data_inputs,
)
from graph.dump_ranges import RangePiece
from graph.errors import InputError, StoreError
from graph.export_jsonld import Context
from graph.quiet_workers import end_with_parent
from graph.vocab import ID
from graph.void import Stats

Place = tuple[str, int, int]  # a piece in the pack: file name, offset, size
_DONE, _WHOLE, _RANGED, _PIECE, _END = "done", "whole", "ranged", "piece", "end"


def write_data_dumps_in_two(
    store: ox.Store,
    graphs: list[ox.NamedNode | ox.BlankNode],
    targets: dict[str, Path],
    *,
    context: Context,
    uri_space: str = str(ID),
    cache: FragmentCache | None = None,
) -> Stats:
    """``dump_merged.write_data_dumps``, the triple formats written by a forked child:
    the same files, pieces and counts.

    :raises InputError: the data cannot be written in one of the formats.
    """
    cache = cache or FragmentCache(None)
    cache.share()
    from_parent, to_child = multiprocessing.Pipe(duplex=False)
    from_child, to_parent = multiprocessing.Pipe(duplex=False)
    parent = os.getpid()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child, which never returns
        to_child.close()
        from_child.close()
        _child(from_parent, to_parent, parent, graphs, targets, cache, uri_space)
    from_parent.close()
    to_parent.close()
    try:
        _write_quads(store, graphs, targets, context, cache, uri_space, _Sender(to_child))
    except _ChildEnded:  # what it sent at its end says why
        pass
    finally:
        to_child.close()  # the child, if still reading, ends at the end of its input
        found = _result(from_child, child)
    if isinstance(found, ValueError):  # what the engine cannot spell (as export.write)
        raise InputError(f"cannot write the dumps: {found}") from None
    if isinstance(found, BaseException):
        raise found
    if not isinstance(found, tuple):
        raise StoreError("the process writing the triple dumps ended before them")
    stats, used, written = found
    cache.used |= used
    cache.written += written
    return stats


def _write_quads(
    store: ox.Store,
    graphs: list[ox.NamedNode | ox.BlankNode],
    targets: dict[str, Path],
    context: Context,
    cache: FragmentCache,
    uri_space: str,
    child: _Sender,
) -> None:
    """The quad formats, each input handed on to the child as it is read."""
    at = {graph: i for i, graph in enumerate(graphs)}
    try:
        with ExitStack() as files:
            out = {
                f.name: files.enter_context(member_writer(targets[f.name], cache))
                for f in QUAD_FORMATS
            }
            quads = QuadDumps(out, context, cache)
            for found in data_inputs(store, graphs, context, cache, uri_space):
                if isinstance(found, Ranged):
                    child.send((_RANGED, at[found.graph], found.key))
                    quads.begin_graph(found.graph)
                    for piece in found.pieces:
                        _hand_on(child, cache.place(piece.key), piece)
                        quads.add_range(piece)
                    quads.end_graph()
                    child.send((_END,))
                else:
                    stored = found.stored
                    place = cache.place(stored.key)
                    child.send((_WHOLE, at[found.graph], stored.key, place))
                    if place is None:
                        child.send_bytes(stored.data)
                    quads.add(found.graph, stored)
            child.send((_DONE,))
            quads.finish()
    except ValueError as exc:
        raise InputError(f"cannot write the dumps: {exc}") from None


class _ChildEnded(Exception):
    """The child stopped reading: it failed, and says why at its end."""


class _Sender:
    """The child's end of the inputs' pipe; ``_ChildEnded`` once the child is gone."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def send(self, message: tuple[object, ...]) -> None:
        try:
            self.conn.send(message)
        except OSError:
            raise _ChildEnded from None

    def send_bytes(self, data: bytes) -> None:
        try:
            self.conn.send_bytes(data)
        except OSError:
            raise _ChildEnded from None


def _hand_on(child: _Sender, place: Place | None, piece: RangePiece) -> None:
    """A range's piece: where it lies, or (nowhere) what the triple formats read of it."""
    child.send((_PIECE, place, piece.key))
    if place is None:
        triple_parts = (piece.walk, piece.ntriples, piece.triple_texts)
        child.send_bytes(pickle.dumps(triple_parts, protocol=pickle.HIGHEST_PROTOCOL))


def _result(conn: Connection, child: int) -> object:
    """What the child sent at its end (counts, pieces used and made, or what failed);
    the child waited for."""
    try:
        found: object = conn.recv()
    except (EOFError, OSError):
        found = StoreError("the process writing the triple dumps ended unexpectedly")
    finally:
        conn.close()
        os.waitpid(child, 0)
    return found


def _child(
    conn: Connection,
    parent_conn: Connection,
    parent: int,
    graphs: list[ox.NamedNode | ox.BlankNode],
    targets: dict[str, Path],
    cache: FragmentCache,
    uri_space: str,
) -> None:
    """In the child: the triple formats from the inputs the parent names; send back the
    counts, the pieces used and how many were made, or what went wrong; then end, with
    no clean-up of the parent's objects (``os._exit``)."""
    code = 0
    try:
        end_with_parent(parent)
        result: object = _write_triples(conn, graphs, targets, cache, uri_space)
    except BaseException as exc:
        result = exc
    try:
        parent_conn.send(result)
    except BaseException:
        code = 1
    os._exit(code)


def _write_triples(
    conn: Connection,
    graphs: list[ox.NamedNode | ox.BlankNode],
    targets: dict[str, Path],
    cache: FragmentCache,
    uri_space: str,
) -> tuple[Stats, set[str], int]:
    """The triple formats and the counts, from the inputs the parent names in its order
    (the same loop as ``dump_merged.write_data_dumps``'s triple half); the counts, the
    pieces used and how many this process made."""
    read = _PackReader(cache.folder)
    with ExitStack() as files:
        files.callback(read.close)
        out = {
            f.name: files.enter_context(member_writer(targets[f.name], cache))
            for f in TRIPLE_FORMATS
        }
        triples = TripleDumps(out, graphs, cache, uri_space)
        while (message := conn.recv())[0] != _DONE:
            if message[0] == _WHOLE:
                _kind, at, key, place = message
                data = conn.recv_bytes() if place is None else read(place)
                triples.add(graphs[at], data, key)
                continue
            _kind, at, key = message
            walk = triples.begin_ranged(graphs[at], key)
            for piece in _pieces(conn, read):
                triples.add_range(walk, piece)
            walk.finish()
        triples.finish()
    return triples.stats(), cache.used, cache.written


def _pieces(conn: Connection, read: _PackReader) -> Iterator[RangePiece]:
    """A ranged graph's pieces as the parent names them, to its end."""
    while (message := conn.recv())[0] != _END:
        _kind, place, key = message
        if place is None:
            walk, ntriples, texts = pickle.loads(conn.recv_bytes())
            yield RangePiece(b"", b"", b"", b"", b"", b"", ntriples, walk, texts, key)
            continue
        piece = RangePiece.of(read(place))
        piece.key = key  # named by the parent's key, as ``ranged_graph`` names it
        yield piece


class _PackReader:
    """Pieces read where the parent says they lie (its pack, which it may have started
    since the fork: opened by name)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._open: dict[str, int] = {}

    def __call__(self, place: Place) -> bytes:
        name, offset, size = place
        if self.folder is None:
            raise StoreError("a dump piece was named but no pieces are kept")
        fd = self._open.get(name)
        if fd is None:
            fd = self._open[name] = os.open(self.folder / name, os.O_RDONLY)
        data = os.pread(fd, size, offset)
        if len(data) != size:
            raise StoreError("a dump piece was cut short; run `spacekg build --full`")
        return data

    def close(self) -> None:
        for fd in self._open.values():
            with suppress(OSError):
                os.close(fd)
