"""The dumps of a build read from its lines, before its store is staged.

The dumps' worker waited for the build to stage its store (sorting every line, the
build id, the previous store's copy and its changes: about 2 s of an add-one build at
1,000 documents), then read the store's N-Quads of each graph it had no piece for. But
the on-disk engine writes a graph without blank nodes in the order of its index of
hashed terms, whatever else the store holds and in whatever order it was loaded: the
same text from a scratch on-disk store given that graph's lines (an in-memory store
keeps the order lines were loaded in, so it would not do). So the worker reads such
graphs from the build's N-Quads file (``BuildLines``) and starts on the dumps while the
build stages; it waits for the staged store only for what has blank nodes (the ontology
graph, whose blank nodes the store names), for a large graph once it is staged anyway
(the summaries), and for the build id (the VoID file).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox


@dataclass(frozen=True)
class LinesInput:
    """What the worker needs before the store is staged: the build's N-Quads file, where
    each graph's lines are in it (IRI -> offset, length), the digests its pieces are keyed
    by (IRI -> digest) and the folder to write the dumps into."""

    nquads: Path
    spans: Mapping[str, tuple[int, int]]
    digests: Mapping[str, str]
    target: Path


def spans_of(graphs: Mapping[str, bytes]) -> dict[str, tuple[int, int]]:
    """Where each graph's lines (by N3, in the order written to the file) are in it."""
    spans, at = {}, 0
    for n3, data in graphs.items():
        if data and n3.startswith("<"):
            spans[n3[1:-1]] = (at, len(data))
        at += len(data)
    return spans


ALONE_AT_MOST = 1 << 20  # bytes of lines; a larger graph is read from the staged store


class BuildLines:
    """The parts of a staged store the dumps read, from the build's lines where they can
    be: the quads of a named graph without blank nodes, until the staged store is there
    (``ready``), from a scratch on-disk store in ``scratch`` given that graph alone;
    everything else from the staged store, waited for (``staged``). ``close`` drops the
    scratch store."""

    def __init__(
        self,
        given: LinesInput,
        staged: Callable[[], ox.Store],
        ready: Callable[[], bool],
        scratch: Path,
    ) -> None:
        self._given, self._staged, self._ready = given, staged, ready
        self._store: ox.Store | None = None
        self._folder = scratch
        self._scratch: ox.Store | None = None

    def graphs(self) -> list[ox.NamedNode]:
        """The named graphs, in the order the staged build's dumps list them."""
        return sorted((ox.NamedNode(iri) for iri in self._given.spans), key=lambda g: str(g))

    def store(self) -> ox.Store:
        if self._store is None:
            self._store = self._staged()
        return self._store

    def _lines(self, graph: object) -> bytes | None:
        span = self._given.spans.get(graph.value) if isinstance(graph, ox.NamedNode) else None
        if span is None or span[1] > ALONE_AT_MOST:
            return None
        with self._given.nquads.open("rb") as f:
            f.seek(span[0])
            data = f.read(span[1])
        return None if b"_:" in data else data

    def quads_for_pattern(
        self, subject: object, predicate: object, obj: object, graph: object = None
    ) -> Iterable[ox.Quad]:
        if subject is None and predicate is None and obj is None and self._store is None:
            data = None if self._ready() else self._lines(graph)
            if data is not None:
                if self._scratch is None:
                    self._scratch = ox.Store(str(self._folder))
                self._scratch.extend(ox.parse(data, format=ox.RdfFormat.N_QUADS))
                return list(self._scratch.quads_for_pattern(None, None, None, graph))  # type: ignore[arg-type]
        return self.store().quads_for_pattern(subject, predicate, obj, graph)  # type: ignore[arg-type]

    def dump(self, *args: object, **kwargs: object) -> bytes:
        return self.store().dump(*args, **kwargs)  # type: ignore[arg-type]

    def named_graphs(self) -> Iterable[ox.NamedNode | ox.BlankNode]:
        return self.store().named_graphs()

    def close(self) -> None:
        self._scratch = None
        shutil.rmtree(self._folder, ignore_errors=True)
