"""A participle that opens a sentence ("Built by CAST, KenSat-3 was launched ...") tells
of the spacecraft the sentence is about, for whoever the rest of the sentence names. New
text of my own."""

from __future__ import annotations

from tests.one_document import activities_of


def test_an_opening_participle_of_building_is_the_subjects_build(reference):
    text = (
        "Built by the China Academy of Space Technology, KenSat-3 was launched from Xichang "
        "in August 2021 and handed over to the Kenya Space Agency in orbit later that year."
    )
    assert activities_of(reference, text) == {
        ("built", "kenya-space-agency", "kensat-3"),
        ("launched", "kenya-space-agency", "kensat-3"),
        ("delivered", "kenya-space-agency", "kensat-3"),
    }


def test_an_opening_participle_may_name_whom_the_work_was_for(reference):
    text = "Developed by CAST for Laos, LaoSat-2 was launched in 2024."
    assert activities_of(reference, text) == {
        ("built", "laos", "laosat-2"),
        ("launched", "laos", "laosat-2"),
    }


def test_a_craft_others_built_is_only_launched(reference):
    text = (
        "Built by Airbus Defence and Space, KenSat-5 was launched by China for the Kenya "
        "Space Agency in 2022."
    )
    assert activities_of(reference, text) == {("launched", "kenya-space-agency", "kensat-5")}
