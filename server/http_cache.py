"""A bounded in-memory cache of serialized answers, and the HTTP validators around it.

The graph only changes with a new build, so an answer is a pure function of (build,
query, dataset, bindings, format, row limit): the key holds all of them and no entry
ever needs invalidating; a new build simply stops hitting the old entries, which age
out of the LRU. The same reasoning gives the ETag: the build id plus what varies per
representation.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass


@dataclass(frozen=True)
class CachedAnswer:
    body: bytes
    rows: int | None
    truncated: bool


class ResultCache:
    """LRU by total body bytes; thread-safe; a ``max_bytes`` of 0 keeps nothing."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Hashable, CachedAnswer] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> CachedAnswer | None:
        with self._lock:
            answer = self._entries.get(key)
            if answer is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return answer

    def put(self, key: Hashable, answer: CachedAnswer) -> None:
        size = len(answer.body)
        # One answer may take at most a quarter of the cache, so a few big results
        # cannot flush all the small common ones.
        if size * 4 > self.max_bytes:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old.body)
            self._entries[key] = answer
            self._bytes += size
            while self._bytes > self.max_bytes:
                _, evicted = self._entries.popitem(last=False)
                self._bytes -= len(evicted.body)

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def size_bytes(self) -> int:
        return self._bytes


def etag_for(build_id: str, *parts: object) -> str:
    """A weak validator: the same bytes modulo compression for an unchanged build."""
    suffix = "-".join(str(p) for p in parts)
    return f'W/"{build_id}-{suffix}"' if suffix else f'W/"{build_id}"'


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """Weak comparison (RFC 9110 13.1.2), as If-None-Match requires."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    opaque = etag.removeprefix("W/")
    for candidate in if_none_match.split(","):
        if candidate.strip().removeprefix("W/") == opaque:
            return True
    return False
