"""A case-blind pattern tried only on text that holds a word every one of its matches holds.

Python's ``re`` cannot skip ahead in a pattern compiled with ``re.IGNORECASE``: at every
word of a sentence it enters each branch of the alternation to try it, so a long list of
words (the agreement nouns, the words pointing back) costs tens of microseconds a
sentence, and most sentences hold none of them. Every match holds one of a few words
(``"agreement"``, ``"memorand"``, ...), and a plain alternation of those, without
``re.IGNORECASE``, is found by the engine's fast scan of the text's lower case. Where it
finds none in the text searched, the pattern cannot match there either, and is not tried.

The test is exact for ASCII text, whose lower case matches a case-blind letter exactly
where the text does. Outside ASCII a few letters fold into ASCII ones (the long s, the
dotted and dotless i, the Kelvin sign) and ``str.lower`` may change the text's length, so
such a text is always given to the pattern itself. What words a pattern's matches hold
is written beside it; ``tests/test_word_gate.py`` checks each against every sentence of
the corpus and the held-out sets.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator


class WordGated:
    """``pattern``'s ``search``, ``match``, ``finditer`` and ``findall``, skipped on a
    text whose lower case holds none of ``words`` between ``pos`` and ``endpos`` and
    opens with none of ``openings`` (for a branch anchored at the text's start, whose
    word would be found too often inside others: "its" in "orbits"). ``pattern`` may be
    gated itself: the text must then hold a word of each list. A word is a
    regular expression of the lower case ("accords?\\b": not "according"), best one
    that opens with a letter, so that the engine's scan finds it fast."""

    def __init__(
        self,
        pattern: re.Pattern[str] | WordGated,
        words: Iterable[str],
        openings: Iterable[str] = (),
    ) -> None:
        self.pattern = pattern
        self.words = tuple(words)
        self.openings = tuple(openings)
        every = self.words + self.openings
        assert every and all(w == w.lower() and w.isascii() for w in every), every
        # (no words: only the openings can let a text through)
        self._gate = re.compile("|".join(self.words) or r"(?!)")
        self._opening_chars = max((len(w) for w in self.openings), default=0)

    def may_match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """Whether ``pattern`` can match inside ``text[pos:endpos]`` (False only when it
        cannot)."""
        part = text[pos:endpos]  # (the whole text itself where that is all of it)
        if not part.isascii():
            return True
        if self._gate.search(part.lower()) is not None:
            return True
        if not self.openings:
            return False
        opening = text[: self._opening_chars]
        return not opening.isascii() or opening.lower().startswith(self.openings)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if not self.may_match(text, pos, endpos):
            return None
        return self.pattern.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if not self.may_match(text, pos, endpos):
            return None
        return self.pattern.match(text, pos, endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        if not self.may_match(text, pos, endpos):
            return iter(())
        return self.pattern.finditer(text, pos, endpos)

    def findall(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[object]:
        if not self.may_match(text, pos, endpos):
            return []
        return self.pattern.findall(text, pos, endpos)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str) -> str:
        if not self.may_match(text):
            return text
        return self.pattern.sub(repl, text)
