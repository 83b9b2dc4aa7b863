"""Pools of spawned helper processes that can neither hang the build nor outlive it.

A helper that died while starting hung the build for good (issue 17): ``spawn`` writes
the helper's start-up arguments (the gazetteer, the shapes: more than the 64 KiB a pipe
holds) down a pipe whose reading end the parent itself keeps open until the write is
done, so once the helper is gone the write waits forever (CPython's
``popen_spawn_posix``). Here the arguments go to a file that each helper reads, and only
the file's name goes down the pipe. A helper lost at any point (killed, out of memory)
then breaks the pool at once, and the build stops with one line (``HelperLost``, exit
2) before anything is swapped in, the previous build still served. Each helper also
ends with the process that started it (``quiet_workers.end_with_parent``).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any

from graph.errors import SpaceKGError
from graph.gc_pause import collection_frozen, collection_paused
from graph.quiet_workers import end_with_parent, forks_end_with_this_process, quit_on_interrupt


class HelperLost(SpaceKGError):
    """A helper process of the build ended before its work was done."""

    exit_code = 2


@contextmanager
def helper_pool(
    workers: int,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...],
    *,
    doing: str,
) -> Iterator[ProcessPoolExecutor]:
    """A ``spawn`` pool of ``workers`` whose helpers run ``initializer(*initargs)`` first.
    ``doing`` names their work in the error line (``"reading documents"``).

    :raises HelperLost: a helper ended (killed, out of memory) before the work was done.
    """
    with tempfile.NamedTemporaryFile(prefix="spacekg-helper-", suffix=".pickle") as file:
        pickle.dump((initializer, initargs), file, protocol=pickle.HIGHEST_PROTOCOL)
        file.flush()
        pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start,
            initargs=(file.name, os.getpid()),
        )
        with stopping(pool, doing):
            yield pool


@contextmanager
def stopping(pool: ProcessPoolExecutor, doing: str) -> Iterator[None]:
    """Shut ``pool`` down as its block ends: wait for it when the block went well, else
    cancel what is left; a helper lost mid-work becomes ``HelperLost`` naming ``doing``.

    :raises HelperLost: a helper ended (killed, out of memory) before the work was done.
    """
    try:
        yield
    except BrokenProcessPool:
        # a broken pool's shutdown may wait for ever on its manager thread (a helper
        # lost while starting): end the others and go
        for process in list((pool._processes or {}).values()):
            with contextlib.suppress(Exception):
                process.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        raise HelperLost(
            f"a helper process {doing} ended before its work was done (killed, or out "
            "of memory?); nothing was changed: run the build again"
        ) from None
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    else:
        pool.shutdown(wait=True)


def may_fork() -> bool:
    """Whether this process may share one large document's work with forked copies of
    itself: it is the build's own process (a helper's siblings already take the other
    cores), it runs no threads (a fork does not carry them over) and it has more than
    one core."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return cores > 1 and threading.active_count() == 1 and multiprocessing.parent_process() is None


@contextmanager
def forked_pool(workers: int, doing: str) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``workers`` children forked from this process as work is first given,
    each reading what this process held then (set it in a module's global before the
    first ``submit``), and each ending with this process.

    :raises HelperLost: a child ended (killed, out of memory) before its work was done.
    """
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_start_forked,
    )
    # what this process holds set aside from the collector while the children work:
    # neither process's passes walk it again, and the children do not copy the pages
    # those passes would touch (the reading of a 10 MB document held millions of objects)
    with forks_end_with_this_process(), collection_frozen(), stopping(pool, doing):
        yield pool


@contextmanager
def collection_waiting() -> Iterator[None]:
    """No automatic pass of the cyclic collector in the block (explicit ones still run),
    and the collector's settings as they were after it (``gc_pause.collection_paused``).
    For work that holds many objects to its end and leaves no garbage in reference
    cycles (a large document's reading: 7 such objects for 2 MB), where every full pass
    only walks them again."""
    with collection_paused():
        yield


def _start_forked() -> None:
    quit_on_interrupt()
    parsing = sys.modules.get("graph.parsing")
    if parsing is not None:  # the parses were made before the fork: no second parser
        parsing._PARALLEL_FROM = sys.maxsize  # type: ignore[attr-defined]


def _start(path: str, parent: int) -> None:
    end_with_parent(parent)
    with open(path, "rb") as file:
        initializer, initargs = pickle.load(file)
    initializer(*initargs)
