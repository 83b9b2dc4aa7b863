"""A UN body's name as writers shorten it ("the UN Office for Outer Space Affairs") is
the curated body, not a new one. New text of my own."""

from __future__ import annotations

from graph.model import Participation
from tests.one_document import facts_of


def test_a_un_bodys_short_name_is_the_curated_body(reference):
    text = "China also works through the UN Office for Outer Space Affairs on station access."
    found = {f.organisation for f in facts_of(reference, text, kind=Participation)}
    assert found == {"united-nations-office-for-outer-space-affairs"}
