"""Whether words name China's side: China, a Chinese body of the reference data or one
the corpus introduced, the words "China"/"Chinese", or a place in China.

Every family asks it of a span of its sentence (a builder, a signer, the object of "by",
whose engineers): one answer, so the families cannot disagree on who is Chinese.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from graph.gazetteer import CHINA, Gazetteer
from graph.reading import Sentence

_CHINA_WORD = re.compile(r"\bChin(?:a|ese)\b")


def names_chinese_side(
    sentence: Sentence,
    gazetteer: Gazetteer,
    left: int = 0,
    right: int | None = None,
    *,
    places: bool = False,
) -> bool:
    """Whether the sentence's words from local offset ``left`` to ``right`` name China's
    side; with ``places``, a Chinese place counts too ("engineers in Xi'an")."""
    right = len(sentence.text) if right is None else right
    text = sentence.text[left:right]
    if _CHINA_WORD.search(text):
        return True
    if any(
        (m.key == CHINA or m.key in gazetteer.domestic) and left <= m.start - sentence.start < right
        for m in sentence.mentions
    ):
        return True
    return places and any(
        re.search(rf"\b{re.escape(p)}\b", text) for p in gazetteer.domestic_places
    )


def phrase_names_chinese_side(
    sentence: Sentence, gazetteer: Gazetteer, token: Token, *, places: bool = False
) -> bool:
    """Whether the phrase a parse token heads (its whole subtree) names China's side:
    the question the verb-frame readers ask of a subject, an object or a "with"."""
    left, right = token.left_edge.idx, token.right_edge.idx + len(token.right_edge)
    return names_chinese_side(sentence, gazetteer, left, right, places=places)
