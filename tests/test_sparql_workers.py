"""The pool of killable query processes, used directly."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path

import pytest

from graph.config import Paths
from graph.store import current_path
from server import worker_pool
from server.backend import EvaluationError, QueryJob, QueryOutcome, QueryTimeout, WorkersBusy
from server.query_process import FRAME_BYTES
from server.worker_crash import SortCrash
from server.worker_pool import WorkerPool

# a cross product counted: CPU without end and little memory, so the time limit stops it
# (sorted, it may fill the query memory limit first and get a 507 of its own)
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
EVERYTHING = QueryJob("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT", "N_TRIPLES", 10**6)


@pytest.fixture()
def pool(built, built_paths: Paths) -> Iterator[WorkerPool]:
    workers = WorkerPool(current_path(built_paths.store).resolve(), 1)
    yield workers
    workers.close()


def wait_for_restart(pool: WorkerPool, count: int) -> None:
    deadline = time.monotonic() + 30
    while pool.restarts < count and time.monotonic() < deadline:
        time.sleep(0.05)


def test_a_runaway_is_killed_and_its_process_replaced(pool: WorkerPool) -> None:
    started = time.monotonic()
    with pytest.raises(QueryTimeout):
        pool.run(QueryJob(RUNAWAY, "SELECT", "JSON", 10, None), 1.0)
    assert time.monotonic() - started < 2.0
    wait_for_restart(pool, 1)
    assert pool.restarts == 1
    answer = pool.run(QueryJob("ASK { ?s ?p ?o }", "ASK", "JSON", 10), 10)
    assert b"true" in answer.body


def test_a_process_ended_from_two_threads_at_once_has_its_socket_closed_once(
    pool: WorkerPool,
) -> None:
    """A timed-out process is ended by a background thread, and closing the pool at that
    moment ends it too: a second close of the same descriptor could close another file
    that has reused its number (seen as EBADF when the benchmark closed its pool)."""
    worker = next(iter(pool._all))
    real_conn = worker.conn
    closes: list[int] = []

    class SlowToClose:
        def close(self) -> None:
            closes.append(1)
            time.sleep(0.2)  # both threads are inside kill() now
            real_conn.close()

    worker.conn = SlowToClose()  # type: ignore[assignment]
    threads = [threading.Thread(target=worker.kill) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert closes == [1]
    assert worker.process.poll() is not None


def test_with_every_process_busy_a_query_waits_then_gives_up(pool: WorkerPool) -> None:
    first = pool.run(EVERYTHING, 10)  # holds the only process until its frames are read
    assert first.chunks is not None
    with pytest.raises(WorkersBusy):
        pool.run(QueryJob("ASK { ?s ?p ?o }", "ASK", "JSON", 10), 0.3)
    assert sum(len(frame) for frame in first.chunks) > FRAME_BYTES
    assert pool.run(QueryJob("ASK { ?s ?p ?o }", "ASK", "JSON", 10), 10).body


def test_a_reader_that_stops_early_costs_neither_the_process_nor_the_next_answer(
    pool: WorkerPool,
) -> None:
    whole = _body(pool.run(EVERYTHING, 10))
    answer = pool.run(EVERYTHING, 10)
    assert answer.chunks is not None
    next(answer.chunks)
    answer.chunks.close()  # what the server does when the client goes away
    # the rest of the answer, already written by the process, was read and dropped
    assert pool.restarts == 0 and pool.live == 1
    again = pool.run(QueryJob("ASK { <http://x/none> ?p ?o }", "ASK", "JSON", 10), 10)
    assert b"false" in again.body
    assert _body(pool.run(EVERYTHING, 10)) == whole


def test_a_reader_that_stops_early_on_a_stuck_process_costs_the_process(
    pool: WorkerPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = pool.run(EVERYTHING, 10)
    assert answer.chunks is not None
    next(answer.chunks)
    # as if the rest of the answer did not come: the process is replaced, not waited for
    monkeypatch.setattr(worker_pool, "_DRAIN_SECONDS", 0.0)
    monkeypatch.setattr(Connection, "poll", lambda self, timeout=0.0: False)
    answer.chunks.close()
    monkeypatch.undo()
    wait_for_restart(pool, 1)
    assert pool.restarts == 1
    again = pool.run(QueryJob("ASK { <http://x/none> ?p ?o }", "ASK", "JSON", 10), 10)
    assert b"false" in again.body


def test_engine_errors_come_back_as_errors(pool: WorkerPool) -> None:
    with pytest.raises(EvaluationError) as raised:
        pool.run(QueryJob("SELECT * WHERE { ?s ?p }", "SELECT", "JSON", 10), 10)
    assert raised.value.syntax and "line 1, column 25" in str(raised.value)


def test_a_store_that_cannot_be_opened_fails_at_start(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="cannot open the store"):
        WorkerPool(tmp_path / "missing", 1)


def _body(outcome: QueryOutcome) -> bytes:
    """The whole answer; a long one comes in frames, and its worker is free once read."""
    return outcome.body if outcome.chunks is None else b"".join(outcome.chunks)


def test_a_sort_that_crashed_runs_again_with_sort_keys_and_keeps_them(
    pool: WorkerPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # pyoxigraph 0.5.13 sorts the crash case whole (tests/test_sort_keys.py), so the
    # engine's abort is stood in for: the first run "crashes" as its sort would.
    sent: list[bool] = []
    real = pool._run_once

    def run_once(job: QueryJob, *args: object) -> object:
        sent.append(job.total_order)
        if not job.total_order and "?o ?s" in job.sparql:
            raise SortCrash("the query engine crashed while sorting")
        return real(job, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(pool, "_run_once", run_once)
    job = QueryJob("SELECT * WHERE { ?s ?p ?o } ORDER BY ?o ?s", "SELECT", "TSV", 10**6)
    assert _body(pool.run(job, 30)).count(b"\n") > 100
    assert sent == [False, True]
    _body(pool.run(job, 30))
    assert sent == [False, True, True], "the query is sent with its keys from then on"
    other = QueryJob("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 1", "SELECT", "TSV", 10)
    _body(pool.run(other, 30))
    assert sent == [False, True, True, False], "other queries keep the engine's own sort"


def test_a_sort_that_crashes_with_its_keys_too_is_one_error(
    pool: WorkerPool, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[bool] = []

    def run_once(job: QueryJob, *args: object) -> object:
        calls.append(job.total_order)
        raise SortCrash("the query engine crashed while sorting")

    monkeypatch.setattr(pool, "_run_once", run_once)
    job = QueryJob("SELECT * WHERE { ?s ?p ?o } ORDER BY (?o + 1)", "SELECT", "JSON", 10)
    with pytest.raises(SortCrash, match="crashed while sorting"):
        pool.run(job, 30)
    assert calls == [False, True]
