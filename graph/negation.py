"""Negation: a clause that says the partner did not, or a list item that says none.

"Has not cooperated", "never", "no longer", "no Emirati payload will fly", and fact-sheet
items such as "Saudi Arabia: none selected in this call" or "Armenia: talks ended without
an agreement" give no fact, nor do the lines of a record whose status says it was
withdrawn.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from graph.grammar import clause_of, clauses
from graph.reading import Sentence

_NEGATION = re.compile(
    r"\b(?:has|have|had|did|does|do|is|are|was|were|will|would|could|can)\s+(?:not|never)\b|"
    r"n't\b|\bnever\b|\bno\s+longer\b|\b(?:has|have|had)\s+no\b",
    re.IGNORECASE,
)
# a report said to be wrong: "wrongly reported that X had been launched by China" (what
# it reported, in whatever clause, did not happen)
WRONG_REPORT = re.compile(
    r"\b(?:wrongly|incorrectly|erroneously|falsely|mistakenly)\s+(?:reported|said|stated|"
    r"claimed|wrote|listed|described)\b",
    re.IGNORECASE,
)


_NOTHING = re.compile(
    r"^[^:\u2014\u2013]{1,60}(?::|\s[\u2014\u2013-]\s)\s*"
    r"(?:(?:has|have|had)\s+no\b|none|nothing|no\b|not\b)",
    re.I,
)


# a fact-sheet item that says, anywhere in it, that nothing came of it: "Armenia: talks on
# a camera ended without an agreement; no Armenian instrument will fly"
_ITEM_NONE = re.compile(
    r"\bno\s+(?:[\w-]+\s+){0,2}(?:will|would|is|are|was|were|has|have)\b"
    r"|\bwithout\s+(?:an?\s+)?(?:agreement|deal|contract|result)\b"
    r"|\b(?:cancelled|canceled|withdrawn|abandoned|dropped|called\s+off)\b",
    re.IGNORECASE,
)


# a sentence that says China took no part: "... have no Chinese involvement", "China had
# no part in that project"
_CHINA_NOT_INVOLVED = re.compile(
    r"\b(?:no|without(?:\s+any)?)\s+(?:Chinese|China's|China\u2019s)\s+"
    r"(?:involvement|participation|part|role|contribution)\b"
    r"|\bChina\s+(?:had|has|played|took)\s+no\s+(?:part|role|share)\b"
    r"|\bChina\s+(?:was|is)\s+not\s+(?:involved|a\s+partner)\b"
    # "No Chinese entity was involved"
    r"|\b[Nn]o\s+(?:Chinese|China's)\s+(?:entity|entities|body|bodies|institution|company|"
    r"companies|agency|partner|organi[sz]ation)s?\s+(?:was|were|is|are|has\s+been)\s+involved\b"
    # "it is not a Chinese project", "it was not part of the cooperation with Beijing"
    r"|\bnot\s+an?\s+(?:Chinese|China's|China\u2019s)\s+(?:project|mission|programme|program|"
    r"satellite|effort|undertaking)\b"
    r"|\bnot\s+part\s+of\s+(?:the|any|our|their|its)\s+(?:space\s+)?cooperation\s+with\s+"
    r"(?:China|Beijing)\b",
)


def negated(sentence: Sentence, pos: int) -> bool:
    """A negation between the start of the clause and ``pos`` ("has not cooperated"), or
    a list item that says there is none ("Saudi Arabia: none selected in this call")."""
    if _NOTHING.match(sentence.text.lstrip("-\u2022* ")) or sentence.notes.get("withdrawn"):
        return True
    if sentence.lead_in is not None and _ITEM_NONE.search(sentence.text):
        return True
    if _CHINA_NOT_INVOLVED.search(sentence.text):
        return True
    a, _b = clause_of(clauses(sentence.text), pos)
    before = sentence.text[a:pos]
    # "no Emirati payload will fly": a determiner "no" right before the partner
    denial = _NEGATION.search(before)
    if denial is not None and _NOT_ALONE.match(before, denial.end()):
        denial = _NEGATION.search(before, _NOT_ALONE.match(before, denial.end()).end())
    return bool(denial or re.search(r"\b[Nn]o\s+$", before))


def verb_denied(sentence: Sentence, verb: Token) -> bool:
    """The parse negates the verb ("has not provided"), the sentence reports it as wrong
    before it ("denied that it exported"), or it says what would have been done: nothing
    it says took place."""
    return (
        any(c.dep_ == "neg" for c in verb.children)
        or verb_unreal(verb)
        or bool(WRONG_REPORT.search(sentence.text, 0, verb.idx))
    )


_UNREAL_MODALS = frozenset({"would", "could", "might", "should", "'d"})


def verb_unreal(verb: Token) -> bool:
    """Whether the verb says what would (or could, might, should) have been done: a modal
    with the perfect's "have" tells what did not happen ("would have trained")."""
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return "have" in auxiliaries and bool(auxiliaries & _UNREAL_MODALS)


# "it does not fly alone: ESA provided ...", "not only ... but also": a negation that
# says there is more, not that there is none
_NOT_ALONE = re.compile(r"\s*(?:\w+\s+){0,2}?(?:alone|only|just|merely|solely)\b", re.IGNORECASE)
