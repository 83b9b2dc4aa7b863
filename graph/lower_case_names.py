"""Official names written in their own language's casing, with only the first word
capitalised: "the Centre national d'études spatiales (CNES)", "the Agenzia spaziale
italiana (ASI)". The capitalised run before the brackets misses such a name; the acronym
in the brackets says where it starts, when it spells every word's initial."""

from __future__ import annotations

import itertools
import re
import unicodedata

from graph.name_words import CONNECTORS, ELISION, LEADING_HEADS

_WORDS = re.compile(r"[\w'\u2019]+")
# small words such names leave out of their acronyms beyond the shared connectors
_SKIPPED = CONNECTORS | {"en", "em", "für", "zur", "zum"}


def _initial(word: str) -> str:
    return unicodedata.normalize("NFKD", word[0])[0].upper()


def spelt_before(text: str, end: int, acronym: str) -> tuple[int, int] | None:
    """The span of the name that ends at ``end`` and that ``acronym`` spells: it opens
    with a capitalised body word ("Centre", "Agenzia", "Institut") and every other word
    but the small ones gives the acronym its next letter, in order; None when no run of
    up to ten words does."""
    letters = "".join(c for c in acronym if c.isalpha())
    if not letters.isupper() or len(letters) < 2:
        return None
    window = max(0, end - 160)
    words = list(_WORDS.finditer(text, window, end))
    if not words or text[words[-1].end() : end].strip():
        return None
    for k in range(2, min(10, len(words)) + 1):
        run = words[-k:]
        if any(text[a.end() : b.start()] != " " for a, b in itertools.pairwise(run)):
            return None  # a comma or a line's end: the name does not go on before it
        first = run[0].group(0)
        if not first[:1].isupper() or first.lower() not in LEADING_HEADS:
            continue
        spelt = [ELISION.sub("", w.group(0)) for w in run]
        initials = "".join(_initial(w) for w in spelt if w.lower() not in _SKIPPED)
        if initials == letters:
            return run[0].start(), run[-1].end()
    return None
