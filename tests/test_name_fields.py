"""A body's name may list its fields with commas ("Commission on Research, Science and
Technology") and may be followed by its topic ("the Kenya Space Agency on Earth
observation"): the name is found whole, and no more than whole. New text of my own."""

from __future__ import annotations

from graph.model import GroundStation
from tests.one_document import cooperations_of, facts_of


def test_a_name_that_lists_its_fields_with_commas_is_one_name(reference):
    text = (
        "The Swakopmund TT&C station was upgraded together with Namibia's National "
        "Commission on Research, Science and Technology."
    )
    stations = {f.partner for f in facts_of(reference, text, kind=GroundStation)}
    assert stations == {"national-commission-on-research-science-and-technology"}


def test_a_list_of_bodies_is_not_one_name(reference):
    text = (
        "China has worked with the Kenya Space Agency, Science Museum Group and the Italian "
        "Space Agency on space science."
    )
    partners = {p for p, _a, _m in cooperations_of(reference, text)}
    assert "kenya-space-agency" in partners and "italian-space-agency" in partners


def test_a_name_ends_at_its_head_word_before_a_capitalised_topic(reference):
    text = "CGWIC has worked with the Kenya Space Agency on Earth Observation since 2017."
    assert cooperations_of(reference, text) == {
        ("kenya-space-agency", "earth-observation-applications", None)
    }
