"""Query evaluation in worker processes that can be killed.

pyoxigraph has no timeout or cancellation, and a thread cannot be stopped, so the only
sure way to end a runaway query is to end the process evaluating it. Each web worker
(and ``spacekg query``) keeps a pool of pre-started processes, each with the store open
read-only and its address space capped (QUERY_MEMORY); a query is sent over a socket
pair, evaluated and serialized there, and comes back as bytes. The round trip costs tens
of microseconds; a query past its deadline costs one SIGKILL and a replacement process
started in the background, while the other processes keep answering. A query that
crashes its process (out of memory, an engine panic, a segmentation fault) is told why
(``server.worker_crash``) and remembered, so sending it again costs no process.
Replacements that fail (the store was removed or damaged) are retried with a growing
pause, and the pool says why (``/healthz``). The processes run ``server.query_process``.
"""

from __future__ import annotations

import pickle
import queue
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Hashable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from graph.errors import SpaceKGError
from server import worker_crash
from server.backend import (
    EvaluationError,
    QueryJob,
    QueryOutcome,
    QueryTimeout,
    StoreUnavailable,
    WorkersBusy,
)
from server.query_worker import QueryWorker
from server.run_slots import RunSlots

_MAX_PAUSE = 30.0  # longest wait between two failed starts
_BURST = 10.0  # seconds over which restarts are counted
_REMEMBERED = 128  # crashing queries remembered per pool
# A client gone mid-answer: the rest of the frames are dropped if each comes this soon
# (a process started afresh costs more, and starts with cold caches); else it is replaced.
_DRAIN_SECONDS = 0.5


class WorkerPool:
    """Pre-started query processes over one store, safe to share between threads.

    With ``wait`` the constructor returns once every process is ready (raising if one
    cannot start); without it the processes start in the background, so a web worker
    answers (and stops) at once, and ``run`` waits for the first free one.
    """

    def __init__(
        self,
        store_path: Path,
        size: int,
        *,
        prefixes: dict[str, str] | None = None,
        memory_mib: int = 0,
        wait: bool = True,
        running: int = 0,
    ):
        self.store_path = store_path
        self.prefixes = dict(prefixes or {})
        self.size = size
        self.memory_mib = memory_mib
        # at most ``running`` recent queries evaluating at once (0: as many as processes)
        self._slots = RunSlots(running)
        # Last in, first out: the most recently used process has the warmest caches.
        self._idle: queue.LifoQueue[QueryWorker] = queue.LifoQueue()
        self._closed = threading.Event()
        self._lock = threading.Lock()
        self._all: set[QueryWorker] = set()
        self._starting = 0
        self._failures = 0  # starts failed in a row
        self.start_failures = 0  # in all
        self._recent: deque[float] = deque()  # when recent replacements began
        self._crashed: OrderedDict[Hashable, SpaceKGError] = OrderedDict()
        self._keyed: OrderedDict[Hashable, None] = OrderedDict()  # sorts that crashed
        self.restarts = 0
        self.problem: str | None = None  # why the last start failed, until one succeeds
        threading.Thread(target=self._watch, name="query-worker-watch", daemon=True).start()
        if not wait:
            for _ in range(size):
                self._replace(None, pause=False)
            return
        try:
            started = [self._start() for _ in range(size)]
            for worker in started:
                worker.wait_ready(60)
                self._idle.put(worker)
        except BaseException:
            self.close()
            raise

    def _start(self) -> QueryWorker:
        worker = QueryWorker(self.store_path, self.prefixes, self.memory_mib)
        with self._lock:
            self._all.add(worker)
        return worker

    @property
    def live(self) -> int:
        """Processes running now (busy or idle)."""
        with self._lock:
            return len(self._all)

    def status(self) -> dict[str, Any]:
        """What ``/healthz`` shows about the pool."""
        return {
            "size": self.size,
            "live": self.live,
            "restarts": self.restarts,
            "start_failures": self.start_failures,
            "problem": self.problem,
        }

    def _retire(self, worker: QueryWorker) -> None:
        """Kill ``worker`` and start its replacement, without making the caller wait
        (once per worker, however many threads find it dead)."""
        with self._lock:
            if worker.retired:
                return
            worker.retired = True
        self._replace(worker, pause=True)

    def _watch(self) -> None:
        """Replace processes that died while idle (killed from outside, the system's
        out-of-memory killer), so the pool is whole, and /healthz true, without waiting
        for a query to find them."""
        while not self._closed.wait(1.0):
            with self._lock:
                dead = [w for w in self._all if not w.retired and w.process.poll() is not None]
            for worker in dead:
                self._retire(worker)

    def _replace(self, worker: QueryWorker | None, *, pause: bool) -> None:
        with self._lock:
            self._starting += 1

        def replace() -> None:
            try:
                if worker is not None:
                    worker.kill()
                    with self._lock:
                        self._all.discard(worker)
                        self.restarts += 1
                if pause:
                    self._closed.wait(self._pause())
                self._start_until_ready()
            finally:
                with self._lock:
                    self._starting -= 1

        threading.Thread(target=replace, name="query-worker-start", daemon=True).start()

    def _pause(self) -> float:
        """How long to wait before a replacement: nothing normally; longer and longer
        while starts fail, and a little when replacements come in a burst (queries that
        keep crashing their processes), so a crash loop cannot take the machine's CPU."""
        now = time.monotonic()
        with self._lock:
            while self._recent and now - self._recent[0] > _BURST:
                self._recent.popleft()
            self._recent.append(now)
            burst = len(self._recent) > 2 * self.size
            failures = self._failures
        if failures:
            return min(0.5 * 2 ** (failures - 1), _MAX_PAUSE)
        return 0.5 if burst else 0.0

    def _start_until_ready(self) -> None:
        while not self._closed.is_set():
            try:
                fresh = self._start()
                fresh.wait_ready(60)
            except (OSError, RuntimeError) as exc:
                with self._lock:
                    self._failures += 1
                    self.start_failures += 1
                    self.problem = str(exc) or type(exc).__name__
                    self._all = {w for w in self._all if not w.killed}
                self._closed.wait(self._pause())
                continue
            with self._lock:
                self._failures = 0
                self.problem = None
            if self._closed.is_set():
                fresh.kill()
            else:
                self._idle.put(fresh)
            return

    def _take(self, timeout: float) -> QueryWorker:
        """A free worker within ``timeout`` seconds.

        :raises StoreUnavailable: no process runs and none can start (the store cannot
            be opened): said at once rather than after the whole timeout.
        :raises WorkersBusy: all stayed busy.
        """
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            try:
                return self._idle.get(timeout=max(min(left, 0.25), 0))
            except queue.Empty:
                pass
            problem = self.problem
            if problem and not self.live:
                raise StoreUnavailable(
                    f"no query process can open the store ({problem}); the server keeps "
                    "trying, see /healthz"
                )
            if time.monotonic() >= deadline:
                message = f"all {self.size} query workers stayed busy for {timeout:g} s"
                raise WorkersBusy(message)

    def run(self, job: QueryJob, timeout: float) -> QueryOutcome:
        """Evaluate ``job`` in a free worker, ending it if ``timeout`` seconds pass.

        :raises QueryTimeout: the deadline passed; the worker was killed.
        :raises WorkersBusy, StoreUnavailable: no worker was free before the deadline, or
            none can start.
        :raises EvaluationError: the engine refused the query.
        :raises QueryTooLarge, EngineCrash: the query took its process down (now, or
            when it was sent before); the process was replaced.
        """
        key = (job.sparql, job.default_graphs, job.named_graphs, job.substitutions)
        with self._lock:
            crashed = self._crashed.get(key)
            keyed = key in self._keyed
        if crashed is not None:
            raise crashed
        deadline = time.monotonic() + timeout
        if keyed:
            job = replace(job, total_order=True)
        try:
            return self._run_once(job, key, deadline, timeout)
        except worker_crash.SortCrash:
            if job.total_order:
                raise
        # The engine's sort aborted (pyoxigraph 0.5.13 sorts the project's graph whole,
        # but an older or newer engine, or other data, may not): once more with the keys
        # that give it a total order, and so from now on for this query.
        with self._lock:
            self._crashed.pop(key, None)
        self._remember(key, None, self._keyed)
        return self._run_once(replace(job, total_order=True), key, deadline, timeout)

    def _run_once(
        self, job: QueryJob, key: Hashable, deadline: float, timeout: float
    ) -> QueryOutcome:
        # A query that answered quickly last time waits only behind other quick ones
        # (``server.run_slots``), and so mostly finds the process that ran the last one.
        slots = self._slots.lane(key)
        token = slots.enter(deadline)
        began = time.monotonic()
        try:  # the answer is whole in the process once its first message comes
            outcome = self._evaluate(job, key, deadline, timeout)
            self._slots.note(key, time.monotonic() - began)
            return outcome
        finally:
            slots.leave(token)

    def _evaluate(
        self, job: QueryJob, key: Hashable, deadline: float, timeout: float
    ) -> QueryOutcome:
        worker = self._take(max(deadline - time.monotonic(), 0))
        while worker.retired or worker.process.poll() is not None:
            self._retire(worker)  # died while idle: not this query's doing
            worker = self._take(max(deadline - time.monotonic(), 0))
        try:
            # Plain values only, so the message does not depend on how the class pickles.
            worker.conn.send_bytes(pickle.dumps(vars(job), protocol=pickle.HIGHEST_PROTOCOL))
            if not worker.answered(deadline - time.monotonic()):
                self._retire(worker)
                message = f"query timeout: the query was stopped after {timeout:g} s"
                raise QueryTimeout(message + " (QUERY_TIMEOUT)")
            status, payload = pickle.loads(worker.receive())
        except (EOFError, OSError):
            error = worker.death(self.memory_mib)
            self._retire(worker)
            self._remember(key, error)
            raise error from None
        if status == "frames":
            count, rows, truncated = payload
            frames = self._frames(worker, count, deadline, timeout)
            return QueryOutcome(b"", rows, truncated, frames)
        if status == "memory":  # Python's own MemoryError: the process exits after it
            error = worker_crash.out_of_memory(self.memory_mib)
            self._retire(worker)
            self._remember(key, error)
            raise error
        self._idle.put(worker)
        if status == "ok":
            return QueryOutcome(*payload)
        raise EvaluationError(payload[0], syntax=payload[1])

    def _remember(
        self, key: Hashable, value: Any, table: OrderedDict[Hashable, Any] | None = None
    ) -> None:
        table = self._crashed if table is None else table
        with self._lock:
            table[key] = value
            while len(table) > _REMEMBERED:
                table.popitem(last=False)

    def _frames(
        self, worker: QueryWorker, count: int, deadline: float, timeout: float
    ) -> Iterator[bytes]:
        """The frames of a long answer. The worker is free again only once all were read:
        when the reader stops early (a client gone), the rest, already written whole in
        the process, is read and dropped if it comes at once; else the worker is
        replaced. Never a mixed-up answer for the next query."""
        received = 0
        try:
            while received < count:
                if not worker.answered(deadline - time.monotonic()):
                    message = f"query timeout: the answer was not sent within {timeout:g} s"
                    raise QueryTimeout(message)
                frame = worker.receive()
                received += 1
                yield frame
        finally:
            try:
                while received < count and (worker.buffered or worker.conn.poll(_DRAIN_SECONDS)):
                    worker.receive()
                    received += 1
            except (EOFError, OSError):
                pass
            if received == count:
                self._idle.put(worker)
            else:
                self._retire(worker)

    def close(self) -> None:
        self._closed.set()
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.kill()
