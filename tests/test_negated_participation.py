"""A membership the sentence denies is none: "China is not a member of X", "has never
joined X"; a negation about something else in the sentence leaves it. New sentences of
my own."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.model import Document, DocumentMeta, Participation


def _participation(reference, text: str) -> set[str]:
    meta = DocumentMeta("neg", "neg.txt", "Neg", "Test", "2031", "news-article")
    extraction = extract.extract_corpus([Document(meta, Path("neg.txt"), text)], reference)
    return {f.organisation for f in extraction.facts if isinstance(f, Participation)}


@pytest.mark.parametrize(
    "text",
    [
        "China is not a member of the Committee on Space Research.",
        "China has never joined the International Astronautical Federation.",
    ],
)
def test_a_denied_membership_is_none(reference, text):
    assert _participation(reference, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        # a negation about the date
        "China joined the Group on Earth Observations in 2005, not in 2004.",
        # a negation of the clause above a "that"
        "Do not forget that China sits in the Group on Earth Observations.",
    ],
)
def test_a_negation_about_something_else_keeps_the_membership(reference, text):
    assert _participation(reference, text) == {"group-on-earth-observations"}
