"""A body of several capitalised words that no class word heads ("Orbital Harbour",
"Andes Launch Services"), known only by what it does: it signs or works beside another
body, or with one. Every sentence here is new."""

from __future__ import annotations

import pytest

from graph.acting_runs import acting_runs
from graph.model import Agreement
from tests.one_document import facts_of


def _names(text: str) -> list[str]:
    return [c.label for c in acting_runs("doc", text, 0)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("In 2031 Kazcosmos and Steppe Orbital Systems signed it.", "Steppe Orbital Systems"),
        ("Andes Launch Services and the Peruvian Space Agency signed it.", "Andes Launch Services"),
        ("Blue Meridian and CNSA have worked together since 2029.", "Blue Meridian"),
        ("The agency signed a contract with Orbital Harbour in March 2030.", "Orbital Harbour"),
        ("On Tuesday Nile Orbit Works and the CGWIC signed a deal.", "Nile Orbit Works"),
    ],
)
def test_a_name_that_signs_beside_a_body_is_a_body(text, name):
    assert _names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        # one name with "and" inside it: nothing marks where a second would begin
        "The Sahel Remote Sensing and Mapping Research Centre signed a memorandum.",
        # a person, told by the title
        "Minister Amina Diallo and the CNSA signed the protocol.",
        # a country, a possessive's owner
        "Saudi Arabia and CNSA signed an agreement.",
        "Kenya's Space Office and CNSA signed an agreement.",
    ],
)
def test_names_and_people_that_are_not_such_a_body(text):
    assert _names(text) == []


def test_such_a_body_is_a_party_to_the_agreement_it_signs(reference):
    text = (
        "In October 2031 Steppe Orbital Systems and the China Great Wall Industry "
        "Corporation signed a memorandum of understanding on satellite imagery."
    )
    parties = {f.parties for f in facts_of(reference, text, kind=Agreement)}
    assert parties == {("china-great-wall-industry-corporation", "steppe-orbital-systems")}


def test_an_agreement_signed_on_a_numeric_date_with_hyphens_has_that_day(reference):
    text = (
        "The Peruvian Space Agency (CONIDA) and the China National Space Administration "
        "signed a memorandum of understanding on 05-11-2031."
    )
    dates = {f.signed_on for f in facts_of(reference, text, kind=Agreement)}
    assert dates == {"2031-11-05"}
