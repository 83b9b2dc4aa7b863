"""A clause set off by a comma after a station's phrase ("..., built by X", "..., which
were built with Y") says how the station was built, even where the parser hangs it on the
last word of the phrase (a place, the equator) rather than on the station. New text of my
own, in a news register and a fact sheet's."""

from __future__ import annotations

from graph.model import GroundStation
from tests.one_document import facts_of


def _stations(reference, text: str) -> set[str]:
    return {f.partner for f in facts_of(reference, text, kind=GroundStation)}


def test_a_participle_after_the_place_of_a_network(reference):
    text = (
        "A network of 45 VHF receiving stations along the equator, built by the Gabonese "
        "Space Agency together with the Chinese side, relays the alerts within a minute."
    )
    assert _stations(reference, text) == {"gabonese-space-agency"}


def test_a_relative_clause_after_a_common_noun_of_place(reference):
    text = (
        "A string of about 30 magnetometer receiving stations across the savanna, which "
        "were built with the Uganda National Space Office, went into service in 2018."
    )
    assert _stations(reference, text) == {"uganda-national-space-office"}


def test_a_participle_after_the_place_of_one_station(reference):
    text = (
        "The tracking station near the old airfield, built by the Kenya Space Agency with "
        "Chinese help, opened in 2017."
    )
    assert _stations(reference, text) == {"kenya-space-agency"}


def test_a_participle_on_what_the_station_receives_gives_nothing(reference):
    text = (
        "The receiving station at Malindi takes images from the new satellite, built by the "
        "Kenya Space Agency with Chinese help."
    )
    assert _stations(reference, text) == set()
