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


def test_a_regions_own_body_is_not_the_known_body_its_name_ends_with(reference):
    """ "the Asia-Oceania Group on Earth Observations" is a regional body of its own,
    not the Group on Earth Observations the reference knows."""
    text = "China takes part in the Asia-Oceania Group on Earth Observations."
    assert {f.organisation for f in facts_of(reference, text, kind=Participation)} == {
        "asia-oceania-group-on-earth-observations"
    }
