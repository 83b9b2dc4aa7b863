"""A table whose only known column for the work is a "Status" ("in service",
"completed") says what China did in a column the header names in other words ("Our
side's share"): those cells are read as a table with no column for the work reads its
notes. A new table of my own."""

from __future__ import annotations

from tests.one_document import activities_of

_TABLE = (
    "Table 3. Satellites of partners in the Caribbean, 2012-2030\n"
    "\n"
    "| Partner   | Craft          | Our side's share             | Year | Status     |\n"
    "|-----------|----------------|------------------------------|------|------------|\n"
    "| Jamaica   | JamSat-2       | built and launched           | 2021 | in service |\n"
    "| Guyana    | EssequiboSat-1 | built, launched, handed over | 2024 | in service |\n"
    "| Barbados  | BimSat-1       | none                         | 2022 | retired    |\n"
)


def test_the_unnamed_column_says_the_work_when_the_status_names_none(reference):
    assert activities_of(reference, _TABLE) == {
        ("built", "jamaica", "jamsat-2"),
        ("launched", "jamaica", "jamsat-2"),
        ("built", "guyana", "essequibosat-1"),
        ("launched", "guyana", "essequibosat-1"),
        ("delivered", "guyana", "essequibosat-1"),
    }
