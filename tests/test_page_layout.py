"""How a page is laid out must not decide whether it is read: a news page typed at a
fixed width, a list item followed by a remark at the margin, a list titled by a line
of its own, are read as a person reads them."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.model import Cooperation, Document, DocumentMeta
from graph.normalise import clean_text
from graph.recognise import _after_footnotes

WRAPPED_PAGE = """Andes Orbit Weekly
Home | World | Space | Science | Opinion | Subscribe
You are here: Home > Space

Chile's first radar satellite heads to a Chinese launch site

By Marta Rojas, staff writer
Share: Facebook | X | Email | Print

SANTIAGO - Chile and China will exchange radar and optical satellite data under a
plan that the two space agencies announced on Monday, officials in Santiago said. The
satellite itself was built in Chile and is to be launched from Jiuquan in the spring
of next year, after a series of tests that ended in
2030. Engineers from both countries finished them in December.

Chilean students will train in Harbin on satellite operations, according to the
plan, which runs for five years.

Related headlines
- Peru weighs a second Earth observation satellite
- Bolivia's ground station gets new antennas

(c) 2031 Andes Orbit Weekly. All rights reserved.
"""


def _facts(reference, text: str, *, kind: str, title: str = "Page") -> list[Cooperation]:
    meta = DocumentMeta("doc", "doc.txt", title, "Test", "2031-03", kind)
    extraction = extract.extract_corpus([Document(meta, Path("doc.txt"), text)], reference)
    return [f for f in extraction.facts if isinstance(f, Cooperation)]


def test_a_hard_wrapped_article_is_its_body_not_its_related_headlines():
    clean = clean_text(WRAPPED_PAGE, web_page=True).text
    assert "exchange radar and optical satellite data" in clean
    assert "Peru weighs" not in clean and "Share:" not in clean and "Subscribe" not in clean


def test_blank_lines_part_the_paragraphs_of_a_wrapped_article():
    clean = clean_text(WRAPPED_PAGE, web_page=True)
    paragraphs = [clean.text[p.start : p.end] for p in clean.paragraphs]
    assert any(p.startswith("Chilean students will train in Harbin") for p in paragraphs)
    # a year that opens a line ends a cut sentence; it is no list item numbered 2030
    assert any("tests that ended in 2030. Engineers" in p for p in paragraphs)


def test_the_facts_of_a_hard_wrapped_article_are_found(reference):
    found = {(f.partner, f.area) for f in _facts(reference, WRAPPED_PAGE, kind="news-article")}
    assert ("chile", "data-exchange") in found
    assert ("chile", "training-and-education") in found
    assert not any(partner in ("peru", "bolivia") for partner, _area in found)


SHEET = """REGIONAL DATA NETWORK — partners exchanging Earth observation data with China
• Kenya — weekly flood imagery, since 2029
• Ghana — receives radar scenes every rainy season

ORBITAL DEBRIS WATCH — PLANNED, first light 2033
• Chile — telescope site near Antofagasta
Harbin Institute of Technology builds the telescopes; it is a Chinese university.
"""


@pytest.fixture(scope="module")
def sheet(reference):
    facts = _facts(reference, SHEET, kind="white-paper", title="Fact sheet")
    return {(f.partner, f.area, f.status.name) for f in facts}


@pytest.mark.parametrize(
    "fact",
    [
        # the line above the bullets titles them, and its data exchange is their area
        ("kenya", "data-exchange", "ACHIEVED"),
        ("ghana", "data-exchange", "ACHIEVED"),
        # a title that says PLANNED plans its items
        ("chile", "space-debris", "PLANNED"),
    ],
)
def test_a_line_over_bulleted_items_gives_them_area_and_time(sheet, fact):
    assert fact in sheet


def test_a_sentence_at_the_margin_after_an_item_is_no_part_of_it():
    clean = clean_text(SHEET)
    paragraphs = [clean.text[p.start : p.end] for p in clean.paragraphs]
    assert "• Chile — telescope site near Antofagasta" in paragraphs
    assert any(p.startswith("Harbin Institute of Technology builds") for p in paragraphs)


def test_an_item_cut_mid_phrase_goes_on_at_the_margin():
    text = "PARTNERS\n• Peru — a telescope run by staff of the National University of\nSan Marcos\n"
    clean = clean_text(text)
    assert "University of San Marcos" in clean.text


def test_a_short_line_that_the_next_goes_on_with_is_no_heading():
    text = (
        "4.1 SVOM\n\n"
        "The Space-based Variable Objects Monitor (SVOM) was\n"
        "developed jointly by China and France and launched in 2024 from Xichang, as\n"
        "planned since the first studies of the mission in the early years of the decade.\n"
        "It carries four instruments, two of them built in France, and many more things.\n"
        "The satellite sends its alerts to the ground within minutes of each burst seen.\n"
    ) * 2
    clean = clean_text(text)
    headings = [clean.text[p.start : p.end] for p in clean.paragraphs if p.heading]
    assert all("developed jointly" not in h for h in headings)


def test_the_spelt_out_name_of_a_curated_acronym_is_that_entity(reference):
    text = (
        "The Space-based multi-band astronomical Variable Objects Monitor (SVOM) was "
        "developed jointly by China and France and launched from Xichang in 2024."
    )
    meta = DocumentMeta("svom", "svom.txt", "SVOM", "Test", "2025", "white-paper")
    extraction = extract.extract_corpus([Document(meta, Path("svom.txt"), text)], reference)
    assert not any(e.discovered and "Monitor" in e.label for e in extraction.entities)
    crafts = {
        (f.activity, f.partner, f.spacecraft)
        for f in extraction.facts
        if type(f).__name__ == "SpacecraftActivity"
    }
    assert ("jointly-developed", "france", "svom") in crafts


def test_a_capitalised_line_cut_at_the_margin_of_wrapped_text_is_no_heading():
    # nine capitalised words, no full stop: a heading by its form, but as long as the
    # text's other lines, so the margin cut it and the sentence goes on below
    text = (
        "Research with the partners of the programme grew steadily through the years\n"
        "of the decade, as the agencies exchanged staff and shared the costs of work\n"
        "in orbit. In 2029 the Hellenic Institute for Plasma Studies and the Nordic\n"
        "Laboratories for Magnetospheric Physics (NLMP) supplied the Ion-Drift Velocity\n"
        "Meter for Zhangheng-3, which was launched in the spring of the following year.\n"
        "Both bodies have since proposed instruments for the next satellites of the kind,\n"
        "and a working group on their data meets twice a year, in Athens and in Tromso,\n"
        "to agree on how the measurements are calibrated and shared with other teams.\n"
        "Students of the two institutes spend a term at the centre in Beijing, where the\n"
        "satellite is controlled, and the first of them have finished their theses now.\n"
        "A second instrument, a magnetometer, is being studied for a launch after 2033,\n"
        "though no agreement on it has been signed and the costs are still not settled.\n"
    )
    clean = clean_text(text)
    paragraphs = [clean.text[p.start : p.end] for p in clean.paragraphs]
    assert any("Ion-Drift Velocity Meter for Zhangheng-3" in p for p in paragraphs)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # items that name no area take the heading's area, and with it its mission
        (
            "CHINA SPACE STATION \u2014 SPACE SCIENCE EXPERIMENTS SELECTED IN 2031\n\n"
            "The second call was run with the United Nations. Among the projects chosen:\n\n"
            "\u2022 Chile and Peru: COSMO-3, a cosmic-ray telescope\n"
            "\u2022 Kenya: a study of plant growth in weightlessness\n",
            {
                ("chile", "space-science", "china-space-station"),
                ("peru", "space-science", "china-space-station"),
                ("kenya", "space-science", "china-space-station"),
            },
        ),
        # a payload line that names no mission flies on the heading's
        (
            "CHANG'E-8 PAYLOADS\n\n"
            "\u2022 A lunar dust counter, led by the University of Bern with the "
            "Hellenic Space Centre; mounted on the lander, about 2029.\n",
            {
                ("university-of-bern", "payloads", "change-8"),
                ("hellenic-space-centre", "payloads", "change-8"),
            },
        ),
    ],
)
def test_items_take_the_mission_and_area_of_their_heading(reference, lines, expected):
    text = "Partners fact sheet\n\n" + lines
    found = {(f.partner, f.area, f.mission) for f in _facts(reference, text, kind="white-paper")}
    assert expected <= found


SHEET_WITH_NOTED_HEADINGS = """INSTRUMENTS FROM ABROAD

TIANWEN-3 PAYLOADS (launch planned for 2028)
- Peru: dust and plasma monitor
- Chile: talks on a spectrometer ended without an agreement; no Chilean instrument will fly

CHANG'E-7 PAYLOADS (launched 1 August 2026)
- Kenya: lunar neutron counter
"""


def test_a_heading_in_capitals_with_a_note_in_small_letters_titles_its_items(reference):
    facts = {
        (f.partner, f.area, f.mission)
        for f in _facts(reference, SHEET_WITH_NOTED_HEADINGS, kind="white-paper")
    }
    # the items are the heading's payloads, on its mission, whatever their own words
    # ("lunar", "plasma") say of the instrument
    assert ("peru", "payloads", "tianwen-3") in facts
    assert ("kenya", "payloads", "change-7") in facts
    assert not any(area != "payloads" for _p, area, _m in facts)


def test_an_item_that_says_nothing_came_of_it_gives_no_fact(reference):
    partners = {f.partner for f in _facts(reference, SHEET_WITH_NOTED_HEADINGS, kind="white-paper")}
    assert "chile" not in partners


def test_a_superscript_footnote_after_a_year_ends_its_sentence():
    text = "Kenya launched it in July 2029.\u00b9 China built Zuhura-2 in 2030."
    pieces = _after_footnotes(text, 0, len(text))
    assert [text[a:b] for a, b in pieces] == [
        "Kenya launched it in July 2029.\u00b9",
        "China built Zuhura-2 in 2030.",
    ]


def test_a_number_with_a_decimal_point_is_no_footnote():
    text = "It runs version 2.1 The Orbit Planner."
    assert _after_footnotes(text, 0, len(text)) == [(0, len(text))]


def test_a_speaker_s_wrapped_answer_is_one_paragraph():
    text = clean_text(
        "Q: When did the cooperation begin?\n\n"
        "A: In 2029, when our agency and the China National Space Administration signed\n"
        "a memorandum on lunar science. We have met every quarter since then.\n\n"
        "Status: in orbit\n"
        "launched from Jiuquan\n"
    )
    paragraphs = [text.text[p.start : p.end] for p in text.paragraphs]
    assert (
        "A: In 2029, when our agency and the China National Space Administration signed a "
        "memorandum on lunar science. We have met every quarter since then." in paragraphs
    )
    # a short field is still a line of its own
    assert "Status: in orbit" in paragraphs


def test_a_masthead_naming_the_publisher_gives_no_area_to_the_page(reference):
    text = (
        "Caspian Institute for Space Law and Policy\n\n"
        "SATELLITES AND GROUND STATIONS\n\n"
        "The Tajik Space Agency has worked with CNSA since 2028.\n"
    )
    areas = {f.area for f in _facts(reference, text, kind="white-paper")}
    assert "space-law-and-policy" not in areas


def test_an_item_s_own_work_wins_over_its_heading_s_field(reference):
    text = (
        "PARTNERS IN LUNAR AND DEEP-SPACE EXPLORATION\n"
        "- Chile: tracking of Chang'e-6 from the station at Santiago, 2024\n"
        "- Peru: joined the International Lunar Research Station in 2025\n"
    )
    facts = {(f.partner, f.area) for f in _facts(reference, text, kind="white-paper")}
    assert ("chile", "tt-c") in facts
    assert ("peru", "lunar-and-deep-space-exploration") in facts


def test_a_numbered_paragraph_cut_at_the_margin_goes_on_with_the_next_line():
    lines = [
        "9. The delegates of the forum agreed that the regional data cubes should be",
        "linked to one another before the end of the coming year, in all the cities.",
        "10. Kazakhstan's National Centre for Remote Sensing and Environmental",
        "Studies (NCRSES) reported that its station at Almaty was upgraded in 2029",
        "and that it now receives Fengyun data every day from the Chinese side.",
        "11. The delegates also thanked the host country and its agencies for the",
        "arrangements made for the forum, which all agreed had been very good.",
    ]
    text = clean_text("\n".join(lines * 2) + "\n")
    paragraphs = [text.text[p.start : p.end] for p in text.paragraphs]
    assert any(
        p.startswith(
            "10. Kazakhstan's National Centre for Remote Sensing and Environmental Studies"
        )
        for p in paragraphs
    )


def test_an_answer_cut_mid_sentence_goes_on_on_the_next_line_whatever_its_case():
    text = (
        "Q: Who built your first satellite?\n\n"
        "A: That is right. Andes-1, our first CubeSat, was built with Pontifical Catholic\n"
        "University in Santiago and was carried to orbit by a rideshare in 2021.\n"
    )
    clean = clean_text(text)
    assert "built with Pontifical Catholic University in Santiago" in clean.text


GUIDE_PAGE = """  The visitor centre tells the story of each launch from the pad, with
  flags of the partner countries hung in the hall above the models of
  the probes and the rockets that carried them to the Moon and beyond.
  Tianwen-2, launched in 2025, carried two foreign passengers on its
  way to the asteroid it now studies from close by:
    \u2022 a dust analyser supplied by the University of Tartu
    \u2022 a small camera from the Kyushu Institute of Technology, which
      was mounted on the side of the sample return capsule

  Next up is Tianwen-4, due to leave Wenchang for Jupiter at the end of
  the decade. It will carry instruments from Peru, Chile and Nepal, and
  the partners will share its data with scientists in their countries.
"""


def test_a_paragraph_back_at_the_margin_after_a_list_is_no_part_of_its_last_item():
    # the page is wrapped (its blank lines alone part nothing), but a blank line and a
    # line set back out of the list end the item that has no full stop
    clean = clean_text(GUIDE_PAGE)
    paragraphs = [clean.text[p.start : p.end] for p in clean.paragraphs]
    assert any(p.startswith("Next up is Tianwen-4") for p in paragraphs)
    assert not any("capsule Next up" in p for p in paragraphs)
