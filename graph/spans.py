"""Find the spans near a span without scanning them all.

Extraction asks, for every sentence, mention or candidate name, which of a document's
other spans it contains or overlaps. Scanning every span each time costs the square of a
document's length (a 4 MB document took minutes); ``SpanIndex`` files spans in buckets of
their start offset, so each question reads only the few buckets a span can reach and a
document's extraction stays linear in its length. The caller keeps its own exact test;
the index only narrows down which spans it is applied to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")

_BUCKET = 256  # characters per bucket: a sentence or two, so a question reads one or two


def _pair(item: object) -> tuple[int, int]:
    start, end = item  # type: ignore[misc]
    return start, end


class SpanIndex(Generic[T]):
    """Items with a ``(start, end)`` span, filed by where they start."""

    def __init__(
        self,
        items: Iterable[T] = (),
        span: Callable[[T], tuple[int, int]] = _pair,
    ) -> None:
        self._span = span
        self._buckets: dict[int, list[T]] = {}
        self._longest = 0
        for item in items:
            self.add(item)

    def add(self, item: T) -> None:
        start, end = self._span(item)
        self._buckets.setdefault(start // _BUCKET, []).append(item)
        self._longest = max(self._longest, end - start)

    def near(self, start: int, end: int) -> Iterator[T]:
        """Every item that may touch ``start:end`` (each that overlaps, contains, lies
        inside or meets it, and a few more), by bucket, in the order they were added
        within one. An item reaching ``start`` begins at most the longest span before it."""
        for bucket in range((start - self._longest) // _BUCKET, end // _BUCKET + 1):
            yield from self._buckets.get(bucket, ())

    def overlaps(self, start: int, end: int) -> bool:
        """Whether any item shares a character with ``start:end``."""
        return any(s < end and start < e for s, e in map(self._span, self.near(start, end)))
