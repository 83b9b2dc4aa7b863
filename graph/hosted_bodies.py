"""A body set up in China is one China hosts: "The UN set up the Regional Center for
Space Science and Technology Education in Asia and the Pacific (China) in Beijing",
"the ESCAP office, established in Shanghai". The participation guideline counts hosting;
whoever founded the body, the country where it stands is its host. Not a body set up
elsewhere ("in Vienna"), nor one merely visited or named beside a Chinese place.
"""

from __future__ import annotations

import re

from graph.gazetteer import Gazetteer
from graph.reading import Sentence
from graph.recognise import Found

# the founding verb just before the body ("set up the X") ...
_FOUNDED_BEFORE = re.compile(
    r"\b(?:set\s+up|established|founded|opened|launched)\s+(?:the\s+|a\s+|an\s+)?$", re.I
)
# ... or after it ("the X, established in", "the X was set up in")
_FOUNDED_AFTER = re.compile(
    r"\s*,?\s*(?:(?:is|was|were|has\s+been|had\s+been)\s+)?"
    r"(?:set\s+up|established|founded|opened|located|based|headquartered)\b",
    re.I,
)
# where: the bracketed names after the body, then "in <place>"
_IN_PLACE = re.compile(
    r"(?:\s*\([^()]{1,60}\))*[^.;]{0,40}?\s+in\s+(?:the\s+)?(?:Chinese\s+)?(?:city\s+of\s+)?"
    r"(?P<place>[A-Z][\w-]+)\b"
)


def hosted_bodies(
    sentence: Sentence, organisations: list[Found], gazetteer: Gazetteer
) -> list[tuple[str, int, str, bool | None]]:
    """Bodies the sentence says were set up in China or one of its places."""
    text = sentence.text
    out: list[tuple[str, int, str, bool | None]] = []
    for org in organisations:
        start, end = org.start - sentence.start, org.end - sentence.start
        after = _FOUNDED_AFTER.match(text, end)
        if not (_FOUNDED_BEFORE.search(text[max(0, start - 40) : start]) or after):
            continue
        place = _IN_PLACE.match(text, after.end() if after else end)
        if place is None:
            continue
        name = place.group("place")
        if name == "China" or name in gazetteer.domestic_places:
            out.append((org.key, start, "host", None))
    return out
