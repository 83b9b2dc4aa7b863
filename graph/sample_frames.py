"""Samples a Chinese mission returned, studied by a partner: "Peruvian scientists have
analysed samples returned by Chang'e-6", "Researchers of the Open University studied
Chang'e-5 samples". Working on a mission's samples is cooperation on that mission, in
its area. The partner is the subject (its people's owner: "Peruvian scientists",
"researchers of X"); the mission is the one the samples come from ("Chang'e-6 samples",
"samples returned by / from Chang'e-6"). Nothing without both, or when negated."""

from __future__ import annotations

import re

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
    """Cooperation on a mission whose samples a partner studies, or is lent."""
    doc = sentence.parse
    if "sample" not in sentence.text.lower():
        return _recipients_listed(sentence, gazetteer)
    if doc is None:
        return []
    out: list[Cooperation] = _recipients(sentence, gazetteer) or _granted(
        sentence, groups, gazetteer
    )
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _STUDYING:
            continue
        mission = _samples_mission(sentence, verb)
        if mission is None:
            continue
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
            out += _on_mission(sentence, gazetteer, mission, partners, at)
    return out


_GIVING = frozenset({"grant", "lend", "loan", "allocate", "give", "send", "award", "provide"})


def _granted(sentence: Sentence, groups: list[Group], gazetteer: Gazetteer) -> list[Cooperation]:
    """Partners a passive says were given a mission's samples, named as the sentence's
    subject before it ("X and Y were among the first institutions abroad to be granted
    Chang'e-5 samples", "Z was lent samples from Chang'e-6")."""
    doc = sentence.parse
    out: list[Cooperation] = []
    for verb in doc or ():
        if verb.lemma_.lower() not in _GIVING or not any(
            c.dep_ == "auxpass" for c in verb.children
        ):
            continue
        mission = _samples_mission(sentence, verb)
        if mission is None or negated(sentence, verb.idx):
            continue
        partners = [
            k
            for g in groups
            if g.role in ("agent", "subject") and g.end <= verb.idx
            for k in g.keys
            if k not in gazetteer.domestic
        ]
        out += _on_mission(sentence, gazetteer, mission, partners, verb.idx)
    return out


def _samples_mission(sentence: Sentence, verb: Token) -> str | None:
    """The one mission whose samples are the verb's object ("studied Chang'e-5 samples")."""
    samples = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_ in _SAMPLES]
    missions = {k for s in samples for k in _source(sentence, s)}
    return missions.pop() if len(missions) == 1 else None


def _on_mission(
    sentence: Sentence, gazetteer: Gazetteer, mission: str, partners: list[str], at: int
) -> list[Cooperation]:
    """Each partner's cooperation on the mission whose samples it has, in its area."""
    return [
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


# "lent lunar samples returned by Chang'e-5 to research institutions in other countries,
# including X and Y", "approved loans of Chang'e-5 samples to seven institutions, among
# them X": the samples go to the partners named after "to"
_LENDING = re.compile(
    r"\b(?:lent|lends?|lending|loans?|loaned|allocat\w+|distribut\w+|gave|gives?|given|"
    r"grant\w*|shared?|sharing|provid\w+|sent|sends?|approv\w+|awarded)\b",
    re.IGNORECASE,
)
# a list that names the recipients the sentence before counted: "Among them are X, Y"
_AMONG_THEM = re.compile(
    r"^\s*(?:among\s+them|they|these|the\s+(?:recipients|institutions|laboratories))\b"
    r"(?:\s+(?:are|were|include[sd]?))?",
    re.IGNORECASE,
)


def _recipients(sentence: Sentence, gazetteer: Gazetteer) -> list[Cooperation]:
    text = sentence.text
    lending = _LENDING.search(text)
    if lending is None:
        return []
    to = re.search(r"\bto\b", text[lending.end() :])
    missions = [
        m.key
        for m in sentence.mentions
        if not m.nested and m.kind in (EntityKind.MISSION, EntityKind.SPACECRAFT)
    ]
    if to is None or len(set(missions)) != 1 or negated(sentence, lending.start()):
        return []
    mission = missions[0]
    sentence.notes["samples_lent"] = mission  # for "Among them are ..." after it
    after = lending.end() + to.end()
    return _facts(sentence, gazetteer, mission, after)


def _recipients_listed(sentence: Sentence, gazetteer: Gazetteer) -> list[Cooperation]:
    before = sentence.previous
    mission = before.notes.get("samples_lent") if before is not None else None
    if mission is None or not _AMONG_THEM.match(sentence.text):
        return []
    return _facts(sentence, gazetteer, mission, 0)  # type: ignore[arg-type]


def _facts(sentence: Sentence, gazetteer: Gazetteer, mission: str, after: int) -> list[Cooperation]:
    # every body or country named after "to" (a list the parser may cut at each "in"),
    # but not the country a body is in ("the Open University in the United Kingdom")
    partners = [
        m.key
        for m in sentence.mentions
        if not m.nested
        and m.start - sentence.start >= after
        and m.kind in (EntityKind.ORGANISATION, EntityKind.COUNTRY)
        and m.key not in gazetteer.domestic
    ]
    places = {
        m.key
        for m in sentence.mentions
        if m.kind is EntityKind.COUNTRY
        and re.search(r"\b(?:in|of)\s+(?:the\s+)?$", sentence.text[: m.start - sentence.start])
    }
    return _on_mission(
        sentence, gazetteer, mission, [p for p in partners if p not in places], after
    )
