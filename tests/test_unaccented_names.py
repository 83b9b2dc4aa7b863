"""A curated name typed without its accents ("Turkiye", "Cote d'Ivoire") is the same
name. New text of my own."""

from __future__ import annotations

from tests.one_document import cooperations_of


def test_a_country_named_without_its_accents_is_recognised(reference):
    text = "China provided Turkiye and Cote d'Ivoire with satellite imagery for disaster relief."
    assert {partner for partner, _area, _mission in cooperations_of(reference, text)} == {
        "turkiye",
        "cote-divoire",
    }
