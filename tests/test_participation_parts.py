"""China's side takes part in a body through one of its parts: a working group or an
office of the body, a session or a panel at its gathering (whichever word the parser
hangs "at" on), and a body hosted "together with" a co-host set between commas is the
body hosted, the co-host being China's partner. A bilateral text's "the Parties" are
China and its partner. Someone else's part, and a body only quoted, give nothing.
Sentences of my own, in a news register and in an official one."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.model import Document, DocumentMeta, Participation


def _participation(reference, text: str, kind: str) -> dict[str, str]:
    meta = DocumentMeta("parts", "parts.txt", "Parts", "Test", "2031", kind)
    text = "A year abroad.\n\n" + text  # a first line alone would be the title
    extraction = extract.extract_corpus([Document(meta, Path("parts.txt"), text)], reference)
    return {
        f.organisation: f.status.value for f in extraction.facts if isinstance(f, Participation)
    }


@pytest.mark.parametrize(
    ("text", "kind", "body"),
    [
        (
            "In 2023 the National Space Science Center represented China in the debris "
            "working group of the Consultative Committee for Space Data Systems.",
            "news-article",
            "consultative-committee-for-space-data-systems",
        ),
        (
            "China supports the regional support office of the Interagency Operations "
            "Advisory Group.",
            "white-paper",
            "interagency-operations-advisory-group",
        ),
        (
            "The National Space Science Center represented China at home and chaired three "
            "sessions on planetary atmospheres at the International Astronautical "
            "Federation congress in Milan.",
            "news-article",
            "international-astronautical-federation",
        ),
        (
            "Chinese researchers chaired a panel at the Committee on Space Research assembly.",
            "white-paper",
            "committee-on-space-research",
        ),
    ],
)
def test_a_part_of_a_body_stands_for_the_body(reference, text, kind, body):
    assert body in _participation(reference, text, kind)


def test_a_body_hosted_together_with_a_co_host_is_the_one_hosted(reference):
    text = (
        "China Satellite Navigation Office organises, together with the African Union "
        "Commission, the China-Africa BeiDou Cooperation Forum."
    )
    found = _participation(reference, text, "white-paper")
    assert "china-africa-beidou-cooperation-forum" in found
    assert "african-union-commission" not in found  # the co-host is a partner


def test_the_parties_of_a_bilateral_text_are_china_and_its_partner(reference):
    text = (
        "China and Chile signed a memorandum on space science on Monday. The Parties will "
        "strengthen coordination within the Group on Earth Observations."
    )
    assert _participation(reference, text, "news-article") == {
        "group-on-earth-observations": "planned"
    }


@pytest.mark.parametrize(
    "text",
    [
        "Russian researchers chaired a panel at the Committee on Space Research assembly.",
        "A spokesman quoted a statement by the World Meteorological Organization on the forecast.",
        "Peru represented the Andean states in the working group of the Committee on Space "
        "Research.",
    ],
)
def test_another_country_s_part_or_a_body_quoted_gives_nothing(reference, text):
    assert _participation(reference, text, "news-article") == {}
