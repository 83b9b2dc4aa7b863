"""Find the curated names in one large text in parts, in forked processes, exactly.

Finding every mention of a curated name (``Recogniser.mentions``) is a scan of the whole
text by the gazetteer's patterns, made in one process before the work is shared: about
1.1 s for 10 MB with the curated names and 1.9 s with the discovered ones, twice in a
large document's build (its name candidates, then its reading). A name's pattern joins
its words by at most one space or hyphen, and none of its words holds a space, so no
mention holds two spaces in a row: none crosses a paragraph break ("\\n\\n"). The text is
cut between the two line ends of such a break; each side of the cut sees a line end there
both in its part and in the whole text, so the patterns' look-behind and look-ahead
("not inside a word") answer alike, and every later step (nested names, overlaps, a
"<country>Sat" craft) compares only mentions that overlap, which lie in one part. So
the mentions of the whole text are those of its parts, each set back to its place
(``tests/test_mentions_in_parts.py`` compares both ways). A forked child finds a later
part's while this process finds the first's.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from graph.helper_pool import forked_pool, may_fork
from graph.quiet_workers import interrupts_held

if TYPE_CHECKING:
    from graph.recognise import Found

# below this many characters the fork and the mentions' way back cost more than the
# parts save (as graph/split_reading.py's threshold)
SPLIT_FROM_CHARS = 400_000
PARTS = 2
_BREAK = "\n\n"

Find = Callable[[str], "list[Found]"]

_shared: tuple[Find, str] | None = None  # what a forked child reads


def mentions(find: Find, text: str, parts: int | None = None) -> list[Found]:
    """``find(text)``, the text cut at paragraph breaks into up to ``parts`` pieces found
    in as many processes (by default two for a text of ``SPLIT_FROM_CHARS`` or more, when
    this process ``may_fork``).

    :raises HelperLost: a child ended before its part was found (killed, out of memory).
    """
    if parts is None:
        parts = PARTS if len(text) >= SPLIT_FROM_CHARS and may_fork() else 1
    cuts = break_cuts(text, parts)
    if len(cuts) < 3:
        return find(text)
    global _shared
    _shared = (find, text)
    try:
        with forked_pool(len(cuts) - 2, "finding a large document's names") as pool:
            with interrupts_held():  # the children are forked as the first part is given
                futures = [pool.submit(_part, a, b) for a, b in itertools.pairwise(cuts[1:])]
            found = find(text[: cuts[1]])
            for future in futures:
                found += future.result()
    finally:
        _shared = None
    return found


def break_cuts(text: str, parts: int) -> list[int]:
    """Where the pieces begin, and the end: ``[0, ..., len(text)]``, each between the two
    line ends of the paragraph break nearest past an equal share of the text."""
    cuts = [0]
    for k in range(1, parts):
        at = text.find(_BREAK, max(len(text) * k // parts, cuts[-1]))
        if at < 0:
            break
        cuts.append(at + 1)
    return [*cuts, len(text)]


def _part(start: int, end: int) -> list[Found]:
    """In a forked child: the mentions of ``text[start:end]``, set back to their place."""
    assert _shared is not None, "a part found outside a forked child"
    find, text = _shared
    return [replace(f, start=f.start + start, end=f.end + start) for f in find(text[start:end])]
