"""Whom a craft was launched for when the text names its maker rather than its customer,
and a craft's name kept apart from the words that open its clause. New sentences of my
own."""

from __future__ import annotations

from tests.one_document import activities_of


def test_a_month_or_a_subordinator_before_a_designator_is_not_part_of_its_name(reference):
    text = (
        "When NileSat-3, which China built for Egypt, went up in May 2025, it replaced an "
        "older craft. In March KAZ-EO2, a radar satellite that China built for "
        "Kazakhstan, was launched from Jiuquan."
    )
    assert activities_of(reference, text) == {
        ("built", "egypt", "nilesat-3"),
        ("built", "kazakhstan", "kaz-eo2"),
        ("launched", "kazakhstan", "kaz-eo2"),
    }


def test_a_relative_clause_is_about_the_craft_before_it_not_one_named_later(reference):
    text = (
        "Last May, NileSat-7, a radar satellite that China built for Egypt, was launched "
        "from Xichang, and in January KAZ-EO2 was launched from Jiuquan."
    )
    activities = activities_of(reference, text)
    assert ("built", "egypt", "nilesat-7") in activities
    assert ("built", "egypt", "kaz-eo2") not in activities


def test_a_craft_its_owner_built_and_china_launched_was_launched_for_the_owner(reference):
    text = "KazSat-5, which Kazakhstan built at home, was launched by China in 2024."
    assert activities_of(reference, text) == {("launched", "kazakhstan", "kazsat-5")}


def test_a_craft_of_a_partners_own_making_on_a_chinese_rocket_was_launched_for_it(reference):
    text = (
        "KAZ-EO2, an optical satellite of Kazakhstan's own making, was launched from "
        "Jiuquan on a Chinese Long March 2D."
    )
    assert activities_of(reference, text) == {("launched", "kazakhstan", "kaz-eo2")}
