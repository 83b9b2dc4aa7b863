"""Helper threads that read request bodies for the request guard (``server.request_guard``).

granian hands a body over as a blocking stream with no timeout, so a handler cannot read
it itself and still answer a slow client with 408 at BODY_TIMEOUT: a helper reads, the
handler waits for it at most that long. Every POST pays for that hand-off, so it is
made of the interpreter's C-level parts only (a ``SimpleQueue`` of reads, one lock a
read to say it is done): ``concurrent.futures`` built a Future, a Condition and a work
item for each, and took a semaphore on both sides, some 20 µs of Python a request.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from queue import SimpleQueue
from typing import Any

_STEP = 64 * 1024
# What a read is doing, as the handler that waits for it sees it.
_QUEUED, _READING, _DONE, _CANCELLED = range(4)


def read_up_to(stream: Any, most: int) -> bytes:
    """Up to ``most`` bytes of ``stream`` (all of it, if shorter)."""
    parts: list[bytes] = []
    got = 0
    while got < most:
        part = stream.read(min(_STEP, most - got))
        if not part:
            break
        parts.append(part)
        got += len(part)
    return b"".join(parts)


class BodyRead:
    """One body being read by a helper: wait for it with :meth:`result`."""

    __slots__ = ("_after", "_done", "_error", "_lock", "_state", "body", "most", "stream")

    def __init__(self, stream: Any, most: int) -> None:
        self.stream = stream
        self.most = most
        self.body = b""
        self._error: BaseException | None = None
        self._state = _QUEUED
        self._lock = threading.Lock()  # guards _state and _after
        self._done = threading.Lock()  # held until the read ends
        self._done.acquire()
        self._after: Callable[[], None] | None = None

    def result(self, timeout: float) -> bytes | None:
        """The body, or None when it was not read within ``timeout`` seconds.

        :raises Exception: what the stream raised.
        """
        if not self._done.acquire(timeout=max(timeout, 0)):
            return None
        if self._error is not None:
            raise self._error
        return self.body

    def give_up(self, after: Callable[[], None]) -> None:
        """Stop waiting: a read not begun never begins; one under way (or just ended)
        calls ``after`` once it ends."""
        with self._lock:
            if self._state == _QUEUED:
                self._state = _CANCELLED
                return
            if self._state == _READING:
                self._after = after
                return
        after()

    def run(self) -> None:
        """Read (on a helper thread), unless the handler gave up first."""
        with self._lock:
            if self._state == _CANCELLED:
                return
            self._state = _READING
        try:
            self.body = read_up_to(self.stream, self.most)
        except BaseException as exc:  # handed to the waiting handler
            self._error = exc
        with self._lock:
            self._state = _DONE
            after = self._after
        self._done.release()
        if after is not None:
            after()


class BodyReaders:
    """Up to ``size`` helper threads, started when a read finds none free."""

    def __init__(self, size: int, name: str = "body-reader") -> None:
        self.size = size
        self.name = name
        self._reads: SimpleQueue[BodyRead] = SimpleQueue()
        self._lock = threading.Lock()
        self._threads = 0
        self._free = 0  # threads waiting for a read that none was promised to

    def read(self, stream: Any, most: int) -> BodyRead:
        """Start reading up to ``most`` bytes of ``stream``; the read waits for a free
        helper when all ``size`` are busy."""
        job = BodyRead(stream, most)
        with self._lock:
            if self._free:
                self._free -= 1
                start = False
            else:
                start = self._threads < self.size
                self._threads += start
        if start:
            try:
                threading.Thread(target=self._serve, name=self.name, daemon=True).start()
            except RuntimeError:  # no thread to be had: the request fails, not waits
                with self._lock:
                    self._threads -= 1
                raise
        self._reads.put(job)
        return job

    def _serve(self) -> None:
        while True:
            self._reads.get().run()
            with self._lock:
                self._free += 1
