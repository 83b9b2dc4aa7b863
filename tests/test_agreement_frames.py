"""Agreements read from new sentences: a chronology line's year completing the month and
day its sentence gives, contracts, conventions and treaties, the bodies that signed (not
the countries a title names), agreements that are counted rather than named, and an
agreement said not to exist. Every sentence here is new."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import extract
from graph.dates import date_in
from graph.model import Agreement, Document, DocumentMeta


def _agreements(
    reference, text: str, publisher: str = "Test"
) -> set[tuple[str, tuple[str, ...], str | None]]:
    meta = DocumentMeta("deals", "deals.txt", "Deals", publisher, "2032-06-30", "white-paper")
    extraction = extract.extract_corpus([Document(meta, Path("deals.txt"), text)], reference)
    return {
        (f.agreement_kind, f.parties, f.signed_on)
        for f in extraction.facts
        if isinstance(f, Agreement)
    }


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("2019 — China and Chile signed a protocol on 4 November.", "2019-11-04"),
        ("2027 — On 12 June, China and Peru sign a memorandum.", "2027-06-12"),
        ("2025 — China and Cuba signed an agreement on data in October.", "2025-10"),
        # outside a chronology a day without a year takes the document's year
        ("China and Cuba signed it on 2 March.", "2032-03-02"),
    ],
)
def test_a_chronology_year_completes_the_day_and_month(line, date):
    assert date_in(line, "2032-06-30")[0] == date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Nepal Space Agency signed a contract with the China Great Wall Industry "
            "Corporation on 2 May 2031.",
            ("agreement", "2031-05-02"),
        ),
        (
            "2030 — China, Chile and Peru signed the convention of the new observatory.",
            ("agreement", "2030"),
        ),
    ],
)
def test_contracts_and_conventions_are_agreements(reference, text, expected):
    assert expected in {(kind, on) for kind, _parties, on in _agreements(reference, text)}


def test_the_bodies_that_signed_are_the_parties_not_the_countries_of_the_title(reference):
    found = _agreements(
        reference,
        "On 3 April 2031 the China National Space Administration and the Brazilian Space "
        "Agency signed the Supplementary Agreement on the China-Brazil Radar Satellite.",
    )
    parties = {p for _k, ps, _on in found for p in ps}
    assert "brazilian-space-agency" in parties
    assert "brazil" not in parties


@pytest.mark.parametrize(
    "text",
    [
        "By 2031 China had signed nine space cooperation documents with Peru.",
        "China has signed space cooperation agreements with 15 Asian countries and APSCO.",
        "Chile is one of 30 countries that have signed cooperation documents with China.",
        "Peru's next satellite, for which no contract has been signed, may fly in 2034.",
    ],
)
def test_counted_or_absent_agreements_are_no_agreement(reference, text):
    assert not _agreements(reference, text)


def test_a_numbered_list_of_signed_documents_dated_the_same_day(reference):
    text = (
        "The following documents were signed:\n\n"
        "1. A memorandum of understanding between CNSA and the Kenya Space Agency on lunar "
        "science, signed on 17 June 2031;\n"
        "2. A cooperation plan between CNSA and the Kenya Space Agency on data sharing, "
        "signed on the same day;\n"
    )
    found = _agreements(reference, text)
    parties = ("china-national-space-administration", "kenya-space-agency")
    assert ("memorandum-of-understanding", parties, "2031-06-17") in found
    assert ("plan", parties, "2031-06-17") in found


def test_a_reports_own_company_signs_the_documents_of_its_table(reference):
    text = (
        "CHINA GREAT WALL INDUSTRY CORPORATION\nAnnual Report 2031\n\n"
        "Section 4: International programmes\n\n"
        "Table 4-2  Cooperation documents signed by the company in 2031\n\n"
        "Date         Counterparty                    Document\n"
        "2031-02-26   Kenya Space Agency (KSA)        memorandum of understanding\n"
        "2031-05-14   Zamcosmos (Zambia)              letter of intent\n"
    )
    meta = DocumentMeta(
        "report",
        "report.txt",
        "Annual report",
        "China Great Wall Industry Corporation",
        "2032",
        "white-paper",
    )
    extraction = extract.extract_corpus([Document(meta, Path("report.txt"), text)], reference)
    found = {(f.agreement_kind, f.parties) for f in extraction.facts if isinstance(f, Agreement)}
    cgwic = "china-great-wall-industry-corporation"
    assert ("memorandum-of-understanding", tuple(sorted((cgwic, "kenya-space-agency")))) in found
    assert ("letter-of-intent", tuple(sorted((cgwic, "zamcosmos")))) in found


def _aligned(*cells: str) -> str:
    """A row of a table whose columns start at fixed places (13, 49 and 86)."""
    return cells[0].ljust(13) + cells[1].ljust(36) + cells[2].ljust(37) + cells[3] + "\n"


CNSA_NAME = "China National Space Administration"  # fills its column to the last place
ALIGNED = "Table 3. Documents signed with partners\n\n" + "".join(
    [
        _aligned("Date", "Chinese party", "Partner", "Kind"),
        _aligned("2030-03-16", CNSA_NAME, "Nile Valley Space Research Centre", "memorandum"),
        _aligned("2031-12-10", CNSA_NAME, "Zamcosmos", "outline 2031-2035"),
        _aligned("pending", CNSA_NAME, "Andes Orbital Office", "letter of intent, not signed"),
    ]
)


@pytest.fixture(scope="module")
def aligned(reference):
    meta = DocumentMeta("tables", "tables.txt", "Tables", "Test", "2032", "white-paper")
    extraction = extract.extract_corpus([Document(meta, Path("tables.txt"), ALIGNED)], reference)
    return {
        (f.agreement_kind, f.parties, f.signed_on, f.valid_from, f.valid_until)
        for f in extraction.facts
        if isinstance(f, Agreement)
    }


def test_an_aligned_table_whose_cells_fill_their_columns_is_read_cell_by_cell(aligned):
    cnsa = "china-national-space-administration"
    # the partner's whole cell is its name, whatever words it holds
    assert (
        "memorandum-of-understanding",
        (cnsa, "nile-valley-space-research-centre"),
        "2030-03-16",
        None,
        None,
    ) in aligned
    # the kind column gives the kind, the years in a cell the period
    assert ("outline", (cnsa, "zamcosmos"), "2031-12-10", 2031, 2035) in aligned


def test_a_row_not_signed_is_no_agreement(aligned):
    assert not any("andes-orbital-office" in parties for _k, parties, *_rest in aligned)


def test_a_chinese_body_and_a_body_named_by_apposition_sign_together(reference):
    text = (
        "On 12 June 2031 the China National Space Administration and Zamcosmos, the Zambian "
        "space agency, signed a letter of intent on a radar satellite."
    )
    meta = DocumentMeta("loi", "loi.txt", "Signing", "Test", "2031", "news-article")
    extraction = extract.extract_corpus([Document(meta, Path("loi.txt"), text)], reference)
    found = {(f.agreement_kind, f.parties) for f in extraction.facts if isinstance(f, Agreement)}
    assert ("letter-of-intent", ("china-national-space-administration", "zamcosmos")) in found


def test_the_two_agencies_are_the_bodies_the_sentence_before_named(reference):
    found = _agreements(
        reference,
        "A delegation of the Kenya Space Agency met officials of the China National Space "
        "Administration on Wednesday. On 9 October 2031 the two agencies signed a memorandum "
        "of understanding on remote sensing.",
    )
    parties = ("china-national-space-administration", "kenya-space-agency")
    assert ("memorandum-of-understanding", parties, "2031-10-09") in found


def test_the_same_day_is_the_last_signing_day_the_text_gave(reference):
    found = _agreements(
        reference,
        "On 12 June 2031 the China National Space Administration and the Kenya Space Agency "
        "signed a letter of intent. Ghana, which has flown two cubesats, chose the Moon. The "
        "China National Space Administration signed a memorandum of understanding with "
        "Ghana on the same day.",
    )
    assert any(k == "memorandum-of-understanding" and d == "2031-06-12" for k, _p, d in found)


def test_a_name_with_a_foreign_particle_is_one_name(reference):
    found = _agreements(
        reference,
        "The Khalid bin Sultan Space Centre signed a memorandum of understanding with the "
        "China National Space Administration in September 2031.",
    )
    assert any("khalid-bin-sultan-space-centre" in parties for _k, parties, _d in found)


def test_a_chinese_body_and_its_partner_sign_as_one_subject(reference):
    found = _agreements(
        reference,
        "The China National Space Administration (CNSA) and the KSA signed a memorandum of "
        "understanding on lunar exploration in Nairobi on 12 May 2031. The Kenya Space "
        "Agency (KSA) was founded in 2017.",
    )
    parties = ("china-national-space-administration", "kenya-space-agency")
    assert ("memorandum-of-understanding", parties, "2031-05-12") in found


@pytest.mark.parametrize(
    ("text", "chinese"),
    [
        # the Chinese body is joined to the partner in a relative clause
        (
            "Partners\n\nWork began under a memorandum of understanding that the Ghana "
            "Space Science and Technology Institute (GSSTI) and CNSA signed in May 2031.",
            "china-national-space-administration",
        ),
        # the Chinese body follows a partner whose name holds an "and"
        (
            "Partners\n\n- Ghana: Ghana's Ministry of Science and Innovation and China Great "
            "Wall Industry Corporation signed a memorandum on a relay satellite on 14.05.2031.",
            "china-great-wall-industry-corporation",
        ),
        # the Chinese body comes first, after the date
        (
            "Partners\n\nOn 2 March 2031 the China Meteorological Administration and the West "
            "African Climate Services Centre (WACSC) "
            "signed a memorandum of understanding on drought monitoring.",
            "china-meteorological-administration",
        ),
    ],
)
def test_a_chinese_body_signing_beside_the_partner_is_the_chinese_party(reference, text, chinese):
    parties = {p for _kind, parties, _on in _agreements(reference, text) for p in parties}
    assert chinese in parties and "china" not in parties


def test_the_next_sentence_gives_the_period_of_the_document_just_signed(reference):
    text = (
        "The Mongolian Space Agency and CNSA signed a memorandum of understanding in Ulaanbaatar "
        "on 4 April 2031. The memorandum runs for four years, from 2031 to 2034."
    )
    meta = DocumentMeta("deals", "deals.txt", "Deals", "Test", "2032-06-30", "white-paper")
    extraction = extract.extract_corpus([Document(meta, Path("deals.txt"), text)], reference)
    [agreement] = [f for f in extraction.facts if isinstance(f, Agreement)]
    assert (agreement.valid_from, agreement.valid_until) == (2031, 2034)


def test_work_done_under_an_agreement_told_before_is_no_new_agreement(reference):
    text = (
        "Under the agreement signed with Tajikistan, the Chinese side will build a weather "
        "satellite in 2033."
    )
    assert _agreements(reference, text) == set()


def test_states_named_by_their_formal_names_are_the_parties(reference):
    text = (
        "The People's Republic of China and the Republic of Tajikistan issued a joint "
        "statement on space cooperation in Dushanbe on 3 May 2031."
    )
    assert ("joint-statement", ("china", "tajikistan"), "2031-05-03") in _agreements(
        reference, text
    )


def test_a_body_s_acronym_in_brackets_does_not_part_it_from_its_chinese_co_signer(reference):
    text = (
        "The Mongolian Space Research Agency (MSRA) and the China Satellite Navigation Office "
        "signed a memorandum of understanding on 8 May 2031."
    )
    found = _agreements(reference, text)
    assert (
        "memorandum-of-understanding",
        ("china-satellite-navigation-office", "mongolian-space-research-agency"),
        "2031-05-08",
    ) in found


def test_a_plan_for_space_cooperation_is_a_plan(reference):
    text = "Belize and China signed a plan for space cooperation on 4 June 2031."
    assert ("plan", ("belize", "china"), "2031-06-04") in _agreements(reference, text)


def test_a_chronology_entry_is_read_without_its_date(reference):
    text = (
        "12 May 2031 - The Mongolian Space Research Agency (MSRA) and CNSA signed an "
        "agreement on the exchange of Fengyun data."
    )
    found = _agreements(reference, text)
    assert (
        "agreement",
        ("china-national-space-administration", "mongolian-space-research-agency"),
        "2031-05-12",
    ) in found


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        # China inside the list of signers, however the parser joins it
        (
            "Chile, Peru, Ecuador, China and Bolivia signed an agreement on a radar "
            "satellite on 18 August 2031.",
            ("bolivia", "chile", "china", "ecuador", "peru"),
        ),
        # a bare comma joins the first two signers; no preposition hangs the list
        (
            "On 18 August 2031 Brazil, Russia and China signed an agreement on a joint "
            "satellite constellation.",
            ("brazil", "china", "russia"),
        ),
    ],
)
def test_every_member_of_a_list_of_signers_is_a_party(reference, text, parties):
    assert ("agreement", parties, "2031-08-18") in _agreements(reference, text)


def test_the_country_of_a_body_described_in_apposition_is_not_a_party(reference):
    text = (
        "In June 2031 the China National Space Administration and Andes Orbital, Peru's "
        "national satellite company, signed a memorandum of understanding on imagery."
    )
    assert _agreements(reference, text) == {
        (
            "memorandum-of-understanding",
            ("andes-orbital", "china-national-space-administration"),
            "2031-06",
        )
    }


def test_a_chronologys_year_heading_dates_the_entries_under_it(reference):
    text = (
        "Timeline of cooperation\n\n2012\n\n"
        "* 2 March: China and Peru signed a memorandum of understanding on remote sensing.[2]\n"
    )
    assert ("memorandum-of-understanding", ("china", "peru"), "2012-03-02") in _agreements(
        reference, text
    )


def test_the_company_in_capitals_is_the_reports_publisher(reference):
    text = "In 2030 the Company signed a launch services agreement with the Peruvian Space Agency."
    found = _agreements(reference, text, publisher="China Great Wall Industry Corporation")
    parties = {p for _kind, p, _date in found}
    assert ("china-great-wall-industry-corporation", "peruvian-space-agency") in parties


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "China and Argentina signed an agreement on lunar exploration in Buenos Aires "
            "on 5 May 2031.",
            "lunar exploration",
        ),
        (
            "China and Argentina signed an agreement on lunar exploration on 5 May 2031.",
            "lunar exploration",
        ),
        (
            "China and Argentina signed an agreement on cooperation in Earth Observation in 2031.",
            "cooperation in Earth Observation",
        ),
    ],
)
def test_an_agreements_subject_ends_before_the_place_and_day_of_its_signing(
    reference, text, subject
):
    meta = DocumentMeta("deals", "deals.txt", "Deals", "Test", "2032-06-30", "white-paper")
    extraction = extract.extract_corpus([Document(meta, Path("deals.txt"), text)], reference)
    assert [f.subject for f in extraction.facts if isinstance(f, Agreement)] == [subject]


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean Space Agency entered into a memorandum of understanding with CNSA on "
        "4 April 2031.",
        "The Chilean Space Agency and CNSA exchanged memorandums of understanding on 4 April 2031.",
    ],
)
def test_entering_into_or_exchanging_a_document_is_signing_it(reference, text):
    assert _agreements(reference, text) == {
        (
            "memorandum-of-understanding",
            ("chilean-space-agency", "china-national-space-administration"),
            "2031-04-04",
        )
    }


def test_each_partner_of_a_list_takes_the_date_in_brackets_after_it(reference):
    text = (
        "Memoranda of understanding on lunar cooperation were signed with Chile (May 2031) "
        "and Kenya (July 2031)."
    )
    assert _agreements(reference, text) == {
        ("memorandum-of-understanding", ("chile", "china"), "2031-05"),
        ("memorandum-of-understanding", ("china", "kenya"), "2031-07"),
    }


def test_a_dated_entry_takes_the_day_in_brackets_and_keeps_it_out_of_the_subject(reference):
    text = (
        "Timeline\n\n2019 - The Kenya Space Agency and CNSA sign a memorandum of "
        "understanding on remote sensing (15 April).\n"
    )
    meta = DocumentMeta("deals", "deals.txt", "Deals", "Test", "2032-06-30", "white-paper")
    extraction = extract.extract_corpus([Document(meta, Path("deals.txt"), text)], reference)
    [memorandum] = [f for f in extraction.facts if isinstance(f, Agreement)]
    assert (memorandum.signed_on, memorandum.subject) == ("2019-04-15", "remote sensing")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Uruguay's space agency and CNSA signed a framework agreement on data in 2031.",
            ("agreement", ("china-national-space-administration", "uruguay"), "2031"),
        ),
        (
            "The China Satellite Navigation Office signed a memorandum of understanding with "
            "Peru's transport ministry in 2031.",
            ("memorandum-of-understanding", ("china-satellite-navigation-office", "peru"), "2031"),
        ),
    ],
)
def test_a_countrys_unnamed_body_signs_for_that_country(reference, text, expected):
    assert expected in _agreements(reference, text)


def test_a_year_in_brackets_after_each_partner_dates_its_own_document(reference):
    text = "CNSA signed memorandums of understanding with Colombia (2026) and Ecuador (2027)."
    assert {(parties, date) for _kind, parties, date in _agreements(reference, text)} == {
        (("china-national-space-administration", "colombia"), "2026"),
        (("china-national-space-administration", "ecuador"), "2027"),
    }


def test_a_plan_agreed_between_two_bodies_is_their_document(reference):
    text = (
        "A cooperation plan for 2032-2036 was agreed between the China Satellite Navigation "
        "Office and Peru's transport ministry."
    )
    assert {(kind, parties) for kind, parties, _date in _agreements(reference, text)} == {
        ("plan", ("china-satellite-navigation-office", "peru"))
    }


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        (
            "A memorandum on BeiDou cooperation, signed by Peru and China in 2029, took effect.",
            "BeiDou cooperation",
        ),
        (
            "The signing of a framework agreement on satellite navigation by CNSA and the "
            "Paraguayan Space Agency took place in Asuncion in June 2031.",
            "satellite navigation",
        ),
    ],
)
def test_the_subject_of_a_document_stops_before_its_signing_or_signers(reference, text, subject):
    meta = DocumentMeta("deals", "deals.txt", "Deals", "Test", "2032-06-30", "white-paper")
    extraction = extract.extract_corpus([Document(meta, Path("deals.txt"), text)], reference)
    assert [f.subject for f in extraction.facts if isinstance(f, Agreement)] == [subject]


def test_each_document_of_a_list_has_the_partner_of_its_own_with(reference):
    text = (
        "The documents signed in 2031 included an agreement on satellite navigation with "
        "Bolivia and a memorandum of understanding on lunar science with Uruguay."
    )
    assert {(kind, parties) for kind, parties, _date in _agreements(reference, text)} == {
        ("agreement", ("bolivia", "china")),
        ("memorandum-of-understanding", ("china", "uruguay")),
    }


def test_a_month_written_short_without_a_full_stop_dates_a_timeline_entry():
    assert date_in("9 Mar 2021 \u2014 CNSA and X sign a memorandum", "2031")[0] == "2021-03-09"


def test_a_list_of_who_signed_what_gives_each_body_its_document(reference):
    text = (
        "ILRS: agencies that signed in 2031-2032\n"
        "\u2022 Peruvian Space Agency \u2014 cooperation agreement, Jan 2032\n"
        "\u2022 Chilean Space Agency (Chile) \u2014 memorandum of understanding, Nov 2031\n"
    )
    assert _agreements(reference, text) == {
        ("agreement", ("china", "peruvian-space-agency"), "2032-01"),
        ("memorandum-of-understanding", ("chilean-space-agency", "china"), "2031-11"),
    }


def test_a_title_that_names_no_party_is_no_single_document(reference):
    texts = [
        f"In 2029 {partner} and China signed the Framework Agreement on Space Cooperation."
        for partner in ("Peru", "Chile")
    ]
    documents = [
        Document(
            DocumentMeta(f"d{i}", "d.txt", "D", "Test", "2031", "white-paper"), Path("d.txt"), t
        )
        for i, t in enumerate(texts)
    ]
    facts = [
        f for f in extract.extract_corpus(documents, reference).facts if isinstance(f, Agreement)
    ]
    assert sorted(f.parties for f in facts) == [("chile", "china"), ("china", "peru")]
    assert len({f.key for f in facts}) == 2
