"""Opening the backend the settings name: a remote endpoint, or the embedded store.

Apart from ``server.backend`` so that the interface does not import its implementations.
"""

from __future__ import annotations

from graph.config import Settings
from server.backend import Backend, Limits
from server.embedded import EmbeddedBackend
from server.remote import RemoteBackend


def open_backend(
    settings: Settings, *, workers: int | None = None, wait: bool = True
) -> Backend:
    """The backend the settings ask for: REMOTE_ENDPOINT if set, else the STORE's current
    build with ``workers`` query processes (default: QUERY_WORKERS, else one per thread),
    started in the background unless ``wait``.

    :raises StoreError: nothing built at STORE.
    """
    limits = Limits.from_settings(settings)
    if settings.remote_endpoint:
        return RemoteBackend(settings.remote_endpoint, limits=limits)
    if workers is None:
        workers = settings.threads if settings.query_workers is None else settings.query_workers
    return EmbeddedBackend.open(settings.store, workers=workers, limits=limits, wait=wait)
