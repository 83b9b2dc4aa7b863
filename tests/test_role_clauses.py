"""China's role in a body said in a small clause after the body's name: ", where China
was co-chair", ", with China as one of its founding members", ", with my country as the
host of its secretariat". The body is the one named last before the clause; a role of
something else ("host of a side event") or another country's role gives nothing.
Sentences of my own, in a news register and in an official one."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.model import Document, DocumentMeta, Participation


def _roles(reference, text: str, kind: str) -> dict[str, str | None]:
    meta = DocumentMeta("role", "role.txt", "Roles", "Test", "2031", kind)
    text = "A year abroad.\n\n" + text  # a first line alone would be the title
    extraction = extract.extract_corpus([Document(meta, Path("role.txt"), text)], reference)
    return {f.organisation: f.role for f in extraction.facts if isinstance(f, Participation)}


@pytest.mark.parametrize(
    ("text", "kind", "body", "role"),
    [
        (
            "In 2019 the Space Missions Planning Advisory Group was launched in Vienna, with "
            "China as one of its founding members.",
            "news-article",
            "space-missions-planning-advisory-group",
            "participant",
        ),
        (
            "The Interagency Operations Advisory Group was established in Paris, with my "
            "country as the host of its secretariat.",
            "white-paper",
            "interagency-operations-advisory-group",
            "host",
        ),
        (
            "The Group on Earth Observations held its summit in Cape Town in 2021, with China "
            "as co-chair.",
            "white-paper",
            "group-on-earth-observations",
            "chair",
        ),
    ],
)
def test_a_role_in_a_clause_after_the_name_is_chinas_role_in_the_body(
    reference, text, kind, body, role
):
    assert _roles(reference, text, kind).get(body) == role


@pytest.mark.parametrize(
    "text",
    [
        "The World Meteorological Organization congress opened in Geneva, with China as host "
        "of a side event.",
        "The Group on Earth Observations met in Lima in 2021, with Peru as host.",
    ],
)
def test_a_role_of_something_else_or_of_another_country_gives_nothing(reference, text):
    assert _roles(reference, text, "news-article") == {}
