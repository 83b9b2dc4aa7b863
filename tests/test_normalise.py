"""Normalisation: clean text for reading, with a map back to the file on disk."""

from __future__ import annotations

from graph.normalise import clean_text

PDF = (
    "China and Brazil, through the mechanism of the Space Cooperation Sub-\n\n"
    "committee, signed a memorandum on space co-\n\noperation and co-\n\nsponsored the "
    "Inter-\n\nnational work. \n\n19 \n\n- China and Russia signed the Outline. \n"
)


def test_hyphenated_line_breaks_are_joined_as_the_document_writes_the_word():
    clean = clean_text(PDF + "Sub-committee cooperation international")
    assert "Sub-committee," in clean.text  # hyphenated elsewhere in the document
    assert "space cooperation" in clean.text  # unhyphenated elsewhere
    assert "co-sponsored" in clean.text  # a prefix that keeps its hyphen
    assert "International work" in clean.text


def test_page_numbers_between_wrapped_lines_disappear_and_bullets_start_paragraphs():
    clean = clean_text(PDF)
    assert "19" not in clean.text
    paragraphs = [clean.text[p.start : p.end] for p in clean.paragraphs]
    assert paragraphs[-1] == "- China and Russia signed the Outline."


def test_every_clean_span_maps_back_to_the_same_words_in_the_raw_file():
    clean = clean_text(PDF)
    at = clean.text.index("space cooperation")
    start, end = clean.to_raw(at, at + len("space cooperation"))
    assert PDF[start:end] == "space co-\n\noperation"
    for i, ch in enumerate(clean.text):
        if not ch.isspace():
            assert PDF[clean.offsets[i]] == ch


def test_a_clean_document_is_left_as_it_is():
    raw = "First paragraph ends here.\n\nSecond one, with a list: a, b and c.\n"
    clean = clean_text(raw)
    assert clean.text == "First paragraph ends here.\n\nSecond one, with a list: a, b and c."
    assert len(clean.paragraphs) == 2


PAGE = """Home / News / Space
A headline without a full stop
Mar 3, 2031     Print  Email

China and Chile signed a memorandum of understanding on lunar exploration on Monday, officials said.
A short heading
The two countries will jointly develop a remote-sensing satellite for agricultural monitoring soon.

Related news
Russia and China sign lunar station agreement
Northrop Grumman wins contract for new lander
Something else entirely in the list
Copyright 2031 Example News. All rights reserved, and this line is long enough to be prose.
"""


def test_web_page_chrome_is_dropped_and_the_article_body_kept():
    clean = clean_text(PAGE, web_page=True)
    assert clean.text.startswith("China and Chile signed")
    assert "A short heading" in clean.text  # a heading inside the body stays
    assert clean.text.endswith("agricultural monitoring soon.")
    for chrome in ("Home", "headline", "Related", "Russia", "Northrop", "Copyright"):
        assert chrome not in clean.text


def test_windows_line_ends_map_back_too():
    raw = "China cooperated with Sweden on pay-\r\n\r\nloads in 2019.\r\n"
    clean = clean_text(raw)
    assert clean.text == "China cooperated with Sweden on payloads in 2019."
    start, end = clean.to_raw(0, len(clean.text))
    assert raw[start:end] == raw.rstrip()


def test_a_heading_in_capitals_stands_alone_after_an_unfinished_line():
    text = (
        "• Kenya Space Agency — a camera, the first of its\n"
        "  kind in the region\n"
        "CHANG'E-9 - INSTRUMENTS - LAUNCHED 2033\n"
        "• Chile: a seismometer\n"
    )
    clean = clean_text(text)
    headings = [clean.text[p.start : p.end] for p in clean.paragraphs if p.heading]
    assert headings == ["CHANG'E-9 - INSTRUMENTS - LAUNCHED 2033"]


def test_the_quoted_lines_of_a_reply_are_read_without_their_markers():
    text = "Thank you.\n\n> On 2 May, Li Wei wrote:\n> The centre will carry the monitor.\n"
    clean = clean_text(text)
    assert ">" not in clean.text
    assert "The centre will carry the monitor." in clean.text


def test_a_speaker_label_with_a_title_in_capitals_stays_in_its_sentence(reference):
    from graph.recognise import Recogniser

    clean = clean_text("SENATOR ALVAREZ: And Peru?\n\nDR. MORENO: China built a station there.\n")
    spans = Recogniser(reference.gazetteer).sentences(clean)
    assert "DR. MORENO: China built a station there." in [clean.text[a:b] for a, b in spans]


def test_an_agenda_items_numbered_title_is_a_heading_of_its_own():
    text = "Item 2. Review of ongoing projects\n2.1 The two sides reviewed the satellite.\n"
    clean = clean_text(text)
    assert [p.heading for p in clean.paragraphs] == [True, False]


def test_a_footnotes_superscript_after_a_full_stop_leaves_the_sentence_ending_there():
    clean = clean_text("It returned samples in 2020.\u2074 Researchers of X studied them.\n")
    assert "2020. Researchers" in clean.text
    assert "km\u00b2" in clean_text("An area of 4 km\u00b2 was mapped.\n").text


def test_a_hanging_indent_parts_the_entries_of_a_list():
    # each entry wraps deeper than it starts; a line back at the entry's indent is the next
    raw = (
        "  KEY LAUNCHES\n"
        "  Kenya (2029) - KenSat-3, a weather satellite built\n"
        "    by CAST for Kenya and launched from Taiyuan\n"
        "  Ghana (2030) - GhanaSat-2, developed jointly with Ghana\n"
        "    and launched from Jiuquan\n"
    )
    paragraphs = [p for p in clean_text(raw).text.split("\n\n") if p.strip()]
    assert paragraphs[1:] == [
        "Kenya (2029) - KenSat-3, a weather satellite built by CAST for Kenya and launched from "
        "Taiyuan",
        "Ghana (2030) - GhanaSat-2, developed jointly with Ghana and launched from Jiuquan",
    ]


def test_a_first_line_indent_still_opens_a_paragraph_that_goes_on_at_the_margin():
    raw = (
        "    China and Kenya signed the memorandum in 2029. It covers\n"
        "weather satellites and training.\n"
        "    The first satellite flew in 2030. It was built\n"
        "by CAST.\n"
    )
    text = clean_text(raw).text
    assert "It covers weather satellites and training." in text
    assert "It was built by CAST." in text
