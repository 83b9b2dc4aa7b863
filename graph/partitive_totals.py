"""Totals counted as a part of a set: "54 launches, 9 of which carried payloads for
other countries", "documents with four of the twelve Andean partners", "one of the 31
countries that have signed ...".

The part is the total the sentence is about: the set it is taken from is often the
whole of something (all launches, all members of a bloc) and is read, or not, by
``graph.relations_totals``. "One of the N ..." places a partner among N, and N is the
count. "Of them" must stand for a set of cooperation the sentence counted before it
("14 documents, ..."), and the sentence must speak of cooperation (signing,
launching for others, partners, something foreign or joint): a part of people, craft or
instruments is no total ("two of them smiled", "three of the five cameras").
"""

from __future__ import annotations

import re

from graph.grammar import status_at
from graph.model import CooperationTotal, slugify
from graph.reading import Sentence
from graph.relations_totals import COUNTED, NUMBER, number_value

_OF_SET = re.compile(
    rf"(?<![\w.,-]){NUMBER}\s+of\s+(?:(?P<pronoun>them|which|these|those)\b|"
    r"the\s+(?P<m>\d{1,3}(?:,\d{3})*|[a-z]+(?:-[a-z]+)?)\s+"
    rf"(?P<what>(?:[\w'\u2019-]+\s+){{0,4}}?(?:{COUNTED}|members))\b)",
    re.IGNORECASE,
)
_COOPERATING = re.compile(
    r"\b(?:sign\w*|launch\w*|cooperat\w*|partners?|foreign|international|joint\w*|"
    r"customers?|with\s+China|Chinese)\b",
    re.IGNORECASE,
)
_OWNED = re.compile(r"\b(?:the|its|their)\s+$")
# the sets "of them" may stand for: a counted set of cooperation ("14 foreign partners,
# three of them ..."), not of people, craft or instruments, nor a set not counted
_SET_NOUN = re.compile(
    rf"(?<![\w.,-]){NUMBER}\s+(?:[\w'\u2019-]+\s+){{0,4}}?(?P<set>"
    r"agreements|memoranda|documents|countries|regions|organi[sz]ations|agencies|states|"
    r"mechanisms|launches|services|projects|institutions|partners|nations|contracts)\b",
    re.IGNORECASE,
)


def extract(sentence: Sentence) -> list[CooperationTotal]:
    """The parts of sets the sentence counts, when it speaks of cooperation."""
    text = sentence.text
    if " of " not in text or not _COOPERATING.search(text):
        return []
    out = []
    for m in _OF_SET.finditer(text):
        n = m.group("n")
        if re.fullmatch(r"(?:19|20)\d\d", n) or _OWNED.search(text[: m.start()]):
            continue  # a year; "the two of them"
        if m.group("m"):
            try:
                whole = number_value(m.group("m"))
            except ValueError:
                continue  # "three of the founding members": no count of the set
            what = " ".join(m.group("what").split())
        else:
            whole = None
            # "of them": a set of cooperation the sentence counted before
            named = [w.group("set") for w in _SET_NOUN.finditer(text, 0, m.start())]
            if not named:
                continue  # "two of them, the camera and ...", "40 of them a year": anything
            what = named[-1]
        one = n.lower() == "one"
        quantity = whole if one and whole else number_value(n)
        if one and not whole:
            continue  # "one of them": a single partner, no total
        at = m.start("m") if one else m.start()
        out.append(
            CooperationTotal(
                evidence=(sentence.evidence(at),),
                status=status_at(sentence, at),
                quantity=quantity,
                counted=what,
                measure=slugify(what),
            )
        )
    return out
