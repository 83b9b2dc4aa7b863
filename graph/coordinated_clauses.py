"""A partner that is the subject of a clause of its own, joined by "and" to the clause
that names a mission ("a station ... downloads data from Gaofen satellites, and Egypt
and China cooperate on data sharing"), makes a second statement, not one about that
mission; unless its clause points back to the mission ("joined it", "the programme"),
only repeats the first ("and Uruguay followed"), or the mission opens the sentence ("On
SVOM, ..."). Used by ``graph.mission_pairing``."""

from __future__ import annotations

import re

from spacy.tokens import Token

from graph.grammar import Group
from graph.name_words import MONTH_NAMES
from graph.parsing import span_root
from graph.reading import Sentence
from graph.recognise import Found

# a mission named first, in an opening phrase: "On SVOM, ...", "For the Chang'e-7 mission"
OPENER = re.compile(r"^(?:-\s*)?(?:In|During|For|On|Under)\s+(?:the\s+)?$")


def own_coordinated_clause(sentence: Sentence, group: Group, named: list[Found]) -> bool:
    """Whether the group is the subject of a clause of its own joined by "and" to the
    one that names the mission (``named``: where it is named) and not naming it itself
    ("a station ... downloads data from Gaofen satellites, and Egypt and China cooperate
    on data sharing"): a second statement, not one about the mission."""
    doc = sentence.parse
    if doc is None or not named:
        return False
    if any(OPENER.match(sentence.text[: m.start - sentence.start]) for m in named):
        return False  # "On SVOM, CNES supplied ..., and X built ...": the opening frames all
    root = span_root(doc, group.start, group.end)
    if root is None:
        return False
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "Egypt and China": the list's first name
    verb = root.head
    if root.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "conj":
        return False
    if any(t.lower_ in _BACK or _the_mission(t) for t in verb.subtree):
        # "..., and X joined it", "... joined the programme": it speaks of the mission again
        return False
    if not _says_more(verb):
        return False  # "X joined M in 2024, and Y followed later": the same statement again
    framing = verb.head  # the clause the second one is joined to
    heads = [span_root(doc, m.start - sentence.start, m.end - sentence.start) for m in named]
    return all(
        h is not None
        and any(t.i == framing.i for t in h.ancestors)
        and not any(t.i == verb.i for t in h.ancestors)
        for h in heads
    )


def _says_more(verb: Token) -> bool:
    """Whether the verb has an object or complement of its own, a time aside ("followed
    in April 2024" says nothing new)."""
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "xcomp", "ccomp", "dative", "acomp", "oprd"):
            return True
        if child.dep_ == "prep" and not any(
            t.like_num or t.lower_ in MONTH_NAMES or t.lower_ in _TIMES for t in child.subtree
        ):
            return True
    return False


def _the_mission(token: Token) -> bool:
    """ "the programme", "this mission": a mission named again by its class word."""
    return token.lemma_.lower() in _MISSION_NOUNS and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children
    )


_MISSION_NOUNS = frozenset(
    {
        "programme",
        "program",
        "project",
        "mission",
        "station",
        "initiative",
        "satellite",
        "probe",
        "spacecraft",
        "constellation",
        "telescope",
        "lander",
        "rover",
        "orbiter",
    }
)
_TIMES = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days", "time"})
# the words by which a clause points back to the mission of the one before
_BACK = frozenset({"it", "its", "this", "there", "thereon", "aboard", "onboard"})
