"""Work China does beside a partner, worded through their people: "joint research by
Peruvian and Chinese scientists", "a course held in Wuhan for engineers from Peru and
Chile", "data from the new satellite are shared with X". People trained in their
own country or elsewhere are no cooperation of China's. Every sentence here is new."""

from __future__ import annotations

from graph.model import Cooperation
from tests.one_document import facts_of


def _cooperation(reference, text: str) -> set[tuple[str, str, str | None]]:
    return {(f.partner, f.area, f.mission) for f in facts_of(reference, text, kind=Cooperation)}


def test_joint_work_by_a_partners_and_chinas_people_is_cooperation(reference):
    text = "Joint research on space weather by Peruvian and Chinese scientists began in 2031."
    assert _cooperation(reference, text) == {("peru", "space-weather", None)}


def test_a_course_held_in_china_for_a_partners_engineers_trains_them(reference):
    text = "A course on BeiDou applications was held in Wuhan for engineers from Peru and Chile."
    beidou = "beidou-navigation-satellite-system"
    assert _cooperation(reference, text) == {
        ("peru", "training-and-education", beidou),
        ("chile", "training-and-education", beidou),
    }


def test_engineers_trained_outside_china_are_no_cooperation(reference):
    text = "A course on radar imaging was held in Toulouse for engineers from Peru and Chile."
    assert _cooperation(reference, text) == set()


def test_data_shared_a_few_words_after_the_data_are_a_data_exchange(reference):
    text = "Data from the new satellite are shared with the Peruvian Space Agency by China."
    assert {area for _p, area, _m in _cooperation(reference, text)} == {"data-exchange"}


def test_data_china_shares_with_partners_is_a_data_exchange_with_each(reference):
    text = (
        "China has trained 200 engineers of the region, and has shared Fengyun "
        "meteorological data with Cuba, Colombia and Costa Rica."
    )
    assert {(p, a) for p, a, _m in _cooperation(reference, text)} >= {
        ("cuba", "data-exchange"),
        ("colombia", "data-exchange"),
        ("costa-rica", "data-exchange"),
    }
