"""The partner that words pointing back stand for ("the two sides", "they", "the two
agencies"), added to a sentence's partner groups: the subject of the clause before,
the one partner of the clauses before, else whom the sentence before was about."""

from __future__ import annotations

from graph.gazetteer import Gazetteer
from graph.grammar import ANAPHORA, EARLIER_CLAUSE, Group, anaphora, earlier_subjects
from graph.reading import Sentence
from graph.two_bodies import body_before, other_kind


def with_anaphora(sentence: Sentence, out: list[Group], gazetteer: Gazetteer) -> list[Group]:
    """``out`` with a group for the words of the sentence that point back, if any."""
    m = ANAPHORA.search(sentence.text)
    earlier = earlier_subjects(sentence, out, m, gazetteer.domestic) if m else ()
    if earlier and m:
        # "X and CNSA signed ..., and the two agencies have since worked": X, of the clause before
        out.append(Group(earlier, m.start(), m.end(), "anaphora", governor=EARLIER_CLAUSE))
        out.sort(key=lambda g: g.start)
    elif m and not any(g.role == "subject" for g in out):
        # "CMA has shared data with the KMD since 2018, and the two sides installed ...":
        # the one partner of the clauses before, else the sentence before's
        before = {
            k
            for g in out
            if g.end <= m.start() and g.role in ("with", "agent", "by", "to", "between")
            for k in g.keys
        }
        refs = tuple(before) if len(before) == 1 else anaphora(sentence)
        if len(before) != 1 and refs and other_kind(sentence, refs, gazetteer):
            # "the two agencies": the partner's agency named before, not a body of another
            # kind the sentence before ended on ("... built by the University of Nairobi")
            refs = tuple(body_before(sentence, gazetteer, chinese=False, back=True)) or refs
        if refs:
            out.append(Group(refs, m.start(), m.end(), "anaphora"))
            out.sort(key=lambda g: g.start)
    return out
