"""Words that are not a sentence's main verb but say what holds: readiness, willingness,
looking forward and a bare "to be done" are said of what is still to come; being among
what a mission carries is flying on it; people "trained in Beijing" in a line without
"were" were trained there; a forum held in a Chinese city is one China hosts (and is not
Chinese for being held there). Every sentence here is new."""

from __future__ import annotations

import pytest

from graph.model import Cooperation, Status
from tests.one_document import facts_of


@pytest.mark.parametrize(
    "said", ["stands ready to work", "remains willing to work", "looks forward to working"]
)
def test_readiness_to_act_is_a_plan(reference, said):
    text = f"China {said} with the Kenya Space Agency on satellite data for disaster relief."
    statuses = {f.status for f in facts_of(reference, text, kind=Cooperation)}
    assert statuses == {Status.PLANNED}


def test_a_craft_still_to_be_built_is_planned(reference):
    from graph.model import SpacecraftActivity

    def statuses(text):
        return {
            (f.spacecraft, f.status)
            for f in facts_of(reference, text, kind=SpacecraftActivity, issued="2030")
        }

    planned = statuses("KenSat-9 for Kenya: to be built and launched by China, target 2032.")
    assert planned == {("kensat-9", Status.PLANNED)}


def test_an_infinitive_that_ranks_a_craft_is_no_plan():
    from graph.parsing import load_parser
    from graph.tense import future_clause

    text = "KenSat-1 was the first Kenyan satellite to be launched by China, in 2028."
    assert not future_clause(load_parser()(text), text.index("launched"))
    text = "KenSat-9 for Kenya: to be launched by China, target 2032."
    assert future_clause(load_parser()(text), text.index("launched"))


def test_work_among_the_payloads_a_mission_will_carry_flies_on_that_mission(reference):
    from graph.model import Cooperation

    text = (
        "A spectrometer built by Kenya is among the payloads that Chang'e-7, China's next "
        "lunar probe, will carry."
    )
    found = {(f.partner, f.area, f.mission) for f in facts_of(reference, text, kind=Cooperation)}
    assert ("kenya", "payloads", "change-7") in found


@pytest.mark.parametrize(
    "line",
    [
        "2030: first Kenyan engineers trained in Beijing for a weather satellite programme.",
        "In 2030 the first Kenyan engineers trained in China for the programme.",
    ],
)
def test_people_trained_in_china_in_a_line_without_a_finite_verb(reference, line):
    found = {(f.partner, f.area) for f in facts_of(reference, line, kind=Cooperation)}
    assert ("kenya", "training-and-education") in found


def test_a_forum_held_in_a_chinese_city_is_hosted_by_china(reference):
    from graph.model import Participation

    text = (
        "The second China-Pacific Islands Space Cooperation Forum was held in Shanghai.\n\n"
        "In 2031 China hosted the third meeting of the China-ASEAN Space Forum in Beijing."
    )
    found = {(f.organisation, f.role) for f in facts_of(reference, text, kind=Participation)}
    assert found == {
        ("china-pacific-islands-space-cooperation-forum", "host"),
        ("china-asean-space-forum", "host"),
    }
