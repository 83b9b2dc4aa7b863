"""Cooperation stated in running prose in ways the cue rules alone miss: a partner's
asset serving a Chinese mission, data shared in one clause beside another clause's
purpose, people trained by "the two sides", and a partner named after "the accession
of". New sentences, in a report's and a news article's wording."""

from __future__ import annotations

import pytest

from tests.one_document import cooperations_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the asset is the subject, the mission named in the sentence before
        (
            "Chang'e-7 will land near the lunar south pole in 2026. Thailand's ground "
            "station will provide tracking support to the mission during the landing.",
            {("thailand", "tt-c", "change-7")},
        ),
        # a news report: the mission named outright, the antennas a partner's
        (
            "Argentina's deep-space antennas provided tracking support to Chang'e-6 "
            "during its descent, the agency said on Tuesday.",
            {("argentina", "tt-c", "change-6")},
        ),
    ],
)
def test_a_partners_asset_serving_a_mission_is_cooperation_on_it(reference, text, expected):
    assert cooperations_of(reference, text) == expected


def test_an_asset_that_gives_a_service_is_no_payload(reference):
    text = (
        "Tianwen-1 reached Mars in 2021. Argentina's deep-space antennas provided "
        "tracking support to the probe."
    )
    assert ("argentina", "payloads", None) not in cooperations_of(reference, text)
