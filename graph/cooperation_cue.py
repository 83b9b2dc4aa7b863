"""Whether a sentence's prose, its names and agreement nouns blanked out, holds a
cooperation word (``has_cue``): what makes a sentence about cooperation at all.

Apart from ``graph.cooperation_roles`` so that the prose and the answers of a sentence
said again are made once (each of the large benchmark's sentences is said about eighty
times): they depend on its text and where its names lie in it alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.grammar import COOPERATION_CUE
from graph.reading import Sentence
from graph.word_gate import WordGated

_AGREEMENT_PHRASES = re.compile(
    r"\b(?:(?:space\s+)?cooperation\s+(?:agreements?|outlines?|intentions?|documents?|"
    r"mechanisms?)|(?:memorand(?:um|a)|letters?)\s+of\s+(?:understanding|intent)"
    r"(?:\s+on\s+space\s+cooperation)?"
    # what a signed document is about: "an agreement on cooperation in Earth observation"
    r"|(?<=\bsigned\s)(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,5}?(?:agreements?|memorand(?:um|a)"
    r"(?:\s+of\s+understanding)?|protocols?|accords?|letters?\s+of\s+intent|plans?)\s+"
    r"(?:on|for|concerning|regarding)\s+(?:the\s+)?(?:(?:space|bilateral|further|data)\s+)*"
    r"(?:cooperation|exchange|sharing|use|applications?))\b",
    re.IGNORECASE,
)
# (every match holds one of these: the third branch's look-behind holds "signed")
_AGREEMENT_PHRASE = WordGated(_AGREEMENT_PHRASES, ("cooperation", "memorand", "letter", "signed"))


def has_cue(sentence: Sentence, start: int = 0, end: int | None = None) -> bool:
    """A cooperation word in prose (between ``start`` and ``end``): not inside a name,
    not part of an agreement noun."""
    text = _prose(sentence)
    return _cue_between(text, start, len(text) if end is None else end)


# a sentence said again (a repeated paragraph: each of the large benchmark's sentences
# about eighty times) has the same prose and the same answers, which depend on its text
# and where its names lie in it alone: both are kept for the sentences met last
@lru_cache(maxsize=8192)
def _cue_between(text: str, start: int, end: int) -> bool:
    for m in COOPERATION_CUE.finditer(text, start, end):
        word = m.group(0)
        if word[:1].islower() or text[: m.start()].strip(" -") == "":
            return True
    return False


# the last sentence asked about, and its prose: the rules ask of each clause in turn
_LAST_PROSE: list[tuple[Sentence, str]] = []


def _prose(sentence: Sentence) -> str:
    """The sentence with its names and agreement nouns blanked out."""
    if not _LAST_PROSE or _LAST_PROSE[0][0] is not sentence:
        names = tuple((m.start - sentence.start, m.end - sentence.start) for m in sentence.mentions)
        _LAST_PROSE[:] = [(sentence, _blanked(sentence.text, names))]
    return _LAST_PROSE[0][1]


@lru_cache(maxsize=8192)
def _blanked(text: str, names: tuple[tuple[int, int], ...]) -> str:
    """``text`` with the ``names`` (offsets in it) and agreement nouns blanked out."""
    chars = list(text)
    for a, b in names:
        if 0 <= a <= b <= len(chars):  # (at once: a name is many characters)
            chars[a:b] = " " * (b - a)
        else:  # (one by one, as ever, should a mention lie outside its sentence)
            for i in range(a, b):
                chars[i] = " "
    return _AGREEMENT_PHRASE.sub(lambda m: " " * len(m.group(0)), "".join(chars))
