"""The six data dumps and the VoID counts from one walk over the store's graphs.

Each dump used to walk the store on its own, and the three triple formats (Turtle,
N-Triples, RDF/XML) and the VoID counts each also asked the store about every subject
to find which graph owns a triple: most of the time a build spent on its dumps. Here each
named graph's N-Quads are read from the store once (or from the previous build's pieces,
``graph.dump_fragments``) and every dump is written from them as they come: the same
quads in the same order, so the same text as ``graph.export`` writes for each format
alone, compressed piece by piece as gzip members (``graph.dump_members``). The triple
formats hold the merge, each triple once, where it is first met (``graph.dump_triples``,
which also counts it for VoID).
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph import dump_members
from graph.dump_fragments import (
    FragmentCache,
    StoredGraph,
    digest,
    jsonld_key,
    jsonld_piece,
    stored_nquads,
    trig_key,
    trig_piece,
)
from graph.dump_members import MemberWriter, member_writer
from graph.dump_range_walk import RangedWalk
from graph.dump_ranges import RangePiece, ranged_graph, ranges_of
from graph.dump_triples import GraphWalked, MergeLines, PiecedWriter
from graph.errors import InputError
from graph.export import FORMATS
from graph.export_jsonld import DOCUMENT_TAIL, ENTRY_TAIL, Context, document_head, entry_head
from graph.vocab import ID
from graph.void import Stats

TRIPLE_FORMATS = tuple(f for f in FORMATS.values() if not f.quads)
QUAD_FORMATS = tuple(f for f in FORMATS.values() if f.quads)


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
    cache = cache or FragmentCache(None)
    try:
        with ExitStack() as files:
            out = {
                name: files.enter_context(member_writer(path, cache))
                for name, path in targets.items()
            }
            triples = TripleDumps(
                {f.name: out[f.name] for f in TRIPLE_FORMATS}, graphs, cache, uri_space
            )
            quads = QuadDumps(out, context, cache)
            for found in data_inputs(store, graphs, context, cache, uri_space):
                if isinstance(found, Ranged):
                    quads.begin_graph(found.graph)
                    walk = triples.begin_ranged(found.graph, found.key)
                    for piece in found.pieces:
                        quads.add_range(piece)
                        triples.add_range(walk, piece)
                    quads.end_graph()
                    walk.finish()
                else:
                    quads.add(found.graph, found.stored)
                    triples.add(found.graph, found.stored.data, found.stored.key)
            quads.finish()
            triples.finish()
    except ValueError as exc:  # what the engine cannot spell in a format (as export.write)
        raise InputError(f"cannot write the dumps: {exc}") from None
    return triples.stats()


@dataclass
class Stored:
    """A graph written whole: its N-Quads and their key (``stored_nquads``)."""

    graph: ox.NamedNode | ox.BlankNode
    stored: StoredGraph


@dataclass
class Ranged:
    """A graph written by ranges of its subjects (``graph.dump_ranges``), their pieces
    read or made one at a time; ``key``: that of the graph's lines."""

    graph: ox.NamedNode
    key: str
    pieces: Iterator[RangePiece]


def data_inputs(
    store: ox.Store,
    graphs: list[ox.NamedNode | ox.BlankNode],
    context: Context,
    cache: FragmentCache,
    uri_space: str,
) -> Iterator[Stored | Ranged]:
    """What every data dump is written from, graph by graph in order: each graph's
    N-Quads (kept, or read from the store), or its ranges' pieces (kept, or made)."""
    context_key = context.digest
    # the ranges are cut while the worker waits for the staged store (the graphs
    # before a changed one are written first), not at the end (0.5 s at 1,000)
    ranges = {name: ranges_of(name, lines) for name, lines in cache.ranged.items()}
    for graph in graphs:
        named = isinstance(graph, ox.NamedNode) and graph.value in ranges
        found = named and ranged_graph(
            store,
            graph,
            ranges[graph.value],
            context,
            cache,
            context_key=context_key,
            uri_space=uri_space,
        )
        if found:
            yield Ranged(graph, found.key, found.pieces)
        else:
            yield Stored(graph, stored_nquads(store, graph, cache))


class TripleDumps:
    """The three triple formats of the merge and its VoID counts, graph by graph: each
    triple where it is first met (``graph.dump_triples``), the walk kept for the next
    build (``stats``, once the dumps are finished)."""

    def __init__(
        self,
        out: dict[str, MemberWriter],
        graphs: list[ox.NamedNode | ox.BlankNode],
        cache: FragmentCache,
        uri_space: str,
    ) -> None:
        self.cache = cache
        self.merge = MergeLines(Stats(graphs={g.value: 0 for g in graphs}), uri_space)
        self._walk_key = digest("merge-walk", str(_WALK_FORMAT), uri_space)
        self.merge.previous = _previous_walk(cache, self._walk_key)
        self.writer = PiecedWriter(out, cache)

    def add(self, graph: ox.NamedNode | ox.BlankNode, nquads: bytes, key: str) -> None:
        """A graph written whole (its N-Quads as the store writes them, and their key)."""
        self.writer.add(self.merge.first_met(graph, nquads, key))

    def begin_ranged(self, graph: ox.NamedNode, key: str) -> RangedWalk:
        """A graph written by ranges (``add_range``), then the walk's ``finish``."""
        return RangedWalk(self.merge, graph.value, key)

    def add_range(self, walk: RangedWalk, piece: RangePiece) -> None:
        kept = walk.add(piece.walk, piece.ntriples)
        if kept is None:  # all its lines in the merge: its texts as made
            self.writer.add_serialised(piece.ntriples, piece.triple_texts, key=piece.key)
        else:
            self.writer.add(kept)

    def finish(self) -> None:
        self.writer.finish()

    def stats(self) -> Stats:
        """The VoID counts; the walk kept for the next build."""
        _keep_walk(self.cache, self._walk_key, self.merge.walked)
        return self.merge.finish()


_WALK = "merge-walk"  # the file in the pieces' folder that keeps the last walk
_WALK_FORMAT = 1  # bump when GraphWalked changes shape


def _previous_walk(cache: FragmentCache, key: str) -> list[GraphWalked]:
    """The previous build's walk over the graphs (none if unreadable or not this kind)."""
    if cache.folder is None or not cache.read:
        return []
    try:
        with (cache.folder / _WALK).open("rb") as f:
            found = pickle.load(f)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return []
    if not (isinstance(found, tuple) and len(found) == 2 and found[0] == key):
        return []
    return found[1]


def _keep_walk(cache: FragmentCache, key: str, walked: list[GraphWalked]) -> None:
    """Keep this walk for the next build, in the pieces' folder (as a piece it uses)."""
    if cache.folder is None:
        return
    cache.used.add(_WALK)
    cache.folder.mkdir(parents=True, exist_ok=True)
    partial = cache.folder / f".{_WALK}.{os.getpid()}.partial"
    partial.write_bytes(pickle.dumps((key, walked), protocol=pickle.HIGHEST_PROTOCOL))
    partial.replace(cache.folder / _WALK)


class QuadDumps:
    """The three quad formats, graph by graph (``graph.dump_fragments``: the pieces of
    graphs that did not change are the previous build's)."""

    def __init__(
        self, out: dict[str, MemberWriter], context: Context, cache: FragmentCache
    ) -> None:
        self.out, self.context, self.cache = out, context, cache
        self.context_key = context.digest
        self.header, self.first = True, True
        out["jsonld"].write(document_head(context))

    def add(self, graph: ox.NamedNode | ox.BlankNode, stored: StoredGraph) -> None:
        head, block = trig_piece(stored, self.cache)
        self.add_texts(stored.data, head, block, keys=(stored.key, f"{trig_key(stored)}/block"))
        entry = jsonld_piece(graph, stored, self.context, self.cache, context_key=self.context_key)
        self.add_entry(entry, key=jsonld_key(graph, stored, self.context_key))

    def add_texts(
        self,
        nquads: bytes,
        trig_head: bytes,
        trig_block: bytes,
        *,
        keys: tuple[str | None, str | None] = (None, None),
    ) -> None:
        """A graph's N-Quads and TriG (the prefixes written before the first block);
        ``keys``: the two texts' keys (``MemberWriter.piece``), if known."""
        self.out["nq"].piece(nquads, key=keys[0])
        if self.header and trig_head:
            self.out["trig"].write(trig_head)
            self.header = False
        self.out["trig"].piece(trig_block, key=keys[1])

    def begin_graph(self, graph: ox.NamedNode) -> None:
        """A graph written range by range (``add_range``), then ``end_graph``."""
        self._graph, self._ranges, self._trig_close = graph, 0, b""

    def add_range(self, piece: RangePiece) -> None:
        if not self._ranges:
            self.add_texts(b"", piece.trig_head, piece.trig_open)
            self.out["jsonld"].write(b"\n" if self.first else b",\n")
            self.out["jsonld"].write(entry_head(self._graph, self.context))
            self.first = False
        group, key = dump_members.RANGE_GROUP, piece.key
        self.out["nq"].piece(piece.nquads, group, key=key and f"{key}/nq")
        self.out["trig"].piece(piece.trig, group, key=key and f"{key}/trig")
        if piece.jsonld:
            if self._ranges:
                self.out["jsonld"].write(b",\n")
            self.out["jsonld"].piece(piece.jsonld, group, key=key and f"{key}/jsonld")
        self._ranges += 1
        self._trig_close = piece.trig_close

    def end_graph(self) -> None:
        if self._ranges:
            self.out["trig"].write(self._trig_close)
            self.out["jsonld"].write(ENTRY_TAIL)

    def add_entry(self, entry: bytes, key: str | None = None) -> None:
        """A graph's JSON-LD entry (none for an empty graph)."""
        if entry:
            self.out["jsonld"].write(b"\n" if self.first else b",\n")
            self.out["jsonld"].piece(entry, key=key)
            self.first = False

    def finish(self) -> None:
        self.out["jsonld"].write(DOCUMENT_TAIL)
