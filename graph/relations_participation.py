"""China's participation in international organisations and multilateral mechanisms.

A participation phrase ("participates in", "takes part in the activities organized by",
"joined", "host country of", "rotating chair of", "supports the work of", "within the
framework of ... participated", "through the mechanism of") followed, within a few
words, by a list of organisations. Countries and bilateral bodies are not counted, and
neither is a Chinese body.
"""

from __future__ import annotations

import re

from graph.gazetteer import Gazetteer
from graph.grammar import Group, status_at
from graph.model import EntityKind, Participation
from graph.reading import Sentence

_PHRASE = re.compile(
    r"\b(?P<member>participat\w*\s+in|(?:take|takes|took|taken|taking)\s+(?:an\s+active\s+)?part\s+in|"
    r"joined|member\s+of|support(?:s|ed|ing)?\s+the)"
    r"|\b(?P<host>host\s+(?:country\s+)?of)"
    r"|\b(?P<chair>(?:rotating\s+)?chair\s+of)"
    r"|\b(?P<framework>(?:within|under)\s+the\s+framework\s+of)"
    r"|\b(?P<through>through\s+(?:the\s+mechanism\s+of\s+)?)",
    re.IGNORECASE,
)
# what may stand between the phrase and the organisations it names
_BRIDGE = re.compile(
    r"^(?:\s*(?:the|relevant|activities|activity|work|of|organi[sz]ed|sponsored|by|"
    r"international|organi[sz]ations|mechanisms?|such|as|in|(?:\w+\s+)?office|actively|an|"
    r"and|other|intergovernmental|construction|use|development)\b|'s\b|\u2019s\b|"
    r"[\s,()\"\u201c\u201d])*$",
    re.IGNORECASE,
)
_PARTICIPATING = re.compile(
    r"\b(?:participat\w*|cooperat\w*|support\w*|services?)\b", re.IGNORECASE
)
_CHINA_SUBJECT = re.compile(r"\b(?:China|Chinese|It|it)\b")
_ROLES = {
    "member": "participant",
    "host": "host",
    "chair": "chair",
    "framework": "participant",
    "through": "participant",
}


def extract(sentence: Sentence, groups: list[Group], gazetteer: Gazetteer) -> list[Participation]:
    """Organisations the sentence says China takes part in."""
    text = sentence.text
    facts: dict[str, Participation] = {}
    organisations = [
        m
        for m in sentence.mentions
        if not m.nested and m.kind is EntityKind.ORGANISATION and m.key not in gazetteer.domestic
    ]
    plain = list(text)
    for m in sentence.mentions:
        plain[m.start - sentence.start : m.end - sentence.start] = " " * (m.end - m.start)
    prose = "".join(plain)  # names masked: "Space Cooperation Organization" is no cue
    for phrase in _PHRASE.finditer(text):
        kind = next(k for k, v in phrase.groupdict().items() if v)
        if kind == "framework" and not _PARTICIPATING.search(prose, phrase.end()):
            continue
        if kind == "through" and not _PARTICIPATING.search(prose):
            continue
        segment = text[text.rfind(";", 0, phrase.start()) + 1 : phrase.start()]
        if kind != "framework" and not _CHINA_SUBJECT.search(segment):
            continue  # someone else is the member ("Fengyun is a member of ...")
        chain_end = phrase.end()
        for org in organisations:
            start, end = org.start - sentence.start, org.end - sentence.start
            if start < chain_end:
                continue
            if (
                kind in ("through", "framework")
                and gazetteer.entities[org.key].discovered
                and re.search(r"commission|committee", org.text, re.IGNORECASE)
            ):
                continue  # a bilateral commission's sub-body: not a mechanism China joins
            if not _BRIDGE.match(text[chain_end:start]):
                break
            chain_end = end
            facts.setdefault(
                org.key,
                Participation(
                    evidence=(sentence.evidence(phrase.start()),),
                    status=status_at(sentence, phrase.start()),
                    organisation=org.key,
                    role=_ROLES[kind],
                ),
            )
    for key, at in [
        *_relative_membership(sentence, organisations),
        *_parsed_membership(sentence, organisations, gazetteer),
    ]:
        facts.setdefault(
            key,
            Participation(
                evidence=(sentence.evidence(at),),
                status=status_at(sentence, at),
                organisation=key,
                role="participant",
            ),
        )
    return list(facts.values())


_JOINING = frozenset(["participate", "join", "take", "belong"])


def _relative_membership(sentence: Sentence, organisations) -> list[tuple[str, int]]:
    """ "the International Charter ..., in which China participates": a relative clause
    on the organisation whose subject is China."""
    doc = sentence.parse
    if doc is None:
        return []
    out = []
    for verb in doc:
        if verb.dep_ != "relcl" or verb.lemma_.lower() not in _JOINING:
            continue
        if not any(c.dep_ == "nsubj" and c.lower_ in ("china", "it") for c in verb.children):
            continue
        head = verb.head
        for org in organisations:
            if org.start - sentence.start <= head.idx < org.end - sentence.start:
                out.append((org.key, verb.idx))
    return out


_MEMBERSHIP_VERBS = frozenset(["participate", "take", "join", "attend", "host", "chair"])


def _parsed_membership(sentence: Sentence, organisations, gazetteer: Gazetteer):
    """China (or a Chinese body) takes part in, joins, attends or hosts something of an
    organisation: "took part in the 17th session of the Council of APSCO", "has taken part
    in every annual meeting of the ICG"; the organisation may sit deep in the object."""
    doc = sentence.parse
    if doc is None:
        return []
    chinese = [
        (m.start - sentence.start, m.end - sentence.start)
        for m in sentence.mentions
        if m.key in gazetteer.domestic and not m.nested
    ]
    out = []
    for verb in doc:
        lemma = verb.lemma_.lower()
        if lemma not in _MEMBERSHIP_VERBS:
            continue
        if lemma == "take" and not any(c.lower_ == "part" for c in verb.children):
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        subjects += [s for c in subjects for s in c.conjuncts]
        if not any(a <= s.idx < b for s in subjects for a, b in chinese):
            continue
        objects = [c for c in verb.children if c.dep_ in ("dobj", "prep") and c.lower_ != "with"]
        for obj in objects:
            left, right = obj.left_edge.idx, obj.right_edge.idx + len(obj.right_edge)
            for org in organisations:
                if left <= org.start - sentence.start < right and not _SUB_BODY.search(org.text):
                    out.append((org.key, verb.idx))
    return out


# a sub-committee or working group is a part of the organisation China takes part in
_SUB_BODY = re.compile(r"sub-?committee|working\s+group", re.IGNORECASE)
