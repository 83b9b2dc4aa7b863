"""A partner agency's own report: its table of agreements in force, where a row naming
a Chinese body is the agency's agreement with it and a row naming only others is not
China's; and its station upgraded with a Chinese body's help. Every line here is new."""

from __future__ import annotations

from pathlib import Path

from graph import extract
from graph.model import Agreement, Document, DocumentMeta, GroundStation

REPORT = """\
GHANA SPACE SCIENCE AND TECHNOLOGY INSTITUTE
ANNUAL REPORT 2031

Chapter 4: International Cooperation

The Ghana Space Science and Technology Institute worked with eight foreign partners in
2031, and our largest programme remains the one with China.

Our ground station at Kutunse, upgraded in 2030 with the help of the China Academy of Space
Technology, now tracks Ghanaian and Chinese satellites.

Table 4.1: Agreements in force
Partner | Instrument | Signed
CNSA (China) | Memorandum of understanding on space cooperation | 2027
JAXA (Japan) | Letter of intent | 2029
"""


def _facts(reference, kind):
    meta = DocumentMeta(
        "report",
        "report.txt",
        "Annual report 2031",
        "Ghana Space Science and Technology Institute",
        "2032-02-01",
        "white-paper",
    )
    extraction = extract.extract_corpus([Document(meta, Path("report.txt"), REPORT)], reference)
    return [f for f in extraction.facts if isinstance(f, kind)]


def test_a_row_naming_a_chinese_body_is_the_reporting_agencys_agreement_with_it(reference):
    signed = {(a.parties, a.signed_on) for a in _facts(reference, Agreement)}
    assert signed == {
        (
            ("china-national-space-administration", "ghana-space-science-and-technology-institute"),
            "2027",
        )
    }  # and no agreement of China's with JAXA


def test_a_station_upgraded_with_a_chinese_bodys_help_is_the_owners(reference):
    partners = {s.partner for s in _facts(reference, GroundStation)}
    assert partners == {"ghana-space-science-and-technology-institute"}
