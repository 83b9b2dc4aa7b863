"""First-person mentions: "we", "us" and "our" in an interview's answers, for the body
that answers.

An interview's opening, before its first question, says whom it is with ("An interview
with ..., director of international programmes at the Egyptian Space Agency"); the "we"
of the answers ("A: ... we work with the China Satellite Navigation Office") is that
body. Those words are read as mentions of it, so every fact family sees the speaker as it
sees a named party. A speech's transcript says whom it is by in a line of its own
("Speaker: Dr ..., Director General, Italian Space Agency (ASI)"; "Remarks by the head of
..."): its first person is that body. A space body's own release or brochure speaks for
the body that published it, outside the words it quotes. "Our country" is the speaker's
country, not the body, and is left alone; so is the first person of any other document
(an outlet may only print a report), whose speaker cannot be told.
"""

from __future__ import annotations

import re
from collections import Counter

from graph.model import EntityKind
from graph.recognise import Found, Recogniser

_ANSWER = re.compile(r"^\s*(?:A|Answer|[A-Z][a-z]+\s+[A-Z][a-z]+)\s*:", re.MULTILINE)
_QUESTION = re.compile(r"^\s*(?:Q|Question)\s*:", re.MULTILINE)
_FIRST_PERSON = re.compile(
    r"\b(?:[Ww]e|us|[Oo]ur)\b(?!\s+(?:country|nation|government|people|region|continent)\b)"
    r"(?!['\u2019])"
)


def speaker(raw: str, recogniser: Recogniser, publisher: str | None) -> str | None:
    """The body the answers of an interview speak for: the one its opening, before the
    first question, names most often ("An interview with ..., director of international
    programmes at the Egyptian Space Agency"), read in the raw text, as a web page's
    cleaning may drop the opening; a Chinese body there makes the first person China's
    side. A speech's speaker line names its body, which may be the publisher (an agency
    printing its head's address). Any other document published by a space body (an
    agency's release, a company's brochure) speaks for it; None for the rest (an outlet
    or a secretariat may only print a report, so it says nothing of who speaks), or when
    the opening names no body, or two as often.
    """
    question = _QUESTION.search(raw)
    if question is None or not _ANSWER.search(raw, question.end()):
        line = _SPEAKER_LINE.search(raw, 0, 2000)
        if line:
            return _named_most(line.group(0), recogniser, None)
        # an opinion piece by a country's envoy: "By ..., Ambassador of Peru to China"
        byline = _ENVOY_BYLINE.search(raw, 0, 2000) or _ENVOY_NOTE.search(raw)
        if byline:
            return _named_most(byline.group(0), recogniser, None, countries=True)
        # a space body's own brochure, release or page: its "we" is the body that
        # published it (not a forum's secretariat printing a speech)
        entity = recogniser.gazetteer.entities.get(publisher or "")
        if entity is not None and _SPACE_BODY.search(entity.label):
            return publisher
        return None
    return _interviewed(raw, question, recogniser, publisher)


def _interviewed(
    raw: str, question: re.Match[str], recogniser: Recogniser, publisher: str | None
) -> str | None:
    """The body an interview's opening, or else its first question, names most often."""
    # the opening may describe the body without its name ("the head of Rwanda's space
    # agency"); then the first question, put to it, names it ("When did the Rwanda
    # Space Agency start ...?")
    first = raw[question.start() : _ANSWER.search(raw, question.end()).start()]
    return _named_most(raw[: question.start()], recogniser, publisher) or _named_most(
        first, recogniser, publisher
    )


# the line of a transcript's opening that says whose speech it is
_SPEAKER_LINE = re.compile(
    r"^[ \t]*(?:speaker|remarks\s+by|address\s+by|statement\s+by|speech\s+by|"
    r"(?:keynote\s+)?(?:address|speech|remarks)\s+(?:delivered\s+)?by|delivered\s+by)\b.*$",
    re.IGNORECASE | re.MULTILINE,
)


# the byline or closing note of an opinion piece by a country's envoy or minister
_ENVOY = r"(?:ambassador|envoy|minister|consul[- ]general|high\s+commissioner)"
_ENVOY_BYLINE = re.compile(
    rf"^[ \t]*By\s+[^\n,]{{2,60}},\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){{0,3}}?{_ENVOY}\b.*$",
    re.IGNORECASE | re.MULTILINE,
)
_ENVOY_NOTE = re.compile(
    rf"^[ \t]*The\s+(?:author|writer)\s+is\s+.{{0,80}}?\b{_ENVOY}\b.*$",
    re.IGNORECASE | re.MULTILINE,
)


def _named_most(
    opening: str, recogniser: Recogniser, publisher: str | None, *, countries: bool = False
) -> str | None:
    """The body (or, for an envoy, the country other than China) an opening names most
    often, leaving out the outlet that printed it; None when it names none, or two as
    often."""
    kinds = (
        (EntityKind.ORGANISATION, EntityKind.COUNTRY) if countries else (EntityKind.ORGANISATION,)
    )
    domestic = recogniser.gazetteer.domestic if countries else frozenset()
    counts = Counter(
        f.key
        for f in recogniser.mentions(opening)
        if not f.nested
        and f.kind in kinds
        and f.key not in domestic  # "Ambassador of Peru to China": Peru speaks
        and f.key != publisher  # the outlet that printed it ("for Delta Science Monthly")
    )
    if not counts:
        return None
    (key, most), *rest = counts.most_common(2)
    return key if not rest or most > rest[0][1] else None


def first_person(text: str, raw: str, recogniser: Recogniser, publisher: str | None) -> list[Found]:
    """Mentions of the speaking body for each "we", "us" and "our" of the clean ``text``
    (questions, which speak to the body, are left out)."""
    key = speaker(raw, recogniser, publisher)
    entity = recogniser.gazetteer.entities.get(key or "")
    if entity is None:
        return []
    questions = [(m.start(), _question_end(text, m.end())) for m in _QUESTION.finditer(text)]
    if key == publisher and not _QUESTION.search(raw):
        # the publisher speaks in its own words, not in those it quotes of others
        questions += [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    out = []
    for m in _FIRST_PERSON.finditer(text):
        if any(a <= m.start() < b for a, b in questions):
            continue
        out.append(Found(entity.key, entity.kind, m.start(), m.end(), m.group(0)))
    return out


# the words that name a body doing space work itself, as a publisher
_SPACE_BODY = re.compile(
    r"\b(?:Agency|Administration|Corporation|Company|Institute|Centre|Center|Academy|"
    r"University|Commission|Laboratory|Observatory|Ltd|Inc)\b"
)
# a quotation within a paragraph: someone else's words
_QUOTED = re.compile(r"\u201c[^\u201d\n]*\u201d|\"[^\"\n]*\"")


def _question_end(text: str, start: int) -> int:
    """Where a question ends: at its answer or at the next blank line."""
    ends = [len(text)]
    answer = _ANSWER.search(text, start)
    if answer is not None:
        ends.append(answer.start())
    blank = text.find("\n\n", start)
    if blank >= 0:
        ends.append(blank)
    return min(ends)
