"""A body signs through its people: "signed ... by the head of X and a delegation from
CNSA", "by CNSA Administrator Li Wei and representatives of Y" name the bodies as the
parties, not China at large. Work done for a body "under a contract signed in Quito on
..." makes the contract one between the two, signed whatever the work still plans. Every
sentence here is new."""

from __future__ import annotations

import pytest

from graph.model import Agreement
from tests.one_document import facts_of


def _parties(reference, text: str) -> set[tuple[str, ...]]:
    return {a.parties for a in facts_of(reference, text, kind=Agreement)}


@pytest.mark.parametrize("people", ["a delegation from", "representatives of", "officials of"])
def test_a_chinese_body_signing_through_its_people_is_the_party(reference, people):
    text = (
        "A memorandum of understanding was signed in Quito on 2 May 2032 by the head of "
        f"the Ecuadorian Space Institute and {people} the China National Space "
        "Administration (CNSA)."
    )
    assert _parties(reference, text) == {
        ("china-national-space-administration", "ecuadorian-space-institute")
    }


def test_a_body_named_before_its_heads_title_is_the_party(reference):
    text = (
        "The agreement was signed in Beijing on 3 April 2032 by CNSA Administrator Li Wei "
        "and representatives of the Ecuadorian Space Institute."
    )
    assert _parties(reference, text) == {
        ("china-national-space-administration", "ecuadorian-space-institute")
    }


def test_work_for_a_body_under_a_signed_contract_makes_both_parties(reference):
    text = (
        "China Great Wall Industry Corporation (CGWIC) will build a radar satellite for the "
        "Ecuadorian Space Institute under a US$95 million contract signed in Quito on "
        "8 October 2032."
    )
    [contract] = facts_of(reference, text, kind=Agreement)
    assert contract.parties == (
        "china-great-wall-industry-corporation",
        "ecuadorian-space-institute",
    )
    assert (contract.signed_on, contract.status.value) == ("2032-10-08", "achieved")


def test_a_contract_still_to_be_signed_is_planned(reference):
    text = (
        "CGWIC will build a radar satellite for the Ecuadorian Space Institute under a "
        "contract to be signed in Quito on 8 October 2032."
    )
    assert {a.status.value for a in facts_of(reference, text, kind=Agreement)} <= {"planned"}
