"""Roles a sentence gives through a class or a relative clause: "X and Y are among
the countries that have joined M", "Countries that joined M: A (May), B (July)", and a
list whose last member is named through its owner ("A, B and Poland's C"). Every
sentence here is new."""

from __future__ import annotations

import pytest

from graph.model import Agreement, Cooperation
from tests.one_document import facts_of

ILRS = "international-lunar-research-station"


def _cooperation(reference, text: str) -> set[tuple[str, str, str | None]]:
    return {(f.partner, f.area, f.mission) for f in facts_of(reference, text, kind=Cooperation)}


@pytest.mark.parametrize(
    "text",
    [
        "Uruguay, Ecuador and Bolivia are among the countries that have joined the ILRS.",
        "Bolivia is one of the partners that signed up to the ILRS in 2031.",
        "In 2031 Bolivia became one of the states that joined the ILRS, after Uruguay.",
    ],
)
def test_members_of_a_class_do_what_its_clause_says(reference, text):
    assert ("bolivia", "lunar-and-deep-space-exploration", ILRS) in _cooperation(reference, text)


def test_a_classes_clause_gives_the_role_of_the_list_after_its_colon(reference):
    text = (
        "Countries that joined the ILRS in 2031, by the agency's count: Uruguay (March), "
        "Ecuador (June) and Bolivia (October)."
    )
    found = _cooperation(reference, text)
    expected = {(c, "lunar-and-deep-space-exploration", ILRS) for c in ("uruguay", "ecuador")}
    assert expected | {("bolivia", "lunar-and-deep-space-exploration", ILRS)} <= found


def test_a_class_that_did_nothing_gives_nothing(reference):
    text = "Uruguay and Bolivia are among the countries with the longest coastlines."
    assert not _cooperation(reference, text)


def test_the_last_member_of_a_list_may_be_named_through_its_owner(reference):
    text = (
        "CNSA worked with the Andean Optics Institute, the Lima Photonics Laboratory and "
        "Chile's Atacama Detector Centre on this camera for Chang'e-8."
    )
    found = _cooperation(reference, text)
    partners = {"andean-optics-institute", "lima-photonics-laboratory", "atacama-detector-centre"}
    assert {(p, "payloads", "change-8") for p in partners} <= found
    assert not {p for p, _a, _m in found} & {"chile"}


@pytest.mark.parametrize(
    ("text", "parties", "signed_on"),
    [
        (
            "The committee reviewed the plan under the protocol on satellite data, which "
            "China and Chile signed in June 2029.",
            ("chile", "china"),
            "2029-06",
        ),
        (
            "At the meeting, the Peruvian Space Agency recalled the memorandum on the ILRS "
            "that it signed with CNSA on 3 May 2030.",
            ("china-national-space-administration", "peruvian-space-agency"),
            "2030-05-03",
        ),
    ],
)
def test_a_document_named_again_is_signed_by_its_relative_clause(
    reference, text, parties, signed_on
):
    found = {(a.parties, a.signed_on) for a in facts_of(reference, text, kind=Agreement)}
    assert (parties, signed_on) in found


def test_the_owners_listed_after_a_colon_of_what_a_mission_carried(reference):
    text = (
        "In 2030 Chang'e-9 carried four foreign payloads to the far side: Peru's DORA radon "
        "detector, Chile's INTI retroreflector, the European Space Agency's NILA ion "
        "analyser and Bolivia's AYNI cubesat."
    )
    found = _cooperation(reference, text)
    owners = ("peru", "chile", "european-space-agency", "bolivia")
    assert {(p, "payloads", "change-9") for p in owners} <= found


def test_a_receiver_built_by_a_body_abroad_is_its_payload_not_its_countrys(reference):
    text = (
        "Its relay satellite, Queqiao-3, carried a low-frequency radio receiver built at the "
        "Andean Radio Observatory in Peru."
    )
    assert _cooperation(reference, text) == {("andean-radio-observatory", "payloads", "queqiao-3")}


@pytest.mark.parametrize(
    "text",
    [
        "Aalto University (Finland) cooperated with China in space physics in 2032.",
        "China cooperated with Aalto University (Finland) in space physics in 2032.",
    ],
)
def test_a_country_in_brackets_after_a_body_says_where_it_is_not_who_worked(reference, text):
    assert _cooperation(reference, text) == {("aalto-university", "space-science", None)}


def test_the_latest_country_to_sign_up_to_a_mission_joined_it(reference):
    text = "In May 2031, Bolivia became the latest country to sign up to the ILRS."
    assert ("bolivia", "lunar-and-deep-space-exploration", ILRS) in _cooperation(reference, text)


def test_the_latest_country_to_join_a_mission_joined_it(reference):
    # the parser hangs this infinitive on the copula as an adverbial clause
    text = "Oman became the latest country to join the ILRS."
    assert ("oman", "lunar-and-deep-space-exploration", ILRS) in _cooperation(reference, text)
