"""Who a spacecraft was made and launched for, when a line says who did the work: the
body a clause names with "for" is the customer, whatever country the line's label or the
craft's name gives; a craft built with others alone was not China's work; a craft built
by a partner and launched by China was launched for that partner. New sentences."""

from __future__ import annotations

from tests.one_document import activities_of


def test_the_body_the_work_was_for_beats_the_lines_label(reference):
    text = "- Bolivia: TKSAT-2, built by China for the Bolivian Space Agency (ABE), 2031."
    assert activities_of(reference, text) == {
        ("built", "bolivian-space-agency", "tksat-2"),
    }


def test_the_body_the_work_is_for_beats_the_country_in_the_crafts_name(reference):
    text = (
        "China will build two more satellites, GhanaSat-4 and GhanaSat-5, for the "
        "Ghana Space Science and Technology Institute."
    )
    assert activities_of(reference, text) == {
        ("built", "ghana-space-science-and-technology-institute", "ghanasat-4"),
        ("built", "ghana-space-science-and-technology-institute", "ghanasat-5"),
    }


def test_a_craft_built_with_others_alone_was_not_chinas_work(reference):
    text = (
        "- Kenya: KenSat-3, built with the University of Nairobi and Tohoku University, "
        "launched by Rocket Lab in 2030."
    )
    assert activities_of(reference, text) == set()


def test_a_craft_built_with_a_partner_by_china_still_counts(reference):
    text = "CAST built KenSat-4 with the Kenya Space Agency in 2031."
    assert activities_of(reference, text) == {
        ("jointly-developed", "kenya-space-agency", "kensat-4"),
    }


def test_a_craft_built_by_a_partner_and_launched_by_china_is_launched_for_it(reference):
    text = (
        "- Oman: OmanSat-1 and OmanSat-2 were built by the Oman Space Institute and "
        "launched by China as rideshare payloads in 2031."
    )
    assert activities_of(reference, text) == {
        ("launched", "oman-space-institute", "omansat-1"),
        ("launched", "oman-space-institute", "omansat-2"),
    }


def test_a_launch_by_others_not_by_china_gives_nothing(reference):
    text = "- Mali: MaliSat-1 was built in Toulouse and launched by Arianespace, not by China."
    assert activities_of(reference, text) == set()


def test_satellites_described_not_named_are_the_ones_built_for_the_partners(reference):
    """ "built and launched weather or Earth observation satellites for A, B and C": the
    crafts are described, not named, and the craft another clause names is that
    clause's own."""
    text = (
        "Over the decade, China has built and launched weather or Earth observation "
        "satellites for Bolivia, Laos and Kenya, and it handed over NamSat-2 to Namibia "
        "in orbit in 2030."
    )
    found = activities_of(reference, text)
    assert ("delivered", "namibia", "namsat-2") in found
    assert {(a, p) for a, p, craft in found if craft is None} == {
        (activity, partner)
        for activity in ("built", "launched")
        for partner in ("bolivia", "laos", "kenya")
    }
    assert not any(craft == "namsat-2" and a != "delivered" for a, _p, craft in found)
