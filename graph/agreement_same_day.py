"""The day "on the same day" means: the last day a signing was told on in the sentences
just before, whether or not this reader could name that signing's parties (a body whose
name it does not know still signed on that day). Used by ``graph.relations_agreement``."""

from __future__ import annotations

import re

from graph.agreement_nouns import AGREEMENT_NOUN
from graph.dates import date_in
from graph.model import Agreement
from graph.reading import Sentence

_SIGNING = re.compile(r"\b(?:signed|concluded|inked|initialled|exchanged)\b", re.IGNORECASE)
_LOOK_BACK = 4  # sentences (within a section) a day told of may still be meant


def signing_day(sentence: Sentence, found: list[Agreement]) -> str | None:
    """The day of the last signing this sentence tells of: its agreements' own, else the
    day of a clause that signs a document although no agreement was read from it."""
    dated = [a.signed_on for a in found if a.signed_on]
    if dated:
        return dated[-1]
    text = sentence.text
    if found or not _SIGNING.search(text) or not AGREEMENT_NOUN.search(text):
        return None
    day = date_in(text, sentence.doc.meta.issued, sentence.section_year)[0]
    return day if day and len(day) >= 7 else None  # a month or day, not a year of many


def day_before(sentence: Sentence) -> str | None:
    """The signing day the nearest sentence before (up to a heading) told of."""
    here = sentence.previous
    for _ in range(_LOOK_BACK):
        if here is None:
            return None
        day = here.notes.get("agreement_date")
        if isinstance(day, str):
            return day
        here = here.previous
    return None
