"""Each subject's outgoing triples in a build's union as three digests, so the next build
can tell which subjects changed (``graph.validate_whole``): the triples but the counts
only ever read on their own subject, the counts' predicates, and the counts with values.
"""

from __future__ import annotations

import hashlib

from graph.summaries import SUMMARY_PROPERTIES
from graph.union_delta import UnionDelta
from graph.validate_lines import QuadLines
from graph.vocab import CSK

_MASK = (1 << 64) - 1
# Properties only ever read on their own subject (the build's counts, by SummaryCount):
# when only these change, the subject alone is validated again, not the facts naming it
# (adding a document moves many partners' ranks).
OWN_ONLY = frozenset(CSK[name] for name in SUMMARY_PROPERTIES)
_OWN_ONLY_N3 = frozenset(p.n3() for p in OWN_ONLY)


def _digest(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def subject_digests(lines: QuadLines) -> dict[str, tuple[int, int, int]]:
    """Each subject's outgoing triples in the union as three numbers: the triples but
    the ``OWN_ONLY`` counts, the counts' predicates, and the counts with their values;
    sums of 64-bit digests of their N3, so the order triples are met in does not matter.
    A (predicate, object) pair is digested once (a third of the union's pairs are
    distinct: types, statuses, the same partner named by many facts)."""
    known: dict[tuple[str, str], int] = {}
    return {s: _subject_digest(outgoing, known) for s, outgoing in lines.by_subject.items()}


_NAMED = {p: _digest(p) for p in _OWN_ONLY_N3}


def _subject_digest(
    outgoing: set[tuple[str, str]], known: dict[tuple[str, str], int]
) -> tuple[int, int, int]:
    """``subject_digests``' three numbers for one subject's pairs; ``known``: the pairs'
    digests met so far."""
    rest = present = own = 0
    for pair in outgoing:
        value = known.get(pair)
        if value is None:
            value = known[pair] = _digest(f"{pair[0]} {pair[1]}")
        if pair[0] in _OWN_ONLY_N3:
            present += _NAMED[pair[0]]
            own += value
        else:
            rest += value
    return (rest & _MASK, present & _MASK, own & _MASK)


def digests_near(
    delta: UnionDelta, previous: dict[str, tuple[int, int, int]]
) -> tuple[dict[str, tuple[int, int, int]], set[str]]:
    """``subject_digests`` of the union ``delta`` describes, from the digests of the
    previous build's union (``previous``): only the subjects of the changed lines can
    differ, so only theirs are made again. Also returns those subjects."""
    digests = dict(previous)
    known: dict[tuple[str, str], int] = {}
    subjects = delta.subjects()
    for subject in subjects:
        outgoing = delta.get(subject)
        if outgoing:
            digests[subject] = _subject_digest(outgoing, known)
        else:  # no triple of it is left
            digests.pop(subject, None)
    return digests, subjects
