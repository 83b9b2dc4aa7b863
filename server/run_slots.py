"""At most a few queries evaluating at once in a web worker's query processes, counting
only those that began recently.

Each query process has caches of its own (the store's blocks, the allocator's heap): the
native server's threads share theirs. With eight processes evaluating at once on two
cores, the 100x graph's mix cost 162 ms of CPU a request against the native server's
111; with one process evaluating at a time in each of the two web workers, 136 against
114 (the same processes, run one after the other). The cores do no more work for more
queries at once, so a query waits for a slot rather than share a core.

A query that has run ``young`` seconds no longer holds its slot, so a runaway (ended at
QUERY_TIMEOUT) delays the others by at most that long, and never stops them: the
processes themselves stay as many as before, each killable on its own.
"""

from __future__ import annotations

import threading
import time


class RunSlots:
    """Up to ``limit`` queries at once that began under ``young`` seconds ago (no limit
    when ``limit`` is 0). Safe to share between threads."""

    def __init__(self, limit: int, young: float = 1.0) -> None:
        self.limit = limit
        self.young = young
        self._changed = threading.Condition()
        self._started: dict[object, float] = {}

    def enter(self, deadline: float) -> object:
        """Wait for a slot (until ``deadline``, a ``time.monotonic`` time, at the latest:
        then the query goes ahead anyway); a token for :meth:`leave`."""
        token = object()
        with self._changed:
            while self.limit > 0:
                now = time.monotonic()
                young = [t for t in self._started.values() if now - t < self.young]
                if len(young) < self.limit or now >= deadline:
                    break
                # until the oldest of them ages out, or one leaves
                self._changed.wait(min(self.young - (now - min(young)), deadline - now))
            self._started[token] = time.monotonic()
        return token

    def leave(self, token: object) -> None:
        with self._changed:
            self._started.pop(token, None)
            self._changed.notify()
