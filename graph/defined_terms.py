"""Short names a document defines for a body in brackets and quotes, as contracts and
press releases do: 'Orbital Works Co., Ltd. ("Orbital" or "the Company")'. The quoted
short name is another name of the body, so the document's later "Orbital" is the same
resource as the full name, not a second body."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from graph.name_forms import Candidate, initials_fit

# '("Orbital")', '(hereinafter "Orbital")', '("Orbital" or "the Company")'
_DEFINED = re.compile(
    r"\s*\((?:hereinafter\s+(?:referred\s+to\s+as\s+|called\s+)?)?"
    r"[\"\u201c]([A-Z][\w&'\u2019-]*(?:\s[A-Z][\w&'\u2019-]*){0,2})[\"\u201d]"
    r"(?:\s*(?:,|or|and)\s*[^()]{0,40})?\)"
)


def defined_short_name(name: str, text: str, end: int) -> str | None:
    """The quoted short name defined right after ``name`` (which ends at ``end`` in
    ``text``), when it is the name's own words or their initials; else None."""
    m = _DEFINED.match(text, end)
    if m is None:
        return None
    short = m.group(1)
    words = name.replace(",", " ").split()
    own = short.split()
    inside = any(words[i : i + len(own)] == own for i in range(len(words)))
    return short if short != name and (inside or initials_fit(name, short)) else None


def with_defined_terms(found: Sequence[Candidate], text: str) -> list[Candidate]:
    """The candidates, each body followed by a quoted short name taking it as its alias."""
    out = []
    for c in found:
        short = None if c.alias else defined_short_name(c.label, text, c.end)
        out.append(replace(c, alias=short) if short else c)
    return out
