"""A paragraph said again in a document is searched for names once.

The names a paragraph's prose introduces (``graph.name_candidates``) depend on its text
and on where curated names lie inside it, nothing else: each rule returns its names at
the paragraph's offset plus their place in the text. A long report repeats paragraphs
(a boilerplate notice, a chapter quoted again); the benchmark's 10 MB document is its
sources said eighty times over. So the names of a paragraph are found at offset 0 once
per distinct (text, curated spans inside it) and moved to each offset they occur at:
the same candidates, in the same order, as searching the paragraph again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from graph.name_forms import Candidate

Spans = tuple[tuple[int, int], ...]
Groups = tuple[list[Candidate], ...]


class SaidAgain:
    """``find(chunk, inner)`` (a paragraph's groups of names at offset 0, ``inner``: the
    curated spans in it, relative to its start) called once per distinct argument pair;
    ``at`` gives the groups moved to a paragraph's offset."""

    def __init__(self, find: Callable[[str, Spans], Groups]) -> None:
        self._find = find
        self._seen: dict[tuple[str, Spans], Groups] = {}

    def at(self, chunk: str, inner: Spans, offset: int) -> Groups:
        key = (chunk, inner)
        found = self._seen.get(key)
        if found is None:
            found = self._seen[key] = self._find(chunk, inner)
        return tuple(moved(group, offset) for group in found)


def moved(found: list[Candidate], offset: int) -> list[Candidate]:
    """``found`` (a new list) with each candidate ``offset`` characters further on."""
    if not offset:
        return list(found)
    return [replace(c, start=c.start + offset, end=c.end + offset) for c in found]
