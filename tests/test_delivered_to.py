"""Satellites handed over to their owners: "delivered satellites in orbit to A and B"
names whom they went to after the orbit they went to, one delivery per owner, with no
craft named. New text of my own."""

from __future__ import annotations

from tests.one_document import activities_of


def test_satellites_delivered_in_orbit_to_a_list_are_one_delivery_per_owner(reference):
    text = (
        "The China Great Wall Industry Corporation has since handed over communications "
        "satellites in orbit to Laos, Nigeria and Bolivia.\n"
    )
    assert activities_of(reference, text) == {
        ("delivered", "laos", None),
        ("delivered", "nigeria", None),
        ("delivered", "bolivia", None),
    }


def test_delivered_to_without_the_orbit_is_the_same(reference):
    assert activities_of(reference, "China delivered two satellites to Laos.\n") == {
        ("delivered", "laos", None)
    }
