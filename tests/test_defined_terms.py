"""Terms defined in brackets and quotes: a quoted short name of the body's own words is
another name of the body before it; a defined term ('X ("the Company")') means that body
wherever the document uses it after, however far on, and before the definition, or in
another document, nobody. Every text here is new."""

from __future__ import annotations

from graph.defined_terms import defined_short_name
from tests.one_document import activities_of

TEXT = 'Borealis Orbital Systems Co., Ltd. ("Borealis" or "the Company") builds satellites.'


def test_a_quoted_short_name_after_a_company_is_its_alias():
    name = "Borealis Orbital Systems Co., Ltd."
    assert defined_short_name(name, TEXT, len(name)) == "Borealis"


def test_a_quoted_acronym_that_fits_the_initials_is_an_alias():
    text = 'the Northern Launch Services Agency ("NLSA") said'
    name = "Northern Launch Services Agency"
    end = text.index(name) + len(name)
    assert defined_short_name(name, text, end) == "NLSA"


def test_a_quoted_word_that_is_not_the_name_s_own_is_no_alias():
    text = 'the Northern Launch Services Agency ("Buyer") said'
    name = "Northern Launch Services Agency"
    end = text.index(name) + len(name)
    assert defined_short_name(name, text, end) is None


_FILLER = " ".join(["The notes below describe the leases, the loans and the staff."] * 30)


def test_a_defined_term_stands_for_its_body_far_from_the_definition(reference):
    text = (
        'Kenya Orbit Satellite Co., Ltd. ("KOSAT" or "the Company") is a limited company '
        f"incorporated in Nairobi.\n\n{_FILLER}\n\n"
        "KenSat-7 was built for the Company by the China Academy of Space Technology. "
        "CGWIC handed KenSat-7 over to the Company in orbit on 1 August 2029."
    )
    found = activities_of(reference, text)
    assert ("built", "kenya-orbit-satellite-co-ltd", "kensat-7") in found
    assert ("delivered", "kenya-orbit-satellite-co-ltd", "kensat-7") in found


def test_the_term_before_its_definition_is_nobodys(reference):
    text = (
        "KenSat-7 was built for the Company by the China Academy of Space Technology.\n\n"
        f"{_FILLER}\n\n"
        'Kenya Orbit Satellite Co., Ltd. ("KOSAT" or "the Company") is a limited company '
        "incorporated in Nairobi."
    )
    assert not activities_of(reference, text)
