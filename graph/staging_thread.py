"""A cold build's store staged by a thread while the build validates.

A cold build validates the lines it wrote, not its store, so neither step needs the
other. Staging is mostly the engine's bulk load and writes to disk, during which the
engine lets go of Python's lock: at 10 MB, about 3 s of wall for 1 to 1.5 CPU s of
Python (sorting the lines, sorting out the graphs of each line). A cold build of many
documents stages here beside its validation (at 1,000 documents, staging took 14.6 CPU s
after validation, one step after the other), with no worker: it writes its dumps itself,
after (the build process then peaks at 759 MiB, not 693). A cold build of few long
documents has its dumps' worker stage the store instead (``BackgroundDumps.stage``),
where the Python loop does not take turns with validation at this process's lock; the
``background`` argument still hands a store staged here to such a worker. A build that
fails meanwhile waits for the thread, then drops what it staged.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from graph import store_delta
from graph.dump_background import BackgroundDumps
from graph.store import StagedBuild


class StagingThread:
    """``store_delta.stage(root, nquads)`` run by a thread of its own, started at once;
    the staged store goes to ``background`` when it is written."""

    def __init__(
        self, root: Path, nquads: Path, background: BackgroundDumps | None, *, full: bool
    ) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="staging")
        self._future = self._pool.submit(_stage, root, nquads, background, full)

    def result(self) -> tuple[StagedBuild, str]:
        """The staged store and the build's id, once staged; re-raises what failed. The
        thread has ended on return (a large document's next build forks only where this
        process runs no other thread)."""
        try:
            return self._future.result()
        finally:
            self._pool.shutdown(wait=True)


def _stage(
    root: Path, nquads: Path, background: BackgroundDumps | None, full: bool
) -> tuple[StagedBuild, str]:
    staged, build_id = store_delta.stage(root, nquads, full=full)
    if background is not None:  # a cold build of many documents writes its own dumps
        background.staged(staged.path, build_id)
    return staged, build_id
