"""The year "that year" stands for in a signing: "Her life changed in 1988. On 6 July of
that year the two countries signed ..." is dated 1988-07-06, not in the year the report
was written. The year is the last one the sentence names before the phrase, else the
last one named by the nearest sentence before (a few back, up to a heading) that names
any. Used by ``graph.relations_agreement``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from graph.reading import Sentence

_THAT_YEAR = re.compile(r"\b(?:that|the\s+same|that\s+same)\s+year\b", re.IGNORECASE)
_A_YEAR = re.compile(r"(?<![\d./-])(?:19|20)\d\d(?![\d./-]\d)")
_LOOK_BACK = 3  # sentences before the one that says "that year"


def year_meant(sentence: Sentence) -> int | None:
    """The year the sentence's "that year" or "the same year" refers to, if it says so
    and a year was named before it."""
    phrase = _THAT_YEAR.search(sentence.text)
    if phrase is None:
        return None
    years = _A_YEAR.findall(sentence.text, 0, phrase.start())
    here = sentence.previous
    for _ in range(_LOOK_BACK):
        if years or here is None:
            break
        years = _A_YEAR.findall(here.text)
        here = here.previous
    return int(years[-1]) if years else None
