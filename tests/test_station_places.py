"""A ground station named only as "the station" is one when it stands at a place, and a
table whose header calls its rows stations is a table of ground stations. New text of
my own."""

from __future__ import annotations

from graph.model import GroundStation
from tests.one_document import facts_of


def _stations(reference, text: str) -> set[tuple[str, str]]:
    return {(f.partner, f.status.value) for f in facts_of(reference, text, kind=GroundStation)}


def test_a_station_at_a_place_built_with_a_partner_is_a_ground_station(reference):
    text = "The station at Puerto Ayora was built with the Ecuadorian Space Institute."
    assert _stations(reference, text) == {("ecuadorian-space-institute", "achieved")}


def test_a_station_to_be_built_is_planned(reference):
    text = "A receiving station is to be built with the Zambia Space Agency at Mongu."
    assert _stations(reference, text) == {("zambia-space-agency", "planned")}


def test_the_space_station_is_no_ground_station(reference):
    text = "The space station in orbit was built with the Ecuadorian Space Institute's help."
    assert _stations(reference, text) == set()


def test_rows_under_a_header_of_stations_are_ground_stations(reference):
    text = (
        "FILE 2: stations.csv\n"
        "station_id,station,country,partner_body,built\n"
        "ST-3,Punta Norte,Argentina,Argentine Remote Sensing Office,built 2016\n"
        "ST-4,Walvis Bay,Namibia,Namibia,built 2002\n"
    )
    assert _stations(reference, text) == {
        ("argentine-remote-sensing-office", "achieved"),
        ("namibia", "achieved"),
    }
