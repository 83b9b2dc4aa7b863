"""A craft that goes up on a Chinese rocket or from a Chinese launch centre was launched
by China for its owner, however the report words it: "rode a Kuaizhou-1A", "lifted off
from Xichang", "went into orbit on a Long March 2D". A craft that rode someone else's
rocket was not. A craft an earlier sentence tied to a partner is launched for it. Every
sentence here is new."""

from __future__ import annotations

import pytest

from graph.model import Cooperation
from tests.one_document import activities_of, facts_of


@pytest.mark.parametrize(
    "text",
    [
        "Peru's PeruSat-3 rode a Kuaizhou-1A rocket from Jiuquan in 2032.",
        "Peru's PeruSat-3 lifted off from the Xichang Satellite Launch Center in 2032.",
        "Peru's PeruSat-3 went into orbit on a Long March 2D in March 2032.",
    ],
)
def test_a_craft_going_up_on_a_chinese_rocket_was_launched_for_its_owner(reference, text):
    assert ("launched", "peru", "perusat-3") in activities_of(reference, text)


def test_an_apposition_names_the_owner_of_the_craft_that_lifted_off(reference):
    text = "Kenya's third satellite, Taifa-3, lifted off from Jiuquan in June 2032."
    assert ("launched", "kenya", "taifa-3") in activities_of(reference, text)


def test_a_craft_that_rode_another_countrys_rocket_was_not_launched_by_china(reference):
    text = "Peru's PeruSat-3 rode a Falcon 9 rocket from California in 2032."
    assert activities_of(reference, text) == set()


def test_a_craft_keeps_its_partner_for_a_launch_in_a_later_sentence(reference):
    text = (
        "The Uruguayan Space Agency and CNSA will jointly develop UruSat-1. China will "
        "launch UruSat-1 on a Long March 6 rocket in 2034."
    )
    assert ("launched", "uruguayan-space-agency", "urusat-1") in activities_of(reference, text)


def test_a_later_launch_on_another_countrys_rocket_is_not_chinas(reference):
    text = (
        "The Uruguayan Space Agency and CNSA will jointly develop UruSat-1. UruSat-1 will "
        "be launched on a Falcon 9 rocket in 2034."
    )
    assert ("launched", "uruguayan-space-agency", "urusat-1") not in activities_of(reference, text)


def test_a_demonym_before_the_craft_names_its_owner(reference):
    text = "China provided in-orbit delivery of the Bolivian communications satellite TKSat-9."
    assert ("delivered", "bolivia", "tksat-9") in activities_of(reference, text)


def test_a_demonym_names_no_owner_of_a_launch_china_had_no_part_in(reference):
    text = "South African cubesats were launched by Russia and by a company in 2032."
    assert activities_of(reference, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "The Peru Earth Imaging Satellite lifted off from Jiuquan in May 2033.",
        "The Peru Earth Imaging Satellite (PEIS-1) was launched by a Long March 4C in 2033.",
    ],
)
def test_a_craft_named_after_its_country_was_launched_for_that_country(reference, text):
    assert ("launched", "peru", "peru-earth-imaging-satellite") in activities_of(reference, text)


def test_a_craft_named_after_its_country_on_another_rocket_gives_nothing(reference):
    text = "The Peru Earth Imaging Satellite lifted off on a Vega-C rocket from Kourou in 2033."
    assert activities_of(reference, text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PeruSat-4 was launched from Xichang in 2033.", {("launched", "peru", "perusat-4")}),
        ("LaoSat-3 was launched from Xichang in 2033.", {("launched", "laos", "laosat-3")}),
        # an adjective names no owner, and China's own craft has no partner
        ("SaudiSat-9 was launched from Xichang in 2033.", set()),
        ("ChinaSat-29 was launched from Xichang in 2033.", set()),
        # nor does a craft named after its country that someone else launched
        ("PeruSat-4 was launched on a Falcon 9 in 2033.", set()),
    ],
)
def test_a_country_sat_is_named_after_its_owner(reference, text, expected):
    assert activities_of(reference, text) == expected


def test_running_a_craft_jointly_is_cooperation_beside_its_launch(reference):
    text = (
        "LaoSat-3 was launched for Laos; China and Laos jointly operate it for satellite "
        "communications."
    )
    facts = facts_of(reference, text, kind=Cooperation)
    assert [(f.partner, f.area) for f in facts] == [("laos", "satellite-communications")]
    assert activities_of(reference, text) == {("launched", "laos", "laosat-3")}


def test_satellites_from_a_country_on_chinese_rockets_were_launched_for_it(reference):
    text = "Long March rockets have launched satellites from Peru and Uruguay since 2030."
    assert {(a, p) for a, p, _craft in activities_of(reference, text)} == {
        ("launched", "peru"),
        ("launched", "uruguay"),
    }
    other = "Falcon 9 rockets have launched satellites from Peru and Uruguay since 2030."
    assert activities_of(reference, other) == set()
