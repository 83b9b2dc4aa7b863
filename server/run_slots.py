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

A query whose last run answered within ``quick`` seconds waits for a slot of a second
lane, as many as the first, kept for such queries: it never waits behind a query of
seconds, only behind other quick ones. The lane does not save waiting (a millisecond
query waits a millisecond); it keeps a web worker's quick queries in the process that
ran the last one. Each process costs more the longer since it last ran (its heap and the
store's blocks out of the core's caches): the real graph's mix, sent one query after
another through 1, 4 and 8 processes in turn, cost 1.29, 1.46 and 1.74 ms of a query
process's CPU a query. With no slot for quick queries (as before), a web worker's four
threads kept four processes in turn; with the lane, one, and the whole server spent
1.81 against 1.94 ms of CPU a request, fewer in each of five rounds in turn
(``benchmarks/endpoint_pairs.py``). A query not seen before, or last slower, waits for
the first lane.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Hashable

_REMEMBERED = 1024  # queries whose last run time is kept


class RunSlots:
    """Up to ``limit`` queries at once that began under ``young`` seconds ago (no limit
    when ``limit`` is 0). Safe to share between threads."""

    def __init__(
        self, limit: int, young: float = 1.0, quick: float = 0.02, *, lane: bool = True
    ) -> None:
        self.limit = limit
        self.young = young
        self.quick = quick
        self._changed = threading.Condition()
        self._started: dict[object, float] = {}
        self._last: OrderedDict[Hashable, float] = OrderedDict()  # seconds of its last run
        # the quick queries' own slots (none without a limit: nothing waits then)
        self._quick_lane = RunSlots(limit, young, lane=False) if lane and limit > 0 else None

    def lane(self, key: Hashable) -> RunSlots:
        """The slots ``key``'s query waits for: the quick queries' lane when it last
        answered within ``quick`` seconds, else these."""
        if self._quick_lane is not None and self.is_quick(key):
            return self._quick_lane
        return self

    def is_quick(self, key: Hashable) -> bool:
        """Whether ``key``'s query last answered within ``quick`` seconds."""
        with self._changed:
            last = self._last.get(key)
        return last is not None and last < self.quick

    def note(self, key: Hashable, seconds: float) -> None:
        """How long ``key``'s query took this time (kept for the last _REMEMBERED)."""
        if self.limit <= 0:
            return
        with self._changed:
            self._last[key] = seconds
            self._last.move_to_end(key)
            while len(self._last) > _REMEMBERED:
                self._last.popitem(last=False)

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
