"""A long text that says its paragraphs again finds each distinct paragraph's curated
names once, and gives the mentions one scan of the whole text gives, in the same order
and at the same offsets; a text that repeats little is scanned whole."""

from __future__ import annotations

import pytest

from benchmarks.large_document_bench import distinct_text, large_text
from graph import mentions_said_again
from graph.extract import Reference
from graph.recognise import Found, Recogniser


@pytest.fixture
def recogniser(reference: Reference) -> Recogniser:
    assert reference.gazetteer is not None
    return Recogniser(reference.gazetteer)


@pytest.mark.parametrize("headed", [True, False], ids=["chapters", "one-run"])
def test_the_benchmark_s_repeated_text_gives_the_mentions_of_one_scan(
    recogniser: Recogniser, headed: bool
) -> None:
    text = large_text(600_000, headed=headed)
    alone = recogniser._mentions(text)
    assert mentions_said_again.mentions(recogniser._mentions, text) == alone
    assert len(alone) > 2_000


def test_a_paragraph_said_again_is_searched_once_and_its_names_moved(
    recogniser: Recogniser,
) -> None:
    given: list[str] = []

    def find(text: str) -> list[Found]:
        given.append(text)
        return recogniser._mentions(text)

    said = "The European Space\nAgency and CNSA met."
    text = "\n\n".join([said] * 10) + "\n\n\nRoscosmos too.\n"
    found = mentions_said_again.mentions(find, text)
    assert found == recogniser._mentions(text)
    # (a piece after a break opens with its second line end and ends with the next's first)
    assert given.count(f"\n{said}\n") == 1
    esa = [f.start for f in found if f.text == "European Space\nAgency"]
    assert len(esa) == 10 and all(text.startswith("European Space\nAgency", s) for s in esa)


def test_a_text_that_repeats_little_is_scanned_whole(recogniser: Recogniser) -> None:
    given: list[str] = []

    def find(text: str) -> list[Found]:
        given.append(text)
        return recogniser._mentions(text)

    text = distinct_text(300_000)
    assert mentions_said_again.mentions(find, text) == recogniser._mentions(text)
    assert given == [text]
