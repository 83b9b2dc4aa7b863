"""A build's dumps written by a process of their own while the build stages and validates.

Writing the dumps reads the staged store only for graphs whose pieces the previous build
did not leave, and validating reads only the build's lines: on an add-one build at 1,000
documents each took about 4 s of one core. A build that follows a previous one (so holds
no rdflib dataset of the corpus, and validates near the changes in this one process)
starts a worker process first, hands it each document graph's digest of its lines and
the list of graphs as soon as its lines are made, then stages the store and hands that
over, validates, and waits for the dumps; a graph that fails validation discards both.
The worker writes the graphs whose pieces were kept (every document graph but the new
one's: 1.6 s at 1,000 documents) while the store is staged, and opens the store only when
it first needs it. A cold build of few long documents (one large report: about 5 s of
dumps at 10 MB, with one validation helper beside the build, ``beside_cold_build``) has
the worker stage its store too (``BackgroundDumps.stage``), then write the dumps from it,
while the build validates its lines: staged by a thread of the build, the store took
turns at Python's lock with validation (6.7 s of wall at 10 MB, the worker idle
meanwhile), and the dumps could only start once it was. A cold build of many documents
validates on every core and holds the corpus in memory (0.88 GiB at 1,000, against the
bar of 1 GiB: the worker's 0.5 GiB would pass it), so it writes its dumps after
validating, as before (``dump.write_build_dumps``). The worker writes the quad formats and
forks a process that writes the triple formats (``graph.dump_in_two``): once the store
came, one process took 2.1 to 2.9 CPU s for all six while the build idled.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
from collections.abc import Iterable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Protocol, cast

import pyoxigraph as ox

from graph import dump, store_delta
from graph.dump_fragments import FragmentCache, nquads_key
from graph.errors import StoreError
from graph.gc_pause import collection_paused
from graph.model import Document
from graph.quiet_workers import end_with_parent, interrupts_held, quit_on_interrupt
from graph.store import StagedBuild

# a cold build writes its dumps beside validation when it reads at most this many
# documents holding at least this many characters in all
COLD_UP_TO_DOCUMENTS = 10
COLD_FROM_CHARS = 1_000_000


def beside_cold_build(documents: Sequence[Document]) -> bool:
    """Whether a cold build of ``documents`` writes its dumps in a worker beside its
    validation: few documents (validation keeps one helper, and the corpus in memory is
    small beside a many-document build's) whose text is long enough for the dumps to take
    seconds (under a megabyte they take less than the worker takes to start)."""
    originals = [d for d in documents if not d.is_copy]
    return (
        0 < len(originals) <= COLD_UP_TO_DOCUMENTS
        and sum(len(d.text) for d in originals) >= COLD_FROM_CHARS
    )


class _GaveUp(Exception):
    """The build gave up before staging its store: no dumps to write."""


@dataclass(frozen=True)
class _StageIt:
    """The build's ask (``BackgroundDumps.stage``): stage the store from the N-Quads file
    here (``store_delta.stage``) and send it back before writing the dumps from it."""

    root: Path
    nquads: Path
    full: bool


class _StagedStore:
    """The staged store, waited for (or staged here, when asked) and opened when the dumps
    first read it (the graphs whose pieces were kept are written before): every attribute
    is the store's. Its graphs are checked against those the build named, in case the two
    ever differ."""

    def __init__(self, parent: Connection, graphs: list[ox.NamedNode]) -> None:
        self._parent, self._graphs = parent, graphs
        self._store: ox.Store | None = None
        self._build_id = ""

    def open(self) -> ox.Store:
        if self._store is None:
            staged = self._parent.recv()
            if staged is None:
                raise _GaveUp
            if isinstance(staged, _StageIt):
                made, build_id = store_delta.stage(staged.root, staged.nquads, full=staged.full)
                self._parent.send((made, build_id))  # the build commits it once validated
                staged = (made.path, build_id)
            store_dir, self._build_id = staged
            self._store = ox.Store.read_only(str(store_dir))
            if sorted(self._store.named_graphs(), key=str) != self._graphs:
                raise StoreError(
                    "the staged store's graphs are not the build's; run `spacekg build --full`"
                )
        return self._store

    def build_id(self) -> str:
        self.open()
        return self._build_id

    def __getattr__(self, name: str) -> object:
        return getattr(self.open(), name)


def _write_dumps(
    ontology_dir: Path, issued: date, folder: Path, read: bool, target: Path, parent: Connection
) -> None:
    """In the worker: receive each document graph's digest of its lines (what the dumps'
    pieces are keyed by) and the build's graphs, write the dumps into ``target`` (the
    staged store, received next, is read when first needed); send back the pieces used,
    or what went wrong. ``None`` instead of either message: the build gave up."""
    quit_on_interrupt()  # Ctrl-C reaches the whole process group: the build says so
    if (build := multiprocessing.parent_process()) is not None:
        end_with_parent(build.pid)  # a killed build leaves no writer behind
    try:
        given = parent.recv()
        if given is None:
            return
        lines, names, ranged = given
        graphs = sorted((ox.NamedNode(name) for name in names), key=str)
        pieces = FragmentCache(folder, read=read, lines=lines)
        pieces.ranged = ranged
        staged = _StagedStore(parent, graphs)
        with collection_paused():  # a process of its own, ending when the dumps are out
            dump.write_dumps_to(
                cast(ox.Store, staged),
                target,
                ontology_dir,
                staged.build_id,
                issued,
                graphs,
                pieces,
                in_two=mostly_kept(pieces),
            )
        parent.send(pieces.used)
    except _GaveUp:
        return
    except BaseException as exc:
        with suppress(OSError):  # the build is gone: nobody to tell
            parent.send(exc)
    finally:
        parent.close()


def mostly_kept(pieces: FragmentCache, share: int = 50) -> bool:
    """Whether all but one in ``share`` of the document graphs' N-Quads are kept pieces:
    an add to a built corpus. The worker's tail then reads and writes kept bytes while
    the build idles, and a fork that writes the triple formats halves it. When much is new
    (a cold build, one very large document) both cores are busy making pieces already,
    and the fork only adds its own reading: one process writes (measured in the thirtieth
    session's account in docs/history/building-at-scale.md)."""
    lines = pieces.lines
    new = sum(not pieces.has(nquads_key(name, d)) for name, d in lines.items())
    return bool(lines) and new * share <= len(lines)


class BackgroundDumps:
    """A worker process that writes a build's dumps into ``builds``: started early (it
    imports while the build makes its lines), given the document graphs' digests and the
    graphs (``graphs``: it starts writing), then the staged store (``staged``), then
    waited for (``wait``); ``install`` puts the dumps beside the committed build,
    ``discard`` drops them."""

    def __init__(
        self, ontology_dir: Path, issued: date, cache: FragmentCache, builds: Path
    ) -> None:
        assert cache.folder is not None, "a build keeps its dumps' pieces"
        self.cache = cache
        # a name ending ".partial": a later build removes it if this one was killed
        self._target = builds / f".dumps.{os.getpid()}.partial"
        shutil.rmtree(self._target, ignore_errors=True)
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(
            target=_write_dumps,
            args=(ontology_dir, issued, cache.folder, cache.read, self._target, child),
            name="dumps",
        )
        with interrupts_held():
            self._process.start()
        child.close()
        self._sent = 0

    def graphs(self, lines: Mapping[str, str], names: Iterable[str]) -> None:
        """Each document graph's digest of its lines (IRI -> digest) and the IRIs of all
        the build's graphs: the worker starts writing (the graphs the cache writes by
        ranges, ``FragmentCache.ranged``, go with them)."""
        self._send((dict(lines), list(names), dict(self.cache.ranged)))

    def staged(self, store_dir: Path, build_id: str) -> None:
        self._send((store_dir, build_id))

    def stage(self, root: Path, nquads: Path, *, full: bool) -> StagedBeside:
        """Have the worker stage the store from ``nquads`` (``store_delta.stage``), then
        write the dumps from it: a cold build validates its lines, not its store, so the
        two go on side by side, each in a process of its own."""
        self._send(_StageIt(root, nquads, full))
        return StagedBeside(self._conn)

    def _send(self, message: object) -> None:
        self._sent += 1
        # a worker that failed already has sent why: ``wait`` tells it
        with suppress(OSError):
            self._conn.send(message)

    def wait(self) -> None:
        """Wait for the dumps; re-raise what went wrong writing them."""
        try:
            found = self._conn.recv()
        except EOFError:
            found = StoreError("the process writing the dumps ended unexpectedly; build again")
        finally:
            self._process.join()
            self._conn.close()
        if isinstance(found, BaseException):
            raise found
        self.cache.used |= found

    def install(self, build_dir: Path) -> Path:
        """Put the dumps beside ``build_dir`` (the committed build) and drop the pieces
        they did not use."""
        target = dump.install_dumps(build_dir, self._target)
        self.cache.keep_only_used()
        return target

    def discard(self) -> None:
        """Let the worker finish (its cache writes are whole files), drop its dumps."""
        try:
            if not self._conn.closed:
                if self._sent < 2:
                    self._conn.send(None)
                with suppress(EOFError):
                    self._conn.recv()
        except OSError:
            pass
        finally:
            self._process.join()
            if not self._conn.closed:
                self._conn.close()
        shutil.rmtree(self._target, ignore_errors=True)


class StagedElsewhere(Protocol):
    """A store staged outside the build's own thread (by the dumps' worker or by a
    thread): ``result`` waits for it and re-raises what failed there."""

    def result(self) -> tuple[StagedBuild, str]: ...


def abandoned(staging: StagedElsewhere) -> StagedBuild | None:
    """Wait for the staged store (the build failed meanwhile): the store, for the build
    to drop, or ``None`` if staging failed too."""
    try:
        staged, _build_id = staging.result()
    except BaseException:  # the build's own failure is the one to tell
        return None
    return staged


class StagedBeside:
    """The store the dumps' worker stages for a cold build (``BackgroundDumps.stage``), as
    ``staging_thread.StagingThread`` gives it."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._found: tuple[StagedBuild, str] | BaseException | None = None

    def result(self) -> tuple[StagedBuild, str]:
        """The staged store and the build's id; re-raises what failed in the worker
        (staging, or the dumps written before it needed the store)."""
        if self._found is None:
            try:
                self._found = self._conn.recv()
            except (EOFError, OSError):
                self._found = StoreError(
                    "the process staging the store ended unexpectedly; build again"
                )
        if isinstance(self._found, BaseException):
            raise self._found
        return self._found
