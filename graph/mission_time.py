"""Whether a mission has flown, as the document itself tells it. A payload rides on its
mission when the mission flies, so where a document says a mission is still to launch
("CHANG'E-7 (launch planned 2026)", "the lander, which is due to launch in 2026"), every
payload it lists for that mission on a line of its own, with no verb to give it a time
("Italy - a laser retroreflector on the lander"), is planned. A sentence keeps the time
of its own verb ("IKI has supplied an analyser for Chang'e-7"). A document that also says the
mission launched (an update written after the flight) leaves the statuses as read.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from graph.model import Cooperation, EntityKind, Fact, Status
from graph.recognise import Found

_CRAFTS = (EntityKind.MISSION, EntityKind.SPACECRAFT)
# after the mission's name, in the same sentence or heading: its launch is to come
_TO_COME = re.compile(
    r"\b(?:launch|lift-?off|first\s+flight)\s+(?:is\s+|date\s+)?"
    r"(?:planned|scheduled|expected|due|set|slated|targeted)\b|"
    r"\b(?:due|scheduled|set|expected|planned|slated|poised)\s+"
    r"(?:to\s+(?:launch|fly|lift\s+off|be\s+launched)\b|for\s+(?:launch\b|(?:19|20)\d\d\b))|"
    r"\bwill\s+(?:be\s+)?launch(?:ed)?\b|\bto\s+be\s+launched\b|"
    r"\bnot\s+yet\s+(?:been\s+)?launched\b|\byet\s+to\s+(?:launch|fly)\b",
    re.IGNORECASE,
)
# after the mission's name: it has flown
_FLOWN = re.compile(
    r"\b(?:was|were|has\s+been|had\s+been)\s+launched\b|\blaunched\s+(?:in|on|from)\b|"
    r"\b(?:landed|returned|touched\s+down|lifted\s+off|flew)\b",
    re.IGNORECASE,
)
_LISTED = "cooperation-list-item"  # the method of a partner's line in a list or table
_REACH = 90  # characters after the name within which a cue is about it
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def missions_to_come(text: str, found: Sequence[Found]) -> frozenset[str]:
    """The missions the document (its clean ``text`` and the names ``found`` in it) says
    are still to launch, and nowhere that they flew."""
    to_come: set[str] = set()
    flown: set[str] = set()
    named = sorted((m for m in found if m.kind in _CRAFTS and not m.nested), key=lambda m: m.start)
    for i, mention in enumerate(named):
        # up to the next craft's name or the sentence's end: a cue after that is not
        # about this one
        stop = named[i + 1].start if i + 1 < len(named) else len(text)
        after = _SENTENCE_END.split(text[mention.end : min(stop, mention.end + _REACH)], 1)[0]
        if _TO_COME.search(after):
            to_come.add(mention.key)
        elif _FLOWN.search(after):
            flown.add(mention.key)
    return frozenset(to_come - flown)


def payloads_to_come(facts: Sequence[Fact], to_come: frozenset[str]) -> list[Fact]:
    """The facts, with every listed payload on a mission still to launch planned."""
    return [
        dataclasses.replace(f, status=Status.PLANNED)
        if isinstance(f, Cooperation)
        and f.area == "payloads"
        and f.method == _LISTED
        and f.mission in to_come
        and f.status is Status.ACHIEVED
        else f
        for f in facts
    ]
