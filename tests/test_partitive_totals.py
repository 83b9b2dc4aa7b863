"""Totals counted as a part of a set ("9 of which", "four of the twelve partners", "one
of the 31 countries that ..."), partners, nations and chosen experiments counted like
countries and projects, and counts that are not China's: an audience's countries, the
signatories of a pact another country leads, "our two agencies". New text of my own."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.model import CooperationTotal, Document, DocumentMeta


def _totals(reference, text: str) -> set[int]:
    meta = DocumentMeta("parts", "parts.txt", "Parts", "Test", "2031", "news-article")
    text = "A year of launches.\n\n" + text  # a first line alone would be the title
    extraction = extract.extract_corpus([Document(meta, Path("parts.txt"), text)], reference)
    return {f.quantity for f in extraction.facts if isinstance(f, CooperationTotal)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of a set named before it, or in the same phrase
        (
            "The national launch sector flew 54 launches, 9 of which carried payloads for "
            "foreign customers.",
            {54, 9},
        ),
        ("Peru has signed space documents with four of the twelve Andean partners.", {4}),
        # one among N: N is the count
        (
            "Bhutan is one of the 31 Asian countries which have signed space cooperation "
            "documents with China.",
            {31},
        ),
        # partners and chosen experiments are counted
        ("China has signed space cooperation documents with 9 Pacific partners.", {9}),
        ("China picked 7 experiments from 14 countries for its station in 2031.", {7, 14}),
    ],
)
def test_counted(reference, text, expected):
    assert _totals(reference, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a part of anything, in a sentence that says nothing of cooperation
        "Two of them smiled at the cameras.",
        # the countries an audience came from
        "Representatives of ministries, universities and companies from more than 60 "
        "countries will attend the fair.",
        "Some 800 exhibitors from 35 countries filled the halls.",
        # a pact another country leads
        "By 2030, 41 countries had joined the India-led solar alliance.",
        # another body's own partners
        "In 2030 the Andean agency held documents with 12 foreign partners.",
        # one's own experiments
        "The orbital laboratory now hosts 120 experiments.",
        # the two partners of a bilateral text
        "In 2031 our two countries signed a space cooperation plan.",
    ],
)
def test_not_counted(reference, text):
    assert _totals(reference, text) == set()


def test_trained_people_still_count_their_countries(reference):
    text = "The centre has run courses for more than 900 people from 52 countries."
    assert _totals(reference, text) == {52}


@pytest.mark.parametrize(
    "text",
    [
        # a part of instruments, of people, of a set the sentence does not count
        "Chile built two of the five cameras on the joint lander.",
        "Chinese engineers trained Chilean technicians, 25 of them by our count.",
        "China signed with the agency in 2030. Two of them, the camera and the probe, flew.",
        # the two partners of a shared mission
        "The probe shows that a mission can be run by two partners as equals.",
    ],
)
def test_parts_that_are_no_total(reference, text):
    assert _totals(reference, text) == set()


def test_of_them_needs_a_counted_set_before_it(reference):
    text = (
        "These are the tide stations Chile built with its Chinese partners, some 30 of them "
        "along the coast."
    )
    assert _totals(reference, text) == set()
