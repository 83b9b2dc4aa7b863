"""Lines of a list without bullets, one thing each: "Seismometer — Instituto Nacional
de Pesquisas Espaciais (Brazil)" under a lead-in that names the mission, "Germany:
neutron spectrometer (NS-9), Kiel University". Each line is read on its own (not run
into the next, not taken for a heading); a memo's "To:" line names no resource. Every
text here is new."""

from __future__ import annotations

from pathlib import Path

from graph.extract import extract_corpus
from graph.line_kinds import is_heading
from graph.model import Document, DocumentMeta
from tests.one_document import cooperations_of

SHEET = """\
CHANG'E-9 PAYLOADS

Foreign instruments on Chang'e-9:
Seismometer — Instituto Nacional de Pesquisas Espaciais (Brazil)
Dust counter — University of Tartu (Estonia)
"""


def test_each_dash_line_under_the_lead_in_is_one_payload_of_the_mission(reference):
    assert cooperations_of(reference, SHEET) == {
        ("instituto-nacional-de-pesquisas-espaciais", "payloads", "change-9"),
        ("university-of-tartu", "payloads", "change-9"),
    }


def test_a_country_line_with_a_comma_or_bracket_is_a_list_line_not_a_heading():
    assert not is_heading("Germany: Neutron spectrometer (NS-9), Kiel University")
    assert is_heading("Chapter 3: International cooperation")
    assert is_heading("CHANG'E-7 — INTERNATIONAL PAYLOADS (PLANNED LAUNCH 2026)")


def test_a_memo_header_names_no_resource(reference):
    text = (
        "To: Asia Desk, Directorate for Lunar Diplomacy\nFrom: Research Unit\n\n"
        "China launched OmanSat-5 for Oman in 2031."
    )
    meta = DocumentMeta("memo", "memo.txt", "Memo", "Test", "2031", "white-paper")
    extraction = extract_corpus([Document(meta, Path("memo.txt"), text)], reference)
    assert extraction.facts  # the memo's body is read
    assert "directorate-for-lunar-diplomacy" not in {e.key for e in extraction.entities}
