"""News wording: a body's reported words that call it "it" ("CONIDA says it will work
with China ..."), a source named with "according to" (no party), joining worded as
"were added to" or "acceded to", and signings listed one after another, each with its
own partner and date. Every sentence here is new."""

from __future__ import annotations

import pytest

from graph.model import Agreement, Cooperation, Participation, Status
from tests.one_document import facts_of

ILRS = "international-lunar-research-station"
LUNAR = "lunar-and-deep-space-exploration"


def _cooperation(reference, text: str) -> set[tuple[str, str, str | None]]:
    return {(f.partner, f.area, f.mission) for f in facts_of(reference, text, kind=Cooperation)}


@pytest.mark.parametrize("said", ["says it will", "said it would", "announced that it will"])
def test_a_body_that_says_it_will_work_with_china_is_the_partner(reference, said):
    text = f"The Peruvian Space Agency {said} work with China on space debris monitoring."
    facts = facts_of(reference, text, kind=Cooperation)
    assert {(f.partner, f.area, f.status) for f in facts} == {
        ("peruvian-space-agency", "space-debris", Status.PLANNED)
    }


def test_the_two_countries_after_an_attributed_sentence_are_its_partner(reference):
    text = (
        "China has carried out four launches for Peru since 2020, according to the "
        "Peruvian Space Agency.\n\nThe two countries will also work together on lunar "
        "exploration."
    )
    assert ("peru", LUNAR, None) in _cooperation(reference, text)
    assert not {p for p, _a, _m in _cooperation(reference, text)} & {"peruvian-space-agency"}


@pytest.mark.parametrize(
    "text",
    [
        "Peru and Chile were added to the ILRS in 2031.",
        "Peru and Chile acceded to the ILRS in 2031.",
    ],
)
def test_being_added_to_a_mission_is_joining_it(reference, text):
    assert {("peru", LUNAR, ILRS), ("chile", LUNAR, ILRS)} <= _cooperation(reference, text)


def test_signings_listed_in_turn_each_have_their_partner_and_date(reference):
    text = (
        "New partners came forward: a framework agreement on space cooperation was signed "
        "with Peru in April 2030, and memorandums of understanding on lunar cooperation were "
        "concluded with Chile in October 2030 and with Bolivia in March 2031."
    )
    found = {
        (a.agreement_kind, a.parties, a.signed_on, a.subject)
        for a in facts_of(reference, text, kind=Agreement)
    }
    mou = "memorandum-of-understanding"
    assert found == {
        ("agreement", ("china", "peru"), "2030-04", "space cooperation"),
        (mou, ("chile", "china"), "2030-10", "lunar cooperation"),
        (mou, ("bolivia", "china"), "2031-03", "lunar cooperation"),
    }


def test_a_body_that_did_as_the_main_clause_did_joined_too(reference):
    text = "Peru and Chile have joined the ILRS, as has the Andean Space Forum (ASF)."
    assert ("andean-space-forum", LUNAR, ILRS) in _cooperation(reference, text)


@pytest.mark.parametrize(
    "text",
    [
        "Both Peru and China are founding members of the Andean Space Forum (ASF).",
        "CNSA and the Peruvian Space Agency are both members of the Lima Orbit Council and "
        "of the Andean Space Forum.",
    ],
)
def test_china_among_the_members_of_an_organisation_participates_in_it(reference, text):
    organisations = {p.organisation for p in facts_of(reference, text, kind=Participation)}
    assert "andean-space-forum" in organisations


@pytest.mark.parametrize("noun", ["links", "ties"])
def test_a_partners_links_with_china_in_a_field_are_cooperation(reference, noun):
    text = f"Peru's {noun} with China in space debris monitoring go back to 2019."
    assert ("peru", "space-debris", None) in _cooperation(reference, text)


@pytest.mark.parametrize(
    "text",
    [
        "The ILRS, a Moon base project led by China and Russia, will be built in the 2030s.",
        "The ILRS was announced by China and Russia in 2021.",
    ],
)
def test_leading_or_announcing_a_mission_with_china_is_cooperation_on_it(reference, text):
    assert ("russia", LUNAR, ILRS) in _cooperation(reference, text)


def test_what_a_partner_is_to_do_is_planned(reference):
    text = "Under the statement, the Peruvian Space Agency is to join China on the ILRS in 2033."
    facts = facts_of(reference, text, kind=Cooperation)
    assert {(f.partner, f.status) for f in facts} == {("peruvian-space-agency", Status.PLANNED)}


def test_a_partners_operators_who_are_to_be_trained_in_china(reference):
    text = "Peruvian operators are to be trained in Beijing while the satellites are built."
    facts = facts_of(reference, text, kind=Cooperation)
    assert {(f.partner, f.area, f.status) for f in facts} == {
        ("peru", "training-and-education", Status.PLANNED)
    }


@pytest.mark.parametrize("verb", ["agreed to extend", "will continue", "will expand"])
def test_what_china_and_a_partner_do_to_a_mission_together_is_cooperation_on_it(
    reference, verb
):
    text = f"The Brazilian Space Agency and CNSA {verb} the CBERS programme."
    assert {(p, m) for p, _a, m in _cooperation(reference, text)} == {
        ("brazilian-space-agency", "cbers")
    }
