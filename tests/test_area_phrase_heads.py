"""Two area phrases joined by "in" are one phrase whose head is the first: "training in
satellite navigation" is training (the field only says what it is in), while two
phrases run together without a preposition ("navigation satellite data exchange")
still give way to the last. Each text is new, with names of its own, in a report's prose
and a news register."""

from __future__ import annotations

from tests.one_document import cooperations_of


def test_training_in_a_field_is_training(reference):
    found = cooperations_of(
        reference,
        "CAST works with the Gulf Space Council on training in satellite navigation.\n",
    )
    assert ("gulf-space-council", "training-and-education", None) in found
    assert ("gulf-space-council", "satellite-navigation", None) not in found


def test_the_same_in_news(reference):
    found = cooperations_of(
        reference,
        "Peru's space agency said on Monday it would cooperate with CNSA on education and "
        "training in the remote sensing field.\n",
    )
    assert any(key[1] == "training-and-education" for key in found)


def test_two_phrases_joined_by_and_are_both_fields(reference):
    found = cooperations_of(
        reference,
        "CAST works with the Gulf Space Council on training and satellite navigation.\n",
    )
    assert {
        ("gulf-space-council", "training-and-education", None),
        ("gulf-space-council", "satellite-navigation", None),
    } <= found
