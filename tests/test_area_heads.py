"""An area phrase and the one after "to" are two areas, not one noun phrase with its head
last: "TT&C support to China's lunar missions" is tracking support, given to a lunar
mission. New text of my own."""

from __future__ import annotations

from tests.one_document import cooperations_of


def test_what_is_given_to_a_mission_keeps_its_own_area(reference):
    text = "ESA has provided TT&C support to China's lunar missions through its own stations.\n"
    areas = {
        area
        for partner, area, _m in cooperations_of(reference, text)
        if partner == "european-space-agency"
    }
    assert "tt-c" in areas
