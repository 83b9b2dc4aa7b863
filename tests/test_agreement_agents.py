"""The signers a document's participle or passive names after "by" ("a plan, signed on
12 June by A (AO) and B"), however the parse hangs the second name; and the day a list's
item gives its document with "dated". Every text here is new."""

from __future__ import annotations

from graph.model import Agreement
from tests.one_document import facts_of

# a forum's report: the signing told in a participle after the document, a date and a
# short form in brackets between the verb and the second signer
_REPORT = (
    "Geodesy week closes in Bergen\n"
    "\n"
    "The week ended with a navigation cooperation plan, signed on 2 September 2024 by "
    "the China Satellite Navigation Office (CSNO) and the Nordic Geodesy Council (NGC), "
    "which sets up four reference stations.\n"
    "\n"
    "A memorandum of understanding that was signed in Quito on 8 March 2023 by the "
    "Andean Remote Sensing Centre (ARSC) and the China Academy of Space Technology "
    "covers a small radar satellite.\n"
)

# a ministry's statement: outcomes listed with their days, one signer named by its owner
_OUTCOMES = (
    "Statement on the visit of the Vice-Minister\n"
    "\n"
    "The following documents were exchanged during the visit:\n"
    "- a cooperation agreement between the China National Space Administration and the "
    "Baltic Space Institute on space weather, dated 21 November 2022;\n"
    "- a letter of intent, adopted in Riga by CNSA and Latvia's Institute of Solid State "
    "Physics, on detector research.\n"
)


def _signed(reference, text: str) -> set[tuple[str, tuple[str, ...], str | None]]:
    return {
        (a.agreement_kind, a.parties, a.signed_on)
        for a in facts_of(reference, text, issued="2024-12-01", kind=Agreement)
    }


def test_the_names_after_by_sign_a_participle_with_a_date_and_short_forms(reference):
    assert (
        "plan",
        ("china-satellite-navigation-office", "nordic-geodesy-council"),
        "2024-09-02",
    ) in _signed(reference, _REPORT)


def test_a_relative_clause_in_the_passive_is_signed_by_its_agents(reference):
    assert (
        "memorandum-of-understanding",
        ("andean-remote-sensing-centre", "china-academy-of-space-technology"),
        "2023-03-08",
    ) in _signed(reference, _REPORT)


def test_a_listed_document_takes_the_day_it_is_dated(reference):
    assert (
        "agreement",
        ("baltic-space-institute", "china-national-space-administration"),
        "2022-11-21",
    ) in _signed(reference, _OUTCOMES)


def test_an_owner_before_a_signer_is_not_a_signer_of_its_own(reference):
    signed = _signed(reference, _OUTCOMES)
    letters = [parties for kind, parties, _d in signed if kind == "letter-of-intent"]
    assert letters == [("china-national-space-administration", "institute-of-solid-state-physics")]
