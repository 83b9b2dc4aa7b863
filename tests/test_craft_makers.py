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


def test_a_craft_that_shared_a_chinese_launch_was_launched_for_its_builder(reference):
    text = (
        "ZamSat-2 was launched from Jiuquan in 2025, and it shared its ride with KenSat-1, "
        "a small satellite designed and built in Nairobi by the Kenya Space Agency's own "
        "engineers."
    )
    assert ("launched", "kenya-space-agency", "kensat-1") in activities_of(reference, text)


def test_a_platform_is_no_craft_and_a_later_it_is_the_craft_built_for_the_customer(reference):
    text = (
        "CAST is to build ZamSat-1 for the Zambian Space Agency on its DFH-4 platform, and "
        "CGWIC will launch it from Xichang next year."
    )
    assert activities_of(reference, text) == {
        ("built", "zambian-space-agency", "zamsat-1"),
        ("launched", "zambian-space-agency", "zamsat-1"),
    }


def test_whom_a_launch_was_for_may_follow_its_date_and_the_build_was_for_them_too(reference):
    text = (
        "GhanaSat-2, which CGWIC built free of charge, was launched from Xichang on 3 May "
        "2027 for Ghana Communications Satellite Ltd (GHACOMSAT)."
    )
    assert activities_of(reference, text) == {
        ("built", "ghana-communications-satellite-ltd", "ghanasat-2"),
        ("launched", "ghana-communications-satellite-ltd", "ghanasat-2"),
    }


def test_a_cleft_rocket_that_lifted_a_craft_into_orbit_launched_it(reference):
    text = (
        "It was a Chinese rocket that lifted ZamSat-1, Zambia's first satellite, into orbit "
        "from Xichang in 2019."
    )
    assert activities_of(reference, text) == {("launched", "zambia", "zamsat-1")}


def test_a_described_craft_with_a_participle_after_its_noun_is_named(reference):
    text = (
        "MeroSat's predecessor, NEPSAT, a mapping satellite developed jointly with the Nepal "
        "Survey Department, was launched from Jiuquan in 2019."
    )
    assert ("launched", "nepal-survey-department", "nepsat") in activities_of(reference, text)
