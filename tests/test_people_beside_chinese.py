"""People of a country who work with China's own people ("Egyptian engineers worked
alongside Chinese engineers") are their country's cooperation, and the people's own
verb says whether they did and when. New text of my own."""

from __future__ import annotations

from graph.model import Cooperation
from tests.one_document import facts_of


def _cooperation(reference, text: str) -> set[tuple[str, str, str]]:
    return {
        (f.partner, f.area, f.status.value) for f in facts_of(reference, text, kind=Cooperation)
    }


def test_engineers_working_alongside_chinese_engineers_are_their_countrys_cooperation(
    reference,
):
    text = "Peruvian engineers worked alongside Chinese engineers in satellite development."
    assert _cooperation(reference, text) == {("peru", "satellite-development", "achieved")}


def test_the_peoples_own_verb_negates_or_plans(reference):
    never = "Kenyan engineers never worked with Chinese engineers on satellite development."
    will = "Kenyan engineers will work with Chinese engineers on satellite development."
    assert _cooperation(reference, never) == set()
    assert _cooperation(reference, will) == {("kenya", "satellite-development", "planned")}


def test_people_in_training_at_a_chinese_centre_are_their_countrys_training(reference):
    text = "Two Nepali candidates are currently in training at the Astronaut Center of China."
    assert _cooperation(reference, text) == {("nepal", "training-and-education", "achieved")}
    elsewhere = "Two Nepali candidates are currently in training at the European Astronaut Centre."
    assert _cooperation(reference, elsewhere) == set()
