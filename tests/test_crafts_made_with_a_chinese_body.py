"""A craft made jointly with China's side alone is a joint development with its owner,
whether China's side is "China" or a Chinese body (a university, an academy): "X,
Kenya's first cubesat, was developed jointly with Tsinghua University". The owner is
the possessive or the apposition the sentence gives; with no owner named, it gives
nothing. Every sentence here is new."""

from __future__ import annotations

import pytest

from tests.one_document import activities_of


@pytest.mark.parametrize(
    "text, partner",
    [
        # a news apposition
        (
            "KenCube-1, Kenya's first cubesat, was developed jointly with Tsinghua University.",
            "kenya",
        ),
        # a report's possessive on the owner's noun
        (
            "The Kenya Space Agency's cubesat, KenCube-1, had been developed jointly with "
            "Tsinghua University.",
            "kenya-space-agency",
        ),
        # "together with", and a launch in the same sentence
        (
            "Kenya's KenCube-1 was developed together with Zhejiang University and launched "
            "in 2030.",
            "kenya",
        ),
    ],
)
def test_the_owner_made_it_with_china(reference, text, partner):
    assert ("jointly-developed", partner, "kencube-1") in activities_of(reference, text)


def test_no_owner_named_gives_no_partner(reference):
    text = "KenCube-1 was developed jointly with Tsinghua University."
    assert not activities_of(reference, text)
