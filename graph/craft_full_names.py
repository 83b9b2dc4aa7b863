"""A craft's full name set beside its short one: "X, the China-Peru Climate
Satellite, was launched". The full name can say whom the craft is with where the short
name does not (``spacecraft_partners.named_for``)."""

from __future__ import annotations

import re

from graph.model import EntityKind
from graph.reading import Sentence
from graph.recognise import Found

# between a craft's short name and its full name in apposition: ", the (second) "
_APPOSED = re.compile(r"\s*,\s*(?:the\s+|an?\s+)?(?:(?:first|second|third|fourth|new)\s+)?")


def apposed_name(sentence: Sentence, mention: Found) -> Found | None:
    """The spacecraft name set in apposition right after ``mention``."""
    lead = _APPOSED.match(sentence.text, mention.end - sentence.start)
    if lead is None or "," not in lead.group(0):
        return None
    return next(
        (
            n
            for n in sentence.mentions
            if not n.nested
            and n.kind is EntityKind.SPACECRAFT
            and n.start - sentence.start == lead.end()
        ),
        None,
    )
