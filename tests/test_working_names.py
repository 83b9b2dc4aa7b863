"""A one-word body no reference file lists is named by the work it does with another:
after auxiliaries and adverbs ("has since worked with"), in any form of the verb ("would
work with X on"), and after a bracketed acronym ("(CNSA) and X signed"). New sentences
about invented bodies."""

from __future__ import annotations

import pytest

from graph.working_names import working_names
from tests.one_document import cooperations_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kazcosmos has since worked with CNSA on lunar exploration.",
            ("kazcosmos", "lunar-and-deep-space-exploration", None),
        ),
        (
            "Kazcosmos said it will work with China on lunar exploration by 2035.",
            ("kazcosmos", "lunar-and-deep-space-exploration", None),
        ),
        (
            "China Satellite Communications said that it would work with Uzbekcosmos on "
            "satellite broadband for rural schools.",
            ("uzbekcosmos", "satellite-communications", None),
        ),
        (
            "The China National Space Administration (CNSA) and Kazcosmos signed a "
            "memorandum in 2021. The two agencies have worked together on lunar "
            "exploration ever since.",
            ("kazcosmos", "lunar-and-deep-space-exploration", None),
        ),
    ],
)
def test_a_one_word_body_that_works_with_another_is_a_partner(reference, text, expected):
    assert expected in cooperations_of(reference, text)


@pytest.mark.parametrize(
    "text",
    [
        # people opening a sentence, and a word the paragraph also writes in lower case
        "Engineers have since worked with CNSA on remote sensing.",
        "Partners will work with China on the station. Several partners joined.",
        # a place is no body
        "Nairobi has worked with China on remote sensing.",
    ],
)
def test_people_places_and_common_words_are_no_bodies(text):
    assert working_names("probe", text, 0) == []
