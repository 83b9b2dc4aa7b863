"""A partner that receives or uses the data of a Chinese mission: "Algeria receives
CBERS-04A data through a station in Ouargla", "Kenya uses Fengyun-4 imagery for weather
forecasting". The partner is the verb's subject, the mission the one named in its
object beside "data", "imagery" or "images"; receiving a mission's data is data
exchange with China on that mission. Nothing without both, or when negated.
"""

from __future__ import annotations

from graph.gazetteer import Gazetteer
from graph.grammar import Group, status_at
from graph.model import Cooperation, EntityKind
from graph.negation import negated
from graph.reading import Sentence

_USING = frozenset({"receive", "use", "access", "obtain", "download", "get", "acquire"})
_DATA = frozenset({"data", "datum", "imagery", "image", "product", "picture"})


def extract(sentence: Sentence, groups: list[Group], gazetteer: Gazetteer) -> list[Cooperation]:
    """Data exchange on a mission whose data a partner receives or uses."""
    doc = sentence.parse
    # the mission is one named at the top level: without one, no verb need be read
    # (most sentences; each verb's part of speech and lemma is a lookup)
    if doc is None or not any(
        not m.nested and m.kind in (EntityKind.MISSION, EntityKind.SPACECRAFT)
        for m in sentence.mentions
    ):
        return []
    out: list[Cooperation] = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _USING:
            continue
        data = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _DATA]
        if not data or negated(sentence, verb.idx):
            continue
        left = min(d.left_edge.idx for d in data)
        right = max(d.right_edge.idx + len(d.right_edge) for d in data)
        missions = {
            m.key
            for m in sentence.mentions
            if not m.nested
            and m.kind in (EntityKind.MISSION, EntityKind.SPACECRAFT)
            and left <= m.start - sentence.start < right
        }
        if len(missions) != 1:
            continue
        mission = missions.pop()
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        partners = [
            k
            for s in subjects
            for g in groups
            if s.left_edge.idx <= g.start < s.right_edge.idx + len(s.right_edge)
            for k in g.keys
            if k not in gazetteer.domestic
        ]
        out += [
            Cooperation(
                evidence=(sentence.evidence(verb.idx),),
                status=status_at(sentence, verb.idx),
                partner=p,
                area="data-exchange",
                mission=mission,
                method="cooperation-syntax",
            )
            for p in dict.fromkeys(partners)
        ]
    return out
