"""A craft named and then described in apposition: the description may say whom it was
for ("Angosat-4, an observation satellite for Angola"), and that is the partner of what
was done to the named craft; so may a description its name follows ("Malawi's first
satellite, MalaSat-1"). New text of my own."""

from __future__ import annotations

from tests.one_document import activities_of


def test_whom_an_apposed_description_names_is_the_partner(reference):
    text = (
        "The corporation built and launched Angosat-4, an observation satellite for "
        "Angola, from Taiyuan in March 2026.\n"
    )
    assert activities_of(reference, text) == {
        ("built", "angola", "angosat-4"),
        ("launched", "angola", "angosat-4"),
    }


def test_the_owner_of_a_description_is_the_partner_of_the_name_apposed_to_it(reference):
    text = "China is also expected to build Malawi's first Earth-observation satellite, MalaSat-1."
    assert activities_of(reference, text) == {("built", "malawi", "malasat-1")}
