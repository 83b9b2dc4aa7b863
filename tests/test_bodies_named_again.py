"""A body named again by its country's adjective and a common noun ("the Ecuadorian
agency") is the body the document named before, not its country; with two such bodies
before it, or none, it stays the country. New text of my own."""

from __future__ import annotations

from tests.one_document import activities_of


def test_the_countrys_agency_named_again_is_that_agency(reference):
    text = (
        "The Ecuadorian Civilian Space Agency designed EcuaSat-2 in 2031. "
        "China launched EcuaSat-2 for the Ecuadorian agency in 2032."
    )
    assert ("launched", "ecuadorian-civilian-space-agency", "ecuasat-2") in activities_of(
        reference, text
    )


def test_with_no_body_named_before_it_is_the_country(reference):
    text = "China launched EcuaSat-2 for the Ecuadorian agency in 2032."
    assert activities_of(reference, text) == {("launched", "ecuador", "ecuasat-2")}
