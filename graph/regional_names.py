"""Bodies whose names open with a region's ("the Asia-Oceania Group on Earth
Observations", "the African Regional Centre ..."): the region's own body, not the known
body whose name follows the region. Used by ``graph.name_candidates`` and
``graph.discover``."""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph.name_forms import ORG, Candidate, head_kind


def regional_bodies(doc_id: str, text: str, taken: Sequence[tuple[int, int]]) -> list[Candidate]:
    """A known body's name after a region's ("the Asia-Oceania Group on Earth
    Observations"): the region's own body, not the known one."""
    found = []
    for s, e in taken:
        region = _REGION_BEFORE.search(text, max(0, s - 40), s)
        if region is None or head_kind(text[s:e]) is not ORG:
            continue
        start = s - len(region.group(0))
        found.append(Candidate(text[start:e], ORG, doc_id, start, e))
    return found


def regional_prefix(label: str) -> str | None:
    """The rest of a name that opens with a region's ("Asia-Oceania Group on Earth
    Observations" -> "Group on Earth Observations"), or None."""
    region = REGIONAL.match(label)
    return label[region.end() :] if region else None


# the region that makes a known body's name another body's
REGIONAL = re.compile(
    r"(?:[A-Z][a-z]+-[A-Z][a-z]+|Asian?|Africa|African|Arab|Pacific|Regional|"
    r"Latin\s+American|Caribbean|Andean)\s+"
)
_REGION_BEFORE = re.compile(rf"(?:{REGIONAL.pattern})$")
