"""List lines whose partners come after the thing they gave: "Dust counter — University of
Tartu (Estonia)", "Filter set: Chile", under a lead-in that names the mission ("Tianwen-3:
foreign instruments"). The line's value side holds nothing but names, so every body it
names is an item of the lead-in's list, as in the other order ("Sweden: neutral atom
analyser"). Used by ``graph.partner_lists``."""

from __future__ import annotations

import re

from graph.cooperation_words import names_instrument
from graph.reading import Sentence

# "• label — value", "- label: value", "3. label – value"
_LINE = re.compile(
    r"^(?:[-\u2022\u00b7*]\s*|\(?\d{1,2}[.)]\s*)?(?P<label>[^:\u2013\u2014]{2,80}?)"
    r"\s*(?::|\s[-\u2013\u2014]\s|\u2014|\u2013|\.{2,}|\u2026+)\s*(?=\S)"
)
# a label that says who gave the item: "- Institution: X", "Provided by: Y", "Partner: Z"
_GIVER = re.compile(
    r"(?i)(?:lead\s+|partner\s+|contributing\s+|PI\s+)?(?:institutions?|partners?|"
    r"providers?|contributors?|countr(?:y|ies)|agenc(?:y|ies)|(?:provided|supplied|built|"
    r"developed|contributed)\s+by)"
)
# a lead-in about what partners gave: "partner payloads", "foreign instruments"
_GIVEN = re.compile(
    r"\b(?:payloads?|instruments?|experiments?|contributions?|contributors?|partners?)\b",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^(?:[-\u2022\u00b7*]|\(?\d{1,2}[.)])\s*")
# a lead-in that lists who takes part: "ILRS partner states", "Members of the ILRS"
_MEMBERS = re.compile(
    r"\b(?:partners?|members?|signator(?:y|ies)|participants?|parties)\b", re.IGNORECASE
)
# what may stand between the names of a value: brackets, commas, "with", "and"
# (and an acronym in brackets the text never spells out: "France (IPGP)")
_GLUE = re.compile(r"[\s,;/&()]*(?:(?:\b(?:with|and|the|of)\b|\([A-Z][A-Za-z]{1,9}\))[\s,;/&()]*)*")


def value_start(sentence: Sentence) -> int | None:
    """Where the value side of an item line starts, if the line is one whose value is
    only names (the bodies and countries that gave what its label names)."""
    if sentence.lead_in is None or sentence.is_heading:
        return None
    text = sentence.text
    bare = _BULLET.match(text)
    if bare and _MEMBERS.search(sentence.lead_in.text) and _only_names(sentence, bare.end()):
        return bare.end()  # "ILRS partner states" / "- Peru, Chile and Uruguay"
    m = _LINE.match(text)
    if m is None or not (
        names_instrument(m.group("label").lower())
        or _GIVEN.search(sentence.lead_in.text)
        or _GIVER.fullmatch(m.group("label").strip(" ."))
    ):
        return None  # "Operators: CAST; INPE, Brazil": a record's field, not a gift
    return m.end() if _only_names(sentence, m.end()) else None


def _only_names(sentence: Sentence, start: int) -> bool:
    """Whether the line from ``start`` on holds nothing but names and their glue."""
    text = sentence.text
    names = sorted(
        (f.start - sentence.start, f.end - sentence.start)
        for f in sentence.mentions
        if not f.nested and f.start - sentence.start >= start
    )
    if not names:
        return False
    at = start
    for a, b in names:
        if not _GLUE.fullmatch(text[at:a]):
            return False
        at = b
    return _GLUE.fullmatch(text[at:].rstrip(".")) is not None
