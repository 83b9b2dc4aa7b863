"""One query process of ``server.worker_pool``: the child running
``server.query_process``, the parent's end of its socket pair, and its stderr file, read
when it dies to say why (``server.worker_crash``).
"""

from __future__ import annotations

import json
import os
import select
import socket
import subprocess
import sys
import tempfile
import threading
from multiprocessing.connection import Connection
from pathlib import Path

from graph.errors import SpaceKGError
from server import allocator, worker_crash

# The query process runs this checkout's ``server`` package, the one the web process runs,
# whatever an isolated interpreter would find installed (another checkout, a worktree).
_CODE_ROOT = Path(__file__).resolve().parent.parent
_START = (
    "import sys; sys.path.insert(0, sys.argv[1]); "
    "from server.query_process import main; main(int(sys.argv[2]))"
)
# Two malloc arenas keep a process's address space near what it uses, so QUERY_MEMORY
# bounds the query, not the threads' reservations; a panic writes one line, no backtrace.
_ENV = {"MALLOC_ARENA_MAX": "2", "RUST_BACKTRACE": "0"}
# The engine spends about a sixth of a query process's time in malloc and free; a
# per-thread cache of 1,000 freed blocks a size (glibc keeps 7) took the real graph's mix
# from 2.19 to 2.10 ms of CPU a request, less in each of six rounds in turn
# (benchmarks/endpoint_pairs.py). Unless the environment tunes glibc itself.
_TUNABLES = {"GLIBC_TUNABLES": "glibc.malloc.tcache_count=1000"}
_STDERR_TAIL = 16384
# Socket buffers big enough for a long answer to be written whole, without the query
# process and the web thread waking each other for every 200 KiB (the default).
SOCKET_BYTES = 4 * 1024 * 1024
_READ_BYTES = 64 * 1024  # a short answer in one read


def child_environment() -> dict[str, str]:
    """A query process's environment: the parent's, with the allocator settings above and
    mimalloc or jemalloc preloaded where the machine has one (``server.allocator``); the
    user's own glibc tuning or preload, if any, kept."""
    return {**_TUNABLES, **allocator.preload(), **os.environ, **_ENV}


class QueryWorker:
    """One child process, the parent's end of its socket pair, and its stderr file."""

    def __init__(self, store_path: Path, prefixes: dict[str, str], memory_mib: int) -> None:
        parent, child = socket.socketpair()
        for end in (parent, child):
            end.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SOCKET_BYTES)
            end.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, SOCKET_BYTES)
        self.stderr = tempfile.TemporaryFile()  # noqa: SIM115 (closed by kill)
        self.process = subprocess.Popen(
            [sys.executable, "-I", "-c", _START, str(_CODE_ROOT), str(child.fileno())],
            pass_fds=(child.fileno(),),
            stdin=subprocess.DEVNULL,
            stderr=self.stderr,
            env=child_environment(),
        )
        child.close()
        self.conn = Connection(parent.detach())
        # One poller for the process's life: ``Connection.poll`` builds a selector for
        # every call, Python work on each query's way back.
        self._poller = select.poll()
        self._poller.register(self.conn.fileno(), select.POLLIN)
        self._pending = b""  # read from the socket past the last message returned
        self.killed = False
        self.retired = False  # handed to a replacement; skipped if still in the idle queue
        self._kill_lock = threading.Lock()
        config = {"store": str(store_path), "prefixes": prefixes, "memory_mib": memory_mib}
        self.conn.send_bytes(json.dumps(config).encode())

    def answered(self, timeout: float) -> bool:
        """Whether a message (or the process's end) can be read within ``timeout``
        seconds, as ``self.conn.poll(timeout)`` tells it."""
        if self.conn.closed:
            raise OSError("handle is closed")
        if self._pending:
            return True  # (part of) the next message was read with the last one
        return bool(self._poller.poll(max(timeout, 0.0) * 1000))

    @property
    def buffered(self) -> bool:
        """Whether bytes of the next message were already read (``receive``)."""
        return bool(self._pending)

    def receive(self) -> bytes:
        """The next message from the process, as ``self.conn.recv_bytes()`` gives it.

        Read in one system call where it fits (``recv_bytes`` makes two: the length,
        then the message), each of which lets another web thread take the interpreter
        and be switched to. Bytes read past the message (the frames after a long
        answer's first message) are kept for the next call.

        :raises EOFError: the process closed its end.
        """
        data = self._pending
        if len(data) < 4:
            data += self._read_more()
            while len(data) < 4:
                data += self._read_more()
        size = int.from_bytes(data[:4], "big", signed=True)
        if size < 0:  # multiprocessing's mark for a message over 2 GiB: never sent here
            raise OSError("a message too long from the query process")
        end = 4 + size
        while len(data) < end:
            data += self._read_more(end - len(data))
        self._pending = data[end:]
        return data[4:end]

    def _read_more(self, wanted: int = 0) -> bytes:
        more = os.read(self.conn.fileno(), max(wanted, _READ_BYTES))
        if not more:
            raise EOFError
        return more

    def wait_ready(self, timeout: float) -> None:
        if not self.conn.poll(timeout):
            self.kill()
            raise RuntimeError(f"query worker did not start within {timeout:.0f} s")
        try:
            message = self.conn.recv_bytes()
        except (EOFError, OSError):
            message = b"the query process exited while starting: " + self.stderr_tail().encode()
        if message != b"ready":
            self.kill()
            raise RuntimeError(message.decode("utf-8", "replace").strip())

    def stderr_tail(self) -> str:
        """The last few kilobytes the process wrote to stderr."""
        with self._kill_lock:
            if self.stderr.closed:
                return ""
            size = self.stderr.seek(0, os.SEEK_END)
            self.stderr.seek(max(size - _STDERR_TAIL, 0))
            return self.stderr.read().decode("utf-8", "replace")

    def death(self, memory_mib: int) -> SpaceKGError:
        """Why the process stopped answering, once it has exited."""
        try:
            returncode = self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            returncode = None
        return worker_crash.explain(returncode, self.stderr_tail(), memory_mib)

    def kill(self) -> None:
        """End the process and close our end; safe to call twice, from two threads (a
        retirement and the pool's close may race), without closing a reused descriptor."""
        with self._kill_lock:
            if self.killed:
                return
            self.killed = True
            self.process.kill()
            self.conn.close()
            self.stderr.close()
        self.process.wait()
