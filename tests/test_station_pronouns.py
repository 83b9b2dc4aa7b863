"""A station named by a pronoun that opens the next sentence of the paragraph: "A
tracking antenna entered service ... It was built with X". The partner the pronoun's
verb was done with is the station's partner; a pronoun in a new paragraph, or one after
a space station, gives nothing. Sentences of my own, in a news register and a report's
register."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.model import Document, DocumentMeta, GroundStation


def _partners(reference, text: str, kind: str) -> set[str]:
    meta = DocumentMeta("it", "it.txt", "Stations", "Test", "2031", kind)
    text = "Observatory news.\n\n" + text  # a first line alone would be the title
    extraction = extract.extract_corpus([Document(meta, Path("it.txt"), text)], reference)
    return {f.partner for f in extraction.facts if isinstance(f, GroundStation)}


@pytest.mark.parametrize(
    ("text", "kind", "partner"),
    [
        (
            "A new tracking antenna entered service near Nairobi in March. It was built with "
            "the Kenya Space Agency.",
            "news-article",
            "kenya-space-agency",
        ),
        (
            "Two laser ranging stations now serve the southern sky. They were set up jointly "
            "with the South African National Space Agency in 2024.",
            "white-paper",
            "south-african-national-space-agency",
        ),
    ],
)
def test_a_station_named_by_a_pronoun_has_the_partner_of_the_pronoun_s_verb(
    reference, text, kind, partner
):
    assert _partners(reference, text, kind) == {partner}


@pytest.mark.parametrize(
    "text",
    [
        "The space station's new module was finished in June. It was built with the "
        "Pakistani Space Agency's help.",
        "A new tracking antenna entered service near Nairobi in March.\n\nIt was built with "
        "the Kenya Space Agency's help for its own fleet.",
    ],
)
def test_a_pronoun_for_something_else_gives_no_station(reference, text):
    assert _partners(reference, text, "news-article") == set()
