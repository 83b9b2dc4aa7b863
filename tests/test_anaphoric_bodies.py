"""An organisation named again by the noun its name is built on ("the forum", "that
committee", "the Charter") is the body named just before with that head: what a
sentence says China does in it is participation in that body. A noun no body named
before has, a body of another's, or a negated verb give nothing. Sentences of my own,
in a news register and in an official one."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.model import Document, DocumentMeta, Participation


def _participation(reference, text: str, kind: str = "news-article") -> dict[str, str | None]:
    meta = DocumentMeta("ana", "ana.txt", "Bodies named again", "Test", "2031", kind)
    extraction = extract.extract_corpus([Document(meta, Path("ana.txt"), text)], reference)
    return {f.organisation: f.role for f in extraction.facts if isinstance(f, Participation)}


@pytest.mark.parametrize(
    ("text", "kind", "body", "role"),
    [
        (
            "The Asia-Pacific Ground Segment Forum was set up in 2015 by six agencies. "
            "China has hosted the forum every two years since 2017.",
            "news-article",
            "asia-pacific-ground-segment-forum",
            "host",
        ),
        (
            "Since 2008, the Committee on Earth Observation Satellites has coordinated civil "
            "missions. The China National Space Administration joined that committee in 2009.",
            "news-article",
            "committee-on-earth-observation-satellites",
            "participant",
        ),
        (
            "The World Meteorological Organization sets the standards for weather data. "
            "China supports the organization's programmes and shares Fengyun data.",
            "white-paper",
            "world-meteorological-organization",
            "participant",
        ),
    ],
)
def test_a_body_named_again_by_its_head_noun_is_that_body(reference, text, kind, body, role):
    assert _participation(reference, text, kind).get(body) == role


def test_the_head_noun_of_a_body_not_named_before_is_no_body(reference):
    text = "The forum of ministers met in Lima last year. China joined the forum in 2012."
    assert _participation(reference, text) == {}


def test_a_denied_verb_on_the_body_named_again_gives_nothing(reference):
    text = (
        "The Committee on Earth Observation Satellites coordinates civil missions. "
        "China has never joined that committee."
    )
    assert _participation(reference, text) == {}


def test_a_body_whose_name_was_read_only_in_part_is_not_guessed(reference):
    """ "the Sino–Andean Data Forum" read as "Andean Data Forum": "that forum" after it
    is the longer name's, which was not read, so no body is given for it."""
    text = (
        "Peru takes part in the Sino\u2013Andean Data Forum, and China hosts that forum every year."
    )
    assert "andean-data-forum" not in _participation(reference, text)
