"""A whole clause before a colon is the sentence's own, not a fact sheet's label: its
partner keeps its role. New text of my own."""

from __future__ import annotations

from tests.one_document import cooperations_of


def test_a_clause_before_a_colon_keeps_its_partner(reference):
    text = (
        "Partners\n\n"
        "Peru has already worked with China on satellite development: PeruSat-2, which "
        "Chinese engineers built for Lima, was handed over in orbit in 2030.\n"
    )
    assert ("peru", "satellite-development", "perusat-2") in cooperations_of(reference, text)


def test_a_label_before_a_colon_is_still_a_label(reference):
    text = "Partners\n\n- Peru: a neutron detector on Chang'e-7\n"
    assert cooperations_of(reference, text) == {("peru", "payloads", "change-7")}
