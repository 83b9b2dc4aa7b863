"""Instruments in a sentence's parse, and the series they are listed in: "carrying A's
cubesat, B's counter and C's analyser" however the parser hung the items (as
appositions of one another, or as objects of the main verb). Used by
``graph.cooperation_frames``."""

from __future__ import annotations

from spacy.tokens import Token

from graph.cooperation_words import INSTRUMENT_WORD
from graph.parsing import INSTRUMENT_NOUNS


def is_instrument(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and bool(
        token.lemma_.lower() in INSTRUMENT_NOUNS or INSTRUMENT_WORD.search(token.lower_)
    )


def edges(token: Token) -> tuple[int, int]:
    return token.left_edge.idx, token.right_edge.idx + len(token.right_edge)


def series_lead(thing: Token) -> Token:
    """The first item of a series of instruments, however the parser hung its items
    ("carrying A's cubesat, B's counter and C's analyser" parsed as appositions, or as
    objects of the main verb): the items are read in the order they are written."""
    token = thing
    while True:
        listed = token.dep_ in ("appos", "conj") and token.head.i < token.i
        if listed and is_instrument(token.head):
            token = token.head
            continue
        before = _item_before(token)
        if before is None:
            return token
        token = before


def _item_before(item: Token) -> Token | None:
    """The instrument written just before ``item`` in the same list (", " or "and")."""
    doc, i = item.doc, item.left_edge.i - 1
    while i >= 0 and doc[i].lower_ in (",", "and"):
        i -= 1
    if i == item.left_edge.i - 1 or i < 0:
        return None
    previous = doc[i]
    return previous if is_instrument(previous) else None
