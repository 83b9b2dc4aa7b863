"""What a white paper's long sentences state clause by clause: a coordinated clause with
its own time and subject dates its own agreement; a signing put at a distance from the
sentence's date ("three years after the two sides signed a contract") takes no date from
it, and "a contract for it" has no subject; a satellite "delivered in orbit to" a body is
delivered to it; a station China built or helped to build, with no partner named, stands
in its partner country. Every sentence here is new."""

from __future__ import annotations

from graph.model import Agreement, GroundStation
from tests.one_document import activities_of, facts_of


def _agreements(reference, text: str) -> set[tuple]:
    return {(f.parties, f.signed_on, f.subject) for f in facts_of(reference, text, kind=Agreement)}


def test_a_coordinated_clause_with_its_own_time_dates_its_own_memorandum(reference):
    text = (
        "In 2030 CNSA concluded space cooperation agreements with Namibia and Zimbabwe, and "
        "on 14 April 2031 it signed a memorandum of understanding with the Ministry of "
        "Transport of Peru."
    )
    dates = {p: d for p, d, _s in _agreements(reference, text)}
    assert dates[("china-national-space-administration", "ministry-of-transport-of-peru")] == (
        "2031-04-14"
    )
    assert dates[("china-national-space-administration", "namibia")] == "2030"


def test_a_signing_at_a_distance_from_the_sentence_date_is_undated(reference):
    text = (
        "In 2030 CAST delivered the Nile Observation Satellite (NOS-1) in orbit to the "
        "Egyptian Space Agency, three years after the two sides signed a contract for it in "
        "Cairo."
    )
    assert _agreements(reference, text) == {(("china", "egyptian-space-agency"), None, None)}
    assert ("delivered", "egyptian-space-agency", "nile-observation-satellite") in (
        activities_of(reference, text)
    )


def test_a_station_china_helped_build_stands_in_its_partner_country(reference):
    for text in (
        "A receiving station for Gaofen data was completed in Windhoek, Namibia, with "
        "Chinese help in 2029.",
        "China built a receiving station for Gaofen data in Windhoek, Namibia, in 2029.",
    ):
        partners = {f.partner for f in facts_of(reference, text, kind=GroundStation)}
        assert partners == {"namibia"}, text


def test_a_station_china_only_operated_there_names_no_partner(reference):
    text = "The tracking station that China operated on Tarawa in Kiribati was closed in 2003."
    assert not facts_of(reference, text, kind=GroundStation)


def test_a_fact_sheet_line_naming_a_station_is_its_partners_station(reference):
    sheet = (
        "Ground stations\n"
        "- Chile: CBERS receiving station upgraded with Chinese support, 2030\n"
        "- Peru: ground station at Lurin, built by Thales Alenia Space\n"
        "- Ecuador: tracking of Chang'e-7 from the ground station at Cuenca, 2031\n"
    )
    partners = {f.partner for f in facts_of(reference, sheet, kind=GroundStation)}
    assert partners == {"chile"}  # not another builder's, nor where tracking was done
