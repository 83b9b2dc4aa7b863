"""Documents between other parties: "the Agreement between the Government of the French
Republic and the Government of the Republic of India", listed in a register of treaties
beside China's own, is a document China is no party to, so China is not added to it."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from graph.grammar import Group


def documents_of_others(
    groups: Sequence[Group], start: int, end: int, domestic: Collection[str]
) -> bool:
    """Whether the "between" list after a document's noun (sentence-local ``start`` to
    ``end``) names two parties or more and no Chinese one: the document is theirs."""
    between = [k for g in groups if g.role == "between" and start <= g.start < end for k in g.keys]
    return len(set(between)) >= 2 and not any(k in domestic for k in between)
