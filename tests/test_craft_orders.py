"""A craft a partner orders from China's side is built, launched or delivered for that
partner when a later sentence has China's side do it, and a craft named after its owner's
possessive keeps that owner across a description ("Ecuador's first radar satellite
NEE-9"). An order from anyone else ties nothing. Every sentence here is new."""

from __future__ import annotations

import pytest

from tests.one_document import activities_of

ORDERED = (
    "The Andean Space Agency ordered a radar satellite, ANDESAT-R, from {seller} in 2028. "
    "ANDESAT-R was built by the China Academy of Space Technology in 2029."
)


def test_a_craft_ordered_from_china_is_built_for_the_buyer(reference):
    text = ORDERED.format(seller="CGWIC")
    assert activities_of(reference, text) == {("built", "andean-space-agency", "andesat-r")}


def test_a_craft_ordered_from_another_maker_ties_no_buyer(reference):
    assert activities_of(reference, ORDERED.format(seller="Thales")) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Ecuador's satellite NEE-9 was launched by a Long March 6 rocket in 2029.",
        "Ecuador's first radar satellite NEE-9 was launched by a Long March 6 rocket in 2029.",
    ],
)
def test_a_possessive_before_a_craft_description_names_the_owner(reference, text):
    assert activities_of(reference, text) == {("launched", "ecuador", "nee-9")}


def test_members_of_a_class_china_launched_were_launched_for_their_owners(reference):
    text = (
        "Satellites launched by China for other countries include Peru's PeruSAR-2 (2031) "
        "and Chile's FASat-3 (2032)."
    )
    assert activities_of(reference, text) == {
        ("launched", "peru", "perusar-2"),
        ("launched", "chile", "fasat-3"),
    }


def test_members_of_a_class_others_launched_give_nothing(reference):
    text = "Satellites launched by Russia include Peru's PeruSAR-2 and Chile's FASat-3."
    assert activities_of(reference, text) == set()


def test_a_craft_china_built_by_passive_is_built_for_its_appositions_owner(reference):
    text = "Peru's first radar satellite, PeruSAR-2, had been built and launched by China in 2031."
    assert activities_of(reference, text) == {
        ("built", "peru", "perusar-2"),
        ("launched", "peru", "perusar-2"),
    }
