"""Ground stations named without a kind word but by where they stand ("the station in
Mendoza province", "the station, in the hills above Nairobi, ...", "a second station
abroad"), a control centre whose kind words are joined ("a satellite control and
application centre"), and partners named outside the usual roles: the one whose support
built the station ("with the Kenyan government's support") and the one China helps to
build it ("help the Sri Lankan side build ..."). The station in orbit stays out. Two
registers (a news report, a policy note); new text of my own."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.model import Document, DocumentMeta, GroundStation


def _stations(reference, text: str, kind: str) -> set[tuple[str, str]]:
    meta = DocumentMeta("ground", "ground.txt", "Ground", "Test", "2031", kind)
    text = "Ground segment notes.\n\n" + text  # a first line alone would be the title
    extraction = extract.extract_corpus([Document(meta, Path("ground.txt"), text)], reference)
    return {
        (f.partner, f.status.value) for f in extraction.facts if isinstance(f, GroundStation)
    }


@pytest.mark.parametrize("kind", ["news-article", "white-paper"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The station in Mendoza province was built by China with the Argentine Space "
            "Activities Commission.",
            {("argentine-space-activities-commission", "achieved")},
        ),
        (
            "The station, in the hills above Nairobi, was built with Kenya in 2012 to track "
            "crewed flights.",
            {("kenya", "achieved")},
        ),
        (
            "A second station abroad, with the Kenya Space Agency, will be built at Malindi.",
            {("kenya-space-agency", "planned")},
        ),
        (
            "A satellite control and application centre near Oran was built together with "
            "the Algerian Space Agency to operate Alcomsat-2.",
            {("algerian-space-agency", "achieved")},
        ),
        (
            "The receiving station near Mombasa was built with the Kenyan government's "
            "support in 2015.",
            {("kenya", "achieved")},
        ),
        (
            "The Chinese side will help the Sri Lankan side build a satellite data receiving "
            "station in Colombo.",
            {("sri-lanka", "planned")},
        ),
    ],
)
def test_a_station_by_its_place_and_its_partner(reference, text, expected, kind):
    assert _stations(reference, text, kind) == expected


def test_the_station_in_orbit_is_no_ground_station(reference):
    text = (
        "The station in low Earth orbit was built with Russian help, and the Tiangong "
        "station was completed in orbit with modules launched from Hainan."
    )
    assert _stations(reference, text, "news-article") == set()


def test_a_station_denied_is_none(reference):
    """ "does not operate any ground station": the negation governs the station's verb;
    the same frame said plainly is a station."""
    denied = (
        "As for Fiji, China does not operate any ground station on Fijian soil, and no "
        "Chinese agency has asked a European company to build one there."
    )
    plain = "China operates a tracking station in Tonga with the Tongan government."
    assert _stations(reference, denied, "news-article") == set()
    assert _stations(reference, plain, "news-article") == {("tonga", "achieved")}


def test_a_station_to_be_built_is_planned(reference):
    """A passive infinitive ("to be built with") is a station still to come, in a fact
    sheet's verbless line as in prose; an active one after "helped" keeps its time."""
    text = (
        "Ground plans:\n\n"
        "- Chang'e-9 data receiving station to be built with the Kenya Space Agency, "
        "Malindi\n\n"
        "A ground station to be built with Ghana will serve the new mission.\n\n"
        "CAST helped Ethiopia to set up a ground station near Addis Ababa in 2020."
    )
    assert _stations(reference, text, "white-paper") == {
        ("kenya-space-agency", "planned"),
        ("ghana", "planned"),
        ("ethiopia", "achieved"),
    }
