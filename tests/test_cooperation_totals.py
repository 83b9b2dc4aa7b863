"""Cooperation totals told apart from other numbers: key-figure lines with years, a
"more than" or a column of figures; satellites counted when they were for someone else;
people never counted, trained or not (the countries they came from are); and counts that
belong to a meeting's audience, an enumeration, a membership or a name are not totals.
Every sentence here is new."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.model import CooperationTotal, Document, DocumentMeta


def _totals(reference, text: str) -> set[int]:
    meta = DocumentMeta("sums", "sums.txt", "Sums", "Test", "2031", "white-paper")
    text = "The year in figures.\n\n" + text  # a first line alone would be the title
    extraction = extract.extract_corpus([Document(meta, Path("sums.txt"), text)], reference)
    return {f.quantity for f in extraction.facts if isinstance(f, CooperationTotal)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bulleted key-figure lines whose label holds a year, a mission number, "more than"
        ("- Cooperation documents signed with Andean governments since 2011: 27", {27}),
        ("- Payloads chosen for Chang'e-9 from abroad: 5", {5}),
        ("- Countries and regions reached by Fengyun data: more than 126", {126}),
        ("- Projects selected in the second United Nations/China call (2027): 11", {11}),
        # a label that counts countries, whatever it says they got; foreign satellites
        ("- Countries for which China has launched satellites: 17", {17}),
        (
            "- Foreign satellites put into orbit by Long March rockets since 2000: more than 60",
            {60},
        ),
        ("- Satellite export contracts signed by CGWIC: 28", {28}),
        ("- Satellites in orbit: 30", set()),
        # treaty language: cooperation instruments are documents, a probe's are payloads
        ("Nepal has signed 6 space cooperation instruments with China since 2015.", {6}),
        ("The lander carried seven instruments to the surface.", set()),
        # a column of figures without a colon
        ("- International commercial launches performed (cumulative) 64", {64}),
        ("- Satellites delivered in orbit to foreign customers (cumulative) 19", {19}),
        # satellites for someone else, or developed jointly
        (
            "Chinese rockets had carried nine satellites into orbit for five Andean countries.",
            {9, 5},
        ),
        ("Chile and China have jointly built three ocean observation satellites.", {3}),
        # a number word of any size, also opening a sentence
        ("Twenty-three countries' engineers were trained at the centre in 2030.", {23}),
        ("The academy has trained 640 engineers from 31 countries since 2030.", {31}),
        ("China has signed cooperation documents with more than 14 Andean states.", {14}),
        # a year before the count is no part of it; another people's satellites; the
        # countries served, "other" than China; a short dotted leader
        ("Since 2029 Chinese rockets have lifted four satellites for Chile.", {4}),
        ("Long March rockets have put nine Peruvian satellites into orbit since 2027.", {9}),
        ("- Bolivian satellites lifted by Long March rockets .. 3", {3}),
        ("China has now launched satellites for more than 35 other countries.", {35}),
        ("- Countries served by our in-orbit delivery .. 22+", {22}),
        # two counts joined by "and" are two totals, "countries and regions" one
        ("It has signed space documents with 51 countries and four organisations.", {51, 4}),
        ("Its data reach more than 40 countries and regions.", {40}),
    ],
)
def test_totals(reference, text, expected):
    assert _totals(reference, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # China's own satellites, and satellites named as a series
        "China launched 67 satellites in 2030, most of them for its own constellations.",
        "Chile and China have jointly developed 4 Chile-China Ocean Satellites.",
        # people who were not trained: staff, audiences, visitors
        "We now employ about 140 engineers at the control centre.",
        "Some 45 graduate students will be trained in orbital mechanics next year.",
        "- Engineers trained in Xi'an so far: 210",
        "The workshop brought together 70 students and 25 officials from nine countries.",
        "The conference hosted 300 delegates from 30 countries.",
        # years, enumerations, memberships, comparisons and documents that are not signed
        "In fiscal year 2030 the agency held active cooperation documents with partners.",
        "China, Chile, Peru and four other states signed the convention.",
        "Chile is one of the organization's nine member states.",
        "It was the first programme between two developing countries.",
        "Three documents of the last decade set the course.",
    ],
)
def test_not_totals(reference, text):
    assert _totals(reference, text) == set()


def test_a_figure_line_is_read_once(reference):
    # the number of one line is not read again as counting the label of the next line
    text = (
        "- Satellites launched for foreign customers, 2007-2030 ........ 61\n"
        "- Countries and organisations served ........................... 27\n"
    )
    assert _totals(reference, text) == {61, 27}


def test_a_count_read_aloud_in_hundreds_is_its_number(reference):
    quantities = _totals(
        reference,
        "Beijing says it has now signed more than one hundred and forty space cooperation "
        "documents with over forty countries and international organisations. "
        "China has signed a hundred and twelve agreements with partners.",
    )
    assert {140, 40, 112} <= quantities and 100 not in quantities
