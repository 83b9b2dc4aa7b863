""""The two sides" at the head of a section, with no sentence before to say who they
are, are China and the one partner the section's heading names."""

from __future__ import annotations

from tests.one_document import cooperations_of


def test_the_two_sides_under_a_heading_naming_one_partner(reference):
    found = cooperations_of(
        reference,
        "II. Twenty years of China-Uruguay space cooperation\n\n"
        "Over two decades the two sides have worked together in satellite navigation "
        "and space weather.",
    )
    assert {
        ("uruguay", "satellite-navigation", None),
        ("uruguay", "space-weather", None),
    } <= found


def test_a_heading_naming_two_partners_says_nothing_of_the_two_sides(reference):
    found = cooperations_of(
        reference,
        "Cooperation with Uruguay and Paraguay\n\n"
        "Over two decades the two sides have worked together in satellite navigation.",
    )
    assert not {f for f in found if f[0] in ("uruguay", "paraguay")}
