"""Samples a Chinese mission returned, studied by a partner: "Peruvian scientists have
analysed samples returned by Chang'e-6", "Researchers of the Open University studied
Chang'e-5 samples". Working on a mission's samples is cooperation on that mission, in
its area. The partner is the subject (its people's owner: "Peruvian scientists",
"researchers of X"); the mission is the one the samples come from ("Chang'e-6 samples",
"samples returned by / from Chang'e-6"). Nothing without both, or when negated."""

from __future__ import annotations

from spacy.tokens import Token

from graph.gazetteer import Gazetteer
from graph.grammar import Group, status_at
from graph.model import Cooperation, EntityKind
from graph.negation import negated
from graph.reading import Sentence

_STUDYING = frozenset(
    {"analyse", "analyze", "study", "examine", "investigate", "research", "receive", "obtain"}
)
_SAMPLES = frozenset({"sample", "specimen", "regolith", "soil"})
_AREA = "lunar-and-deep-space-exploration"


def extract(sentence: Sentence, groups: list[Group], gazetteer: Gazetteer) -> list[Cooperation]:
    """Cooperation on a mission whose samples a partner studies."""
    doc = sentence.parse
    if doc is None or "sample" not in sentence.text.lower():
        return []
    out: list[Cooperation] = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _STUDYING:
            continue
        samples = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_ in _SAMPLES]
        missions = {k for s in samples for k in _source(sentence, s)}
        if len(missions) != 1:
            continue
        mission = missions.pop()
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            left, right = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
            partners = [
                k
                for g in groups
                if left <= g.start < right
                for k in g.keys
                if k not in gazetteer.domestic
            ]
            at = verb.idx
            if negated(sentence, at):
                continue
            out += [
                Cooperation(
                    evidence=(sentence.evidence(at),),
                    status=status_at(sentence, at),
                    partner=p,
                    area=gazetteer.default_areas.get(mission, _AREA),
                    mission=mission,
                    method="cooperation-syntax",
                )
                for p in dict.fromkeys(partners)
            ]
    return out


def _source(sentence: Sentence, samples: Token) -> list[str]:
    """The missions named in the samples' own phrase ("Chang'e-6 samples", "samples
    returned by Chang'e-6", "samples from Chang'e-5")."""
    left, right = samples.left_edge.idx, samples.right_edge.idx + len(samples.right_edge)
    return [
        m.key
        for m in sentence.mentions
        if not m.nested
        and m.kind in (EntityKind.MISSION, EntityKind.SPACECRAFT)
        and left <= m.start - sentence.start < right
    ]
