"""A craft described in an apposition as a partner's ("ZamSat-2, Zambia's first
satellite, was built by CAST") was built and launched for that partner, however the
parser hangs the name; one its owner "developed jointly with China" was developed by that
owner with China; one that "followed" a Chinese launch went up on the next one. Every
sentence here is new."""

from __future__ import annotations

from tests.one_document import activities_of


def test_the_owner_an_apposition_names_is_the_partner_of_a_craft_china_built(reference):
    text = "ZamSat-2, Zambia's first satellite, was built by CAST and launched from Xichang."
    assert activities_of(reference, text) == {
        ("built", "zambia", "zamsat-2"),
        ("launched", "zambia", "zamsat-2"),
    }


def test_an_owner_developed_jointly_with_china_developed_it_with_china(reference):
    text = (
        "KenSat-4, the Kenya Space Agency's imaging satellite, was developed jointly with "
        "China and launched from Jiuquan in December 2030."
    )
    assert activities_of(reference, text) == {
        ("jointly-developed", "kenya-space-agency", "kensat-4"),
        ("launched", "kenya-space-agency", "kensat-4"),
    }


def test_a_craft_that_followed_a_chinese_launch_was_launched_for_its_owner(reference):
    text = (
        "A Long March 2D launched Kenya's KenSat-1 from Jiuquan in 2027. Kenya's imaging "
        "satellite KenSat-2 followed from Xichang in May 2029. The plan followed the treaty."
    )
    assert activities_of(reference, text) == {
        ("launched", "kenya", "kensat-1"),
        ("launched", "kenya", "kensat-2"),
    }
