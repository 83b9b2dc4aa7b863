"""A context line, then items: a heading, a block's ruled strip or a lead-in sentence says
which mission a list is about (and often that its items are payloads), and each item
below names a partner and what it gave. The chain from context to item must hold
whatever the layout: a numbered strip with pipes between rulings, a subtitle set right
under it, an item wrapped onto a deeper line, a lead-in whose paragraph names the
mission, a partner after an article or its country's possessive, a bracketed note in
the heading that names a second mission. Every text here is new."""

from __future__ import annotations

from graph.normalise import clean_text
from tests.one_document import cooperations_of

_RULE = "-" * 64


def test_a_ruled_strip_with_pipes_heads_its_block_and_its_subtitle(reference):
    # a media sheet: the strip names the mission, the line under it says what is listed
    text = (
        "GUEST HARDWARE ON CHINESE PROBES\n\n"
        "Each line gives the contributor, a colon, then the hardware.\n\n"
        f"{_RULE}\n"
        "1  CHANG'E-4 | far-side landing | launched 8 December 2018\n"
        "   Guest instruments (all flown)\n"
        f"{_RULE}\n"
        "   Sweden: a neutral atom analyser on the rover, run from Kiruna\n"
        "   Netherlands and Saudi Arabia: a radio receiver, made jointly\n"
        "     by institutes of the two countries\n"
        "   Germany: a dosimeter on the lander, switched on at night\n"
    )
    found = cooperations_of(reference, text)
    assert {
        ("sweden", "payloads", "change-4"),
        ("netherlands", "payloads", "change-4"),
        ("saudi-arabia", "payloads", "change-4"),
        ("germany", "payloads", "change-4"),
    } <= found


def test_a_wrapped_short_item_goes_on_with_its_line_not_as_a_lead_in():
    text = (
        "Payloads\n\n"
        "   Chile and Peru: a small camera, designed jointly\n"
        "     by the two countries' universities\n"
        "   Oman: a crystal furnace\n"
    )
    clean = clean_text(text)
    paragraphs = [clean.text[p.start : p.end] for p in clean.paragraphs]
    assert (
        "Chile and Peru: a small camera, designed jointly by the two countries' universities"
        in paragraphs
    )


def test_a_strip_under_a_ruling_carries_its_mission_past_a_record_paragraph(reference):
    text = (
        "PARTNER EXPERIMENTS\n\n"
        f"{_RULE}\n"
        "3  CHINA SPACE STATION | guest experiments\n"
        "   Chosen in the 2021 call; the first flew in 2024\n"
        f"{_RULE}\n"
        "   Background: the China Manned Space Agency and the Oman Space Agency signed an\n"
        "   agreement in Muscat in 2019 on human spaceflight.\n\n"
        "   Peru: plant growth in orbit, with seeds from the Andes\n"
        "   Mongolia: a cell culture study\n"
    )
    found = cooperations_of(reference, text)
    assert ("peru", "payloads", "china-space-station") in found
    assert ("mongolia", "payloads", "china-space-station") in found


def test_a_lead_in_whose_paragraph_names_the_mission(reference):
    # an annual report: the mission is in the sentence before "They come from:", and the
    # items name bodies after an article or their country's possessive
    text = (
        "3.2  Guest payloads\n\n"
        "Four guest instruments chosen for Chang'e-8 reached the integration hall in June.\n"
        "They come from:\n\n"
        "   - Mongolia's Information Technology and Space Agency (ITSA), a thermal imager;\n"
        "   - the Technical University of Denmark (DTU), a star tracker;\n"
        "   - Kyrgyz State Technical University, a dust counter.\n"
    )
    found = cooperations_of(reference, text)
    partners = {p for p, a, m in found if a == "payloads" and m == "change-8"}
    assert "technical-university-of-denmark" in partners
    assert "kyrgyz-state-technical-university" in partners
    assert "information-technology-and-space-agency" in partners


def test_a_heading_note_naming_another_mission_leaves_the_heading_its_own(reference):
    # a wire factbox: the bracketed note names the station the mission prepares for
    text = (
        "FACTBOX-Guest payloads on the next Moon probe\n\n"
        "CHANG'E-8 (about 2028; a pathfinder for the International Lunar Research Station)\n\n"
        "The agency has named two guest payloads so far:\n\n"
        "* Oman - the Oman Space Agency will send a small rover.\n"
        "* Peru - the Peruvian Space Agency will send a laser reflector.\n"
    )
    found = cooperations_of(reference, text)
    assert ("oman-space-agency", "payloads", "change-8") in found
    assert ("peruvian-space-agency", "payloads", "change-8") in found


def test_words_of_the_missions_own_field_describe_a_payload(reference):
    # under a Moon mission, "lunar" in an item describes the instrument, not a second area
    text = (
        "CHANG'E-6 (lunar far-side sample return; landed June 2024)\n\n"
        "* Chile - a cubesat that mapped lunar craters from orbit.\n"
        "* Peru - a dust counter for the lunar surface.\n"
    )
    found = cooperations_of(reference, text)
    assert ("chile", "payloads", "change-6") in found
    assert ("peru", "payloads", "change-6") in found
    assert not {(p, a) for p, a, _m in found if a == "lunar-and-deep-space-exploration"}


def test_a_tables_header_between_rulings_is_no_heading():
    text = (
        "The projects below were chosen.\n\n"
        "No. | Project | Lead institution\n"
        "----|---------|-----------------\n"
        "01 | FLOW-2 | University of Tartu (Estonia)\n"
    )
    clean = clean_text(text)
    headings = [clean.text[p.start : p.end] for p in clean.paragraphs if p.heading]
    assert "No. | Project | Lead institution" not in headings


def test_a_release_highlight_that_opens_with_a_craft_names_no_partner(reference):
    text = (
        "Highlights\n\n"
        "* KESTREL-1, a 3U cubesat built by students of the University of Tartu, flew as a\n"
        "  passenger.\n"
    )
    found = cooperations_of(reference, text)
    assert not {p for p, _a, _m in found if p.startswith("kestrel")}
