"""A mission named in apposition to the subject ("Its successor, Tianwen-3, ...") is the
craft whose verb carries the partners' instruments, also when that verb is coordinated
with another ("is due in 2030 and will carry ..."). Each text is new, with names of its
own, in a news register and in an official one."""

from __future__ import annotations

from tests.one_document import cooperations_of

_NEWS = (
    "Mars sample return plans advance\n\n"
    "Tianwen-2 reached its asteroid in 2026. Its successor, Tianwen-3, is due to launch in "
    "2030 and will carry instruments from Peru, Ghana and Norway to Mars.\n"
)

_REPORT = (
    "Chapter 4. Lunar exploration\n\n"
    "The first sample return was achieved in 2020. The follow-on mission, Chang'e-6, "
    "lifted off in May 2024 and took along a radon detector supplied by the University "
    "of Coimbra and an ion analyser from Finland.\n"
)


def test_the_mission_in_apposition_to_the_subject_carries_the_instruments(reference):
    found = cooperations_of(reference, _NEWS)
    assert {
        ("peru", "payloads", "tianwen-3"),
        ("ghana", "payloads", "tianwen-3"),
        ("norway", "payloads", "tianwen-3"),
    } <= found
    assert ("peru", "payloads", None) not in found


def test_the_same_in_an_official_register(reference):
    found = cooperations_of(reference, _REPORT)
    assert ("university-of-coimbra", "payloads", "change-6") in found
    assert ("finland", "payloads", "change-6") in found


def test_a_partner_that_is_the_subject_of_its_own_clause_is_not_paired(reference):
    """The mission is the subject of the first verb only; Norway does its own thing."""
    found = cooperations_of(
        reference,
        "Its successor, Tianwen-3, is due to launch in 2030, and Norway has since built a "
        "ground station with CNSA near Tromso.\n",
    )
    assert not any(key[0] == "norway" and key[2] == "tianwen-3" for key in found)


def test_the_makers_of_a_craft_named_in_apposition_are_not_its_payloads(reference):
    """ "The ..., or X, was built by A": A made the craft; it flies nothing on it."""
    found = cooperations_of(
        reference,
        "The probe, Tianwen-3, was designed by the University of Otago and CAST.\n",
    )
    assert ("university-of-otago", "payloads", "tianwen-3") not in found
