"""A causative "have" names whom a spacecraft was made or launched for: its subject had
the craft built or launched ("Peru had its AndeSat-4 launched by China"). The one who
did the work ("by China", "by a Chinese firm") is the doer, not the partner, and a
craft had launched by someone else is no work of China's. New sentences, in a news
report's words and in a trade summary's."""

from __future__ import annotations

from tests.one_document import activities_of


def test_the_subject_of_have_is_whom_the_launch_served(reference):
    text = "Peru had its AndeSat-4 launched by China from Jiuquan in 2019."
    assert activities_of(reference, text) == {("launched", "peru", "andesat-4")}


def test_coordinated_participles_share_the_subject_of_have(reference):
    text = (
        "The Kenya Space Agency had its KenStar-5 and KenStar-6 satellites built and "
        "launched by China in 2022."
    )
    assert activities_of(reference, text) == {
        ("built", "kenya-space-agency", "kenstar-5"),
        ("built", "kenya-space-agency", "kenstar-6"),
        ("launched", "kenya-space-agency", "kenstar-5"),
        ("launched", "kenya-space-agency", "kenstar-6"),
    }


def test_an_apposed_subject_of_a_future_have(reference):
    text = (
        "Peru signed a launch deal last year. Mongolia, a newcomer, will have its first "
        "satellite, GobiSat-1, built by a Chinese firm."
    )
    found = activities_of(reference, text)
    assert ("built", "mongolia", "gobisat-1") in found
    assert not any(craft == "gobisat-1" and partner != "mongolia" for _a, partner, craft in found)


def test_a_craft_had_launched_by_others_is_not_chinas_work(reference):
    text = "China built AndeSat-6 for Peru. Peru had its AndeSat-7 launched by SpaceX in 2020."
    found = activities_of(reference, text)
    assert not any(craft == "andesat-7" for _a, _p, craft in found)
