"""Totals as a speaker counts them: the partners a counted set was shared with ("we
count 24 joint projects with 7 partners"), a count named by a compound adjective that
opens with a preposition ("12 on-orbit delivery contracts"), the parties documents are
signed with, a part of a set the sentence before counted ("Chile accounts for five of
them"), the part taken of what was put forward ("6 of the 40 proposals it received"),
and a count expected, which is planned. A body's own partners, what was only received,
and a part of another paragraph's set are no totals. New text of my own, in a report's
first person and a news register."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.model import CooperationTotal, Document, DocumentMeta


def _totals(reference, text: str) -> dict[int, str]:
    meta = DocumentMeta("count", "count.txt", "Counts", "Test", "2031", "white-paper")
    text = "Progress of the programme.\n\n" + text  # a first line alone would be the title
    extraction = extract.extract_corpus([Document(meta, Path("count.txt"), text)], reference)
    return {f.quantity: f.status.value for f in extraction.facts if isinstance(f, CooperationTotal)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "By the end of last year we count 24 joint projects with 7 Latin American "
            "partners. Chile accounts for five of them.",
            {24, 7, 5},
        ),
        (
            "The company has signed 12 on-orbit delivery contracts with operators in 9 countries.",
            {12, 9},
        ),
        ("China signs cooperation documents with four more parties at the summit.", {4}),
        ("The agency selected 6 of the 40 foreign experiment proposals it received.", {6}),
    ],
)
def test_counts_a_speaker_makes_are_totals(reference, text, expected):
    assert set(_totals(reference, text)) == expected


def test_a_count_expected_is_planned(reference):
    assert _totals(reference, "We expect the count to pass 30 joint projects by 2028.") == {
        30: "planned"
    }


@pytest.mark.parametrize(
    "text",
    [
        "The agency has 14 foreign partners.",
        "The agency received 40 foreign experiment proposals last spring.",
        "Officials visited 14 partners in 2024.\n\nTwo of them smiled at the cameras.",
    ],
)
def test_a_body_s_own_partners_or_what_was_received_are_no_totals(reference, text):
    assert _totals(reference, text) == {}


def test_a_part_taken_in_the_past_holds_under_a_heading_of_plans(reference):
    text = (
        "CHANG-E-9 (AROUND 2031)\n\nThe agency selected 6 of the 40 foreign experiment "
        "proposals it received in 2025.\n\nThe agency will select 4 of the 20 foreign "
        "experiment proposals."
    )
    assert _totals(reference, text) == {6: "achieved", 4: "planned"}
