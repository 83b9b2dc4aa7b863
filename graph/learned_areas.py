"""The area of a cooperation fact, set again by a model where the clause's words say more.

Why: the area rules choose from cue words they list, then fall back to the mission's or
the section's area; a clause that names its own field in other words gets the fallback.
A logistic regression trained on the annotated development sets (scripts/
train_area_model.py) reads all of the clause's words; where it is confident, and beats the
rule's own area by a margin, its area replaces the rule's and the fact's method says so.
Each fact is relabelled on its own: a sentence stating several areas keeps several facts.
"""

from __future__ import annotations

from dataclasses import replace

from graph import linear_model
from graph.area_features import features
from graph.gazetteer import Gazetteer
from graph.model import Cooperation, Fact
from graph.reading import Sentence

MODEL = "cooperation-area"
METHOD = "learned-area"


def learned_area(model: linear_model.LinearModel, present: set[str], rule: str) -> str | None:
    """The model's area where it overrules ``rule``, else None."""
    probs = model.probabilities(present)
    best = max(sorted(probs), key=probs.__getitem__)
    if best == rule:
        return None
    threshold = model.meta.get("threshold", 1.0)
    margin = model.meta.get("margin", 0.0)
    if probs[best] >= threshold and probs[best] - probs.get(rule, 0.0) >= margin:
        return best
    return None


def relabel(sentence: Sentence, facts: list[Fact], gazetteer: Gazetteer) -> list[Fact]:
    """The sentence's facts, each cooperation fact with the area the model gives it where
    it overrules the rule (unless another fact of the sentence already reads that area for
    the same partner and mission)."""
    model = linear_model.shipped(MODEL)
    taken = {(f.partner, f.area, f.mission) for f in facts if isinstance(f, Cooperation)}
    out: list[Fact] = []
    for fact in facts:
        if isinstance(fact, Cooperation):
            area = learned_area(model, features(sentence, fact, gazetteer), fact.area)
            if area is not None and (fact.partner, area, fact.mission) not in taken:
                fact = replace(fact, area=area, method=METHOD)
        out.append(fact)
    return out
