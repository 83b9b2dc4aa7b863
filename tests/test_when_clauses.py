"""An agreement signed in a "when" clause after a date ("since 2017, when the two
organisations signed ...") is dated by it, and "the two organisations" are the Chinese
body and the partner the same sentence names. New text of my own."""

from __future__ import annotations

from graph.model import Agreement
from tests.one_document import facts_of


def _agreements(reference, text: str) -> set[tuple[tuple[str, ...], str | None]]:
    return {(f.parties, f.signed_on) for f in facts_of(reference, text, kind=Agreement)}


def test_the_two_bodies_of_a_when_clause_are_those_the_sentence_named(reference):
    text = (
        "The National Space Science Center has cooperated with the Thai agency GISTDA since "
        "2019, when the two institutions concluded a memorandum of understanding on space "
        "weather."
    )
    assert _agreements(reference, text) == {
        (("gistda", "national-space-science-center"), "2019"),
    }


def test_a_when_clause_after_a_month_takes_the_month(reference):
    text = (
        "CGWIC has worked with the Kenya Space Agency on Earth observation since May 2017, "
        "when the two organisations signed a contract for KenSat-2."
    )
    assert _agreements(reference, text) == {
        (("china-great-wall-industry-corporation", "kenya-space-agency"), "2017-05"),
    }


def test_a_designator_ending_in_a_letter_ends_its_sentence(reference):
    # the full stop after "KenSat-2R" is no initial's: the next sentence's date and
    # builder are not the contract's
    text = (
        "CGWIC has worked with the Kenya Space Agency since 2008, when the two organisations "
        "signed the contract for KenSat-2R. Built by CAST, KenSat-2R was launched in "
        "August 2011."
    )
    assert _agreements(reference, text) == {
        (("china-great-wall-industry-corporation", "kenya-space-agency"), "2008"),
    }
