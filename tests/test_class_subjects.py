"""A partner said to be a member of a class that did something ("Kenya is the latest
country to join the ILRS") did it, whether the copula is "is" or "became". New
sentences of my own."""

from __future__ import annotations

import pytest

from tests.one_document import cooperations_of

ILRS = ("lunar-and-deep-space-exploration", "international-lunar-research-station")


@pytest.mark.parametrize(
    "text",
    [
        "Kenya is the latest country to join the ILRS.",
        "Kenya became the third African country to join the ILRS.",
        "Kenya has become the latest country to join the International Lunar Research Station.",
    ],
)
def test_the_latest_country_to_join_a_mission_joined_it(reference, text):
    assert ("kenya", *ILRS) in cooperations_of(reference, text)


def test_a_mission_in_another_bodys_relative_clause_stays_out(reference):
    text = "Algeria, for which China built Alcomsat-1, has cooperated with China on training."
    assert {m for _, _, m in cooperations_of(reference, text)} == {None}


def test_a_regions_adjective_names_no_country(reference):
    text = (
        "Peru has become the latest Latin American country to join the International Lunar "
        "Research Station, after talks with South American partners."
    )
    assert {p for p, _, _ in cooperations_of(reference, text)} == {"peru"}
