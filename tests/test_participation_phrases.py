"""More ways a text says China takes part in an organisation: a member agency of it,
hosting its office or secretariat, sitting on it, and sharing or working through it.
Every sentence here is new."""

from __future__ import annotations

import pytest

from graph.model import Participation
from tests.one_document import facts_of


@pytest.mark.parametrize(
    ("text", "organisation", "role"),
    [
        (
            "The China National Space Administration is a member agency of the Consultative "
            "Committee for Space Data Systems.",
            "consultative-committee-for-space-data-systems",
            "participant",
        ),
        (
            "Since 2031 China has hosted the Beijing office of UN-SPIDER.",
            "united-nations-platform-for-space-based-information-for-disaster-management-and-emergency-response",
            "host",
        ),
        (
            "China shares its Fengyun data through the World Meteorological Organization.",
            "world-meteorological-organization",
            "participant",
        ),
    ],
)
def test_the_phrase_states_chinas_part_in_the_organisation(reference, text, organisation, role):
    found = {(f.organisation, f.role) for f in facts_of(reference, text, kind=Participation)}
    assert (organisation, role) in found
