"""Entry lines of a fact sheet ("- NigComSat-1R: built by CGWIC, launched from
Xichang") under a heading that is a partner's name alone: the craft China made or
launched was for that partner, unless the line names whom the work was for or with; a
craft others made and launched gives nothing. New sheets of my own."""

from __future__ import annotations

from tests.one_document import activities_of, cooperations_of


def test_an_entry_under_a_partners_heading_was_for_that_partner(reference):
    text = (
        "AFRICA\n\n"
        "Malawi\n"
        "  - LakeSat-2: built by China Great Wall Industry Corporation (CGWIC), launched "
        "from Xichang, May 2031.\n"
    )
    assert activities_of(reference, text) == {
        ("built", "malawi", "lakesat-2"),
        ("launched", "malawi", "lakesat-2"),
    }


def test_the_body_an_entry_names_beats_its_heading(reference):
    text = (
        "Kenya\n"
        "  - KenSat-5: jointly developed with the Kenya Space Agency (KSA); launched from "
        "Jiuquan on 2 March 2031.\n"
    )
    assert activities_of(reference, text) == {
        ("jointly-developed", "kenya-space-agency", "kensat-5"),
        ("launched", "kenya-space-agency", "kensat-5"),
    }


def test_an_entry_for_a_craft_others_made_and_launched_gives_nothing(reference):
    text = (
        "Malawi\n  - LakeSat-3: built by Surrey Satellite Technology, launched by SpaceX in 2031.\n"
    )
    assert activities_of(reference, text) == set()


def test_a_list_of_partners_divided_by_region_names_the_partners_of_its_mission(reference):
    text = (
        "International Cooperation\n\n"
        "ILRS partners by continent\n\n"
        "Africa\n"
        "- Kenya (2026)\n"
        "- Zambia Space Agency, Zambia (2027)\n\n"
        "Asia\n"
        "- Laos (2025)\n"
    )
    ilrs = ("lunar-and-deep-space-exploration", "international-lunar-research-station")
    assert cooperations_of(reference, text) == {
        ("kenya", *ilrs),
        ("zambia-space-agency", *ilrs),
        ("laos", *ilrs),
    }


def test_a_line_that_only_names_an_instrument_and_its_maker_is_a_payload(reference):
    text = "Chang'e-8 payloads\n- Seismometer, Kyrgyz State Technical University\n"
    assert cooperations_of(reference, text) == {
        ("kyrgyz-state-technical-university", "payloads", "change-8")
    }
