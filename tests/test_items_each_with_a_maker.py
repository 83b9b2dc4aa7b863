"""Payloads told as a list of things, each item with its own maker, on a mission the
sentence before names; and a partner's small satellite that a mission takes along.
Each sentence is new, with names of its own."""

from __future__ import annotations

from tests.one_document import cooperations_of, facts_of

_LIST = (
    "Chang'e-9 is being prepared at Wenchang for launch next spring. Already mounted on "
    "its orbiter and lander are instruments from four partners abroad: a dust analyser "
    "from Austria's Graz Space Optics Institute, a camera that Kenya and Ghana built "
    "together, and a laser reflector from the University of Lisbon."
)


def test_each_item_of_a_list_has_its_own_maker(reference):
    """The makers of one item ("a camera that Kenya and Ghana built") do not make the
    next item's maker ("a reflector from the University of Lisbon") their partner: each
    is China's partner on the mission."""
    found = cooperations_of(reference, _LIST)
    assert ("university-of-lisbon", "payloads", "change-9") in found
    assert ("graz-space-optics-institute", "payloads", "change-9") in found
    assert ("kenya", "payloads", "change-9") in found
    assert ("ghana", "payloads", "change-9") in found


def test_its_lander_is_the_lander_of_the_mission_named_before(reference):
    found = cooperations_of(
        reference,
        "Tianwen-4 lifted off in 2029. Fitted to its lander was a seismometer from Chile.",
    )
    assert ("chile", "payloads", "tianwen-4") in found


def test_makers_working_together_on_one_item_are_still_not_chinas_partners(reference):
    """Work between two other parties, with no Chinese side named, stays theirs."""
    found = cooperations_of(
        reference,
        "Nepal's first cubesat, a satellite built with the Kyushu Institute of Technology, "
        "reached orbit in 2019.",
    )
    assert not {f for f in found if f[0] == "kyushu-institute-of-technology"}


def test_a_small_satellite_a_mission_carries_is_its_payload(reference):
    found = cooperations_of(
        reference,
        "Chang'e-6, the 2024 mission, carried NESAT, a small satellite from the University "
        "of Cape Town, into orbit around the Moon.",
    )
    assert ("university-of-cape-town", "payloads", "change-6") in found


def test_a_satellite_a_rocket_carries_is_no_payload_cooperation(reference):
    """A rocket is no mission: the satellites it lifts are launched, not carried along."""
    found = cooperations_of(
        reference,
        "A Long March 2D rocket carried KSAT-3, a small satellite from Kenya, into orbit.",
    )
    assert not {f for f in found if f[1] == "payloads"}


def test_where_a_body_sits_is_not_part_of_its_name(reference):
    """ "the Nairobi-based Regional Centre for ..." names the centre, not a
    "Nairobi-based" one."""
    facts = facts_of(
        reference,
        "Chang'e-9 will carry a camera from the Nairobi-based Regional Centre for Mapping "
        "of Resources for Development.",
    )
    partners = {f.partner for f in facts if hasattr(f, "partner")}
    assert "regional-centre-for-mapping-of-resources-for-development" in partners
    assert not {p for p in partners if p.startswith("nairobi")}
