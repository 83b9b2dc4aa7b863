"""A fact sheet's items may open with any list mark ("▪", "◦", "»", "→", "–"), and an
instrument's short name in brackets ("plasma wave receiver (PWR-4)") is no spacecraft.
New text of my own."""

from __future__ import annotations

from tests.one_document import cooperations_of

SHEET = """TIANWEN-4 MISSION FACT SHEET

Tianwen-4 will fly to Callisto around 2030.

International payloads
\u25aa Italy \u2013 plasma wave receiver (PWR-4) from the Sapienza University of Rome
\u25e6 Portugal: dust counter, Lisbon Space Institute
\u00bb Sweden \u2014 neutral atom imager built by the Swedish Institute of Space Physics
\u2192 Switzerland / magnetometer boom from the University of Bern
"""


def test_items_under_any_mark_are_payloads_on_the_sheets_mission(reference):
    assert cooperations_of(reference, SHEET) >= {
        ("sapienza-university-of-rome", "payloads", "tianwen-4"),
        ("lisbon-space-institute", "payloads", "tianwen-4"),
        ("swedish-institute-of-space-physics", "payloads", "tianwen-4"),
        ("university-of-bern", "payloads", "tianwen-4"),
    }


def test_an_instruments_short_name_is_not_the_mission(reference):
    missions = {mission for _partner, _area, mission in cooperations_of(reference, SHEET)}
    assert "pwr-4" not in missions


def test_an_instrument_named_by_a_designator_is_no_spacecraft(reference):
    text = (
        "Chang'e-7 will carry a neutron spectrometer named TLS-2, developed by the "
        "Lisbon Space Institute."
    )
    assert "tls-2" not in {mission for _p, _a, mission in cooperations_of(reference, text)}
