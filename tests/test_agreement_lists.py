"""Agreements listed rather than told: the documents a joint statement lists under its
signing ("(a) a Memorandum of Understanding between A and B ..."), dated by the day the
statement says it was itself signed, and a list's rows with the document in their last
cell. New text of my own."""

from __future__ import annotations

from graph.model import Agreement, Cooperation, Status
from tests.one_document import facts_of

STATEMENT = """JOINT STATEMENT
between the China National Space Administration and the Kenya Space Agency

1. At the invitation of the Kenya Space Agency (KSA), a delegation of the China National \
Space Administration (CNSA) visited Nairobi from 22 to 25 March 2031.

2. During the visit the two sides witnessed the signing of the following documents:
(a) a Memorandum of Understanding between CNSA and KSA on the International Lunar Research \
Station;
(b) an Implementation Agreement between the China Academy of Space Technology and KSA on \
the KenSat-3 Project;
(c) a Letter of Intent between the National Space Science Center and the University of \
Nairobi on space weather research.

3. This Joint Statement was signed in Nairobi on 25 March 2031 in two originals.

(c) Kenya Space Agency, 2031.
"""

DEALS = """Deals of the quarter
- Jan 2031 | Ghana | memorandum of understanding between CNSA and the Ghana Space Science \
and Technology Institute (GSSTI) on remote sensing
- Feb 2031 | Kenya | agreement between CMSA and the Kenya Space Agency on astronaut training
"""


def agreements(reference, text: str) -> set[tuple[str, tuple[str, ...], str | None]]:
    return {
        (a.agreement_kind, a.parties, a.signed_on)
        for a in facts_of(reference, text, kind=Agreement, issued="2031-04-01")
    }


def test_the_documents_a_joint_statement_lists_are_signed_on_its_own_day(reference):
    assert agreements(reference, STATEMENT) == {
        (
            "joint-statement",
            ("china-national-space-administration", "kenya-space-agency"),
            "2031-03-25",
        ),
        (
            "memorandum-of-understanding",
            ("china-national-space-administration", "kenya-space-agency"),
            "2031-03-25",
        ),
        ("agreement", ("china-academy-of-space-technology", "kenya-space-agency"), "2031-03-25"),
        (
            "letter-of-intent",
            ("national-space-science-center", "university-of-nairobi"),
            "2031-03-25",
        ),
    }


def test_a_lists_rows_give_the_document_in_their_last_cell_dated_by_the_first(reference):
    assert agreements(reference, DEALS) == {
        (
            "memorandum-of-understanding",
            ("china-national-space-administration", "ghana-space-science-and-technology-institute"),
            "2031-01",
        ),
        ("agreement", ("china-manned-space-agency", "kenya-space-agency"), "2031-02"),
    }


def test_a_sentence_about_an_agreement_is_not_read_as_a_listed_title(reference):
    text = "Our agreement with NASA concerns education and has nothing to do with China."
    assert agreements(reference, text) == set()


def test_the_areas_a_lead_in_lists_for_future_cooperation_are_planned(reference):
    text = (
        "11. CNSA and the Kenya Space Agency identified the following key areas for future "
        "cooperation, to be taken forward in a joint work plan:\n"
        "   (a) Earth observation applications for agriculture;\n"
        "   (b) space science research.\n"
    )
    facts = facts_of(reference, text, kind=Cooperation)
    assert {f.area for f in facts} == {"earth-observation-applications", "space-science"}
    assert all(f.status is Status.PLANNED for f in facts)


def test_counted_signers_named_as_examples_each_signed(reference):
    # "with 19 countries" alone is a total; the examples it gives each signed one
    text = (
        "Since 2029, China has signed space cooperation agreements with 19 countries and "
        "regions, including Gabon, Chad and Peru."
    )
    parties = {f.parties for f in facts_of(reference, text, kind=Agreement)}
    assert parties == {("china", "gabon"), ("chad", "china"), ("china", "peru")}
