"""The mission people were trained for: the one mission or spacecraft the training
verb's own clause names ("trained 50 engineers for NigComSat-1R", "trained ... to
operate TKSAT-1", "trained in Xi'an during the VRSS-1 programme").

Why: training is recorded as its own area whatever else the sentence says, but the
guidelines keep the mission a sentence pairs with the cooperation; a training clause
that names one craft pairs the training with it. A clause joined by "and" with a
subject of its own is another statement and is not searched.
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.cooperation_words import TRAINING_VERBS
from graph.mission_pairing import listed_missions
from graph.model import EntityKind
from graph.parsing import clause_verb, span_root
from graph.reading import Sentence

_CRAFT_KINDS = (EntityKind.MISSION, EntityKind.SPACECRAFT)


def training_mission(sentence: Sentence, verb: Token) -> str | None:
    """The one craft named in the training verb's clause (its own "and" clauses with a
    subject of their own left out), else None; None for a verb that is not one of
    training ("send an astronaut to the station for training")."""
    if verb.lemma_.lower() not in TRAINING_VERBS:
        return None
    inside = set(_own_clause(verb))
    listed = listed_missions(sentence)
    keys = {
        m.key
        for m in sentence.mentions
        if m.kind in _CRAFT_KINDS
        and not m.nested
        and m.key not in listed
        and any(t.idx <= m.start - sentence.start < t.idx + len(t) for t in inside)
        and not _source_of_data(sentence, m.start - sentence.start, m.end - sentence.start)
    }
    return keys.pop() if len(keys) == 1 else None


def training_mission_of(sentence: Sentence, start: int, end: int) -> str | None:
    """The craft the training verb above the words at ``start:end`` names."""
    doc = sentence.parse
    verb = None if doc is None else clause_verb(doc, start, end)
    if verb is None or doc[verb].lemma_.lower() not in TRAINING_VERBS:
        return None  # "signed an agreement on the training of X astronauts": no mission
    return training_mission(sentence, doc[verb])


def _own_clause(verb: Token) -> list[Token]:
    """The tokens of the verb's clause without coordinated clauses of their own or
    clauses that describe a noun of it."""
    out: list[Token] = []
    stack = [verb]
    while stack:
        token = stack.pop()
        out.append(token)
        for child in token.children:
            if (
                child.dep_ == "conj"
                and child.pos_ in ("VERB", "AUX")
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
            ):
                continue
            if child.dep_ in ("relcl", "acl") and child.pos_ in ("VERB", "AUX"):
                continue  # "engineers who later operated M": what the people did after
            stack.append(child)
    return out


_DATA = frozenset({"data", "imagery", "image", "product", "observation", "picture"})


def _source_of_data(sentence: Sentence, start: int, end: int) -> bool:
    """ "trained forecasters in nowcasting with Fengyun-4 imagery": a craft named as where
    data come from is what the training uses, not what it is for."""
    doc = sentence.parse
    root = None if doc is None else span_root(doc, start, end)
    return (
        root is not None
        and root.dep_ in ("compound", "nmod", "amod")
        and (root.head.lemma_.lower() in _DATA)
    )
