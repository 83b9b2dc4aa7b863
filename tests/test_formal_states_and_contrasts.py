"""A state named by its formal name, a clause set against the main one, and the words
for building satellites. Every sentence here is new."""

from __future__ import annotations

from tests.one_document import activities_of, cooperations_of


def test_a_satellite_for_a_state_by_its_formal_name_is_for_that_country(reference):
    text = "China will launch a weather satellite for the Sultanate of Oman in 2032."
    assert ("launched", "oman", None) in activities_of(reference, text)


def test_a_clause_set_against_chinas_work_is_not_chinas(reference):
    """ "while" sets the second craft apart: its makers did not work with China. The
    first craft, made with a Chinese body's help, was developed jointly with China."""
    text = (
        "OmanSat-4 was developed by the Oman Space Agency with help from the China Academy "
        "of Space Technology, while Sagarmatha-3, a cubesat, was designed by engineers at "
        "Tribhuvan University in Kathmandu."
    )
    made = activities_of(reference, text)
    assert ("jointly-developed", "oman-space-agency", "omansat-4") in made
    found = cooperations_of(reference, text)
    assert not any(partner == "tribhuvan-university" for partner, _a, _m in found)
    assert not any(partner == "tribhuvan-university" for _w, partner, _c in made)


def test_satellite_assembly_is_satellite_development(reference):
    text = (
        "Egypt and China have worked together on satellite assembly and the training of "
        "Egyptian engineers since 2031."
    )
    areas = {area for partner, area, _m in cooperations_of(reference, text) if partner == "egypt"}
    assert "satellite-development" in areas
