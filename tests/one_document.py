"""Extraction from one document written in a test: the facts a reader of that text
should get, with nothing else in the corpus."""

from __future__ import annotations

from pathlib import Path

from graph import extract
from graph.model import Cooperation, Document, DocumentMeta, Fact, SpacecraftActivity


def facts_of(reference, text: str, *, issued: str = "2031", kind: type = Fact) -> list:
    """The facts of ``text`` (as a white paper issued on ``issued``) of class ``kind``."""
    meta = DocumentMeta("probe", "probe.txt", "Probe", "Test", issued, "white-paper")
    extraction = extract.extract_corpus([Document(meta, Path("probe.txt"), text)], reference)
    return [f for f in extraction.facts if isinstance(f, kind)]


def activities_of(reference, text: str) -> set[tuple[str, str, str | None]]:
    """(activity, partner, spacecraft) of every spacecraft activity ``text`` states."""
    return {
        (f.activity, f.partner, f.spacecraft)
        for f in facts_of(reference, text, kind=SpacecraftActivity)
    }


def cooperations_of(reference, text: str) -> set[tuple[str, str, str | None]]:
    """(partner, area, mission) of every cooperation ``text`` states."""
    return {(f.partner, f.area, f.mission) for f in facts_of(reference, text, kind=Cooperation)}


def large_document(text: str) -> Document:
    """A benchmark-like white paper of ``text``, as a large document's tests read it."""
    meta = DocumentMeta(
        id="large",
        file="large.txt",
        title="A large document",
        publisher="benchmark",
        issued="2024-01-01",
        kind="white-paper",
    )
    return Document(meta=meta, path=Path("large.txt"), text=text)
