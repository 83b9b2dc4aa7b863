"""A table's partner cell names its partner; a remark after a comma in small letters is
no part of the name."""

from graph.party_names import partner_cells


def test_a_remark_after_the_name_in_a_partner_cell_is_left_out():
    row = "2027-03\tLong March 4C\tAurora-2\tLusitanian Space Agency, with student payloads"
    found = partner_cells("d", row, 0, ("date", "rocket", "craft", "partner"))
    assert [c.label for c in found] == ["Lusitanian Space Agency"]
