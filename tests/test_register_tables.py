"""A data register's table ("id | project | partner | area | China's role | year") whose
caption names no mission: each project is a craft, the role cell says what China did
with it, and the area cell says the row's cooperation on it. A file's encoding
("UTF-8") beside the table is no mission, and "put up" is a launch. A legend of codes
spells out a contract column, line by line. Every sentence here is new."""

from __future__ import annotations

from tests.one_document import activities_of, cooperations_of

REGISTER = "\n".join(
    [
        "## Rows",
        "",
        "The full list is `rows.csv` (UTF-8, tab-separated). Frequently asked rows:",
        "",
        "| ref | project    | partner  | area                   | China's role           | year |",
        "|-----|------------|----------|------------------------|------------------------|------|",
        "| R-1 | KiboSat-2  | Tanzania | Earth observation      | built; launched        | 2029 |",
        "| R-2 | AndesSat-1 | Peru     | satellite communications | jointly developed    | 2030 |",
        "| R-3 | Atlas-K2 | Chile | Earth observation | launched (Chilean-built) | 2030 |",
    ]
)


def test_a_project_column_without_a_captioned_mission_names_the_craft(reference):
    assert activities_of(reference, REGISTER) == {
        ("built", "tanzania", "kibosat-2"),
        ("launched", "tanzania", "kibosat-2"),
        ("jointly-developed", "peru", "andessat-1"),
        ("launched", "chile", "atlas-k2"),  # "Chilean-built": what China built is not said
    }


def test_the_area_cell_gives_the_rows_cooperation_on_its_craft(reference):
    assert cooperations_of(reference, REGISTER) == {
        ("tanzania", "earth-observation-applications", "kibosat-2"),
        ("peru", "satellite-communications", "andessat-1"),
        ("chile", "earth-observation-applications", "atlas-k2"),
    }


def test_a_put_up_satellite_was_launched(reference):
    text = "A Long March 2D put up ZambiaSat-1 for Zambia in 2030."
    assert activities_of(reference, text) == {("launched", "zambia", "zambiasat-1")}


def test_a_chinese_builder_in_a_built_by_column_built_the_craft(reference):
    text = "\n".join(
        [
            "Selected foreign satellites launched from Xichang",
            "  Year | Satellite   | Launched for | Built by",
            "  2029 | KenSat-7    | Kenya        | China Academy of Space Technology",
            "  2030 | ZamSat-4    | Zambia       | Surrey Satellite Technology",
        ]
    )
    assert activities_of(reference, text) == {
        ("built", "kenya", "kensat-7"),
        ("launched", "kenya", "kensat-7"),
        ("launched", "zambia", "zamsat-4"),
    }


HERITAGE = "\n".join(
    [
        "FLIGHT RECORD",
        "",
        "TKD = satellite built, launched and delivered in orbit by us",
        "LO  = launch only (satellite built by others)",
        "",
        "  Year | Satellite     | Customer                  | Contract",
        "  -----|---------------|---------------------------|---------",
        "  2029 | AndeSat-4     | Andicom, Peru             | TKD",
        "  2030 | Kivu-2        | Kivutel, Rwanda           | LO",
        "  2031 | PampaSat-3    | Pampanet, Argentina       | Rideshare",
    ]
)


def test_a_legend_of_two_lines_spells_out_a_contract_column(reference):
    # the customer is the body before the comma, the country where it is; a launch
    # only is no building, and a rideshare is a launch
    assert activities_of(reference, HERITAGE) == {
        ("built", "andicom", "andesat-4"),
        ("launched", "andicom", "andesat-4"),
        ("delivered", "andicom", "andesat-4"),
        ("launched", "kivutel", "kivu-2"),
        ("launched", "pampanet", "pampasat-3"),
    }
