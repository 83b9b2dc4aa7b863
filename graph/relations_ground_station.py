"""Ground stations built, set up or updated with a partner.

"built satellite data receiving stations with countries including Bolivia, ...",
"The two countries also updated CBERS data receiving stations in South Africa and
Singapore": the partner is the list ``with`` whom, or the co-subject; a place after
"in" is the station's location, never its partner.
"""

from __future__ import annotations

import re

from graph.gazetteer import Gazetteer
from graph.grammar import Group, clause_of, clauses, status_at
from graph.model import GroundStation
from graph.reading import Sentence

_STATION = re.compile(
    r"\b(?:built|build|set\s+up|establish(?:ed|es|ing)?|updat(?:ed|e|ing)|upgrad(?:ed|e|ing)|"
    r"construct(?:ed|s|ing)?|co-built|jointly\s+built)\s+"
    r"(?:(?:the|a|an|new|joint)\s+)?(?:[\w&-]+\s+){0,3}?"
    r"(?:receiving|ground|TT&C|gateway|tracking)?\s*stations?\b",
)


# "BeiDou stations built with Roscosmos", "the station was upgraded jointly with X"
_BUILT_STATION = re.compile(
    r"\b(?:[\w&-]+\s+){0,2}?(?:receiving|ground|TT&C|gateway|tracking|reference|monitoring)?\s*"
    r"stations?\s+(?:(?:was|were|has\s+been|have\s+been)\s+)?(?:jointly\s+)?"
    r"(?:built|set\s+up|established|upgraded|constructed|co-built)\s+(?:jointly\s+)?"
    r"(?=with\b)"
)
_CHINA_HELPED = re.compile(
    r"\bwith\s+(?:China's|Chinese|the\s+Chinese\s+side's)\s+(?:help|assistance|support)\b"
)


def extract(sentence: Sentence, groups: list[Group], gazetteer: Gazetteer) -> list[GroundStation]:
    """Ground stations the sentence says were built with a partner."""
    text = sentence.text
    spans = clauses(text)
    out: dict[str, GroundStation] = {}
    for m in [*_STATION.finditer(text), *_BUILT_STATION.finditer(text)]:
        clause = clause_of(spans, m.start())
        words = m.group(0).split()[1:-1]
        purpose = " ".join(w for w in words if w not in ("the", "a", "an", "new", "joint")) or None
        location = None
        where = re.match(
            r"\s+in\s+((?:[A-Z][\w-]*(?:\s+|,\s*|\s+and\s+))*[A-Z][\w-]*)", text[m.end() :]
        )
        if where:
            location = where.group(1)
        helped = _CHINA_HELPED.search(text) is not None
        partners = [
            k
            for g in groups
            if (g.role == "with" and clause[0] <= g.start < clause[1])
            or g.role in ("subject", "anaphora")
            # "Ethiopia built the receiving station with China's help"
            or (helped and g.role == "agent" and clause[0] <= g.start < clause[1])
            for k in g.keys
        ]
        for partner in dict.fromkeys(partners):
            out.setdefault(
                partner,
                GroundStation(
                    evidence=(sentence.evidence(m.start()),),
                    status=status_at(sentence, m.start()),
                    partner=partner,
                    location=location,
                    purpose=purpose,
                ),
            )
    for at in _stations_from_parse(sentence):
        clause = clause_of(spans, at)
        partners = [
            k
            for g in groups
            if clause[0] <= g.start < clause[1] and g.role in ("with", "subject", "anaphora", "by")
            for k in g.keys
        ]
        for partner in dict.fromkeys(partners):
            out.setdefault(
                partner,
                GroundStation(
                    evidence=(sentence.evidence(at),),
                    status=status_at(sentence, at),
                    partner=partner,
                ),
            )
    return list(out.values())


_STATION_WORDS = frozenset(["station", "stations", "antenna", "antennas"])
_STATION_KINDS = frozenset(
    ["ground", "receiving", "tracking", "reference", "deep-space", "data", "monitoring", "TT&C"]
)
_STATION_VERBS = frozenset(
    ["build", "set", "establish", "upgrade", "construct", "install", "operate", "co-build"]
)


def _stations_from_parse(sentence: Sentence) -> list[int]:
    """Where the parse shows a ground station built, set up, upgraded, installed or
    operated, whatever the word order ("the station in Cuiaba, upgraded jointly by China
    and Brazil", "China and Namibia operate the Swakopmund tracking station")."""
    doc = sentence.parse
    if doc is None:
        return []
    out = []
    for token in doc:
        if token.lower_ not in _STATION_WORDS:
            continue
        kinds = {c.text for c in token.children if c.dep_ in ("compound", "amod")}
        kinds |= {c.lower_ for c in token.subtree if c.i < token.i}
        if not kinds & _STATION_KINDS:
            continue
        verbs = [token.head] if token.dep_ in ("dobj", "nsubjpass") else []
        verbs += [c for c in token.children if c.dep_ in ("acl", "relcl")]
        for verb in verbs:
            if verb.lemma_.lower() in _STATION_VERBS:
                out.append(verb.idx)
    return out
