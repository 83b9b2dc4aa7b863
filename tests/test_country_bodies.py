"""A list line that pairs a country with a body ("- Russia - Roscosmos (2021)") names
that body, whatever its form, and the body is the partner; a partner's own name does
not say what it works on. New text of my own."""

from __future__ import annotations

from graph.model import Agreement
from tests.one_document import activities_of, cooperations_of, facts_of

MEMBERS = """Members of the Lunar Research Network

The following national agencies and institutes have joined the ILRS (year in brackets).

- Chile - Agencia Espacial de Chile (2024)
- Mongolia - Mongolcosmos (2023)
- Kyrgyzstan - Kyrgyzstan Kosmos Uchkun (2025)
- Malaysia: Malaysian Institute of Space Science (MISS) (2024)
- Sweden: Small Ion Analyzer for Neutrals (SIAN)
"""


def test_the_body_a_country_line_names_is_the_partner_not_the_country(reference):
    found = {partner for partner, _area, _mission in cooperations_of(reference, MEMBERS)}
    assert {"mongolcosmos", "kyrgyzstan-kosmos-uchkun", "agencia-espacial-de-chile"} <= found
    assert not {"mongolia", "kyrgyzstan", "chile"} & found


def test_an_instrument_after_a_country_is_what_it_gave_not_a_body(reference):
    found = {partner for partner, _area, _mission in cooperations_of(reference, MEMBERS)}
    assert "small-ion-analyzer-for-neutrals" not in found


def test_a_partners_own_name_does_not_give_its_area(reference):
    areas = {
        area
        for partner, area, _mission in cooperations_of(reference, MEMBERS)
        if partner == "malaysian-institute-of-space-science"
    }
    assert areas == {"lunar-and-deep-space-exploration"}  # joining the ILRS, not space science


def test_a_company_a_country_owns_is_the_partner_whatever_its_name(reference):
    text = (
        "CAST built the Nusa-7 communications satellite for Indonesia's Pasifik Satelit "
        "Nusantara and launched it from Xichang in 2024."
    )
    assert activities_of(reference, text) == {
        ("built", "pasifik-satelit-nusantara", "nusa-7"),
        ("launched", "pasifik-satelit-nusantara", "nusa-7"),
    }


def test_a_person_a_country_owns_is_no_body(reference):
    text = "Pakistan's Prime Minister Shehbaz Sharif thanked China for launching PRSS-2."
    assert "prime-minister-shehbaz-sharif" not in {
        partner for _activity, partner, _craft in activities_of(reference, text)
    }


def test_a_craft_ordered_that_china_will_build_and_launch_is_for_the_buyer(reference):
    text = "Belarus ordered Belsat-4, which China would build and launch from Xichang in 2030."
    assert activities_of(reference, text) == {
        ("built", "belarus", "belsat-4"),
        ("launched", "belarus", "belsat-4"),
    }


def test_a_craft_others_built_for_a_partner_is_not_built_by_china(reference):
    text = "Nilesat-402 was built by Thales Alenia Space for Egypt and launched by a Long March 3B."
    assert activities_of(reference, text) == {("launched", "egypt", "nilesat-402")}


def test_built_by_a_date_is_no_maker(reference):
    text = "Egypt ordered MisrSat-9, which CAST will build for Egypt by 2028."
    assert ("built", "egypt", "misrsat-9") in activities_of(reference, text)


def test_a_body_named_after_its_countrys_common_noun_is_the_party(reference):
    text = (
        "Mongolia's space agency Mongolcosmos and the China National Space Administration "
        "signed an agreement on satellite data on 4 May 2031."
    )
    [agreement] = facts_of(reference, text, kind=Agreement)
    assert agreement.parties == ("china-national-space-administration", "mongolcosmos")
