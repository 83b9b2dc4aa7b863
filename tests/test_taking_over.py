"""A partner agency's own press release on a satellite China built: its capitals
headline names the craft without the words around it, taking control of the craft is
its delivery, and "the two agencies" are the agencies named before, not a university the
sentence before ended on. New text of my own."""

from __future__ import annotations

from graph.designator_names import designators
from tests.one_document import activities_of, cooperations_of

RELEASE = (
    "KENYA TAKES CONTROL OF TAIFA-2 AFTER IN-ORBIT CHECKS\n\n"
    "The Kenya Space Agency (KSA) today assumed full control of Taifa-2, the country's "
    "second Earth observation satellite, following three months of in-orbit testing by "
    "engineers of the China Academy of Space Technology (CAST).\n\n"
    "Kenya's first satellite, the cubesat 1KUNS-PF, was built by the University of "
    "Nairobi. The two agencies also agreed to study a third satellite, Taifa-3, which "
    "would carry a radar payload.\n"
)


def test_a_capitals_headline_names_the_craft_alone():
    labels = [c.label for c in designators("d", "KENYA TAKES CONTROL OF TAIFA-2 TODAY", 0)]
    assert labels == ["TAIFA-2"]
    assert [c.label for c in designators("d", "CHINA LAUNCHES KENSAT-2", 0)] == ["KENSAT-2"]


def test_assuming_control_of_a_craft_is_its_delivery(reference):
    assert ("delivered", "kenya-space-agency", "taifa-2") in activities_of(reference, RELEASE)


def test_control_of_something_else_is_no_delivery(reference):
    text = "The Kenya Space Agency assumed control of the programme's budget in 2024."
    assert activities_of(reference, text) == set()


def test_the_two_agencies_are_not_the_university_named_just_before(reference):
    partners = {p for p, _, _ in cooperations_of(reference, RELEASE)}
    assert "university-of-nairobi" not in partners
    assert "kenya-space-agency" in partners


def test_control_of_the_craft_handed_over_is_the_crafts_delivery(reference):
    text = (
        "Taifa-2 was launched from Jiuquan in December. Control of the spacecraft will be "
        "handed over to the Kenya Space Agency once checks are finished."
    )
    assert ("delivered", "kenya-space-agency", "taifa-2") in activities_of(reference, text)
