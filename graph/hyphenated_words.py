"""Whether a word cut at a line's end keeps its hyphen when the lines are joined again:
the document's own usage decides ("space-borne" written whole elsewhere, or "co-operate"
with its hyphen), then the prefixes that take one. Used by ``graph.normalise``."""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[A-Za-z]+")
_HYPHEN_PREFIXES = frozenset({"co", "sub", "self", "non", "multi", "cross", "anti", "semi", "ex"})


@dataclass(frozen=True)
class Vocabulary:
    """The words and hyphenated compounds a document uses elsewhere."""

    words: frozenset[str]
    compounds: frozenset[str]

    @classmethod
    def of(cls, raw: str) -> Vocabulary:
        low = raw.lower()
        return cls(
            frozenset(re.findall(r"[a-z]+", low)),
            frozenset(re.findall(r"[a-z]+-[a-z]+", low)),
        )


def keep_hyphen(left: str, right: str, vocabulary: Vocabulary) -> bool:
    """Whether a word cut as ``left-`` / ``right`` keeps its hyphen when re-joined: the
    document's own usage decides, then a list of prefixes that take a hyphen."""
    lw = (_WORD.findall(left) or [""])[-1].lower()
    match = _WORD.match(right)
    rw = match.group(0).lower() if match else ""
    if not lw or not rw:
        return True
    if lw + rw in vocabulary.words:
        return False
    if f"{lw}-{rw}" in vocabulary.compounds:
        return True
    return lw in _HYPHEN_PREFIXES
