"""A data set's comma-separated files printed in a document are tables: each row is a
fact, its header says what each column holds, and a heading between two files starts a
new table. New text of my own."""

from __future__ import annotations

from graph.line_kinds import is_csv_row
from graph.model import Agreement
from graph.tables import cells
from tests.one_document import activities_of, facts_of

DATA_SET = """Sino-Foreign Space Deals Dataset, release 2.1

FILE 1: agreements.csv
date,chinese_party,partner,partner_country,instrument,subject
2019-04-22,CNSA,Bolivian Space Agency,Bolivia,memorandum of understanding,remote sensing
2024-02-09,CGWIC,Tunisian Space Office,Tunisia,launch services contract,"TunSat-2, Jiuquan"

FILE 2: satellites.csv
satellite,customer,customer_country,china_role,launch_date,launch_site
TunSat-2,Tunisian Space Office,Tunisia,launched,2025-07-30,Jiuquan
KenyaSat-4,Space Agency of Kenya,Kenya,jointly developed,2027-01-12,Taiyuan
"""


def test_a_comma_separated_line_is_a_row_and_prose_or_a_number_is_not():
    assert is_csv_row("2019-04-22,CNSA,Bolivian Space Agency,Bolivia")
    assert not is_csv_row("In 2019, 2020 and 2021, China launched three satellites.")
    assert not is_csv_row("China has trained 1,200,000 people.")


def test_a_quoted_cell_keeps_its_commas_and_loses_its_quotes():
    row = '2024-02-09,CGWIC,Tunisian Space Office,"TunSat-2, Jiuquan"'
    assert [row[a:b] for a, b in cells(row)] == [
        "2024-02-09",
        "CGWIC",
        "Tunisian Space Office",
        "TunSat-2, Jiuquan",
    ]


def test_each_agreement_row_is_an_agreement_of_the_kind_its_cells_name(reference):
    agreements = {
        (a.agreement_kind, a.parties, a.signed_on)
        for a in facts_of(reference, DATA_SET, kind=Agreement)
    }
    assert agreements == {
        (
            "memorandum-of-understanding",
            ("bolivian-space-agency", "china-national-space-administration"),
            "2019-04-22",
        ),
        (
            "agreement",
            ("china-great-wall-industry-corporation", "tunisian-space-office"),
            "2024-02-09",
        ),
    }


def test_the_second_file_under_its_own_heading_is_read_with_its_own_header(reference):
    assert activities_of(reference, DATA_SET) == {
        ("launched", "tunisian-space-office", "tunsat-2"),
        ("jointly-developed", "space-agency-of-kenya", "kenyasat-4"),
    }
