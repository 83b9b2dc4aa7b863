"""A key-figure table drawn with cell rules ("| Foreign partner institutions | 9 |") gives
its totals as the same lines without rules do; a row of a table with a partner column
is no key figure. New tables of my own."""

from __future__ import annotations

from graph.model import CooperationTotal
from tests.one_document import facts_of


def _totals(reference, text: str) -> set[int]:
    return {f.quantity for f in facts_of(reference, text, kind=CooperationTotal)}


def test_a_ruled_key_figure_row_gives_its_total(reference):
    text = (
        "Key figures\n\n"
        "| Foreign partner institutions | 9 |\n"
        "| Countries with registered data users | 42 |\n"
    )
    assert _totals(reference, text) == {9, 42}


def test_a_ruled_figure_of_chinas_own_satellites_is_no_total(reference):
    text = "Key figures\n\n| Satellites in orbit | 30 |\n| Partner countries | 12 |\n"
    assert _totals(reference, text) == {12}
