"""A payload flies when its mission does: where a document says a mission is still to
launch, each payload it lists for it on a verbless line is planned, while a sentence
keeps the time of its own verb, and a mission the document says has flown keeps its
lines achieved. New text of my own."""

from __future__ import annotations

from graph.model import Cooperation, Status
from tests.one_document import facts_of

SHEET = """FACT SHEET: Chang'e-8, which is due to launch in 2028

FOREIGN INSTRUMENTS ON CHANG'E-8
  • Turkey — a seismometer on the lander
  • Portugal: a magnetometer on the rover

Background

The Norwegian Space Agency supplied a dust counter for Chang'e-8 in 2026.
"""


def _statuses(reference, text: str, issued: str = "2027") -> dict[str, Status]:
    facts = facts_of(reference, text, issued=issued, kind=Cooperation)
    return {f.partner: f.status for f in facts if f.mission == "change-8"}


def test_listed_payloads_of_a_mission_still_to_launch_are_planned(reference):
    statuses = _statuses(reference, SHEET)
    assert statuses["turkiye"] is Status.PLANNED
    assert statuses["portugal"] is Status.PLANNED


def test_a_sentence_keeps_the_time_of_its_own_verb(reference):
    assert _statuses(reference, SHEET)["norwegian-space-agency"] is Status.ACHIEVED


def test_a_mission_the_document_says_has_flown_keeps_its_lines_achieved(reference):
    flown = SHEET.replace("which is due to launch in 2028", "launched in May 2029")
    statuses = _statuses(reference, flown, issued="2030")
    assert statuses["turkiye"] is Status.ACHIEVED
    assert statuses["portugal"] is Status.ACHIEVED
