"""The quad-format dumps from per-graph pieces kept from build to build.

A quad dump (N-Quads, TriG, JSON-LD) is its graphs one after another, each written the
same way whatever the others hold: N-Quads has no header, TriG writes its prefixes once
and then one block per graph, and the JSON-LD writer one entry per named graph
(``export_jsonld.graph_entry``). So each graph's piece of TriG and JSON-LD is kept under
a digest of that graph's N-Quads (as the store gives them) and of what else decides
its text (format, prefixes, JSON-LD context, engine version); a build that adds one
document writes the pieces of that document's graph and the summaries and reuses the
rest. The dumps are then the same bytes as writing every graph afresh (gzip's output does
not depend on how its input is split into writes). The ontology's files (Turtle,
JSON-LD, pyLODE's HTML) are kept the same way, under the digest of the ontology graph:
its blank nodes are spelled as the store names them, so a store loaded afresh (whose
blank nodes are named anew) writes them afresh.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pyoxigraph as ox

from graph.dump_pack import PiecePack
from graph.export_jsonld import Context, graph_entry
from graph.vocab import PREFIXES

CACHE_DIR = "dump-cache"  # under the store root, beside the builds
_ENGINE = getattr(ox, "__version__", "")


class FragmentCache:
    """Pieces by digest, kept in one pack in ``folder`` (``graph.dump_pack``); ``None`` as
    the folder keeps nothing. After a build, ``keep_only_used`` drops the pieces it did
    not use (a graph changed or gone), and the folder's files no build used."""

    def __init__(
        self, folder: Path | None, *, read: bool = True, lines: Mapping[str, str] | None = None
    ) -> None:
        self.folder, self.read = folder, read
        self.used: set[str] = set()
        self.written = 0
        # graph IRI -> digest of the build's lines of it (``graph.validate_lines``), for
        # graphs without blank nodes: their N-Quads are then a piece too
        self.lines: Mapping[str, str] = lines or {}
        # graph IRI -> the build's lines of it, for graphs written by ranges of their
        # subjects (``graph.dump_ranges``: the summaries graph)
        self.ranged: Mapping[str, bytes] = {}
        self._pack: PiecePack | None = None  # opened on first use

    def pack(self) -> PiecePack | None:
        if self._pack is None and self.folder is not None:
            self._pack = PiecePack(self.folder, fresh=not self.read)
        return self._pack

    def has(self, key: str) -> bool:
        """Whether the piece ``key`` is kept (and read: ``read``)."""
        pack = self.pack()
        return self.read and pack is not None and key in pack.entries

    def get(self, key: str, make: Callable[[], bytes]) -> bytes:
        self.used.add(key)
        pack = self.pack()
        if pack is not None and self.read and (found := pack.get(key)) is not None:
            return found
        data = make()
        self.written += 1
        if pack is not None:
            pack.put(key, data)
        return data

    def share(self) -> None:
        """Before a fork whose two processes both put pieces (``PiecePack.share``)."""
        if (pack := self.pack()) is not None:
            pack.share()

    def place(self, key: str) -> tuple[str, int, int] | None:
        """Where a piece lies in the pack (``PiecePack.place``), for another process to
        read it there."""
        pack = self.pack()
        return None if pack is None else pack.place(key)

    def keep_only_used(self) -> None:
        if self.folder is None or not self.folder.is_dir():
            return
        if self._pack is not None:  # what another process appended since is read again
            self._pack.close()
        self._pack = PiecePack(self.folder)
        files = self._pack.keep_only(self.used)
        # a piece kept as a file of its own (before the pack) goes, even if used
        kept = files | {name for name in self.used if name not in self._pack.entries}
        for path in self.folder.iterdir():
            if path.name not in kept:
                path.unlink(missing_ok=True) if path.is_file() else shutil.rmtree(path, True)


def digest(*parts: bytes | str) -> str:
    h = hashlib.blake2b(digest_size=16)
    for part in (*parts, _ENGINE):
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big") + data)
    return h.hexdigest()


def nquads_key(graph: str, lines: str) -> str:
    """The key of a graph's N-Quads piece: its IRI and the digest of the build's lines."""
    return digest("nquads", graph, lines)


def graph_nquads(store: ox.Store, graph: ox.NamedNode | ox.BlankNode) -> bytes:
    return ox.serialize(
        store.quads_for_pattern(None, None, None, graph), format=ox.RdfFormat.N_QUADS
    )


class StoredGraph:
    """One graph's N-Quads as the store writes them (``data``), the key of its pieces
    (``key``), and its quads, read or parsed at most once (``quads``): a changed graph's
    N-Quads, TriG and JSON-LD pieces all read the same quads, and parsing the summaries
    graph's 59 MB of N-Quads again for each piece took a third of a second at 1,000
    documents."""

    def __init__(self, key: str, data: bytes = b"") -> None:
        self.key, self.data = key, data
        self._quads: list[ox.Quad] | None = None

    def read(self, store: ox.Store, graph: ox.NamedNode | ox.BlankNode) -> bytes:
        """The graph's N-Quads from the store, its quads kept for the other pieces."""
        self._quads = list(store.quads_for_pattern(None, None, None, graph))
        self.data = ox.serialize(self._quads, format=ox.RdfFormat.N_QUADS)
        return self.data

    def quads(self) -> list[ox.Quad]:
        if self._quads is None:
            self._quads = list(_parsed(self.data))
        return self._quads


def stored_nquads(
    store: ox.Store, graph: ox.NamedNode | ox.BlankNode, cache: FragmentCache
) -> StoredGraph:
    """A graph's N-Quads as the store writes them and the key of its pieces, kept as a
    piece under the digest of the build's lines of it when the cache knows it: the store
    writes equal graphs alike (its order is that of its index of hashed terms), so an
    unchanged graph is not read back from the store (reading all of them took seconds at
    1,000 documents). Its other pieces are keyed by that digest too, not by digests of
    its N-Quads (hashing every graph's text twice took most of a second); a graph whose
    lines the cache does not know is keyed by a digest of its N-Quads, taken once."""
    lines = cache.lines.get(graph.value) if isinstance(graph, ox.NamedNode) else None
    if lines is None:
        found = StoredGraph("")
        found.key = digest("data", found.read(store, graph))
        return found
    found = StoredGraph(nquads_key(graph.value, lines))
    found.data = cache.get(found.key, lambda: found.read(store, graph))
    return found


def _parsed(nquads: bytes) -> Iterator[ox.Quad]:
    return ox.parse(nquads, format=ox.RdfFormat.N_QUADS)


_PREFIX_KEY = repr(sorted(PREFIXES.items()))


def trig_key(stored: StoredGraph) -> str:
    """The key of a graph's TriG piece (``stored``: from ``stored_nquads``)."""
    return digest("trig", _PREFIX_KEY, stored.key)


def jsonld_key(name: ox.NamedNode | ox.BlankNode, stored: StoredGraph, context_key: str) -> str:
    """The key of a graph's JSON-LD entry (``context_key``: ``Context.digest``)."""
    return digest("jsonld", context_key, str(name), stored.key)


def trig_piece(stored: StoredGraph, cache: FragmentCache) -> tuple[bytes, bytes]:
    """(prefix header, graph block) of one graph's TriG (``stored``: from
    ``stored_nquads``): the engine writes the header before the first graph's block and
    never again."""

    def make() -> bytes:
        return ox.serialize(stored.quads(), format=ox.RdfFormat.TRIG, prefixes=PREFIXES)

    text = cache.get(trig_key(stored), make)
    at = 0
    while text.startswith(b"@prefix ", at):
        at = text.index(b"\n", at) + 1
    return text[:at], text[at:]


def jsonld_piece(
    name: ox.NamedNode | ox.BlankNode,
    stored: StoredGraph,
    context: Context,
    cache: FragmentCache,
    *,
    context_key: str | None = None,
) -> bytes:
    """One graph's JSON-LD entry; ``context_key``: ``context.digest``, taken once by a
    caller writing many graphs (its JSON, made again for each, cost a fifth of a second
    at 1,000 documents)."""

    def make() -> bytes:
        return graph_entry(name, stored.quads(), context) or b""

    key = context.digest if context_key is None else context_key
    return cache.get(jsonld_key(name, stored, key), make)
