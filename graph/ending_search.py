"""Whether a pattern matches the text just before a place, without searching the text
from its start.

``re.search(r"\\s(?:of|for)\\s+$", text[:start])`` asks about the few characters before
``start``, but copies and searches everything before them: once per candidate in a
document, which made one 10 MB document's name candidates quadratic (2 s of its 11).
A pattern anchored at its end (``$``) can be asked of a window before ``start`` instead,
as long as no match could begin before the window: a match is mostly whitespace (which
a run can hold any amount of) around a few letters, so where the window holds more than
those letters, no match can span the whole of it.
"""

from __future__ import annotations

import re

WINDOW = 64  # characters searched back from the place, first


def ends_at(pattern: re.Pattern[str], text: str, end: int, letters: int) -> bool:
    """``pattern.search(text[:end])`` is not None, for a ``pattern`` anchored by ``$``
    whose matches hold at most ``letters`` characters that are not whitespace. Only
    ``WINDOW`` characters before ``end`` are searched, unless they hold no more than
    ``letters`` such characters (a match could then begin further back)."""
    start = max(0, end - WINDOW)
    window = text[start:end]
    if start > 0 and len(window) - sum(c.isspace() for c in window) <= letters:
        start = 0  # (mostly whitespace: a long run, searched whole as before)
    # (``endpos`` makes the text end at ``end`` for ``$``; a ``\b`` or look-behind at the
    # window's start still sees the text before it)
    return pattern.search(text, start, end) is not None
