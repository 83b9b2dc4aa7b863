"""Field labels written in capitals without a colon ("AWARDEE University of Leicester",
"FUNDER National Science Foundation"), as a register's export prints them. The label is
no part of the name after it, but in capitals it reads as a word of the name (and, where
the export's lines were joined, it sits between two names). A label is known by how the
document uses it: the same all-capital word, again and again, and each time before a
capitalised word."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from graph.name_forms import Candidate, head_kind
from graph.name_splitting import strip_lead

_CAPITALS = re.compile(r"(?<![\w(\[/-])[A-Z]{3,}(?![\w)\]/-])")
_BEFORE_NAME = re.compile(r"[ \t]+[A-Z]")
_MIN_USES = 4  # fewer is a body's acronym that happens to open a few names


def field_labels(text: str, taken: Sequence[tuple[int, int]] = ()) -> frozenset[str]:
    """The all-capital words that the document writes at least four times before another
    capitalised word (not after an article), and seldom otherwise (the legend that
    explains a label: "AWARDEE = organisation"), none of them a curated name (the spans
    ``taken``): a body's acronym is also written before a verb ("NASA said"), after
    "the", or in brackets after its name."""
    labelled: Counter[str] = Counter()
    other: Counter[str] = Counter()
    curated: set[str] = set()
    spans = set(taken)
    for m in _CAPITALS.finditer(text):
        word = m.group(0)
        if any(s <= m.start() and m.end() <= e for s, e in spans):
            curated.add(word)
        before_name = _BEFORE_NAME.match(text, m.end()) and not re.search(
            r"\bthe\s+$", text[max(0, m.start() - 5) : m.start()], re.IGNORECASE
        )
        (labelled if before_name else other)[word] += 1
    return frozenset(
        w for w, n in labelled.items() if n >= _MIN_USES and other[w] * 4 <= n and w not in curated
    )


def without_labels(found: Sequence[Candidate], labels: frozenset[str]) -> list[Candidate]:
    """The candidates with a label word and what comes before it dropped, when a name of
    two words or more with the same class is left; a candidate that is all label is
    dropped."""
    if not labels:
        return list(found)
    out = []
    for c in found:
        words = list(re.finditer(r"\S+", c.label))
        at = max((i for i, w in enumerate(words) if w.group(0) in labels), default=None)
        if at is None:
            out.append(c)
            continue
        rest = words[at + 1 :]
        if len(rest) < 2:
            continue
        label = strip_lead(c.label[rest[0].start() :])  # ("ABSTRACT The Institute ...")
        if len(label.split()) < 2 or head_kind(label) != c.kind:
            continue
        out.append(replace(c, label=label, start=c.end - len(label)))
    return out
