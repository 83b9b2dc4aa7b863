"""A mission named in a later clause with a subject of its own, joined by "and" to the
partner's statement, is not the mission of that statement. Every sentence is new."""

from __future__ import annotations

from tests.one_document import cooperations_of


def test_a_later_statement_keeps_its_mission_to_itself(reference):
    text = (
        "The Kenya Space Agency has cooperated with China on remote sensing since 2015, and "
        "a receiving station at Malindi was upgraded to download images from Gaofen-3."
    )
    found = cooperations_of(reference, text)
    assert ("kenya-space-agency", "earth-observation-applications", None) in found
    assert ("kenya-space-agency", "earth-observation-applications", "gaofen-3") not in found
