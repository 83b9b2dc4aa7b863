"""Training examples for a learned area reader: extracted cooperation facts labelled by gold.

Why: a reader learned from the annotated sets needs, for each fact the rules read, what
the annotator says its area is. Each cooperation fact is taken with its sentence's
features (computed while the sentence is read, when its parse is at hand) and aligned with
the gold statements of its document that name the same partner (and the same mission,
where both name one) and whose quote overlaps the fact's evidence. A fact that no gold
statement supports teaches nothing about areas and is left out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from graph import extract
from graph.model import Cooperation
from tests.evaluation.score import canonical_gold, extract_folder, load_gold, loose


@dataclass(frozen=True)
class Example:
    """One cooperation fact the rules read, its features and the area gold gives it."""

    set_name: str
    doc_id: str
    partner: str
    mission: str | None
    rule_area: str
    features: tuple[str, ...]
    label: str | None  # None: gold gives no one area for it (it is not a training example)
    gold_areas: tuple[str, ...] = ()  # every area of the gold statements aligned with it
    sibling_areas: tuple[str, ...] = ()  # the areas other facts of its sentence give it


def _overlaps(quote: str, passage: str) -> bool:
    """A gold quote and a fact's evidence state the same words when one holds the other."""
    q, p = loose(quote), loose(passage)
    return bool(q and p) and (q in p or p in q)


def read_with_features(
    folder: Path, ontology: Path, featurise: Callable, gold: Path | None = None
) -> tuple[list[tuple[Cooperation, frozenset[str]]], dict]:
    """The cooperation facts of a folder's sentences with their features, and the gold
    written with the keys the folder's extraction gives its entities."""
    seen: list[tuple[Cooperation, frozenset[str]]] = []
    original = extract.read_sentence

    def recording(sentence, gazetteer):
        facts = original(sentence, gazetteer)
        for f in facts:
            if isinstance(f, Cooperation):
                seen.append((f, frozenset(featurise(sentence, f, gazetteer))))
        return facts

    # the rules' own areas are what the model learns to correct: no learned area here
    extract.read_sentence, relabel = recording, extract.relabel
    extract.relabel = lambda _sentence, facts, _gazetteer: facts
    try:
        extraction, _documents = extract_folder(folder, ontology)
    finally:
        extract.read_sentence, extract.relabel = original, relabel
    return seen, canonical_gold(load_gold(gold or folder / "gold.toml"), extraction)


def aligned_areas(fact: Cooperation, gold: dict) -> set[str]:
    """The areas of the gold statements that state this fact's partner in its words."""
    docs = gold["docs"]
    areas = set()
    for g in gold.get("cooperation", []):
        if docs[g["doc"]] not in {ev.doc_id for ev in fact.evidence}:
            continue
        if g["partner"] != fact.partner:
            continue
        if fact.mission and g.get("mission") and g["mission"] != fact.mission:
            continue
        if any(_overlaps(g["quote"], ev.exact) for ev in fact.evidence):
            areas.add(g["area"])
    return areas


def label(fact: Cooperation, areas: set[str], siblings: set[str]) -> str | None:
    """The gold area of a fact, or None where gold does not say one area for it.

    ``siblings`` are the areas other facts of the same sentence give the same partner: a
    gold area one of them already reads is not this fact's."""
    if fact.area in areas:
        return fact.area
    left = areas - siblings
    return next(iter(left)) if len(left) == 1 else None


def examples(
    folder: Path, ontology: Path, featurise: Callable, gold: Path | None = None
) -> list[Example]:
    """The facts of one annotated set that gold statements support, in reading order
    (those whose area gold leaves open have no label)."""
    seen, statements = read_with_features(folder, ontology, featurise, gold)
    out = []
    for fact, present in seen:
        ev = fact.evidence[0]
        siblings = {
            f.area
            for f, _ in seen
            if f is not fact and f.partner == fact.partner and f.evidence[0] == ev
        }
        areas = aligned_areas(fact, statements)
        if areas:
            out.append(
                Example(
                    folder.name if gold is None else "corpus",
                    ev.doc_id,
                    fact.partner,
                    fact.mission,
                    fact.area,
                    tuple(sorted(present)),
                    label(fact, areas, siblings),
                    tuple(sorted(areas)),
                    tuple(sorted(siblings)),
                )
            )
    return out
