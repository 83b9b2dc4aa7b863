"""Agreements read from the frame of their noun in the parse: the verb that made the
document, whatever it is ("put its name to", "came in through", "followed", "adopt"),
and the parties in its subject, its "with", the noun's own "between" and the clause that
describes it ("in which A and B agree"); the day a document is "dated" beside it; the
day "on the same day" means when the signing before named a party no one could place.
Documents only talked about (negotiated, under discussion, expired, hosted) are none.
Every text here is new, in a news register and in an official one."""

from __future__ import annotations

from graph.model import Agreement
from tests.one_document import facts_of

_CNSA = "china-national-space-administration"
_CGWIC = "china-great-wall-industry-corporation"

# a news report: the signers subjects of verbs that are not "signed"
_NEWS = (
    "Southern partners line up for lunar station\n"
    "\n"
    "The Lesotho Space Agency put its name to a cooperation agreement with CNSA in "
    "March 2029, officials said.\n"
    "\n"
    "The Zambia Space Agency came in through a memorandum of understanding signed with "
    "CNSA in Lusaka on 3 May 2030.\n"
    "\n"
    "A cooperation agreement between the Uganda Space Agency and CNSA followed on "
    "4 June 2030.\n"
    "\n"
    "In May 2030, the Botswana Space Science Institute and the China National Space "
    "Administration had put their names to a memorandum of understanding on satellite "
    "data.\n"
)

# an official register: a ministry's note of outcomes, documents dated beside them
_OUTCOMES = (
    "Outcomes of the industrial visit\n"
    "\n"
    "China Great Wall Industry Corporation (CGWIC) closed two deals during the visit.\n"
    "\n"
    "A memorandum of understanding between CGWIC and the Andorra Geomatics Institute, "
    "dated 3 May, covers a communications satellite.\n"
    "\n"
    "A letter of intent, dated 2 April, in which CGWIC and the Moravian Space Research "
    "Centre agree to study a weather satellite.\n"
)

# a press release: the first signing's partner is a delegation no name places
_SAME_DAY = (
    "Signings at the Lunar Week\n"
    "\n"
    "At the opening ceremony on 14 March 2030, CNSA signed a memorandum of understanding "
    "with the visiting delegation. The partners will exchange lunar samples. On the same "
    "day, CNSA and the Uganda Space Agency signed a letter of intent on joining the "
    "station.\n"
)

# documents talked about, not made, and a host that is no party
_TALKED_ABOUT = (
    "Talks continue\n"
    "\n"
    "The Lesotho Space Agency and CNSA are negotiating an agreement on ground stations.\n"
    "\n"
    "A draft memorandum between the Zambia Space Agency and CNSA is under discussion.\n"
    "\n"
    "The old agreement between the Uganda Space Agency and CNSA expired in 2020.\n"
    "\n"
    "The Botswana Space Science Institute hosted the signing of a letter of intent between "
    "CNSA and the Andorra Geomatics Institute on 4 May 2030.\n"
)


def _signed(reference, text: str) -> set[tuple[str, tuple[str, ...], str | None]]:
    return {
        (a.agreement_kind, a.parties, a.signed_on)
        for a in facts_of(reference, text, issued="2030-12-01", kind=Agreement)
    }


def test_a_signer_that_puts_its_name_to_a_document_with_another(reference):
    assert ("agreement", (_CNSA, "lesotho-space-agency"), "2029-03") in _signed(
        reference, _NEWS
    )


def test_the_subject_that_came_in_through_a_document_signed_with_another(reference):
    assert (
        "memorandum-of-understanding",
        (_CNSA, "zambia-space-agency"),
        "2030-05-03",
    ) in _signed(reference, _NEWS)


def test_a_document_between_two_bodies_that_followed_on_a_day(reference):
    assert ("agreement", (_CNSA, "uganda-space-agency"), "2030-06-04") in _signed(
        reference, _NEWS
    )


def test_coordinated_subjects_that_put_their_names_to_a_document(reference):
    assert (
        "memorandum-of-understanding",
        ("botswana-space-science-institute", _CNSA),
        "2030-05",
    ) in _signed(reference, _NEWS)


def test_a_document_dated_beside_it_takes_that_day_in_the_reports_year(reference):
    assert (
        "memorandum-of-understanding",
        ("andorra-geomatics-institute", _CGWIC),
        "2030-05-03",
    ) in _signed(reference, _OUTCOMES)


def test_the_parties_of_a_relative_clause_in_which_they_agree(reference):
    assert (
        "letter-of-intent",
        (_CGWIC, "moravian-space-research-centre"),
        "2030-04-02",
    ) in _signed(reference, _OUTCOMES)


def test_the_same_day_is_the_day_of_a_signing_whose_partner_is_not_named(reference):
    assert ("letter-of-intent", (_CNSA, "uganda-space-agency"), "2030-03-14") in _signed(
        reference, _SAME_DAY
    )


def test_documents_negotiated_discussed_expired_or_hosted_are_not_made_by_those_named(
    reference,
):
    signed = _signed(reference, _TALKED_ABOUT)
    assert not any(
        set(parties) & {"lesotho-space-agency", "zambia-space-agency", "uganda-space-agency"}
        for _kind, parties, _day in signed
    )
    assert not any("botswana-space-science-institute" in parties for _k, parties, _d in signed)


# two signings in coordinated clauses, each with its own date: a working paper's
# sentence and an annual report's
_TWO_CLAUSES = (
    "Partners of the programme\n"
    "\n"
    "The Lesotho Space Agency signed a cooperation agreement with CNSA on weather data in "
    "June 2028, and the Botswana Space Science Institute concluded a letter of intent with "
    "CNSA on lunar imaging in April 2027.\n"
    "\n"
    "In 2026 the Andorra Geomatics Institute signed a protocol with CNSA on geodesy, and on "
    "9 September 2024 the Moravian Space Research Centre concluded a memorandum of "
    "understanding with CNSA on radar data.\n"
)


def test_each_coordinated_clause_dates_its_own_document(reference):
    signed = _signed(reference, _TWO_CLAUSES)
    assert ("letter-of-intent", ("botswana-space-science-institute", _CNSA), "2027-04") in signed
    assert (
        "memorandum-of-understanding",
        (_CNSA, "moravian-space-research-centre"),
        "2024-09-09",
    ) in signed
