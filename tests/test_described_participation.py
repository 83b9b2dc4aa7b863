"""Participation said where the organisation is described rather than in the main
clause: a participle ("founded in 2027 and hosted by China", "led by China"), a relative
clause with "that" or on a noun set beside the name ("the grouping that China
co-founded"), "whose ... office China has hosted"; a fact sheet's line labelled with the
organisation ("X: China is the host country"); a body's experts as its subject, speaking
for China ("represents China in"), briefing a body, sending officials to its meetings,
reporting on something to it. Two registers (a news report, a fact sheet); new text of
my own."""

from __future__ import annotations

from graph.model import Participation
from tests.one_document import facts_of


def _bodies(reference, text: str) -> set[tuple[str, str]]:
    text = "Regional space bodies.\n\n" + text  # a first line alone would be the title
    return {(f.organisation, f.role) for f in facts_of(reference, text, kind=Participation)}


def test_participles_and_relative_clauses_that_describe_a_body(reference):
    text = (
        "Peru joined the Andean Space Council, the grouping that China co-founded with "
        "Chile and Bolivia, in 2024.\n\n"
        "The International Lunar Research Association, set up in Wuhan in 2027 and hosted "
        "by China, admitted two members.\n\n"
        "The Pacific Geodesy Network, a chain of tracking observatories led by China, now "
        "has twelve sites."
    )
    assert _bodies(reference, text) == {
        ("andean-space-council", "participant"),
        ("international-lunar-research-association", "host"),
        ("pacific-geodesy-network", "chair"),
    }


def test_a_body_another_country_hosts_or_leads_is_not_chinas(reference):
    text = (
        "Kenya joined the African Space Council, a body that Egypt hosts in Cairo.\n\n"
        "The Space Weather Panel, led by Japan, met in Tokyo."
    )
    assert _bodies(reference, text) == set()


def test_a_fact_sheet_line_labelled_with_the_body(reference):
    text = (
        "China in regional bodies:\n\n"
        "- Asia-Pacific Space Cooperation Organization (APSCO): China is the host country "
        "and funds its small satellite projects.\n"
        "- Group on Earth Observations (GEO): Kenya is a member.\n"
        "- World Meteorological Organization: China supports its satellite programme with "
        "Fengyun data.\n"
        "- International Astronautical Federation \u2014 CNSA a member since 1990.\n"
        "- Committee on Space Research: China trains staff of the member bodies."
    )
    assert _bodies(reference, text) == {
        ("asia-pacific-space-cooperation-organization", "host"),
        ("world-meteorological-organization", "participant"),
        ("international-astronautical-federation", "participant"),
    }


def test_what_a_chinese_body_and_its_people_do_in_a_body(reference):
    text = (
        "Experts from the China Meteorological Administration also took part in the "
        "calibration task team of the Committee on Earth Observation Satellites.\n\n"
        "The ministry represents China in the space panel of the International "
        "Telecommunication Union.\n\n"
        "CNSA briefed the World Meteorological Organization on Fengyun-5.\n\n"
        "Each year CMSA reports on its projects to the United Nations Committee on the "
        "Peaceful Uses of Outer Space."
    )
    assert {key for key, _role in _bodies(reference, text)} == {
        "committee-on-earth-observation-satellites",
        "international-telecommunication-union",
        "world-meteorological-organization",
        "committee-on-the-peaceful-uses-of-outer-space",
    }


def test_sending_officials_to_a_bodys_meetings(reference):
    text = "China sends officials to the meetings of the Group on Earth Observations every year."
    assert _bodies(reference, text) == {("group-on-earth-observations", "participant")}


def test_a_gathering_of_the_body_hosted_by_china(reference):
    text = (
        "The minister attended the ninth Council Meeting of the Asia-Pacific Space "
        "Cooperation Organization, hosted by China in Beijing."
    )
    assert _bodies(reference, text) == {("asia-pacific-space-cooperation-organization", "host")}


def test_what_china_launched_or_agreed_with_a_body_is_no_part_in_it(reference):
    """A satellite "which China launched for" a national body, and a centre China hosts
    "under an agreement with" a UN office: neither is China's part in that body."""
    launched = (
        "MoroccoSat-2, an Earth observation satellite built by the Royal Centre for Space "
        "Research and Studies, which China launched for the Royal Centre for Space Research "
        "and Studies from Jiuquan in 2030."
    )
    agreed = (
        "China hosts the training centre under an agreement with the United Nations Office "
        "for Outer Space Affairs."
    )
    assert _bodies(reference, launched) == set()
    assert _bodies(reference, agreed) == set()


def test_a_part_named_after_its_body_stands_for_the_body(reference):
    """A discovered name that opens on a known body's name is that body's part: China
    hosting it is China's part in the body."""
    text = (
        "The WMO Regional Instrument Centre, hosted by the China Meteorological "
        "Administration in Beijing, calibrated twelve radiometers."
    )
    assert _bodies(reference, text) == {("world-meteorological-organization", "host")}
