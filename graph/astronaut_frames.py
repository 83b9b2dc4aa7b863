"""A partner's astronauts: "China will train two Pakistani astronaut candidates, and one
of them will fly to the China Space Station", "astronauts from Thailand", "Kenya's first
astronaut". Flying a partner's astronaut is human spaceflight with that partner, on the
station the sentence names; training one is also training. A "payload specialist" is an
astronaut, not a payload.
"""

from __future__ import annotations

import re

from graph.gazetteer import Gazetteer
from graph.grammar import Group, clause_of, clauses, status_at
from graph.model import Cooperation, EntityKind
from graph.negation import negated
from graph.reading import Sentence

CREW = re.compile(
    r"\b(?:astronaut|cosmonaut|taikonaut|payload\s+specialist|crew\s+member)s?"
    r"(?:\s+candidates?)?\b",
    re.IGNORECASE,
)
_DENIED = re.compile(r"\b(?:not|never|no)\b(?:\s+[\w'\u2019-]+){0,8}\s+$", re.IGNORECASE)
_DENIED_AFTER = re.compile(
    r"\s*(?:[\w'\u2019-]+\s+){0,3}?(?:are|is|was|were|will|would|have|has|do|does|did|"
    r"can|could)(?:\s+not\b|n['\u2019]t\b)",
    re.IGNORECASE,
)
# "an agreement on the selection and training of Pakistani astronauts": the document is
# the fact, its subject is not yet cooperation
_DOCUMENT_ON = re.compile(
    r"\b(?:agreements?|memorand(?:um|a)|protocols?|letters?\s+of\s+intent|plans?)\s+"
    r"(?:[\w,]+\s+){0,4}?(?:on|for|concerning|regarding|covering)\b[^.;]*$",
    re.IGNORECASE,
)
_EXCLUDED = re.compile(r"\b(?:excluded|barred|banned)\b", re.IGNORECASE)
_TRAINING = re.compile(r"\btrain(?:s|ed|ing|ees?)?\b", re.IGNORECASE)
# between a partner and its astronauts: "Pakistani", "Pakistan's first", "two Kenyan"
_BEFORE_CREW = re.compile(r"(?:'s|\u2019s)?(?:\s+(?:first|second|own|future|two|three|\d+))*\s+$")
# between astronauts and their partner: "astronauts from Thailand", "... of the UAE"
_AFTER_CREW = re.compile(r"^\s+(?:from|of)\s+(?:the\s+)?$")


def extract(
    sentence: Sentence,
    groups: list[Group],
    gazetteer: Gazetteer,
    parties: frozenset[str] = frozenset(),
) -> list[Cooperation]:
    """Human spaceflight (and training, where the sentence trains them) with each partner
    whose astronauts the sentence names; not with ``parties``, the partners of an
    agreement the sentence reports ("signed an agreement on the training of Pakistani
    astronauts": the agreement is the fact)."""
    text = sentence.text
    crews = list(CREW.finditer(text))
    if not crews:
        return []
    stations = [
        (m.start - sentence.start, m.key)
        for m in sentence.mentions
        if not m.nested
        and m.kind in (EntityKind.MISSION, EntityKind.SPACECRAFT)
        and gazetteer.default_areas.get(m.key) == "human-spaceflight"
    ]
    spans = clauses(text)
    areas = ["human-spaceflight"] + (["training-and-education"] if _TRAINING.search(text) else [])
    out = []
    for crew in crews:
        # the station of the astronauts' own clause, or the one their flight goes to next
        clause = clause_of(spans, crew.start())
        station = next(
            (
                key
                for at, key in stations
                if clause[0] <= at < clause[1] or 0 <= at - crew.end() <= 80
            ),
            None,
        )
        if (
            negated(sentence, crew.start())
            or _DENIED.search(text, 0, crew.start())
            or _DENIED_AFTER.match(text, crew.end())
            or _EXCLUDED.search(text)
            or _DOCUMENT_ON.search(text, 0, crew.start())
        ):
            continue  # "would not send its astronauts", "are not training in China"
        for group in groups:
            if not (
                (
                    group.end <= crew.start()
                    and _BEFORE_CREW.fullmatch(text[group.end : crew.start()])
                )
                or (crew.end() <= group.start and _AFTER_CREW.match(text[crew.end() : group.start]))
            ):
                continue
            out += [
                Cooperation(
                    evidence=(sentence.evidence(group.start),),
                    # the tense of the astronauts' own verb ("A Kenyan astronaut is then
                    # expected to fly"), read up to the end of their clause
                    status=status_at(sentence, min(clause[1], crew.end() + 60) - 1),
                    partner=partner,
                    area=area,
                    mission=station,
                    method="cooperation-syntax",
                )
                for partner in group.keys
                if partner not in gazetteer.domestic and partner not in parties
                for area in areas
            ]
    return out


_PAYLOAD_SPECIALIST = re.compile(r"\bpayload\s+specialists?\b", re.IGNORECASE)


def crew_partners(sentence: Sentence, facts: list[Cooperation]) -> frozenset[str]:
    """Partners whose "payload specialist" the sentence names: no payload of theirs."""
    if not _PAYLOAD_SPECIALIST.search(sentence.text):
        return frozenset()
    return frozenset(f.partner for f in facts if f.area == "human-spaceflight")
