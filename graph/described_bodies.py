"""A body named after a description of something it has ("the Research and Innovation
Infrastructure of the National Space Agency", "the Neutral Atom Analyser of the Swedish
Institute of Space Physics"): the capitalised run is one phrase, but only the part after
"of" is a body's name. A run whose words before "of" end in a body's own head word
("Space Research Institute of the Russian Academy of Sciences") is one name.

Read only before an acronym in brackets (``graph.bracketed_acronyms``), which says a
body is named there: read in every run of capitalised words it also cut descriptions
that are parts of a name."""

from __future__ import annotations

import re

from graph.name_forms import ORG, head_kind
from graph.name_words import HEAD_WORDS, LEADING_HEADS

_OF = re.compile(r"\s+of\s+(?:the\s+)?(?=[A-Z])")


def described_body(name: str) -> int:
    """Where the body's name starts in ``name``: after the first "of" when the words
    before it name no body and the words after it are a body's name of two words or
    more; 0 when the whole run is the name."""
    first = _OF.search(name)
    if first is None:
        return 0
    before, after = name[: first.start()], name[first.end() :]
    # (one word before "of" opens many a name: "Bank of ...", "Friends of ...")
    if head_kind(before) is ORG or _OF.search(before) or len(before.split()) < 2:
        return 0
    # a body's head word anywhere before "of" makes it a body of a body ("the Working
    # Group on Calibration of the Committee on ..."), one name
    if any(HEAD_WORDS.get(w.lower()) is ORG or w.lower() in LEADING_HEADS for w in before.split()):
        return 0
    if head_kind(after) is ORG and len(after.split()) >= 2:
        return first.end()
    return 0
