"""A partner's astronauts: flying them is human spaceflight with that partner, on the
station their own clause names, and training them is also training. What the sides
agreed to do is planned. A denied flight, a ban, or the subject of an agreement the
sentence reports gives no cooperation. Every sentence here is new."""

from __future__ import annotations

import pytest

from graph.model import Cooperation, Status
from tests.one_document import facts_of


def _cooperation(reference, text: str) -> set[tuple]:
    return {
        (f.partner, f.area, f.mission, f.status)
        for f in facts_of(reference, text, kind=Cooperation)
    }


def test_training_a_partners_astronaut_for_the_station_is_spaceflight_and_training(reference):
    text = (
        "The two sides agreed to train a Kenyan astronaut to fly to the China Space Station "
        "as a payload specialist."
    )
    assert _cooperation(reference, text) == {
        ("kenya", "human-spaceflight", "china-space-station", Status.PLANNED),
        ("kenya", "training-and-education", "china-space-station", Status.PLANNED),
    }  # and a "payload specialist" is no payload


def test_astronauts_from_a_partner_flying_later_are_planned_spaceflight(reference):
    text = "Astronauts from the Philippines will visit the China Space Station in 2033."
    assert ("philippines", "human-spaceflight", "china-space-station", Status.PLANNED) in (
        _cooperation(reference, text)
    )


@pytest.mark.parametrize(
    "text",
    [
        "Canadian astronauts are not training in China.",
        "Norway said it had no plan or mandate to send astronauts to the China Space Station.",
        "Astronauts of the United States are excluded from the programme.",
        "In 2031 CMSA and the Kenya Space Agency signed an agreement on the selection and "
        "training of Kenyan astronauts.",
        "CMSA and the Kenya Space Agency signed an agreement in May 2031 on the training of "
        "Kenyan astronauts.",
    ],
)
def test_denied_barred_or_only_agreed_on_astronauts_give_no_spaceflight(reference, text):
    assert not [c for c in _cooperation(reference, text) if c[1] == "human-spaceflight"]


def test_the_station_belongs_to_the_clause_that_flies_there(reference):
    text = (
        "Swiss astronauts trained with Chinese crews in 2029, but Switzerland has no budget "
        "to send astronauts to the China Space Station."
    )
    assert not [c for c in _cooperation(reference, text) if c[2] == "china-space-station"]
