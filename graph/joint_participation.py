"""Participation in a UN body's work done jointly with it: "Together with UNOOSA, the
agency chose twelve proposals", "the call the agency runs jointly with UNOOSA", "the
workshop was organised by UNOOSA together with CNSA".

A Chinese body and a UN body acting as one, one of them named after "with" that
"together" or "jointly" marks as a partner in the act, is China taking part in the UN
body's work (as "China and UNOOSA selected ..." is, in ``graph.participation_frames``).
Only a UN body: a bloc or an agency China acts with is its partner in cooperation.
"""

from __future__ import annotations

from graph.gazetteer import Gazetteer
from graph.participation_frames import Frame, of_the_united_nations
from graph.reading import Sentence
from graph.token_lookup import words_among

_JOINT = frozenset({"together", "jointly"})


def joint_frames(sentence: Sentence, organisations, gazetteer: Gazetteer) -> list[Frame]:
    """(UN body, offset after the verb, role, planned) for each act a Chinese body does
    jointly with a UN body, or a UN body jointly with a Chinese one."""
    doc = sentence.parse
    base = sentence.start
    bodies = [
        (m.start - base, m.end - base, m.key)
        for m in organisations
        if of_the_united_nations(gazetteer.entities[m.key])
    ]
    if doc is None or not bodies:
        return []
    chinese = [
        (m.start - base, m.end - base)
        for m in sentence.mentions
        if m.key in gazetteer.domestic and not m.nested
    ]
    out: list[Frame] = []
    for prep in words_among(doc, ("with",)):
        verb = prep.head
        if verb.dep_ == "dobj":
            verb = verb.head  # "judged the entries with X": the parser hangs it on the object
        if prep.dep_ != "prep" or verb.pos_ not in ("VERB", "AUX"):
            continue
        marks = [*prep.children, *verb.children]
        if not any(c.dep_ == "advmod" and c.lower_ in _JOINT for c in marks):
            continue
        partners = [o for o in prep.children if o.dep_ == "pobj"]
        actors = [*partners, *_actors(verb)]
        actors += [c for a in actors for c in a.conjuncts]
        if not any(a <= t.idx < b for t in actors for a, b in chinese):
            continue
        for key in dict.fromkeys(k for t in actors for a, b, k in bodies if a <= t.idx < b):
            out.append((key, verb.idx + len(verb), "participant", None))
    return out


def _actors(verb) -> list:
    """Who does the act: the verb's subjects and its passive agents."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children]
    return [*subjects, *agents]
