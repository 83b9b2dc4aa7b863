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
from graph.model import CooperationTotal, Status, slugify
from graph.reading import Sentence
from graph.relations_totals import COUNTED, NUMBER, number_value

# what is put forward to be chosen: the part taken is the count ("accepted 10 of the 31
# proposals it received"), the whole received is none
_SUBMITTED = r"proposals|applications|submissions|bids"
_OF_SET = re.compile(
    rf"(?<![\w.,-]){NUMBER}\s+of\s+(?:(?P<pronoun>them|which|these|those)\b|"
    r"the\s+(?P<m>\d{1,3}(?:,\d{3})*|[a-z]+(?:-[a-z]+)?)\s+"
    rf"(?P<what>(?:[\w'\u2019-]+\s+){{0,4}}?(?:{COUNTED}|members|{_SUBMITTED}))\b)",
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
    if " of " not in text:
        return []
    cooperating = _COOPERATING.search(text) is not None
    # the sets of the sentence before, read only for an "of them" that may stand for one
    earlier = _counted_before(sentence) if " of them" in text.lower() else []
    if not (cooperating or earlier):
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
            if not named and m.group("pronoun").lower() == "them" and text[: m.start()].strip():
                # "We count 38 projects. Peru accounts for nine of them.": a share stated of
                # the set the sentence before counted; an opening "Three of them, ..." lists
                # examples, and "38 of these documents" is no pronoun
                named = earlier
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
                status=Status.ACHIEVED if _done(text[: m.start()]) else status_at(sentence, at),
                quantity=quantity,
                counted=what,
                measure=slugify(what),
            )
        )
    return out


# a part taken by a verb in the past: "accepted 10 of the 31 proposals", "has selected
# six of them" (not "will be selected", "to be accepted")
_DONE = re.compile(
    r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bto\s)\b(?:accepted|selected|chose|approved|picked|signed|"
    r"launched|completed)\s+$",
    re.IGNORECASE,
)


def _done(before: str) -> bool:
    """Whether the part is the object of a verb in the past, which a heading about plans
    above it does not make planned."""
    return _DONE.search(before) is not None and not re.search(r"\bwill\b", before[-40:])


def _counted_before(sentence: Sentence) -> list[str]:
    """The sets of cooperation the sentence just before (in the same paragraph) counted,
    when it speaks of cooperation: what "of them" may stand for in a sentence that
    counts none itself."""
    before = sentence.previous
    if before is None or sentence.opens_paragraph or not _COOPERATING.search(before.text):
        return []
    return [w.group("set") for w in _SET_NOUN.finditer(before.text)]
