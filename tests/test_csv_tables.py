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


LIST_ARTICLE = """Chinese satellite exports

Communications satellites

Name          Operator                  Country   Launched      Rocket          Notes
AndesSat-2    Andean Space Agency       Bolivia   2 June 2027   Long March 3B   Delivered in orbit
Tupac Amaru   Peruvian Telecom Office   Peru      2028          Long March 3B   Built by CAST

Earth observation satellites

| Satellite | Operator | Launch | Notes |
|---|---|---|---|
| SahelSat-1 | Mali Space Office | 2026 | Built by CAST; launched from Jiuquan |
| AtlasSat-5 | Moroccan Centre for Space Studies | 2027 | Built by Airbus; launched from Jiuquan |
| MeznSat-2 | Emirates Space Office | 2027 | none (for comparison) |
"""


def test_a_table_with_no_role_column_says_the_role_in_its_rocket_and_notes(reference):
    activities = activities_of(reference, LIST_ARTICLE)
    assert ("launched", "andean-space-agency", "andessat-2") in activities  # its rocket
    assert ("delivered", "andean-space-agency", "andessat-2") in activities  # its notes
    assert ("built", "mali-space-office", "sahelsat-1") in activities  # built by CAST
    # built by Airbus: only the launch was China's
    assert ("launched", "moroccan-centre-for-space-studies", "atlassat-5") in activities
    assert ("built", "moroccan-centre-for-space-studies", "atlassat-5") not in activities


def test_a_name_column_of_a_launch_table_names_crafts_without_designators(reference):
    activities = activities_of(reference, LIST_ARTICLE)
    assert ("built", "peruvian-telecom-office", "tupac-amaru") in activities
    assert ("launched", "peruvian-telecom-office", "tupac-amaru") in activities


def test_a_row_that_says_none_was_signed_is_no_agreement(reference):
    text = (
        "Table 3.1: Selected agreements\n"
        "Country      | Counterpart       | Instrument                     | Year\n"
        "Kazakhstan   | Kazcosmos         | Cooperation agreement          | 2021\n"
        "Kyrgyzstan   | -                 | None signed                    | -\n"
    )
    assert {a.parties for a in facts_of(reference, text, kind=Agreement)} == {
        ("china", "kazcosmos")
    }
