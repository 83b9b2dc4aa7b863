"""A list's line that names its parties before the document's noun ("2024: CNSA and the
Senegalese Space Studies Agency memorandum of understanding on the ILRS") is that
agreement, dated by the line. New text of my own."""

from __future__ import annotations

from graph.model import Agreement
from tests.one_document import facts_of

LIST = """Agreements on the lunar station

- 2024: CNSA and the Bolivian Space Agency memorandum of understanding on the ILRS
- 2025: CNSA, the Nicaraguan Space Office and the Honduran Space Institute joint statement
"""


def test_names_before_the_noun_are_the_parties_and_the_line_dates_it(reference):
    found = {
        (f.agreement_kind, f.parties, f.signed_on)
        for f in facts_of(reference, LIST, kind=Agreement)
    }
    assert (
        "memorandum-of-understanding",
        ("bolivian-space-agency", "china-national-space-administration"),
        "2024",
    ) in found
    assert (
        "joint-statement",
        (
            "china-national-space-administration",
            "honduran-space-institute",
            "nicaraguan-space-office",
        ),
        "2025",
    ) in found


def test_a_sentence_with_a_verb_is_not_read_as_such_a_line(reference):
    text = "CNSA and the Bolivian Space Agency memorandum was discussed but never signed."
    assert facts_of(reference, text, kind=Agreement) == []


NEWS_ITEM = (
    "Ambassador meets CNSA leadership\n\n"
    "On 14 October 2031, the ambassador of Zambia met the China National Space "
    "Administration (CNSA) in Beijing.\n\n"
    "After the meeting, the Zambia Space Agency and CNSA signed a memorandum of "
    "understanding on satellite data.\n\n"
    "The Zambia Space Agency also signed a contract with China Great Wall Industry "
    "Corporation for a second satellite.\n"
)


def test_a_signing_after_the_meeting_takes_the_meetings_day_and_so_does_the_next(reference):
    days = {f.parties: f.signed_on for f in facts_of(reference, NEWS_ITEM, kind=Agreement)}
    assert days == {
        ("china-national-space-administration", "zambia-space-agency"): "2031-10-14",
        ("china-great-wall-industry-corporation", "zambia-space-agency"): "2031-10-14",
    }


PARTNER_PAGE = """International cooperation

[\u2212] Kenya
China and Kenya have cooperated in space since 2015, mainly in remote sensing.
  \u2022 12 March 2019 \u2014 Memorandum of Understanding on Space Cooperation
  \u2022 Framework Agreement on the Peaceful Uses of Outer Space (Beijing, 9 November 2023)

[+] Multilateral
"""


def test_a_pages_section_that_opens_and_closes_names_the_partner_of_its_lines(reference):
    # "[−] Kenya" heads the section (as "▸ Kenya" would); its verbless lines of documents
    # are Kenya's with China, dated by the line or by where and when it says they were
    # signed
    found = {
        (f.agreement_kind, f.parties, f.signed_on)
        for f in facts_of(reference, PARTNER_PAGE, kind=Agreement)
    }
    assert found == {
        ("memorandum-of-understanding", ("china", "kenya"), "2019-03-12"),
        ("agreement", ("china", "kenya"), "2023-11-09"),
    }


def _agreements(reference, text: str, issued: str = "2031") -> set[tuple]:
    return {
        (f.agreement_kind, f.parties, f.signed_on)
        for f in facts_of(reference, text, issued=issued, kind=Agreement)
    }


def test_names_closing_a_verbless_line_are_the_parties(reference):
    text = (
        "Kenya\n\nThe Kenya Space Agency (KSA) works with several partners.\n\n"
        "  • March 2021 — implementing agreement on the ground station, CNSA and KSA\n"
        "  • 2022 — space weather memorandum of understanding, CNSA and KSA\n"
    )
    found = _agreements(reference, text)
    parties = ("china-national-space-administration", "kenya-space-agency")
    assert ("agreement", parties, "2021-03") in found
    assert ("memorandum-of-understanding", parties, "2022") in found


def test_a_signer_of_another_clause_is_not_a_party(reference):
    text = (
        "Nepal signed a cooperation document with the CNSA in Kathmandu in May 2023, and "
        "the Bhutan Space Office followed suit that October."
    )
    assert {p for _k, p, _d in _agreements(reference, text)} == {
        ("china-national-space-administration", "nepal")
    }


def test_the_signers_of_a_relative_clause_are_the_parties_not_a_partner_in_the_work(reference):
    text = (
        "The antenna was built with Chile's Universidad de Concepción under an agreement "
        "that China and Chile signed in March 2012."
    )
    assert _agreements(reference, text) == {("agreement", ("chile", "china"), "2012-03")}


def test_a_month_without_a_year_is_the_last_such_month_before_the_document(reference):
    text = "In May, CNSA and the Kenya Space Agency signed a memorandum of understanding."
    (found,) = _agreements(reference, text, issued="2032-01-20")
    assert found[2] == "2031-05"


def test_a_document_named_by_its_year_and_party_was_signed_that_year(reference):
    text = (
        "Dr Ruiz led the Chilean side in the negotiation of the 2029 memorandum of "
        "understanding with the China National Space Administration on astronomy data."
    )
    assert _agreements(reference, text) == {
        ("memorandum-of-understanding", ("chile", "china-national-space-administration"), "2029")
    }


def test_a_side_named_in_passing_is_no_party(reference):
    text = (
        "CNSA and CNES signed the implementing agreement in Beijing in August 2014, after "
        "budget reviews on the French side."
    )
    assert {p for _k, p, _d in _agreements(reference, text)} == {
        ("china-national-space-administration", "cnes")
    }


def test_a_notes_line_labelled_by_its_partner_with_an_abbreviated_memorandum(reference):
    text = "Agreements\n\n- Kenya: MoU w/ CNSA on lunar data (Mar 2030)\n"
    assert _agreements(reference, text) == {
        ("memorandum-of-understanding", ("china-national-space-administration", "kenya"), "2030-03")
    }


def test_a_records_field_label_is_not_a_partner(reference):
    text = (
        "Record 4\n\nTitle: Memorandum of Cooperation between the Kenya Space Agency and the "
        "Uganda Space Office\n"
    )
    assert not any(
        "china" in p for _k, parties, _d in _agreements(reference, text) for p in parties
    )


def test_a_title_takes_the_day_of_the_place_and_date_line_under_it(reference):
    """A treaty series or a list of outcomes prints the title, then where and when it was
    signed on a line of its own."""
    text = (
        "No. 61234. China and Peru\n\n"
        "    Agreement between the Government of the People's Republic of China and the\n"
        "    Government of the Republic of Peru on the operation of a satellite laser\n"
        "    ranging station in the Province of Arequipa (with annex).\n"
        "    Lima, 23 April 2030\n"
        "    Entry into force: 26 February 2031 by notification\n"
    )
    found = {(f.parties, f.signed_on) for f in facts_of(reference, text, kind=Agreement)}
    assert found == {(("china", "peru"), "2030-04-23")}
