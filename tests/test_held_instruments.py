"""A partner that has, shares or owns an instrument on a mission has a payload on it:
"Peru has a dust detector on the lander", "Uruguay and Bolivia share a spectrometer on
the orbiter". The mission is the one the sentence names, or, for a bulleted item, the
one its lead-in names (or the sentence before a lead-in such as "From memory:"). Every
sentence here is new."""

from __future__ import annotations

from tests.one_document import cooperations_of

LIST = """\
For Chang'e-9 the payload side is crowded this time. From what I remember:

* Peru has a dust detector on the lander
* Uruguay and Bolivia share a spectrometer on the orbiter
* the Andean Space Institute in Quito has an instrument too
"""


def test_partners_that_have_an_instrument_under_a_missions_lead_in_fly_it(reference):
    found = cooperations_of(reference, LIST)
    assert {(p, m) for p, a, m in found if a == "payloads"} == {
        ("peru", "change-9"),
        ("uruguay", "change-9"),
        ("bolivia", "change-9"),
        ("andean-space-institute", "change-9"),
    }


def test_having_an_instrument_with_no_mission_around_is_no_payload(reference):
    text = "Peru has a dust detector of its own, built in Lima in 2030."
    assert not [m for _p, a, m in cooperations_of(reference, text) if a == "payloads" and m]
