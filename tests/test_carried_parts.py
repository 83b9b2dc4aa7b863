"""A craft the sentence calls a carried small satellite (a cubesat) is not the mission of a
partner's payload: the mission is what carries it, named in the sentence or, when the
sentence names no other craft, the one the paragraph is about. Every sentence is new."""

from __future__ import annotations

from tests.one_document import cooperations_of


def test_a_cubesat_in_the_list_of_payloads_is_carried_not_the_mission(reference):
    text = (
        "Chang'e-7 carried four foreign payloads. Among them were a magnetometer from the "
        "Swedish Institute of Space Physics and ORBIT-7, a small cubesat built by Mahidol "
        "University."
    )
    found = cooperations_of(reference, text)
    assert ("swedish-institute-of-space-physics", "payloads", "change-7") in found
    assert ("mahidol-university", "payloads", "change-7") in found
    assert not any(mission == "orbit-7" for _p, _a, mission in found)


def test_a_craft_with_a_camera_is_no_part(reference):
    text = (
        "Chang'e-7 carried four foreign payloads. Among them were a magnetometer from the "
        "Swedish Institute of Space Physics and ORBIT-7, a satellite with a camera built by "
        "Mahidol University."
    )
    found = cooperations_of(reference, text)
    assert ("mahidol-university", "payloads", "change-7") not in found


def test_a_cubesat_in_apposition_flies_on_the_craft_the_sentence_names(reference):
    text = (
        "ORBIT-9, a small cubesat developed by the University of Bern, was released into "
        "lunar orbit by Chang'e-7."
    )
    found = cooperations_of(reference, text)
    assert ("university-of-bern", "payloads", "change-7") in found
    assert ("university-of-bern", "payloads", "orbit-9") not in found
