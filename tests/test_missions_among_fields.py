"""A mission named as one item of a list of fields ("remote sensing, BeiDou applications
and training") is a field of its own, in its own area, and does not lend its name to the
other fields. New sentences of my own."""

from __future__ import annotations

from tests.one_document import cooperations_of

BEIDOU = "beidou-navigation-satellite-system"


def test_a_mission_in_a_list_of_fields_is_its_own_field(reference):
    text = (
        "Kenya and China will cooperate on satellite remote sensing, BeiDou applications "
        "and personnel training."
    )
    assert cooperations_of(reference, text) == {
        ("kenya", "earth-observation-applications", None),
        ("kenya", "satellite-navigation", BEIDOU),
        ("kenya", "training-and-education", None),
    }


def test_a_mission_framing_the_fields_pairs_with_each(reference):
    text = "Under BeiDou, Kenya and China will cooperate on surveying and personnel training."
    missions = {m for _, _, m in cooperations_of(reference, text)}
    assert missions == {BEIDOU}
