"""The date of a document listed without one, taken from what introduced the list.

A list of signed documents gives each its title and leaves the day to the words that
open the list: the line before its items ("Vienna, 9 May 2024 - The two ministers
witnessed the signing of the following documents:") or a heading over them
("III. Documents signed in Lima on 2 June 2023"). A verbless title in such a list was
signed on that day.
"""

from __future__ import annotations

import re

from graph.dates import date_in
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
    for paragraph in reversed(sentence.clean.paragraphs):
        if paragraph.end > sentence.start:
            continue
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
