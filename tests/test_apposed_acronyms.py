"""A curated craft's acronym spelt out in apposition ("SVOM, the Space Variable Objects
Monitor, ...") is that craft under another spelling, not a new one. New text of my own."""

from __future__ import annotations

from tests.one_document import activities_of

TEXT = (
    "SVOM, the Space Variable Objects Monitor, which China and France jointly developed, "
    "went up from Xichang in June 2024.\n"
)


def test_the_spelling_after_a_curated_acronym_is_the_curated_craft(reference):
    assert activities_of(reference, TEXT) == {
        ("jointly-developed", "france", "svom"),
        ("launched", "france", "svom"),
    }
