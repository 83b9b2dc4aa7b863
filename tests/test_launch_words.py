"""Words of launching beyond "launch": a craft "sent aloft", or "put ... into orbit" when
the parser hangs the orbit on the craft rather than on the verb. New sentences of my own."""

from __future__ import annotations

from tests.one_document import activities_of


def test_a_craft_sent_aloft_was_launched(reference):
    text = "GhanaSat-3, Ghana's first radar satellite, was sent aloft from Jiuquan on Oct. 19."
    assert activities_of(reference, text) == {("launched", "ghana", "ghanasat-3")}


def test_a_craft_put_into_orbit_past_a_long_apposition_was_launched(reference):
    text = (
        "A Long March 4C put KenSat-2, a radar satellite China built for Kenya, into orbit "
        "from Xichang on July 31."
    )
    assert ("launched", "kenya", "kensat-2") in activities_of(reference, text)


def test_sent_without_aloft_or_orbit_is_no_launch(reference):
    text = "China sent KenSat-2 data to Kenya's ground station in Nairobi."
    assert not {a for a in activities_of(reference, text) if a[0] == "launched"}


def test_unnamed_crafts_of_a_partner_carried_up_were_launched_for_it(reference):
    text = (
        "In 2024 three Kenyan satellites rode Chinese rockets into orbit. A Long March 6 "
        "carried two Omani cubesats to orbit from Taiyuan in 2025."
    )
    assert activities_of(reference, text) == {
        ("launched", "kenya", None),
        ("launched", "oman", None),
    }


def test_a_sentence_naming_the_crafts_gives_no_unnamed_launch(reference):
    text = (
        "A Long March 2D lifted off from Jiuquan carrying two Saudi satellites, "
        "SaudiSat-5A and SaudiSat-5B."
    )
    assert ("launched", "saudi-arabia", None) not in activities_of(reference, text)
