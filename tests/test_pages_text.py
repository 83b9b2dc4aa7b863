"""Marking evidence passages in a document's text (server.documents_text.highlight)."""

from __future__ import annotations

import re

from server.documents_text import FactRef, Span, highlight

FACTS = {
    1: FactRef(
        1, "https://w3id.org/china-space-kg/id/cooperation/a", "Fact A", "/id/cooperation/a"
    ),
    2: FactRef(
        2, "https://w3id.org/china-space-kg/id/cooperation/b", "Fact B", "/id/cooperation/b"
    ),
}


def plain(html: str) -> str:
    """The text a reader sees: marks removed, fact numbers dropped, entities decoded."""
    no_refs = re.sub(r'<sup class="fact-refs">.*?</sup>', "", html)
    no_tags = re.sub(r"<[^>]+>", "", no_refs)
    return (
        no_tags.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&#34;", '"')
        .replace("&amp;", "&")
    )


def test_a_passage_is_marked_with_its_anchor_and_followed_by_links_to_its_facts():
    text = "Before. The passage. After."
    html = highlight(text, [Span(8, 20, (1, 2))], FACTS)
    assert '<mark id="evidence-8-20" class="evidence"' in html
    assert ">The passage.</mark><sup" in html
    assert 'href="/id/cooperation/a"' in html and 'href="/id/cooperation/b"' in html
    assert plain(html) == text


def test_the_text_is_kept_exactly_and_escaped():
    text = "a <b> & 'c'\n\n  indented line\n"
    html = highlight(text, [Span(2, 5, (1,))], FACTS)
    assert "<b>" not in html.replace("<mark", "").replace("</mark>", "")
    assert plain(html) == text


def test_nested_passages_nest_their_marks():
    text = "0123456789"
    html = highlight(text, [Span(0, 10, (1,)), Span(3, 6, (2,))], FACTS)
    outer, inner = html.index('id="evidence-0-10"'), html.index('id="evidence-3-6"')
    assert outer < inner < html.index("</mark>")
    assert plain(html) == text


def test_crossing_passages_are_split_and_the_anchor_stays_where_the_passage_starts():
    text = "0123456789"
    html = highlight(text, [Span(0, 6, (1,)), Span(4, 9, (2,))], FACTS)
    assert html.count('id="evidence-4-9"') == 1
    assert "evidence-continued" in html
    assert html.count("<mark") == html.count("</mark>") == 3
    assert plain(html) == text


def test_passages_outside_the_text_or_empty_are_left_out():
    text = "short"
    html = highlight(text, [Span(3, 3, (1,)), Span(7, 9, (1,))], FACTS)
    assert "<mark" not in html
    assert plain(html) == text


def test_adjacent_passages_do_not_swallow_each_other():
    text = "One. Two."
    html = highlight(text, [Span(0, 4, (1,)), Span(5, 9, (2,))], FACTS)
    assert re.search(r'id="evidence-0-4"[^>]*>One\.</mark>', html)
    assert re.search(r'id="evidence-5-9"[^>]*>Two\.</mark>', html)
