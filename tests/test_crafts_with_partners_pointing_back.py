"""A spacecraft whose partner the sentence gives only by words pointing back ("developed
jointly by the two countries", "which the two sides are building together"): the
sentence is parsed as one naming its partner, and the partner is the one the sentence
before was about. New sentences, as a news report and as official prose."""

from __future__ import annotations

from tests.one_document import activities_of


def test_a_passive_participle_by_the_two_countries(reference):
    text = (
        "Kenya and China signed a new space cooperation plan on Monday. KenStar-3, "
        "developed jointly by the two countries, was launched from Taiyuan in 2021."
    )
    assert activities_of(reference, text) == {
        ("jointly-developed", "kenya", "kenstar-3"),
        ("launched", "kenya", "kenstar-3"),
    }


def test_a_relative_clause_whose_subject_is_the_two_sides(reference):
    text = (
        "China and Peru have worked together on Earth observation since 2010.\n\n"
        "AndeSat-9, which the two sides are now developing jointly, will carry a radar."
    )
    assert ("jointly-developed", "peru", "andesat-9") in activities_of(reference, text)


def test_a_passive_sentence_of_official_prose(reference):
    text = (
        "China has carried out cooperation with Thailand in satellite remote sensing. "
        "The SiamOrb-2 satellite was jointly developed by the two countries."
    )
    assert ("jointly-developed", "thailand", "siamorb-2") in activities_of(reference, text)
