"""Cooperation stated in running prose in ways the cue rules alone miss: a partner's
asset serving a Chinese mission, data shared in one clause beside another clause's
purpose, people trained by "the two sides", and a partner named after "the accession
of". New sentences, in a report's and a news article's wording."""

from __future__ import annotations

import pytest

from tests.one_document import cooperations_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the asset is the subject, the mission named in the sentence before
        (
            "Chang'e-7 will land near the lunar south pole in 2026. Thailand's ground "
            "station will provide tracking support to the mission during the landing.",
            {("thailand", "tt-c", "change-7")},
        ),
        # a news report: the mission named outright, the antennas a partner's
        (
            "Argentina's deep-space antennas provided tracking support to Chang'e-6 "
            "during its descent, the agency said on Tuesday.",
            {("argentina", "tt-c", "change-6")},
        ),
    ],
)
def test_a_partners_asset_serving_a_mission_is_cooperation_on_it(reference, text, expected):
    assert cooperations_of(reference, text) == expected


def test_an_asset_that_gives_a_service_is_no_payload(reference):
    text = (
        "Tianwen-1 reached Mars in 2021. Argentina's deep-space antennas provided "
        "tracking support to the probe."
    )
    assert ("argentina", "payloads", None) not in cooperations_of(reference, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Through the Fengyun programme, China exchanges data with Chile and Peru, and "
            "we have provided Gaofen imagery to the disaster management agencies of Africa.",
            {("chile", "data-exchange", None), ("peru", "data-exchange", None)},
        ),
        (
            "China shares satellite data with Laos, and it has also given Myanmar disaster "
            "monitoring support.",
            {("laos", "data-exchange", None)},
        ),
    ],
)
def test_data_shared_keeps_its_area_beside_another_clauses_purpose(reference, text, expected):
    found = cooperations_of(reference, text)
    assert expected <= found
    assert not {f for f in found if f[0] in {"chile", "peru", "laos"}} - expected


def test_data_given_for_a_purpose_its_own_clause_names_serves_it(reference):
    text = "China provided satellite imagery to Nepal to support disaster relief after the quake."
    assert ("nepal", "disaster-prevention-and-mitigation", None) in cooperations_of(reference, text)


@pytest.mark.parametrize(
    "text",
    [
        # a joint communique: the two sides, then a second predicate that trains
        "Joint Communique between the People's Republic of China and the Republic of "
        "Kenya\n\nThe two sides will deepen cooperation in remote sensing, and will train "
        "Kenyan engineers in satellite operations.",
        # a treaty's wording
        "Agreement between China and Kenya\n\nThe Parties will jointly train Kenyan "
        "students in space science.",
    ],
)
def test_people_the_two_sides_train_are_training_cooperation(reference, text):
    assert ("kenya", "training-and-education", None) in cooperations_of(reference, text)


@pytest.mark.parametrize(
    "text",
    [
        "China welcomes the accession of Thailand to the International Lunar Research Station.",
        "The accession of Nicaragua to the International Lunar Research Station was "
        "announced in Beijing in 2024.",
    ],
)
def test_the_accession_of_a_partner_to_a_mission_is_cooperation_on_it(reference, text):
    found = cooperations_of(reference, text)
    assert {(p, a) for p, a, m in found if m == "international-lunar-research-station"} & {
        ("thailand", "lunar-and-deep-space-exploration"),
        ("nicaragua", "lunar-and-deep-space-exploration"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a spoken answer: the second partner's verb left out
        (
            "Peru signed up to the International Lunar Research Station in 2023, Chile in "
            "2025. Colombia sent an observer.",
            {"peru", "chile"},
        ),
        # a report's wording, with "and"
        (
            "Serbia joined the International Lunar Research Station in April 2024, and "
            "Senegal in September 2025.",
            {"serbia", "senegal"},
        ),
    ],
)
def test_a_partner_whose_verb_is_left_out_shares_the_first_ones(reference, text, expected):
    found = cooperations_of(reference, text)
    assert {p for p, a, m in found if m == "international-lunar-research-station"} == expected
