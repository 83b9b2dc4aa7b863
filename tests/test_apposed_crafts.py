"""A craft named and then described in apposition: the description may say whom it was
for ("Angosat-4, an observation satellite for Angola"), and that is the partner of what
was done to the named craft. New text of my own."""

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
