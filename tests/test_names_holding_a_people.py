"""A body's name may hold a people's word that is a country's name elsewhere ("Latin
American", "North American"): inside a run of capitalised words that leads into it, the
word is part of the longer name, not a country beside it. Every sentence here is new."""

from __future__ import annotations

from graph.model import Cooperation
from tests.one_document import facts_of


def test_a_regional_body_named_with_a_peoples_word_is_one_partner(reference):
    text = (
        "In 2031 the China National Space Administration began to work with the North "
        "American and Arctic Remote Sensing Council on satellite data for disaster relief."
    )
    partners = {f.partner for f in facts_of(reference, text, kind=Cooperation)}
    assert "north-american-and-arctic-remote-sensing-council" in partners
    assert "arctic-remote-sensing-council" not in partners
