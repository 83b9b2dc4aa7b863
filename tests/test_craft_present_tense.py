"""A spacecraft verb in its third-person present ("launches", "builds", "delivers") is
read as its past is: a headline tells a past event in the present, and a company's
release tells its trade so. Whom the work was for is still needed, and work done by
others still gives nothing. Every sentence here is new."""

from __future__ import annotations

import pytest

from tests.one_document import activities_of


@pytest.mark.parametrize(
    "text, partners",
    [
        # a headline, and a rideshare for three customers
        (
            "Kuaizhou rocket launches satellites for Mongolia, Laos and Kenya.",
            {"mongolia", "laos", "kenya"},
        ),
        # the body of a company release
        (
            "Every year the Beijing firm launches two small satellites for Peru on Long "
            "March rockets.",
            {"peru"},
        ),
    ],
)
def test_a_launch_in_the_present_is_a_launch(reference, text, partners):
    launched = {p for a, p, _craft in activities_of(reference, text) if a == "launched"}
    assert launched == partners


def test_building_and_delivering_in_the_present(reference):
    text = "CAST builds a weather satellite for Mongolia and delivers it in orbit to Mongolia."
    found = {(a, p) for a, p, _craft in activities_of(reference, text)}
    assert ("built", "mongolia") in found


def test_a_launch_in_the_present_by_others_gives_nothing(reference):
    text = "Mongolia launches its first satellite on a Falcon 9 rocket from Florida."
    assert not activities_of(reference, text)


@pytest.mark.parametrize(
    "text",
    [
        "Export rules brought Chinese launches of European-built satellites to a halt.",
        "The two launches carried satellites for Peru's weather service.",
    ],
)
def test_launches_the_noun_is_no_launch(reference, text):
    assert not activities_of(reference, text)
