"""Typed tables whose cells wrap onto the lines below: the wrapped words go back into
the cell above them, so a row reads whole (its parties, its date, its document) and the
table goes on past it. A slash between two names in a parties cell parts two parties.
Every table here is new."""

from __future__ import annotations

from graph.model import Agreement
from graph.normalise import clean_text
from tests.one_document import facts_of

# a think tank's annex: the document's title wraps in the last column
_ANNEX = (
    "Annex C. Space documents signed, 2017-2022\n"
    "\n"
    "Signed on     Parties                       Document\n"
    "------------  ----------------------------  --------------------------------\n"
    "2017-06-20    KARI / CNSA                   letter of intent on a joint lunar\n"
    "                                            orbiter study\n"
    "2019-09-03    Peruvian Space Agency / CMSA  agreement on astronaut\n"
    "                                            training\n"
    "2022-02-14    CNSA / ASAL                   memorandum of understanding\n"
)

# an agency's own report: the partner's name wraps in a middle column, and the rows
# name their parties with a slash between them
_REPORT = (
    "Table 4. Instruments the Agency has concluded\n"
    "\n"
    "   Date        Parties                       Subject\n"
    "   ----------  ----------------------------  ----------------------\n"
    "   2018-11-02  Mongolian Space Agency /      framework agreement,\n"
    "               China Great Wall Industry     ground segment\n"
    "               Corporation\n"
    "   2021-05-30  Mongolian Space Agency /      memorandum of\n"
    "               CNSA                          understanding, data\n"
)


def _signed(reference, text: str) -> set[tuple[str, tuple[str, ...], str | None]]:
    return {
        (a.agreement_kind, a.parties, a.signed_on)
        for a in facts_of(reference, text, issued="2023", kind=Agreement)
    }


def test_a_wrapped_cell_goes_back_into_its_row_and_keeps_the_files_offsets():
    raw = (
        "Date        Parties        Document\n"
        "2020-01-05  ESA / CNSA     letter of\n"
        "                           intent on Mars\n"
        "After the table.\n"
    )
    clean = clean_text(raw)
    row = next(line for line in clean.text.split("\n") if line.startswith("2020"))
    assert row == "2020-01-05\tESA / CNSA\tletter of intent on Mars"
    at = clean.text.index("intent")
    start, end = clean.to_raw(at, at + len("intent on Mars"))
    assert raw[start:end] == "intent on Mars"


def test_a_form_whose_value_wraps_is_no_table():
    raw = "Function:   Earth observation, built by the\n            Academy of Sciences.\n"
    assert "\t" not in clean_text(raw).text


def test_every_row_of_a_table_with_wrapped_titles_is_read(reference):
    signed = _signed(reference, _ANNEX)
    dated = {(kind, date) for kind, _parties, date in signed}
    assert dated == {
        ("letter-of-intent", "2017-06-20"),
        ("agreement", "2019-09-03"),
        ("memorandum-of-understanding", "2022-02-14"),
    }
    assert any("peruvian-space-agency" in parties for _k, parties, _d in signed)


def test_a_party_named_over_two_lines_of_its_cell_is_one_party(reference):
    signed = _signed(reference, _REPORT)
    assert (
        "agreement",
        ("china-great-wall-industry-corporation", "mongolian-space-agency"),
        "2018-11-02",
    ) in signed
    assert (
        "memorandum-of-understanding",
        ("china-national-space-administration", "mongolian-space-agency"),
        "2021-05-30",
    ) in signed


def test_a_slash_between_two_names_parts_two_parties(reference):
    for kind, parties, _date in _signed(reference, _ANNEX):
        assert not any("/" in p or "--" in p for p in parties)
        assert len(parties) == 2, (kind, parties)
