"""Joining told in a relative clause: "Ghana, which joined the ILRS in 2030, will host an
antenna", "the Arab Space Coordination Group, which signed on to the International Lunar
Research Station in 2029". The sentence's main verb is about something else, so no rule
reading the partner's own role sees the joining; the parse does: a relative clause
hung on the partner's name, whose verb joins (or signs on to, accedes to) a mission it
names. The partner cooperates on that mission, in the mission's own area; a clause
that names nothing joined ("..., which joined in recent weeks") joins the mission the
sentence before (else the section or the title) is about.
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.gazetteer import CHINA, Gazetteer
from graph.grammar import Group, status_at
from graph.model import Cooperation, EntityKind
from graph.negation import negated
from graph.parsing import governing_phrase, span_root
from graph.reading import Sentence

_RELATIVE = frozenset({"which", "that", "who"})


def joined_in_relative(
    sentence: Sentence, groups: list[Group], gazetteer: Gazetteer
) -> list[Cooperation]:
    """Cooperation of each partner a relative clause says joined a named mission."""
    doc = sentence.parse
    if doc is None:
        return []
    out: list[Cooperation] = []
    for group in groups:
        root = span_root(doc, group.start, group.end)
        if root is None:
            continue
        phrase = governing_phrase(root)
        names = {root.i: root, phrase.i: phrase}
        for t in (root, phrase):
            if t.dep_ in ("amod", "compound"):
                names[t.head.i] = t.head  # "the Ghanaian (and Peruvian) agencies, which ..."
        clauses = [c for t in names.values() for c in t.children if c.dep_ == "relcl"]
        for clause in clauses:
            if not _joins(clause):
                continue
            mission = _joined_mission(sentence, clause)
            if mission is None and not _has_object(clause):
                # "..., which joined in recent weeks": what the sentence before is about
                mission = _mission_before(sentence)
            area = gazetteer.default_areas.get(mission) if mission else None
            if mission is None or area is None or negated(sentence, clause.idx + len(clause)):
                continue
            out += [
                Cooperation(
                    evidence=(sentence.evidence(group.start),),
                    status=status_at(sentence, clause.idx),
                    partner=key,
                    area=area,
                    mission=mission,
                    method="cooperation-syntax",
                )
                for key in group.keys
                if key != CHINA and key not in gazetteer.domestic
            ]
    return out


def _joins(clause: Token) -> bool:
    """A relative clause of joining: "which joined", "who acceded to", "that signed on
    to" (its subject the relative pronoun, so the partner is the one who joins)."""
    relative = any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE for c in clause.children)
    lemma = clause.lemma_.lower()
    signed_on = lemma == "sign" and any(
        c.dep_ == "prt" and c.lower_ in ("on", "up") for c in clause.children
    )
    return relative and (lemma in ("join", "accede") or signed_on)


def _has_object(clause: Token) -> bool:
    """Whether the clause says what was joined (an object, or "to" something)."""
    return any(
        c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("to", "with"))
        for c in clause.children
    )


def _mission_before(sentence: Sentence) -> str | None:
    """The one mission the sentence before names (when this one names none), else the
    one its section's heading or the document's title names."""
    if any(m.kind is EntityKind.MISSION for m in sentence.mentions):
        return None
    before = sentence.previous
    keys = (
        {m.key for m in before.mentions if not m.nested and m.kind is EntityKind.MISSION}
        if before is not None
        else set()
    )
    if len(keys) == 1:
        return keys.pop()
    return None if keys else sentence.section_mission or sentence.title_mission


def _joined_mission(sentence: Sentence, clause: Token) -> str | None:
    """The one mission the relative clause names (what is joined)."""
    left = clause.left_edge.idx
    right = clause.right_edge.idx + len(clause.right_edge)
    keys = {
        m.key
        for m in sentence.mentions
        if not m.nested
        and m.kind is EntityKind.MISSION
        and left <= m.start - sentence.start < right
    }
    return keys.pop() if len(keys) == 1 else None
