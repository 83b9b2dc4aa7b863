"""A mission named in one clause is not the mission of a partner who is the subject of
a second clause joined by "and" and saying something of its own; it is when that clause
points back to the mission ("it", "the programme") or only repeats the first ("Y
followed"). Every sentence here is new."""

from __future__ import annotations

import pytest

from tests.one_document import cooperations_of


def test_a_second_clause_with_its_own_statement_takes_no_mission(reference):
    text = (
        "A receiving station at Kisumu, built with the Kenya Space Agency, downloads data "
        "from Chinese Gaofen satellites, and Kenya and China cooperate on data sharing for "
        "flood monitoring around Lake Victoria."
    )
    found = cooperations_of(reference, text)
    assert ("kenya", "data-exchange", None) in found
    assert ("kenya", "data-exchange", "chinese-gaofen") not in found
    # the body the first clause names still works with China on the Gaofen data
    assert ("kenya-space-agency", "data-exchange", "chinese-gaofen") in found


@pytest.mark.parametrize(
    ("text", "partner", "mission"),
    [
        # the second clause points back to the mission: "joined the programme"
        (
            "The International Lunar Research Station has grown quickly: Peru joined it in "
            "2031, and Chile, Uruguay and Bolivia joined the programme in the first half of "
            "2032.",
            "uruguay",
            "international-lunar-research-station",
        ),
        # it only repeats the first: "Uruguay followed"
        (
            "Peru joined the International Lunar Research Station in 2031, and Uruguay "
            "followed in May 2032.",
            "uruguay",
            "international-lunar-research-station",
        ),
        # the mission opens the sentence and frames both clauses
        (
            "On Chang'e-7, Peru supplied a camera, and Uruguay built a dust detector.",
            "uruguay",
            "change-7",
        ),
    ],
)
def test_a_second_clause_keeps_the_mission_it_points_back_to(reference, text, partner, mission):
    assert (partner, mission) in {(p, m) for p, _a, m in cooperations_of(reference, text)}
