"""A list line may give the thing first and its partners after it ("Dust counter -
University of Tartu (Estonia)"), as slide decks and fact sheets do: under a lead-in about
payloads or partners, the bodies such a line names are partners on the lead-in's mission,
and a record's field ("Operators: ...") is not. A slide or page mark starts its headings
afresh. Every sentence here is new."""

from __future__ import annotations

from graph.model import Cooperation
from tests.one_document import facts_of


def _cooperation(reference, text: str) -> set[tuple[str, str, str | None, str]]:
    return {
        (f.partner, f.area, f.mission, f.status.value)
        for f in facts_of(reference, text, kind=Cooperation)
    }


SLIDES = """=== Slide 3 of 9 ===
Tianwen-3 (planned 2030): foreign instruments
\u2022 Dust counter \u2014 University of Tartu (Estonia)
\u2022 Radiation monitor \u2014 Kyushu Institute of Technology (Japan) with Mahidol University
---
MarsConf 2031 | Session 2 | 3

=== Slide 4 of 9 ===
Ground segment partners
\u2022 Tracking antenna \u2014 Chile
"""


def test_the_bodies_after_an_instrument_are_partners_on_the_lead_ins_mission(reference):
    found = _cooperation(reference, SLIDES)
    assert ("university-of-tartu", "payloads", "tianwen-3", "planned") in found
    assert ("kyushu-institute-of-technology", "payloads", "tianwen-3", "planned") in found
    assert ("mahidol-university", "payloads", "tianwen-3", "planned") in found


def test_a_new_slide_does_not_inherit_the_last_slides_mission_or_plan(reference):
    chile = [f for f in _cooperation(reference, SLIDES) if f[0] == "chile"]
    assert chile and all(f[2] is None and f[3] == "achieved" for f in chile)


def test_a_fact_sheet_line_with_a_colon_works_the_same(reference):
    text = "Tianwen-3 partner payloads\n- Dust counter: University of Tartu (Estonia)\n"
    assert {f[0] for f in _cooperation(reference, text)} == {"university-of-tartu"}


def test_a_records_field_of_operators_names_no_partner(reference):
    text = (
        "Tianwen-3 at a glance\n"
        "- Operators: China Academy of Space Technology; University of Tartu (Estonia)\n"
    )
    assert _cooperation(reference, text) == set()


def test_a_bullet_of_names_under_a_list_of_partners_names_partners_of_its_mission(reference):
    text = "Members of the ILRS (2032)\n- Peru\n- Chile, Uruguay and Nepal\n"
    assert {f[0] for f in _cooperation(reference, text)} == {"peru", "chile", "uruguay", "nepal"}
    assert {f[2] for f in _cooperation(reference, text)} == {"international-lunar-research-station"}


def test_a_bullet_of_names_under_any_other_heading_names_no_partner(reference):
    text = "Countries visited by the delegation in 2032\n- Peru\n- Chile, Uruguay and Nepal\n"
    assert _cooperation(reference, text) == set()


RULED_SHEET = """PLANETARY PAYLOADS - PARTNER CONTRIBUTIONS

==================================================
B2 | TIANWEN-4 — payload contributions
Launch: planned 2029, Long March 5
==================================================

  * Plasma analyser
      - Institution: Max Planck Institute for Solar System Research
  1. Dust detector ........... Austria (IWF)
  2. Laser altimeter ......... Portugal
"""


def test_a_ruled_off_heading_a_launch_line_to_come_and_dotted_lines(reference):
    # the ruled block's heading names the mission; its launch line, still to come, makes
    # every line under it a plan; a dotted leader leads an instrument to its giver, and a
    # sub-line's "Institution:" names the giver of the item above it
    found = _cooperation(reference, RULED_SHEET.replace("planned 2029", "planned 2035"))
    assert {
        ("max-planck-institute-for-solar-system-research", "payloads", "tianwen-4", "planned"),
        ("austria", "payloads", "tianwen-4", "planned"),
        ("portugal", "payloads", "tianwen-4", "planned"),
    } <= found


def test_a_launch_line_in_the_past_leaves_the_lines_achieved(reference):
    found = _cooperation(reference, RULED_SHEET.replace("planned 2029", "2024"))
    assert ("portugal", "payloads", "tianwen-4", "achieved") in found
