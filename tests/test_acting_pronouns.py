"""A sentence that opens with "It" and a verb a body does stands for the body that
opened the sentence before ("Roscosmos has agreed to ... It will also train ..."), when
no other body or country came between; a day of the week is no agreement's subject.
New text of my own."""

from __future__ import annotations

from graph.model import Agreement
from tests.one_document import cooperations_of, facts_of

TEXT = (
    "The Kenya Space Agency has agreed to provide a camera for Chang'e-8. "
    "It will also train Chinese specialists in satellite operations.\n\n"
    "Kenya and the Kenya Space Agency signed an agreement with CNSA on Tuesday.\n"
)


def test_it_opening_a_sentence_is_the_body_that_opened_the_one_before(reference):
    assert ("kenya-space-agency", "training-and-education", None) in cooperations_of(
        reference, TEXT
    )


def test_it_after_another_party_is_not_resolved(reference):
    text = (
        "The Kenya Space Agency met officials of Nigeria. "
        "It will also train Chinese specialists in satellite operations."
    )
    assert ("kenya-space-agency", "training-and-education", None) not in cooperations_of(
        reference, text
    )


def test_a_day_of_the_week_is_no_subject(reference):
    [agreement] = facts_of(reference, TEXT, kind=Agreement)
    assert agreement.subject is None
