"""A fact-check's claims: what a "Claim:" line says is not stated as fact when the
verdict after it rules it false or misleading, so the reader takes nothing from it (the
checked account after the verdict is read as any text is)."""

from __future__ import annotations

import re

from graph.reading import Sentence

# "Claim: ...", "CLAIM 2: ...", "Viral claim: ..."
_CLAIM = re.compile(r"^\W*(?:(?:viral|the)\s+)?claims?(?:\s+\d{1,2})?\s*:", re.IGNORECASE)
# the verdict that follows it, on a line of its own
_REFUTED = re.compile(
    r"(?im)^\W*(?:verdict|rating|our\s+ruling|ruling|conclusion)\s*:\s*"
    r"(?:mostly\s+|half\s+|partly\s+)?(?:false|misleading|fake|wrong|incorrect|unproven|"
    r"unsupported|fabricated|inaccurate|not\s+true|untrue|baseless)\b"
)
_NEXT_CLAIM = re.compile(r"(?im)^\W*(?:(?:viral|the)\s+)?claims?(?:\s+\d{1,2})?\s*:")
_REACH = 600  # characters after the claim where its verdict stands


def refuted_claim(sentence: Sentence) -> bool:
    """Whether the sentence is a claim a fact-check's verdict after it rules false."""
    if not _CLAIM.match(sentence.text):
        return False
    text = sentence.clean.text
    window = text[sentence.end : sentence.end + _REACH]
    following = _NEXT_CLAIM.search(window)
    if following is not None:
        window = window[: following.start()]
    return _REFUTED.search(window) is not None
