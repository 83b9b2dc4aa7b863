"""The date of a document listed without one, taken from what introduced the list.

A list of signed documents gives each its title and leaves the day to the words that
open the list: the line before its items ("Vienna, 9 May 2024 - The two ministers
witnessed the signing of the following documents:") or a heading over them
("III. Documents signed in Lima on 2 June 2023"). A verbless title in such a list was
signed on that day.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Iterator

from graph.dates import date_in
from graph.normalise import Paragraph
from graph.reading import Sentence

# a list's item: "1. ", "(2) ", "c) ", "- ", "* "
_ITEM = re.compile(r"^(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|[-\u2022*])\s+")
_SIGNING = re.compile(r"\b(?:sign(?:ed|ing)|concluded|exchanged|inked)\b", re.IGNORECASE)
_HEADINGS_BACK = 8  # the headings (of its groups: "China and Peru") over a list's item


def list_date(sentence: Sentence) -> str | None:
    """The day the line or heading that introduced the sentence's list says its
    documents were signed: back over the list's items and the headings that part its
    groups ("China and Peru"), to the first line that is neither; None when that line
    (or a heading on the way) says no signing."""
    issued = sentence.doc.meta.issued or ""
    headings = 0
    for paragraph in _ended_before(sentence):
        text = sentence.clean.text[paragraph.start : paragraph.end].strip()
        if _ITEM.match(text):
            continue  # an earlier item of the same list
        signing = _SIGNING.search(text) is not None
        if paragraph.heading and not signing:
            headings += 1
            if headings >= _HEADINGS_BACK:
                return None
            continue
        # the lead-in ("... the following documents:"), or a heading of the list
        leads = paragraph.heading or text.endswith(":") or not text.endswith((".", "!", "?"))
        return date_in(text, issued)[0] if signing and leads else None
    return None


# the paragraphs last asked about, and where each ends (None: not in order)
_LAST: list[tuple[tuple[Paragraph, ...], list[int] | None]] = []


def _ended_before(sentence: Sentence) -> Iterator[Paragraph]:
    """The paragraphs of the sentence's text that end by its start, the last first:
    found by bisection, where walking back from the text's end over every paragraph
    made each call cost the length of the document (20 ms at 10 MB)."""
    paragraphs = sentence.clean.paragraphs
    if not _LAST or _LAST[0][0] is not paragraphs:
        ends = [p.end for p in paragraphs]
        ordered = all(a <= b for a, b in itertools.pairwise(ends))
        _LAST[:] = [(paragraphs, ends if ordered else None)]
    ends = _LAST[0][1]
    if ends is None:
        return (p for p in reversed(paragraphs) if p.end <= sentence.start)
    return (paragraphs[i] for i in range(bisect_right(ends, sentence.start) - 1, -1, -1))
