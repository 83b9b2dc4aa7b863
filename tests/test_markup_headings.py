"""Headings written in a markup's marks (Markdown's "## Partners", a wiki's
"== Payloads ==", a bold "**Agreements**") are headings, and a table's header row that
comes back over each of its tables is the table's header, not a page's running header.
New text of my own."""

from __future__ import annotations

from graph.headings import heading_level
from graph.normalise import clean_text
from tests.one_document import activities_of

LIST_ARTICLE = """Satellites China has built for other nations

Since the 2000s China has delivered satellites to several customers.

== Communications satellites ==

| Satellite | Customer | Launched | Vehicle | China's role | Notes |
|---|---|---|---|---|---|
| TupacSat-1 | Bolivia | 20 December 2013 | Long March 3B | built, launched | First |

== Earth observation satellites ==

| Satellite | Customer | Launched | Vehicle | China's role | Notes |
|---|---|---|---|---|---|
| KhmerSat-2 | Cambodia | 3 June 2019 | Long March 2D | built, launched | Angkor |
| FijiSat-1 | Fiji | 5 May 2020 | Long March 4B | launched | Shared ride |
"""


def _headings(text: str) -> list[str]:
    clean = clean_text(text)
    return [clean.text[p.start : p.end] for p in clean.paragraphs if p.heading]


def test_markdown_wiki_and_bold_headings_are_headings():
    text = (
        "Title\n\n## Partners in Asia\n\nThailand joined the station.\n\n"
        "=== Payloads ===\n\nSome text here.\n\n**Agreements**\n\nMore text.\n"
    )
    assert _headings(text) == ["Title", "## Partners in Asia", "=== Payloads ===", "**Agreements**"]


def test_an_emphasised_word_opening_a_sentence_is_not_a_heading():
    assert "**Note** the launch slipped to May." not in _headings(
        "Title\n\n**Note** the launch slipped to May.\n"
    )


def test_the_marks_give_the_depth():
    assert heading_level("# Part one") < heading_level("## Asia") < heading_level("### Thailand")
    assert heading_level("== Satellites ==") < heading_level("=== Launched ===")


def test_every_table_under_a_repeated_header_row_is_read(reference):
    assert activities_of(reference, LIST_ARTICLE) == {
        ("built", "bolivia", "tupacsat-1"),
        ("launched", "bolivia", "tupacsat-1"),
        ("built", "cambodia", "khmersat-2"),
        ("launched", "cambodia", "khmersat-2"),
        ("launched", "fiji", "fijisat-1"),
    }
