"""A paragraph that opens on a numbered label naming one mission ("(2) Chang'e-6.") is
about that mission, as a heading's section would be: its payloads fly on it, until the
next label or heading. Each text is new, with names of its own."""

from __future__ import annotations

from tests.one_document import cooperations_of

_LABELLED = (
    "V. Lunar exploration with partners\n\n"
    "(1) Chang'e-9. Launched in May 2031, the lander returned samples from the far side.\n"
    "Three instruments came from abroad: a seismometer from Chile's Andean Geophysics\n"
    "Institute, a dust counter contributed by the Portuguese Space Agency, and a laser\n"
    "reflector from the University of Lisbon.\n\n"
    "(2) Tianwen-4. Its orbiter took along a magnetometer from the University of Otago.\n"
)


def test_a_labelled_paragraphs_payloads_fly_on_its_mission(reference):
    found = cooperations_of(reference, _LABELLED)
    assert {
        ("andean-geophysics-institute", "payloads", "change-9"),
        ("portuguese-space-agency", "payloads", "change-9"),
        ("university-of-lisbon", "payloads", "change-9"),
    } <= found


def test_the_next_label_names_the_next_mission(reference):
    found = cooperations_of(reference, _LABELLED)
    assert ("university-of-otago", "payloads", "tianwen-4") in found
    assert ("university-of-otago", "payloads", "change-9") not in found


def test_a_label_that_says_more_than_a_name_is_no_label(reference):
    """ "(1) Chang'e-9 landed in 2031." is a statement, not the paragraph's label."""
    found = cooperations_of(
        reference,
        "(1) Chang'e-9 landed in 2031. Tianwen-4 flew the year after.\n"
        "Three instruments came from abroad: a seismometer from Chile's Andean Geophysics "
        "Institute.\n",
    )
    assert ("andean-geophysics-institute", "payloads", "change-9") not in found
