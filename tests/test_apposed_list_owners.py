"""The owner an apposition gives the first craft of a list is that craft's alone
("GhanaSat-1, Ghana's first satellite, and KenSat-9"); one named before the list
("the agency's A and B") is every member's. Every text here is new."""

from __future__ import annotations

from tests.one_document import activities_of


def test_an_apposed_owner_stays_with_its_own_craft(reference):
    text = (
        "China has launched GhanaSat-1, Ghana's first satellite, and KenSat-9, which it "
        "developed jointly with Kenya."
    )
    found = activities_of(reference, text)
    assert ("launched", "ghana", "ghanasat-1") in found
    assert ("launched", "kenya", "kensat-9") in found
    assert ("launched", "ghana", "kensat-9") not in found
