"""A craft made "by engineers of X and Y's agency": the people stand for the bodies they
work for, so the craft is developed jointly with the foreign one. New sentences."""

from __future__ import annotations

from tests.one_document import activities_of


def test_engineers_of_a_body_make_the_craft_with_it(reference):
    text = (
        "The Mongolian satellite MonSat-1, developed jointly by engineers of CASC and "
        "Mongolia's Information Technology Agency, followed in 2031."
    )
    assert activities_of(reference, text) == {
        ("jointly-developed", "information-technology-agency", "monsat-1")
    }
