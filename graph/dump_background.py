"""A build's dumps written by a process of their own while the build validates.

Writing the dumps reads only the staged store, and validating reads only the build's
lines: on an add-one build at 1,000 documents each took about 4 s of one core, one after
the other. A build that follows a previous one (so holds no rdflib dataset of the corpus,
and validates near the changes in this one process) starts a worker process first (it
imports while the build stages its store), stages the store, hands it over, validates,
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

from graph import dump
from graph.dump_fragments import FragmentCache
from graph.errors import StoreError
from graph.gc_pause import collection_paused
from graph.quiet_workers import end_with_parent, interrupts_held, quit_on_interrupt


def _staging(store_dir: Path) -> Path:
    """Where the dumps of a staged store are written until the build is committed."""
    # a name ending ".partial": a later build removes it if this one was killed
    return store_dir.with_name(store_dir.name.removesuffix(".partial") + ".dumps.partial")


def _write_dumps(
    ontology_dir: Path, issued: date, folder: Path, read: bool, parent: Connection
) -> None:
    """In the worker: receive the staged store and its build id, then each document
    graph's digest of its lines (what the dumps' pieces are keyed by), write the dumps;
    send back the pieces used, or what went wrong. ``None`` instead: the build gave up."""
    quit_on_interrupt()  # Ctrl-C reaches the whole process group: the build says so
    if (build := multiprocessing.parent_process()) is not None:
        end_with_parent(build.pid)  # a killed build leaves no writer behind
    try:
        staged = parent.recv()
        lines = None if staged is None else parent.recv()
        if staged is None or lines is None:
            return
        store_dir, build_id = staged
        pieces = FragmentCache(folder, read=read, lines=lines)
        with collection_paused():  # a process of its own, ending when the dumps are out
            dump.write_staged_dumps(
                store_dir, _staging(store_dir), ontology_dir, build_id, issued, pieces
            )
        parent.send(pieces.used)
    except BaseException as exc:
        with suppress(OSError):  # the build is gone: nobody to tell
            parent.send(exc)
    finally:
        parent.close()


class BackgroundDumps:
    """A worker process that writes a staged store's dumps: started early (it imports
    while the build stages its store), given the store (``staged``) and the document
    graphs' digests (``digests``), then waited for (``wait``); ``install`` puts the dumps
    beside the committed build, ``discard`` drops them."""

    def __init__(self, ontology_dir: Path, issued: date, cache: FragmentCache) -> None:
        assert cache.folder is not None, "a build keeps its dumps' pieces"
        self.cache = cache
        self._store_dir: Path | None = None
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

    def staged(self, store_dir: Path, build_id: str) -> None:
        self._store_dir = store_dir
        self._conn.send((store_dir, build_id))
        self._sent += 1

    def digests(self, lines: Mapping[str, str]) -> None:
        """Each document graph's digest of its lines (IRI -> digest)."""
        self._conn.send(dict(lines))
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
        assert self._store_dir is not None, "the dumps of no store"
        target = dump.install_dumps(build_dir, _staging(self._store_dir))
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
        if self._store_dir is not None:
            shutil.rmtree(_staging(self._store_dir), ignore_errors=True)
