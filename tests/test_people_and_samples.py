"""People a passive says were trained in China are their country's cooperation in
training, however they are counted ("hundreds of Bolivian engineers"); bodies a passive
says were granted a mission's samples cooperate on that mission. Every text here is new."""

from __future__ import annotations

from tests.one_document import cooperations_of


def test_counted_people_trained_in_china_are_their_countrys_training(reference):
    text = "Hundreds of Bolivian engineers were trained in China for the TKSat-2 programme."
    # the training's own clause names one craft, so it is the mission (the guidelines:
    # a cooperation paired with exactly one mission or spacecraft)
    assert cooperations_of(reference, text) == {
        ("bolivia", "training-and-education", "tksat-2")
    }


def test_people_trained_elsewhere_are_not(reference):
    text = "Hundreds of Bolivian engineers were trained in France for the programme."
    assert cooperations_of(reference, text) == set()


def test_bodies_granted_a_missions_samples_cooperate_on_it(reference):
    text = (
        "Kiel University and the University of Tartu were among the first institutions "
        "abroad to be granted Chang'e-6 samples."
    )
    found = cooperations_of(reference, text)
    assert {p for p, _a, m in found if m == "change-6"} == {
        "kiel-university",
        "university-of-tartu",
    }


def test_bodies_refused_samples_do_not(reference):
    text = "Kiel University was not granted Chang'e-6 samples."
    assert cooperations_of(reference, text) == set()
