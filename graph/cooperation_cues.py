"""Where a cooperation statement says its area when the partner's own clause does not:
the predicate of a subject set off by commas, a second predicate joined to the partner's
verb, an instrument the partner's verb makes; and a cue that only names what a craft is.
Used by ``graph.relations_cooperation``."""

from __future__ import annotations

import re

from graph.area_cues import Cue
from graph.cooperation_words import INSTRUMENT, INSTRUMENT_WORD
from graph.grammar import Group
from graph.model import EntityKind
from graph.parsing import clause_verb, predicate_tokens, verb_above
from graph.reading import Sentence
from graph.token_lookup import token_at


def predicate_cues(
    sentence: Sentence, group: Group, cues: list[Cue], clause: tuple[int, int]
) -> list[Cue]:
    """The areas the predicate says when the partner is in its subject, set off from
    the verb by commas ("Cooperation with X, the oldest partnership, has covered A and
    B"), and the clause around the partner names none."""
    doc = sentence.parse
    if doc is None:
        return []
    verb, words = predicate_tokens(doc, group.start, group.end)
    if verb is None or clause[0] <= verb.idx < clause[1]:
        return []
    return [c for c in cues if any(c.start <= t.idx < c.end for t in words)]


def conjoined_predicate_cues(sentence: Sentence, group: Group, cues: list[Cue]) -> list[Cue]:
    """The areas of a second predicate the partner is the subject of ("Zambia joined
    APSCO in 2027 and has sent 14 engineers to train at Beihang"): the cues inside a
    verb joined to the partner's own verb that has no subject of its own."""
    doc = sentence.parse
    if doc is None:
        return []
    verb, _words = predicate_tokens(doc, group.start, group.end)
    if verb is None:
        return []
    out = []
    for other in verb.conjuncts:
        if other.i < verb.i or any(c.dep_ in ("nsubj", "nsubjpass") for c in other.children):
            continue
        left = min(t.idx for t in other.subtree if t.i >= other.i)
        right = max(t.idx + len(t) for t in other.subtree)
        out += [c for c in cues if left <= c.start < right]
    return out


def makes_instrument(sentence: Sentence, group: Group) -> bool:
    """Whether the verb the partner acts through has an instrument for object ("Egypt
    and Bahrain, working in partnership, have jointly developed a camera for ...")."""
    doc = sentence.parse
    verb = None if doc is None else clause_verb(doc, group.start, group.end)
    if verb is None:
        return False
    objects = [c for c in doc[verb].children if c.dep_ == "dobj"]
    return any(INSTRUMENT.search(o.text) or INSTRUMENT_WORD.search(o.lower_) for o in objects)


def names_the_craft(sentence: Sentence, cue: Cue) -> bool:
    """Whether the cue is the class noun of the mission or spacecraft just named ("the
    Tiangong-2 space laboratory", "the Chang'e-7 lunar probe"): what the craft is, not
    the area the clause works in."""
    words = sentence.text[cue.start : cue.end]
    # "helped X build the UzSat-2 Earth observation satellite": what the craft made is,
    # where the verb says the work was making it ("operated the SVOM astronomy satellite"
    # works in astronomy)
    classed = _CLASS_AFTER.match(sentence.text, cue.end) is not None and _made(sentence, cue)
    return (_CRAFT_CLASS.search(words) is not None or classed) and any(
        m.kind in (EntityKind.MISSION, EntityKind.SPACECRAFT)
        and 0 <= cue.start - (m.end - sentence.start) <= 1
        for m in sentence.mentions
    )


_MAKING = frozenset({"build", "develop", "design", "manufacture", "assemble", "construct", "make"})


def _made(sentence: Sentence, cue: Cue) -> bool:
    """Whether the verb above the cue's words is one of making."""
    doc = sentence.parse
    word = None if doc is None else token_at(doc, cue.start)
    verb = None if word is None else verb_above(word)
    return verb is not None and doc[verb].lemma_.lower() in _MAKING


_CLASS_AFTER = re.compile(r"\s+(?:satellites?|probes?|missions?|spacecraft|constellation)\b")
_CRAFT_CLASS = re.compile(
    r"(?i)(?:laborator(?:y|ies)|lab|station|probe|lander|orbiter|rover|satellite|mission|"
    r"observatory|telescope|explorer|spacecraft|programme|program)s?$"
)
