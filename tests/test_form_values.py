"""Forms and records whose values wrap: a line set in under a field's value goes on with
that value, a field with a long label set out in a column is a field of its own, a
record's background is history even when the entry was cancelled, and a plain label
before a whole sentence is no part of its grammar; a satellite described by its name and
then given its designator is one craft. New records of my own."""

from __future__ import annotations

from graph.normalise import clean_text
from tests.one_document import activities_of, cooperations_of

_FORM = (
    "Name of space object:             LakeSat-2\n"
    "Date of launch:                   9 March 2031, 02:10 UTC\n"
    "Territory or location of launch:  Taiyuan Satellite Launch Centre, China\n"
    "General function of space object: Water monitoring. LakeSat-2 was built by the\n"
    "                                  China Academy of Space Technology for the\n"
    "                                  Malawi Space Science Agency and launched by\n"
    "                                  China on its behalf.\n"
    "Owner or operator:                Malawi Space Science Agency\n"
)


def _paragraphs(raw: str) -> list[str]:
    clean = clean_text(raw)
    return [clean.text[p.start : p.end] for p in clean.paragraphs]


def test_a_value_wrapped_under_its_column_is_one_paragraph_with_its_field():
    assert (
        "General function of space object: Water monitoring. LakeSat-2 was built by the "
        "China Academy of Space Technology for the Malawi Space Science Agency and "
        "launched by China on its behalf."
    ) in _paragraphs(_FORM)


def test_a_field_with_a_long_label_set_out_in_a_column_starts_its_own_paragraph():
    paragraphs = _paragraphs(_FORM)
    assert "Date of launch: 9 March 2031, 02:10 UTC" in paragraphs
    assert "Territory or location of launch: Taiyuan Satellite Launch Centre, China" in paragraphs


def test_the_sentence_in_a_wrapped_value_states_its_facts(reference):
    assert activities_of(reference, _FORM) == {
        ("built", "malawi-space-science-agency", "lakesat-2"),
        ("launched", "malawi-space-science-agency", "lakesat-2"),
    }


_CANCELLED = (
    "Events\n\n"
    "\u25b8 6 August 2031 \u00b7 SEMINAR \u2014 CANCELLED\n"
    "LakeSat-1: Three Years in Orbit (seminar in Lilongwe)\n"
    "  Organisers:   CNSA; Malawi Space Science Agency (MSSA)\n"
    "  Status:       Cancelled. MSSA is no longer a co-organiser.\n"
    "  About:        MSSA and CNSA would have trained engineers in water monitoring.\n"
    "  Background:   Malawi's first satellite, LakeSat-1, was built and\n"
    "                launched by China for Malawi in May 2028.\n"
)


def test_the_background_of_a_cancelled_entry_is_still_history(reference):
    assert activities_of(reference, _CANCELLED) == {
        ("built", "malawi", "lakesat-1"),
        ("launched", "malawi", "lakesat-1"),
    }


def test_what_a_cancelled_entry_was_to_do_still_gives_nothing(reference):
    assert cooperations_of(reference, _CANCELLED) == set()


def test_a_plain_label_before_a_whole_sentence_is_not_read_as_its_subject(reference):
    text = "Remarks: The Malawian satellite LakeSat-1 was built and launched by China in 2028.\n"
    assert activities_of(reference, text) == {
        ("built", "malawi", "lakesat-1"),
        ("launched", "malawi", "lakesat-1"),
    }


def test_a_described_satellite_and_its_designator_are_one_craft(reference):
    text = (
        "The Lake Monitoring Satellite, LakeSat-1, was built and launched by China for "
        "Malawi in 2028."
    )
    assert activities_of(reference, text) == {
        ("built", "malawi", "lakesat-1"),
        ("launched", "malawi", "lakesat-1"),
    }
