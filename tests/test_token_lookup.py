"""The word at a character, by bisection, is the word a walk through the parse finds."""

from __future__ import annotations

from graph.parsing import load_parser, shifted
from graph.token_lookup import token_at


def _walk(doc, pos):
    return next((t for t in doc if t.idx <= pos < t.idx + len(t) + 1), None)


def test_every_character_finds_the_word_a_walk_finds():
    text = "China's CNSA signed an MoU (2021) with ESA;  the U.S.-led \u201cteam\u201d left."
    doc = load_parser()(text)
    for parse in (doc, shifted(doc, 5)):
        for pos in range(-1, len(parse.text) + 3):
            expected = _walk(parse, pos)
            found = token_at(parse, pos)
            assert (found.i if found else None) == (expected.i if expected else None), pos


def test_the_space_after_a_word_is_that_word():
    doc = load_parser()("Egypt joined the ILRS.")
    assert token_at(doc, 5).text == "Egypt"  # the space after "Egypt"
    assert token_at(doc, 6).text == "joined"
