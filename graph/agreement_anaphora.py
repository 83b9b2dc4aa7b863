"""The parties that words pointing back stand for in a signing: "the two sides" of a
joint statement, and "the two governments" or "the two countries", which are states
even when the paragraph before named one of them by its agency ("Bolivia's space agency
ABE ... In 2019 the two countries signed ..." is signed by Bolivia)."""

from __future__ import annotations

import re

from graph.gazetteer import Gazetteer
from graph.model import EntityKind
from graph.reading import Sentence

TWO_STATES = re.compile(
    r"\b(?:(?:[Tt]he|[Oo]ur|[Tt]hese)\s+two|[Bb]oth)\s+(?:countries|governments|nations|states)\b"
)
_LOOK_BACK = 3  # sentences before (up to a heading) the states may have been named in


def anaphora_parties(sentence: Sentence, named: list[str], gazetteer: Gazetteer) -> bool:
    """Whether the parties named are the foreign side of the document's own title alone,
    as "the two sides" of a joint statement are, so that its Chinese side joins them."""
    foreign, chinese = sentence.agreement_parties
    return bool(
        chinese
        and named
        and set(named) <= set(foreign)
        and not any(k in gazetteer.domestic for k in named)
    )


def state_meant(
    sentence: Sentence, clause: tuple[int, int], gazetteer: Gazetteer
) -> str | None:
    """The one foreign country "the two governments" of the document's own clause (its
    sentence-local span) stand for beside China: the only one the sentence names, else
    the only one the nearest sentence before that names any does (a demonym counts: "the
    Uruguayan agency"). None when the clause does not say so ("Both countries are members
    of ..., and China has signed documents with ..."), or two countries could be meant."""
    if not TWO_STATES.search(sentence.text, *clause):
        return None
    here: Sentence | None = sentence
    for _ in range(_LOOK_BACK + 1):
        if here is None:
            return None
        states = {
            f.key
            for f in here.mentions
            if f.kind is EntityKind.COUNTRY and not f.nested and f.key not in gazetteer.domestic
        }
        if states:
            return states.pop() if len(states) == 1 else None
        here = here.previous
    return None
