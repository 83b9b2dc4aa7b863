"""Partners that join after another take the mission it joined: "Peru joined the
International Lunar Research Station in 2031. Chile and Bolivia followed in 2032.
Uruguay signed up in 2033." A partner that has not joined, or a sentence that names a
mission of its own, takes nothing. A sentence that opens with "Its universities" (or
engineers, agency ...) speaks of the partner just named. Every sentence here is new."""

from __future__ import annotations

from graph.model import Cooperation
from tests.one_document import facts_of

ILRS = "international-lunar-research-station"
LUNAR = "lunar-and-deep-space-exploration"
OPENING = "Peru joined the International Lunar Research Station in 2031. "


def _partners(reference, text: str) -> dict[str, tuple[str, str | None]]:
    return {f.partner: (f.area, f.mission) for f in facts_of(reference, text, kind=Cooperation)}


def test_partners_that_follow_or_sign_up_join_the_same_mission(reference):
    text = OPENING + "Chile and Bolivia followed in 2032. Uruguay signed up at the end of 2033."
    found = _partners(reference, text)
    assert {k: found.get(k) for k in ("chile", "bolivia", "uruguay")} == {
        "chile": (LUNAR, ILRS),
        "bolivia": (LUNAR, ILRS),
        "uruguay": (LUNAR, ILRS),
    }


def test_a_partner_that_has_not_followed_joins_nothing(reference):
    assert "ecuador" not in _partners(reference, OPENING + "Ecuador has not followed.")


def test_a_sentence_with_a_mission_of_its_own_keeps_it(reference):
    text = OPENING + "Chile joined the SMILE science team in 2032."
    assert _partners(reference, text).get("chile", (None, None))[1] != ILRS


def test_nothing_carries_over_a_heading(reference):
    text = OPENING + "\n\nOTHER NEWS\n\nChile followed a different path in 2032."
    assert "chile" not in _partners(reference, text)


def test_its_people_in_the_next_sentence_are_the_partner_just_named(reference):
    text = OPENING + "Its universities have also worked with Chinese scientists on space weather."
    assert _partners(reference, text).get("peru") is not None
    assert ("peru", "space-weather") in {
        (f.partner, f.area) for f in facts_of(reference, text, kind=Cooperation)
    }
