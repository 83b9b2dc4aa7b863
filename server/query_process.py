"""The program of one query process: open the store read-only, then evaluate the jobs
that arrive on its socket until the socket closes (see ``server.worker_pool``).

Started by ``server.worker_pool`` with its ``main(FD)`` (or as ``python -m
server.query_process FD``); it imports pyoxigraph and the backend's types, not Flask.
"""

from __future__ import annotations

import json
import os
import pickle
import resource
import signal
import sys
import threading
import time
from collections.abc import Hashable
from multiprocessing.connection import Connection

import pyoxigraph as ox

from server.backend import EvaluationError, QueryJob
from server.evaluate import evaluate

FRAME_BYTES = 256 * 1024  # answers longer than this leave in frames of this size


def _watch_parent(parent: int) -> None:
    """Exit when the web worker that started us is gone, even mid-query."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)


def limit_memory(mib: int) -> None:
    """Cap this process's address space at ``mib`` MiB (0: no cap). Set before the store
    opens, so the cap covers everything the process holds; an allocation past it fails
    (the engine aborts, Python raises MemoryError) and the pool says why."""
    if mib > 0:
        limit = mib * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def main(fd: int) -> None:
    """Serve jobs on the socket ``fd`` until it closes."""
    # Ctrl-C in a terminal reaches the whole process group; the web worker decides when a
    # query process ends (it kills it, or closes the socket), so SIGINT is not for us.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    conn = Connection(fd)
    config = json.loads(conn.recv_bytes())
    limit_memory(config.get("memory_mib", 0))
    try:
        store = ox.Store.read_only(config["store"])
    except (OSError, RuntimeError, ValueError) as exc:  # RocksDB's "Corruption: ..." included
        conn.send_bytes(f"cannot open the store: {exc}".encode())
        return
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()
    prefixes = tuple(config["prefixes"].items())
    conn.send_bytes(b"ready")
    known: dict[Hashable, bool] = {}  # the build never changes under this process
    while True:
        try:
            fields = pickle.loads(conn.recv_bytes())
        except EOFError:
            return
        job = QueryJob(**{**fields, "prefixes": fields["prefixes"] or prefixes})
        try:
            out = evaluate(store, job, known)
        except EvaluationError as exc:
            conn.send_bytes(pickle.dumps(("error", (exc.args[0], exc.syntax))))
            continue
        except MemoryError:
            # Python's side of the cap (the engine's side aborts the process); a heap
            # that hit its ceiling is not worth keeping: the pool starts a fresh process.
            conn.send_bytes(pickle.dumps(("memory", ())))
            return
        if len(out.body) <= FRAME_BYTES:
            conn.send_bytes(pickle.dumps(("ok", (out.body, out.rows, out.truncated))))
            continue
        view = memoryview(out.body)
        starts = range(0, len(view), FRAME_BYTES)
        conn.send_bytes(pickle.dumps(("frames", (len(starts), out.rows, out.truncated))))
        for start in starts:
            conn.send_bytes(view[start : start + FRAME_BYTES])


if __name__ == "__main__":
    main(int(sys.argv[1]))
