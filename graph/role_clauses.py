"""China's role in a body, said in a small clause after the body's name.

"the plenary of the Committee on Earth Observation Satellites, where China was co-chair",
"X was founded in Lima, with China as one of its founding members", "X was set up in
2020, with China as the host of its secretariat": a relative "where" clause or an
absolute "with ... as" phrase after the name gives China (or a Chinese body) a role in
the body: chair, host or member. The body is the last one named before the clause. A
role "of" something else ("host of a side event") is no role in the body; one "of its"
part (its secretariat, its office) is.
"""

from __future__ import annotations

import re

from graph.gazetteer import Gazetteer
from graph.reading import Sentence
from graph.recognise import Found

_ROLE = (
    r"(?:one\s+of\s+(?:its|the)\s+)?(?:the\s+|a\s+|an\s+)?"
    r"(?:founding\s+|permanent\s+|rotating\s+|full\s+)?"
    r"(?P<role>co-?chair|vice-?chair|chair|co-?host|host|member|founder)s?\b"
    # "host of its secretariat": a part of the body itself; "host of a side event": not
    r"(?!\s+of\b(?!\s+(?:its|their)\s))"
)
# ", where China is co-chair", ", in which CNSA has been a member"
_WHERE = re.compile(
    r",?\s*(?:where|in\s+which|at\s+which)\s+(?P<who>[^,;.]{2,60}?)\s+"
    r"(?:is|was|are|were|has\s+been|had\s+been|serves?\s+as|served\s+as|acts?\s+as|acted\s+as)\s+"
    + _ROLE,
    re.IGNORECASE,
)
# ", with China as host"
_WITH_AS = re.compile(r",?\s*with\s+(?P<who>[^,;.]{2,60}?)\s+as\s+" + _ROLE, re.IGNORECASE)
_ROLES = {"chair": "chair", "host": "host", "member": "participant", "founder": "participant"}


def role_clauses(
    sentence: Sentence, organisations: list[Found], gazetteer: Gazetteer
) -> list[tuple[str, int, str, bool | None]]:
    """Bodies a clause after their name gives China a role in."""
    text = sentence.text
    if "where" not in text and "which" not in text and " as " not in text:
        return []
    out: list[tuple[str, int, str, bool | None]] = []
    for clause in (*_WHERE.finditer(text), *_WITH_AS.finditer(text)):
        if not _chinese(sentence, gazetteer, clause.start("who"), clause.end("who")):
            continue
        before = [o for o in organisations if o.end - sentence.start <= clause.start()]
        if not before:
            continue
        body = max(before, key=lambda o: o.end)
        gap = text[body.end - sentence.start : clause.start()]
        if re.search(r"[,;:]", gap) or len(gap) > 80:
            continue  # another phrase stands between the name and the clause
        role = re.sub(r"^(?:co|vice)-?", "", clause.group("role").lower())
        out.append((body.key, clause.start("who"), _ROLES[role], None))
    return out


def _chinese(sentence: Sentence, gazetteer: Gazetteer, start: int, end: int) -> bool:
    """Whether the words between local offsets ``start`` and ``end`` are China or a
    Chinese body and nothing else of note."""
    words = sentence.text[start:end]
    if re.fullmatch(
        r"(?i:the\s+)?(?:China|Chinese\s+(?:side|delegation|government)|(?i:my|our)\s+country)",
        words,
    ):
        return True
    return any(
        m.key in gazetteer.domestic
        and not m.nested
        and m.start - sentence.start <= start + 4
        and m.end - sentence.start >= end - 1
        for m in sentence.mentions
    )
