"""The store behind the server, as an interface.

Pages, saved queries and the SPARQL endpoint ask a ``Backend`` for answers and never
touch pyoxigraph directly, so a deployment can swap the embedded store for a remote
SPARQL endpoint without changing them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox

from graph import store as store_files
from graph.store import BuildInfo
from server.workers import QueryJob, QueryOutcome, WorkerPool, evaluate


class Backend(Protocol):
    """What the server needs from a store."""

    build: BuildInfo | None

    def query(
        self,
        sparql: str,
        *,
        substitutions: Mapping[str, ox.NamedNode | ox.Literal] | None = None,
    ) -> Any:
        """Evaluate ``sparql`` over the union of all graphs; pyoxigraph result types."""
        ...

    def execute(self, job: QueryJob, *, timeout: float) -> QueryOutcome:
        """Evaluate and serialize ``job`` within ``timeout`` seconds (where stoppable).

        :raises QueryTimeout, WorkersBusy, EvaluationError: see ``server.workers``.
        """
        ...

    def describe(self) -> dict[str, Any]:
        """What ``/healthz`` shows about the store (path or URL)."""
        ...

    def close(self) -> None:
        """Stop helper processes; the backend is not used afterwards."""
        ...


@dataclass
class EmbeddedBackend:
    """A pyoxigraph store in this process (opened read-only by ``open``)."""

    store: ox.Store
    build: BuildInfo | None = None
    path: Path | None = None
    pool: WorkerPool | None = None

    @classmethod
    def open(cls, root: Path, *, workers: int = 0) -> EmbeddedBackend:
        """Open the current build read-only, with ``workers`` query processes over it.

        :raises StoreError: nothing built at ``root``.
        """
        backend = cls(store_files.open_store(root), store_files.read_build_info(root), root)
        if workers > 0:
            backend.start_workers(workers)
        return backend

    def start_workers(self, size: int) -> None:
        """Evaluate ``execute`` jobs in ``size`` killable processes over the same build.

        The processes open the build the store was opened from, not whatever ``current``
        points to later, so answers and ETags keep agreeing after a rebuild.
        """
        if self.path is None:
            raise ValueError("query workers need a store on disk")
        from graph.vocab import PREFIXES

        build_dir = store_files.current_path(self.path).resolve()
        if self.build is not None:
            build_dir = build_dir.parent / self.build.build_id
        self.pool = WorkerPool(build_dir, size, prefixes=PREFIXES)

    def execute(self, job: QueryJob, *, timeout: float) -> QueryOutcome:
        if self.pool is not None:
            return self.pool.run(job, timeout)
        if not job.prefixes:
            from graph.vocab import PREFIXES

            job = replace(job, prefixes=tuple(PREFIXES.items()))
        # In this process a query cannot be stopped: ``timeout`` needs the pool.
        return evaluate(self.store, job)

    def describe(self) -> dict[str, Any]:
        return {"kind": "embedded", "store": str(self.path) if self.path else None}

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool = None

    def query(
        self,
        sparql: str,
        *,
        substitutions: Mapping[str, ox.NamedNode | ox.Literal] | None = None,
    ) -> Any:
        subs = {ox.Variable(k): v for k, v in (substitutions or {}).items()}
        return self.store.query(sparql, use_default_graph_as_union=True, substitutions=subs)


def open_backend(settings: Mapping[str, Any]) -> Backend:
    """The backend the settings ask for: REMOTE_ENDPOINT if set, else the STORE's current
    build with QUERY_WORKERS processes.

    :raises StoreError: nothing built at STORE.
    """
    if settings.get("REMOTE_ENDPOINT"):
        from server.remote import RemoteBackend

        return RemoteBackend(settings["REMOTE_ENDPOINT"], timeout=settings.get("QUERY_TIMEOUT"))
    return EmbeddedBackend.open(
        Path(settings["STORE"]), workers=int(settings.get("QUERY_WORKERS", 0))
    )
