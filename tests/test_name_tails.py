"""The end of a curated body's name is another form of that body, not a new one: "the
Office for Outer Space Affairs" is the United Nations Office for Outer Space Affairs.
Every sentence here is new."""

from __future__ import annotations

from pathlib import Path

from graph import extract
from graph.model import Document, DocumentMeta, Participation


def _extraction(reference, text: str):
    meta = DocumentMeta("probe", "probe.txt", "Probe", "Test", "2031", "white-paper")
    return extract.extract_corpus([Document(meta, Path("probe.txt"), text)], reference)


def test_the_end_of_a_curated_name_is_that_body(reference):
    extraction = _extraction(
        reference, "In 2031 China supported the activities of the Office for Outer Space Affairs."
    )
    assert not [e for e in extraction.entities if e.discovered]
    assert [f.organisation for f in extraction.facts if isinstance(f, Participation)] == [
        "united-nations-office-for-outer-space-affairs"
    ]
