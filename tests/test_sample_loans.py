"""Samples a Chinese mission returned, lent to partners: the bodies named after "to" (or
in the list that follows: "Among them are ...") work with China on that mission; the
country a body is in is only where it is. Every text here is new."""

from __future__ import annotations

from tests.one_document import cooperations_of

AREA = "lunar-and-deep-space-exploration"


def test_the_bodies_samples_are_lent_to_cooperate_on_the_mission(reference):
    text = (
        "CNSA has lent samples returned by Chang'e-5 to laboratories abroad, including "
        "the University of Tartu in Estonia and Kyoto University in Japan."
    )
    assert cooperations_of(reference, text) == {
        ("university-of-tartu", AREA, "change-5"),
        ("kyoto-university", AREA, "change-5"),
    }


def test_a_list_after_the_loan_names_its_recipients(reference):
    text = (
        "In 2031 China approved loans of Chang'e-6 samples to five institutions. Among them "
        "are the University of Tartu and the Bern Lunar Laboratory in Switzerland."
    )
    assert cooperations_of(reference, text) == {
        ("university-of-tartu", AREA, "change-6"),
        ("bern-lunar-laboratory", AREA, "change-6"),
    }


def test_a_refused_loan_gives_nothing(reference):
    text = "CNSA did not lend Chang'e-5 samples to the University of Tartu."
    assert cooperations_of(reference, text) == set()
