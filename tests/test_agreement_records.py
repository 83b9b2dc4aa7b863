"""Agreements stated by records of labelled fields: a treaty register's export or a
database's record ("Title:", "Type:", "Parties:", "Signed:"), where no line is a
sentence. Every record here is new."""

from __future__ import annotations

from pathlib import Path

from graph.extract import extract_corpus
from graph.model import Agreement, Cooperation, Document, DocumentMeta, Status
from tests.one_document import facts_of

REGISTER = """\
Bilateral Instruments Register: export of 3 records
Query: party = China

Record 1 of 3
Title: Memorandum of Understanding on Cooperation in Ionospheric Sounding
Type: memorandum of understanding
Parties: National Space Science Center, Chinese Academy of Sciences; Norwegian Polar Institute
Signed: 3 September 2027, Tromsø
Status: in force

Record 2 of 3
Instrument: Additional Protocol to the Framework Agreement on Space Cooperation
Counterpart: Republic of Paraguay
Date of signing: 11/04/2029
Status: signed, not yet in force

Record 3 of 3
Instrument: Letter of Intent on Small Satellite Education
Contracting parties: Portugal – Spain
Date of signing: May 2030
"""


def _records(reference, text: str = REGISTER) -> set[tuple]:
    return {
        (f.agreement_kind, f.parties, f.signed_on, f.status, f.method)
        for f in facts_of(reference, text, kind=Agreement)
    }


def test_each_record_of_a_register_is_one_agreement_with_its_parties_and_date(reference):
    assert (
        "memorandum-of-understanding",
        ("national-space-science-center", "norwegian-polar-institute"),
        "2027-09-03",
        Status.ACHIEVED,
        "record-fields",
    ) in _records(reference)


def test_a_counterpart_field_names_the_other_side_of_china(reference):
    assert (
        "supplementary-agreement",
        ("china", "paraguay"),
        "2029-04-11",
        Status.ACHIEVED,
        "record-fields",
    ) in _records(reference)


def test_a_record_with_no_chinese_party_states_no_agreement_of_china(reference):
    assert not any("portugal" in parties for _k, parties, *_ in _records(reference))


def test_a_record_under_negotiation_and_undated_is_planned(reference):
    text = REGISTER.replace("Date of signing: May 2030\n", "Status: under negotiation\n")
    text = text.replace("Portugal – Spain", "China National Space Administration | Estonia")
    assert (
        "letter-of-intent",
        ("china-national-space-administration", "estonia"),
        None,
        Status.PLANNED,
        "record-fields",
    ) in _records(reference, text)


def test_the_evidence_is_the_record_from_its_first_field_to_its_last(reference):
    (paraguay,) = [
        f for f in facts_of(reference, REGISTER, kind=Agreement) if "paraguay" in f.parties
    ]
    assert paraguay.evidence[0].exact.startswith("Instrument: Additional Protocol")
    assert paraguay.evidence[0].exact.endswith("Status: signed, not yet in force")


def test_a_parties_field_is_not_read_as_a_fact_sheet_line(reference):
    # "Parties: A; B" has the shape of "Country: item", which a fact sheet's reader takes
    # for a partner and what it did
    cooperations = facts_of(reference, REGISTER, kind=Cooperation)
    assert not [c for c in cooperations if c.method == "cooperation-list-item"]


def test_two_labelled_lines_in_prose_are_not_a_record(reference):
    text = (
        "Status: the talks went on.\nNote: Paraguay and China signed nothing.\n\n"
        "The delegation returned home."
    )
    assert not _records(reference, text)


PARTNER_REGISTER = """\
Search results: 2 instruments found (criteria: country = People's Republic of China)

Name of the instrument: Framework Agreement between the Republic of Chile and the
   People's Republic of China on Cooperation in the Peaceful Uses of Outer Space
Signature date: 23/04/2032
Place of signature: Santiago
Counterpart: People's Republic of China
State: In force

Name of the instrument: Memorandum of Understanding between the Chilean Space Agency and
   the China National Space Administration on the Lunar Ranging Station
Signature date: 12/07/2031
State: In force
"""


def test_a_partners_register_names_its_own_side_in_the_title(reference):
    found = {
        (f.parties, f.signed_on, f.evidence[0].exact.split(":")[0])
        for f in facts_of(reference, PARTNER_REGISTER, kind=Agreement)
    }
    assert found == {
        (("chile", "china"), "2032-04-23", "Name of the instrument"),  # no "Search results"
        (
            ("chilean-space-agency", "china-national-space-administration"),
            "2031-07-12",
            "Name of the instrument",
        ),
    }


def test_a_curated_body_and_its_titles_topic_are_no_new_name(reference):
    meta = DocumentMeta("reg", "reg.txt", "Register", "Test", "2033", "white-paper")
    extraction = extract_corpus([Document(meta, Path("reg.txt"), PARTNER_REGISTER)], reference)
    assert not [
        e for e in extraction.entities if e.key.startswith("china-national-space-administration-")
    ]


def test_the_bodies_a_title_names_are_the_parties_whatever_their_form(reference):
    """A title "between A and B" names the signing bodies more precisely than the
    countries a counterpart or parties field gives; a one-word agency in a parties field
    ("Kosmokom (Kazakhstan)") is a party, not only its country."""
    text = (
        "Treaty Register of the Republic of Chile - search results\n\n"
        "Record 1\n"
        "Title: Memorandum of Understanding between the Chilean Space Agency and the China "
        "National Space Administration on Cooperation in Space Weather\n"
        "Type: Memorandum of understanding\n"
        "Counterpart: People's Republic of China\n"
        "Place and date of signature: Santiago, 14 March 2029\n"
        "Status: In force\n\n"
        "Record 2\n"
        "Title: Memorandum of Understanding between the China National Space Administration "
        "and Kosmokom on Lunar Exploration\n"
        "Type: Memorandum of understanding\n"
        "Parties: China National Space Administration; Kosmokom (Kazakhstan)\n"
        "Date of signature: 9 March 2030\n"
        "Status: In force\n"
    )
    assert {(f.parties, f.signed_on) for f in facts_of(reference, text, kind=Agreement)} == {
        (("chilean-space-agency", "china-national-space-administration"), "2029-03-14"),
        (("china-national-space-administration", "kosmokom"), "2030-03-09"),
    }
