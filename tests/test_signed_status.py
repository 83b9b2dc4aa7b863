"""A document its own participle or relative clause says was signed by or with someone
has been signed, whatever the sentence around it plans ("... will train in China under
an agreement signed by A and B"); a signing still to come ("to be signed by", "once
signed by") is not. Every text here is new."""

from __future__ import annotations

from graph.model import Agreement
from tests.one_document import facts_of

# a news report: the plans are the news, the agreements behind them are done
_NEWS = (
    "Greek candidates to train in China\n"
    "\n"
    "Two Greek candidates will train in China next year under an agreement signed by "
    "the China Manned Space Agency and the Hellenic Space Centre in Athens.\n"
    "\n"
    "The Chilean Space Agency will build a camera for the mission under a letter of "
    "intent that it signed with CNSA in April.\n"
)

# an agency's statement of plans: one document still to be signed
_PLANS = (
    "Work programme 2026\n"
    "\n"
    "A contract to be signed by CGWIC and the Hellenic Space Centre will cover a second "
    "satellite.\n"
    "\n"
    "Once signed by the Baltic Space Institute and CNSA, the memorandum will open the "
    "station's data to students.\n"
)


def _statuses(reference, text: str) -> dict[tuple[str, ...], str]:
    return {
        a.parties: a.status.value
        for a in facts_of(reference, text, issued="2025-06-01", kind=Agreement)
    }


def test_a_document_signed_by_its_parties_is_done_under_a_plan(reference):
    statuses = _statuses(reference, _NEWS)
    assert statuses[("china-manned-space-agency", "hellenic-space-centre")] == "achieved"


def test_a_document_its_relative_clause_signs_with_a_partner_is_done(reference):
    statuses = _statuses(reference, _NEWS)
    assert statuses[("chilean-space-agency", "china-national-space-administration")] == ("achieved")


def test_a_signing_still_to_come_is_not_done(reference):
    statuses = _statuses(reference, _PLANS)
    assert statuses.get(("china-great-wall-industry-corporation", "hellenic-space-centre")) != (
        "achieved"
    )
    assert statuses.get(("baltic-space-institute", "china-national-space-administration")) != (
        "achieved"
    )
