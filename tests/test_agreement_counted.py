"""Plural documents after a count and the words that say what was counted ("14 launch
services contracts", "nine in-orbit delivery agreements") are a total, not a document
with the partner the sentence names; a year before the noun is no count. Every text
here is new."""

from __future__ import annotations

import pytest

from graph.agreement_nouns import AGREEMENT_NOUN, counted
from graph.model import Agreement
from tests.one_document import facts_of

# a launch company's annual report
_REPORT = (
    "Commercial launch services\n"
    "\n"
    "With the Peruvian order, the company has signed 14 launch services contracts with "
    "customers in nine countries, Peru among them.\n"
)

# a trade weekly's news item, in the words of a spokesman
_NEWS = (
    "Bolivian operator books a second satellite\n"
    "\n"
    "The Bolivian Space Agency has now concluded three in-orbit delivery agreements with "
    "China, a spokesman said.\n"
)


@pytest.mark.parametrize("text", [_REPORT, _NEWS])
def test_counted_documents_of_a_kind_are_no_agreement(reference, text):
    assert facts_of(reference, text, issued="2030-12-01", kind=Agreement) == []


@pytest.mark.parametrize(
    ("text", "is_counted"),
    [
        ("It signed 14 launch services contracts with Peru.", True),
        ("It signed five in-orbit delivery agreements with Peru.", True),
        ("They renewed the 2019 framework agreements with Peru.", False),
        ("It signed launch services contracts with Peru.", False),
    ],
)
def test_a_count_is_a_number_not_a_year(text, is_counted):
    noun = AGREEMENT_NOUN.search(text)
    assert counted(text, noun) is is_counted
