"""A country named as the place where a station or antenna stands ("the station in
Rivera, Uruguay, was built with the Uruguayan Space Agency") is no partner: the body it
was built with is. A station said to be a country's ("Uruguay's stations", "the
stations of the agency") still stands for its owner. Every text here is new."""

from __future__ import annotations

from graph.model import GroundStation
from tests.one_document import cooperations_of, facts_of

NEWS = (
    "Ground segment\n\n"
    "China's deep space station in Rivera, Uruguay, was built with the Uruguayan Space "
    "Agency and has operated since 2019.\n"
)

REPORT = (
    "4.2 Tracking\n\n"
    "The tracking antenna at Tamale in Ghana, built with the Ghana Space Science and "
    "Technology Institute and opened in 2021, has supported every Chang'e mission since.\n"
)


def test_the_country_a_station_stands_in_is_no_partner(reference):
    assert not {p for p, _a, _m in cooperations_of(reference, NEWS)} & {"uruguay"}
    stations = {f.partner for f in facts_of(reference, NEWS, kind=GroundStation)}
    assert stations == {"uruguayan-space-agency"}


def test_the_country_an_antenna_stands_in_is_no_partner(reference):
    assert "ghana" not in {p for p, _a, _m in cooperations_of(reference, REPORT)}
    stations = {f.partner for f in facts_of(reference, REPORT, kind=GroundStation)}
    assert stations == {"ghana-space-science-and-technology-institute"}


def test_the_stations_of_a_partner_still_stand_for_it(reference):
    text = "In 2030 the stations of the Uruguayan Space Agency tracked Chang'e-8 for China."
    assert "uruguayan-space-agency" in {p for p, _a, _m in cooperations_of(reference, text)}
