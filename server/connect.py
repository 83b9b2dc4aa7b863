"""Opening the backend the settings name: a remote endpoint, or the embedded store.

Apart from ``server.backend`` so that the interface does not import its implementations.
"""

from __future__ import annotations

import os

from graph.config import Settings
from server.backend import Backend, Limits
from server.embedded import EmbeddedBackend
from server.remote import RemoteBackend


def open_backend(settings: Settings, *, workers: int | None = None, wait: bool = True) -> Backend:
    """The backend the settings ask for: REMOTE_ENDPOINT if set, else the STORE's current
    build with ``workers`` query processes (default: QUERY_WORKERS, else one per thread),
    started in the background unless ``wait``. A web worker's processes (``workers`` not
    given) evaluate at most its share of the machine's cores at once, counting only
    queries under a second old (``server.run_slots``).

    :raises StoreError: nothing built at STORE.
    """
    limits = Limits.from_settings(settings)
    if settings.remote_endpoint:
        return RemoteBackend(settings.remote_endpoint, limits=limits)
    running = 0
    if workers is None:
        workers = settings.threads if settings.query_workers is None else settings.query_workers
        running = max(1, (os.cpu_count() or 1) // max(settings.workers, 1))
    return EmbeddedBackend.open(
        settings.store, workers=workers, limits=limits, wait=wait, running=running
    )
