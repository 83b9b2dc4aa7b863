"""Status reports list records: an entry title, then one field per line ("Partners:",
"Status:"). Each field is a line of its own, the section heading above the entries gives
their mission and area, and a record whose status says it was withdrawn states nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.model import Cooperation, Document, DocumentMeta

REPORT = """QUARTERLY REPORT ON PARTNER EXPERIMENTS ABOARD THE CHINA SPACE STATION

B.1 Lunar dust adhesion rig
    Partners: Chile, Peru
    Status: integrated; flight in 2032.

B.2 Moss growth under microgravity (seed cassettes)
    Partner: Kenya
    Status: returned to Earth in March 2031.

B.3 Ion trap clock demonstrator
    Partners: Norway
    Status: WITHDRAWN by the proposing team in 2030.
"""


def _cooperation(
    reference, text: str, *, title: str = "Report", issued: str = "2031", kind: str = "white-paper"
) -> list[Cooperation]:
    """The cooperation facts of ``text`` read as one document of the given kind."""
    meta = DocumentMeta("doc", "doc.txt", title, "Test", issued, kind)
    extraction = extract.extract_corpus([Document(meta, Path("doc.txt"), text)], reference)
    return [f for f in extraction.facts if isinstance(f, Cooperation)]


@pytest.fixture(scope="module")
def found(reference):
    return {(f.partner, f.area, f.mission) for f in _cooperation(reference, REPORT)}


@pytest.mark.parametrize("partner", ["chile", "peru", "kenya"])
def test_each_records_partners_are_payload_partners_of_the_sections_mission(found, partner):
    assert (partner, "payloads", "china-space-station") in found


def test_a_withdrawn_record_states_no_cooperation(found):
    assert not any(partner == "norway" for partner, _area, _mission in found)


SHEET = """PARTNER INSTRUMENTS ON CHANG'E-9 (LAUNCH IN 2031)
Chang'e-9 will take four foreign instruments to the Moon:
• Kenya Space Agency, Nairobi — a dust counter
• Chile: a seismometer

CHINA SPACE STATION — PARTNER EXPERIMENTS (TO FLY FROM 2031)
The two rounds of selection ended in 2029; the station will host them in turn.
- Peru: a study of plant roots in weightlessness
"""


@pytest.fixture(scope="module")
def sheet(reference):
    facts = _cooperation(reference, SHEET, issued="2029-05")
    return {(f.partner, f.area, f.mission, f.status.name) for f in facts}


@pytest.mark.parametrize(
    "fact",
    [
        # a heading in capitals ending with its bracket; the town between name and dash
        ("kenya-space-agency", "payloads", "change-9", "PLANNED"),
        ("chile", "payloads", "change-9", "PLANNED"),
        # items after the heading's prose still belong to the heading; a later year plans
        ("peru", "payloads", "china-space-station", "PLANNED"),
    ],
)
def test_fact_sheet_items_take_their_headings_mission_area_and_time(sheet, fact):
    assert fact in sheet


PAGE = """Home | News | Missions | Contact

CHANG'E-9 AT A GLANCE
Launch mass ....... about 8,000 kg
Target ............ the lunar far side

PARTNER INSTRUMENTS
Chang'e-9 will carry three instruments from abroad. Each line names the partner.
- Kenya Space Agency, with Uganda's National Space Office (NSO): a dust counter
- Chile: a seismometer (lander)
- Peru: has no instrument on the mission

(c) 2031 Lunar Desk. All rights reserved.
"""


@pytest.fixture(scope="module")
def page(reference):
    facts = _cooperation(reference, PAGE, title="Chang'e-9 fact sheet", kind="news-article")
    return {(f.partner, f.area, f.mission) for f in facts}


@pytest.mark.parametrize(
    "fact",
    [
        # a line's label may name two bodies; the page's title names the mission
        ("kenya-space-agency", "payloads", "change-9"),
        ("national-space-office", "payloads", "change-9"),
        ("chile", "payloads", "change-9"),
    ],
)
def test_a_web_fact_sheets_payload_lines(page, fact):
    assert fact in page


def test_a_line_that_says_the_partner_has_none_states_nothing(page):
    assert not any(partner == "peru" for partner, _area, _mission in page)


def test_a_web_page_without_a_sites_furniture_is_read_whole(reference):
    text = (
        "FACT SHEET\nForeign instruments, 2031\n\n"
        "CHANG'E-9 - PAYLOADS\n- Kenya: a dust counter\n\n"
        "Chang'e-9 will fly in 2033 with the payloads above, the agency said in a note.\n"
    )
    facts = _cooperation(reference, text, title="Fact sheet", kind="news-article")
    assert ("kenya", "change-9") in {(f.partner, f.mission) for f in facts}
