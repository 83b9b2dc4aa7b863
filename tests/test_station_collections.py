"""Stations named as the parts of one thing built at once ("a network of 30 reference
stations", "a chain of receiving stations"): the verb governs the network or the chain,
and the stations are still ground stations built with the partner; a station's status is
its building verb's, also in a relative clause. New text of my own."""

from __future__ import annotations

from graph.model import GroundStation
from tests.one_document import facts_of


def _stations(reference, text: str) -> set[tuple[str, str]]:
    return {(f.partner, f.status.value) for f in facts_of(reference, text, kind=GroundStation)}


def test_a_network_of_stations_built_by_a_partner_with_chinese_support(reference):
    text = (
        "A network of some 30 GNSS reference stations across Ghana was built by the Ghana "
        "Space Science and Technology Institute with Chinese support."
    )
    assert _stations(reference, text) == {
        ("ghana-space-science-and-technology-institute", "achieved")
    }


def test_a_chain_of_stations_a_partner_and_a_chinese_body_built(reference):
    text = (
        "The Peruvian Space Agency and the Chinese Academy of Sciences built a chain of "
        "about 20 magnetometer receiving stations along the Andes."
    )
    assert _stations(reference, text) == {("peruvian-space-agency", "achieved")}


def test_a_network_to_be_extended_with_a_partner_is_planned(reference):
    text = "A network of tracking stations will be set up with the Zambia Space Agency."
    assert _stations(reference, text) == {("zambia-space-agency", "planned")}


def test_a_network_of_stations_someone_else_runs_is_none(reference):
    text = "The Ghana Meteorological Agency reads data from a network of rain stations."
    assert _stations(reference, text) == set()


def test_a_station_to_be_built_in_a_relative_clause_is_planned(reference):
    """The status is the building verb's, not the main clause's ("signed a memorandum on
    a station that will be built"); a station built before stays built."""
    text = (
        "In March the weather service signed a memorandum with the Zambia Meteorological "
        "Department on a radar receiving station that will be built with the Zambia "
        "Meteorological Department in Lusaka.\n\n"
        "The tracking station that was built with the Zambia Space Agency in Mongu will be "
        "upgraded next year."
    )
    assert _stations(reference, text) == {
        ("zambia-meteorological-department", "planned"),
        ("zambia-space-agency", "achieved"),
    }
