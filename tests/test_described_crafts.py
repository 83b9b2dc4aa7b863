"""A spacecraft described in an apposition ("X, a satellite built jointly with Peru,
was launched by a Long March 2C") keeps its partner in what the main clause says was
done to it; one of China's rockets is China's launch, not someone else's. Every
sentence here is new."""

from __future__ import annotations

import pytest

from graph.model import Agreement
from tests.one_document import activities_of, cooperations_of, facts_of


@pytest.mark.parametrize(
    "text",
    [
        "AndeSat-3, a satellite built jointly with Peru, was launched by a Long March 2C in 2030.",
        # the parser hangs the participle on the apposition's own phrase
        "AndeSat-3, a satellite for weather studies built jointly with Peru, was launched by "
        "a Long March 2C from Jiuquan in 2030.",
    ],
)
def test_the_partner_a_craft_was_made_with_is_its_launchs(reference, text):
    assert ("launched", "peru", "andesat-3") in activities_of(reference, text)


def test_a_foreign_rocket_is_not_chinas_launch(reference):
    text = "AndeSat-3, a satellite built jointly with Peru, was launched by an Ariane 6 rocket."
    assert ("launched", "peru", "andesat-3") not in activities_of(reference, text)


def test_a_countrys_government_that_signs_is_the_country(reference):
    text = "The Peruvian government and China signed the agreement on the station in May 2030."
    parties = {a.parties for a in facts_of(reference, text, kind=Agreement)}
    assert ("china", "peru") in parties


def test_the_owner_an_apposition_names_is_whom_china_built_for(reference):
    text = "CAST built AndeSat-4, Peru's first radar satellite, in Beijing."
    assert ("built", "peru", "andesat-4") in activities_of(reference, text)


def test_the_owner_an_apposition_names_is_not_whom_others_built_for(reference):
    text = "Airbus built AndeSat-4, Peru's first radar satellite, in Toulouse."
    assert not activities_of(reference, text)


def test_fact_sheet_lines_of_crafts_made_jointly_or_built_by_others(reference):
    text = (
        "SATELLITES FOR PARTNERS\n\n"
        "• Peru: AndeSat-5, developed jointly and delivered in orbit, 2030\n"
        "• Chile: AndeSat-6, launched 2031\n"
        "• Bolivia: AndeSat-7, built by Thales Alenia Space, launched 2031\n"
    )
    found = activities_of(reference, text)
    assert {
        ("jointly-developed", "peru", "andesat-5"),
        ("delivered", "peru", "andesat-5"),
        ("launched", "chile", "andesat-6"),
        ("launched", "bolivia", "andesat-7"),
    } <= found
    assert not {f for f in found if f[0] == "built"}


def test_its_first_satellite_is_the_partner_the_sentence_before_was_about(reference):
    text = (
        "Peru has cooperated with China on space technology since the late 1990s. Its first "
        "satellite, AndeSat-1, was carried into orbit by a Chinese Long March 2E rocket in 2001."
    )
    assert ("launched", "peru", "andesat-1") in activities_of(reference, text)


@pytest.mark.parametrize(
    "text",
    [
        "ChiSat-2, Chile's first communications satellite, was launched by China in 2033.",
        "ChiSat-2, Chile's first communications satellite, was launched from Xichang in 2033.",
    ],
)
def test_the_owner_an_apposition_names_is_the_partner_however_the_name_is_parsed(reference, text):
    assert ("launched", "chile", "chisat-2") in activities_of(reference, text)


def test_a_relative_clause_on_a_crafts_series_tells_of_the_craft(reference):
    text = (
        "AndeSat-6 is the second satellite of the series, which China and Peru developed jointly."
    )
    assert ("jointly-developed", "peru", "andesat-6") in activities_of(reference, text)


def test_a_camel_case_name_with_a_letter_is_a_craft(reference):
    # "Palapa-D" has always been a designator; so are "AndeSat-C" and "PeruComSat-B"
    text = (
        "AndeSat-C and PeruComSat-B, satellites developed jointly by Peru and China, flew in 2031."
    )
    found = activities_of(reference, text)
    assert {
        ("jointly-developed", "peru", "andesat-c"),
        ("jointly-developed", "peru", "perucomsat-b"),
    } <= found


def test_a_launch_by_the_subject_of_the_first_verb_is_others_work(reference):
    text = (
        "The book compares it with AndeSat-R, which Russia's RSC Energia built and launched "
        "in 2031."
    )
    assert not {a for a in activities_of(reference, text) if a[2] == "andesat-r"}


def test_a_craft_built_in_the_partners_own_country_is_not_built_by_china(reference):
    text = "- Peru: PeruSat-5A and PeruSat-5B, built in Peru, launched on a Long March 2D, 2031"
    found = activities_of(reference, text)
    assert ("launched", "peru", "perusat-5b") in found
    assert not {a for a in found if a[0] == "built"}


def test_an_instrument_made_for_a_craft_is_a_payload_not_the_craft_made(reference):
    for text in (
        "The X-ray camera (XRC) for Einstein Probe was developed by CAS together with the "
        "University of Libreville.",
        "Einstein Probe's magnetometer was developed by CAS together with the University of "
        "Libreville.",
    ):
        assert not activities_of(reference, text)
        assert ("university-of-libreville", "payloads", "einstein-probe") in cooperations_of(
            reference, text
        )


def test_an_objects_owner_outranks_whom_a_coordinated_verb_worked_for(reference):
    text = (
        "Beijing has also launched satellites for Chad and Mali, and built Gabon's first "
        "radar satellite, OkoumeSat-2, which lifted off from Taiyuan in 2031."
    )
    assert {a for a in activities_of(reference, text) if a[2] == "okoumesat-2"} == {
        ("built", "gabon", "okoumesat-2"),
        ("launched", "gabon", "okoumesat-2"),
    }


def test_what_a_report_wrongly_said_was_launched_was_not(reference):
    text = (
        "A brief wrongly reported that Gabon's first satellite, OkoumeSat-3, had been "
        "launched by China."
    )
    assert not activities_of(reference, text)
