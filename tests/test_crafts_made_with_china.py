"""A partner that made a spacecraft with a Chinese body developed it jointly with China,
whether or not the sentence says "jointly": the maker is the passive's "by", the active
subject or where a coordinated verb of making says it was designed. A craft made with
others, none of them Chinese, stays the maker's own. New sentences of my own."""

from __future__ import annotations

from tests.one_document import activities_of


def test_a_passive_maker_with_a_chinese_university_developed_the_craft_jointly(reference):
    text = (
        "NamibSat-1 was built by the Namibia University of Science and Technology with "
        "Tsinghua University."
    )
    assert activities_of(reference, text) == {
        ("jointly-developed", "namibia-university-of-science-and-technology", "namibsat-1")
    }


def test_a_maker_in_an_apposition_also_gives_the_launch_of_the_joint_craft(reference):
    text = (
        "MonguSat-2, a cubesat designed by the Mongolian University of Science and "
        "Technology with the Harbin Institute of Technology, was launched on a Long March "
        "2D in 2022."
    )
    partner = "mongolian-university-of-science-and-technology"
    assert activities_of(reference, text) == {
        ("jointly-developed", partner, "mongusat-2"),
        ("launched", partner, "mongusat-2"),
    }


def test_the_place_of_design_before_a_joint_development_with_a_chinese_body(reference):
    text = (
        "LankaSat-1 was designed at the Arthur C Clarke Institute and developed with "
        "Zhejiang University."
    )
    assert activities_of(reference, text) == {
        ("jointly-developed", "arthur-c-clarke-institute", "lankasat-1")
    }


def test_a_craft_made_with_others_none_of_them_chinese_is_its_makers_own(reference):
    text = (
        "NamibSat-1 was built by the Namibia University of Science and Technology with "
        "the Kyushu Institute of Technology."
    )
    assert activities_of(reference, text) == set()


def test_an_instrument_a_partner_builds_with_a_chinese_institute_is_no_craft(reference):
    text = (
        "The largest of the selected payloads is LUMEN-3, an ultraviolet detector that the "
        "University of Porto is building with the Purple Mountain Observatory."
    )
    assert not {a for a in activities_of(reference, text) if a[0] == "jointly-developed"}


def test_a_craft_made_for_installation_on_a_station_is_a_payload(reference):
    text = (
        "LUMEN-4 is being developed by the University of Porto with the Purple Mountain "
        "Observatory for installation on the Tiangong station in 2030."
    )
    assert not {a for a in activities_of(reference, text) if a[0] == "jointly-developed"}
