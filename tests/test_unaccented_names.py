"""A curated name typed without its accents ("Turkiye", "Cote d'Ivoire") is the same
name, and so is one curated without them and written with them ("Gokturk-2" in the
reference, "Göktürk-2" in a text). New text of my own."""

from __future__ import annotations

from tests.one_document import activities_of, cooperations_of


def test_a_country_named_without_its_accents_is_recognised(reference):
    text = "China provided Turkiye and Cote d'Ivoire with satellite imagery for disaster relief."
    assert {partner for partner, _area, _mission in cooperations_of(reference, text)} == {
        "turkiye",
        "cote-divoire",
    }


def test_a_name_curated_without_accents_is_found_with_them(reference):
    text = "A Long March 2D launched Göktürk-2 for Turkey from Jiuquan in 2012."
    assert activities_of(reference, text) == {("launched", "turkiye", "gokturk-2")}
