"""Names written in Hanyu Pinyin: a company the reference data does not know ("Chang Guang
Satellite Technology", "Tianlu Orbital", "Zhongke Xingtu") tells that it is Chinese by
the romanised Chinese words it opens with. Used by ``graph.discover`` to put such a
discovered body on China's side, where it signs and works with the partners rather than
being one.

The syllables are those of pypinyin's dictionary of readings (about 420, tones dropped).
A word that splits into syllables is not enough on its own: "Kenya" (ken-ya) and "Sudan"
(su-dan) do. One of the opening words must hold a syllable with a sound English and the
partners' languages rarely write ("zh", "x" before a vowel, "qi", "ian", "iao", "uang",
"iong"; "Chiang Mai" splits only as chi-ang), and the name must open with pinyin words.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache

_MARKED = re.compile(r"zh|x[aeiouü]|qi|ian|iao|uang|iong|ü")
_LONGEST = 6  # "zhuang", "shuang": no syllable is longer


@cache
def syllables() -> frozenset[str]:
    """Every toneless pinyin syllable that pypinyin gives a character."""
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    # (each of the 1,549 readings once: 41,000 characters share them, 0.43 s against 0.02 s)
    readings = {reading for each in pinyin_dict.values() for reading in each.split(",")}
    return frozenset(to_normal(reading) for reading in readings)


def _reading(word: str) -> set[bool]:
    """How ``word`` splits into pinyin syllables: for each way, whether one of its
    syllables is marked ("tianlu" = tian + lu: {True}; "chiang" = chi + ang: {False}; a
    word that does not split: set())."""
    known = syllables()
    ways: list[set[bool]] = [{False}] + [set() for _ in word]
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - _LONGEST), end):
            piece = word[start:end]
            if ways[start] and piece in known:
                marked = _MARKED.search(piece) is not None
                ways[end] |= {way or marked for way in ways[start]}
    return ways[-1]


def is_pinyin_name(label: str, places: Collection[str] = ()) -> bool:
    """Whether the name opens with romanised Chinese words, one of them marked as pinyin
    (``_MARKED``); ``places`` are words that are never taken for pinyin (country names,
    demonyms, capitals: "Chile" splits as chi-le)."""
    marked = False
    for word in label.split():
        parts = [p.lower() for p in re.split(r"['\u2019-]", word) if p]
        if not parts or word in places or not all(p.isalpha() and p.isascii() for p in parts):
            break
        readings = [_reading(p) for p in parts]
        if not all(readings):
            break
        marked = marked or any(True in r for r in readings)
    return marked
