"""Why a query process died, in one line for the client.

A query process that dies mid-query leaves its exit status and whatever it wrote to
stderr (which goes to a file of its own, never to the terminal or the server's log as a
backtrace). From those, the error the client sees: the memory cap (QUERY_MEMORY), an
engine panic, a segmentation fault, or an outside kill.
"""

from __future__ import annotations

import re
import signal

from graph.errors import SpaceKGError
from server.backend import EngineCrash, QueryTooLarge

_OUT_OF_MEMORY = re.compile(
    r"memory allocation of \d+ bytes failed|std::bad_alloc|MemoryError|Cannot allocate memory"
)
_PANIC = re.compile(r"panicked at [^\n]*:\n([^\n]+)")
_SORT_PANIC = "does not correctly implement a total order"


class SortCrash(EngineCrash):
    """The engine's sort aborted: two values it compared did not order totally. The pool
    runs the query once more with the sort keys of ``server.sort_keys``."""


def out_of_memory(memory_mib: int) -> QueryTooLarge:
    if memory_mib:
        return QueryTooLarge(
            f"the query used more than {memory_mib} MiB of memory (QUERY_MEMORY) and was "
            "stopped; narrow it (a LIMIT, fewer rows to sort or group, no cross product)"
        )
    return QueryTooLarge("the query ran out of memory and was stopped; narrow it")


def explain(returncode: int | None, stderr: str, memory_mib: int) -> SpaceKGError:
    """The error for a query whose process ended with ``returncode`` after writing
    ``stderr`` (its last few kilobytes are enough)."""
    if _OUT_OF_MEMORY.search(stderr):
        return out_of_memory(memory_mib)
    panic = _PANIC.search(stderr)
    if panic and _SORT_PANIC in panic.group(1):
        return SortCrash(
            "the query engine crashed while sorting: ORDER BY on an expression whose values "
            "it cannot compare (such as numbers mixed with text); sort on STR() of it, or "
            "on a variable"
        )
    if panic:
        return EngineCrash(f"the query engine crashed on this query (pyoxigraph: {panic.group(1)})")
    if returncode == -signal.SIGSEGV:
        return EngineCrash(
            "the query engine crashed on this query (segmentation fault; a very deeply "
            "nested query can cause one)"
        )
    if returncode == -signal.SIGKILL:
        return EngineCrash(
            "the query process was killed from outside (SIGKILL; the system may have run "
            "out of memory)"
        )
    if returncode is not None and returncode < 0:
        name = signal.Signals(-returncode).name if -returncode in signal.valid_signals() else ""
        return EngineCrash(f"the query process ended on signal {name or -returncode}")
    return EngineCrash(f"the query process ended unexpectedly (exit status {returncode})")
