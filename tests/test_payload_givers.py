"""Who gave an instrument to a mission, however the sentence says it: an apposition
("X's contribution, a dust counter, was supplied by Y"), a relative clause ("Y, which
built a magnetometer for M"), work still going on ("is completing a detector for M"), and
"the mission" when the text names none. New sentences of my own."""

from __future__ import annotations

from graph.model import GroundStation, Participation
from tests.one_document import cooperations_of, facts_of


def test_an_instrument_in_apposition_to_a_contribution_is_the_suppliers(reference):
    text = (
        "Kenya's contribution to the mission, a dust counter, was supplied by the University "
        "of Nairobi."
    )
    assert cooperations_of(reference, text) == {("university-of-nairobi", "payloads", None)}


def test_a_body_that_built_an_instrument_for_a_mission_in_a_relative_clause(reference):
    text = (
        "The Hellenic Space Centre, which built a magnetometer for Chang'e-7, has extended "
        "its work with CNSA."
    )
    assert ("hellenic-space-centre", "payloads", "change-7") in cooperations_of(reference, text)


def test_an_instrument_being_completed_for_a_mission_is_a_payload(reference):
    text = "The Kazakh Space Research Institute is completing a dust detector for Chang'e-8."
    assert cooperations_of(reference, text) == {
        ("kazakh-space-research-institute", "payloads", "change-8")
    }


def test_the_mission_is_not_read_into_a_withdrawn_instrument(reference):
    text = (
        "The Rashid 3 rover of the Emirates Lunar Centre, once proposed for the mission, was "
        "withdrawn in 2024."
    )
    assert cooperations_of(reference, text) == set()


def test_bodies_that_supported_a_mission_with_tracking_cooperated_on_tt_c(reference):
    text = "Argentina and Namibia supported the Chang'e-6 mission with tracking."
    assert cooperations_of(reference, text) == {
        ("argentina", "tt-c", "change-6"),
        ("namibia", "tt-c", "change-6"),
    }


def test_a_countrys_institutes_that_take_part_in_a_mission_make_it_a_partner(reference):
    text = "CNSA says Thai and Malaysian institutes will take part in the ILRS."
    assert cooperations_of(reference, text) == {
        ("thailand", "lunar-and-deep-space-exploration", "international-lunar-research-station"),
        ("malaysia", "lunar-and-deep-space-exploration", "international-lunar-research-station"),
    }


def test_a_country_given_imagery_for_disaster_relief_cooperated_on_it(reference):
    text = "China provided Nepal and Bhutan with satellite imagery for disaster relief."
    assert cooperations_of(reference, text) == {
        ("nepal", "disaster-prevention-and-mitigation", None),
        ("bhutan", "disaster-prevention-and-mitigation", None),
    }


def test_partners_that_did_the_same_share_the_first_ones_cooperation(reference):
    ilrs = ("lunar-and-deep-space-exploration", "international-lunar-research-station")
    text = "Nicaragua remains a partner of the ILRS, and so do Senegal and Serbia."
    assert cooperations_of(reference, text) == {
        ("nicaragua", *ilrs),
        ("senegal", *ilrs),
        ("serbia", *ilrs),
    }
    text = "Peru joined the ILRS in 2026, and Chile and Bolivia followed later that year."
    assert cooperations_of(reference, text) == {
        ("peru", *ilrs),
        ("chile", *ilrs),
        ("bolivia", *ilrs),
    }


def test_a_station_opened_together_with_a_partner_is_a_ground_station_with_it(reference):
    text = (
        "In 2025 China opened a satellite receiving station near Dushanbe with the Academy "
        "of Sciences of Tajikistan."
    )
    stations = facts_of(reference, text, kind=GroundStation)
    assert [s.partner for s in stations] == ["academy-of-sciences-of-tajikistan"]


def test_a_body_that_received_samples_from_a_chinese_mission_works_on_the_mission(reference):
    text = "The University of Gdansk received lunar samples from Chang'e-5 in 2030."
    assert cooperations_of(reference, text) == {
        ("university-of-gdansk", "lunar-and-deep-space-exploration", "change-5")
    }


def test_a_side_that_reaffirmed_its_participation_in_a_mission_is_its_partner(reference):
    ilrs = ("lunar-and-deep-space-exploration", "international-lunar-research-station")
    for text in (
        "Kenya reaffirmed its participation in the International Lunar Research Station.",
        "The Kenyan side reaffirmed its participation in the International Lunar Research Station.",
    ):
        assert cooperations_of(reference, text) == {("kenya", *ilrs)}


def test_it_carries_a_partners_instrument_on_the_craft_the_sentence_before_names(reference):
    text = (
        "CSES-02 was launched in 2025. It carries a particle detector of the Italian Space Agency."
    )
    assert cooperations_of(reference, text) == {("italian-space-agency", "payloads", "cses-02")}


def test_membership_of_a_working_group_is_participation_in_its_organisation(reference):
    text = (
        "CNSA became a member of the Space Data Link Security working group of the "
        "Consultative Committee for Space Data Systems in 2022."
    )
    assert [p.organisation for p in facts_of(reference, text, kind=Participation)] == [
        "consultative-committee-for-space-data-systems"
    ]
