"""Cooperation placed *under* a multilateral mechanism or *within the framework of* an
organisation is work through that body: participation in each body the adjuncts name,
however many are chained. Another country's cooperation under a mechanism, or a rule
book rather than a mechanism, is none of China's. New sentences of my own."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.model import Document, DocumentMeta, Participation


def _participation(reference, text: str) -> set[str]:
    meta = DocumentMeta("mech", "mech.txt", "Mechanisms", "Test", "2031", "news-article")
    extraction = extract.extract_corpus([Document(meta, Path("mech.txt"), text)], reference)
    return {f.organisation for f in extraction.facts if isinstance(f, Participation)}


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        # a policy bullet, no subject; two bodies under one "mechanisms", then a framework
        (
            "valuing collaboration under the G20 and BRICS mechanisms, as well as within the "
            "framework of the Shanghai Cooperation Organization",
            {"group-of-twenty", "brics", "shanghai-cooperation-organization"},
        ),
        # a report's sentence with a Chinese subject, one mechanism
        (
            "Our agency deepened exchanges under the BRICS cooperation mechanism in 2030.",
            {"brics"},
        ),
    ],
)
def test_cooperation_under_a_mechanism_is_work_through_it(reference, text, bodies):
    assert _participation(reference, text) == bodies


def test_another_countrys_cooperation_under_a_mechanism_is_not_chinas(reference):
    text = "India and Brazil cooperate under the BRICS mechanism on water satellites."
    assert _participation(reference, text) == set()


def test_working_under_a_rule_book_is_no_mechanism(reference):
    text = "China cooperated under the ITU Radio Regulations with Chile."
    assert _participation(reference, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        # the adjunct opens the sentence, the work follows in the passive
        "Within the framework of the World Meteorological Organization, Fengyun data are "
        "shared with 90 countries.",
        # a report's clause: the adjunct after the subject, the work after the adjunct
        "Our administration, within the framework of the Group on Earth Observations, "
        "contributes open imagery.",
    ],
)
def test_work_within_a_bodys_framework_is_work_through_it(reference, text):
    """Read by the same reader as cooperation under a mechanism (one reader of the
    adjunct), the framework may stand before the work it frames."""
    assert len(_participation(reference, text)) == 1


def test_a_framework_without_work_after_it_says_nothing(reference):
    text = "The talks took place within the framework of the World Meteorological Organization."
    assert _participation(reference, text) == set()
