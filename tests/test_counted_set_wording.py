"""How English writes one counted set: two describing words joined by "and" ("12 Central
Asian and Caucasian countries"), a count whose sentence goes on with another verb ("with
19 Arab countries and has trained ..."), governments counted like countries; and numbers
that count nothing: a table's or a figure's number, a chart's sample size. Two registers
(a news report, a report's key-figure lines); new text of my own."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.model import CooperationTotal, Document, DocumentMeta


def _totals(reference, text: str, kind: str) -> set[int]:
    meta = DocumentMeta("sets", "sets.txt", "Sets", "Test", "2031", kind)
    text = "Space ties in numbers.\n\n" + text  # a first line alone would be the title
    extraction = extract.extract_corpus([Document(meta, Path("sets.txt"), text)], reference)
    return {f.quantity for f in extraction.facts if isinstance(f, CooperationTotal)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two proper adjectives joined: one set of countries
        (
            "By 2030 China had concluded more than 40 cooperation documents with 12 "
            "Central Asian and Caucasian countries.",
            {40, 12},
        ),
        # two adjectives with an adjective's ending
        (
            "Nine bilateral and multilateral cooperation documents were signed in the year.",
            {9},
        ),
        # the count's sentence goes on with a verb of its own: still a count of countries
        (
            "According to the ministry's tally, China has concluded space agreements with 19 "
            "Arab countries and has trained engineers for several of them.",
            {19},
        ),
        # governments are counted like countries
        (
            "Seven governments in the Pacific now hold a satellite data memorandum with "
            "China.",
            {7},
        ),
    ],
)
def test_one_counted_set_in_news_wording(reference, text, expected):
    assert _totals(reference, text, "news-article") == expected


def test_joined_words_that_are_not_describing_words_make_no_set(reference):
    """ "two decades building and launching satellites": verbs, not one set's words."""
    text = "Kenya has spent two decades building and launching satellites for its farmers."
    assert _totals(reference, text, "news-article") == set()


def test_key_figures_count_but_references_and_samples_do_not(reference):
    text = (
        "Key figures\n\n"
        "Partner agencies with data agreements ............ 14\n\n"
        "Agreements signed for the stations listed in Table 3\n\n"
        "Chart 2: cooperation documents signed per year (n = 88)"
    )
    assert _totals(reference, text, "white-paper") == {14}
