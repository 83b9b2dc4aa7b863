"""Ground stations whose builders the parse names: a verb past an apposition, a verb of
building the word patterns do not list, co-builders in a coordinated subject, and the
owner of a station China's side helped to build (graph/station_parties.py)."""

from __future__ import annotations

import pytest

from graph.model import GroundStation, Status
from tests.one_document import facts_of


def _stations(reference, text: str) -> dict[str, Status]:
    return {f.partner: f.status for f in facts_of(reference, text, kind=GroundStation)}


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        # the owner, who operates the station China's side built with it
        (
            "The Kenya Space Agency operates a receiving station at Kilifi, built together"
            " with the China National Space Administration in 2022.",
            "kenya-space-agency",
        ),
        # a coordinated subject: the foreign body beside a Chinese institute
        (
            "In 2021 the Kenya Space Agency and the Aerospace Information Research Institute"
            " of the Chinese Academy of Sciences completed a new receiving station at Kilifi.",
            "kenya-space-agency",
        ),
        # "updated", a verb the patterns do not list
        (
            "In Kenya a data receiving station at Kilifi was updated with the Kenya Space"
            " Agency in 2024.",
            "kenya-space-agency",
        ),
        # the verb past an apposition that names other stations
        (
            "A joint monitoring station network, with three stations in each country, was"
            " built with the Kenya Space Agency and completed in 2023.",
            "kenya-space-agency",
        ),
    ],
)
def test_the_partner_is_read_from_the_parse(reference, text: str, partner: str) -> None:
    assert partner in _stations(reference, text)


def test_they_who_will_jointly_build_a_station_are_its_partners(reference) -> None:
    text = (
        "The Kenya Space Agency and CNSA said they would jointly build a data receiving"
        " station near Malindi."
    )
    assert _stations(reference, text) == {"kenya-space-agency": Status.PLANNED}


@pytest.mark.parametrize(
    "text",
    [
        # built by another country's firm: no partner of China's side
        "The ground station at Kilifi was built by Airbus for the Kenya Space Agency.",
        "The Kenya Space Agency uses a receiving station in Toulouse built by Airbus.",
        # denied
        "Kenya's receiving station at Kilifi was not upgraded with Chinese help.",
        # a station in orbit is not a ground station
        "Together with the Kenya Space Agency we opened the China Space Station to experiments.",
        # none built
        "The Kenya Space Agency left the programme, and no station has been built with it since.",
    ],
)
def test_no_station_partner_is_made_up(reference, text: str) -> None:
    assert _stations(reference, text) == {}
