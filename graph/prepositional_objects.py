"""The objects of a word's prepositions in the dependency parse ("built with X and Y",
"come from X", "one of the countries").

Many readers ask the same question of the tree: which nouns do this verb's "with", "by"
or "of" govern? One reader of it keeps them asking it the same way.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token


def objects_of(
    head: Token, prepositions: Collection[str], links: Collection[str] = ("prep",)
) -> list[Token]:
    """The objects (``pobj``) of those of ``head``'s prepositions whose lower-case word
    is among ``prepositions``, in the order of the sentence; ``links`` are the
    dependency labels that attach them (a dative's "to" as well: "gave to X")."""
    return [
        obj
        for prep in head.children
        if prep.dep_ in links and prep.lower_ in prepositions
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
