"""A body set up in China, whoever founded it, is one China hosts; a body set up
elsewhere is not. New sentences of my own."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.model import Document, DocumentMeta, Participation


def _hosted(reference, text: str) -> set[tuple[str, str]]:
    meta = DocumentMeta("host", "host.txt", "Hosts", "Test", "2031", "news-article")
    extraction = extract.extract_corpus([Document(meta, Path("host.txt"), text)], reference)
    return {(f.organisation, f.role) for f in extraction.facts if isinstance(f, Participation)}


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # another founder, the body's bracketed country between it and the place
        (
            "In 2029 the United Nations set up the Regional Center for Space Science and "
            "Technology Education in Asia and the Pacific (China) in Beijing.",
            "regional-centre-for-space-science-and-technology-education-in-asia-and-the-pacific",
        ),
        # a passive report, the founder unnamed
        (
            "The Asia-Pacific Space Cooperation Organization was set up in Beijing in 2008.",
            "asia-pacific-space-cooperation-organization",
        ),
    ],
)
def test_a_body_set_up_in_china_is_hosted_by_china(reference, text, body):
    assert _hosted(reference, text) == {(body, "host")}


def test_a_body_set_up_elsewhere_is_not(reference):
    text = (
        "The United Nations opened the International Charter on Space and Major Disasters "
        "in Paris."
    )
    assert _hosted(reference, text) == set()
