"""People trained for a craft: the training takes the one craft the training verb's own
clause names, not one another statement of the sentence names. Every sentence is new."""

from __future__ import annotations

from tests.one_document import cooperations_of


def test_training_for_a_satellite_is_paired_with_it(reference):
    text = "Chinese instructors trained 40 Bolivian engineers for TKSAT-1 in Beijing."
    assert ("bolivia", "training-and-education", "tksat-1") in cooperations_of(reference, text)


def test_a_craft_of_another_statement_is_not_the_trainings(reference):
    text = (
        "Chinese instructors trained 40 Bolivian engineers in Beijing, and Bolivia launched "
        "TKSAT-1 in 2013."
    )
    found = cooperations_of(reference, text)
    assert ("bolivia", "training-and-education", None) in found
    assert ("bolivia", "training-and-education", "tksat-1") not in found


def test_a_craft_whose_data_the_training_uses_is_not_its_mission(reference):
    text = "CMA experts trained Kenyan forecasters in nowcasting with Fengyun-4 imagery in Nairobi."
    found = cooperations_of(reference, text)
    assert ("kenya", "training-and-education", None) in found
    assert not any(m for p, a, m in found if a == "training-and-education")
