"""Participation on a fact sheet's labelled line: the organisation is the label and the
line says what China does in it ("APSCO: China is the host country", "- Group on Earth
Observations (GEO): China co-chairs the plenary and supports its work").

The label names the organisation once; the line after it speaks of it as "it", "its
work" or not at all, so the relation is read from the line's shape: a label that is an
organisation's name, then a clause whose subject is China's side and whose verb or
role noun is one of taking part (member, host, chair, founder, observer; joins, hosts,
chairs, supports, takes part, attends). A line that names another organisation after
the label says something about that one instead, and is left to the other readers.
"""

from __future__ import annotations

import re

from graph.participation_frames import Frame

_LABEL_END = re.compile(r"\s*(?:\([^()]{1,40}\))?\s*[:\u2013\u2014]\s+")
_CHINESE_SUBJECT = re.compile(r"(?:China|the\s+Chinese\s+side|Chinese\s+[a-z]+)\b")
_ROLE = re.compile(
    # the copula may be left out of a sheet's line: "CNSA a member agency since 2007"
    r"(?:\b(?:is|was|are|were|has\s+been|had\s+been|became|becomes|remains)\s+"
    r"(?:(?:a|an|the|one\s+of\s+the)\s+)?|(?P<verbless>(?<=\s)(?:a|an|the)\s+))"
    r"(?:(?:founding|full|permanent|rotating|current)\s+)?"
    r"(?P<noun>member|co-?host|host|chair|co-?chair|founder|observer|party|signatory|"
    r"participant|dialogue\s+partner)"
    r"|\b(?P<verb>joined|co-?hosts?|co-?hosted|hosts|hosted|co-?chairs|co-?chaired|chairs|"
    r"chaired|supports|supported|participates|participated|takes\s+part|took\s+part|"
    r"attends|attended|co-?founded|founded)\b",
    re.IGNORECASE,
)


def labelled_frames(sentence, organisations, chinese: list[tuple[int, int]]) -> list[Frame]:
    """(organisation, offset, role, None) for a line "ORGANISATION: China <role>"."""
    text = sentence.text
    base = sentence.start
    lead = len(text) - len(text.lstrip(" \t\u2022*-"))
    first = min(organisations, key=lambda m: m.start, default=None)
    if first is None or first.start - base != lead:
        return []
    label = _LABEL_END.match(text, first.end - base)
    if label is None:
        return []
    rest = label.end()
    if any(m.start - base >= rest for m in organisations if m.key != first.key):
        return []  # the line speaks of another organisation
    word = _CHINESE_SUBJECT.match(text, rest)
    subject_end = word.end() if word else next((b for a, b in chinese if a == rest), None)
    role = _ROLE.search(text, rest, rest + 120)
    if subject_end is None or role is None:
        return []
    if role.group("verbless") and text[subject_end : role.start()].strip():
        return []  # "China trains staff of the member agencies": no role of China's
    word = (role.group("noun") or role.group("verb")).lower()
    kind = "host" if "host" in word else "chair" if "chair" in word else "participant"
    return [(first.key, role.start(), kind, None)]
