"""A news page may set a promotion inside its article (a newsletter box, an
advertisement, "Read more:") and go on with the story under it: the story after the box
is still the article. What only ends a page (a copyright line, readers' comments, the
author's note, related links) still ends it. Every sentence here is new."""

from __future__ import annotations

from pathlib import Path

from graph import extract
from graph.model import Cooperation, Document, DocumentMeta
from graph.normalise import clean_text

STORY_TOP = """\
Menu | World | Business | Science | Space
Science > Space

Chile and China widen work on astronomy data, officials say
By Marta Ibarra, 4 March 2031

SANTIAGO -- Chile's astronomers will share survey data with the Chinese Academy of
Sciences from next year under a plan announced in Santiago on Tuesday, officials from
both countries said at a joint briefing held at the foreign ministry.

The plan builds on a decade of radio astronomy work in the Atacama desert, where a
Chinese-built antenna has observed pulsars since the early part of the last decade.
"""

BOX = """\
   ****************************************************************
   *  THE ORBIT LETTER -- space news in your inbox every Friday    *
   *  Subscribe now: [ your email ]                  [ Sign up ]   *
   ****************************************************************
"""

STORY_BOTTOM = """\
WHAT COMES NEXT

Uruguay will also work with China on space weather forecasting, the Uruguayan
delegation told reporters after the briefing, and a first joint workshop is set for
the autumn in Montevideo with scientists from both sides.
"""

FOOTER = """\
Copyright 2031 Southern Cone Wire. All rights reserved.
"""


def _facts(reference, page: str) -> set[tuple[str, str]]:
    meta = DocumentMeta(
        "page", "page.txt", "Page", "Southern Cone Wire", "2031-03-04", "news-article"
    )
    extraction = extract.extract_corpus([Document(meta, Path("page.txt"), page)], reference)
    return {(f.partner, f.area) for f in extraction.facts if isinstance(f, Cooperation)}


def test_the_story_goes_on_under_a_newsletter_box_set_inside_it(reference):
    found = _facts(reference, STORY_TOP + "\n" + BOX + "\n" + STORY_BOTTOM + "\n" + FOOTER)
    assert ("chile", "data-exchange") in found
    assert ("uruguay", "space-weather") in found


def test_the_box_itself_is_not_part_of_the_article():
    clean = clean_text(STORY_TOP + "\n" + BOX + "\n" + STORY_BOTTOM + "\n" + FOOTER, web_page=True)
    assert "Uruguay will also work with China" in clean.text
    assert "Subscribe" not in clean.text and "Copyright" not in clean.text


def test_a_copyright_line_still_ends_the_article():
    page = STORY_TOP + "\n" + FOOTER + "\n" + STORY_BOTTOM
    clean = clean_text(page, web_page=True)
    assert "Chile's astronomers" in clean.text
    assert "Uruguay" not in clean.text


def test_readers_comments_under_a_box_are_not_the_article():
    comments = "Comments (2)\n\n" + STORY_BOTTOM.split("\n\n", 1)[1]
    clean = clean_text(STORY_TOP + "\n" + BOX + "\n" + comments, web_page=True)
    assert "Uruguay" not in clean.text


LISTICLE = """\
Menu | World | Business | Science | Space

10 moments that defined a year in space

1. Peru joins a lunar project
In May 2031, Peru became the latest country to sign up to the International Lunar Research Station.
Read more: Inside Peru's space ambitions

2. A Kenyan instrument for the Moon
Nairobi confirmed in June 2031 that a Kenyan-built dust analyser will fly on Chang'e-8 next year.
Read more: Kenya's road to the Moon

(c) 2031 Orbit Weekly. All rights reserved.
"""


def test_a_story_line_right_above_a_read_more_link_stays_in_the_article():
    text = clean_text(LISTICLE, web_page=True).text
    assert "Peru became the latest country" in text
    assert "Read more" not in text
