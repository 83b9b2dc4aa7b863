"""A Chinese body acting together with a UN body, or a UN body together with a Chinese
one, takes part in the UN body's work; acting together with a country or a bloc is
cooperation, not participation. New sentences of my own."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.model import Document, DocumentMeta, Participation


def _participation(reference, text: str) -> set[str]:
    meta = DocumentMeta("joint", "joint.txt", "Joint", "Test", "2031", "news-article")
    extraction = extract.extract_corpus([Document(meta, Path("joint.txt"), text)], reference)
    return {f.organisation for f in extraction.facts if isinstance(f, Participation)}


@pytest.mark.parametrize(
    "text",
    [
        # the UN body fronted: "Together with X, the agency ..."
        "Together with the United Nations Office for Outer Space Affairs, the China Manned "
        "Space Agency chose twelve proposals in 2021.",
        # the UN body as the passive agent, the Chinese body beside it
        "The workshop was organised by the United Nations Office for Outer Space Affairs "
        "together with the China National Space Administration.",
        # "jointly" on the verb
        "The China National Space Administration jointly judged the entries with the United "
        "Nations Office for Outer Space Affairs.",
    ],
)
def test_acting_together_with_a_un_body_is_taking_part_in_its_work(reference, text):
    assert _participation(reference, text) == {"united-nations-office-for-outer-space-affairs"}


def test_acting_together_with_a_country_is_no_participation(reference):
    text = "Together with Chile, the China National Space Administration chose four proposals."
    assert _participation(reference, text) == set()


def test_a_un_body_acting_together_with_another_country_is_no_participation(reference):
    text = (
        "Together with the United Nations Office for Outer Space Affairs, Chile chose four "
        "proposals."
    )
    assert _participation(reference, text) == set()
