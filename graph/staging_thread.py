"""The build's store staged by a thread while the build validates.

Staging an add-one build at 1,000 documents (sorting every line, the build id, a copy
of the previous store and about 15,000 changed quads) took about 2 s, and validating
(reading every line, then the shapes near the changes) needs nothing of it; the
engine's writes and the disk let go of the interpreter, so the two overlap. The dumps'
worker is handed the staged store as soon as it is there.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from graph import store_delta
from graph.store import StagedBuild


class StagingThread(threading.Thread):
    """``store_delta.stage`` of ``nquads`` in a thread; ``then`` is called with the staged
    build and its id as soon as they are there (in the thread). ``result`` waits for
    them and raises what staging raised; ``settle`` waits and returns the staged build,
    if any, for a build that failed elsewhere to discard."""

    def __init__(self, root: Path, nquads: Path, then: Callable[[StagedBuild, str], None]) -> None:
        super().__init__(name="staging", daemon=True)
        self._root, self._nquads, self._then = root, nquads, then
        self._staged: tuple[StagedBuild, str] | None = None
        self._error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            self._staged = store_delta.stage(self._root, self._nquads)
            self._then(*self._staged)
        except BaseException as exc:  # handed to the thread that waits
            self._error = exc

    def result(self) -> tuple[StagedBuild, str]:
        self.join()
        if self._error is not None:
            raise self._error
        assert self._staged is not None
        return self._staged

    def settle(self) -> StagedBuild | None:
        self.join()
        return None if self._staged is None else self._staged[0]
