"""A table's partner cell may hold several parties ("CNSA and GISTDA"): each whole name,
acronym or headed name is a name of its own; a name with "and" inside stays one. New
tables of my own."""

from __future__ import annotations

from graph.model import Agreement
from tests.one_document import facts_of

_TABLE = (
    "Signed documents\n\n"
    "| Date | Parties | Document |\n"
    "|------|---------|----------|\n"
    "| 2016 | CNSA and GISTDA | Agreement on the THEOS-3 mission |\n"
    "| 14 Mar 2021 | CNSA and the Thai Ministry of Science | Memorandum of understanding |\n"
    "| 2019 | Space and Upper Air Research Commission | Memorandum of understanding |\n"
)


def test_each_party_a_cell_lists_is_a_party_of_its_own(reference):
    found = {(f.parties, f.signed_on) for f in facts_of(reference, _TABLE, kind=Agreement)}
    assert found == {
        (("china-national-space-administration", "gistda"), "2016"),
        (("china-national-space-administration", "thai-ministry-of-science"), "2021-03-14"),
        (("china", "space-and-upper-air-research-commission"), "2019"),
    }
