"""A build's dumps written by a process of their own while the build validates.

Writing the dumps and validating both read only the build's lines (and the staged store
for what has blank nodes: ``graph.dump_lines``): on an add-one build at 1,000 documents
each took about 4 s of one core, one after the other. A build that follows a previous one
(so holds no rdflib dataset of the corpus, and validates near the changes in this one
process) starts a worker process first (it imports while the build extracts), hands it
the lines as soon as they are written, stages the store and hands that over, validates,
then waits for the dumps; a graph that fails validation discards both. A cold build
validates on every core and holds the corpus in memory, so it writes its dumps after
validating, as before (``dump.write_build_dumps``).
"""

from __future__ import annotations

import multiprocessing
import shutil
from collections.abc import Mapping
from contextlib import suppress
from datetime import date
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from graph import dump
from graph.dump_fragments import FragmentCache
from graph.dump_lines import BuildLines, LinesInput
from graph.errors import StoreError
from graph.quiet_workers import end_with_parent, interrupts_held, quit_on_interrupt


def _write_dumps(
    ontology_dir: Path, issued: date, folder: Path, read: bool, parent: Connection
) -> None:
    """In the worker: receive the build's lines (``LinesInput``) and write the dumps from
    them, receiving the staged store and its build id when first needed; send back the
    pieces used, or what went wrong. ``None`` instead of either: the build gave up."""
    quit_on_interrupt()  # Ctrl-C reaches the whole process group: the build says so
    if (build := multiprocessing.parent_process()) is not None:
        end_with_parent(build.pid)  # a killed build leaves no writer behind
    try:
        given = parent.recv()
        if given is None:
            return
        build_id: list[str] = []

        def staged() -> ox.Store:
            found = parent.recv()
            if found is None:
                raise StoreError("the build gave up")
            store_dir, known = found
            build_id.append(known)
            return ox.Store.read_only(str(store_dir))

        scratch = given.target.with_name(
            given.target.name.removesuffix(".partial") + "-scratch.partial"
        )
        lines = BuildLines(given, staged, lambda: parent.poll(0), scratch)

        def version() -> str:
            lines.store()  # the build id comes with the staged store
            return build_id[0]

        pieces = FragmentCache(folder, read=read, lines=given.digests)
        try:
            dump.write_lines_dumps(lines, given.target, ontology_dir, version, issued, pieces)
        finally:
            lines.close()
        parent.send(pieces.used)
    except BaseException as exc:
        with suppress(OSError):  # the build is gone: nobody to tell
            parent.send(exc)
    finally:
        parent.close()


class BackgroundDumps:
    """A worker process that writes a build's dumps: started early (it imports while the
    build extracts), given the build's lines (``lines``: it writes from them at once),
    then the staged store (``staged``), then waited for (``wait``); ``install`` puts the
    dumps beside the committed build, ``discard`` drops them."""

    def __init__(self, ontology_dir: Path, issued: date, cache: FragmentCache) -> None:
        assert cache.folder is not None, "a build keeps its dumps' pieces"
        self.cache = cache
        self._target: Path | None = None
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(
            target=_write_dumps,
            args=(ontology_dir, issued, cache.folder, cache.read, child),
            name="dumps",
        )
        with interrupts_held():
            self._process.start()
        child.close()
        self._sent = 0

    def lines(
        self,
        nquads: Path,
        spans: Mapping[str, tuple[int, int]],
        digests: Mapping[str, str],
        target: Path,
    ) -> None:
        """The build's N-Quads file (each graph's span in it), each graph's digest of its
        lines (IRI -> digest) and the folder to write the dumps into (a ``.partial``
        under ``builds/``: a killed build's is removed by the next)."""
        self._target = target
        self._conn.send(LinesInput(nquads, dict(spans), dict(digests), target))
        self._sent += 1

    def staged(self, store_dir: Path, build_id: str) -> None:
        self._conn.send((store_dir, build_id))
        self._sent += 1

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
        assert self._target is not None, "the dumps of no build"
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
        if self._target is not None:
            shutil.rmtree(self._target, ignore_errors=True)
