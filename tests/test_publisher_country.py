"""A publisher line may follow the body's name with its country ("European Space Agency,
France", "... (China)"); the body is still the publisher, so "the agency" of its own
report is that body. New text of my own."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.model import Cooperation, Document, DocumentMeta

TEXT = "Annual report\n\nThe agency has worked with CNSA on remote sensing since 2019.\n"


@pytest.mark.parametrize(
    "publisher",
    ["European Space Agency", "European Space Agency, France", "European Space Agency (France)"],
)
def test_the_agency_of_its_own_report_is_the_publisher(reference, publisher: str):
    meta = DocumentMeta("report", "report.txt", "Annual report", publisher, "2024", "white-paper")
    extraction = extract.extract_corpus([Document(meta, Path("report.txt"), TEXT)], reference)
    assert {(f.partner, f.area) for f in extraction.facts if isinstance(f, Cooperation)} == {
        ("european-space-agency", "earth-observation-applications")
    }
