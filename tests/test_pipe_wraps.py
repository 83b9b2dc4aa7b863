"""Tables drawn with pipes whose cells wrap onto the lines below: a line whose first cell
is blank and whose words could not have fitted in the cells above goes back into the row,
so the row reads whole and the table's parties and documents are read from it. A blank
first cell that starts its cells afresh is a row of its own. Every table here is new."""

from __future__ import annotations

from graph.model import Agreement
from graph.normalise import clean_text
from tests.one_document import facts_of

# an agency's annual report: parties and documents wrap in a grid of fixed width
_REPORT = (
    "Annual report 2024, chapter 3\n"
    "\n"
    "Table 3.1  Instruments signed with Chinese partners\n"
    "\n"
    "+------------+----------------------------------+---------------------------+\n"
    "| Date       | Parties                          | Document                  |\n"
    "+------------+----------------------------------+---------------------------+\n"
    "| Feb 2020   | Hellenic Space Centre; China     | memorandum of             |\n"
    "|            | National Space Administration    | understanding on lunar    |\n"
    "|            |                                  | samples                   |\n"
    "| Sep 2023   | Andean Remote Sensing Centre;    | letter of intent on a     |\n"
    "|            | China Great Wall Industry        | radar satellite           |\n"
    "|            | Corporation                      |                           |\n"
    "+------------+----------------------------------+---------------------------+\n"
)

# a think tank's appendix, one partner per group of rows: the second document's first
# cell is left blank because it belongs to the same partner, and starts afresh
_APPENDIX = (
    "Appendix B. Partner documents\n"
    "\n"
    "| Partner                 | Year | Document                                  |\n"
    "|-------------------------|------|-------------------------------------------|\n"
    "| Baltic Space Institute  | 2019 | memorandum of understanding with CNSA     |\n"
    "|                         | 2022 | agreement with CNSA on a solar telescope  |\n"
)


def _signed(reference, text: str) -> set[tuple[str, tuple[str, ...], str | None]]:
    return {
        (a.agreement_kind, a.parties, a.signed_on)
        for a in facts_of(reference, text, issued="2024-12-01", kind=Agreement)
    }


def test_a_wrapped_row_reads_whole_and_keeps_the_files_offsets():
    clean = clean_text(_REPORT)
    row = next(line for line in clean.text.split("\n") if "Sep 2023" in line)
    assert "Andean Remote Sensing Centre; China Great Wall Industry Corporation" in row
    assert "letter of intent on a radar satellite" in row
    at = clean.text.index("radar satellite")
    start, end = clean.to_raw(at, at + len("radar satellite"))
    assert _REPORT[start:end] == "radar satellite"


def test_the_parties_of_a_wrapped_row_sign_its_document(reference):
    signed = _signed(reference, _REPORT)
    assert (
        "memorandum-of-understanding",
        ("china-national-space-administration", "hellenic-space-centre"),
        "2020-02",
    ) in signed
    assert (
        "letter-of-intent",
        ("andean-remote-sensing-centre", "china-great-wall-industry-corporation"),
        "2023-09",
    ) in signed


def test_a_blank_first_cell_that_starts_afresh_is_a_row_of_its_own():
    clean = clean_text(_APPENDIX)
    rows = [line for line in clean.text.split("\n") if "CNSA" in line]
    assert len(rows) == 2
    assert "2019" in rows[0] and "2022" not in rows[0]
