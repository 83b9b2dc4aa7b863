"""A craft's full name set beside its short one says whom the craft is with when the
short name does not: "X, the China-Peru Climate Satellite, was launched from Taiyuan"
is a launch with Peru. A full name that pairs no one with China says nothing, and where
a passive names the makers ("jointly developed by the two agencies") they, not the
name, are the partners. Every sentence here is new."""

from __future__ import annotations

import pytest

from tests.one_document import activities_of


@pytest.mark.parametrize(
    "text, partner",
    [
        # a news sentence
        (
            "CPACS, the China-Peru Andean Climate Satellite, was launched from Taiyuan in 2021.",
            "peru",
        ),
        # a report's line in the first person, with the craft's place in its series
        (
            "In 2031 we launched MPS-2, the second China-Mongolia Pasture Satellite, from Jiuquan.",
            "mongolia",
        ),
    ],
)
def test_the_full_name_beside_a_short_one_says_whom_it_is_with(reference, text, partner):
    assert ("launched", partner) in {(a, p) for a, p, _c in activities_of(reference, text)}


def test_a_full_name_without_china_says_nothing(reference):
    text = "CPACS, the Peru Andean Climate Satellite, was launched by an Ariane 6 from Kourou."
    assert not activities_of(reference, text)


def test_the_makers_a_passive_names_come_before_the_name(reference):
    text = (
        "CPACS, the China-Peru Andean Climate Satellite, was jointly developed by the two "
        "agencies and launched in 2021."
    )
    assert ("launched", "peru") not in {(a, p) for a, p, _c in activities_of(reference, text)}
