"""The documents' numeric cooperation totals: "136 space cooperation documents with 43
countries or regions and 6 international organizations".

A number (digits or a number word) followed by at most four lower-case words and a
counted noun of cooperation (agreements, documents, countries, organisations,
mechanisms, launches, services, projects, entities, professionals) is a total, unless
it is part of a name ("Group 20 mechanisms") or "the two countries". Years, ordinals
and domestic counts ("207 launch missions") do not match.
"""

from __future__ import annotations

import re

from graph.grammar import status_at
from graph.model import CooperationTotal, slugify
from graph.reading import Sentence

_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "thirty": 30,
}
_NUMBER = r"(?P<n>\d{1,3}(?:,\d{3})*|\d+|" + "|".join(_WORDS) + r")"
_COUNTED = (
    r"agreements?|memoranda|documents|countries|regions|organi[sz]ations|agencies|"
    r"mechanisms|launches|services|projects|entities|professionals|institutions|"
    r"engineers|technicians|fellows|scientists|students|experts|astronauts|payloads"
)
_MODIFIER = r"(?!(?:for|to|with|from|in|of|by|on|at|and|or)\b)[a-z][\w-]*"
_TOTAL = re.compile(
    rf"(?<![\w.,-]){_NUMBER}\s+(?P<what>(?:{_MODIFIER}\s+){{0,4}}?(?:{_COUNTED})\b"
    r"(?:\s+(?:or|and)\s+(?:[a-z][\w-]*\s+){0,2}?(?:" + _COUNTED + r")\b)?)",
    re.IGNORECASE,
)
_AS_OF = re.compile(r"\b(?:up\s+to\s+now|so\s+far|to\s+date|at\s+present)\b", re.IGNORECASE)
_THROUGHOUT = re.compile(r"\bthroughout\s+((?:19|20)\d{2})\b")


def _value(token: str) -> int:
    return _WORDS.get(token.lower()) or int(token.replace(",", ""))


# a key-figure line: "International payloads flown to date: 8", "Countries served .... 24"
_FIGURE = re.compile(
    rf"(?:^|(?<=\s))(?P<what>(?:[A-Za-z][\w'\u2019-]*\s+){{0,8}}?(?:{_COUNTED})\b[^:.\d]{{0,60}}?)"
    r"(?::\s*|\s*\.{3,}\s*)(?P<n>\d{1,3}(?:,\d{3})*|\d+)\b",
    re.IGNORECASE,
)


def _figures(sentence: Sentence) -> list[CooperationTotal]:
    """The totals of key-figure lines: a label naming what is counted, then the number."""
    text = _LEAD.sub("", sentence.text)
    offset = len(sentence.text) - len(text)
    out = []
    for m in _FIGURE.finditer(text):
        counted = " ".join(m.group("what").split())
        if re.fullmatch(r"(?:19|20)\d\d|0", m.group("n")):
            continue  # a year or a nought is no total
        at = offset + m.start("n")
        out.append(
            CooperationTotal(
                evidence=(sentence.evidence(at),),
                status=status_at(sentence, at),
                quantity=_value(m.group("n")),
                counted=counted,
                measure=slugify(counted),
            )
        )
    return out


_LEAD = re.compile(r"^(?:[-\u2022*]\s*)")


def extract(sentence: Sentence) -> list[CooperationTotal]:
    """Numeric totals the sentence states, and those of key-figure lines."""
    text = sentence.text
    out: list[CooperationTotal] = _figures(sentence)
    for m in _TOTAL.finditer(text):
        before = text[: m.start()]
        if re.search(r"\bthe\s+$", before) or re.search(r"[A-Z][\w-]*\s+$", before):
            continue  # "the two countries", "Group 20 mechanisms"
        if m.group("n").lower() in _WORDS and not m.group("n").islower():
            continue
        quantity = _value(m.group("n"))
        counted = " ".join(m.group("what").split())
        as_of = None
        throughout = _THROUGHOUT.search(text, m.end())
        if throughout:
            as_of = throughout.group(1)
        elif _AS_OF.search(text):
            as_of = sentence.doc.meta.issued
        context = slugify(re.sub(r"\b(?:a|the|of|more|than|almost|over)\b", " ", counted))
        out.append(
            CooperationTotal(
                evidence=(sentence.evidence(m.start()),),
                status=status_at(sentence, m.start()),
                quantity=quantity,
                counted=counted,
                measure=context,
                as_of=as_of,
            )
        )
    return out
