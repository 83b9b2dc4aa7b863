""" "The two agencies" after ", and" stand for the foreign body that signed in the clause
before, and what they have done together since is cooperation on the mission that clause
named. Every sentence here is new."""

from __future__ import annotations

from tests.one_document import cooperations_of

TEXT = (
    "The Kenya Space Agency and the CNSA signed a memorandum of understanding on "
    "building the International Lunar Research Station (ILRS) in March 2029, and the two "
    "agencies have since worked together on the station's design."
)


def test_the_two_agencies_are_the_foreign_signer_of_the_clause_before(reference):
    assert (
        "kenya-space-agency",
        "lunar-and-deep-space-exploration",
        "international-lunar-research-station",
    ) in cooperations_of(reference, TEXT)
