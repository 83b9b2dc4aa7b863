"""Who made or flies an instrument: "a magnetometer was supplied by X" is X's payload
even where no mission is named; "X will have a camera on Chang'e-8" puts X's payload on
that mission; a body that holds joint training "with CNSA" cooperates in training. A
rover only proposed, or work "with China" that a sentence denies, is none. Every
sentence here is new."""

from __future__ import annotations

import pytest

from graph.model import Cooperation, Status
from tests.one_document import facts_of


def _cooperation(reference, text: str) -> set[tuple[str, str, str | None]]:
    return {(f.partner, f.area, f.mission) for f in facts_of(reference, text, kind=Cooperation)}


@pytest.mark.parametrize("verb", ["supplied", "built", "developed", "provided"])
def test_an_instrument_made_by_a_body_is_its_payload(reference, verb):
    text = f"A dust magnetometer was {verb} by the Latvian Institute of Solar Physics."
    assert _cooperation(reference, text) == {
        ("latvian-institute-of-solar-physics", "payloads", None)
    }


def test_a_body_that_will_have_a_camera_on_a_mission_has_a_payload_on_it(reference):
    text = "The University of Tartu will have a wide-angle camera on Chang'e-8."
    facts = facts_of(reference, text, kind=Cooperation)
    assert {(f.partner, f.area, f.mission, f.status) for f in facts} == {
        ("university-of-tartu", "payloads", "change-8", Status.PLANNED)
    }


def test_a_body_that_holds_joint_training_with_a_chinese_body_cooperates_in_training(
    reference,
):
    text = (
        "In May 2031 the Estonian Space Office held its first joint training course with "
        "CNSA in Tallinn."
    )
    assert _cooperation(reference, text) == {
        ("estonian-space-office", "training-and-education", None)
    }


def test_a_rover_only_proposed_by_a_body_is_no_payload(reference):
    text = "A small rover proposed by the Latvian Institute of Solar Physics was withdrawn."
    assert _cooperation(reference, text) == set()


def test_training_with_a_chinese_body_that_a_sentence_denies_is_none(reference):
    text = "The Estonian Space Office has held no joint training course with CNSA."
    assert _cooperation(reference, text) == set()


@pytest.mark.parametrize("hope", ["hopes", "hoped", "seeks", "wants", "expects"])
def test_a_body_that_hopes_to_fly_an_instrument_has_a_planned_payload(reference, hope):
    text = f"The University of Tartu {hope} to fly a camera on Chang'e-8."
    facts = facts_of(reference, text, kind=Cooperation)
    assert {(f.partner, f.area, f.mission, f.status) for f in facts} == {
        ("university-of-tartu", "payloads", "change-8", Status.PLANNED)
    }


def test_a_body_selected_to_fly_an_experiment_on_a_mission_has_a_payload_on_it(reference):
    text = "The University of Tartu was selected to fly an experiment on the China Space Station."
    assert _cooperation(reference, text) == {
        ("university-of-tartu", "payloads", "china-space-station")
    }


def test_an_instrument_that_was_from_a_partner_is_its_payload(reference):
    text = "The dust camera on Chang'e-8 was from Gabon, and the magnetometer was from Peru."
    found = {(f.partner, f.area, f.mission) for f in facts_of(reference, text, kind=Cooperation)}
    assert found == {("gabon", "payloads", "change-8"), ("peru", "payloads", "change-8")}


def test_people_who_were_from_a_partner_are_no_payload(reference):
    text = "The rover team on Chang'e-8 was from Gabon."
    assert not facts_of(reference, text, kind=Cooperation)


def test_the_maker_of_a_satellite_china_launched_is_no_partner(reference):
    text = (
        "A Long March 3B launched the Andean Star satellite, built by the Aerotec Company, "
        "for Andicom."
    )
    assert "aerotec-company" not in {f.partner for f in facts_of(reference, text, kind=Cooperation)}


def test_the_maker_of_an_instrument_on_a_mission_is_a_partner(reference):
    text = "Gabon's contribution to Chang'e-8, a dust detector, was built by the Aerotec Company."
    found = {(f.partner, f.area, f.mission) for f in facts_of(reference, text, kind=Cooperation)}
    assert ("aerotec-company", "payloads", "change-8") in found
