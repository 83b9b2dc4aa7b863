"""A one-word body that signs beside a known one ("signed by CGWIC and Kazcosmos") is a
party, and "an active participant in" an organisation is taking part in it. New text of
my own."""

from __future__ import annotations

from graph.model import Agreement, Participation
from tests.one_document import facts_of


def test_a_one_word_signer_beside_a_known_body_is_a_party(reference):
    text = (
        "An agreement on the joint development of KazSat-5 was signed by CGWIC and "
        "Kazcosmos in 2031."
    )
    parties = {f.parties for f in facts_of(reference, text, kind=Agreement)}
    assert parties == {("china-great-wall-industry-corporation", "kazcosmos")}


def test_a_participant_in_an_organisation_takes_part_in_it(reference):
    text = "China has been an active participant in the Group on Earth Observations since 2005."
    found = {f.organisation for f in facts_of(reference, text, kind=Participation)}
    assert found == {"group-on-earth-observations"}


def test_a_participant_other_than_china_says_nothing_of_china(reference):
    text = "Brazil has been an active participant in the Group on Earth Observations."
    assert facts_of(reference, text, kind=Participation) == []
