""""The two agencies" of a sentence that has just named China's side and one partner as
its subject are that pair: the partner is the one beside China's side. Every text here
is new."""

from __future__ import annotations

from tests.one_document import activities_of


def test_the_two_agencies_after_a_pair_named_in_the_same_sentence(reference):
    text = (
        "CNSA and the Kenya Space Agency announced that KenSat-8 will be developed jointly "
        "by the two agencies and launched in 2034."
    )
    found = activities_of(reference, text)
    assert ("jointly-developed", "kenya-space-agency", "kensat-8") in found
    assert ("launched", "kenya-space-agency", "kensat-8") in found


def test_two_foreign_bodies_are_no_pair_of_chinas(reference):
    text = (
        "The Kenya Space Agency and the Ghana Space Science and Technology Institute said "
        "that KenSat-8 will be developed jointly by the two agencies."
    )
    assert not activities_of(reference, text)
