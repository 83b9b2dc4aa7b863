"""Query evaluation in worker processes that can be killed.

pyoxigraph has no timeout or cancellation, and a thread cannot be stopped, so the only
sure way to end a runaway query is to end the process evaluating it. Each web worker
keeps a pool of pre-started processes, each with the store open read-only; a query is
sent over a socket pair, evaluated and serialized there, and comes back as bytes. The
round trip costs tens of microseconds; a query past its deadline costs one SIGKILL and
a replacement process started in the background, while the other processes keep
answering.

This module is also the worker's program (run by path, so it imports only the standard
library and pyoxigraph), and ``evaluate`` is used in-process when no pool runs.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import pickle
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

# Smallest serialized row per format: a body shorter than (cap + 1) rows of this size
# cannot hold more than ``cap`` rows, so most results need no counting at all.
_MIN_ROW_BYTES = {"JSON": 3, "XML": 17, "CSV": 2, "TSV": 1}


@dataclass(frozen=True)
class QueryJob:
    """One evaluation request: everything a worker needs, nothing it must look up."""

    sparql: str
    form: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    ox_format: str  # member of QueryResultsFormat (SELECT, ASK) or RdfFormat
    row_cap: int
    limited_sparql: str | None = None  # ``sparql`` with its LIMIT lowered to row_cap + 1
    default_graphs: tuple[str, ...] | None = None  # None: the union of all graphs
    named_graphs: tuple[str, ...] | None = None
    substitutions: tuple[tuple[str, Any], ...] = ()
    prefixes: tuple[tuple[str, str], ...] = field(default=(), compare=False)


# Answers longer than this leave the worker in frames of this size, and the web process
# forwards each frame as it comes instead of holding the whole answer.
FRAME_BYTES = 256 * 1024


@dataclass(frozen=True)
class QueryOutcome:
    body: bytes  # empty when the answer comes as ``chunks``
    rows: int | None  # solutions or triples sent; None for ASK
    truncated: bool
    chunks: Iterator[bytes] | None = field(default=None, compare=False)


class QueryTimeout(Exception):
    """The query ran past its deadline and its process was ended."""


class WorkersBusy(Exception):
    """No worker became free before the deadline."""


class EvaluationError(Exception):
    """The engine refused the query; ``syntax`` tells a client mistake from a failure."""

    def __init__(self, message: str, *, syntax: bool) -> None:
        super().__init__(message)
        self.syntax = syntax


class _Enough(Exception):
    """Raised from inside the serializer once enough rows were written."""


class _RowCountingSink(io.RawIOBase):
    """Collects TSV output and stops the engine after ``lines`` lines."""

    def __init__(self, lines: int) -> None:
        self.buffer = bytearray()
        self.lines = lines

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.buffer += data
        if self.buffer.count(b"\n") >= self.lines:
            raise _Enough
        return len(data)


def _dataset(job: QueryJob) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    if job.default_graphs is None and job.named_graphs is None:
        kwargs["use_default_graph_as_union"] = True
    else:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs or ()]
        if job.named_graphs is not None:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    if job.substitutions:
        kwargs["substitutions"] = {ox.Variable(k): v for k, v in job.substitutions}
    return kwargs


def _run(store: ox.Store, text: str, job: QueryJob) -> Any:
    try:
        return store.query(text, **_dataset(job))
    except SyntaxError as exc:
        raise EvaluationError(str(exc), syntax=True) from None
    except (OSError, ValueError, TypeError, RuntimeError) as exc:
        raise EvaluationError(str(exc), syntax=False) from None


def capped_solutions(tsv: bytes, cap: int, ox_format: str) -> QueryOutcome:
    """Solutions given as TSV (one line per row), cut to ``cap`` rows, in ``ox_format``."""
    lines = tsv.split(b"\n")[:-1] if tsv.endswith(b"\n") else tsv.split(b"\n")
    rows = len(lines) - 1
    truncated = rows > cap
    if truncated:
        lines, rows = lines[: cap + 1], cap
        tsv = b"\n".join(lines) + b"\n"
    if ox_format == "TSV":
        return QueryOutcome(tsv, rows, truncated)
    parsed = ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV)
    body = parsed.serialize(format=getattr(ox.QueryResultsFormat, ox_format))
    return QueryOutcome(body, rows, truncated)


def _count_rows(body: bytes, ox_format: str) -> int:
    if ox_format == "CSV":  # pyoxigraph does not read CSV back: it is lossy
        return sum(1 for _ in csv.reader(io.StringIO(body.decode("utf-8")))) - 1
    return sum(1 for _ in ox.parse_query_results(body, getattr(ox.QueryResultsFormat, ox_format)))


def evaluate(store: ox.Store, job: QueryJob) -> QueryOutcome:
    """Evaluate ``job`` and serialize at most ``job.row_cap`` rows or triples.

    :raises EvaluationError: syntax error, or the engine failed.
    """
    if job.form in ("CONSTRUCT", "DESCRIBE"):
        triples = list(islice(_run(store, job.sparql, job), job.row_cap + 1))
        truncated = len(triples) > job.row_cap
        del triples[job.row_cap :]
        body = ox.serialize(
            triples, format=getattr(ox.RdfFormat, job.ox_format), prefixes=dict(job.prefixes)
        )
        return QueryOutcome(body, len(triples), truncated)
    results_format = getattr(ox.QueryResultsFormat, job.ox_format)
    if job.form == "ASK":
        return QueryOutcome(
            _run(store, job.sparql, job).serialize(format=results_format), None, False
        )
    limited = job.limited_sparql
    if limited is None:
        # The query's own LIMIT is within the cap: nothing can be cut.
        return QueryOutcome(
            _run(store, job.sparql, job).serialize(format=results_format), None, False
        )
    try:
        results, text = _run(store, limited, job), limited
    except EvaluationError:
        # Report the client's own error; if only our LIMIT broke the text, go on without it.
        results, text = _run(store, job.sparql, job), job.sparql
    if text is limited:
        body = results.serialize(format=results_format)
        if len(body) < (job.row_cap + 1) * _MIN_ROW_BYTES[job.ox_format]:
            return QueryOutcome(body, None, False)
        # Counting the rows of the answer costs far less than evaluating again.
        rows = _count_rows(body, job.ox_format)
        if rows <= job.row_cap:
            return QueryOutcome(body, rows, False)
        results = _run(store, text, job)
    sink = _RowCountingSink(job.row_cap + 2)  # header, cap rows, one more
    with contextlib.suppress(_Enough):
        results.serialize(sink, format=ox.QueryResultsFormat.TSV)
    return capped_solutions(bytes(sink.buffer), job.row_cap, job.ox_format)


class _Worker:
    """One child process and the parent's end of its socket pair."""

    def __init__(self, store_path: Path, prefixes: dict[str, str]) -> None:
        parent, child = socket.socketpair()
        self.process = subprocess.Popen(
            [sys.executable, "-I", os.path.abspath(__file__), str(child.fileno())],
            pass_fds=(child.fileno(),),
            stdin=subprocess.DEVNULL,
        )
        child.close()
        self.conn = Connection(parent.detach())
        self.killed = False
        self._kill_lock = threading.Lock()
        self.conn.send_bytes(json.dumps({"store": str(store_path), "prefixes": prefixes}).encode())

    def wait_ready(self, timeout: float) -> None:
        if not self.conn.poll(timeout):
            self.kill()
            raise RuntimeError(f"query worker did not start within {timeout:.0f} s")
        message = self.conn.recv_bytes()
        if message != b"ready":
            self.kill()
            raise RuntimeError(message.decode("utf-8", "replace"))

    def kill(self) -> None:
        """End the process and close our end; safe to call twice, from two threads (a
        retirement and the pool's close may race), without closing a reused descriptor."""
        with self._kill_lock:
            if self.killed:
                return
            self.killed = True
            self.process.kill()
            self.conn.close()
        self.process.wait()


class WorkerPool:
    """Pre-started query processes over one store, safe to share between threads."""

    def __init__(self, store_path: Path, size: int, *, prefixes: dict[str, str] | None = None):
        self.store_path = store_path
        self.prefixes = dict(prefixes or {})
        self.size = size
        # Last in, first out: the most recently used process has the warmest caches.
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._closed = False
        self._lock = threading.Lock()
        self._all: set[_Worker] = set()
        self.restarts = 0
        try:
            started = [self._start() for _ in range(size)]
            for worker in started:
                worker.wait_ready(60)
                self._idle.put(worker)
        except BaseException:
            self.close()
            raise

    def _start(self) -> _Worker:
        worker = _Worker(self.store_path, self.prefixes)
        with self._lock:
            self._all.add(worker)
        return worker

    def _retire(self, worker: _Worker) -> None:
        """Kill ``worker`` and start its replacement, without making the caller wait."""

        def replace() -> None:
            worker.kill()
            with self._lock:
                self._all.discard(worker)
                self.restarts += 1
            if self._closed:
                return
            for attempt in range(3):
                try:
                    fresh = self._start()
                    fresh.wait_ready(60)
                    self._idle.put(fresh)
                    return
                except (OSError, RuntimeError):
                    time.sleep(0.5 * (attempt + 1))

        threading.Thread(target=replace, name="query-worker-restart", daemon=True).start()

    def run(self, job: QueryJob, timeout: float) -> QueryOutcome:
        """Evaluate ``job`` in a free worker, ending it if ``timeout`` seconds pass.

        :raises QueryTimeout: the deadline passed; the worker was killed.
        :raises WorkersBusy: no worker was free before the deadline.
        :raises EvaluationError: the engine refused the query.
        """
        deadline = time.monotonic() + timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            message = f"all {self.size} query workers stayed busy for {timeout:g} s"
            raise WorkersBusy(message) from None
        try:
            # Plain values only: the worker runs this file as a script, not as server.workers.
            worker.conn.send_bytes(pickle.dumps(vars(job), protocol=pickle.HIGHEST_PROTOCOL))
            if not worker.conn.poll(max(deadline - time.monotonic(), 0)):
                self._retire(worker)
                raise QueryTimeout(f"the query was stopped after {timeout:g} s")
            status, payload = pickle.loads(worker.conn.recv_bytes())
        except (EOFError, OSError) as exc:
            self._retire(worker)
            raise EvaluationError(f"the query worker failed: {exc}", syntax=False) from None
        if status == "frames":
            count, rows, truncated = payload
            frames = self._frames(worker, count, deadline, timeout)
            return QueryOutcome(b"", rows, truncated, frames)
        self._idle.put(worker)
        if status == "ok":
            return QueryOutcome(*payload)
        raise EvaluationError(payload[0], syntax=payload[1])

    def _frames(
        self, worker: _Worker, count: int, deadline: float, timeout: float
    ) -> Iterator[bytes]:
        """The frames of a long answer. The worker is free again only once all were read;
        a reader that stops early (a client gone) costs the worker, never a mixed-up
        answer for the next query."""
        received = 0
        try:
            while received < count:
                if not worker.conn.poll(max(deadline - time.monotonic(), 0)):
                    raise QueryTimeout(f"the answer was not sent within {timeout:g} s")
                frame = worker.conn.recv_bytes()
                received += 1
                yield frame
        finally:
            if received == count:
                self._idle.put(worker)
            else:
                self._retire(worker)

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.kill()


def _watch_parent(parent: int) -> None:
    """Exit when the web worker that started us is gone, even mid-query."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)


def _serve(fd: int) -> None:
    # Ctrl-C in a terminal reaches the whole process group; the web worker decides when a
    # query process ends (it kills it, or closes the socket), so SIGINT is not for us.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    conn = Connection(fd)
    config = json.loads(conn.recv_bytes())
    try:
        store = ox.Store.read_only(config["store"])
    except (OSError, RuntimeError, ValueError) as exc:  # RocksDB's "Corruption: ..." included
        conn.send_bytes(f"cannot open the store: {exc}".encode())
        return
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()
    prefixes = tuple(config["prefixes"].items())
    conn.send_bytes(b"ready")
    while True:
        try:
            fields = pickle.loads(conn.recv_bytes())
        except EOFError:
            return
        job = QueryJob(**{**fields, "prefixes": fields["prefixes"] or prefixes})
        try:
            out = evaluate(store, job)
        except EvaluationError as exc:
            conn.send_bytes(pickle.dumps(("error", (str(exc), exc.syntax))))
            continue
        if len(out.body) <= FRAME_BYTES:
            conn.send_bytes(pickle.dumps(("ok", (out.body, out.rows, out.truncated))))
            continue
        view = memoryview(out.body)
        starts = range(0, len(view), FRAME_BYTES)
        conn.send_bytes(pickle.dumps(("frames", (len(starts), out.rows, out.truncated))))
        for start in starts:
            conn.send_bytes(view[start : start + FRAME_BYTES])


if __name__ == "__main__":
    _serve(int(sys.argv[1]))
