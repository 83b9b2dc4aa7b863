"""Lists of payloads: each line of a list that a line ending in a colon introduces takes
the mission, the area and the time of its lead-in ("Chang'e-9 will carry three foreign
payloads:"), or of the record it belongs to ("Name of space object: Kuafu-3" over its
"Foreign payloads:"); a country written after a body's name only says where the body
is; a paragraph that opens with "The selected payloads" goes on with the mission the
paragraph before announced. New lists of my own."""

from __future__ import annotations

from graph.model import Cooperation, Status
from tests.one_document import cooperations_of, facts_of

_PLANNED_LIST = (
    "Chang'e-9 will carry three foreign payloads:\n"
    "- Lunar Dust Analyser (LDA), provided by the University of Lisbon, Portugal;\n"
    "- Regolith Heat Probe (RHP), provided by the Norwegian Space Agency.\n"
)

_RECORD = (
    "Name of space object:             Kuafu-3\n"
    "Date of launch:                   3 May 2031, 09:27 UTC\n"
    "Launch vehicle:                   Long March 2D\n"
    "General function of space object: Solar observation.\n"
    "Foreign payloads:\n"
    "   (a) Coronal Imager (CI), provided by the University of Lisbon,\n"
    "       Portugal;\n"
    "   (b) Neutron Monitor (NM), provided by the Norwegian Space Agency.\n"
    "Owner or operator:                China National Space Administration\n"
)


def test_each_item_of_a_payload_list_flies_on_the_lead_ins_mission(reference):
    assert cooperations_of(reference, _PLANNED_LIST) == {
        ("university-of-lisbon", "payloads", "change-9"),
        ("norwegian-space-agency", "payloads", "change-9"),
    }


def test_an_instrument_listed_under_a_mission_that_names_no_payload_flies_on_it(reference):
    # the lead-in calls them guests; each item says it is an instrument
    text = (
        "Tianwen-3 lifted off on 12 May 2028 and took three foreign guests to Mars:\n"
        "  - a magnetometer supplied by the Austrian Academy of Sciences\n"
        "  - a dust counter from the University of Tartu\n"
    )
    assert cooperations_of(reference, text) == {
        ("austrian-academy-of-sciences", "payloads", "tianwen-3"),
        ("university-of-tartu", "payloads", "tianwen-3"),
    }


def test_the_items_of_a_list_that_will_fly_are_planned(reference):
    facts = facts_of(reference, _PLANNED_LIST, kind=Cooperation)
    assert facts and all(f.status is Status.PLANNED for f in facts)


def test_the_payloads_of_a_register_entry_fly_on_the_craft_it_names(reference):
    assert cooperations_of(reference, _RECORD) == {
        ("university-of-lisbon", "payloads", "kuafu-3"),
        ("norwegian-space-agency", "payloads", "kuafu-3"),
    }


def test_a_list_after_a_question_is_no_payload_list(reference):
    text = (
        "Q: Which payloads did your agency propose?\n"
        "A: The Norwegian Space Agency has worked with CNSA on space weather since 2029.\n"
    )
    assert cooperations_of(reference, text) == {
        ("norwegian-space-agency", "space-weather", None),
    }


def test_a_paragraph_on_the_selected_payloads_goes_on_with_the_mission_announced(reference):
    text = (
        "China's Chang'e-9 lunar probe will carry scientific instruments from four "
        "countries when it launches in 2032.\n\n"
        "The selected payloads include a neutron spectrometer from Serbia and a "
        "magnetometer supplied by the Austrian Academy of Sciences.\n"
    )
    assert cooperations_of(reference, text) >= {
        ("serbia", "payloads", "change-9"),
        ("austrian-academy-of-sciences", "payloads", "change-9"),
    }


_FLOWN_LIST = (
    "EARLIER FLIGHT: CHANG'E-6 (flown 2024)\n"
    "The lander took two foreign instruments, both of which worked as planned:\n"
    "  * Portugal - a radon counter on the lander\n"
    "  * Norway - an ion sampler on the lander\n"
)


def test_payloads_that_worked_as_planned_have_flown(reference):
    """ "as planned" says how it went, not that it is still to come."""
    facts = facts_of(reference, _FLOWN_LIST, kind=Cooperation)
    assert {(f.partner, f.mission) for f in facts} == {
        ("portugal", "change-6"),
        ("norway", "change-6"),
    }
    assert {f.status for f in facts} == {Status.ACHIEVED}
