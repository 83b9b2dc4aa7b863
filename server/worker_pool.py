"""Query evaluation in worker processes that can be killed.

pyoxigraph has no timeout or cancellation, and a thread cannot be stopped, so the only
sure way to end a runaway query is to end the process evaluating it. Each web worker
(and ``spacekg query``) keeps a pool of pre-started processes, each with the store open
read-only; a query is sent over a socket pair, evaluated and serialized there, and comes
back as bytes. The round trip costs tens of microseconds; a query past its deadline costs
one SIGKILL and a replacement process started in the background, while the other
processes keep answering. The processes run ``server.query_process``.
"""

from __future__ import annotations

import json
import pickle
import queue
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from multiprocessing.connection import Connection
from pathlib import Path

from server.backend import EvaluationError, QueryJob, QueryOutcome, QueryTimeout, WorkersBusy

# The query process runs this checkout's ``server`` package, the one the web process runs,
# whatever an isolated interpreter would find installed (another checkout, a worktree).
_CODE_ROOT = Path(__file__).resolve().parent.parent
_START = (
    "import sys; sys.path.insert(0, sys.argv[1]); "
    "from server.query_process import main; main(int(sys.argv[2]))"
)


class _Worker:
    """One child process and the parent's end of its socket pair."""

    def __init__(self, store_path: Path, prefixes: dict[str, str]) -> None:
        parent, child = socket.socketpair()
        self.process = subprocess.Popen(
            [sys.executable, "-I", "-c", _START, str(_CODE_ROOT), str(child.fileno())],
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
            # Plain values only, so the message does not depend on how the class pickles.
            worker.conn.send_bytes(pickle.dumps(vars(job), protocol=pickle.HIGHEST_PROTOCOL))
            if not worker.conn.poll(max(deadline - time.monotonic(), 0)):
                self._retire(worker)
                message = f"query timeout: the query was stopped after {timeout:g} s"
                raise QueryTimeout(message + " (QUERY_TIMEOUT)")
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
                    message = f"query timeout: the answer was not sent within {timeout:g} s"
                    raise QueryTimeout(message)
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
