"""A craft's designator ("KenSat-2") that the parser reads as punctuation is still the
object of the active verb it follows and the subject of the passive verb it opens.
Every text here is new."""

from __future__ import annotations

import pytest

from tests.one_document import activities_of


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "CGWIC handed KenSat-2 over in orbit to the Kenya Space Agency on 1 August 2029.",
            ("delivered", "kenya-space-agency", "kensat-2"),
        ),
        (
            "KenSat-7 was built for the Kenya Space Agency by the China Academy of Space "
            "Technology, and the satellite was launched on a Long March 3B in May 2029.",
            ("built", "kenya-space-agency", "kensat-7"),
        ),
        (
            "CGWIC handed KenSat-4 over to the Kenya Space Agency in orbit on 2 March 2030, "
            "after in-orbit tests; its value is written down over a design life of 15 years.",
            ("delivered", "kenya-space-agency", "kensat-4"),
        ),
    ],
)
def test_a_designator_read_as_punctuation_is_still_the_verbs_craft(reference, text, fact):
    assert fact in activities_of(reference, text)
