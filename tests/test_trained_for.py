"""Training China gives a partner's people is cooperation with the partner: "China has
trained engineers for Kenya, Ghana and Ethiopia" is training with each; building a thing
for a partner is not cooperation in training. New text of my own."""

from __future__ import annotations

from tests.one_document import cooperations_of


def test_people_trained_for_a_list_of_partners_are_training_with_each(reference):
    text = "China has trained engineers for Kenya, Ghana and Ethiopia under these packages.\n"
    assert cooperations_of(reference, text) == {
        ("kenya", "training-and-education", None),
        ("ghana", "training-and-education", None),
        ("ethiopia", "training-and-education", None),
    }


def test_a_thing_built_for_a_partner_is_no_training(reference):
    text = "China has built a training centre for Kenya.\n"
    assert not any(
        area == "training-and-education" for _p, area, _m in cooperations_of(reference, text)
    )


def test_training_named_as_a_noun_trains_the_people_it_is_of(reference):
    text = "CAST will brief on the next training of Gabonese engineers in Beijing.\n"
    assert ("gabon", "training-and-education", None) in cooperations_of(reference, text)


def test_a_verb_of_going_on_says_what_the_subject_does(reference):
    # "keep working with" is working with, as "continue to work with" always was
    text = "Gabon will keep working with China on satellite navigation.\n"
    assert ("gabon", "satellite-navigation", None) in cooperations_of(reference, text)
