"""A document named in apposition to a general word ("A second document, a letter of
intent on ..., was signed by A and B") is signed by the parties of the clause after it.
New text of my own."""

from __future__ import annotations

from graph.model import Agreement
from tests.one_document import facts_of


def test_the_document_in_apposition_is_signed_by_the_next_clauses_parties(reference):
    text = (
        "A second document, a letter of intent on a weather satellite, was signed by the "
        "Chilean Space Agency and China Great Wall Industry Corporation in 2024.\n"
    )
    agreements = facts_of(reference, text, kind=Agreement)
    assert {(a.agreement_kind, a.parties, a.signed_on) for a in agreements} == {
        (
            "letter-of-intent",
            ("chilean-space-agency", "china-great-wall-industry-corporation"),
            "2024",
        )
    }
