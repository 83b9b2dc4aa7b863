"""A designator whose name says satellite ("MisrSat-3", "PakSat-MM1") names a satellite,
even where the text calls the work around it a programme ("the KenyaSat-4 programme").
Every sentence here is new."""

from __future__ import annotations

from tests.one_document import activities_of


def test_a_satellites_designator_stays_a_satellite_when_named_as_a_programme(reference):
    text = (
        "Tender for the KenyaSat-4 programme.\n\n"
        "KenyaSat-4 is being developed jointly by the Kenya Space Agency and the China "
        "Academy of Space Technology."
    )
    assert ("jointly-developed", "kenya-space-agency", "kenyasat-4") in activities_of(
        reference, text
    )
