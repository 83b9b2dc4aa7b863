"""A network is a ground station when its kind says it is made of stations on the
ground (a reference, geodetic, monitoring or augmentation network), and each body it was
built "with" is a partner; a network of another kind (fibre, data, sales) is none.
Sentences of my own, in a news register and in a fact sheet's line."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.model import Document, DocumentMeta, GroundStation


def _partners(reference, text: str) -> set[str]:
    meta = DocumentMeta("net", "net.txt", "Networks", "Test", "2031", "news-article")
    text = "Surveying in the region.\n\n" + text  # a first line alone would be the title
    extraction = extract.extract_corpus([Document(meta, Path("net.txt"), text)], reference)
    return {f.partner for f in extraction.facts if isinstance(f, GroundStation)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Reference networks built with the Egyptian Space Agency and with the Kenya Space "
            "Agency support land registration.",
            {"egyptian-space-agency", "kenya-space-agency"},
        ),
        (
            "- Geodetic networks: a monitoring network set up with the Peruvian Space Agency "
            "in 2021",
            {"peruvian-space-agency"},
        ),
    ],
)
def test_a_network_of_ground_stations_built_with_a_partner_is_a_ground_station(
    reference, text, expected
):
    assert _partners(reference, text) == expected


def test_a_network_of_another_kind_is_no_ground_station(reference):
    text = "A fibre network built with the Kenya Space Agency links the campus to the city."
    assert _partners(reference, text) == set()
