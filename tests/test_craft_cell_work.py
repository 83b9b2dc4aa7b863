"""A table with no column for China's role may tell it in the cell that names the craft
("KenSat-9 built and launched by China"); only work that cell gives to China's side
counts. Every text here is new."""

from __future__ import annotations

from tests.one_document import activities_of

_TABLE = """Table 4 Main projects with China, by country

| Country | Main project with China | Year | Status |
|---------|-------------------------|------|--------|
| Kenya   | {kenya} | 2030 | In orbit |
| Ghana   | {ghana} | 2031 | Planned |
"""


def test_the_work_a_craft_cell_gives_to_china(reference):
    text = _TABLE.format(
        kenya="KenSat-9 built and launched by China", ghana="Camera for Chang'e-9"
    )
    found = activities_of(reference, text)
    assert ("built", "kenya", "kensat-9") in found
    assert ("launched", "kenya", "kensat-9") in found


def test_work_a_craft_cell_gives_to_others_is_not_chinas(reference):
    text = _TABLE.format(kenya="KenSat-9 built by Airbus", ghana="Camera for Chang'e-9")
    assert not {a for a in activities_of(reference, text) if a[2] == "kensat-9"}
