"""Find one large document's name candidates in parts, in forked processes, exactly.

The name candidates (``graph.name_candidates``) are found paragraph by paragraph, and
the loop carries only a little from one paragraph to the next (``TableState``: the
header of the table being read, and whether a heading came since its last row); every
name it finds lies inside its own paragraph. A long document's paragraphs are cut into
parts of about equal text: this process reads the first, forked children the others,
each from a fresh state. A part is kept only if the parts before it left the state it
was read from (a part that began inside a table is read again here, from the state
really left); a list of names ("Ministry of Science, Technology ... and Innovation")
drops the names found before it that overlap its own, as the loop does in one pass
(``tests/test_candidates_in_parts.py`` compares both ways).

The whole-document steps after the loop (initials, designated crafts, regional bodies,
the last filter) run once, on the joined list, as before.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from graph.helper_pool import collection_waiting, forked_pool, may_fork
from graph.model import Document
from graph.name_forms import Candidate
from graph.normalise import CleanText
from graph.quiet_workers import interrupts_held

# below this many characters the fork and the candidates' way back cost more than the
# parts save (as graph/split_reading.py's threshold)
SPLIT_FROM_CHARS = 400_000
PARTS = 2


@dataclass(frozen=True)
class TableState:
    """What the paragraph loop carries to the next paragraph: the header of the table
    being read (its kinds and words) and whether a heading came since its last row."""

    columns: tuple[str, ...] | None = None
    labels: tuple[str, ...] = ()
    headed: bool = False


FRESH = TableState()


@dataclass(frozen=True)
class Part:
    """What the loop gives for a run of paragraphs: the candidates in order, the names
    of lists among them (which drop the names before them that overlap theirs) and the
    state it leaves."""

    found: list[Candidate]
    listed: list[Candidate]
    state: TableState


Near = Callable[[int, int], list[tuple[int, int]]]


class Loop(Protocol):
    def __call__(
        self,
        document: Document,
        clean: CleanText,
        near: Near,
        first: int,
        last: int,
        state: TableState,
    ) -> Part: ...


_shared: tuple[Loop, Document, CleanText, Near] | None = None  # what a forked child reads


def in_parts(
    loop: Loop, document: Document, clean: CleanText, near: Near, parts: int | None = None
) -> list[Candidate]:
    """The candidates ``loop`` finds in all the document's paragraphs, in order, as one
    pass from ``FRESH`` finds them; in up to ``parts`` processes (by default two for a
    document of ``SPLIT_FROM_CHARS`` or more, when this process ``may_fork``).

    :raises HelperLost: a child ended before its part was read (killed, out of memory).
    """
    if parts is None:
        large = len(clean.text) >= SPLIT_FROM_CHARS and may_fork()
        parts = PARTS if large else 1
    cuts = paragraph_cuts(clean, parts)
    if len(cuts) < 3:
        return loop(document, clean, near, 0, len(clean.paragraphs), FRESH).found
    global _shared
    _shared = (loop, document, clean, near)
    try:
        # (the collector waits meanwhile: the loop leaves no garbage in reference cycles,
        # and each full pass walked everything the build holds again)
        with (
            collection_waiting(),
            forked_pool(len(cuts) - 2, "finding a large document's names") as pool,
        ):
            with interrupts_held():  # the children are forked as the first part is given
                futures = [pool.submit(_part, a, b) for a, b in itertools.pairwise(cuts[1:])]
            done = [loop(document, clean, near, 0, cuts[1], FRESH)]
            for (a, b), future in zip(itertools.pairwise(cuts[1:]), futures, strict=True):
                part = future.result()
                if done[-1].state != FRESH:  # it began inside a table: read it again here
                    part = loop(document, clean, near, a, b, done[-1].state)
                done.append(part)
    finally:
        _shared = None
    return joined(done)


def joined(parts: list[Part]) -> list[Candidate]:
    """The parts' candidates in order, less those that a later part's list of names
    overlaps (as the one pass drops them)."""
    out: list[Candidate] = []
    for n, part in enumerate(parts):
        later = [m for after in parts[n + 1 :] for m in after.listed]
        out += [
            c for c in part.found if not any(m.start < c.end and c.start < m.end for m in later)
        ]
    return out


def paragraph_cuts(clean: CleanText, parts: int) -> list[int]:
    """Where the parts begin, and the end: ``[0, ..., len(paragraphs)]``, each the
    first paragraph past an equal share of the text that follows one that is not a
    heading (a heading leaves the loop's state other than fresh)."""
    paragraphs = clean.paragraphs
    total = len(clean.text)
    cuts = [0]
    at = 1
    for k in range(1, parts):
        share = total * k / parts
        while at < len(paragraphs) and (paragraphs[at].start < share or paragraphs[at - 1].heading):
            at += 1
        if at < len(paragraphs) and at > cuts[-1]:
            cuts.append(at)
    return [*cuts, len(paragraphs)]


def _part(first: int, last: int) -> Part:
    """In a forked child: the loop over paragraphs ``first:last`` from a fresh state."""
    assert _shared is not None, "a part read outside a forked child"
    loop, document, clean, near = _shared
    return loop(document, clean, near, first, last, FRESH)
