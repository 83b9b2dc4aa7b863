"""A body a filing defines a term for ('X ("the Company")') is meant by that term
wherever the document uses it after, however far on; before the definition, or in
another document, the term is nobody's. Every text here is new."""

from __future__ import annotations

from tests.one_document import activities_of

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
