"""How explainers say it: a country that "joined" or "signed on" under a title naming
the mission it joined, and key figures told number first. Every line here is new."""

from __future__ import annotations

from pathlib import Path

from graph import extract
from graph.model import Cooperation, CooperationTotal, Document, DocumentMeta

EXPLAINER = """\
Explainer: what is the International Lunar Research Station?

Besides its two founders, more than a dozen countries have joined.

Mauritania and Bhutan signed on last year, and Fiji joined the project in 2031.

KEY NUMBERS
19 - countries that have joined the station
13 - foreign payloads chosen so far
"""


def _facts(reference, kind):
    meta = DocumentMeta(
        "explainer",
        "explainer.txt",
        "Explainer: what is the International Lunar Research Station?",
        "Daily Orbit",
        "2032-05-01",
        "news-article",
    )
    document = Document(meta, Path("explainer.txt"), EXPLAINER)
    return [f for f in extract.extract_corpus([document], reference).facts if isinstance(f, kind)]


def test_joining_with_no_object_under_a_missions_title_is_joining_that_mission(reference):
    found = {(f.partner, f.mission) for f in _facts(reference, Cooperation)}
    mission = "international-lunar-research-station"
    assert {("mauritania", mission), ("bhutan", mission), ("fiji", mission)} <= found


def test_key_figures_told_number_first_are_totals_each_on_its_line(reference):
    totals = {(t.quantity, t.evidence[0].exact) for t in _facts(reference, CooperationTotal)}
    assert (19, "19 - countries that have joined the station") in totals
    assert (13, "13 - foreign payloads chosen so far") in totals


LINE_UP = """\
Explainer: what is the International Lunar Research Station?

Besides its founders, more than a dozen countries have joined.

Mali was the first, in 2030, followed by Chad, Niger and Togo. So did the African Space Agency.
"""


def test_who_came_first_and_who_followed_join_what_the_countries_before_joined(reference):
    meta = DocumentMeta(
        "line-up",
        "line-up.txt",
        "Explainer: what is the International Lunar Research Station?",
        "Daily Orbit",
        "2032-05-01",
        "news-article",
    )
    document = Document(meta, Path("line-up.txt"), LINE_UP)
    facts = extract.extract_corpus([document], reference).facts
    found = {(f.partner, f.mission) for f in facts if isinstance(f, Cooperation)}
    mission = "international-lunar-research-station"
    for partner in ("mali", "chad", "niger", "togo", "african-space-agency"):
        assert (partner, mission) in found
