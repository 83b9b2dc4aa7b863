"""A station is put in place by more verbs than "build": it is put up, erected or
deployed, and an old one is updated, refurbished or renovated. Each, with the partner
it was done with, is a ground station fact; a station in orbit is none. Sentences of my
own, in a news register and in a report's first person."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.model import Document, DocumentMeta, GroundStation


def _partners(reference, text: str) -> set[str]:
    meta = DocumentMeta("st", "st.txt", "Stations", "Test", "2031", "news-article")
    extraction = extract.extract_corpus([Document(meta, Path("st.txt"), text)], reference)
    return {f.partner for f in extraction.facts if isinstance(f, GroundStation)}


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        (
            "In Namibia a receiving station near Windhoek was put up with the Namibian "
            "Space Agency in 2018.",
            "namibian-space-agency",
        ),
        (
            "A tracking station at Valparaiso was updated with the Chilean Space Agency in 2022.",
            "chilean-space-agency",
        ),
        (
            "Our engineers erected a ground station outside Lusaka together with the Zambian "
            "Space Agency.",
            "zambian-space-agency",
        ),
        (
            "The centre deployed a mobile tracking station in Kenya with the Kenya Space Agency.",
            "kenya-space-agency",
        ),
    ],
)
def test_a_station_put_in_place_or_brought_up_to_date_is_a_ground_station(reference, text, partner):
    assert partner in _partners(reference, text)


def test_a_station_in_orbit_deployed_with_a_partner_is_no_ground_station(reference):
    text = "China deployed the space station's robotic arm with the Pakistani Space Agency."
    assert _partners(reference, text) == set()
