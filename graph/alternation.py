"""A regex alternation of many names that tries, at each place, only the names that can
start with the letter there.

Python's ``re`` tries the branches of ``a|b|c|...`` one by one at every place of the
text; with the gazetteer's hundreds of names that is most of the time spent finding
mentions. Grouping the branches by their first letter, each group behind a look-ahead
for that letter, gives the same matches (at a place only one group's letter can match,
and inside a group the branches keep their order, so the same branch wins) while a
place tries one look-ahead per letter instead of every name.
"""

from __future__ import annotations

import re

_APOSTROPHES = "'\u2019"


def by_first_letter(forms: list[str], patterns: list[str], flags: int) -> str:
    """The alternation of ``patterns`` (``patterns[i]`` matches ``forms[i]``, in order of
    preference), grouped by first letter; the plain alternation where a first letter
    could be matched by two groups' look-aheads (so grouping might change the order)."""
    plain = "|".join(patterns)
    groups: dict[str, list[str]] = {}
    for form, pattern in zip(forms, patterns, strict=True):
        first = form.strip()[:1]
        if not first or first.isspace() or first == "-":
            return plain  # the pattern may start with an optional separator
        key = "'" if first in _APOSTROPHES else first.lower() if flags & re.IGNORECASE else first
        groups.setdefault(key, []).append(pattern)
    leads = {key: _lead(key) for key in groups}
    if not _disjoint(leads, flags):
        return plain
    return "|".join(f"(?={leads[key]})(?:{'|'.join(group)})" for key, group in groups.items())


def _lead(key: str) -> str:
    return f"[{_APOSTROPHES}]" if key == "'" else re.escape(key)


def _disjoint(leads: dict[str, str], flags: int) -> bool:
    """Whether no character is matched by two of the look-aheads. Letters that fold to
    the same letter share a group; a letter outside ASCII may still match an ASCII one
    under IGNORECASE (the Kelvin sign is a "k"), or another such letter: then no."""
    compiled = {key: re.compile(lead, flags) for key, lead in leads.items()}
    probes = {chr(c) for c in range(128)} | set(leads) | set(_APOSTROPHES)
    return all(
        sum(1 for p in compiled.values() if p.fullmatch(probe)) <= 1 for probe in probes
    ) and all(key.isascii() or len(key) == 1 for key in leads)
