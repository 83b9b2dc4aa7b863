"""Where the endpoint's own cost goes: the same query evaluated in this process, and sent
to a query process as the server sends it, with no HTTP.

``endpoint_bench.py`` times each saved query three ways at one connection (in process,
through a query process, through ``/sparql``), so the endpoint's cost over in-process
evaluation splits into the process hop (a pickled job out, the answer's bytes back) and
the HTTP layer. Run by hand, never by the test suite.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from server import sparql_scan
from server.backend import QueryJob
from server.evaluate import evaluate
from server.worker_pool import WorkerPool

NO_CAP = 10**9  # as in the servers compared: every row is sent


def job_for(query: str) -> QueryJob:
    """The job ``Backend.execute`` makes of a plain /sparql query (no row cap)."""
    shape = sparql_scan.inspect(query)
    limited = sparql_scan.with_row_limit(query, shape, NO_CAP + 1)
    return QueryJob(query, shape.form or "SELECT", "JSON", NO_CAP, limited_sparql=limited)


def median_ms(call: Callable[[], object], seconds: float = 1.0) -> float:
    """Median wall time of ``call`` over about ``seconds`` (at least 5 calls)."""
    times: list[float] = []
    deadline = time.perf_counter() + seconds
    while len(times) < 5 or time.perf_counter() < deadline:
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1e3)
    return statistics.median(times)


def in_process_ms(store: ox.Store, query: str, seconds: float = 1.0) -> float:
    """``server.evaluate`` here: the evaluation a query process does for the endpoint
    (same text, sort keys, JSON written), with no HTTP and no process hop."""
    job = job_for(query)
    return median_ms(lambda: evaluate(store, job), seconds)


class QueryProcess:
    """One query process over ``build_dir``, as a web worker keeps them
    (``server.worker_pool``), to time a query's round trip through it."""

    def __init__(self, build_dir: Path) -> None:
        self.pool = WorkerPool(build_dir, 1)

    def round_trip_ms(self, query: str, seconds: float = 1.0) -> float:
        """The job sent, evaluated there, the answer's bytes read back (every frame)."""
        job = job_for(query)

        def once() -> bytes:
            outcome = self.pool.run(job, 600)
            return b"".join(outcome.chunks) if outcome.chunks is not None else outcome.body

        return median_ms(once, seconds)

    def close(self) -> None:
        self.pool.close()
