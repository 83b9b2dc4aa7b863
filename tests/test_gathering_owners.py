"""A gathering named with its organisation among its own words ("the 12th IAF Scientific
Assembly", "the WMO Executive Council session") stands for the organisation: hosting it
is hosting the organisation's gathering. New sentences of my own."""

from __future__ import annotations

from pathlib import Path

from graph import extract
from graph.model import Document, DocumentMeta, Participation


def _participation(reference, text: str) -> dict[str, str | None]:
    meta = DocumentMeta("meet", "meet.txt", "Meet", "Test", "2031", "news-article")
    extraction = extract.extract_corpus([Document(meta, Path("meet.txt"), text)], reference)
    return {f.organisation: f.role for f in extraction.facts if isinstance(f, Participation)}


def test_hosting_an_organisations_numbered_assembly(reference):
    text = "China hosted the 40th IAF Scientific Assembly in Chongqing in 2031."
    assert _participation(reference, text) == {"international-astronautical-federation": "host"}


def test_a_gathering_someone_else_hosts_is_none(reference):
    text = "Chile hosted the 40th IAF Scientific Assembly in Santiago in 2031."
    assert _participation(reference, text) == {}
