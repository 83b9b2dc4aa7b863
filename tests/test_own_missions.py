"""Partners given work of their own in one sentence ("with Brazil on CBERS-6 and with
France on SVOM") each keep their own; fields named that way ("with ESA on engineering
technology, and with Austria on payloads") leave the sentence's mission to both. New
text of my own."""

from __future__ import annotations

from tests.one_document import cooperations_of


def test_each_partner_keeps_the_mission_its_own_phrase_names(reference):
    text = "China also worked with Brazil on CBERS-06 and with France on SVOM."
    missions = {(p, m) for p, _area, m in cooperations_of(reference, text)}
    assert missions == {("brazil", "cbers-06"), ("france", "svom")}


def test_fields_in_such_phrases_leave_the_framing_mission_to_all(reference):
    text = (
        "In the Tianwen-1 mission, China cooperated with the European Space Agency on "
        "engineering technology, and with Austria on payloads."
    )
    assert {m for _p, _area, m in cooperations_of(reference, text)} == {"tianwen-1"}
