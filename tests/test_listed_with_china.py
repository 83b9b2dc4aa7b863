"""Partners listed with China's own body after "together with" work with it, whoever the
subject is: "X is developing the instrument together with China's IHEP, Spain's
University of Valencia and ..." is cooperation with each of them. New text of my own."""

from __future__ import annotations

from tests.one_document import cooperations_of


def test_bodies_listed_with_a_chinese_body_are_partners_beside_the_subject(reference):
    text = (
        "The University of Lisbon is developing the instrument together with China's "
        "Institute of High Energy Physics, Spain's University of Valencia and Germany's Max "
        "Planck Institute for Extraterrestrial Physics.\n"
    )
    assert {p for p, _area, _m in cooperations_of(reference, text)} == {
        "university-of-lisbon",
        "university-of-valencia",
        "max-planck-institute-for-extraterrestrial-physics",
    }


def test_a_list_with_no_chinese_body_is_others_work(reference):
    text = (
        "The University of Lisbon is developing a radio with Spain's University of Valencia "
        "for a European satellite.\n"
    )
    assert cooperations_of(reference, text) == set()
