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


def test_a_company_that_launched_on_chinese_rockets_is_their_customer(reference):
    launched = {
        (a, p)
        for a, p, _craft in activities_of(
            reference, "Chile's Spacetide has launched dozens of satellites on Long March rockets."
        )
    }
    assert launched == {("launched", "spacetide")}


def test_a_reported_plan_to_launch_on_a_chinese_rocket_is_no_launch(reference):
    text = "Iranian media report that Iran will launch a satellite on a Chinese rocket."
    assert not activities_of(reference, text)
