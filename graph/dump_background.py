"""A build's dumps written by a process of their own while the build validates.

Writing the dumps reads only the staged store, and validating reads only the build's
lines: on an add-one build at 1,000 documents each took about 4 s of one core, one after
the other. A build that follows a previous one (so holds no rdflib dataset of the corpus,
and validates near the changes in this one process) stages its store first, starts the
dumps here, validates, then waits for them; a graph that fails validation discards both.
A cold build validates on every core and holds the corpus in memory, so it writes its
dumps after validating, as before (``dump.write_build_dumps``).
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
from collections.abc import Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from pathlib import Path

from graph import dump
from graph.dump_fragments import FragmentCache


def _start_worker() -> None:
    # Ctrl-C reaches the whole process group: the build says so in one line
    signal.signal(signal.SIGINT, lambda signum, _frame: os._exit(128 + signum))


def _write(
    store_dir: Path,
    staging: Path,
    ontology_dir: Path,
    build_id: str,
    issued: date,
    cache: tuple[Path, bool, Mapping[str, str]],
) -> set[str]:
    """In the worker: write the dumps; return the pieces they used."""
    folder, read, lines = cache
    pieces = FragmentCache(folder, read=read, lines=lines)
    dump.write_staged_dumps(store_dir, staging, ontology_dir, build_id, issued, pieces)
    return pieces.used


class BackgroundDumps:
    """The dumps of the closed store at ``store_dir``, being written by a worker process
    into a folder beside it; ``install`` puts them beside the committed build."""

    def __init__(
        self,
        store_dir: Path,
        ontology_dir: Path,
        build_id: str,
        issued: date,
        cache: FragmentCache,
    ) -> None:
        self.cache = cache
        self.staging = store_dir.with_name(f".{build_id}.dumps.{os.getpid()}.partial")
        self._pool = ProcessPoolExecutor(
            max_workers=1,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
        )
        assert cache.folder is not None, "background dumps keep their pieces"
        self._future: Future[set[str]] = self._pool.submit(
            _write,
            store_dir,
            self.staging,
            ontology_dir,
            build_id,
            issued,
            (cache.folder, cache.read, dict(cache.lines)),
        )

    def wait(self) -> None:
        """Wait for the dumps; re-raise what went wrong writing them."""
        try:
            self.cache.used |= self._future.result()
        finally:
            self._pool.shutdown()

    def install(self, build_dir: Path) -> Path:
        """Put the finished dumps beside ``build_dir`` and drop the pieces they did not use."""
        target = dump.install_dumps(build_dir, self.staging)
        self.cache.keep_only_used()
        return target

    def discard(self) -> None:
        """Let the worker finish (its cache writes are whole files) and drop its dumps."""
        try:
            self._future.exception()
        finally:
            self._pool.shutdown()
            shutil.rmtree(self.staging, ignore_errors=True)
