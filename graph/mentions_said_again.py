"""The curated names of a paragraph said again in a long text found once.

No mention crosses a paragraph break, and a text cut between the two line ends of a
break finds, on each side, the mentions the whole text finds there
(``graph.mentions_in_parts`` gives the reasons: a name's words are joined by at most
one space or hyphen, and the patterns' look-behind and look-ahead see the same line end
in a piece as in the whole). So a text cut at every break finds its mentions piece by
piece, and a piece said again (a long report's repeated paragraphs; the benchmark's
10 MB document says its sources eighty times) gives the mentions it gave before, moved
to where it is said again. A text that repeats little is scanned whole, as before: one
scan costs less than a call per paragraph.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from graph.recognise import Found

Find = Callable[[str], "list[Found]"]

# between the two line ends of a paragraph break
_CUT = re.compile(r"\n(?=\n)")
# scanned piece by piece only when its distinct pieces are at most this share of it
MOST_DISTINCT = 0.5


def mentions(find: Find, text: str) -> list[Found]:
    """``find(text)``, with each distinct piece between paragraph breaks found once when
    the text says its pieces again (``MOST_DISTINCT``)."""
    cuts = [0, *(m.end() for m in _CUT.finditer(text)), len(text)]
    pieces: dict[str, list[Found] | None] = {}
    for a, b in itertools.pairwise(cuts):
        pieces.setdefault(text[a:b], None)
    if sum(map(len, pieces)) > MOST_DISTINCT * len(text):
        return find(text)
    found: list[Found] = []
    for a, b in itertools.pairwise(cuts):
        piece = text[a:b]
        own = pieces[piece]
        if own is None:
            own = pieces[piece] = find(piece)
        found += [replace(f, start=f.start + a, end=f.end + a) for f in own] if a else own
    return found
