"""Who signs an agreement when the sentence describes a signer as it names it: an
apposition between a body and its verb, a description that names another body, a whole
name spelt out by its acronym that ends with a country's name, and a date after "on"
that is not what the document is about. Every sentence here is new."""

from __future__ import annotations

from graph.model import Agreement
from tests.one_document import facts_of


def _agreements(reference, text: str) -> set[tuple]:
    return {
        (f.agreement_kind, f.parties, f.signed_on, f.subject)
        for f in facts_of(reference, text, kind=Agreement)
    }


def test_a_body_named_in_a_description_of_the_signer_does_not_sign(reference):
    text = (
        "CGWIC, the CASC subsidiary, signed a memorandum of understanding with the "
        "Malawi Space Office on 8 August 2031."
    )
    assert _agreements(reference, text) == {
        (
            "memorandum-of-understanding",
            ("china-great-wall-industry-corporation", "malawi-space-office"),
            "2031-08-08",
            None,
        )
    }


def test_a_signer_keeps_its_place_behind_a_long_apposition(reference):
    # the parser takes "launch" for the verb of the clause; the text's commas do not
    text = (
        "China Great Wall Industry Corporation, the CASC subsidiary that sells satellites "
        "and launch services abroad, signed an agreement with the Malawi Space Office on "
        "8 August 2031."
    )
    assert {p for _k, p, _d, _s in _agreements(reference, text)} == {
        ("china-great-wall-industry-corporation", "malawi-space-office")
    }


def test_a_name_its_acronym_spells_out_is_whole_even_ending_with_a_country(reference):
    text = (
        "Harbin Institute of Technology (HIT) and Universiti Sains Malaysia (USM) signed a "
        "letter of intent on 2 March 2031 to build a cubesat."
    )
    assert _agreements(reference, text) == {
        (
            "letter-of-intent",
            ("harbin-institute-of-technology", "universiti-sains-malaysia"),
            "2031-03-02",
            None,  # "on 2 March 2031 to build ...": a date, not what it is about
        )
    }


def test_an_agreement_stated_to_exist_between_two_bodies_is_one(reference):
    text = (
        "The 2029 agreement between the Malawi Space Office and CNSA covers remote sensing. "
        "Talks on an agreement between China and Chile continue."
    )
    assert {(p, d) for _k, p, d, _s in _agreements(reference, text)} == {
        (("china-national-space-administration", "malawi-space-office"), "2029")
    }


def test_a_chinese_body_and_a_partners_body_named_with_its_owner_sign_together(reference):
    # "X and Pakistan's <body whose name has an "and" of its own> signed": the parser may
    # make two subjects of it, and the owner's possessive stands between "and" and the body
    text = (
        "In May 2031 the China Manned Space Agency and Kenya's Space and Earth Observation "
        "Sciences Commission signed an agreement on astronaut training."
    )
    found = _agreements(reference, text)
    assert {f[1] for f in found} == {
        ("china-manned-space-agency", "space-and-earth-observation-sciences-commission")
    }


def test_the_two_offices_are_the_offices_named_before(reference):
    text = (
        "The China Satellite Navigation Office has helped Thailand's Geo-Informatics and "
        "Space Technology Development Agency since 2013. In 2019 the two offices "
        "signed a memorandum of understanding on positioning services for farmers."
    )
    parties = {f.parties for f in facts_of(reference, text, kind=Agreement)}
    assert parties == {
        (
            "china-satellite-navigation-office",
            "geo-informatics-and-space-technology-development-agency",
        )
    }


def test_a_subject_signs_with_a_later_verb_of_its_own_clause(reference):
    text = (
        "Uruguay became an observer of the Asia-Pacific Space Cooperation Organization in "
        "2023, and in 2024 signed a joint statement with China on the International Lunar "
        "Research Station."
    )
    agreements = facts_of(reference, text, kind=Agreement)
    assert {(f.parties, f.signed_on) for f in agreements} == {(("china", "uruguay"), "2024")}
