"""Lists of signed documents that give each document's title and leave its day to what
opened the list: a lead-in line ("..., the following documents were signed:") or a
heading ("III. Documents Signed in Apia on 14 May 2026"), with the list's groups parted
by headings of their own ("China and Tonga"). A title's second party ends where the
title's topic begins ("... and the Water Authority of Tonga on Flood Mapping"). Every
text here is new."""

from __future__ import annotations

from graph.model import Agreement
from tests.one_document import facts_of

# a news agency's report: a dated lead-in, then numbered titles
_REPORT = (
    "Documents signed during the state visit\n"
    "\n"
    "Port Moresby, 3 September 2029 - In the presence of the two heads of state, the\n"
    "following documents were signed:\n"
    "\n"
    "1. Memorandum of Understanding between the China National Space Administration and\n"
    "   the Water Authority of Tonga on Cooperation in Flood Mapping\n"
    "2. Agreement between China Great Wall Industry Corporation and the\n"
    "   Telecommunications Regulatory Authority of Vanuatu on the Development of a\n"
    "   Communications Satellite\n"
)

# a ministry's list of outcomes: a heading dates the documents of every group under it
_OUTCOMES = (
    "List of Outcomes of the Third China-Pacific Dialogue\n"
    "\n"
    "I. General Provisions\n"
    "\n"
    "1. The parties reaffirmed their commitment to the peaceful uses of outer space.\n"
    "\n"
    "II. Documents Signed in Apia on 14 May 2030\n"
    "\n"
    "China and Tonga\n"
    "\n"
    "2. Letter of Intent between the China Meteorological Administration and the Water\n"
    "Authority of Tonga on Weather Satellite Data.\n"
    "\n"
    "China and Vanuatu\n"
    "\n"
    "3. Memorandum of Understanding between the China National Space Administration and\n"
    "the Telecommunications Regulatory Authority of Vanuatu on Satellite Applications.\n"
)

# prose under a dated heading: the heading is no lead of a sentence that names no signing
_PROSE = (
    "Meetings signed off in Apia on 14 May 2030\n"
    "\n"
    "The delegations reviewed progress on several fronts. A memorandum of understanding\n"
    "between the China National Space Administration and the Water Authority of Tonga on\n"
    "flood mapping is under discussion.\n"
)


def _signed(reference, text: str) -> set[tuple[str, tuple[str, ...], str | None]]:
    return {
        (a.agreement_kind, a.parties, a.signed_on)
        for a in facts_of(reference, text, issued="2031", kind=Agreement)
    }


def test_a_numbered_title_takes_the_day_of_the_lead_in_and_its_party_ends_before_the_topic(
    reference,
):
    signed = _signed(reference, _REPORT)
    assert (
        "memorandum-of-understanding",
        ("china-national-space-administration", "water-authority-of-tonga"),
        "2029-09-03",
    ) in signed
    assert (
        "agreement",
        (
            "china-great-wall-industry-corporation",
            "telecommunications-regulatory-authority-of-vanuatu",
        ),
        "2029-09-03",
    ) in signed


def test_a_heading_that_says_where_and_when_the_documents_were_signed_dates_each_group(
    reference,
):
    signed = _signed(reference, _OUTCOMES)
    assert (
        "letter-of-intent",
        ("china-meteorological-administration", "water-authority-of-tonga"),
        "2030-05-14",
    ) in signed
    assert (
        "memorandum-of-understanding",
        (
            "china-national-space-administration",
            "telecommunications-regulatory-authority-of-vanuatu",
        ),
        "2030-05-14",
    ) in signed


def test_a_committee_on_a_topic_keeps_its_whole_name():
    from graph.name_candidates import _before_on

    assert _before_on("Committee on the Peaceful Uses of Outer Space") == (
        "Committee on the Peaceful Uses of Outer Space"
    )
    assert _before_on("Water Authority of Tonga on Flood Mapping") == "Water Authority of Tonga"


def test_prose_under_a_dated_heading_takes_no_day_from_it(reference):
    assert not any(d == "2030-05-14" for _k, _p, d in _signed(reference, _PROSE))
