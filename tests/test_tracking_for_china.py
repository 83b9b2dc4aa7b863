"""A partner's stations or antennas that tracked a Chinese mission worked with China on
it, in tracking, telemetry and command: the owner of the acting noun is the partner.
Every sentence here is new."""

from __future__ import annotations

from tests.one_document import cooperations_of


def test_a_partners_stations_that_tracked_a_mission_cooperated_in_tt_c(reference):
    text = "ESA's stations at Kourou and Maspalomas tracked Chang'e-6 for China in 2024."
    assert cooperations_of(reference, text) == {("european-space-agency", "tt-c", "change-6")}


def test_its_antennas_say_the_same(reference):
    text = "The Swedish Space Corporation's antennas tracked Tianwen-1 for CNSA."
    assert cooperations_of(reference, text) == {("swedish-space-corporation", "tt-c", "tianwen-1")}


def test_a_partners_own_stations_tracking_its_own_craft_are_no_cooperation(reference):
    text = "ESA's stations tracked the Rosetta probe throughout its mission."
    assert cooperations_of(reference, text) == set()
