"""A body named after "through" is a channel China's side works through when the clause
names something Chinese anywhere, not only before the phrase ("slots are coordinated
through X, where China files ...", "Through X, the agency works with the Chinese
side"). A clause about another country alone gives nothing; nor does the subject after
an opening "Through X," adjunct. Sentences of my own, in a news register and in an official one."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.model import Document, DocumentMeta, Participation


def _bodies(reference, text: str, kind: str) -> set[str]:
    meta = DocumentMeta("chan", "chan.txt", "Channels", "Test", "2031", kind)
    extraction = extract.extract_corpus([Document(meta, Path("chan.txt"), text)], reference)
    return {f.organisation for f in extraction.facts if isinstance(f, Participation)}


@pytest.mark.parametrize(
    ("text", "kind", "body"),
    [
        (
            "Orbital slots for the export satellites are coordinated through the International "
            "Telecommunication Union, where China files on behalf of its buyers.",
            "news-article",
            "international-telecommunication-union",
        ),
        (
            "Through the Asia-Pacific Space Cooperation Organization, the Peruvian Space Agency "
            "works with the Chinese side on training.",
            "white-paper",
            "asia-pacific-space-cooperation-organization",
        ),
    ],
)
def test_a_channel_of_something_chinese_is_chinas_participation(reference, text, kind, body):
    assert body in _bodies(reference, text, kind)


def test_a_channel_of_another_country_alone_is_not_chinas(reference):
    text = "Kenya shares its rainfall data through the World Meteorological Organization."
    assert _bodies(reference, text, "news-article") == set()


def test_the_subject_after_an_opening_through_adjunct_is_no_channel(reference):
    text = (
        "Through the Asia-Pacific Space Cooperation Organization, the Peruvian Space Agency "
        "works with the Chinese side on training."
    )
    assert "peruvian-space-agency" not in _bodies(reference, text, "news-article")
