"""A body's name in a masthead or heading set in capitals ("CHINA GREAT WALL INDUSTRY
CORPORATION"): read letter for letter in place as a name is written, and kept only when
the heading is that one name. Used by ``graph.name_candidates``."""

from __future__ import annotations

import re
from collections.abc import Callable

from graph.name_forms import Candidate

HeadedNames = Callable[[str, str, int], list[Candidate]]


_SMALL_WORDS = frozenset({"of", "and", "the", "for", "on", "in", "de", "du", "des", "la"})


def title_cased(heading: str) -> str:
    """A heading in capitals as a name is written ("China Great Wall Industry
    Corporation"), letter for letter in place; any other heading as it is."""
    letters = [c for c in heading if c.isalpha()]
    if len(letters) < 4 or not all(c.isupper() for c in letters):
        return heading
    return re.sub(
        r"[A-Z][A-Z'\u2019]*",
        lambda m: (
            m.group(0).lower() if m.group(0).lower() in _SMALL_WORDS else m.group(0).capitalize()
        ),
        heading,
    )


def masthead(
    doc_id: str, heading: str, offset: int, headed_names: HeadedNames
) -> list[Candidate]:
    """A heading in capitals that is one body's name and nothing else, an acronym in
    brackets aside ("CHINA GREAT WALL INDUSTRY CORPORATION"): the name as it is written."""
    cased = title_cased(heading)
    bare = re.sub(r"\s*\([^)]*\)\s*$", "", cased)
    if cased == heading or " and " in bare:
        return []
    found = headed_names(doc_id, bare, offset)
    return [c for c in found if c.start == offset and c.end == offset + len(bare)]
