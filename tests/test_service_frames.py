"""A service China gives a partner, or a partner receives from China, is cooperation in
the area the service's own words name. New sentences."""

from __future__ import annotations

import pytest

from tests.one_document import cooperations_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "CNSA will provide tracking support to the Kenya Space Agency during the first "
            "year of operations.",
            {("kenya-space-agency", "tt-c", None)},
        ),
        (
            "China offered launch services to the Philippine Space Agency in 2023.",
            {("philippine-space-agency", "launch-services", None)},
        ),
        (
            "Nepal received remote sensing training from China in 2022.",
            {("nepal", "training-and-education", None)},
        ),
        (
            "China provided the Mongolian space office with satellite communications assistance.",
            {("mongolia", "satellite-communications", None)},
        ),
    ],
)
def test_a_service_china_gives_is_cooperation_in_its_area(reference, text, expected):
    assert cooperations_of(reference, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the giver is not China
        "Airbus offered launch services to the Philippine Space Agency in 2023.",
        # the service names no area: nothing to say what the cooperation was in
        "China provided support to the Philippine Space Agency in 2023.",
        # the area is said elsewhere in the sentence, not by the service
        "On remote sensing, China gave a speech to the Philippine Space Agency.",
        # refused
        "China did not provide tracking support to the Kenya Space Agency.",
    ],
)
def test_no_service_from_china_or_no_area_of_its_own_gives_nothing(reference, text):
    assert cooperations_of(reference, text) == set()
