"""The allocator the query processes run with: mimalloc (else jemalloc) where the
machine has it, preloaded; else glibc's malloc, as tuned by ``server.query_worker``.

The engine spends about a sixth of a query process's CPU in malloc and free (perf). The
real graph's mix, sent to one query process a query at a time, cost 1.53 to 1.70 ms of
its CPU a query with mimalloc, 1.63 to 1.70 with jemalloc and 1.75 to 1.84 with glibc
(four rounds in turn). Through the endpoint at 8 connections, in five rounds beside the
native server, a request cost 2.18 against 2.51 ms of the whole server's CPU: 0.88x the
native server per core against 0.76x (``benchmarks/endpoint_pairs.py``). Answers are the
same bytes: only where the engine's memory comes from changes, and QUERY_MEMORY still
caps it (a query past it is stopped with the same 507).

Only the query processes get it (``LD_PRELOAD`` in their environment), never the web
process; a user's own ``LD_PRELOAD`` is kept as given. Without either library the query
processes run as before.
"""

from __future__ import annotations

import sysconfig
from functools import cache
from pathlib import Path

# The first found is preloaded: mimalloc cost the engine less than jemalloc (above).
LIBRARIES = ("libmimalloc.so.2", "libjemalloc.so.2")


def library_folders() -> list[Path]:
    """Where the system's package manager puts shared libraries."""
    multiarch = sysconfig.get_config_var("MULTIARCH")
    folders = [Path("/usr/lib") / multiarch] if multiarch else []
    return [*folders, Path("/usr/lib64"), Path("/usr/lib"), Path("/usr/local/lib")]


@cache
def faster_allocator() -> Path | None:
    """The first of LIBRARIES installed on this machine, or None."""
    for name in LIBRARIES:
        for folder in library_folders():
            if (folder / name).is_file():
                return folder / name
    return None


def preload() -> dict[str, str]:
    """The variable that makes a process use the faster allocator (none without one)."""
    found = faster_allocator()
    return {"LD_PRELOAD": str(found)} if found is not None else {}
