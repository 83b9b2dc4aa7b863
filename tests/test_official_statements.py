"""How joint statements and official letters say cooperation: one side's thanks for
China's help, its participation in a mission welcomed, readiness to consider, and a
craft's class in the noun phrase of what was built. Every sentence here is new."""

from __future__ import annotations

from graph.model import Cooperation, Status
from tests.one_document import cooperations_of, facts_of


def test_thanks_for_chinas_assistance_in_building_a_craft_is_cooperation_on_it(reference):
    text = (
        "The Kazakh side appreciates China's assistance in building the KazSat-9 Earth "
        "observation satellite."
    )
    assert ("kazakhstan", "satellite-development", "kazsat-9") in cooperations_of(reference, text)


def test_a_craft_class_after_its_name_is_no_area_of_building_it(reference):
    """ "Earth observation" says what the satellite built is, not the work's area."""
    text = "China helped Kazakhstan build the KazSat-9 Earth observation satellite."
    areas = {area for _p, area, _m in cooperations_of(reference, text)}
    assert areas == {"satellite-development"}


def test_a_craft_class_after_its_name_still_says_what_operating_it_is(reference):
    text = "China and France jointly operate the SVOM astronomy satellite."
    assert ("france", "space-science", "svom") in cooperations_of(reference, text)


def test_thanking_china_for_its_help_in_doing_something_is_cooperation(reference):
    text = "Kazakhstan thanked China for its help in building the KazSat-10 satellite."
    assert any(
        p == "kazakhstan" and m == "kazsat-10" for p, _a, m in cooperations_of(reference, text)
    )


def test_a_partners_participation_in_a_mission_welcomed_is_cooperation_on_it(reference):
    text = (
        "The Chinese side welcomes Kazakhstan's participation in the International Lunar "
        "Research Station."
    )
    assert (
        "kazakhstan",
        "lunar-and-deep-space-exploration",
        "international-lunar-research-station",
    ) in cooperations_of(reference, text)


def test_being_ready_to_consider_carrying_a_payload_is_a_plan(reference):
    text = (
        "The Chinese side is ready to consider carrying a Kazakh scientific instrument on "
        "the Chang'e-8 mission."
    )
    facts = [f for f in facts_of(reference, text, kind=Cooperation) if f.partner == "kazakhstan"]
    assert facts and all(f.status is Status.PLANNED for f in facts)
