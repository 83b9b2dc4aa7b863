"""The embedded backend: the build's pyoxigraph store, queried in killable processes.

With a pool (``workers`` > 0) each query runs in a pre-started process that is killed
at the deadline or when it passes its memory cap (``server.worker_pool``), and this
process never opens the store itself: nothing a query does, and nothing a damaged store
does, can take the web process down. Without a pool, queries run in this process,
where they cannot be stopped (tests over an in-memory store).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph import store as store_files
from graph.errors import StoreError
from graph.store import BuildInfo
from graph.vocab import PREFIXES
from server.backend import Backend, Limits, QueryJob, QueryOutcome
from server.evaluate import evaluate
from server.worker_pool import WorkerPool


class EmbeddedBackend(Backend):
    """A pyoxigraph store (opened read-only by ``open``) and its query processes."""

    def __init__(
        self,
        store: ox.Store | None,
        build: BuildInfo | None = None,
        path: Path | None = None,
        *,
        limits: Limits | None = None,
    ) -> None:
        super().__init__(limits)
        self.store = store
        self.build = build
        self.path = path
        self.pool: WorkerPool | None = None

    @classmethod
    def open(
        cls,
        root: Path,
        *,
        workers: int = 0,
        limits: Limits | None = None,
        wait: bool = True,
        running: int = 0,
    ) -> EmbeddedBackend:
        """The current build, queried in ``workers`` processes (started in the background
        unless ``wait``), at most ``running`` recent ones at once (``server.run_slots``;
        0: no limit); with none, opened read-only here.

        :raises StoreError: nothing built at ``root``, or (without workers) it cannot be
            opened.
        """
        if workers <= 0:
            store = store_files.open_store(root)
            return cls(store, store_files.read_build_info(root), root, limits=limits)
        if not store_files.has_store(root):
            raise StoreError(f"no graph built at {root}; run `spacekg build` first")
        try:
            build = store_files.read_build_info(root)
        except (OSError, ValueError, TypeError) as exc:
            raise StoreError(f"cannot read the build summary at {root}: {exc}") from None
        backend = cls(None, build, root, limits=limits)
        backend.start_workers(workers, wait=wait, running=running)
        return backend

    def start_workers(self, size: int, *, wait: bool = True, running: int = 0) -> None:
        """Evaluate jobs in ``size`` killable processes over the same build.

        The processes open the build the store was opened from, not whatever ``current``
        points to later, so answers and ETags keep agreeing after a rebuild.
        """
        if self.path is None:
            raise ValueError("query workers need a store on disk")
        build_dir = store_files.current_path(self.path).resolve()
        if self.build is not None:
            build_dir = build_dir.parent / self.build.build_id
        store_files.pin_build(build_dir)  # no build prunes it while this process serves it
        self.pool = WorkerPool(
            build_dir,
            size,
            prefixes=PREFIXES,
            memory_mib=self.limits.memory_mib,
            wait=wait,
            running=running,
        )

    def evaluate(self, job: QueryJob, *, timeout: float) -> QueryOutcome:
        if self.pool is not None:
            return self.pool.run(job, timeout)
        if self.store is None:
            raise StoreError("the query processes were stopped; the store is not open here")
        if not job.prefixes:
            job = replace(job, prefixes=tuple(PREFIXES.items()))
        # In this process a query cannot be stopped (``timeout`` needs the pool), nor an
        # engine panic survived: sort with the keys that keep the engine's sort whole.
        job = replace(job, total_order=True)
        return evaluate(self.store, job)

    def describe(self) -> dict[str, Any]:
        return {"kind": "embedded", "store": str(self.path) if self.path else None}

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool = None
