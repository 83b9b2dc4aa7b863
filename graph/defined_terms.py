"""Terms a document defines for a body in brackets and quotes, as contracts, filings
and press releases do: 'Orbital Works Co., Ltd. ("Orbital" or "the Company")'.

Two readings of one definition. A quoted short name made of the body's own words or
initials ("Orbital") is another name of the body, so the document's later "Orbital" is
the same resource, not a second body (``with_defined_terms``, for the name finder). A
defined term such as "the Company" stands for the body through the rest of the document,
however far from its definition, where a description such as "the company" is read
only near a body named with the same noun (``graph.coreference``); only the term as
defined, with its capital, and only after the definition (``defined_terms``, for the
mentions)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from graph.model import EntityKind
from graph.name_forms import Candidate, initials_fit
from graph.recognise import Found

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


# the parenthesis after a name that defines a term of its own: '("X" or "the Company")'
_DEFINITION = re.compile(
    r"[\s,.]{0,3}\((?P<inside>[^()]{0,160}?[\"\u201c][Tt]he\s+(?P<term>[A-Z][a-z]+)"
    r"[\"\u201d][^()]{0,40})\)"
)
_TERMS = frozenset({"Company", "Issuer", "Operator", "Customer", "Agency", "Corporation"})


def defined_terms(text: str, found: Sequence[Found]) -> list[Found]:
    """Mentions of the bodies of ``found`` for every later use of their defined term."""
    out: list[Found] = []
    definitions: list[tuple[int, str, str]] = []  # where defined, the term, the body
    for f in found:
        if f.nested or f.kind is not EntityKind.ORGANISATION:
            continue
        m = _DEFINITION.match(text, f.end)
        if m and m.group("term") in _TERMS:
            definitions.append((m.end(), m.group("term"), f.key))
    for term in {t for _, t, _ in definitions}:
        meant = sorted((at, key) for at, t, key in definitions if t == term)
        for use in re.finditer(rf"\b[Tt]he\s+({term})\b", text):
            before = [key for at, key in meant if at <= use.start()]
            if before:
                out.append(
                    Found(before[-1], EntityKind.ORGANISATION, use.start(1), use.end(1), term)
                )
    return out
