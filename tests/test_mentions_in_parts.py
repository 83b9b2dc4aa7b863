"""A large text's mentions of curated names found in parts by forked processes are those
one pass finds, in the same order and at the same offsets: the text is cut only between
the two line ends of a paragraph break, which no mention crosses."""

from __future__ import annotations

import pytest

from benchmarks.large_document_bench import distinct_text
from graph import mentions_in_parts
from graph.extract import Reference
from graph.recognise import Found, Recogniser


@pytest.fixture
def recogniser(reference: Reference) -> Recogniser:
    assert reference.gazetteer is not None
    return Recogniser(reference.gazetteer)


@pytest.mark.parametrize("parts", [2, 3, 5])
def test_the_corpus_and_held_out_documents_found_in_parts_give_the_same_mentions(
    recogniser: Recogniser, parts: int
) -> None:
    text = distinct_text(1_200_000)  # every plain-text document of the corpus and the sets
    alone = recogniser._mentions(text)
    cuts = mentions_in_parts.break_cuts(text, parts)
    assert len(cuts) == parts + 1  # (each part really is found apart)
    assert mentions_in_parts.mentions(recogniser._mentions, text, parts) == alone
    assert len(alone) > 5_000


def test_a_name_over_one_line_end_is_never_cut(recogniser: Recogniser) -> None:
    # half the text falls inside "European Space\nAgency": the cut waits for the next break
    head = "x" * 1_000 + " the European Space\nAgency"
    tail = " and CNSA.\n\nThe Russian side agreed. "
    text = head + tail + "y" * (2 * head.index("\nAgency") - len(head) - len(tail) + 2)
    assert text[len(text) // 2 - 1 :].startswith("\nAgency")
    cuts = mentions_in_parts.break_cuts(text, 2)
    assert text[cuts[1] - 1 : cuts[1] + 1] == "\n\n"
    found = mentions_in_parts.mentions(recogniser._mentions, text, 2)
    assert found == recogniser._mentions(text)
    assert "European Space\nAgency" in [f.text for f in found]


def test_cuts_fall_only_between_the_line_ends_of_a_paragraph_break() -> None:
    text = "A paragraph.\n\n" * 500 + "A last line\nwith a single line end."
    cuts = mentions_in_parts.break_cuts(text, 4)
    assert cuts[0] == 0 and cuts[-1] == len(text) and len(cuts) == 5
    assert all(text[c - 1 : c + 1] == "\n\n" for c in cuts[1:-1])
    assert mentions_in_parts.break_cuts("No paragraph break at all.", 3) == [0, 26]


def test_a_small_text_is_found_in_one_pass_in_this_process() -> None:
    given: list[str] = []

    def find(text: str) -> list[Found]:
        given.append(text)
        return []

    text = "CNSA and ESA.\n\n" * 100
    assert mentions_in_parts.mentions(find, text) == []
    assert given == [text]  # (under SPLIT_FROM_CHARS: no part, no fork)
