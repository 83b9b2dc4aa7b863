"""A regex alternation of many names that tries, at each place, only the names that can
start with the letters there.

Python's ``re`` tries the branches of ``a|b|c|...`` one by one at every place of the
text; with the gazetteer's hundreds of names that is most of the time spent finding
mentions. Grouping the branches by their first letter gives the same matches (at a place
only one group's first letter can match, and inside a group the branches keep their
order, so the same branch wins).

Each group opens with its letter as a character set, written case-sensitively (``[Uu]``
for "u" without regard to case): the engine checks a branch's opening set or literal
before it enters the branch, but enters a look-ahead or a case-folded letter to try it,
at every word of the text. The letter is taken once for the whole group, and the rest of
its names are grouped by their second letter in turn. The letter is
taken out only where every name of the group opens with one token matching just what
the set matches (not "\u2019" for "'"); otherwise the group stays behind a look-ahead.
"""

from __future__ import annotations

import re
from functools import cache

_APOSTROPHES = "'\u2019"
_APOSTROPHE_CLASS = f"[{_APOSTROPHES}]"
# the only characters outside ASCII that an ASCII character matches without regard to
# case (two capital I's, the long s, the Kelvin sign): tests/test_alternation.py tries
# every code point
_FOLDING_INTO_ASCII = "\u0130\u0131\u017f\u212a"
_PROBES = [chr(c) for c in range(128)] + list(_FOLDING_INTO_ASCII) + ["\u2019"]
# letters taken as sets before the names' rest: a third level compiles slower (0.2 s
# against 0.09 s for the gazetteer's names) than it saves in a scan of 7 MB
_LEVELS = 2


def by_first_letter(forms: list[str], patterns: list[str], flags: int) -> str:
    """The alternation of ``patterns`` (``patterns[i]`` matches ``forms[i]``, in order of
    preference), grouped by first letter; the plain alternation where a first letter
    could be matched by two groups' look-aheads (so grouping might change the order)."""
    return _grouped([f.strip() for f in forms], patterns, flags)


def _grouped(forms: list[str], patterns: list[str], flags: int, depth: int = 0) -> str:
    plain = "|".join(patterns)
    groups: dict[str, list[tuple[str, str]]] = {}
    for form, pattern in zip(forms, patterns, strict=True):
        first = form[:1]
        if not first or first.isspace() or first == "-":
            return plain  # the pattern may start with an optional separator
        key = "'" if first in _APOSTROPHES else first.lower() if flags & re.IGNORECASE else first
        groups.setdefault(key, []).append((form, pattern))
    leads = {key: _lead(key) for key in groups}
    if not _disjoint(leads, flags):
        return plain
    return "|".join(_group(leads[key], members, flags, depth) for key, members in groups.items())


def _group(lead: str, members: list[tuple[str, str]], flags: int, depth: int) -> str:
    """The members' alternation after the look-ahead ``lead``, or with their common
    first token taken once as a set of characters (see the module's docstring)."""
    chars = _matched(lead, flags)
    heads = [_head(pattern) for _form, pattern in members]
    if chars is None or any(h is None or _matched(h, flags) != chars for h in heads):
        return f"(?={lead})(?:{'|'.join(pattern for _form, pattern in members)})"
    forms = [form[1:] for form, _pattern in members]
    rests = [pattern[len(h or "") :] for h, (_form, pattern) in zip(heads, members, strict=True)]
    deeper = len(rests) > 1 and depth + 1 < _LEVELS
    inner = _grouped(forms, rests, flags, depth + 1) if deeper else "|".join(rests)
    charset = "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"
    return f"(?-i:{charset})(?:{inner})" if flags & re.IGNORECASE else f"{charset}(?:{inner})"


def _head(pattern: str) -> str | None:
    """The pattern's first token if it matches one character: a character, an escaped
    one or the class of apostrophes."""
    if pattern.startswith(_APOSTROPHE_CLASS):
        return _APOSTROPHE_CLASS
    if pattern.startswith("\\"):
        escaped = pattern[1:2]
        return pattern[:2] if escaped.isascii() and escaped and not escaped.isalnum() else None
    return pattern[:1] if pattern[:1] and pattern[:1] not in "[(.^$*+?{|" else None


@cache  # a few dozen tokens, asked for thousands of times (0.07 s of a recogniser's 0.3)
def _matched(token: str, flags: int) -> frozenset[str] | None:
    """Every character ``token`` matches, or None where that is not known for sure (a
    letter outside ASCII without regard to case)."""
    if token == _APOSTROPHE_CLASS:
        return frozenset(_APOSTROPHES)  # uncased: no other character matches them
    char = token[-1]
    if not flags & re.IGNORECASE:
        return frozenset(char)
    if not char.isascii():
        return None
    compiled = re.compile(token, flags)
    return frozenset(p for p in _PROBES if compiled.fullmatch(p))


def _lead(key: str) -> str:
    return _APOSTROPHE_CLASS if key == "'" else re.escape(key)


def _disjoint(leads: dict[str, str], flags: int) -> bool:
    """Whether no character is matched by two of the look-aheads. Letters that fold to
    the same letter share a group; a letter outside ASCII may still match an ASCII one
    under IGNORECASE (the Kelvin sign is a "k"), or another such letter: then no."""
    compiled = {key: re.compile(lead, flags) for key, lead in leads.items()}
    probes = {chr(c) for c in range(128)} | set(leads) | set(_APOSTROPHES)
    return all(
        sum(1 for p in compiled.values() if p.fullmatch(probe)) <= 1 for probe in probes
    ) and all(key.isascii() or len(key) == 1 for key in leads)
