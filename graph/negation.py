"""Negation: a clause that says the partner did not, or a list item that says none.

"Has not cooperated", "never", "no longer", "no Emirati payload will fly", and fact-sheet
items such as "Saudi Arabia: none selected in this call" give no fact, nor do the lines of
a record whose status says it was withdrawn.
"""

from __future__ import annotations

import re

from graph.grammar import clause_of, clauses
from graph.reading import Sentence

_NEGATION = re.compile(
    r"\b(?:has|have|had|did|does|do|is|are|was|were|will|would|could|can)\s+(?:not|never)\b|"
    r"n't\b|\bnever\b|\bno\s+longer\b|\b(?:has|have|had)\s+no\b",
    re.IGNORECASE,
)


_NOTHING = re.compile(
    r"^[^:\u2014\u2013]{1,60}(?::|\s[\u2014\u2013-]\s)\s*"
    r"(?:(?:has|have|had)\s+no\b|none|nothing|no\b|not\b)",
    re.I,
)


def negated(sentence: Sentence, pos: int) -> bool:
    """A negation between the start of the clause and ``pos`` ("has not cooperated"), or
    a list item that says there is none ("Saudi Arabia: none selected in this call")."""
    if _NOTHING.match(sentence.text.lstrip("-\u2022* ")) or sentence.notes.get("withdrawn"):
        return True
    a, _b = clause_of(clauses(sentence.text), pos)
    before = sentence.text[a:pos]
    # "no Emirati payload will fly": a determiner "no" right before the partner
    return bool(_NEGATION.search(before) or re.search(r"\b[Nn]o\s+$", before))
