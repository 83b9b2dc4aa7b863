"""A company named with its legal form ("Co., Ltd.", "Ltd", "S.A.", "Tbk") is a body,
the form part of its name, and signs for China when its name is Chinese; a company
that publishes or sponsors the page is furniture. Every sentence here is new."""

from __future__ import annotations

import pytest

from graph.company_names import company_names
from graph.model import Agreement
from tests.one_document import facts_of


def _names(text: str) -> list[str]:
    return [c.label for c in company_names("doc", text, 0)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Qinglan Orbit Technology Co., Ltd. signed it.", "Qinglan Orbit Technology Co., Ltd."),
        ("In May 2031 Andes Imaging Co. Ltd signed it.", "Andes Imaging Co. Ltd"),
        ("The deal went to PT Nusantara Orbit Tbk last year.", "PT Nusantara Orbit Tbk"),
        ("Orbital Harbour S.A. will build the antenna.", "Orbital Harbour S.A."),
        ("It was sold to Steppe Sat Communications Ltd in 2030.", "Steppe Sat Communications Ltd"),
    ],
)
def test_a_name_with_a_legal_form_is_a_company(text, name):
    assert _names(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "The Meridian Tribune is published by Meridian Media Group S.A.",
        "Gallery 2 is sponsored by Lotus Instruments Co., Ltd.",
        "\u00a9 2031 Harbour News Ltd. All rights reserved.",
        # a wider gap is a table's next column, not part of the name
        "Abuja          Orbit Links Ltd          control centre",
    ],
)
def test_the_company_that_makes_the_page_or_another_column_is_not_named(text):
    assert all(not n.startswith(("Meridian", "Lotus", "Harbour", "Abuja")) for n in _names(text))


def test_a_chinese_company_signs_in_its_own_name_not_as_china(reference):
    text = (
        "Qinglan Orbit Technology Co., Ltd. signed a memorandum of understanding with the "
        "Steppe Space Research Agency on 4 May 2031."
    )
    parties = {f.parties for f in facts_of(reference, text, kind=Agreement)}
    assert parties == {("qinglan-orbit-technology-co-ltd", "steppe-space-research-agency")}


def test_two_bodies_the_parser_hangs_as_one_name_are_both_parties(reference):
    text = (
        "A memorandum of understanding between Xiamen University and Samarkand State "
        "Technical University on the training of engineers was signed on 8 June 2031."
    )
    parties = {f.parties for f in facts_of(reference, text, kind=Agreement)}
    assert parties == {("samarkand-state-technical-university", "xiamen-university")}
