"""Capitals that act for their governments, crafts carried in a payload list, partners
listed beside a Chinese body, instruments named by whose they are, and organisations
listed after a body's own subsidiaries. Every sentence here is new."""

from __future__ import annotations

from graph.model import Agreement, Participation
from tests.one_document import cooperations_of, facts_of


def test_a_capital_that_signs_is_its_country(reference):
    text = (
        "Moscow and Beijing signed a memorandum of understanding on a lunar power station "
        "in April 2030."
    )
    agreements = facts_of(reference, text, kind=Agreement)
    assert [(a.parties, a.signed_on) for a in agreements] == [(("china", "russia"), "2030-04")]


def test_a_capital_without_accents_is_still_its_country(reference):
    text = "In November 2030 Beijing signed a new accord with Brasilia on the CBERS-7 satellite."
    assert {a.parties for a in facts_of(reference, text, kind=Agreement)} == {("brazil", "china")}


def test_a_capital_where_something_happens_is_a_place(reference):
    """Signed *in* a capital: the place of the signing, not a party to it."""
    text = (
        "The China National Space Administration signed a cooperation plan with Roscosmos "
        "in Nairobi in 2030."
    )
    parties = {a.parties for a in facts_of(reference, text, kind=Agreement)}
    assert parties and all("kenya" not in p for p in parties)


def test_a_capital_that_joins_a_mission_is_a_partner(reference):
    text = "Dakar has joined the International Lunar Research Station, officials said."
    assert (
        "senegal",
        "lunar-and-deep-space-exploration",
        "international-lunar-research-station",
    ) in (cooperations_of(reference, text))


def test_a_craft_in_a_carried_list_is_a_payload_not_the_mission(reference):
    """The subject carries; a cubesat among the things carried is one of them."""
    text = (
        "The Tianwen-4 mission, which in 2030 set off toward Jupiter, carried a magnetometer "
        "from Austria, a dust counter from Germany and the XQ-3 cubesat from Japan."
    )
    found = cooperations_of(reference, text)
    for partner in ("austria", "germany", "japan"):
        assert (partner, "payloads", "tianwen-4") in found
    assert not any(mission == "xq-3" for _p, _a, mission in found)


def test_partners_listed_with_a_chinese_body_share_its_work(reference):
    """The parse may hang "with" on the object; the list holding China's body counts."""
    text = (
        "The University of Bern is building the spectrometer with the National Space Science "
        "Center, the University of Leicester and the Space Research Centre of Poland."
    )
    partners = {p for p, area, _m in cooperations_of(reference, text) if area == "payloads"}
    assert {
        "university-of-bern",
        "university-of-leicester",
        "space-research-centre-of-poland",
    } <= partners


def test_an_instrument_of_a_body_is_a_payload_from_it(reference):
    text = (
        "Tianwen-5 will carry the dust analyser DXA of the German Aerospace Center and the "
        "Swiss Space Office, the HRC camera of Austria and Spain's MIRA spectrometer."
    )
    found = cooperations_of(reference, text)
    for partner in ("german-aerospace-center", "swiss-space-office", "austria", "spain"):
        assert (partner, "payloads", "tianwen-5") in found
    assert not any(p.startswith("dxa") for p, _a, _m in found)  # no "DXA of the ..." body


def test_a_countrys_own_cubesat_is_no_payload_of_a_mission_it_names(reference):
    """ "Pakistan's ICUBE-Q cubesat": a craft of its own, not an instrument from Pakistan
    on a mission called ICUBE-Q."""
    text = "Chang'e-9 will also carry Pakistan's ICUBE-R cubesat to lunar orbit."
    assert not any(m == "icube-r" for _p, _a, m in cooperations_of(reference, text))


def test_organisations_listed_as_a_bodys_subsidiaries_are_each_taken_part_in(reference):
    text = (
        "China takes part in the work of the Committee on the Peaceful Uses of Outer Space and "
        "its two subcommittees, the Group on Earth Observations and the Committee on Space "
        "Research."
    )
    found = {f.organisation for f in facts_of(reference, text, kind=Participation)}
    assert {
        "committee-on-the-peaceful-uses-of-outer-space",
        "group-on-earth-observations",
        "committee-on-space-research",
    } <= found


def test_serving_as_an_organisations_lead_agency_is_taking_part_in_it(reference):
    text = (
        "In 2030 the China National Space Administration again served as lead agency of the "
        "International Charter on Space and Major Disasters."
    )
    found = {f.organisation for f in facts_of(reference, text, kind=Participation)}
    assert "international-charter-on-space-and-major-disasters" in found


def test_two_capitals_agreeing_on_a_mission_cooperate_on_it(reference):
    text = (
        "Islamabad and Beijing agreed to send a Pakistani astronaut to the Chinese space station."
    )
    assert ("pakistan", "human-spaceflight", "china-space-station") in cooperations_of(
        reference, text
    )


def test_a_bare_co_before_a_line_break_does_not_stop_the_reading(reference):
    """ "co- operate" (a hyphen left by a line break) is a word of its own, no crash."""
    text = "The Kenya Space Agency and China will co- operate on the KenSat-9 mission."
    assert isinstance(cooperations_of(reference, text), set)
