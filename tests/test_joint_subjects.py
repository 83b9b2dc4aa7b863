"""Work that China's side and a partner do as one coordinated subject: "China and Chile
have worked on X" says both did the work, though no cooperation word is in the sentence.
The verb must be one of doing (not of signing or talking) and the clause must name a
field. Each sentence here is new and in wording of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.model import Cooperation, Document, DocumentMeta


def _cooperation(reference, text: str, kind: str) -> set[tuple[str, str, str | None]]:
    meta = DocumentMeta("joint", "joint.txt", "Joint work", "Test", "2031", kind)
    extraction = extract.extract_corpus([Document(meta, Path("joint.txt"), text)], reference)
    return {(f.partner, f.area, f.mission) for f in extraction.facts if isinstance(f, Cooperation)}


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # China first in the subject, official prose
        (
            "China and Mexico have studied the ionosphere over the Pacific since 2027.",
            "white-paper",
            ("mexico", "space-weather", None),
        ),
        # a Chinese body first, the partner after it, news register
        (
            "Quito, 4 May (Agency)\n\nThe China National Space Administration and Ecuador "
            "have mapped flood plains with remote sensing since 2029, officials said.",
            "news-article",
            ("ecuador", "earth-observation-applications", None),
        ),
        # the partner first and China's side after it
        (
            "Russia and China have studied lunar orbit dynamics since 2019.",
            "white-paper",
            ("russia", "lunar-and-deep-space-exploration", None),
        ),
        (
            "The Kenya Space Agency and CAST have mapped maize fields by remote sensing "
            "since 2028, the agency said.",
            "news-article",
            ("kenya-space-agency", "earth-observation-applications", None),
        ),
    ],
)
def test_china_and_a_partner_doing_one_thing_is_cooperation(reference, text, kind, expected):
    assert expected in _cooperation(reference, text, kind)


@pytest.mark.parametrize(
    "text",
    [
        # two partners without China: their work is not with China
        "Peru and Bolivia have studied the ionosphere over the Andes since 2027.",
        # talking and signing are not doing the work
        "China and Mexico held talks on space debris in 2030.",
        # no field among the verb's own words
        "China and Mexico have worked hard for many years.",
        # work that would have been done, had the plan gone ahead, was not done
        "China and Uruguay would have studied the ionosphere over the Atlantic.",
        "The China National Space Administration and Kenya could have mapped flood plains "
        "with remote sensing.",
    ],
)
def test_a_joint_subject_without_china_or_work_or_field_gives_nothing(reference, text):
    assert not _cooperation(reference, text, "white-paper")
