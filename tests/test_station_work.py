"""Work on a station is more than building it (adapted, refurbished, modernised), and
China's side may be a Chinese body named after "with" or "by". New text of my own."""

from __future__ import annotations

import pytest

from graph.model import GroundStation
from tests.one_document import facts_of


def _stations(reference, text: str) -> set[str]:
    return {f.partner for f in facts_of(reference, text, kind=GroundStation)}


@pytest.mark.parametrize("verb", ["adapted", "refurbished", "modernised", "expanded"])
def test_a_station_made_able_to_do_more_with_a_partner_is_a_ground_station(reference, verb):
    text = (
        f"The station at Hartebeesthoek was {verb} with the Zambian Space Agency so that "
        "CBERS data could be received over southern Africa."
    )
    assert _stations(reference, text) == {"zambian-space-agency"}


def test_a_partners_station_worked_on_by_a_chinese_body_is_the_partners(reference):
    text = (
        "The Bolivian Space Agency's receiving station near La Paz was modernised by the "
        "China Centre for Resources Satellite Data and Application in 2021."
    )
    assert _stations(reference, text) == {"bolivian-space-agency"}


def test_a_station_worked_on_by_others_is_no_ground_station_of_chinas(reference):
    text = "The Bolivian Space Agency's receiving station near La Paz was modernised by Airbus."
    assert _stations(reference, text) == set()


def test_a_station_set_up_with_chinese_help_opening_the_sentence_is_the_builders(reference):
    text = (
        "With Chinese assistance, Ethiopia set up a satellite receiving station at the Entoto "
        "Observatory."
    )
    assert _stations(reference, text) == {"ethiopia"}
