"""A spacecraft still being built is not built yet, and "them" after a list of
spacecraft stands for the whole list. Developing one jointly is cooperation under way.
New text of my own."""

from __future__ import annotations

from graph.model import SpacecraftActivity
from tests.one_document import facts_of


def _activities(reference, text: str) -> set[tuple[str, str, str]]:
    return {
        (f.activity, f.spacecraft, f.status.value)
        for f in facts_of(reference, text, kind=SpacecraftActivity)
    }


def test_a_craft_being_built_is_planned_and_them_is_the_whole_list(reference):
    text = (
        "China is building two communications satellites, LaoSat-3 and LaoSat-4, for the "
        "Lao National Space Agency, and will launch them from Xichang."
    )
    assert _activities(reference, text) == {
        ("built", "laosat-3", "planned"),
        ("built", "laosat-4", "planned"),
        ("launched", "laosat-3", "planned"),
        ("launched", "laosat-4", "planned"),
    }


def test_a_craft_built_is_built(reference):
    text = "China built LaoSat-2 for the Lao National Space Agency in 2031."
    assert _activities(reference, text) == {("built", "laosat-2", "achieved")}


def test_a_craft_being_developed_jointly_is_joint_work_under_way(reference):
    text = "KenSat-7 is being developed jointly by CAST and the Kenya Space Agency."
    assert _activities(reference, text) == {("jointly-developed", "kensat-7", "achieved")}
