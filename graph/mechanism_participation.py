"""Cooperation carried on under a multilateral mechanism: working through it.

The one reader of "within the framework of" and "under the ... mechanism" adjuncts.

"cooperation under the BRICS cooperation mechanism and within the framework of the
Shanghai Cooperation Organization", "collaborating under the G20 and APEC mechanisms":
the cooperation word is qualified by adjuncts that place it *under* the organisations'
mechanism or *within* their framework, so whoever cooperates works through them (the
participation guideline's "works through an international organisation or multilateral
mechanism"). The adjuncts may be chained with "and"; each names one or more bodies.
Not when the clause before the cooperation word names another country and no Chinese
actor ("India and Brazil cooperate under the BRICS mechanism"), nor when a Chinese body
is the only one named.

The framework adjunct may also open the clause, with the work after it ("Within the
framework of APSCO, data are shared with ..."): then it names a run of bodies, read as
every participation phrase's list is, and holds when a word of working follows.
"""

from __future__ import annotations

import re

from graph.gazetteer import Gazetteer
from graph.model import EntityKind
from graph.participation_chain import named_after, pledged_before
from graph.reading import Sentence
from graph.recognise import Found

# the cooperation word the adjuncts qualify
_CUE = re.compile(
    r"\b(?:cooperat(?:ion|e|es|ed|ing)|collaborat(?:ion|e|es|ed|ing)|exchanges)\b\s*",
    re.IGNORECASE,
)
# "under the [bodies] (cooperation) mechanism(s)" or "within/under the framework of [bodies]"
_UNDER = re.compile(r"under\s+the\s+", re.IGNORECASE)
_MECHANISM = re.compile(
    r"\s+(?:(?:cooperation|partnership)\s+)?(?:mechanisms?|frameworks?|umbrella)\b", re.I
)
_FRAMEWORK = re.compile(
    r"(?:within|under|in)\s+the\s+(?:framework|auspices)s?\s+of\s+(?:the\s+)?", re.IGNORECASE
)
_FRAMEWORK_OF = re.compile(r"\b" + _FRAMEWORK.pattern, _FRAMEWORK.flags)
_LIST_JOIN = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?", re.IGNORECASE)
_ADJUNCT_JOIN = re.compile(r"\s*,?\s*(?:and|as\s+well\s+as)?\s*", re.IGNORECASE)
_CHINESE = re.compile(r"\b(?:China|Chinese|we|our)\b", re.IGNORECASE)
# the work a framework or mechanism is for
_WORKING = re.compile(
    r"\b(?:participat\w*|cooperat\w*|support\w*|services?|shar(?:e|es|ed|ing)|"
    r"contribut\w+|works?|worked|working|coordinat\w+)\b",
    re.IGNORECASE,
)
_COMMISSION = re.compile(r"commission|committee", re.IGNORECASE)


def framework_frames(
    sentence: Sentence, organisations: list[Found], gazetteer: Gazetteer
) -> list[tuple[str, int, str, bool | None]]:
    """Organisations within whose framework the work after the adjunct is done."""
    text = sentence.text
    if "framework" not in text:
        return []
    out: list[tuple[str, int, str, bool | None]] = []
    for opening in _FRAMEWORK_OF.finditer(text):
        if not works_after(sentence, opening.end()):
            continue
        planned = True if pledged_before(text, opening.start()) else None
        for org in named_after(
            sentence, organisations, opening.end(), lambda o: bilateral_commission(o, gazetteer)
        ):
            out.append((org.key, opening.start(), "participant", planned))
    return out


def works_after(sentence: Sentence, at: int) -> bool:
    """Whether a word of working follows local offset ``at``, outside the names ("Space
    Cooperation Organization" is no cooperation)."""
    plain = list(sentence.text)
    for m in sentence.mentions:
        plain[m.start - sentence.start : m.end - sentence.start] = " " * (m.end - m.start)
    return bool(_WORKING.search("".join(plain), at))


def bilateral_commission(org: Found, gazetteer: Gazetteer) -> bool:
    """A commission or committee found only in the text: a bilateral body's part, not a
    mechanism China joins."""
    return bool(gazetteer.entities[org.key].discovered and _COMMISSION.search(org.text))


def mechanism_frames(
    sentence: Sentence, organisations: list[Found], gazetteer: Gazetteer
) -> list[tuple[str, int, str, bool | None]]:
    """Organisations whose mechanism or framework the sentence's cooperation is under."""
    text = sentence.text
    if "under" not in text and "framework" not in text and "auspices" not in text:
        return []
    at_start = {m.start - sentence.start: m for m in organisations}
    out: list[tuple[str, int, str, bool | None]] = []
    for cue in _CUE.finditer(text):
        if _others_act(sentence, gazetteer, cue.start()):
            continue
        pos = cue.end()
        while True:
            found, pos = _adjunct(text, pos, at_start)
            if not found:
                break
            out.extend((org.key, org.start - sentence.start, "participant", None) for org in found)
            joined = _ADJUNCT_JOIN.match(text, pos)
            pos = joined.end() if joined else pos
    return out


def _adjunct(text: str, pos: int, at_start: dict[int, Found]) -> tuple[list[Found], int]:
    """The bodies one adjunct at ``pos`` names, and where it ends ([] if none is there)."""
    frame = _FRAMEWORK.match(text, pos)
    under = None if frame else _UNDER.match(text, pos)
    opening = frame or under
    if opening is None:
        return [], pos
    found, end = _bodies(text, opening.end(), at_start)
    if not found:
        return [], pos
    if under is not None:
        closing = _MECHANISM.match(text, end)
        if closing is None:
            return [], pos  # "under the ITU Radio Regulations": not a mechanism
        end = closing.end()
    return found, end


def _bodies(text: str, pos: int, at_start: dict[int, Found]) -> tuple[list[Found], int]:
    """The run of organisations named from ``pos``, joined by commas and "and"."""
    found: list[Found] = []
    while pos in at_start:
        org = at_start[pos]
        found.append(org)
        pos = org.end - (org.start - pos)
        joined = _LIST_JOIN.match(text, pos)
        if joined is None or joined.end() not in at_start:
            break
        pos = joined.end()
    return found, pos


def _others_act(sentence: Sentence, gazetteer: Gazetteer, cue: int) -> bool:
    """Whether the clause before the cooperation word names a foreign country and no
    Chinese actor: the cooperation is theirs."""
    clause = max(sentence.text.rfind(";", 0, cue), sentence.text.rfind(":", 0, cue)) + 1
    foreign = chinese = False
    for m in sentence.mentions:
        at = m.start - sentence.start
        if not clause <= at < cue:
            continue
        if m.key in gazetteer.domestic or m.key == "china":
            chinese = True
        elif m.kind is EntityKind.COUNTRY:
            foreign = True
    return foreign and not (chinese or _CHINESE.search(sentence.text[clause:cue]))
