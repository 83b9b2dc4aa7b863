"""A body a filing or contract names once with its defined term, and then only by it:
'PT Nusa Orbit Tbk (hereinafter "the Company")', 'Kenya Sat Co., Ltd. ("KSAT" or "the
Company")'. A defined term holds for the whole document, however far from its
definition, where a description such as "the company" is read only near a body named
with the same noun (``graph.coreference``). Only the term as defined, with its capital,
stands for the body, and only after the definition."""

from __future__ import annotations

import re
from collections.abc import Sequence

from graph.model import EntityKind
from graph.recognise import Found

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
