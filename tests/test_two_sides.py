"""Whom "the two sides" stand for in a document that uses the phrase again and again, as
a joint statement does. New sentences of my own."""

from __future__ import annotations

from tests.one_document import cooperations_of

STATEMENT = (
    "1. Kenya and China held talks in Nairobi in May. The two sides praised their "
    "cooperation in satellite communications.\n\n"
    "2. The two sides welcomed the signing of a memorandum of understanding between the "
    "China National Space Administration and the Kenya Space Agency. Building on it, the "
    "Kenya Space Agency will work with Chinese institutions on a lunar camera.\n\n"
    "3. The two sides agreed to expand cooperation in satellite navigation and space "
    "science.\n"
)


def test_a_new_paragraphs_two_sides_are_those_the_document_named_so_before(reference):
    found = {(p, area) for p, area, _ in cooperations_of(reference, STATEMENT)}
    assert {("kenya", "satellite-navigation"), ("kenya", "space-science")} <= found


def test_they_are_not_the_body_the_paragraph_before_ended_on(reference):
    found = {(p, area) for p, area, _ in cooperations_of(reference, STATEMENT)}
    assert ("kenya-space-agency", "satellite-navigation") not in found
