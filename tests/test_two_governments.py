""""The two governments" or "the two countries" that sign a document are states: China
and the one foreign country named just before, even when that country was named only by
its agency's owner or a demonym, and even when the sentence before named no partner
group at all. New text of my own."""

from __future__ import annotations

from graph.model import Agreement
from tests.one_document import facts_of


def _parties(reference, text: str) -> set[tuple[str, ...]]:
    return {f.parties for f in facts_of(reference, text, kind=Agreement)}


def test_the_two_countries_are_the_state_not_the_agency_named_before(reference):
    text = (
        "Bolivia's space agency ABE has worked with CNSA on remote sensing since 2012. "
        "In 2019 the two countries signed a supplementary agreement on a receiving station."
    )
    assert _parties(reference, text) == {("bolivia", "china")}


def test_a_demonym_before_names_the_other_government(reference):
    text = (
        "The Uruguayan agency has a long record with China. It all started in 2001, "
        "when the two governments signed a cooperation agreement."
    )
    assert _parties(reference, text) == {("china", "uruguay")}


def test_a_compound_name_before_names_the_other_government(reference):
    text = (
        "The Chile-China satellite programme goes back a long way.\n\n"
        "The two governments signed the original cooperation protocol on 4 May 1994."
    )
    found = facts_of(reference, text, kind=Agreement)
    assert [(f.parties, f.signed_on) for f in found] == [(("chile", "china"), "1994-05-04")]


def test_two_foreign_countries_before_leave_the_governments_unread(reference):
    text = (
        "Peru and Ecuador both bought satellites from China. "
        "The two governments signed a memorandum of understanding in 2015."
    )
    assert _parties(reference, text) == set()


def test_the_two_countries_of_another_clause_sign_nothing(reference):
    text = (
        "Oman's new agency was set up in 2024. Both countries are members of the same "
        "regional forum, and China has signed cooperation documents with every state in it."
    )
    assert _parties(reference, text) == set()


def test_the_two_governments_of_a_signing_clause_after_the_document(reference):
    text = (
        "Paraguay's first satellite was built in Xi'an. It rests on an intergovernmental "
        "agreement on satellite data, signed by our two governments in June 2017."
    )
    found = facts_of(reference, text, kind=Agreement)
    assert [(f.parties, f.signed_on) for f in found] == [(("china", "paraguay"), "2017-06")]
