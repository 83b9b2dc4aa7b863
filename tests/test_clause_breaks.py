"""Clauses a semicolon joins are read as the statements they are: the names that open
the second clause are its subject, not more items of the first. New sentences of my
own."""

from __future__ import annotations

from graph.parsing import parse_all
from tests.one_document import activities_of, cooperations_of

ILRS = "international-lunar-research-station"
AREA = "lunar-and-deep-space-exploration"


def test_names_after_a_semicolon_are_the_subject_of_the_verb_after_them():
    (doc,) = parse_all(
        [
            "Kenya and Ghana joined the ILRS in 2023; Serbia, Nicaragua and Senegal "
            "joined it in 2024."
        ]
    )
    serbia = next(t for t in doc if t.text == "Serbia")
    assert serbia.dep_ == "nsubj"
    assert serbia.head.text == "joined" and serbia.head.i > serbia.i


def test_each_clause_gives_its_own_partners(reference):
    text = (
        "Venezuela, South Africa, Azerbaijan and Belarus joined the ILRS between 2022 and "
        "2023; Serbia, Nicaragua, Thailand and Senegal joined the ILRS in 2024."
    )
    partners = {p for p, area, mission in cooperations_of(reference, text) if mission == ILRS}
    assert partners == {
        "venezuela", "south-africa", "azerbaijan", "belarus",
        "serbia", "nicaragua", "thailand", "senegal",
    }  # fmt: skip


def test_a_semicolon_inside_a_list_is_no_clause_break():
    (doc,) = parse_all(["China signed agreements with Kenya, on data; Ghana, on training."])
    assert all(not t.is_sent_start for t in doc if t.i > 0)


def test_a_clause_pointing_back_after_a_semicolon_keeps_its_link(reference):
    text = (
        "Six satellites have been developed jointly by the China Academy of Space "
        "Technology and Brazil's National Institute for Space Research (INPE); the most "
        "recent of them, CBERS-04A, went up on a Long March 4B from Taiyuan in 2019."
    )
    activities = activities_of(reference, text)
    assert ("launched", "national-institute-for-space-research", "cbers-04a") in activities


def test_a_craft_a_partners_engineers_built_themselves_was_not_built_for_it(reference):
    text = (
        "Pakistan's Space and Upper Atmosphere Research Commission (SUPARCO) runs the "
        "country's satellites. The Pakistan Remote Sensing Satellite, PRSS-1, was built by "
        "China and launched from Jiuquan in July 2018. "
        "On the same rocket went PakTES-1A, which SUPARCO engineers designed and built "
        "themselves; China launched it for SUPARCO, and nothing more."
    )
    activities = activities_of(reference, text)
    assert ("built", "pakistan", "prss-1") in activities
    assert not {a for a in activities if a[2] == "paktes-1a" and a[0] == "built"}
