"""The summaries counted by the build's process and a forked copy of it at once.

The summaries are counted on the build's critical path, on one core: about 2.2 CPU s of
an add-one build at 1,000 documents, while the dumps' worker waits for the build's lines
and the second core idles. The counts are queries on one scratch store, independent of
each other, so once the store is loaded a child forked from this process (reading the
store it holds, not a copy sent down a pipe) makes the per-area counts and the ranks in
saved lists (``graph.summary_counts``, ``graph.summary_ranks``: about half the queries'
time) and sends back their lines, while this process makes the other counts and the
partner passages. The lines are joined in the order one process gives them: the same
bytes. A cold build, whose process holds the corpus, forks nothing (its memory bar).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pyoxigraph as ox

from graph.helper_pool import forked_pool, may_fork
from graph.summary_counts import count_triples
from graph.summary_passages_kept import PassagesCache
from graph.summary_ranks import rank_triples
from graph.summary_scratch_kept import PickedCache
from graph.summary_spelling import _n3, line_of, summary_lines

_store: ox.Store | None = None  # what the child counts on

Kept = tuple[PassagesCache, Mapping[str, bytes], Mapping[str, bytes] | None]


def worth_it(graphs: Mapping[str, bytes] | None, picked: PickedCache | None) -> bool:
    """Whether to count in two processes: a build that follows a previous one (it took
    most graphs' counted triples from the previous build's) in a process that may fork."""
    if graphs is None or picked is None or not picked.read:
        return False
    return picked.picked * 2 < len(graphs) and may_fork()


def summary_lines_in_two(
    store: ox.Store, first: Callable[[ox.Store], list[ox.Triple]], kept: Kept | None
) -> bytes:
    """``summary_lines`` of ``first(store)`` followed by the area counts and the ranks of
    saved lists, which a forked child makes meanwhile, then the partner passages."""
    global _store
    _store = store
    try:
        with forked_pool(1, "counting the summaries") as pool:
            rest = pool.submit(_rest_lines)
            return summary_lines(first(store), passages_of=store, kept=kept, more=rest.result)
    finally:
        _store = None


def _rest_lines() -> list[str]:
    """In the child: the lines of the area counts and of the ranks in saved lists."""
    assert _store is not None, "summaries counted outside a build"
    return [line_of(t, _n3) for t in count_triples(_store) + rank_triples(_store)]
