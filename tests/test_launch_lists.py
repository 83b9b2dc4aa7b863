"""Launches whose crafts are named apart from the verb: after a colon that follows the
customer ("launched satellites for X: A and B"), in an apposition the parser hangs
elsewhere ("lifted two satellites, A and B, into orbit for X"), or in the sentence
before, by "them" in a launch "for X". Every text here is new."""

from __future__ import annotations

import pytest

from tests.one_document import activities_of

TWO = {
    ("launched", "kenya-space-agency", "kensat-4a"),
    ("launched", "kenya-space-agency", "kensat-4b"),
}


@pytest.mark.parametrize(
    "text",
    [
        "China has also launched satellites for the Kenya Space Agency: KenSat-4A and KenSat-4B.",
        "In May 2032 a Long March 2D lifted two Kenyan-built satellites, KenSat-4A and "
        "KenSat-4B, into orbit for the Kenya Space Agency.",
        "Kenyan engineers built KenSat-4A and KenSat-4B themselves. A Long March 2D launched "
        "them for the Kenya Space Agency from Jiuquan in May 2032.",
    ],
)
def test_the_named_crafts_are_launched_for_the_customer(reference, text):
    assert {a for a in activities_of(reference, text) if a[0] == "launched"} == TWO
