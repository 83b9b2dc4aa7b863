"""A sentence that opens with the field ("In the field of X, China cooperated on Y with
Z") names two areas of Z's cooperation: the fronted field as well as the one on the
verb. A field named elsewhere than at the opening, or an opening adjunct that is no
field, adds nothing. New sentences of my own."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.model import Cooperation, Document, DocumentMeta


def _cooperation(reference, text: str) -> set[tuple[str, str]]:
    meta = DocumentMeta("field", "field.txt", "Fields", "Test", "2031", "news-article")
    extraction = extract.extract_corpus([Document(meta, Path("field.txt"), text)], reference)
    return {(f.partner, f.area) for f in extraction.facts if isinstance(f, Cooperation)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a report's sentence: one field, two partners
        (
            "In the field of satellite navigation, the agency cooperated on training with "
            "Chile and Peru.",
            {
                ("chile", "satellite-navigation"),
                ("chile", "training-and-education"),
                ("peru", "satellite-navigation"),
                ("peru", "training-and-education"),
            },
        ),
        # two fields fronted, a first-person register
        (
            "In the areas of earth observation and space science, China has cooperated on "
            "data sharing with Egypt.",
            {
                ("egypt", "earth-observation-applications"),
                ("egypt", "space-science"),
                ("egypt", "data-exchange"),
            },
        ),
    ],
)
def test_a_fronted_field_is_an_area_of_the_cooperation(reference, text, expected):
    assert _cooperation(reference, text) == expected


def test_an_opening_that_is_no_field_adds_no_area(reference):
    text = "In 2030, China cooperated on TT&C with Chile."
    assert _cooperation(reference, text) == {("chile", "tt-c")}
