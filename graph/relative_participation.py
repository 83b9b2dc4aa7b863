"""Participation read from the words of a relative clause on an organisation's name.

"APSCO, which China hosts", "the Charter, of which China is a founding member", "GEO
(Geneva), whose secretariat China hosts": the clause right after the name says what
China does in the organisation. These frames are read from the words, by pattern,
where ``graph.participation_frames`` reads its frames from the dependency parse; the
two are kept apart because they rest on different evidence, and both give their
frames to ``graph.relations_participation``.
"""

from __future__ import annotations

import re

from graph.gazetteer import Gazetteer
from graph.participation_frames import PLANNED, Frame
from graph.reading import Sentence

# a relative clause on the organisation just named: "APSCO, which China hosts", "the
# Charter, of which China is a founding member", "GEO (Geneva), whose secretariat ..."
_RELATIVE = re.compile(
    r"\s*(?:\([^()]*\)\s*)?,\s*(?:whose\s+[^,;.]*?\band\s+(?=of\s+which))?(?:"
    r"(?P<whose>whose\s+(?:secretariat|headquarters|seat|presidency|chair)\s+)|"
    r"(?P<of>of\s+which\s+)|(?P<through>(?:through|within|in)\s+which\s+)|which\s+)"
    r"(?P<clause>[^,;.]*)"
)
_RELATIVE_VERBS = {
    "whose": re.compile(r"\b(?:host|house|hold|held)\w*", re.IGNORECASE),
    "of": re.compile(r"\bmembers?\b", re.IGNORECASE),
    "through": re.compile(r"\w+"),  # any verb: the organisation is the channel
    "": re.compile(
        r"\b(?:host|house|chair|join|participat|support|found|co-found|initiat|lead|coordinat)\w*",
        re.IGNORECASE,
    ),
}


def relative_frames(sentence: Sentence, organisations, gazetteer: Gazetteer) -> list[Frame]:
    """Organisations a relative clause says China hosts, joined or belongs to."""
    text = sentence.text
    base = sentence.start
    bilateral = bool(sentence.notes.get("bilateral"))
    out = []
    for org in organisations:
        m = _RELATIVE.match(text, org.end - base)
        if not m:
            continue
        kind = next((k for k in ("whose", "of", "through") if m.group(k)), "")
        a, b = m.start("clause"), m.end("clause")
        subject = any(
            x.key in gazetteer.domestic and a <= x.start - base < b for x in sentence.mentions
        ) or (bilateral and re.search(r"\b(?:the\s+two|both)\s+(?:sides|countries)\b", m["clause"]))
        verb = _RELATIVE_VERBS[kind].search(m["clause"])
        if subject and verb:
            role = "host" if re.match(r"ho|hou", verb.group(0), re.IGNORECASE) else "participant"
            out.append((org.key, a + verb.start(), role, bool(PLANNED.search(m["clause"]))))
    return out
