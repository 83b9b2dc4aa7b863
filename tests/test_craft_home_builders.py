"""A craft the text says was made in a partner country, not by whom, and that China
launched, was launched for that country; a launch by others, or a country that is only
where a foreign maker worked, gives nothing. Every text here is new."""

from __future__ import annotations

import pytest

from tests.one_document import activities_of


@pytest.mark.parametrize(
    ("text", "launched"),
    [
        (
            "KenTES-4B, designed and built in Kenya, was launched by China on a Long March 2C.",
            ("launched", "kenya", "kentes-4b"),
        ),
        (
            "Last spring a Long March 2D lifted GhanaSat-7, an imaging satellite built in Ghana, "
            "from the Taiyuan centre.",
            ("launched", "ghana", "ghanasat-7"),
        ),
    ],
)
def test_a_craft_made_at_home_and_launched_by_china_is_a_launch_for_its_country(
    reference, text, launched
):
    assert launched in activities_of(reference, text)


@pytest.mark.parametrize(
    "text",
    [
        "KenTES-4B, designed and built in Kenya, was launched by SpaceX from Florida.",
        "KenTES-4B, built in France by a private firm, was launched on an Ariane 6.",
        "KenTES-4B, designed and built in Kenya, is operated from Nairobi.",
    ],
)
def test_made_at_home_without_a_chinese_launch_gives_nothing(reference, text):
    assert not activities_of(reference, text)
