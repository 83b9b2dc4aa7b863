"""A launch told in the sentence after the one that tied a craft to its partner, by a
word that stands for the craft: "it", "the satellite", "both", "the first of them".
China's rocket or launch site says whose launch it was; another's launcher, or a launch
said not to be China's, gives nothing. Every text here is new."""

from __future__ import annotations

import pytest

from tests.one_document import activities_of


@pytest.mark.parametrize(
    ("text", "launched"),
    [
        (
            "Chinese and Omani engineers developed OmanSat-4 together. It was launched from "
            "Jiuquan on 2 June 2031.",
            {("launched", "oman", "omansat-4")},
        ),
        (
            "China built the LaoSat-3 satellite for Laos. A Long March 3B lifted the satellite "
            "into orbit in 2031.",
            {("launched", "laos", "laosat-3")},
        ),
        (
            "CAST will build GhanaSat-2A and GhanaSat-2B for Ghana. The first of them was "
            "launched from Taiyuan in 2031, and the second is to be launched in 2032.",
            {("launched", "ghana", "ghanasat-2a"), ("launched", "ghana", "ghanasat-2b")},
        ),
    ],
)
def test_a_word_for_the_craft_before_carries_its_partner_into_the_launch(reference, text, launched):
    assert {a for a in activities_of(reference, text) if a[0] == "launched"} == launched


@pytest.mark.parametrize(
    "second",
    [
        "It will be launched by Arianespace on a Vega-C rocket from Kourou.",
        "The satellite will go up on a European Vega-C rocket, not on a Chinese one.",
        "It was not launched from Jiuquan.",
    ],
)
def test_another_launcher_or_a_denied_launch_gives_no_launch(reference, second):
    text = f"Chinese and Omani engineers developed OmanSat-4 together. {second}"
    assert not {a for a in activities_of(reference, text) if a[0] == "launched"}
